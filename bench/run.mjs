#!/usr/bin/env node
// parity benchmark (`npm run bench`): generated PostgreSQL schemas of 10, 1,000 and 10,000 tables on a
// private PostgreSQL 15 server; time and peak RSS of `parity snapshot`, `parity diff` (live vs empty,
// snapshot vs snapshot) and `pg_dump --schema-only`, each run N times (median reported). Then generated
// Flyway migrations projects of 100, 500 and 1,000 migrations: `parity diff -source=migrations
// -target=empty` (built on the embedded PostgreSQL), the embedded server alone (a V1-only project),
// `parity migrate` into a fresh database of the private server, and `psql -f` of the same files.
// Then the same live series on a private MariaDB server (10, 1,000 and 10,000 tables) next to
// `mysqldump --no-data`. Then `parity dataDiff` on tables of 1M and 10M rows with 0.01% differences
// and on identical copies, PG↔PG, PG↔MariaDB and MariaDB↔MariaDB, beside the lower bound (the plain
// md5 full-scan checksum, one query per side) and a naive fetch-everything compare (data-bench.mjs). Writes bench/RESULTS.md (see mysql-report.mjs and
// data-report.mjs for how a run that skips a series keeps that part of the file). Then `parity dataDiff`
// without `-table` over a database of 100 tables and 10M rows in all, PG↔PG and PG↔MariaDB, beside the
// lower bound (every table's plain full-scan checksum) and the sum of the single-table runs
// (database-bench.mjs). Progress goes to stderr.
//
// Usage: node bench/run.mjs [--sizes=10,1000,10000|none] [--migrations=100,500,1000|none] [--mysql=10,1000,10000|none]
//          [--data=1000000,10000000|none] [--runs=3] [--dataRuns=N[,N...]] [--dataArgs="..."]
//          [--database=10000000|none] [--databaseRuns=1] [--no-build] [--no-profile] [--out=bench/RESULTS.md]
//   --sizes       table counts of the PostgreSQL snapshot/diff benchmark (none: skip it)
//   --migrations  migration counts of the migrations benchmark (none: skip it)
//   --mysql       table counts of the MySQL/MariaDB snapshot/diff benchmark (none: skip it)
//   --data        row counts of the data-diff benchmark (none: skip it)
//   --dataRuns    rounds of the data series (default --runs); a list gives each size its own, smallest
//                 size first, the last repeated (--dataRuns=3,1: 3 rounds at 1M, 1 at 10M)
//   --dataArgs    extra arguments of the measured `parity dataDiff`, separated by spaces
//                 (e.g. --dataArgs="-threads=8 -maxRowsDownloaded=50000000"); the report shows them
//   --database    rows in all of the whole-database series' 100 tables (at least 100000; none: skip it)
//   --databaseRuns  rounds of the whole-database series (default 1)
//   --no-build    use dist/ as it is instead of running `npm run build` first
//   --no-profile  skip the extra `node --cpu-prof` runs (each parity command at the largest size of each
//                 dialect, and the migrations build and migrate at 500 migrations)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GNU_TIME, control, killGroup, running, timePresent } from './lib/measure.mjs';
import { log, makeMeasurement, measureOnce, summarize } from './lib/series.mjs';
import { renderResults } from './lib/report.mjs';
import { FEW_CHANGES, FEW_CHANGES_EXPECTED, TABLES_PER_TRANSACTION, expectedCounts, schemaChunks } from './lib/schema.mjs';
import { PG_BIN, PG_MAJOR, serverBinariesPresent, startServer } from './lib/server.mjs';
import { HEADLINE_MIGRATIONS, benchMigrations, removePrivateTmpDirs } from './lib/migrations-bench.mjs';
import { mariadbProblems, mysqldumpVersion, startMariadb } from './lib/mariadb-server.mjs';
import { benchMysql } from './lib/mysql-bench.mjs';
import { renderMysqlSection } from './lib/mysql-report.mjs';
import { benchProject, measureLive } from './lib/live-series.mjs';
import { benchData } from './lib/data-bench.mjs';
import { DATA_BEGIN, DATA_END, combineAll, renderDataSection } from './lib/data-report.mjs';
import { benchDatabase } from './lib/database-bench.mjs';
import { DATABASE_BEGIN, DATABASE_END, renderDatabaseSection } from './lib/database-report.mjs';
import { HEADLINE_TOTAL, MIN_TOTAL } from './lib/database-schema.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The CLI is run from a private copy of dist/ (see copyCli), so a rebuild by someone else during the
// run cannot change the code being measured half-way through.
let CLI = path.join(root, 'dist', 'cli', 'bin.js');

function parseOptions(argv) {
  const options = {
    sizes: [10, 1000, 10000], migrations: [100, HEADLINE_MIGRATIONS, 1000], mysql: [10, 1000, 10000], data: [1_000_000, 10_000_000],
    database: HEADLINE_TOTAL, databaseRuns: 1, runs: 3, dataArgs: [], build: true, profile: true, out: path.join(root, 'bench', 'RESULTS.md'),
  };
  let dataRuns;
  const counts = (text, min, what) => {
    if (text.trim() === 'none') return [];
    const list = text.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
    if (list.some((n) => !Number.isInteger(n) || n < min)) usage(`bad --${what}: ${text} (integers of at least ${min}, or none)`);
    return list;
  };
  for (const arg of argv) {
    let m;
    if ((m = /^--?sizes=(.+)$/.exec(arg))) options.sizes = counts(m[1], 1, 'sizes');
    else if ((m = /^--?migrations=(.+)$/.exec(arg))) options.migrations = counts(m[1], 10, 'migrations');
    else if ((m = /^--?mysql=(.+)$/.exec(arg))) options.mysql = counts(m[1], 10, 'mysql');
    else if ((m = /^--?data=(.+)$/.exec(arg))) options.data = counts(m[1], 1000, 'data');
    else if ((m = /^--?dataRuns=([\d,]+)$/.exec(arg))) {
      dataRuns = m[1].split(',').map(Number);
      if (dataRuns.some((r) => !Number.isInteger(r) || r < 1)) usage('--dataRuns must be whole numbers of at least 1');
    } else if ((m = /^--?dataArgs=(.*)$/s.exec(arg))) options.dataArgs = m[1].split(/\s+/).filter(Boolean);
    else if ((m = /^--?database=(.+)$/.exec(arg))) {
      const [total, ...more] = counts(m[1], MIN_TOTAL, 'database');
      if (more.length) usage(`bad --database: ${m[1]} (one row count, or none)`);
      options.database = total;
    } else if ((m = /^--?databaseRuns=(\d+)$/.exec(arg))) {
      options.databaseRuns = Number(m[1]);
      if (options.databaseRuns < 1) usage('--databaseRuns must be at least 1');
    }
    else if ((m = /^--?runs=(\d+)$/.exec(arg))) {
      options.runs = Number(m[1]);
      if (options.runs < 1) usage('--runs must be at least 1');
    } else if (arg === '--no-build') options.build = false;
    else if (arg === '--no-profile') options.profile = false;
    else if ((m = /^--?out=(.+)$/.exec(arg))) options.out = path.resolve(m[1]);
    else if (arg === '--help' || arg === '-h') usage();
    else usage(`unknown argument: ${arg}`);
  }
  options.sizes = [...new Set(options.sizes)].sort((a, b) => a - b);
  options.migrations = [...new Set(options.migrations)].sort((a, b) => a - b);
  options.mysql = [...new Set(options.mysql)].sort((a, b) => a - b);
  options.data = [...new Set(options.data)].sort((a, b) => a - b);
  const roundsList = dataRuns ?? [options.runs];
  options.dataRuns = (rows) => roundsList[Math.min(options.data.indexOf(rows), roundsList.length - 1)];
  options.dataRunsText = options.data.map((rows) => `${options.dataRuns(rows)} at ${rows.toLocaleString('en-US')} rows`).join(', ');
  options.postgres = options.sizes.length > 0 || options.migrations.length > 0;
  if (!options.postgres && options.mysql.length === 0 && options.data.length === 0 && options.database === undefined) {
    usage('nothing to measure (--sizes=none, --migrations=none, --mysql=none, --data=none and --database=none)');
  }
  return options;
}

function usage(problem) {
  if (problem) process.stderr.write(`bench: ${problem}\n`);
  process.stderr.write([
    'usage: node bench/run.mjs [--sizes=10,1000,10000|none] [--migrations=100,500,1000|none] [--mysql=10,1000,10000|none]',
    '         [--data=1000000,10000000|none] [--runs=3] [--dataRuns=N[,N...]] [--dataArgs="..."]',
    '         [--database=10000000|none] [--databaseRuns=1] [--no-build] [--no-profile] [--out=bench/RESULTS.md]',
    '  --sizes         table counts of the PostgreSQL snapshot/diff series',
    '  --migrations    migration counts of the migrations series',
    '  --mysql         table counts of the MySQL/MariaDB snapshot/diff series',
    '  --data          row counts of the single-table data-diff series (one table `orders`)',
    '  --runs          rounds of each measurement (median reported; default 3)',
    '  --dataRuns      rounds of the data series (default --runs); a list gives each size its own, smallest first',
    '  --dataArgs      extra arguments of the data series\' measured `parity dataDiff`, separated by spaces',
    `  --database      rows in all of the whole-database series (100 tables; at least ${MIN_TOTAL}; default ${HEADLINE_TOTAL}):`,
    '                  `parity dataDiff` without -table, PG<->PG and PG<->MariaDB, beside the lower bound and the',
    '                  sum of the single-table runs; --database=100000 checks the instrument in a few minutes',
    '  --databaseRuns  rounds of the whole-database series (default 1)',
    '  --no-build      use dist/ as it is instead of running `npm run build` first',
    '  --no-profile    skip the extra `node --cpu-prof` runs',
    '  --out           the results file (default bench/RESULTS.md)',
    'A series given `none` is skipped; a run rewrites only the parts of the results file it measured.',
    '',
  ].join('\n'));
  process.exit(problem ? 2 : 0);
}

function preflight(options) {
  const dataDiff = options.data.length > 0 || options.database !== undefined;
  const problems = options.mysql.length || dataDiff ? mariadbProblems() : [];
  if ((options.postgres || dataDiff) && !serverBinariesPresent()) {
    problems.push(`PostgreSQL ${PG_MAJOR} server binaries are missing (${PG_BIN}/initdb, pg_ctl, postgres, pg_dump).\n` +
      `  The benchmark needs Debian's PostgreSQL ${PG_MAJOR} (pg_dump must match the server): apt-get install -y postgresql`);
  }
  if (options.migrations.length && !fs.existsSync(path.join(PG_BIN, 'psql'))) {
    problems.push(`${PG_BIN}/psql is missing (the migrations baseline runs the files with psql): apt-get install -y postgresql-client-${PG_MAJOR}`);
  }
  if (!timePresent()) problems.push(`${GNU_TIME} is missing (GNU time measures elapsed time and max RSS): apt-get install -y time`);
  if ((options.postgres || dataDiff) && typeof process.getuid === 'function' && process.getuid() === 0 && spawnSync('id', ['postgres']).status !== 0) {
    problems.push('running as root but there is no `postgres` user to run the server as: apt-get install -y postgresql');
  }
  if (problems.length) {
    for (const p of problems) process.stderr.write(`bench: ${p}\n`);
    process.exit(1);
  }
}

function build() {
  log('npm run build');
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}\nbench: npm run build failed; nothing measured\n`);
    process.exit(1);
  }
}

/**
 * Copies dist/ and package.json to a fresh bench/tmp/run-XXXXXX folder (git-ignored; node_modules still resolve from the
 * project root) and points CLI at the copy. Returns the copy's directory, removed at the end.
 */
function copyCli() {
  const tmp = path.join(root, 'bench', 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  for (const entry of fs.readdirSync(tmp)) {
    const full = path.join(tmp, entry);
    try {
      if (entry.startsWith('run-') && Date.now() - fs.statSync(full).mtimeMs > 6 * 3600_000) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      /* ignore */
    }
  }
  const dir = fs.mkdtempSync(path.join(tmp, 'run-'));
  fs.cpSync(path.join(root, 'dist'), path.join(dir, 'dist'), { recursive: true });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  CLI = path.join(dir, 'dist', 'cli', 'bin.js');
  return dir;
}

function removeCliCopy(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  try {
    fs.rmdirSync(path.dirname(dir)); // bench/tmp, when nothing else is in it
  } catch {
    /* not empty */
  }
}

function gitDescription() {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  if (head.status !== 0) return 'unknown';
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src'], { cwd: root, encoding: 'utf8' });
  return `${head.stdout.trim()}${dirty.stdout.trim() ? ' (with uncommitted changes under src/)' : ''}`;
}

async function benchSize(server, tables, options) {
  const database = `bench_${tables}`;
  log(`size ${tables}: creating database ${database}`);
  await server.withClient('postgres', async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${database}`);
    await c.query(`CREATE DATABASE ${database}`);
  });

  log(`size ${tables}: loading ${tables} tables and ${Math.floor(tables / 10)} views, ${TABLES_PER_TRANSACTION} tables per transaction`);
  const loadStarted = process.hrtime.bigint();
  await server.withClient(database, async (c) => {
    // Each chunk is one multi-statement query: one implicit transaction of TABLES_PER_TRANSACTION tables.
    for (const chunk of schemaChunks(tables)) await c.query(chunk);
    // Fresh planner statistics for the catalogs both parity and pg_dump read (autovacuum is off).
    const catalogs = await c.query(
      "SELECT c.oid::regclass::text AS name FROM pg_catalog.pg_class c WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'r'",
    );
    for (const { name } of catalogs.rows) await c.query(`ANALYZE ${name}`);
  });
  const loadSeconds = Number(process.hrtime.bigint() - loadStarted) / 1e9;
  const counts = await server.withClient(database, async (c) => (await c.query(`
    SELECT
      (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r')::int AS tables,
      (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'v')::int AS views,
      (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'i')::int AS indexes,
      (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S')::int AS sequences,
      (SELECT count(*) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype = 'f')::int AS foreign_keys,
      (SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attnum > 0)::int AS columns
  `)).rows[0]);
  log(`size ${tables}: loaded in ${loadSeconds.toFixed(1)} s (${JSON.stringify(counts)})`);
  const expected = expectedCounts(tables);
  for (const k of ['tables', 'views', 'indexes', 'sequences', 'columns']) {
    if (counts[k] !== expected[k]) log(`  warning: expected ${expected[k]} ${k}, found ${counts[k]}`);
  }

  const workDir = path.join(server.dir, 'work', String(tables));
  const ctx = benchProject({
    workDir, url: `jdbc:postgresql://127.0.0.1:${server.port}/${database}`, user: server.user, password: server.password, passwordVariable: 'PGPASSWORD', schemas: ['public'],
  });
  const { measurements, profiles } = await measureLive({
    cli: CLI,
    ctx,
    runs: options.runs,
    label: `size ${tables}`,
    profile: options.profile && tables === options.sizes[options.sizes.length - 1],
    baseline: {
      key: 'pg_dump',
      label: '`pg_dump --schema-only`',
      command: path.join(PG_BIN, 'pg_dump'),
      args: (round) => ['--schema-only', '-h', '127.0.0.1', '-p', String(server.port), '-U', server.user, '-d', database, '-f', `dump-${round}.sql`],
      file: (round) => `dump-${round}.sql`,
    },
    applyChanges: async () => {
      log(`size ${tables}: applying ${FEW_CHANGES.length} changes for the "few differences" pair`);
      await server.withClient(database, async (c) => {
        await c.query('BEGIN');
        for (const sql of FEW_CHANGES) await c.query(sql);
        await c.query('COMMIT');
      });
    },
    changesExpected: FEW_CHANGES_EXPECTED,
    expectedTopLevel: tables + Math.floor(tables / 10) + 0, // tables + views (+ schema, if modelled)
  });

  await server.withClient('postgres', (c) => c.query(`DROP DATABASE ${database}`));
  if (!options.keep) fs.rmSync(workDir, { recursive: true, force: true });
  return {
    tables,
    counts,
    loadSeconds,
    measurements,
    profiles,
  };
}

async function cliStartup(options) {
  const m = makeMeasurement('startup', '`parity --version` (Node + CLI start-up)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-bench-startup-'));
  try {
    for (let round = 1; round <= options.runs; round++) await measureOnce(m, process.execPath, [CLI, '--version'], { workDir: dir, env: { PATH: process.env.PATH ?? '' } }, round);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return summarize(m);
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  preflight(options);
  if (options.build) build();
  if (!fs.existsSync(CLI)) {
    process.stderr.write(`bench: ${CLI} does not exist; run npm run build\n`);
    process.exit(1);
  }
  const cliCopy = copyCli();
  const commit = gitDescription(); // the code that was built and copied
  const pgDumpVersion = options.postgres ? spawnSync(path.join(PG_BIN, 'pg_dump'), ['--version'], { encoding: 'utf8' }).stdout.trim() : '';
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    commit,
  };

  let server;
  let mariadb;
  const dataState = { servers: [] }; // the data series' servers, as they start
  let interrupted = false;
  const onSignal = (signal) => {
    if (interrupted) return;
    interrupted = true;
    control.aborted = true;
    log(`${signal}: stopping`);
    for (const child of running) killGroup(child);
    Promise.allSettled([server?.stop(), mariadb?.stop(), ...dataState.servers.map((s) => s.stop())])
      .finally(() => removePrivateTmpDirs())
      .finally(() => removeCliCopy(cliCopy))
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);

  const sizes = [];
  let startup;
  let migrations;
  let pgRun; // { started, finished, loadAverage, loadAverageEnd } of the PostgreSQL series
  let mysql;
  let mysqlRun;
  let data;
  let dataRun;
  let database;
  let databaseRun;
  try {
    startup = await cliStartup(options);
    if (options.postgres) {
      pgRun = { started: new Date(), loadAverage: os.loadavg() };
      server = await startServer({ log });
      log(`PostgreSQL ${server.version} on 127.0.0.1:${server.port}, data in ${server.dir}`);
      for (const tables of options.sizes) sizes.push(await benchSize(server, tables, options));
      if (options.migrations.length) {
        migrations = await benchMigrations(server, { cli: CLI, root, counts: options.migrations, runs: options.runs, profile: options.profile, workRoot: cliCopy });
      }
      log('stopping PostgreSQL and removing its data directory');
      await server.stop();
      Object.assign(pgRun, { finished: new Date(), loadAverageEnd: os.loadavg() });
    }
    if (options.mysql.length) {
      mysqlRun = { started: new Date(), loadAverage: os.loadavg() };
      mariadb = await startMariadb({ log });
      log(`MariaDB ${mariadb.version} on 127.0.0.1:${mariadb.port}, data in ${mariadb.dir}`);
      mysql = await benchMysql(mariadb, { cli: CLI, sizes: options.mysql, runs: options.runs, profile: options.profile, workRoot: cliCopy });
      Object.assign(mysql, { version: mariadb.version, dumpVersion: mysqldumpVersion() });
      log('stopping MariaDB and removing its data directory');
      await mariadb.stop();
      Object.assign(mysqlRun, { finished: new Date(), loadAverageEnd: os.loadavg() });
    }
    if (options.data.length) {
      dataRun = { started: new Date(), loadAverage: os.loadavg() };
      data = await benchData({ cli: CLI, dist: path.dirname(path.dirname(CLI)), sizes: options.data, runs: options.dataRuns, extraArgs: options.dataArgs, workRoot: cliCopy, state: dataState });
      Object.assign(dataRun, { finished: new Date(), loadAverageEnd: os.loadavg() });
    }
    if (options.database !== undefined) {
      databaseRun = { started: new Date(), loadAverage: os.loadavg() };
      database = await benchDatabase({ cli: CLI, dist: path.dirname(path.dirname(CLI)), total: options.database, runs: options.databaseRuns, workRoot: cliCopy, state: dataState });
      Object.assign(databaseRun, { finished: new Date(), loadAverageEnd: os.loadavg() });
    }
  } finally {
    if (!interrupted) {
      await Promise.allSettled([server?.stop(), mariadb?.stop(), ...dataState.servers.map((s) => s.stop())]);
      removePrivateTmpDirs();
      removeCliCopy(cliCopy);
    }
  }
  if (interrupted) return;

  const pgMarkdown = pgRun && renderResults({
    started: pgRun.started,
    finished: pgRun.finished,
    machine: { ...machine, server: server.version, pgDump: pgDumpVersion, loadAverage: pgRun.loadAverage, loadAverageEnd: pgRun.loadAverageEnd, dataDir: server.dir },
    runs: options.runs,
    sizes,
    startup,
    migrations,
  });
  const mysqlMarkdown = mysqlRun && renderMysqlSection({
    started: mysqlRun.started,
    finished: mysqlRun.finished,
    machine: { ...machine, loadAverage: mysqlRun.loadAverage, loadAverageEnd: mysqlRun.loadAverageEnd },
    runs: options.runs,
    startup,
    mysql,
  });
  const dataMarkdown = dataRun && renderDataSection({
    started: dataRun.started,
    finished: dataRun.finished,
    machine: { ...machine, loadAverage: dataRun.loadAverage, loadAverageEnd: dataRun.loadAverageEnd, dataBase: os.tmpdir() },
    runsText: options.dataRunsText,
    data,
  });
  const databaseMarkdown = databaseRun && renderDatabaseSection({
    started: databaseRun.started,
    finished: databaseRun.finished,
    machine: { ...machine, loadAverage: databaseRun.loadAverage, loadAverageEnd: databaseRun.loadAverageEnd, dataBase: os.tmpdir() },
    db: database,
  });
  const existing = fs.existsSync(options.out) ? fs.readFileSync(options.out, 'utf8') : undefined;
  fs.writeFileSync(options.out, combineAll(existing, {
    pg: pgMarkdown,
    mysql: mysqlMarkdown,
    sections: [{ begin: DATA_BEGIN, end: DATA_END, text: dataMarkdown }, { begin: DATABASE_BEGIN, end: DATABASE_END, text: databaseMarkdown }],
  }));
  log(`wrote ${path.relative(process.cwd(), options.out) || options.out}`);
  const failed = [
    startup,
    ...sizes.flatMap((s) => s.measurements),
    ...(migrations?.counts.flatMap((c) => c.measurements) ?? []),
    ...(mysql?.sizes.flatMap((s) => s.measurements) ?? []),
    ...(data?.sizes.flatMap((s) => s.pairs.flatMap((p) => p.measurements)) ?? []),
    ...(database?.pairs.flatMap((p) => p.measurements) ?? []),
  ].filter((m) => m.errors.length > 0);
  if (failed.length) {
    log(`${failed.length} measurement(s) had errors; see ${options.out}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  if (control.aborted) return; // interrupted: the signal handler stops the server and exits
  process.stderr.write(`bench: ${error?.stack ?? error}\n`);
  process.exit(1);
});
