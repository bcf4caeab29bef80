// Renders bench/RESULTS.md from the measurements collected by bench/run.mjs.
import { HEADLINE_MIGRATIONS, REBUILD_LIMIT_SECONDS } from './migrations-bench.mjs';
import { FEW_CHANGES, TABLES_PER_TRANSACTION } from './schema.mjs';

const TARGET_SIZE = 10000;
const DIFF_LIMIT_SECONDS = 2;
const RSS_LIMIT_MB = 500;

export const n = (x) => x.toLocaleString('en-US');
export const sec = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
export const mbText = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const escape = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function ratio(m, baseline) {
  if (m.baseline) return '1.00× (baseline)';
  if (!Number.isFinite(m.medianSeconds) || !baseline || !Number.isFinite(baseline.medianSeconds) || baseline.medianSeconds === 0) return '–';
  return `${(m.medianSeconds / baseline.medianSeconds).toFixed(2)}×`;
}

function status(m) {
  if (m.skipped) return `skipped: ${m.skipped}`;
  if (m.errors.length) return `**ERROR**: ${escape([...new Set(m.errors)].join('; '))}`;
  return m.notes.join(', ');
}

function runsText(m) {
  return m.runs.map((r) => (r.ok ? `${sec(r.seconds)} s / ${mbText(r.rssKb / 1024)} MB` : 'error')).join('; ') || '–';
}

function sizeSection(size) {
  const c = size.counts;
  return [
    `### ${n(size.tables)} tables`,
    '',
    `Schema: ${n(c.tables)} tables, ${n(c.columns)} columns, ${n(c.indexes)} indexes (primary keys + one secondary index each), ` +
      `${n(c.foreign_keys)} foreign keys, ${n(c.sequences)} identity sequences, ${n(c.views)} views; loaded in ${size.loadSeconds.toFixed(1)} s.`,
    '',
    ...measurementTable(size.measurements, 'pg_dump'),
  ].join('\n');
}

/**
 * The section of `text` between the markers `begin` and `end` (markers included) and the text before
 * and after it; undefined when the markers are absent or out of order.
 */
export function findSection(text, begin, end) {
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return undefined;
  return { before: text.slice(0, from), section: text.slice(from, to + end.length), after: text.slice(to + end.length) };
}

/** The table of one size's measurements ("vs BASELINE" = median / the baseline's median), then the "few changes" rows. */
export function measurementTable(measurements, baselineName) {
  const baseline = measurements.find((m) => m.baseline);
  const lines = [
    `| command | median seconds | peak RSS MB | vs ${baselineName} | runs (seconds / RSS) | notes |`,
    '|---|---:|---:|---:|---|---|',
  ];
  for (const m of measurements) {
    lines.push(`| ${m.label} | ${sec(m.medianSeconds)} | ${mbText(m.medianRssMb)} | ${ratio(m, baseline)} | ${runsText(m)} | ${status(m)} |`);
  }
  const few = measurements.find((m) => m.key === 'diff-snap-few');
  if (few?.rows?.length) {
    lines.push('', `Differences reported for the "a few changes" pair (source = before, target = after the changes):`, '');
    lines.push('| change | object type | schema | name |', '|---|---|---|---|');
    for (const r of few.rows) lines.push(`| ${r.map(escape).join(' | ')} |`);
  }
  return lines;
}

export function growthSection(sizes, heading = '## Growth') {
  if (sizes.length < 2) return '';
  const keys = sizes[0].measurements.map((m) => [m.key, m.label]);
  const lines = [
    heading,
    '',
    'Median seconds (peak RSS MB) per size.',
    '',
    `| command | ${sizes.map((s) => `${n(s.tables)} tables`).join(' | ')} |`,
    `|---|${sizes.map(() => '---:').join('|')}|`,
  ];
  for (const [key, label] of keys) {
    const cells = sizes.map((s) => {
      const m = s.measurements.find((x) => x.key === key);
      return m && Number.isFinite(m.medianSeconds) ? `${sec(m.medianSeconds)} (${mbText(m.medianRssMb)})` : '–';
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

const pct = (x) => `${(x.share * 100).toFixed(0)}%`;

/** A self-time and an inclusive-time table per profiled command. */
function profileTables(profiles, level = '###') {
  const lines = [];
  for (const p of profiles) {
    if (p.error) {
      lines.push(`${level} ${p.label}`, '', `No profile: ${escape(p.error)}`, '');
      continue;
    }
    lines.push(`${level} ${p.label}`, '', `${sec(p.seconds)} s under the profiler; ${(p.totalMs / 1000).toFixed(2)} s sampled.`, '');
    lines.push('| self ms | share | function (self time) |', '|---:|---:|---|');
    for (const f of p.self) lines.push(`| ${f.ms.toFixed(0)} | ${pct(f)} | \`${escape(f.name)}\` |`);
    lines.push('', '| inclusive ms | share | parity function (inclusive time) |', '|---:|---:|---|');
    for (const f of p.inclusive) lines.push(`| ${f.ms.toFixed(0)} | ${pct(f)} | \`${escape(f.name)}\` |`);
    lines.push('');
  }
  return lines;
}

const PROFILE_NOTE =
  'One extra, untimed run of each parity command under `node --cpu-prof` (sampled; "(idle)" is mostly waiting for ' +
  'the server, "(garbage collector)" is GC). Self time is time spent in the function itself; inclusive time ' +
  'includes what it calls (parity\'s own functions only; work done in callbacks, such as the pg client parsing ' +
  'result rows as they arrive, is not under the function that awaits it).';

export function profileSection(sizes, heading = '##') {
  const size = [...sizes].reverse().find((s) => s.profiles?.length);
  if (!size) return '';
  const lines = [
    `${heading} Where the time goes (${n(size.tables)} tables)`,
    '',
    PROFILE_NOTE,
    '',
  ];
  lines.push(...profileTables(size.profiles, `${heading}#`));
  return lines.join('\n');
}

/** The migrations target: a rebuild of HEADLINE_MIGRATIONS migrations on the embedded server. */
function migrationsTargetLine(migrations) {
  const what = `Rebuild of ${n(HEADLINE_MIGRATIONS)} migrations on the embedded server under ${REBUILD_LIMIT_SECONDS} s`;
  const at = migrations?.counts.find((c) => c.migrations === HEADLINE_MIGRATIONS);
  const m = at?.measurements.find((x) => x.key === 'build');
  if (!m) return `- ${what}: not evaluated (this run did not include ${n(HEADLINE_MIGRATIONS)} migrations; run without --migrations)`;
  if (!m.ok) {
    return `- ${what}: **FAIL** (${m.errors.length ? 'error: see the Migrations section' : 'no successful run'})` +
      (Number.isFinite(m.medianSeconds) ? ` — ${sec(m.medianSeconds)} s` : '');
  }
  return `- ${what}: ${m.medianSeconds < REBUILD_LIMIT_SECONDS ? '**PASS**' : '**FAIL**'} — ${sec(m.medianSeconds)} s ` +
    `(\`parity diff -source=migrations -target=empty\`, peak RSS ${mbText(m.maxRssMb)} MB)`;
}

function targetLines(sizes, migrations) {
  return [...tableTargetLines(sizes), ...(migrations ? [migrationsTargetLine(migrations)] : [])];
}

function tableTargetLines(sizes) {
  const size = sizes.find((s) => s.tables === TARGET_SIZE);
  if (!size) return [`- Not evaluated: the table targets are for ${n(TARGET_SIZE)} tables, which this run did not include (run without --sizes).`];
  const get = (key) => size.measurements.find((m) => m.key === key);
  const verdict = (pass, m) => (m && !m.ok && !Number.isFinite(m.medianSeconds) ? '**FAIL** (error)' : pass ? '**PASS**' : '**FAIL**');
  const out = [];

  const snap = get('snapshot');
  const dump = get('pg_dump');
  out.push(`- Live introspection (\`parity snapshot\`) of ${n(TARGET_SIZE)} tables no slower than \`pg_dump --schema-only\`: ` +
    `${verdict(snap.medianSeconds <= dump.medianSeconds, snap)} — parity ${sec(snap.medianSeconds)} s vs pg_dump ${sec(dump.medianSeconds)} s` +
    (Number.isFinite(snap.medianSeconds) && Number.isFinite(dump.medianSeconds) ? ` (${(snap.medianSeconds / dump.medianSeconds).toFixed(2)}×)` : ''));

  for (const key of ['diff-snap-same', 'diff-snap-few']) {
    const m = get(key);
    const what = key === 'diff-snap-same' ? 'identical snapshots' : 'snapshots with a few changes';
    if (m.skipped) {
      out.push(`- Snapshot-vs-snapshot diff of ${n(TARGET_SIZE)} tables (${what}) under ${DIFF_LIMIT_SECONDS} s: **FAIL** (not measured: ${m.skipped})`);
      continue;
    }
    out.push(`- Snapshot-vs-snapshot diff of ${n(TARGET_SIZE)} tables (${what}) under ${DIFF_LIMIT_SECONDS} s: ` +
      `${verdict(m.medianSeconds < DIFF_LIMIT_SECONDS, m)} — ${sec(m.medianSeconds)} s`);
  }

  const parityCommands = size.measurements.filter((m) => !m.baseline && Number.isFinite(m.maxRssMb));
  if (parityCommands.length) {
    const worst = parityCommands.reduce((a, b) => (b.maxRssMb > a.maxRssMb ? b : a));
    const missing = size.measurements.filter((m) => !m.baseline && !Number.isFinite(m.maxRssMb)).map((m) => m.label);
    out.push(`- Peak RSS of every parity command at ${n(TARGET_SIZE)} tables under ${RSS_LIMIT_MB} MB: ` +
      `${worst.maxRssMb < RSS_LIMIT_MB && missing.length === 0 ? '**PASS**' : '**FAIL**'} — highest ${mbText(worst.maxRssMb)} MB (${worst.label}, max over runs)` +
      (missing.length ? `; not measured (errors): ${missing.join(', ')}` : ''));
  } else {
    out.push(`- Peak RSS of every parity command at ${n(TARGET_SIZE)} tables under ${RSS_LIMIT_MB} MB: **FAIL** (no parity command succeeded)`);
  }
  return out;
}

const ms = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');

/**
 * Milliseconds per migration: (median − the same command's V1-only median) / (N − 1), so fixed costs
 * (start-up, the embedded server, connecting) are left out. NaN for the V1-only rows themselves.
 */
function perMigration(m, count, v1) {
  const fixed = v1[m.key];
  if (!Number.isFinite(m.medianSeconds) || !Number.isFinite(fixed)) return NaN;
  return ((m.medianSeconds - fixed) / (count - 1)) * 1000;
}

function migrationsSection(migrations) {
  const all = migrations.counts;
  /** The V1-only medians of one count, by the key of the command they belong to. */
  const v1Of = (c) => Object.fromEntries(['build', 'migrate', 'psql'].map((key) => [key, c.measurements.find((m) => m.key === `${key}-v1`)?.medianSeconds]));
  const lines = [
    '## Migrations',
    '',
    `Generated Flyway projects (\`flyway.toml\` with \`[flyway] locations = ["filesystem:migrations"]\` and no environments): ` +
      `V1 creates schema \`app\`, then a fixed-seed mix of CREATE TABLE (identity primary key and 3-5 columns), ALTER TABLE ADD COLUMN, ` +
      'CREATE INDEX, ADD FOREIGN KEY (column, constraint and index), CREATE VIEW and CREATE FUNCTION (SQL and PL/pgSQL) migrations, ' +
      'each using what earlier ones created, and a few repeatable migrations (R__) of reporting views and functions. Versions are ' +
      'multi-part (1, 1.1, …, 1.5, 1.5.1, …, 1.10, …, 1.19, 2, …), some written with `_` (`V1_3__`), so file-name order is not version order. ' +
      `The rebuild runs on the embedded server (${migrations.embeddedVersion}); ` +
      '`parity migrate` and `psql` run against the same private PostgreSQL 15 server as the table benchmark, into a fresh database each run. ' +
      `"ms per migration" is (median − the same command's median with only V1, measured in the same rounds) / (N − 1): the cost of one ` +
      'more migration, fixed costs left out.',
    '',
  ];
  for (const c of all) {
    const e = c.expected;
    const baseline = c.measurements.find((m) => m.baseline);
    lines.push(
      `### ${n(c.migrations)} migrations`,
      '',
      `Project: ${n(e.versioned)} versioned + ${n(e.repeatable)} repeatable files, ${n(e.statements)} statements, ${c.sqlMb.toFixed(2)} MB of SQL ` +
        `(${Object.entries(e.kinds).map(([k, v]) => `${n(v)} ${k}`).join(', ')}); they build ${n(e.tables)} tables, ${n(e.columns)} columns, ` +
        `${n(e.indexes)} indexes (${n(e.primaryKeys)} primary keys), ${n(e.foreignKeys)} foreign keys, ${n(e.views)} views and ${n(e.functions)} functions.`,
      '',
      '| command | median seconds | peak RSS MB | ms per migration | vs psql | runs (seconds / RSS) | notes |',
      '|---|---:|---:|---:|---:|---|---|',
    );
    for (const m of c.measurements) {
      const vsPsql = m.key === 'migrate' || m.baseline ? ratio(m, baseline) : '–';
      lines.push(`| ${m.label} | ${sec(m.medianSeconds)} | ${mbText(m.medianRssMb)} | ${ms(perMigration(m, c.migrations, v1Of(c)))} | ${vsPsql} | ${runsText(m)} | ${status(m)} |`);
    }
    lines.push('');
  }

  const head = all.find((c) => c.migrations === HEADLINE_MIGRATIONS) ?? all[all.length - 1];
  const v1 = v1Of(head);
  const get = (key) => head?.measurements.find((m) => m.key === key);
  const [build, buildV1, shm, migrate, migrateV1, psql, psqlV1] = ['build', 'build-v1', 'build-shm', 'migrate', 'migrate-v1', 'psql', 'psql-v1'].map(get);
  const finite = (...ms) => ms.every((m) => m && Number.isFinite(m.medianSeconds));
  if (head && finite(build, buildV1)) {
    const N = head.migrations;
    const text = [
      `Break-down at ${n(N)} migrations: the rebuild takes ${sec(build.medianSeconds)} s, of which ${sec(buildV1.medianSeconds)} s ` +
        `(${((buildV1.medianSeconds / build.medianSeconds) * 100).toFixed(0)}%) is fixed — CLI start-up, \`initdb\`, server start, ` +
        'creating the build database, one migration (which also loads the SQL parser), introspection, stop and removal of the data directory, ' +
        `the diff — as the V1-only project shows; the other ${n(N - 1)} migrations, and introspecting and diffing what they build, add ` +
        `${sec(build.medianSeconds - buildV1.medianSeconds)} s (${ms(perMigration(build, N, v1))} ms per migration).`,
    ];
    if (finite(shm)) {
      text.push(`With the data directory on tmpfs (TMPDIR=/dev/shm) the same rebuild takes ${sec(shm.medianSeconds)} s (${sec(build.medianSeconds - shm.medianSeconds)} s less): ` +
        'the disk-backed temp folder mostly slows `initdb`, which writes a new cluster of about 40 MB.');
    }
    if (finite(migrate, migrateV1, psql, psqlV1)) {
      const parityPer = perMigration(migrate, N, v1);
      const psqlPer = perMigration(psql, N, v1);
      text.push(
        `On the PostgreSQL 15 server, \`parity migrate\` applies the ${n(N)} migrations in ${sec(migrate.medianSeconds)} s (${sec(migrateV1.medianSeconds)} s with only V1) ` +
          `and \`psql\` runs the same SQL, one transaction per file, in ${sec(psql.medianSeconds)} s: ${ms(parityPer)} against ${ms(psqlPer)} ms per migration, ` +
          `so parity's per-migration work (parsing the script into statements, one round trip per statement, the history row) costs ` +
          `${ms(parityPer - psqlPer)} ms per migration on top of running the SQL.`,
      );
    }
    lines.push(text.join(' '), '');
  }

  if (all.length > 1) {
    const keys = ['build', 'migrate', 'psql'];
    lines.push(
      'Growth: median seconds (peak RSS MB) per migration count.',
      '',
      `| command | ${all.map((c) => `${n(c.migrations)} migrations`).join(' | ')} |`,
      `|---|${all.map(() => '---:').join('|')}|`,
    );
    for (const key of keys) {
      const label = all[0].measurements.find((m) => m.key === key)?.label ?? key;
      const cells = all.map((c) => {
        const m = c.measurements.find((x) => x.key === key);
        return m && Number.isFinite(m.medianSeconds) ? `${sec(m.medianSeconds)} (${mbText(m.medianRssMb)})` : '–';
      });
      lines.push(`| ${label} | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }

  const profiled = all.find((c) => c.profiles?.length);
  if (profiled) {
    lines.push(`### Where the time goes (${n(profiled.migrations)} migrations)`, '', PROFILE_NOTE, '', ...profileTables(profiled.profiles, '####'));
  }
  return `${lines.join('\n')}\n`;
}

function migrationsHowMeasured(migrations, runs) {
  return 'Migrations: each project is written to a temporary folder under bench/tmp/. The rebuild is ' +
    '`parity diff -source=migrations -target=empty -artifactFilename=FILE` with no build environment configured, so parity ' +
    'starts a throwaway embedded PostgreSQL (`initdb` into a fresh data directory under TMPDIR, start on a free port, ' +
    'fsync off), creates a build database, applies the migrations recording them in `flyway_schema_history`, introspects ' +
    'the schemas in use, stops the server and removes its data directory, then diffs and writes the artifact. TMPDIR is a private ' +
    `folder under ${migrations.tmpBase} (the default temp folder, on disk here)` +
    (migrations.shm ? ', and for the tmpfs line a private folder under /dev/shm' : '') +
    '; the folder is checked to be empty after every run. Every rebuild is checked: exit code 0, the objects the diff lists by type ' +
    '(the generated schema, tables, views and functions, all "Add"), the columns, primary keys, indexes and foreign keys of ' +
    'the tables in the artifact, and the artifact\'s preparation info (all migrations executed, schema version = the last version). ' +
    '`parity migrate -environment=bench` and `psql -X -q -v ON_ERROR_STOP=1 -f FILE` (FILE: every migration in Flyway\'s order, each ' +
    'wrapped in its own BEGIN/COMMIT, not one transaction for all) run into a database dropped and created before each run ' +
    '(untimed); afterwards the catalogs are checked against the generated counts, and for `parity migrate` the history table ' +
    'must hold one successful row per migration in Flyway\'s order. A failed check marks the series as an error. The commands ' +
    `of one migration count run interleaved round by round, ${runs} rounds, each round ending with the same three commands on a ` +
    'V1-only project (the fixed costs).';
}

export function renderResults({ started, finished, machine, runs, sizes, startup, migrations }) {
  const minutes = ((finished - started) / 60000).toFixed(1);
  const parts = [
    '# parity benchmark results',
    '',
    '_Generated by `npm run bench` (bench/run.mjs); do not edit by hand._',
    '',
    `- Date: ${started.toISOString().replace('T', ' ').slice(0, 19)} UTC (run took ${minutes} min)`,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb.toFixed(1)} GiB RAM, ${machine.platform}; ` +
      `1/5/15-minute load average ${machine.loadAverage.map((x) => x.toFixed(2)).join(' / ')} at start, ${machine.loadAverageEnd.map((x) => x.toFixed(2)).join(' / ')} at the end` +
      (Math.max(machine.loadAverage[0], machine.loadAverageEnd[0]) > machine.cores * 0.75
        ? ` (**the machine was busy with other work: the figures are inflated and noisy**)`
        : ''),
    `- Node ${machine.node}; PostgreSQL server ${machine.server}; ${machine.pgDump}` +
      (migrations ? `; embedded server: ${migrations.embeddedVersion}` : ''),
    `- parity: commit ${machine.commit}`,
    `- Runs per measurement: ${runs} (median reported)`,
    startup ? `- CLI start-up (\`parity --version\`): ${sec(startup.medianSeconds)} s, ${mbText(startup.medianRssMb)} MB — a fixed cost in every parity figure below` : '',
    '',
    '## Targets',
    '',
    ...targetLines(sizes, migrations),
    '',
    '## Results',
    '',
    ...sizes.map((s) => `${sizeSection(s)}\n`),
    growthSection(sizes),
    profileSection(sizes),
    migrations ? migrationsSection(migrations) : '',
    '## How measured',
    '',
    'A private PostgreSQL 15 server (Debian\'s binaries, so `pg_dump` matches the server version) is initialised in a ' +
      'fresh temporary directory and listens on a free 127.0.0.1 port with password (SCRAM) authentication; it is stopped ' +
      'and its directory deleted at the end' +
      (machine.dataDir.startsWith('/dev/shm') ? ' (the data directory is on tmpfs, /dev/shm, which makes loading tens of thousands of relations 3-4× faster; the catalogs that both tools read are in shared buffers either way)' : '') +
      `. For each size a fresh database is loaded, ${TABLES_PER_TRANSACTION} tables per transaction (one transaction for all 10,000 tables is quadratic on PostgreSQL 15), with a generated ` +
      'schema in `public`: N tables of 8 columns (`bigint` identity primary key, `bigint` foreign key to the previous table ' +
      '(the first table references itself), `varchar(100)`, `numeric(12,2)`, `timestamptz`, `boolean`, `jsonb`, `uuid`, ' +
      'with defaults), one secondary index per table, and one view per 10 tables joining two of them; then the catalogs ' +
      'are ANALYZEd (autovacuum is off; fsync is off, which only speeds up loading). ' +
      'Each command runs as a separate process under `/usr/bin/time -f \'%e %M\'` (GNU time: elapsed wall-clock seconds ' +
      'and the maximum resident set size of that process), ' +
      `${runs} times; the median of the runs is reported (the machine is shared and noisy). The live commands ` +
      '(`parity snapshot`, `pg_dump --schema-only -f FILE`, `parity diff -source=bench -target=empty`) run interleaved ' +
      'round by round. parity runs as `node dist/cli/bin.js` (from a copy of dist/ taken right after `npm run build`, ' +
      'so concurrent rebuilds cannot change the code under test) with the default table output written to a file; ' +
      '`pg_dump` is `/usr/lib/postgresql/15/bin/pg_dump` writing its script to a file. RSS is the client process only ' +
      '(the server backend\'s memory is not counted, for either tool). "Identical" diffs compare two snapshots of the ' +
      'same database taken by two of the timed `parity snapshot` runs; "a few changes" compares the first of them with ' +
      `a snapshot taken after these ${FEW_CHANGES.length} changes: ` +
      FEW_CHANGES.map((s) => `\`${s.replace(/\s+/g, ' ')}\``).join('; ') + '. ' +
      '"vs pg_dump" is the command\'s median time divided by pg_dump\'s at the same size.',
    '',
    migrations ? migrationsHowMeasured(migrations, runs) : '',
    '',
  ];
  return parts.filter((p, i, all) => !(p === '' && all[i - 1] === '')).join('\n');
}
