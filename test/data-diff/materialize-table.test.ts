/**
 * `dataDiff -materializeEnvironment=NAME -materializeTable=...`: every difference written into a table
 * of a third environment, on PostgreSQL (single-table run) and on MariaDB (whole-database run). The
 * table's rows are read back with the test's own queries and compared with rows derived in the test
 * from the -materialize JSON Lines files of the same run (one row per difference and column); the
 * compared databases hold no new table afterwards; a rerun with the same name appends (a new run_at);
 * mistakes are one-line errors before anything is compared, and leave no table behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../support/cli.ts';
import { environmentSection } from '../support/flyway-toml.ts';
import { skipWithoutMariadb, startMariadb, type TestMariadb } from '../support/mariadb-server.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

let pgServer: TestPostgres;
let maria: TestMariadb;
let work: string;

const SOURCE = `
  CREATE TABLE orders (id integer PRIMARY KEY, amount numeric(10,2), note text);
  INSERT INTO orders SELECT i, i * 1.25, 'n' || i FROM generate_series(1, 1000) i;
  CREATE TABLE logs (msg text, n integer); INSERT INTO logs VALUES ('a', 1), ('a', 1), ('b', 2);
  CREATE TABLE same (id integer PRIMARY KEY, v text); INSERT INTO same VALUES (1, 'x');
  CREATE TABLE bare (id integer PRIMARY KEY); INSERT INTO bare VALUES (1), (2);`;
const CHANGES = `
  DELETE FROM orders WHERE id IN (3, 500);
  INSERT INTO orders VALUES (1001, 9.99, NULL);
  UPDATE orders SET amount = amount + 1 WHERE id = 10;
  UPDATE orders SET note = NULL WHERE id = 11;
  UPDATE orders SET note = '', amount = 0 WHERE id = 12;
  DELETE FROM logs WHERE ctid = (SELECT min(ctid) FROM logs WHERE msg = 'a'); INSERT INTO logs VALUES ('c', 3);
  DELETE FROM bare WHERE id = 2;`;

type Row = [string, string, number, string, string | null, string | null, string | null, string | null];
type Line = { type: string; key: Record<string, string>; row?: Record<string, string | null>; columns?: Record<string, { source: string | null; target: string | null }> };

/** The rows the table must hold for one table pair, derived from its -materialize lines: one per difference and column. */
function expectedRows(file: string, source: string, target: string, compared: readonly string[]): Row[] {
  const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Line);
  return lines.flatMap((line, i): Row[] => {
    const key = Object.keys(line.key).length === 0 ? null : JSON.stringify(line.key);
    const row = (column: string | null, s: string | null, t: string | null): Row => [source, target, i + 1, line.type, key, column, s, t];
    if (line.type === 'different') return Object.entries(line.columns!).map(([c, v]) => row(c, v.source, v.target));
    if (compared.length === 0) return [row(null, null, null)];
    return compared.map((c) => (line.type === 'onlyInSource' ? row(c, line.row![c] ?? null, null) : row(c, null, line.row![c] ?? null)));
  });
}

const sorted = (rows: Row[]) => rows.map((r) => JSON.stringify(r)).sort();

async function pgRows(database: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: pgServer.url(database) });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Tables of a PostgreSQL database outside the system schemas. */
const pgTables = async (database: string) =>
  (await pgRows(database, "SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")).map((r) => r['t']);

const run = (...args: string[]) => runCli(['dataDiff', ...args], { cwd: work, env: { PW: pgServer.password, MPW: maria.password } });

if (!skipWithoutMariadb()) {
  test.before(async () => {
    [pgServer, maria] = await Promise.all([startPostgres(), startMariadb()]);
    for (const db of ['src', 'dst', 'mat']) await pgServer.createDatabase(db);
    await pgServer.exec('src', SOURCE);
    await pgServer.exec('dst', `${SOURCE} ${CHANGES}`);
    await pgServer.exec('mat', 'CREATE SCHEMA diffs');
    await maria.createDatabase('mat');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-mat-table-'));
    const env = (name: string) => environmentSection(name, pgServer.jdbcUrl(name), pgServer.user, 'PW');
    fs.writeFileSync(path.join(work, 'flyway.toml'), env('src') + env('dst') + env('mat') + environmentSection('mariamat', maria.jdbcUrl('mat', 'mariadb'), maria.user, 'MPW'));
  });

  test.after(async () => {
    await Promise.allSettled([pgServer?.stop(), maria?.stop()]);
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('single table into PostgreSQL: the rows of the -materialize file, one per difference and column; stderr says where', async () => {
    const file = path.join(work, 'orders.jsonl');
    const result = await run('-source=src', '-target=dst', '-table=orders', '-key=id', `-materialize=${file}`, '-materializeEnvironment=mat', '-materializeTable=diffs.orders_%t', '-outputType=json');
    assert.is(result.code, 0, result.stderr);
    const summary = (JSON.parse(result.stdout) as { summary: Record<string, number> }).summary;
    assert.equal([summary['onlyInSource'], summary['onlyInTarget'], summary['differentRows']], [2, 1, 3]);
    const said = /^differences written to mat \(postgres:\/\/[^@]+@127\.0\.0\.1:\d+\/[^)]+\) table diffs\.(orders_\d{8}_\d{6}): (\d+) rows$/m.exec(result.stderr);
    assert.ok(said, result.stderr);
    assert.not.ok(result.stderr.includes(pgServer.password));
    const expected = expectedRows(file, 'orders', 'orders', ['amount', 'note']);
    // 2 deleted and 1 inserted rows x 2 columns, and 3 changed rows: 1 + 1 + 2 differing values.
    assert.is(expected.length, 10);
    assert.is(Number(said![2]), expected.length);
    const rows = await pgRows('mat', `SELECT * FROM diffs.${said![1]} ORDER BY difference_no, column_name`);
    assert.equal(sorted(rows.map((r) => [r['source_table'], r['target_table'], Number(r['difference_no']), r['difference_type'], r['key_values'], r['column_name'], r['source_value'], r['target_value']] as Row)), sorted(expected));
    assert.is(new Set(rows.map((r) => (r['run_at'] as Date).toISOString())).size, 1, 'one run_at for the run');
    assert.equal(
      rows.filter((r) => r['key_values'] === '{"id":"12"}').map((r) => [r['column_name'], r['source_value'], r['target_value']]),
      [['amount', '15.00', '0.00'], ['note', 'n12', '']],
      'an empty string stays apart from NULL',
    );
    assert.equal(await pgTables('src'), ['public.bare', 'public.logs', 'public.orders', 'public.same']);
    assert.equal(await pgTables('dst'), ['public.bare', 'public.logs', 'public.orders', 'public.same']);
  });

  test('whole database into MariaDB: every table pair with differences, keyless ones without key_values; a rerun appends', async () => {
    const dir = path.join(work, 'all');
    const args = ['-source=src', '-target=dst', `-materialize=${dir}`, '-materializeEnvironment=mariamat', '-materializeTable=parity_diffs'];
    const first = await run(...args);
    assert.is(first.code, 0, first.stderr);
    assert.match(first.stderr, /^differences written to mariamat \(mysql:\/\/[^)]+\) table parity_diffs: \d+ rows$/m);
    const expected = [
      ...expectedRows(path.join(dir, 'public.orders.jsonl'), 'public.orders', 'public.orders', ['amount', 'note']),
      ...expectedRows(path.join(dir, 'public.logs.jsonl'), 'public.logs', 'public.logs', ['msg', 'n']),
      ...expectedRows(path.join(dir, 'public.bare.jsonl'), 'public.bare', 'public.bare', []),
    ];
    const connection = await maria.connect('mat');
    try {
      const [rows] = (await connection.query('SELECT * FROM parity_diffs')) as unknown as [Record<string, unknown>[]];
      assert.equal(sorted(rows.map((r) => [r['source_table'], r['target_table'], Number(r['difference_no']), r['difference_type'], r['key_values'], r['column_name'], r['source_value'], r['target_value']] as Row)), sorted(expected));
      assert.ok(rows.filter((r) => r['source_table'] === 'public.logs').every((r) => r['key_values'] === null));
      assert.equal(rows.filter((r) => r['source_table'] === 'public.bare').map((r) => [r['difference_type'], r['key_values'], r['column_name']]), [['onlyInSource', '{"id":"2"}', null]]);
      assert.not.ok(rows.some((r) => r['source_table'] === 'public.same'), 'identical tables write nothing');

      const again = await run(...args);
      assert.is(again.code, 0, again.stderr);
      const [runs] = (await connection.query('SELECT run_at, COUNT(*) AS n FROM parity_diffs GROUP BY run_at ORDER BY run_at')) as unknown as [Record<string, unknown>[]];
      assert.equal(runs.map((r) => Number(r['n'])), [expected.length, expected.length], 'two runs, each whole');
    } finally {
      await connection.end();
    }
    assert.equal(await pgTables('dst'), ['public.bare', 'public.logs', 'public.orders', 'public.same']);
  });

  test('mistakes: one line, a documented exit code, before any comparison, and no table left behind', async () => {
    const cases: Array<[string[], number, RegExp]> = [
      [['-materializeTable=t'], 2, /^ERROR: -materializeTable needs -materializeEnvironment/],
      [['-materializeEnvironment=mat'], 2, /^ERROR: -materializeEnvironment needs -materializeTable/],
      [['-materializeEnvironment=mat', '-materializeTable=a.b.c'], 2, /^ERROR: -materializeTable must be table or schema\.table .*not "a\.b\.c" \(-materializeTable\)\n/],
      [['-materializeEnvironment=mat', '-materializeTable=x;drop'], 2, /^ERROR: -materializeTable must be/],
      [['-materializeEnvironment=nowhere', '-materializeTable=t'], 3, /^ERROR: .*nowhere/],
      [['-materializeEnvironment=mat', '-materializeTable=missing_schema.t'], 5, /^ERROR: writing differences to "missing_schema"\."t": .*missing_schema/],
    ];
    for (const [extra, code, message] of cases) {
      const result = await run('-source=src', '-target=dst', '-table=orders', '-key=id', ...extra);
      assert.is(result.code, code, `${extra.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.ok(/^[^\n]*\n$/.test(result.stderr), `one line: ${result.stderr}`);
      assert.is(result.stdout, '');
    }
    assert.equal((await pgTables('mat')).filter((t) => !String(t).startsWith('diffs.orders_')), []);
  });

  test.run();
}
