// Renders bench/RESULTS.md from the measurements collected by bench/run.mjs.
import { FEW_CHANGES, TABLES_PER_TRANSACTION } from './schema.mjs';

const TARGET_SIZE = 10000;
const DIFF_LIMIT_SECONDS = 2;
const RSS_LIMIT_MB = 500;

const n = (x) => x.toLocaleString('en-US');
const sec = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const mbText = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
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
  const baseline = size.measurements.find((m) => m.baseline);
  const c = size.counts;
  const lines = [
    `### ${n(size.tables)} tables`,
    '',
    `Schema: ${n(c.tables)} tables, ${n(c.columns)} columns, ${n(c.indexes)} indexes (primary keys + one secondary index each), ` +
      `${n(c.foreign_keys)} foreign keys, ${n(c.sequences)} identity sequences, ${n(c.views)} views; loaded in ${size.loadSeconds.toFixed(1)} s.`,
    '',
    '| command | median seconds | peak RSS MB | vs pg_dump | runs (seconds / RSS) | notes |',
    '|---|---:|---:|---:|---|---|',
  ];
  for (const m of size.measurements) {
    lines.push(`| ${m.label} | ${sec(m.medianSeconds)} | ${mbText(m.medianRssMb)} | ${ratio(m, baseline)} | ${runsText(m)} | ${status(m)} |`);
  }
  const few = size.measurements.find((m) => m.key === 'diff-snap-few');
  if (few?.rows?.length) {
    lines.push('', `Differences reported for the "a few changes" pair (source = before, target = after the changes):`, '');
    lines.push('| change | object type | schema | name |', '|---|---|---|---|');
    for (const r of few.rows) lines.push(`| ${r.map(escape).join(' | ')} |`);
  }
  return lines.join('\n');
}

function growthSection(sizes) {
  if (sizes.length < 2) return '';
  const keys = sizes[0].measurements.map((m) => [m.key, m.label]);
  const lines = [
    '## Growth',
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

function profileSection(sizes) {
  const size = [...sizes].reverse().find((s) => s.profiles?.length);
  if (!size) return '';
  const pct = (x) => `${(x.share * 100).toFixed(0)}%`;
  const lines = [
    `## Where the time goes (${n(size.tables)} tables)`,
    '',
    'One extra, untimed run of each parity command under `node --cpu-prof` (sampled; "(idle)" is mostly waiting for ' +
      'the server, "(garbage collector)" is GC). Self time is time spent in the function itself; inclusive time ' +
      'includes what it calls (parity\'s own functions only; work done in callbacks, such as the pg client parsing ' +
      'result rows as they arrive, is not under the function that awaits it).',
    '',
  ];
  for (const p of size.profiles) {
    if (p.error) {
      lines.push(`### ${p.label}`, '', `No profile: ${escape(p.error)}`, '');
      continue;
    }
    lines.push(`### ${p.label}`, '', `${sec(p.seconds)} s under the profiler; ${(p.totalMs / 1000).toFixed(2)} s sampled.`, '');
    lines.push('| self ms | share | function (self time) |', '|---:|---:|---|');
    for (const f of p.self) lines.push(`| ${f.ms.toFixed(0)} | ${pct(f)} | \`${escape(f.name)}\` |`);
    lines.push('', '| inclusive ms | share | parity function (inclusive time) |', '|---:|---:|---|');
    for (const f of p.inclusive) lines.push(`| ${f.ms.toFixed(0)} | ${pct(f)} | \`${escape(f.name)}\` |`);
    lines.push('');
  }
  return lines.join('\n');
}

function targetLines(sizes) {
  const size = sizes.find((s) => s.tables === TARGET_SIZE);
  if (!size) return [`Not evaluated: the targets are for ${n(TARGET_SIZE)} tables, which this run did not include (run without --sizes).`];
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

export function renderResults({ started, finished, machine, runs, sizes, startup }) {
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
    `- Node ${machine.node}; PostgreSQL server ${machine.server}; ${machine.pgDump}`,
    `- parity: commit ${machine.commit}`,
    `- Runs per measurement: ${runs} (median reported)`,
    startup ? `- CLI start-up (\`parity --version\`): ${sec(startup.medianSeconds)} s, ${mbText(startup.medianRssMb)} MB — a fixed cost in every parity figure below` : '',
    '',
    '## Targets',
    '',
    ...targetLines(sizes),
    '',
    '## Results',
    '',
    ...sizes.map((s) => `${sizeSection(s)}\n`),
    growthSection(sizes),
    profileSection(sizes),
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
      'round by round. parity runs as `node dist/cli/main.js` (from a copy of dist/ taken right after `npm run build`, ' +
      'so concurrent rebuilds cannot change the code under test) with the default table output written to a file; ' +
      '`pg_dump` is `/usr/lib/postgresql/15/bin/pg_dump` writing its script to a file. RSS is the client process only ' +
      '(the server backend\'s memory is not counted, for either tool). "Identical" diffs compare two snapshots of the ' +
      'same database taken by two of the timed `parity snapshot` runs; "a few changes" compares the first of them with ' +
      `a snapshot taken after these ${FEW_CHANGES.length} changes: ` +
      FEW_CHANGES.map((s) => `\`${s.replace(/\s+/g, ' ')}\``).join('; ') + '. ' +
      '"vs pg_dump" is the command\'s median time divided by pg_dump\'s at the same size.',
    '',
  ];
  return parts.filter((p, i, all) => !(p === '' && all[i - 1] === '')).join('\n');
}
