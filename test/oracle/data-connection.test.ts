/**
 * Oracle's data connection (oracle-data.ts `connect`), offline: node-oracledb's getConnection is
 * replaced by a fake connection that records what it is asked and answers as thin mode does (rows as
 * objects under upper-case names, result metadata, a query stream), and fails with the driver's own
 * error objects (its lib/errors.js); then the real driver against a closed local port. Checked: the
 * session setup in order, the fetch type handler (NUMBER, DATE, TIMESTAMP, CLOB as strings), lower-case
 * result names, binds by position, query mode's `WHERE 1 = 0` description, the stream closed when left
 * early, the read-only transaction, and errors -> the shared exit codes with the password nowhere.
 */
import net from 'node:net';
import { createRequire } from 'node:module';
import oracledb from 'oracledb';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXIT_CODES } from '../../src/cli/exit-codes.ts';
import type { ConnectionSettings } from '../../src/config/connection.ts';
import { cellText, readRows } from '../../src/data-diff/sql/data-sql.ts';
import { dataDialectFor } from '../../src/data-diff/sql/data-dialects.ts';
import { loadOracledb } from '../../src/dialects/drivers.ts';
import { oracleData, oracleFetchType } from '../../src/data-diff/sql/oracle-data.ts';
import { ParityError } from '../../src/errors.ts';

const require = createRequire(import.meta.url);
const errors = require('oracledb/lib/errors.js') as {
  getErr(num: number, ...args: unknown[]): Error & { code?: string };
  transformErr(err: Error): Error & { code?: string };
  ERR_CONNECTION_REFUSED: number;
};

const PASSWORD = 'Tiger-Sekr1t';
const settings: ConnectionSettings = { dialect: 'oracle', host: 'db.example', port: 1521, database: 'FREEPDB1', user: 'hr', password: PASSWORD, params: {} };

function oraError(errorNum: number, message: string): Error {
  return errors.transformErr(Object.assign(new Error(message), { offset: 0, errorNum, isRecoverable: false }));
}

interface Call {
  readonly sql: string;
  readonly binds: unknown;
  readonly options: Record<string, unknown> | undefined;
}

/** A fake thin-mode connection: `answer` gives each statement's result or throws. */
function fakeConnection(answer: (sql: string) => { rows?: object[]; metaData?: object[] } | Error = () => ({ rows: [] })) {
  const calls: Call[] = [];
  const state = { closed: false, destroyed: 0, streamed: 0 };
  const connection = {
    async execute(sql: string, binds?: unknown, options?: Record<string, unknown>) {
      calls.push({ sql, binds, options });
      const result = answer(sql);
      if (result instanceof Error) throw result;
      return result;
    },
    queryStream(sql: string, binds?: unknown, options?: Record<string, unknown>) {
      calls.push({ sql, binds, options });
      const rows = (answer(sql) as { rows?: object[] }).rows ?? [];
      return {
        async *[Symbol.asyncIterator]() {
          for (const row of rows) {
            state.streamed++;
            yield row;
          }
        },
        destroy() {
          state.destroyed++;
        },
      };
    },
    async close() {
      state.closed = true;
    },
  };
  return { connection, calls, state };
}

/** The last statement that is not transaction control (every query runs in a read-only transaction of its own). */
function lastStatement(calls: readonly Call[]): Call {
  return [...calls].reverse().find((c) => !/^(SET TRANSACTION|COMMIT|ROLLBACK)/.test(c.sql))!;
}

const original = oracledb.getConnection;
function useFake(fake: ReturnType<typeof fakeConnection> | Error): { attributes: unknown[] } {
  const seen: unknown[] = [];
  (oracledb as { getConnection: unknown }).getConnection = async (attributes: unknown) => {
    seen.push(attributes);
    if (fake instanceof Error) throw fake;
    return fake.connection;
  };
  return { attributes: seen };
}

test.after.each(() => {
  (oracledb as { getConnection: unknown }).getConnection = original;
});

test('dataDialectFor(oracle) is the Oracle data dialect', () => {
  assert.is(dataDialectFor('oracle'), oracleData);
});

test('connect: the session fixed first (UTC, NLS numbers and dates, binary comparison), in order', async () => {
  const fake = fakeConnection();
  const { attributes } = useFake(fake);
  const connection = await oracleData.connect(settings);
  assert.equal(attributes, [{ connectString: 'db.example:1521/FREEPDB1', connectTimeout: 10, user: 'hr', password: PASSWORD }]);
  assert.equal(
    fake.calls.map((c) => c.sql),
    [
      "ALTER SESSION SET TIME_ZONE = '+00:00'",
      "ALTER SESSION SET NLS_NUMERIC_CHARACTERS = '.,'",
      "ALTER SESSION SET NLS_DATE_FORMAT = 'YYYY-MM-DD HH24:MI:SS'",
      "ALTER SESSION SET NLS_TIMESTAMP_FORMAT = 'YYYY-MM-DD HH24:MI:SS.FF'",
      "ALTER SESSION SET NLS_TIMESTAMP_TZ_FORMAT = 'YYYY-MM-DD HH24:MI:SS.FF TZH:TZM'",
      'ALTER SESSION SET NLS_COMP = BINARY',
      'ALTER SESSION SET NLS_SORT = BINARY',
    ],
  );
  await connection.close();
  assert.ok(fake.state.closed);
});

test('query: binds by position, rows as objects with the fetch type handler, names lower-cased', async () => {
  const fake = fakeConnection((sql) => (sql.startsWith('SELECT') ? { rows: [{ B: 3, N: '12', CHECKSUM: '1180591620717411303424' }] } : { rows: [] }));
  useFake(fake);
  const connection = await oracleData.connect(settings);
  const rows = await connection.query('SELECT 0 AS b FROM t WHERE "ID" >= TO_NUMBER(:1)', ['7']);
  assert.equal(rows, [{ b: 3, n: '12', checksum: '1180591620717411303424' }]);
  const call = lastStatement(fake.calls);
  assert.equal(call.binds, ['7']);
  assert.is(call.options?.['outFormat'], oracledb.OUT_FORMAT_OBJECT);
  assert.is(call.options?.['fetchTypeHandler'], oracleFetchType);
});

test('the fetch type handler: NUMBER, DATE, TIMESTAMP*, CLOB/NCLOB as strings; text and RAW as the driver gives them', async () => {
  // The driver calls the handler on a connection it opened, so parity has loaded it by then.
  await loadOracledb();
  const o = oracledb as unknown as Record<string, unknown>;
  for (const type of ['DB_TYPE_NUMBER', 'DB_TYPE_DATE', 'DB_TYPE_TIMESTAMP', 'DB_TYPE_TIMESTAMP_TZ', 'DB_TYPE_TIMESTAMP_LTZ', 'DB_TYPE_CLOB', 'DB_TYPE_NCLOB']) {
    assert.ok(o[type] !== undefined, type);
    assert.equal(oracleFetchType({ dbType: o[type] }), { type: oracledb.STRING }, type);
  }
  for (const type of ['DB_TYPE_VARCHAR', 'DB_TYPE_RAW', 'DB_TYPE_BINARY_DOUBLE']) assert.is(oracleFetchType({ dbType: o[type] }), undefined, type);
});

test('cellText of what the driver returns: strings as they are, a RAW Buffer as UTF-8, numbers, NULL', () => {
  // A checksum beyond 2^53 stays exact only as a string, which is why NUMBER is fetched as one.
  assert.is(cellText('1180591620717411303424'), '1180591620717411303424');
  assert.is(cellText(Number('1180591620717411303424')), '1.1805916207174113e+21');
  assert.is(cellText(Buffer.from('é|x', 'utf8')), 'é|x');
  assert.is(cellText(3), '3');
  assert.is(cellText(null), null);
  assert.is(cellText(undefined), null);
});

test('describeResult: the query wrapped in WHERE 1 = 0 (no rows read), its metadata described', async () => {
  const fake = fakeConnection((sql) =>
    sql.includes('parity_query') ? { rows: [], metaData: [{ name: 'ID', dbTypeName: 'NUMBER', precision: 10, scale: 0, nullable: false }, { name: 'AT', dbTypeName: 'DATE', nullable: true }] } : { rows: [] },
  );
  useFake(fake);
  const connection = await oracleData.connect(settings);
  const columns = await connection.describeResult('SELECT id, at FROM t');
  assert.is(lastStatement(fake.calls).sql, 'SELECT * FROM (SELECT id, at FROM t) parity_query WHERE 1 = 0');
  assert.equal(columns.map((c) => [c.name, c.columnType, c.nullable]), [['ID', 'number(10)', false], ['AT', 'date', true]]);
});

test('stream: rows lower-cased a batch at a time; leaving early closes the stream', async () => {
  const fake = fakeConnection((sql) => (sql.startsWith('SELECT') ? { rows: [{ S_K0: '1' }, { S_K0: '2' }, { S_K0: '3' }] } : { rows: [] }));
  useFake(fake);
  const connection = await oracleData.connect(settings);
  const seen: unknown[] = [];
  for await (const row of connection.stream('SELECT 1 AS s_k0 FROM DUAL')) {
    seen.push(row);
    if (seen.length === 2) break;
  }
  assert.equal(seen, [{ s_k0: '1' }, { s_k0: '2' }]);
  assert.is(fake.state.destroyed, 1);
  assert.is(lastStatement(fake.calls).options?.['fetchArraySize'], 1000);
  assert.equal(fake.calls.slice(-3).map((c) => c.sql), ['SET TRANSACTION READ ONLY', 'SELECT 1 AS s_k0 FROM DUAL', 'COMMIT'], 'its own read-only transaction, ended');
});

test('read only: every statement in a read-only transaction of its own; readOnly opens one for several, ROLLBACK when the work fails', async () => {
  const fake = fakeConnection();
  useFake(fake);
  const connection = await oracleData.connect(settings);
  let start = fake.calls.length;
  await connection.query('SELECT 1 AS x FROM DUAL');
  assert.equal(fake.calls.slice(start).map((c) => c.sql), ['SET TRANSACTION READ ONLY', 'SELECT 1 AS x FROM DUAL', 'COMMIT']);
  start = fake.calls.length;
  assert.is(await oracleData.readOnly(connection, async () => (await connection.query('SELECT 2 AS x FROM DUAL'), 42)), 42);
  await oracleData.readOnly(connection, async () => {
    throw new Error('boom');
  }).catch(() => {});
  await connection.query('SELECT 3 AS x FROM DUAL');
  assert.equal(fake.calls.slice(start).map((c) => c.sql), [
    'SET TRANSACTION READ ONLY',
    'SELECT 2 AS x FROM DUAL',
    'COMMIT',
    'SET TRANSACTION READ ONLY',
    'ROLLBACK',
    'SET TRANSACTION READ ONLY',
    'SELECT 3 AS x FROM DUAL',
    'COMMIT',
  ]);
});

test('a query the server refuses (ORA-00942): DATABASE_ERROR, exit 5, one line, the password nowhere', async () => {
  useFake(fakeConnection((sql) => (sql.startsWith('SELECT') ? oraError(942, 'ORA-00942: table or view "HR"."NOPE" does not exist') : { rows: [] })));
  const connection = await oracleData.connect(settings);
  const error = await connection.query('SELECT * FROM "HR"."NOPE"').catch((e: unknown) => e);
  assert.instance(error, ParityError);
  const e = error as ParityError;
  assert.is(e.code, 'DATABASE_ERROR');
  assert.is(EXIT_CODES[e.code], 5);
  assert.is(e.message, 'Oracle error ORA-00942: table or view "HR"."NOPE" does not exist');
  assert.not.match(e.message, PASSWORD);
});

test('a login refused (ORA-01017): AUTHENTICATION_FAILED, exit 4', async () => {
  useFake(oraError(1017, 'ORA-01017: invalid credential or not authorized; logon denied'));
  const error = (await oracleData.connect(settings).catch((e: unknown) => e)) as ParityError;
  assert.is(error.code, 'AUTHENTICATION_FAILED');
  assert.is(EXIT_CODES[error.code], 4);
  assert.match(error.message, 'Oracle rejected the login of user "hr"');
});

test('a failing session statement closes the connection and is mapped (ORA-12705 bad NLS setting: exit 5)', async () => {
  const fake = fakeConnection((sql) => (sql.includes('NLS_SORT') ? oraError(12705, 'ORA-12705: Cannot access NLS data files or invalid environment specified') : { rows: [] }));
  useFake(fake);
  const error = (await oracleData.connect(settings).catch((e: unknown) => e)) as ParityError;
  assert.is(error.code, 'DATABASE_ERROR');
  assert.ok(fake.state.closed, 'closed');
});

test('the real driver (thin mode) against a closed local port: CONNECTION_FAILED, exit 4, the password nowhere', async () => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const error = (await oracleData.connect({ ...settings, host: '127.0.0.1', port, params: { connectTimeout: '3' } }).catch((e: unknown) => e)) as ParityError;
  assert.instance(error, ParityError);
  assert.is(error.code, 'CONNECTION_FAILED');
  assert.is(EXIT_CODES[error.code], 4);
  assert.is(error.message, `cannot connect to Oracle at 127.0.0.1:${port}: connection refused`);
  assert.not.match(`${error.message} ${error.where}`, PASSWORD);
});

test("rows read back: a NULL under nullEqualsEmpty is '' (Oracle returns COALESCE(x, '') as NULL), keys and other values as they come", async () => {
  const fake = fakeConnection((sql) => (sql.startsWith('SELECT') ? { rows: [{ K0: '1', V0: null, V1: null }] } : { rows: [] }));
  useFake(fake);
  const connection = await oracleData.connect(settings);
  const text = { name: 'S', dataType: 'varchar2', columnType: 'varchar2(10 char)', precision: null, scale: null, datetimePrecision: null, length: 10, nullable: true, collation: null };
  const rows = await readRows(connection, oracleData, {
    table: { schema: 'HR', name: 'T' },
    keys: [{ column: { ...text, name: 'ID', dataType: 'number', columnType: 'number(10)', precision: 10, scale: 0, nullable: false }, plan: { kind: 'integer', neverNull: true } }],
    columns: [
      { column: text, plan: { kind: 'text', nullEqualsEmpty: true } },
      { column: text, plan: { kind: 'text' } },
    ],
    range: {},
  });
  assert.equal(rows, [{ key: ['1'], values: ['', null] }]);
});

test('currentSchema reads SYS_CONTEXT through DUAL', async () => {
  const fake = fakeConnection((sql) => (sql.includes('SYS_CONTEXT') ? { rows: [{ NAME: 'HR' }] } : { rows: [] }));
  useFake(fake);
  const connection = await oracleData.connect(settings);
  assert.is(await oracleData.currentSchema(connection), 'HR');
  assert.is(lastStatement(fake.calls).sql, "SELECT SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') AS name FROM DUAL");
});

test.run();
