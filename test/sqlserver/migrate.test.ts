/**
 * `migrate` on SQL Server without a server: the session (sqlserver-migrate.ts) over a recording
 * executor that answers as SQL Server would. Checked: Flyway's history table layout on SQL Server,
 * the application lock, schemas, a script run as GO batches in one transaction with its history row,
 * a failing batch rolled back with the script's line (the batch's start plus the server's line), a
 * script SQL Server refuses in a transaction run without one, history rows read back (bit success,
 * ISO time), `clean`.
 */
import sql from 'mssql';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ConnectionSettings } from '../../src/config/connection.ts';
import { createHistorySql, serverRolledBack, SqlServerMigrateSession, type SqlExecutor } from '../../src/dialects/sqlserver/sqlserver-migrate.ts';
import { ParityError } from '../../src/errors.ts';
import { ScriptFailure, type NewHistoryRow } from '../../src/migrations/schema-history.ts';

const settings: ConnectionSettings = { dialect: 'sqlserver', host: 'db', port: 1433, database: 'app', user: 'deploy', password: 'pw-secret', params: {} };
const options = { schemas: ['dbo'], table: 'flyway_schema_history', mixed: false };

interface Call {
  readonly kind: 'query' | 'batch' | 'begin' | 'commit' | 'rollback' | 'close';
  readonly text?: string;
  readonly params?: readonly unknown[];
}

/** An executor that records every call; `answer` gives rows for queries, `fail` throws for batches. */
function recorder(answer: (text: string) => unknown[] = () => [], fail: (text: string) => Error | undefined = () => undefined) {
  const calls: Call[] = [];
  const executor: SqlExecutor = {
    async query<T>(text: string, params?: readonly unknown[]) {
      calls.push({ kind: 'query', text, ...(params ? { params } : {}) });
      return answer(text) as T[];
    },
    async batch(text: string) {
      calls.push({ kind: 'batch', text });
      const error = fail(text);
      if (error) throw error;
    },
    begin: async () => void calls.push({ kind: 'begin' }),
    commit: async () => void calls.push({ kind: 'commit' }),
    rollback: async () => void calls.push({ kind: 'rollback' }),
    close: async () => void calls.push({ kind: 'close' }),
  };
  return { calls, session: new SqlServerMigrateSession(executor, settings, options, 'deploy', 'dbo') };
}

/** A failed batch as mssql rejects it (node_modules/mssql/lib/tedious/request.js). */
function requestError(number: number, message: string, lineNumber: number): Error {
  const inner = Object.assign(new Error(message), { info: { number, message, state: 1, class: 16, lineNumber, serverName: 'db', procName: '' } });
  return new sql.RequestError(inner, 'EREQUEST');
}

const row = (executionTime: number): NewHistoryRow => ({
  installedRank: 2, version: '2', description: 'add orders', type: 'SQL', script: 'V2__add_orders.sql', checksum: 12345, installedBy: 'deploy', executionTime, success: true,
});

test("the history table is Flyway's on SQL Server: NVARCHAR columns, DATETIME DEFAULT GETDATE(), BIT success, _pk and _s_idx", () => {
  assert.equal(createHistorySql('dbo', 'flyway_schema_history'), [
    `CREATE TABLE [dbo].[flyway_schema_history] (
    [installed_rank] INT NOT NULL,
    [version] NVARCHAR(50),
    [description] NVARCHAR(200),
    [type] NVARCHAR(20) NOT NULL,
    [script] NVARCHAR(1000) NOT NULL,
    [checksum] INT,
    [installed_by] NVARCHAR(100) NOT NULL,
    [installed_on] DATETIME NOT NULL DEFAULT GETDATE(),
    [execution_time] INT NOT NULL,
    [success] BIT NOT NULL
)`,
    'ALTER TABLE [dbo].[flyway_schema_history] ADD CONSTRAINT [flyway_schema_history_pk] PRIMARY KEY ([installed_rank])',
    'CREATE INDEX [flyway_schema_history_s_idx] ON [dbo].[flyway_schema_history] ([success])',
  ]);
});

test('createHistory runs each statement as its own batch; historyExists asks OBJECT_ID', async () => {
  const { calls, session } = recorder((text) => (text.includes('OBJECT_ID') ? [{ id: 1237579447 }] : []));
  await session.createHistory();
  assert.equal(calls.map((c) => c.kind), ['batch', 'batch', 'batch']);
  assert.ok(await session.historyExists());
  assert.equal(calls[3], { kind: 'query', text: "SELECT OBJECT_ID(@p0, N'U') AS id", params: ['[dbo].[flyway_schema_history]'] });
  const none = recorder(() => [{ id: null }]);
  assert.not.ok(await none.session.historyExists());
});

test('lock: sp_getapplock on a hash of the table, released on close; a timeout is DATABASE_ERROR', async () => {
  const { calls, session } = recorder(() => [{ result: 0 }]);
  await session.lock();
  assert.match(calls[0]!.text!, "EXEC @result = sp_getapplock @Resource = @p0, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 300000");
  assert.match(String(calls[0]!.params![0]), /^parity-[0-9a-f]{40}$/);
  await session.close();
  assert.equal(calls.slice(1).map((c) => c.kind), ['query', 'close']);
  assert.match(calls[1]!.text!, 'sp_releaseapplock');
  const busy = recorder(() => [{ result: -1 }]);
  try {
    await busy.session.lock();
    assert.unreachable();
  } catch (error) {
    assert.is((error as ParityError).code, 'DATABASE_ERROR');
  }
});

test('a script runs as its GO batches in one transaction, the history row inside it, then COMMIT', async () => {
  const { calls, session } = recorder();
  await session.runScript({ shownPath: 'migrations/V2__add_orders.sql', text: 'CREATE TABLE dbo.orders (id int)\nGO\nCREATE VIEW dbo.v AS SELECT id FROM dbo.orders\nGO\nINSERT INTO dbo.orders VALUES (1)\nGO 2\n' }, row);
  assert.equal(calls.map((c) => `${c.kind}${c.text ? `: ${c.text.split('\n')[0]}` : ''}`), [
    'begin',
    'batch: CREATE TABLE dbo.orders (id int)',
    'batch: CREATE VIEW dbo.v AS SELECT id FROM dbo.orders',
    'batch: INSERT INTO dbo.orders VALUES (1)',
    'batch: INSERT INTO dbo.orders VALUES (1)',
    'query: INSERT INTO [dbo].[flyway_schema_history] (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)',
    'commit',
  ]);
  const insert = calls.find((c) => c.text?.startsWith('INSERT INTO [dbo]'))!;
  assert.equal(insert.params!.slice(0, 7), [2, '2', 'add orders', 'SQL', 'V2__add_orders.sql', 12345, 'deploy']);
  assert.is(insert.params![8], true);
});

test('a failing batch: rolled back, ScriptFailure at the script line (batch start + server line), server number, no password', async () => {
  const { calls, session } = recorder(undefined, (text) => (text.includes('nope') ? requestError(208, "Invalid object name 'dbo.nope'. pw-secret", 2) : undefined));
  try {
    await session.runScript({ shownPath: 'V3.sql', text: 'CREATE TABLE dbo.a (id int)\nGO\n\nINSERT INTO dbo.a\nSELECT id FROM dbo.nope\nGO' }, row);
    assert.unreachable();
  } catch (error) {
    assert.instance(error, ScriptFailure);
    const failure = error as ScriptFailure;
    assert.is(failure.line, 5);
    assert.is(failure.rolledBack, true);
    assert.is(failure.message, "SQL Server error 208: Invalid object name 'dbo.nope'. ***");
  }
  assert.equal(calls.map((c) => c.kind), ['begin', 'batch', 'batch', 'rollback']);
});

test('a script with CREATE DATABASE runs without a transaction: a failure keeps what ran', async () => {
  const { calls, session } = recorder(undefined, (text) => (text.startsWith('ALTER') ? requestError(5069, 'ALTER DATABASE statement failed.', 1) : undefined));
  try {
    await session.runScript({ shownPath: 'V4.sql', text: 'CREATE DATABASE other\nGO\nALTER DATABASE other SET RECOVERY SIMPLE\nGO' }, row);
    assert.unreachable();
  } catch (error) {
    assert.is((error as ScriptFailure).rolledBack, false);
    assert.is((error as ScriptFailure).line, 3);
  }
  assert.equal(calls.map((c) => c.kind), ['batch', 'batch']);
});

test('history rows read back: bit success, INT checksum, the ISO time of style 126, NULL description as empty', async () => {
  const { session, calls } = recorder(() => [
    { installed_rank: 1, version: null, description: '<< Flyway Schema Creation >>', type: 'SCHEMA', script: '[sales]', checksum: null, installed_by: 'deploy', installed_on_text: '2026-12-04T21:40:12.347', execution_time: 0, success: true },
    { installed_rank: 2, version: '2', description: null, type: 'SQL', script: 'V2__x.sql', checksum: -1880441217, installed_by: 'deploy', installed_on_text: '2026-12-04T21:40:13.010', execution_time: 12, success: false },
  ]);
  const rows = await session.readHistory();
  assert.match(calls[0]!.text!, 'CONVERT(varchar(23), installed_on, 126) AS installed_on_text');
  assert.equal(rows.map((r) => [r.installedRank, r.version, r.description, r.checksum, r.installedOn, r.success]), [
    [1, null, '<< Flyway Schema Creation >>', null, '2026-12-04T21:40:12.347', true],
    [2, '2', '', -1880441217, '2026-12-04T21:40:13.010', false],
  ]);
});

test('schemas: created one per batch; existing and in-use ones from sys.schemas, system schemas left out', async () => {
  const { calls, session } = recorder((text) => (text.startsWith('SELECT name FROM sys.schemas WHERE') ? [{ name: 'sales' }] : text === 'SELECT name FROM sys.schemas' ? [{ name: 'dbo' }, { name: 'sys' }, { name: 'db_owner' }, { name: 'sales' }] : [{ name: 'sales' }]));
  assert.equal(await session.existingSchemas(['sales', "o'neil"]), ['sales']);
  assert.match(calls[0]!.text!, "IN (N'sales', N'o''neil')");
  await session.createSchemas(['archive']);
  assert.equal(calls[1], { kind: 'batch', text: 'CREATE SCHEMA [archive]' });
  assert.equal(await session.schemasInUse(), ['sales']);
  assert.is(calls[2]!.text, 'SELECT name FROM sys.schemas');
  assert.match(calls[3]!.text!, "IN (N'dbo', N'sales')");
  assert.equal(calls[3]!.params, ['dbo', 'flyway_schema_history'], 'the history table is not an object in use');
});

test('clean: foreign keys first, then objects until none is left (views before what they read), then the schemas it created, never dbo', async () => {
  let round = 0;
  const { calls, session } = recorder(
    (text) => (text.includes('sys.foreign_keys') ? [{ statement: 'ALTER TABLE [sales].[orders] DROP CONSTRAINT [FK_orders_customers]' }] : [{ statement: 'DROP TABLE [sales].[orders]' }, { statement: 'DROP VIEW [sales].[v]' }]),
    (text) => (text === 'DROP TABLE [sales].[orders]' && round++ === 0 ? requestError(3729, "Cannot DROP TABLE 'sales.orders' because it is being referenced by object 'v'.", 1) : undefined),
  );
  await session.clean(['sales', 'dbo'], ['sales', 'dbo']);
  assert.equal(
    calls.filter((c) => c.kind === 'batch').map((c) => c.text),
    ['ALTER TABLE [sales].[orders] DROP CONSTRAINT [FK_orders_customers]', 'DROP TABLE [sales].[orders]', 'DROP VIEW [sales].[v]', 'DROP TABLE [sales].[orders]', 'DROP SCHEMA [sales]'],
  );
});

test('a ROLLBACK refused because the server rolled back already (mssql EABORT, server error 3903) counts as rolled back', () => {
  assert.ok(serverRolledBack(new sql.TransactionError('Transaction has been aborted.', 'EABORT')));
  assert.ok(serverRolledBack(requestError(3903, 'The ROLLBACK TRANSACTION request has no corresponding BEGIN TRANSACTION.', 1)));
  assert.not.ok(serverRolledBack(new sql.ConnectionError('Connection lost - read ECONNRESET', 'ESOCKET')));
});

test.run();
