// The whole-database section of bench/RESULTS.md (bench/run.mjs --database), between its own marker
// comments with its own date, machine, load average and commit, after the data section: a run that
// skips the series keeps the section as it was, and a run of this series alone rewrites only it.
import { CHECK_TOTAL, DATABASE_ARGS, QUERIES_PER_SIDE } from './database-bench.mjs';
import { HEADLINE_TOTAL, KEYLESS_RANKS, SHAPES, TABLE_COUNT, sizeLaw } from './database-schema.mjs';
import { MARIADB_ARGS, PG_SETTINGS } from './data-bench.mjs';
import { RSS_TARGET_MB, TIME_TARGET, boundSeconds, commandsTable, count, get, med, ratio, times } from './data-report.mjs';
import { DIFFERENCE_RATE, MARIADB_CHUNK, SEED } from './data-schema.mjs';
import { median } from './measure.mjs';
import { mbText, n, sec } from './report.mjs';

export const DATABASE_BEGIN = '<!-- database-series:begin (bench/run.mjs --database; kept when a run skips it) -->';
export const DATABASE_END = '<!-- database-series:end -->';

const keyedCount = (db) => db.tables.filter((t) => t.key !== null).length;
const loadText = (values) => values.map((v) => v.toFixed(2)).join(' / ');

function targetLines(db) {
  const lines = [];
  const verdict = (m, pass) => (!m.ok ? '**ERROR** (wrong or failed result)' : pass ? '**PASS**' : '**FAIL**');
  for (const pair of db.pairs) {
    const parity = get(pair, 'parity');
    lines.push(`- ${pair.label}, peak RSS under ${RSS_TARGET_MB} MB: ${verdict(parity, parity.maxRssMb < RSS_TARGET_MB)} — ${mbText(parity.maxRssMb)} MB (max over runs)`);
  }
  for (const pair of db.pairs) {
    const parity = get(pair, 'parity');
    const single = get(pair, 'single');
    const r = ratio(parity.medianSeconds, single.medianSeconds);
    lines.push(`- ${pair.label}, no slower than the sum of the ${keyedCount(db)} single-table runs: ${verdict(parity, single.ok && r <= 1)} — whole database ${sec(parity.medianSeconds)} s ` +
      `vs sum ${sec(single.medianSeconds)} s = ${times(r)}${single.ok ? '' : ' (**the single-table runs had errors**)'}; in-process ${sec(med(parity, 'innerSeconds'))} s vs ${sec(med(single, 'innerSeconds'))} s = ` +
      `${times(ratio(med(parity, 'innerSeconds'), med(single, 'innerSeconds')))}`);
  }
  for (const pair of db.pairs) {
    const parity = get(pair, 'parity');
    const r = ratio(parity.medianSeconds, boundSeconds(pair));
    lines.push(`- ${pair.label}, time within ${TIME_TARGET}× of the lower bound (the single-table series' target, applied to the whole database): ${verdict(parity, r <= TIME_TARGET)} — ` +
      `parity ${sec(parity.medianSeconds)} s vs lower bound ${sec(boundSeconds(pair))} s = ${times(r)} (in-process ${times(ratio(med(parity, 'innerSeconds'), boundSeconds(pair)))})`);
  }
  return lines;
}

function summaryTable(db) {
  const lines = [
    '| pair | parity s | parity inner s | lower bound s | parity ÷ lower bound | sum of single-table runs s (inner s) | parity ÷ sum | parity peak RSS MB | rows downloaded | queries | tables with schema differences |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const pair of db.pairs) {
    const parity = get(pair, 'parity');
    const single = get(pair, 'single');
    const mark = (m, text) => (m.ok ? text : `${text} (ERROR)`);
    lines.push(`| ${pair.label} | ${mark(parity, sec(parity.medianSeconds))} | ${sec(med(parity, 'innerSeconds'))} | ${sec(boundSeconds(pair))} | ` +
      `${times(ratio(parity.medianSeconds, boundSeconds(pair)))} | ${mark(single, `${sec(single.medianSeconds)} (${sec(med(single, 'innerSeconds'))})`)} | ` +
      `${times(ratio(parity.medianSeconds, single.medianSeconds))} | ${mbText(parity.maxRssMb)} | ${count(med(parity, 'rowsDownloaded'))} | ${count(med(parity, 'queries'))} | ` +
      `${count(med(parity, 'schemaDifferences'))} |`);
  }
  return lines;
}

/** The shapes: how many tables and rows each, its key and columns. */
function shapesTable(db) {
  const lines = ['| shape | tables | rows | key | columns (PostgreSQL types; MariaDB: INT, BIGINT, DECIMAL, VARCHAR, DATETIME, TINYINT(1), TEXT) |', '|---|---:|---:|---|---|'];
  for (const [name, shape] of Object.entries(SHAPES)) {
    const tables = db.tables.filter((t) => t.shape === name);
    if (tables.length === 0) continue;
    const key = shape.key === null ? 'none (no primary key, no unique index; every row twice)' : shape.key.length > 1 ? `composite (${shape.key.join(', ')})` : `${shape.key[0]} ${shape.columns[0].pgType}`;
    const columns = shape.columns.filter((c) => !(shape.key ?? []).includes(c.name)).map((c) => `${c.name} ${c.pgType}${c.nullable ? ' NULL' : ''}`).join(', ');
    lines.push(`| ${name} | ${tables.length} | ${n(tables.reduce((a, t) => a + t.rows, 0))} | ${key} | ${columns} |`);
  }
  return lines;
}

/** The median over the rounds of one table's figure (`pick` reads it from a run's perTable entry). */
function perTableMedian(m, name, pick = (x) => x) {
  return median(m.runs.filter((r) => r.ok && r.perTable?.[name] !== undefined).map((r) => pick(r.perTable[name])));
}

function perTableSection(db) {
  const [pg, maria] = db.pairs;
  const header = [
    '| rank | table | rows | key | updated / deleted / inserted',
    ...db.pairs.flatMap((p) => [`${p.label}: whole-database s`, `${p.label}: single-table s`, `${p.label}: lower bound s (source / target)`]),
  ];
  const lines = [
    '<details><summary>Per table: the whole-database run\'s <code>stats.seconds</code> of each table (tables run 4 at a time, so they overlap), the single-table run\'s wall time, and the lower bound\'s query time on each side</summary>',
    '',
    `${header.join(' | ')} |`,
    `|---:|---|---:|---|---|${db.pairs.map(() => '---:|---:|---:|').join('')}`,
  ];
  for (const t of db.tables) {
    const cells = [t.rank, `\`${t.name}\``, n(t.rows), t.key ? t.key.join(', ') : 'none', `${t.changes.updates.length} / ${t.changes.deletes.length} / ${t.changes.inserts.length}`];
    for (const pair of [pg, maria].filter(Boolean)) {
      cells.push(sec(perTableMedian(get(pair, 'parity'), t.name)));
      cells.push(t.key ? sec(perTableMedian(get(pair, 'single'), t.name, (x) => x.seconds)) : 'no mode');
      const lower = get(pair, 'lower-bound');
      cells.push(`${sec(perTableMedian(lower, t.name, (x) => x.source))} / ${sec(perTableMedian(lower, t.name, (x) => x.target))}`);
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push('', '</details>');
  return lines;
}

export function renderDatabaseSection({ started, finished, machine, db }) {
  const minutes = ((finished - started) / 60000).toFixed(1);
  const busy = (loads) => Math.max(...loads.map((l) => l[0])) > machine.cores * 0.75;
  const sizes = db.tables.map((t) => t.rows);
  const totalChanges = db.tables.reduce((a, t) => a + t.changes.updates.length + t.changes.deletes.length + t.changes.inserts.length, 0);
  const law = sizeLaw();
  const keyless = db.tables.filter((t) => t.key === null);
  const composite = db.tables.filter((t) => (t.key?.length ?? 0) > 1);
  return [
    DATABASE_BEGIN,
    '## Whole-database data diff (`parity dataDiff` without `-table`)',
    '',
    `- Date: ${started.toISOString().replace('T', ' ').slice(0, 19)} UTC (run took ${minutes} min, loading included; the measured rounds ${(db.measured.seconds / 60).toFixed(1)} min)`,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb.toFixed(1)} GiB RAM, ${machine.platform}; ` +
      `1/5/15-minute load average ${loadText(machine.loadAverage)} at start, ${loadText(machine.loadAverageEnd)} at the end; ` +
      `${loadText(db.measured.loadAverage)} when the measured rounds started, ${loadText(db.measured.loadAverageEnd)} when they ended` +
      (busy([machine.loadAverage, machine.loadAverageEnd, db.measured.loadAverage, db.measured.loadAverageEnd])
        ? ' (**the machine was busy: the figures may be inflated and noisy**; the load counts this benchmark\'s own processes too, see How measured)'
        : ''),
    `- Node ${machine.node}; PostgreSQL ${db.pgVersion}; MariaDB ${db.mariadbVersion}; data directories on the disk (${machine.dataBase})`,
    `- parity: commit ${machine.commit}; measured command \`parity ${db.parityArgs.join(' ')}\``,
    `- Database: ${db.tables.length} tables, ${n(sizes.reduce((a, x) => a + x, 0))} rows in all (${n(Math.max(...sizes))} down to ${n(Math.min(...sizes))} per table), ` +
      `${composite.length} with a composite key, ${keyless.length} keyless (${keyless.map((t) => `\`${t.name}\``).join(', ')}); ${n(totalChanges)} seeded differences in each target`,
    `- Rounds: ${db.rounds} (median reported)`,
    '',
    '### Targets',
    '',
    ...targetLines(db),
    '',
    '### Summary',
    '',
    ...summaryTable(db),
    '',
    ...commandsTable(db.pairs),
    '',
    '### The database',
    '',
    `Loaded in ${db.load.seconds.toFixed(1)} s (not measured): PostgreSQL \`src\` + its copy \`dst\` ${db.load.pgSeconds.toFixed(1)} s, MariaDB \`dst\` ${db.load.mariadbSeconds.toFixed(1)} s, ` +
      `the two at the same time; differences seeded in ${db.seedSeconds.toFixed(1)} s. Table sizes: the table of rank r holds ` +
      `${n(2_000_000)} × ((1 + b) / (r + b))^s rows at ${n(HEADLINE_TOTAL)} in all, b = ${law.b.toFixed(2)}, s = ${law.s.toFixed(2)} ` +
      `(solved so that rank 1 holds 2,000,000, rank ${TABLE_COUNT} 1,000 and the sum is ${n(HEADLINE_TOTAL)}); other totals scale every size, the rounding remainder going to rank 2. ` +
      `${sizes.filter((x) => x >= 100_000).length} tables hold 100,000 rows or more, ${sizes.filter((x) => x < 10_000).length} fewer than 10,000. Ranks ${KEYLESS_RANKS.join(' and ')} are keyless, the others cycle through orders, accounts, lines, notes:`,
    '',
    ...shapesTable(db),
    '',
    ...perTableSection(db),
    '',
    '### How measured',
    '',
    'The tables are generated inside each database from expressions of a generating number that give the same values on both servers (bench/lib/database-schema.mjs): ' +
      'PostgreSQL `generate_series`, each table created, filled and given its primary key in one transaction (no WAL at `wal_level = minimal`), then `VACUUM (FREEZE, ANALYZE)` ' +
      'and the PostgreSQL target made as a file copy of the source (`CREATE DATABASE dst TEMPLATE src`); MariaDB `INSERT ... SELECT` from the Sequence engine\'s `seq_1_to_N`, ' +
      `${n(MARIADB_CHUNK)} rows per transaction, primary key declared up front (InnoDB clusters by it), then \`ANALYZE TABLE\`. Keyed tables hold the even keys (ids 2, 4, ...; ` +
      'for `lines` the composite key derived from them), so inserted rows (odd) fall between existing keys; a keyless table holds every row twice. Every table\'s row count is checked on the three databases after loading and after seeding. ' +
      `Before anything is measured, parity and the lower bound must find unmodified copies of the ${n(CHECK_TOTAL)}-row database identical, every table, both pairs (PG↔PG checksums equal), or the run stops. ` +
      `Then ${DIFFERENCE_RATE * 100}% of each table's rows (at least 3) are seeded into each target, drawn with the fixed seed ${SEED} + the table's rank, the same in both targets: ` +
      'a third updated rows (one column each, the shape\'s columns in turn), a third deleted, a third inserted; in a keyless table one copy of a row is updated (`amount + 1`), ' +
      'one copy of another deleted, one more copy of a third added, all distinct rows, so each table\'s multiset counts are exact (updated + deleted only in source, updated + inserted only in target, ' +
      'no "different" rows: without a key an updated row is one row gone and one new). ' +
      'Every result is checked against every table\'s exact counts (summary, and for keyed tables each column\'s `differentValues`; status, key, `keySource`, no column skipped, complete; ' +
      'PG↔PG no schema differences); a mismatch is an **ERROR** in its row and makes the benchmark exit with 1. ' +
      'Servers as in the single-table series: one private PostgreSQL 15 holds `src` and the PostgreSQL `dst` (two databases of one server, so PG↔PG shares the 2 cores), ' +
      `settings ${PG_SETTINGS.map((s) => `\`${s}\``).join(', ')}; one private MariaDB with ${MARIADB_ARGS.map((s) => `\`${s}\``).join(', ')}. ` +
      'Before the rounds, one untimed lower-bound run per pair reads every table of both sides once. Each round runs, per pair, the whole-database command, the lower bound, then the single-table runs, ' +
      'each as a separate process under GNU time. The load averages count the benchmark\'s own processes as well as other work: loading runs both servers at once, ' +
      `and the lower bound (the warm-up just before the rounds, too) runs ${2 * QUERIES_PER_SIDE} checksum queries at once, each PostgreSQL one with its parallel workers, so a load of several at the start of the rounds is partly the benchmark's own.`,
    '',
    'Columns:',
    '',
    `- **parity**: \`parity ${db.parityArgs.join(' ')}\` (the defaults: threads 4, which whole-database mode spends as 4 connections per server in all — ` +
      'split 2 + 2 when both sides are on one server, as for PG↔PG — and 4 tables at a time, largest first; one max-rows-downloaded budget of 1,000,000 for the run); ' +
      '*median s* is the process\'s wall time (Node start-up, connecting and reading the catalogs included), *inner s* is `summary.seconds` from its JSON; ' +
      '*rows downloaded* and *queries* are `summary.rowsDownloaded` and `summary.queries`; *tables with schema differences* is `summary.schemaDifferences` (tables whose schema section lists differences).',
    `- **lower bound**: every table's plain full-scan checksum, both sides at the same time, ${QUERIES_PER_SIDE} queries at a time per side (one connection each; PG↔PG: ${2 * QUERIES_PER_SIDE} on the one server), ` +
      'largest tables first, in one Node process (bench/lib/database-worker.mjs, pg and mysql2): the md5 of the columns as the database prints them, joined with `|`, no normalization, no grouping, ' +
      'its first 60 bits summed, with the row count: PostgreSQL `SELECT count(*), coalesce(sum((\'x\' || substr(md5(concat_ws(\'|\', c1::text, ...)), 1, 15))::bit(60)::bigint::numeric), 0) FROM t`, ' +
      'MariaDB `SELECT COUNT(*), COALESCE(SUM(CAST(CONV(SUBSTRING(MD5(CONCAT_WS(\'|\', c1, ...)), 1, 15), 16, 10) AS UNSIGNED)), 0) FROM t`. Its figure is *inner s*, from the first query to the last result ' +
      '(process start-up, connecting and reading the catalogs excluded: the bound is strict); *median s* is its whole process. The row counts are checked; the checksums only PG↔PG (the servers print values differently).',
    `- **single-table runs**: \`parity dataDiff -source=src -target=dst -table=T -key=K -outputType=json\` for each of the ${keyedCount(db)} keyed tables (K its primary key, \`account_id,line_no\` for a composite one), ` +
      'one after the other, each a process of its own, each result checked against the table\'s expected counts; *median s* is the sum of their wall times (a Node start-up each), *inner s* the sum of their ' +
      '`stats.seconds`, *peak RSS* the highest. A keyless table has no single-table run: `-table` requires `-key`, and only whole-database mode compares a table without a key (as a multiset of rows), so the ' +
      `sum leaves out ${db.tables.filter((t) => t.key === null).map((t) => `\`${t.name}\` (${n(t.rows)} rows)`).join(' and ')}, which the whole-database run includes.`,
    `- **÷ lower bound / vs lower bound**: the command's median seconds divided by the lower bound's inner seconds. **peak RSS**: the maximum resident set size of the command's own process (GNU time), the highest over the runs; the target is under ${RSS_TARGET_MB} MB.`,
    DATABASE_END,
    '',
  ].filter((p, i, all) => !(p === '' && all[i - 1] === '')).join('\n');
}
