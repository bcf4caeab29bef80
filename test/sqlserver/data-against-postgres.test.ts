/**
 * SQL Server's canonical texts, row texts, row hashes and key hashes against PostgreSQL's for the same
 * data: the live shared PostgreSQL computes its side with its own SQL (readRows, rowText, the md5
 * checksum of a one-row range, the key hash), and the SQL Server side's SQL for the same logical
 * values, as SQL Server stores them (datetime2(7) in style 121, upper-case uniqueidentifier, nchar
 * padded, decimal(12,4) rounded by the plan to 2 digits), is evaluated by test/sqlserver/tsql-eval.ts
 * (no SQL Server can run here: what SQL Server's own functions return is the evaluator's model of
 * them, from Microsoft's documentation). Also `dataDiff` from a live PostgreSQL to a SQL Server that
 * refuses the connection: it gets as far as connecting (exit 4 naming SQL Server).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { hashRowText } from '../../src/data-diff/row-hash.ts';
import { describeTable } from '../../src/data-diff/sql/catalog.ts';
import { planPair, type PlanOptions } from '../../src/data-diff/sql/column-plan.ts';
import type { DataColumn, DataConnection, PlannedColumn, SegmentSpec } from '../../src/data-diff/sql/data-dialect.ts';
import { normalizedSql, readChecksum, readRows, rowText, valueSql } from '../../src/data-diff/sql/data-sql.ts';
import { postgresData } from '../../src/data-diff/sql/postgres-data.ts';
import { sqlserverColumn } from '../../src/data-diff/sql/sqlserver-catalog.ts';
import { sqlserverData } from '../../src/data-diff/sql/sqlserver-data.ts';
import { freeLoopbackPort } from '../../src/embedded/embedded-postgres.ts';
import { runCli } from '../support/cli.ts';
import { environmentSection } from '../support/flyway-toml.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';
import { evalTsql, hashbytesShifted, type Value } from './tsql-eval.ts';

const PG_TABLE = `CREATE TABLE h (id bigint PRIMARY KEY, i int NOT NULL, n numeric(12,2), ts timestamp(6), b boolean, d date, t text, c char(5), u uuid, bin bytea)`;
const COLUMNS = ['i', 'n', 'ts', 'b', 'd', 't', 'c', 'u', 'bin'];

/** The same table on SQL Server, as its catalog describes it. */
const SQLSERVER_COLUMNS: Record<string, DataColumn> = Object.fromEntries(
  [
    sqlserverColumn({ name: 'id', data_type: 'bigint', max_length: 8, precision: 19, scale: 0, is_nullable: false, collation_name: null }),
    sqlserverColumn({ name: 'i', data_type: 'int', max_length: 4, precision: 10, scale: 0, is_nullable: false, collation_name: null }),
    sqlserverColumn({ name: 'n', data_type: 'decimal', max_length: 9, precision: 12, scale: 4, is_nullable: true, collation_name: null }),
    sqlserverColumn({ name: 'ts', data_type: 'datetime2', max_length: 8, precision: 27, scale: 7, is_nullable: true, collation_name: null }),
    sqlserverColumn({ name: 'b', data_type: 'bit', max_length: 1, precision: 1, scale: 0, is_nullable: true, collation_name: null }),
    sqlserverColumn({ name: 'd', data_type: 'date', max_length: 3, precision: 10, scale: 0, is_nullable: true, collation_name: null }),
    sqlserverColumn({ name: 't', data_type: 'nvarchar', max_length: -1, precision: 0, scale: 0, is_nullable: true, collation_name: 'SQL_Latin1_General_CP1_CI_AS' }),
    sqlserverColumn({ name: 'c', data_type: 'nchar', max_length: 10, precision: 0, scale: 0, is_nullable: true, collation_name: 'SQL_Latin1_General_CP1_CI_AS' }),
    sqlserverColumn({ name: 'u', data_type: 'uniqueidentifier', max_length: 16, precision: 0, scale: 0, is_nullable: true, collation_name: null }),
    sqlserverColumn({ name: 'bin', data_type: 'varbinary', max_length: -1, precision: 0, scale: 0, is_nullable: true, collation_name: null }),
  ].map((c) => [c.name, c]),
);

/** Each row on PostgreSQL, and as SQL Server holds the same values (its driver's and style 121's forms). */
const ROWS: ReadonlyArray<readonly [string, Record<string, Value>]> = [
  [
    `(1, 7, 12.35, '2024-01-02 03:04:05.678912', true, '2024-01-02', 'plain', 'ab', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\\xff00')`,
    { id: 1, i: 7, n: '12.3450', ts: '2024-01-02 03:04:05.6789120', b: 1, d: '2024-01-02', t: 'plain', c: 'ab   ', u: 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', bin: Buffer.from('ff00', 'hex') },
  ],
  [`(2, -5, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`, { id: 2, i: -5, n: null, ts: null, b: null, d: null, t: null, c: null, u: null, bin: null }],
  [
    `(3, 0, -0.50, '1999-12-31 23:59:59', false, '1999-12-31', '', '', NULL, '\\x')`,
    { id: 3, i: 0, n: '-0.4950', ts: '1999-12-31 23:59:59.0000000', b: 0, d: '1999-12-31', t: '', c: '     ', u: null, bin: Buffer.alloc(0) },
  ],
  [
    `(4, 1, 0.01, '2024-01-02 03:04:05.1', true, '2000-02-29', 'a|b|-1|N', 'x|y', NULL, NULL)`,
    { id: 4, i: 1, n: '0.0050', ts: '2024-01-02 03:04:05.1000000', b: 1, d: '2000-02-29', t: 'a|b|-1|N', c: 'x|y  ', u: null, bin: null },
  ],
  [
    `(5, 2, 1.00, '0001-01-01 00:00:00.000001', true, '0001-01-01', 'ünïcödé 😀 中文  ', 'é', NULL, NULL)`,
    { id: 5, i: 2, n: '0.9999', ts: '0001-01-01 00:00:00.0000010', b: 1, d: '0001-01-01', t: 'ünïcödé 😀 中文  ', c: 'é    ', u: null, bin: null },
  ],
];

let server: TestPostgres;
let connection: DataConnection;

test.before(async () => {
  server = await startPostgres();
  await server.createDatabase('ss');
  await server.exec('ss', `${PG_TABLE}; INSERT INTO h VALUES ${ROWS.map(([pg]) => pg).join(', ')}`);
  connection = await postgresData.connect(server.settings('ss'));
});

test.after(async () => {
  await connection?.close();
  await server?.stop();
});

/** Both sides' specs, each pair planned as data diff plans PostgreSQL against SQL Server. */
async function specs(options: PlanOptions = {}): Promise<[SegmentSpec, SegmentSpec]> {
  const { description } = await describeTable(postgresData, connection, { schema: '', name: 'h' }, ['id']);
  const plan = (name: string, key: boolean): [PlannedColumn, PlannedColumn] => {
    const pg = description.columns.find((c) => c.name === name)!;
    const ss = SQLSERVER_COLUMNS[name]!;
    const pair = planPair({ dialect: postgresData, column: pg }, { dialect: sqlserverData, column: ss }, options);
    if ('refused' in pair) throw new Error(`${name}: ${pair.refused}`);
    const p = key ? { ...pair.plan, neverNull: true } : pair.plan;
    return [{ column: pg, plan: p }, { column: ss, plan: p }];
  };
  const keys = [plan('id', true)];
  const columns = COLUMNS.map((name) => plan(name, false));
  const side = (i: 0 | 1): SegmentSpec => ({ table: { schema: '', name: 'h' }, keys: keys.map((k) => k[i]), columns: columns.map((c) => c[i]), range: {}, hash: 'md5' });
  return [side(0), side(1)];
}

for (const options of [{}, { timestampDigits: 3 }, { timestampDigits: 0 }] as PlanOptions[]) {
  test(`the same data: SQL Server's canonical values, row texts and md5 row hashes equal PostgreSQL's (${JSON.stringify(options)})`, async () => {
    const [pgSpec, ssSpec] = await specs(options);
    assert.equal(pgSpec.columns.map((c) => c.plan.kind), ['integer', 'decimal', 'timestamp', 'boolean', 'date', 'text', 'char', 'uuid', 'binary']);
    const pgRows = await readRows(connection, postgresData, pgSpec);
    const ssRows = ROWS.map(([, values]) => ({ key: [evalTsql(normalizedSql(sqlserverData, ssSpec.keys[0]!), values)], values: ssSpec.columns.map((c) => evalTsql(valueSql(sqlserverData, c), values)) }));
    assert.equal(ssRows, pgRows.map((r) => ({ key: [...r.key], values: [...r.values] })));
    const pgTexts = (await connection.query(`SELECT ${rowText(postgresData, pgSpec)} AS t FROM h ORDER BY id`)).map((r) => String(r['t']));
    const ssTexts = ROWS.map(([, values]) => evalTsql(rowText(sqlserverData, ssSpec), values) as string);
    assert.equal(ssTexts, pgTexts);
    for (const [i, [, values]] of ROWS.entries()) {
      const id = Number(values['id']);
      const pgHash = (await readChecksum(connection, postgresData, { ...pgSpec, range: { from: [String(id)], to: [String(id + 1)] } })).checksum;
      const ssHash = hashbytesShifted(crypto.createHash('md5').update(ssTexts[i]!, 'utf8').digest(), 8);
      assert.is(ssHash.toString(), pgHash, `row ${id}`);
      assert.is(ssHash, hashRowText('md5', pgTexts[i]!));
    }
  });
}

test("a text key's bucket hash (key fields, then the first 28 bits of MD5) equals PostgreSQL's", async () => {
  const [pgSpec, ssSpec] = await specs();
  const [pgText, ssText] = [pgSpec, ssSpec].map((s, i) => {
    const dialect = i === 0 ? postgresData : sqlserverData;
    const keys = [s.columns[5]!, s.columns[6]!]; // t, c
    return dialect.concat(keys.map((k) => dialect.encodeField(normalizedSql(dialect, k), false)));
  });
  const pg = await connection.query(`SELECT ${postgresData.keyHash(pgText!)} AS h FROM h WHERE t IS NOT NULL ORDER BY id`);
  const ss = ROWS.filter(([, v]) => v['t'] !== null).map(([, v]) => hashbytesShifted(crypto.createHash('md5').update(evalTsql(ssText!, v) as string, 'utf8').digest(), 4));
  assert.equal(ss.map(String), pg.map((r) => String(r['h'])));
});

test('dataDiff from a live PostgreSQL to a SQL Server that refuses the connection: exit 4 naming SQL Server, one line, no password', async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-sqlserver-data-'));
  try {
    const port = await freeLoopbackPort();
    fs.writeFileSync(
      path.join(work, 'flyway.toml'),
      [
        environmentSection('pg', server.jdbcUrl('ss'), server.user, 'PG_PASSWORD'),
        '[environments.mssql]',
        `url = "jdbc:sqlserver://127.0.0.1:${port};databaseName=app;encrypt=false;loginTimeout=5"`,
        'user = "sa"',
        'password = "${env.MSSQL_PASSWORD}"',
        '',
      ].join('\n'),
    );
    const result = await runCli(['dataDiff', '-source=pg', '-target=mssql', '-table=h', '-key=id'], { cwd: work, env: { PG_PASSWORD: server.password, MSSQL_PASSWORD: 'ss-secret-9' } });
    assert.is(result.code, 4, result.stdout + result.stderr);
    assert.equal(result.stderr.trim().split('\n').filter((l) => l.startsWith('ERROR:')), [
      `ERROR: cannot connect to SQL Server at 127.0.0.1:${port}: connection refused (sqlserver://sa@127.0.0.1:${port}/app)`,
    ]);
    assert.not.match(result.stdout + result.stderr, 'ss-secret-9');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test.run();
