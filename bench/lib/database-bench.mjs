// The whole-database data-diff benchmark (part of `npm run bench`, `--database=10000000|none`):
// `parity dataDiff -source=src -target=dst -outputType=json` without `-table` over a database of 100
// tables (database-schema.mjs: sizes, column shapes, differences), PG↔PG and PG↔MariaDB, beside
//   - the lower bound: every table's plain full-scan checksum on both sides, 4 queries at a time per
//     side (database-worker.mjs), and
//   - the single-table runs: `parity dataDiff -table=T -key=...` for every keyed table, one after the
//     other, their times summed (a keyless table has no single-table mode: `-table` needs `-key`).
// Servers as in the single-table series (data-bench.mjs): one private PostgreSQL 15 holding `src` and the
// PostgreSQL `dst`, one private MariaDB holding its `dst`, data directories on the disk. Before anything
// is measured every comparison must find unmodified copies of a 100,000-row database identical; every
// measured result must report each table's exact seeded differences, or its row is an ERROR (exit 1).
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  COMMAND_TIMEOUT_MS, PAIRS, copySourceToTarget, elapsed, freshPostgresSource, loadMariadbTables, pairProject, parseJson, startDataServers,
} from './data-bench.mjs';
import { summaryProblems } from './data-schema.mjs';
import { MIN_TOTAL, changeStatements, createStatement, identicalExpectation, insertRange, plannedDatabase, postgresPrimaryKey } from './database-schema.mjs';
import { control, timed } from './measure.mjs';
import { checkFailed, log, makeMeasurement, measureOnce, summarize } from './series.mjs';

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'database-worker.mjs');
/** The database every comparison must find identical before anything is measured. */
export const CHECK_TOTAL = MIN_TOTAL;
export const QUERIES_PER_SIDE = 4;
/** The measured command's arguments after `parity`. */
export const DATABASE_ARGS = ['dataDiff', '-source=src', '-target=dst', '-outputType=json'];
export const singleTableArgs = (table) => ['dataDiff', '-source=src', '-target=dst', `-table=${table.name}`, `-key=${table.key.join(',')}`, '-outputType=json'];
const workerArgs = (dist) => [WORKER, `--dist=${dist}`, '--source=src', '--target=dst', `--queries=${QUERIES_PER_SIDE}`];

async function loadPostgres(pg, tables) {
  const started = process.hrtime.bigint();
  await freshPostgresSource(pg);
  await pg.withClient('src', async (c) => {
    for (const table of tables) {
      // Created and filled in one transaction: no WAL at wal_level = minimal; the primary key is built once.
      await c.query('BEGIN');
      await c.query(createStatement(table, 'postgres'));
      await c.query(insertRange(table, 'postgres', 1, table.rows));
      const key = postgresPrimaryKey(table);
      if (key) await c.query(key);
      await c.query('COMMIT');
    }
    await c.query('VACUUM (FREEZE, ANALYZE)');
  });
  await copySourceToTarget(pg);
  return elapsed(started);
}

const loadMariadb = (mariadb, tables) => loadMariadbTables(mariadb, tables.map((table) => ({
  name: table.name, rows: table.rows, create: createStatement(table, 'mariadb'), insertRange: (from, to) => insertRange(table, 'mariadb', from, to),
})));

/** Every table's row count in PostgreSQL src and dst and MariaDB dst: { src: { name: n }, pgDst, mariadbDst }. */
async function rowCounts(pg, mariadb, tables) {
  const union = tables.map((t) => `SELECT '${t.name}' AS name, COUNT(*) AS n FROM ${t.name}`).join(' UNION ALL ');
  const byName = (rows) => Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
  const pgCounts = (db) => pg.withClient(db, async (c) => byName((await c.query(union)).rows));
  const [src, pgDst, mariadbDst] = await Promise.all([
    pgCounts('src'),
    pgCounts('dst'),
    mariadb.withConnection('dst', async (c) => byName((await c.query(union))[0])),
  ]);
  return { src, pgDst, mariadbDst };
}

/** Throws unless every table holds `rows(table, side)` rows on each side. */
function checkCounts(counts, tables, target, label) {
  const wrong = [];
  for (const t of tables) {
    for (const [side, expected] of [['src', t.rows], ['pgDst', target(t)], ['mariadbDst', target(t)]]) {
      if (counts[side][t.name] !== expected) wrong.push(`${t.name} ${side} ${counts[side][t.name]} (expected ${expected})`);
    }
  }
  if (wrong.length) throw new Error(`${label}: wrong row counts: ${wrong.join(', ')}`);
}

/** Loads the planned tables into PostgreSQL src (+ dst as a copy) and MariaDB dst, the two servers at once, then checks the counts. */
async function load(pg, mariadb, tables, label) {
  const total = tables.reduce((a, t) => a + t.rows, 0);
  log(`${label}: loading ${tables.length} tables, ${total.toLocaleString('en-US')} rows, into PostgreSQL src (+ dst as a copy) and MariaDB dst, in parallel`);
  const started = process.hrtime.bigint();
  const [pgSeconds, mariadbSeconds] = await Promise.all([loadPostgres(pg, tables), loadMariadb(mariadb, tables)]);
  const seconds = elapsed(started);
  checkCounts(await rowCounts(pg, mariadb, tables), tables, (t) => t.rows, label);
  log(`${label}: loaded in ${seconds.toFixed(1)} s (PostgreSQL ${pgSeconds.toFixed(1)} s, MariaDB ${mariadbSeconds.toFixed(1)} s), every table's row count checked`);
  return { seconds, pgSeconds, mariadbSeconds };
}

/** Applies every table's planned differences to both targets, then checks every table's row count. */
async function seed(pg, mariadb, tables, label) {
  const started = process.hrtime.bigint();
  await Promise.all([
    pg.withClient('dst', async (c) => {
      await c.query('BEGIN');
      for (const table of tables) for (const sql of changeStatements(table, 'postgres')) await c.query(sql);
      await c.query('COMMIT');
      await c.query('VACUUM (ANALYZE)');
    }),
    mariadb.withConnection('dst', async (c) => {
      await c.query('START TRANSACTION');
      for (const table of tables) for (const sql of changeStatements(table, 'mariadb')) await c.query(sql);
      await c.query('COMMIT');
      await c.query(`ANALYZE TABLE ${tables.map((t) => t.name).join(', ')}`);
    }),
  ]);
  const seconds = elapsed(started);
  checkCounts(await rowCounts(pg, mariadb, tables), tables, (t) => t.changes.expected.summary.targetRows, label);
  return seconds;
}

const expectedOf = (identical) => (table) => (identical ? identicalExpectation(table) : table.changes.expected);
const isIdentical = ({ summary }) => summary.onlyInSource + summary.onlyInTarget + summary.differentRows === 0;

/** Checks a whole-database run's JSON: every table's status, key and counts; records the report's figures on the run. */
export function checkDatabaseRun(m, run, tables, expectedFor) {
  const out = parseJson(m, run);
  if (!out) return;
  const s = out.summary ?? {};
  Object.assign(run, { result: out, innerSeconds: s.seconds, rowsDownloaded: s.rowsDownloaded, queries: s.queries, schemaDifferences: s.schemaDifferences, perTable: {} });
  if (s.complete !== true) checkFailed(m, `incomplete result (summary.complete ${s.complete}: -maxRowsDownloaded reached after ${s.rowsDownloaded} rows)`);
  if (s.tables !== tables.length) checkFailed(m, `${s.tables} tables compared (expected ${tables.length})`);
  for (const key of ['onlyInSource', 'onlyInTarget', 'error']) if (s[key] !== 0) checkFailed(m, `summary.${key} ${s[key]} (expected 0)`);
  if (m.pair === 'pg' && s.schemaDifferences !== 0) checkFailed(m, `summary.schemaDifferences ${s.schemaDifferences} (expected 0 between two PostgreSQL copies)`);
  const entries = new Map((out.tables ?? []).map((e) => [e.source, e]));
  for (const table of tables) {
    const entry = entries.get(`public.${table.name}`);
    if (!entry) {
      checkFailed(m, `${table.name}: missing from the result`);
      continue;
    }
    const expected = expectedFor(table);
    const problems = [...summaryProblems(entry, expected)];
    const status = isIdentical(expected) ? 'identical' : 'different';
    if (entry.status !== status) problems.push(`status ${entry.status}${entry.error ? ` (${entry.error.message})` : ''} (expected ${status})`);
    if (JSON.stringify(entry.key) !== JSON.stringify(table.key)) problems.push(`key ${JSON.stringify(entry.key)} (expected ${JSON.stringify(table.key)})`);
    if (entry.keySource !== (table.key ? 'primary key' : 'none')) problems.push(`keySource ${entry.keySource}`);
    if (entry.skippedColumns) problems.push(`columns not compared: ${Object.keys(entry.skippedColumns).join(', ')}`);
    if (entry.stats?.complete !== true) problems.push('incomplete');
    for (const problem of problems) checkFailed(m, `${table.name}: ${problem}`);
    run.perTable[table.name] = entry.stats?.seconds;
  }
}

/** Checks the lower bound's counts (and for PG↔PG its checksums: equal exactly where the table is unchanged). */
export function checkLowerBound(m, run, tables, expectedFor) {
  const out = parseJson(m, run);
  if (!out) return;
  Object.assign(run, { result: out, innerSeconds: out.seconds, rowsDownloaded: 0, queries: 2 * tables.length, perTable: {} });
  for (const side of ['source', 'target']) {
    const names = Object.keys(out[side]?.tables ?? {});
    if (names.length !== tables.length) checkFailed(m, `${side}: ${names.length} tables checksummed (expected ${tables.length})`);
  }
  for (const table of tables) {
    const { summary: expected } = expectedFor(table);
    const identical = isIdentical(expectedFor(table));
    const source = out.source?.tables?.[table.name];
    const target = out.target?.tables?.[table.name];
    if (source?.count !== expected.sourceRows) checkFailed(m, `${table.name}: source count ${source?.count} (expected ${expected.sourceRows})`);
    if (target?.count !== expected.targetRows) checkFailed(m, `${table.name}: target count ${target?.count} (expected ${expected.targetRows})`);
    if (m.pair === 'pg' && identical !== (source?.checksum === target?.checksum)) {
      checkFailed(m, `${table.name}: checksums ${source?.checksum} / ${target?.checksum} (expected ${identical ? 'equal' : 'different'})`);
    }
    run.perTable[table.name] = { source: source?.seconds, target: target?.seconds };
  }
}

/**
 * One round of the single-table runs of a pair: every keyed table's `parity dataDiff -table=T -key=...`,
 * one after the other, each checked; added to `m` as one run whose seconds are the sum.
 */
async function singleTableRound(m, cli, ctx, tables, round) {
  const run = { ok: true, seconds: 0, rssKb: 0, innerSeconds: 0, rowsDownloaded: 0, queries: 0, perTable: {} };
  for (const table of tables.filter((t) => t.key !== null)) {
    const base = path.join(ctx.workDir, `single-${table.name}-run${round}`);
    const one = await timed(process.execPath, [cli, ...singleTableArgs(table)], {
      cwd: ctx.workDir, env: ctx.env, timeoutMs: COMMAND_TIMEOUT_MS, outFile: `${base}.stdout`, errFile: `${base}.stderr`, timeFile: `${base}.time`,
    });
    if (!one.ok) {
      run.ok = false;
      checkFailed(m, `${table.name}: ${one.error}`);
      continue;
    }
    const out = parseJson(m, one);
    if (!out) continue;
    const problems = summaryProblems(out, table.changes.expected);
    if (out.stats?.complete !== true) problems.push('incomplete');
    if (out.skippedColumns) problems.push(`columns not compared: ${Object.keys(out.skippedColumns).join(', ')}`);
    for (const problem of problems) checkFailed(m, `${table.name}: ${problem}`);
    run.seconds += one.seconds;
    run.rssKb = Math.max(run.rssKb, one.rssKb);
    run.innerSeconds += out.stats?.seconds ?? NaN;
    run.rowsDownloaded += out.stats?.rowsDownloaded ?? NaN;
    run.queries += out.stats?.queries ?? NaN;
    run.perTable[table.name] = { seconds: one.seconds, innerSeconds: out.stats?.seconds };
  }
  m.runs.push(run);
  log(`  ${m.label} [run ${round}]: ${run.seconds.toFixed(2)} s in all (${run.innerSeconds.toFixed(2)} s in-process), max ${(run.rssKb / 1024).toFixed(0)} MB`);
}

function measurements(pair) {
  const make = (kind, label) => Object.assign(makeMeasurement(`db-${pair.key}-${kind}`, label), { kind, pair: pair.key });
  return [
    make('parity', `\`parity dataDiff\` (whole database) ${pair.label}`),
    make('lower-bound', `lower bound ${pair.label}`),
    make('single', `single-table runs ${pair.label}`),
  ];
}

function logged(m, run) {
  if (!run.ok || !run.result) return;
  if (m.kind === 'parity') log(`    ${run.rowsDownloaded} rows downloaded, ${run.queries} queries, ${run.innerSeconds} s in-process, ${run.schemaDifferences} tables with schema differences`);
  else log(`    checksum queries ${run.innerSeconds.toFixed(2)} s (source ${run.result.source.seconds.toFixed(2)} s, target ${run.result.target.seconds.toFixed(2)} s)`);
}

/** Before anything is measured: parity and the lower bound must find unmodified copies of the check database identical. */
async function verifyGenerator(pg, mariadb, ctxs, { cli, dist }) {
  const tables = plannedDatabase(CHECK_TOTAL);
  await load(pg, mariadb, tables, 'database check');
  const problems = [];
  for (const pair of PAIRS) {
    const [parity, lower] = measurements(pair);
    const run = await measureOnce(parity, process.execPath, [cli, ...DATABASE_ARGS], ctxs[pair.key], 0);
    checkDatabaseRun(parity, run, tables, expectedOf(true));
    const bound = await measureOnce(lower, process.execPath, workerArgs(dist), ctxs[pair.key], 0);
    checkLowerBound(lower, bound, tables, expectedOf(true));
    problems.push(...[parity, lower].flatMap((m) => m.errors.map((e) => `${m.label}: ${e}`)));
  }
  if (problems.length) {
    throw new Error(`the generated databases are not identical in PostgreSQL and MariaDB (or a comparison is wrong) at ${CHECK_TOTAL} rows:\n  ${problems.join('\n  ')}`);
  }
  log(`database check: parity and the lower bound find the unmodified ${CHECK_TOTAL.toLocaleString('en-US')}-row databases identical, every table (PG↔PG and PG↔MariaDB)`);
}

/**
 * Runs the whole-database series at `total` rows, `runs` rounds. `state.servers` gets the servers as they
 * start (so a signal handler can stop them). Returns everything the report needs.
 */
export async function benchDatabase({ cli, dist, total, runs, workRoot, state }) {
  const { pg, mariadb } = await startDataServers('database', state);
  const ctxs = Object.fromEntries(PAIRS.map((pair) => [pair.key, pairProject(path.join(workRoot, `database-${pair.key}`), pg, mariadb, pair)]));
  await verifyGenerator(pg, mariadb, ctxs, { cli, dist });

  const label = `database ${total.toLocaleString('en-US')}`;
  const tables = plannedDatabase(total);
  const loaded = await load(pg, mariadb, tables, label);
  const seedSeconds = await seed(pg, mariadb, tables, label);
  const changed = tables.reduce((a, t) => a + t.changes.updates.length + t.changes.deletes.length + t.changes.inserts.length, 0);
  log(`${label}: seeded ${changed} differences into each target in ${seedSeconds.toFixed(1)} s; every table's row count checked`);

  // Warm-up (untimed): one lower-bound run per pair reads every table of both sides once.
  for (const pair of PAIRS) {
    const warm = path.join(ctxs[pair.key].workDir, 'warmup');
    log(`${label}: warm-up read of both sides (${pair.label})`);
    await timed(process.execPath, workerArgs(dist), { cwd: ctxs[pair.key].workDir, env: ctxs[pair.key].env, timeoutMs: COMMAND_TIMEOUT_MS, outFile: `${warm}.stdout`, errFile: `${warm}.stderr`, timeFile: `${warm}.time` });
  }
  const series = Object.fromEntries(PAIRS.map((pair) => [pair.key, measurements(pair)]));
  const measured = { started: new Date(), loadAverage: os.loadavg() };
  const measuredStarted = process.hrtime.bigint();
  for (let round = 1; round <= runs; round++) {
    for (const pair of PAIRS) {
      if (control.aborted) throw new Error('interrupted');
      log(`${label}: round ${round}/${runs}, ${pair.label}`);
      const [parity, lower, single] = series[pair.key];
      const ctx = ctxs[pair.key];
      const run = await measureOnce(parity, process.execPath, [cli, ...DATABASE_ARGS], ctx, round);
      checkDatabaseRun(parity, run, tables, expectedOf(false));
      logged(parity, run);
      const bound = await measureOnce(lower, process.execPath, workerArgs(dist), ctx, round);
      checkLowerBound(lower, bound, tables, expectedOf(false));
      logged(lower, bound);
      log(`  single-table runs ${pair.label}: ${tables.filter((t) => t.key !== null).length} tables`);
      await singleTableRound(single, cli, ctx, tables, round);
    }
  }
  if (control.aborted) throw new Error('interrupted');
  Object.assign(measured, { seconds: elapsed(measuredStarted), loadAverageEnd: os.loadavg() });
  log('database: stopping the servers and removing their data directories');
  await Promise.all([pg.stop(), mariadb.stop()]);
  return {
    total,
    rounds: runs,
    tables,
    load: loaded,
    seedSeconds,
    measured,
    pairs: PAIRS.map((pair) => ({ ...pair, measurements: series[pair.key].map(summarize) })),
    pgVersion: pg.version,
    mariadbVersion: mariadb.version,
    parityArgs: DATABASE_ARGS,
  };
}
