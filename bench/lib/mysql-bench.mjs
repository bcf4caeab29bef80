// The MySQL/MariaDB benchmark (part of `npm run bench`, `--mysql=10,1000,10000|none`): for each table
// count a fresh database of the private MariaDB server is loaded with the generated schema
// (mysql-schema.mjs), then the live series of live-series.mjs runs against it with
// `mysqldump --no-data` as the baseline. Every result is checked (strict): exit codes, the object
// counts parity reports, byte-identical snapshots, the differences of each diff.
import fs from 'node:fs';
import path from 'node:path';
import { benchProject, measureLive } from './live-series.mjs';
import { MYSQLDUMP } from './mariadb-server.mjs';
import {
  MYSQL_COUNTS_PARAMS, MYSQL_COUNTS_SQL, MYSQL_FEW_CHANGES, MYSQL_FEW_CHANGES_EXPECTED, MYSQL_TABLES_PER_CHUNK, mysqlExpectedCounts, mysqlSchemaChunks,
} from './mysql-schema.mjs';
import { checkFailed, log, summarize } from './series.mjs';

/** A live command slower than this gets one round at its size (see measureLive). */
export const SLOW_SECONDS = 120;
export const MYSQLDUMP_ARGS = ['--no-data', '--skip-comments', '--routines', '--events'];

async function loadDatabase(server, database, tables) {
  await server.withConnection('mysql', async (c) => {
    await c.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await c.query(`CREATE DATABASE \`${database}\` DEFAULT CHARACTER SET utf8mb4`);
  });
  const programs = Math.ceil(tables / 100);
  log(`mysql ${tables}: loading ${tables} tables, ${Math.floor(tables / 10)} views, ${programs} triggers and ${programs} procedures, ${MYSQL_TABLES_PER_CHUNK} tables per round trip`);
  const started = process.hrtime.bigint();
  await server.withConnection(database, async (c) => {
    for (const chunk of mysqlSchemaChunks(tables)) await c.query(chunk);
  }, { multipleStatements: true });
  const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const counts = await server.withConnection(database, async (c) => {
    const [rows] = await c.query(MYSQL_COUNTS_SQL, Array(MYSQL_COUNTS_PARAMS).fill(database));
    return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
  });
  log(`mysql ${tables}: loaded in ${loadSeconds.toFixed(1)} s (${JSON.stringify(counts)})`);
  return { counts, loadSeconds };
}

async function benchMysqlSize(server, tables, { cli, runs, profile, workRoot }) {
  const database = `bench_${tables}`;
  const { counts, loadSeconds } = await loadDatabase(server, database, tables);
  const expected = mysqlExpectedCounts(tables);
  const countProblems = Object.keys(expected).filter((k) => counts[k] !== expected[k]).map((k) => `expected ${expected[k]} ${k}, found ${counts[k]}`);
  for (const p of countProblems) log(`  warning: ${p}`);

  const workDir = path.join(workRoot, `mysql-${tables}`);
  const ctx = benchProject({
    workDir, url: `jdbc:mysql://127.0.0.1:${server.port}/${database}`, user: server.user, password: server.password, passwordVariable: 'MYSQL_PWD',
  });
  const { measurements, profiles } = await measureLive({
    cli,
    ctx,
    runs,
    label: `mysql ${tables}`,
    profile,
    baseline: {
      key: 'mysqldump',
      label: `\`mysqldump ${MYSQLDUMP_ARGS.join(' ')}\``,
      command: MYSQLDUMP,
      args: (round) => [...MYSQLDUMP_ARGS, '-h', '127.0.0.1', '-P', String(server.port), '-u', server.user, `--result-file=dump-${round}.sql`, database],
      file: (round) => `dump-${round}.sql`,
    },
    applyChanges: async () => {
      log(`mysql ${tables}: applying ${MYSQL_FEW_CHANGES.length} changes for the "few differences" pair`);
      await server.withConnection(database, async (c) => {
        for (const sql of MYSQL_FEW_CHANGES) await c.query(sql);
      });
    },
    changesExpected: MYSQL_FEW_CHANGES_EXPECTED,
    // The schema (database), the tables, views and procedures; triggers, indexes and keys belong to their tables.
    expectedObjects: 1 + expected.tables + expected.views + expected.routines,
    strict: true,
    slowSeconds: SLOW_SECONDS,
  });
  // A schema that did not load as generated makes every figure of this size suspect.
  for (const p of countProblems) checkFailed(measurements[0], `catalog: ${p}`);
  summarize(measurements[0]);

  await server.withConnection('mysql', (c) => c.query(`DROP DATABASE \`${database}\``));
  fs.rmSync(workDir, { recursive: true, force: true });
  return { tables, counts, loadSeconds, measurements, profiles };
}

/** Runs every size; returns { sizes }. `profile`: profile the parity commands at the largest size. */
export async function benchMysql(server, { cli, sizes, runs, profile, workRoot }) {
  const out = [];
  for (const tables of sizes) {
    out.push(await benchMysqlSize(server, tables, { cli, runs, workRoot, profile: profile && tables === sizes[sizes.length - 1] }));
  }
  return { sizes: out };
}
