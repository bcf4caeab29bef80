/**
 * SQL Server's data diff catalog and connection without a server (src/data-diff/sql/sqlserver-catalog.ts,
 * sqlserver-data.ts): golden T-SQL of the three catalog queries; their rows, shaped as mssql returns
 * them (sys.columns: max_length/precision/scale as numbers, max_length in bytes and -1 for (max),
 * is_nullable and is_primary_key as booleans (bit), SUM(rows) of sys.partitions as a BIGINT, which
 * tedious returns as a string; sp_describe_first_result_set's documented columns), through a fake
 * connection that answers each query, into CatalogTables and DataColumns; the result cells data diff
 * reads as the driver returns them; and a real refused connection on the loopback address (exit 4).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXIT_CODES } from '../../src/cli/exit-codes.ts';
import type { DataConnection } from '../../src/data-diff/sql/data-dialect.ts';
import { cellText } from '../../src/data-diff/sql/data-sql.ts';
import { columnsSql, describeSqlServerResult, indexesSql, sqlserverScope, tablesSql } from '../../src/data-diff/sql/sqlserver-catalog.ts';
import { runRequest, sqlserverData } from '../../src/data-diff/sql/sqlserver-data.ts';
import { ParityError } from '../../src/errors.ts';
import { freeLoopbackPort } from '../../src/embedded/embedded-postgres.ts';
import { checkGolden } from '../support/golden.ts';

/** A connection that answers each catalog query with rows, and records what it was asked. */
function fakeConnection(answer: (sql: string) => Record<string, unknown>[]): DataConnection & { asked: Array<{ sql: string; params: readonly string[] }> } {
  const asked: Array<{ sql: string; params: readonly string[] }> = [];
  return {
    asked,
    query: async (sql, params = []) => {
      asked.push({ sql, params });
      return answer(sql);
    },
    stream: () => {
      throw new Error('not used');
    },
    describeResult: async () => [],
    close: async () => {},
  };
}

test('golden: the catalog queries, their scope (schemas or the default schema, one table) and @p parameters', () => {
  const all = sqlserverScope({ schemas: ['sales', 'dbo'] });
  assert.equal(all, { sql: 's.name IN (@p1, @p2)', params: ['sales', 'dbo'] });
  const one = sqlserverScope({ schemas: [], table: 'orders' });
  assert.equal(one, { sql: 's.name = SCHEMA_NAME() AND o.name = @p1', params: ['orders'] });
  assert.equal(sqlserverScope({ schemas: ['sales'], table: 'orders' }), { sql: 's.name IN (@p1) AND o.name = @p2', params: ['sales', 'orders'] });
  checkGolden('sqlserver', 'data-catalog', 'catalog', [tablesSql(all.sql), columnsSql(all.sql), indexesSql(one.sql)].join('\n;\n') + '\n');
});

const TABLE_ROWS = [
  { schema_name: 'sales', table_name: 'orders', is_view: false, estimated: '120000' },
  { schema_name: 'sales', table_name: 'open_orders', is_view: true, estimated: null },
  { schema_name: 'dbo', table_name: 'heap', is_view: false, estimated: '0' },
];
const col = (table: string, name: string, data_type: string, max_length: number, precision: number, scale: number, is_nullable: boolean, collation_name: string | null = null) =>
  ({ schema_name: table === 'heap' ? 'dbo' : 'sales', table_name: table, name, data_type, max_length, precision, scale, is_nullable, collation_name });
const COLUMN_ROWS = [
  col('orders', 'id', 'bigint', 8, 19, 0, false),
  col('orders', 'region', 'nvarchar', 40, 0, 0, false, 'SQL_Latin1_General_CP1_CI_AS'),
  col('orders', 'amount', 'decimal', 9, 12, 2, true),
  col('orders', 'price', 'money', 8, 19, 4, true),
  col('orders', 'created', 'datetime2', 7, 23, 3, true),
  col('orders', 'at', 'datetimeoffset', 10, 34, 7, true),
  col('orders', 'legacy', 'datetime', 8, 23, 3, true),
  col('orders', 'ref', 'uniqueidentifier', 16, 0, 0, true),
  col('orders', 'code', 'nchar', 20, 0, 0, true, 'Latin1_General_100_CI_AS_SC_UTF8'),
  col('orders', 'note', 'nvarchar', -1, 0, 0, true, 'SQL_Latin1_General_CP1_CI_AS'),
  col('orders', 'blob', 'varbinary', -1, 0, 0, true),
  col('orders', 'version', 'timestamp', 8, 0, 0, false),
  col('open_orders', 'id', 'bigint', 8, 19, 0, false),
  col('heap', 'v', 'varchar', 100, 0, 0, true, 'Latin1_General_CI_AS'),
];
/** One row per key column of each unique index: the primary key, a composite unique constraint. */
const INDEX_ROWS = [
  { schema_name: 'sales', table_name: 'orders', index_id: 1, is_primary_key: true, column_name: 'id' },
  { schema_name: 'sales', table_name: 'orders', index_id: 3, is_primary_key: false, column_name: 'region' },
  { schema_name: 'sales', table_name: 'orders', index_id: 3, is_primary_key: false, column_name: 'ref' },
];

test('catalog rows as mssql returns them -> tables (sorted), columns with declared types and lengths in characters, primary key, unique indexes, row estimates', async () => {
  const connection = fakeConnection((sql) => (sql.includes('sys.partitions') ? TABLE_ROWS : sql.includes('sys.index_columns') ? INDEX_ROWS : COLUMN_ROWS));
  const tables = await sqlserverData.readCatalog(connection, { schemas: ['sales', 'dbo'] });
  assert.equal(connection.asked.map((a) => a.params), [['sales', 'dbo'], ['sales', 'dbo'], ['sales', 'dbo']]);
  assert.equal(tables.map((t) => [t.table.schema, t.table.name, t.view, t.estimatedRows]), [
    ['dbo', 'heap', false, undefined],
    ['sales', 'open_orders', true, undefined],
    ['sales', 'orders', false, 120000],
  ]);
  const orders = tables[2]!;
  assert.equal(orders.primaryKey, ['id']);
  assert.equal(orders.uniqueIndexes, [['id'], ['region', 'ref']]);
  assert.equal(orders.columns.map((c) => c.columnType), [
    'bigint', 'nvarchar(20)', 'decimal(12,2)', 'money', 'datetime2(3)', 'datetimeoffset(7)', 'datetime', 'uniqueidentifier', 'nchar(10)', 'nvarchar(max)', 'varbinary(max)', 'timestamp',
  ]);
  const byName = new Map(orders.columns.map((c) => [c.name, c]));
  assert.equal(byName.get('region'), { name: 'region', dataType: 'nvarchar', columnType: 'nvarchar(20)', precision: null, scale: null, datetimePrecision: null, length: 20, nullable: false, collation: 'SQL_Latin1_General_CP1_CI_AS' });
  assert.equal([byName.get('amount')!.precision, byName.get('amount')!.scale, byName.get('price')!.scale], [12, 2, 4]);
  assert.equal(['created', 'at', 'legacy'].map((n) => byName.get(n)!.datetimePrecision), [3, 7, 3]);
  assert.is(byName.get('note')!.length, null, '(max)');
  assert.ok('refused' in sqlserverData.classify(byName.get('version')!), 'rowversion is refused');
  assert.equal(tables[0]!.columns[0]!.columnType, 'varchar(100)');
});

test('one table in the default schema: the scope and the table name as parameters, a table without rows has no estimate', async () => {
  const connection = fakeConnection((sql) => (sql.includes('sys.partitions') ? [TABLE_ROWS[2]!] : sql.includes('sys.index_columns') ? [] : [COLUMN_ROWS.at(-1)!]));
  const [heap] = await sqlserverData.readCatalog(connection, { schemas: [], table: 'heap' });
  assert.ok(connection.asked.every((a) => a.sql.includes('s.name = SCHEMA_NAME() AND o.name = @p1') && a.params.length === 1 && a.params[0] === 'heap'));
  assert.equal([heap!.primaryKey, heap!.uniqueIndexes, heap!.estimatedRows], [[], [], undefined]);
});

test("query mode: sp_describe_first_result_set's rows -> columns (base types, precision, scale, (max)), hidden columns left out, in ordinal order", () => {
  const row = (column_ordinal: number, name: string | null, system_type_name: string, max_length: number, precision: number, scale: number, extra: Record<string, unknown> = {}) => ({
    is_hidden: false, column_ordinal, name, is_nullable: false, system_type_id: 0, system_type_name, max_length, precision, scale, collation_name: null, user_type_id: null, ...extra,
  });
  const columns = describeSqlServerResult([
    row(2, 'amount', 'decimal(12,4)', 9, 12, 4),
    row(1, 'id', 'int', 4, 10, 0),
    row(3, 'note', 'nvarchar(max)', -1, 0, 0, { collation_name: 'SQL_Latin1_General_CP1_CI_AS' }),
    row(4, 'at', 'datetime2(7)', 8, 27, 7),
    row(5, 'browse_key', 'int', 4, 10, 0, { is_hidden: true }),
    row(6, 'code', 'nchar(3)', 6, 0, 0),
  ] as never);
  assert.equal(columns.map((c) => [c.name, c.dataType, c.columnType, c.precision, c.scale, c.datetimePrecision, c.length, c.nullable, c.collation]), [
    ['id', 'int', 'int', 10, 0, null, null, true, null],
    ['amount', 'decimal', 'decimal(12,4)', 12, 4, null, null, true, null],
    ['note', 'nvarchar', 'nvarchar(max)', null, null, null, null, true, 'SQL_Latin1_General_CP1_CI_AS'],
    ['at', 'datetime2', 'datetime2(7)', null, null, 7, null, true, null],
    ['code', 'nchar', 'nchar(3)', null, null, null, 3, true, null],
  ]);
});

test('the current schema is SCHEMA_NAME() (the user\'s default schema)', async () => {
  const connection = fakeConnection(() => [{ name: 'sales' }]);
  assert.is(await sqlserverData.currentSchema(connection), 'sales');
  assert.equal(connection.asked.map((a) => a.sql), ['SELECT SCHEMA_NAME() AS name']);
});

test('result cells as mssql returns them: VARCHAR texts as strings, VARBINARY (the JOIN\'s byte texts) as UTF-8 Buffers, BIGINT as a string, INT as a number', () => {
  assert.is(cellText(Buffer.from('ünïcödé 😀 中文', 'utf8')), 'ünïcödé 😀 中文');
  assert.is(cellText(Buffer.alloc(0)), '');
  assert.is(cellText('120000'), '120000');
  assert.is(Number(cellText(42)), 42);
  assert.is(cellText(null), null);
  assert.is(cellText(undefined), null);
});

test('statements without parameters run as plain batches (a SET inside sp_executesql ends with it), with parameters through sp_executesql', async () => {
  const calls: string[] = [];
  const fake = {
    batch: async (text: string) => (calls.push(`batch ${text}`), { recordset: [{ ok: 1 }], recordsets: [], rowsAffected: [] }),
    query: async (text: string) => (calls.push(`query ${text}`), { recordset: [{ ok: 2 }], recordsets: [], rowsAffected: [] }),
  } as never;
  assert.equal(await runRequest(fake, 'SET DATEFORMAT ymd', []), [{ ok: 1 }]);
  assert.equal(await runRequest(fake, 'SELECT 1 WHERE @p1 = 1', ['1']), [{ ok: 2 }]);
  assert.equal(calls, ['batch SET DATEFORMAT ymd', 'query SELECT 1 WHERE @p1 = 1']);
  assert.equal(sqlserverData.sessionSetup, ['SET CONCAT_NULL_YIELDS_NULL ON', 'SET DATEFORMAT ymd']);
});

test('readOnly refuses a connection it did not open (it needs the pool to begin a transaction)', async () => {
  try {
    await sqlserverData.readOnly(fakeConnection(() => []), async () => 1);
    assert.unreachable('should fail');
  } catch (error) {
    assert.instance(error, ParityError);
    assert.is((error as ParityError).code, 'INTERNAL_ERROR');
  }
});

test('a real refused connection on the loopback address: the driver fails, connect says CONNECTION_FAILED (exit 4) in one line, no password', async () => {
  const port = await freeLoopbackPort();
  try {
    await sqlserverData.connect({ dialect: 'sqlserver', host: '127.0.0.1', port, database: 'app', user: 'app', password: 's3cret-pw', params: { loginTimeout: '5', encrypt: 'false' } });
    assert.unreachable('should fail');
  } catch (error) {
    assert.instance(error, ParityError);
    const e = error as ParityError;
    assert.equal([e.code, EXIT_CODES[e.code], e.message], ['CONNECTION_FAILED', 4, `cannot connect to SQL Server at 127.0.0.1:${port}: connection refused`]);
    assert.not.match(e.message + (e.where ?? ''), 's3cret-pw');
  }
});

test.run();
