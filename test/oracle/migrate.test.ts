/**
 * Oracle migrations offline: scripts split as SQL*Plus reads them, Flyway's history table on Oracle,
 * and the migrate session over an executor that records what it is asked to run and answers as
 * node-oracledb would (rows keyed by column name, errors built by node-oracledb's lib/errors.js).
 */
import { createRequire } from 'node:module';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ConnectionSettings } from '../../src/config/connection.ts';
import { createHistorySql, historyInsert, openOracleSession, type OracleExecutor } from '../../src/dialects/oracle/oracle-migrate.ts';
import { splitOracleScript } from '../../src/dialects/oracle/oracle-script.ts';
import { ParityError } from '../../src/errors.ts';
import { ScriptFailure, type NewHistoryRow } from '../../src/migrations/schema-history.ts';

const require = createRequire(import.meta.url);
const errors = require('oracledb/lib/errors.js') as { transformErr(err: Error): Error };

function oraError(errorNum: number, message: string): Error {
  return errors.transformErr(Object.assign(new Error(message), { offset: 0, errorNum, isRecoverable: false }));
}

test('split: SQL ends with ; (dropped for the driver), PL/SQL with a / line (END; kept), comments and strings respected', () => {
  const script = [
    '-- V2__add.sql',
    "CREATE TABLE t (a NUMBER, b VARCHAR2(10) DEFAULT ';');",
    '',
    '/* a comment; with a semicolon */',
    "INSERT INTO t VALUES (1, q'[it''s; here]');",
    'CREATE OR REPLACE PROCEDURE p AS',
    'BEGIN',
    '  NULL; -- x;',
    'END;',
    '/',
    'SELECT 1 FROM dual',
    '/',
    'update t set a = 2',
  ].join('\n');
  assert.equal(
    splitOracleScript(script).map((s) => [s.startLine, s.plsql, s.text]),
    [
      [2, false, "CREATE TABLE t (a NUMBER, b VARCHAR2(10) DEFAULT ';')"],
      [5, false, "INSERT INTO t VALUES (1, q'[it''s; here]')"],
      [6, true, 'CREATE OR REPLACE PROCEDURE p AS\nBEGIN\n  NULL; -- x;\nEND;'],
      [11, false, 'SELECT 1 FROM dual'],
      [13, false, 'update t set a = 2'],
    ],
  );
});

test('split: anonymous blocks, triggers and types are PL/SQL; a PL/SQL unit without / runs to the end', () => {
  const statements = splitOracleScript('BEGIN\n  NULL;\nEND;\n/\nCREATE OR REPLACE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW\nBEGIN\n  :new.a := 1;\nEND;\n/\nCREATE TYPE pt AS OBJECT (x NUMBER);\n');
  assert.equal(
    statements.map((s) => [s.plsql, s.text.split('\n')[0]]),
    [
      [true, 'BEGIN'],
      [true, 'CREATE OR REPLACE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW'],
      [true, 'CREATE TYPE pt AS OBJECT (x NUMBER);'],
    ],
  );
});

test('split: SQL*Plus commands are left out, SET TRANSACTION is not', () => {
  const statements = splitOracleScript('SET DEFINE OFF\nPROMPT creating\nSET TRANSACTION READ WRITE;\nWHENEVER SQLERROR EXIT FAILURE\nDROP TABLE t;');
  assert.equal(
    statements.map((s) => s.text),
    ['SET TRANSACTION READ WRITE', 'DROP TABLE t'],
  );
});

test('split: what generate writes splits back into its statements', () => {
  const generated = '-- header\n\nCREATE TABLE "HR"."T" (\n  "A" NUMBER\n);\n\nCREATE OR REPLACE FUNCTION "HR"."F" RETURN NUMBER IS\nBEGIN\n  RETURN 1;\nEND;\n/\n\nCOMMENT ON TABLE "HR"."T" IS \'it\'\'s; fine\';\n';
  assert.equal(
    splitOracleScript(generated).map((s) => [s.startLine, s.plsql]),
    [
      [3, false],
      [7, true],
      [13, false],
    ],
  );
});

test("Flyway's history table on Oracle: quoted lower-case names, its types, the _pk key and _s_idx index", () => {
  assert.equal(createHistorySql('HR', 'flyway_schema_history'), [
    `CREATE TABLE "HR"."flyway_schema_history" (
    "installed_rank" INT NOT NULL,
    "version" VARCHAR2(50),
    "description" VARCHAR2(200) NOT NULL,
    "type" VARCHAR2(20) NOT NULL,
    "script" VARCHAR2(1000) NOT NULL,
    "checksum" INT,
    "installed_by" VARCHAR2(100) NOT NULL,
    "installed_on" TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,
    "execution_time" INT NOT NULL,
    "success" NUMBER(1) NOT NULL,
    CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank")
)`,
    'CREATE INDEX "HR"."flyway_schema_history_s_idx" ON "HR"."flyway_schema_history" ("success")',
  ]);
});

const row: NewHistoryRow = { installedRank: 2, version: '2', description: '', type: 'SQL', script: 'V2__.sql', checksum: -12, installedBy: 'HR', executionTime: 15, success: true };

test('history insert: quoted columns, numbered binds, success as 1, an empty description as a space (NOT NULL, and Oracle stores "" as NULL)', () => {
  const { sql, binds } = historyInsert('HR', 'flyway_schema_history', row);
  assert.is(
    sql,
    'INSERT INTO "HR"."flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "execution_time", "success") VALUES (:1, :2, :3, :4, :5, :6, :7, :8, :9)',
  );
  assert.equal(binds, [2, '2', ' ', 'SQL', 'V2__.sql', -12, 'HR', 15, 1]);
});

/** An executor that records statements; `answer` gives rows for queries, `fail` an error for a statement. */
function recorder(answer: (sql: string) => Record<string, unknown>[] = () => [], fail: (sql: string) => Error | undefined = () => undefined) {
  const log: string[] = [];
  const executor: OracleExecutor = {
    query: async <T>(sql: string) => {
      log.push(sql);
      const error = fail(sql);
      if (error) throw error;
      return answer(sql) as T[];
    },
    run: async (sql: string) => {
      log.push(sql);
      const error = fail(sql);
      if (error) throw error;
    },
    commit: async () => void log.push('COMMIT'),
    rollback: async () => void log.push('ROLLBACK'),
    close: async () => void log.push('CLOSE'),
  };
  return { log, executor };
}

const settings: ConnectionSettings = { dialect: 'oracle', host: 'db', port: 1521, database: 'FREEPDB1', user: 'hr', password: 'Tiger-Sekr1t', params: {} };
const whoami = (sql: string) => (sql.includes('SYS_CONTEXT') ? [{ USERNAME: 'HR', SCHEMA_NAME: 'HR' }] : []);
const options = { schemas: ['app'], table: 'flyway_schema_history', mixed: false };

test('a session: USER is installed_by; the history schema is the first configured schema, folded', async () => {
  const { executor } = recorder(whoami);
  const session = await openOracleSession(settings, options, async () => executor);
  assert.equal([session.user, session.historySchema], ['HR', 'APP']);
  const own = await openOracleSession(settings, { ...options, schemas: [] }, async () => recorder(whoami).executor);
  assert.is(own.historySchema, 'HR');
});

test('runScript: each statement in order, then the history row and COMMIT', async () => {
  const { log, executor } = recorder(whoami);
  const session = await openOracleSession(settings, options, async () => executor);
  await session.runScript({ shownPath: 'migrations/V2__x.sql', text: 'CREATE TABLE t (a NUMBER);\nBEGIN\n  NULL;\nEND;\n/\n' }, (ms) => ({ ...row, executionTime: ms }));
  assert.equal(log.slice(1, 3), ['CREATE TABLE t (a NUMBER)', 'BEGIN\n  NULL;\nEND;']);
  assert.match(log[3]!, /^INSERT INTO "APP"\."flyway_schema_history" \("installed_rank"/);
  assert.is(log[4], 'COMMIT');
});

test('runScript failure: a ScriptFailure at the statement line, not rolled back (Oracle DDL commits), message on one line without the Help line', async () => {
  const { log, executor } = recorder(whoami, (sql) => (sql.startsWith('INSERT INTO missing') ? oraError(942, 'ORA-00942: table or view "APP"."MISSING" does not exist') : undefined));
  const session = await openOracleSession(settings, options, async () => executor);
  try {
    await session.runScript({ shownPath: 'V3__y.sql', text: 'CREATE TABLE t (a NUMBER);\n\nINSERT INTO missing VALUES (1);\n' }, () => row);
    assert.unreachable();
  } catch (error) {
    assert.instance(error, ScriptFailure);
    const failure = error as ScriptFailure;
    assert.equal([failure.line, failure.rolledBack, failure.message], [3, false, 'ORA-00942: table or view "APP"."MISSING" does not exist']);
  }
  assert.ok(log.includes('ROLLBACK'), 'DML since the last DDL is undone');
  assert.not.ok(log.some((s) => s.startsWith('INSERT INTO "APP"')), 'no history row for a failed script');
});

test('readHistory: rows by their quoted names, installed_on as text, a space description read back as empty', async () => {
  const history = [{ installed_rank: 1, version: '1', description: ' ', type: 'SQL', script: 'V1__.sql', checksum: 5, installed_by: 'HR', installed_on_text: '2026-01-02T03:04:05.678', execution_time: 9, success: 1 }];
  const { executor } = recorder((sql) => (sql.includes('SYS_CONTEXT') ? whoami(sql) : sql.includes('"installed_rank"') ? history : []));
  const session = await openOracleSession(settings, options, async () => executor);
  assert.equal(await session.readHistory(), [
    { installedRank: 1, version: '1', description: '', type: 'SQL', script: 'V1__.sql', checksum: 5, installedBy: 'HR', installedOn: '2026-01-02T03:04:05.678', executionTime: 9, success: true },
  ]);
});

test('existingSchemas answers with the configured names; createSchemas makes users with tablespace', async () => {
  const { log, executor } = recorder((sql) => (sql.includes('SYS_CONTEXT') ? whoami(sql) : sql.includes('ALL_USERS') ? [{ USERNAME: 'APP' }] : []));
  const session = await openOracleSession(settings, options, async () => executor);
  assert.equal(await session.existingSchemas(['app', 'other']), ['app']);
  await session.createSchemas(['other']);
  assert.equal(log.slice(-2), ['CREATE USER "OTHER" NO AUTHENTICATION', 'GRANT UNLIMITED TABLESPACE TO "OTHER"']);
});

test('lock: DBMS_LOCK; a held lock and a missing grant are one-line DATABASE_ERRORs', async () => {
  const held = recorder(whoami, (sql) => (sql.includes('DBMS_LOCK') ? oraError(20001, 'ORA-20001: lock 1') : undefined));
  const session = await openOracleSession(settings, options, async () => held.executor);
  const e1 = await session.lock().then(() => undefined, (e: unknown) => e as ParityError);
  assert.is(e1?.code, 'DATABASE_ERROR');
  assert.match(e1!.message, 'another migration has held the lock on APP.flyway_schema_history');
  const denied = recorder(whoami, (sql) => (sql.includes('DBMS_LOCK') ? oraError(6550, "ORA-06550: line 1, column 35:\nPLS-00201: identifier 'DBMS_LOCK' must be declared") : undefined));
  const other = await openOracleSession(settings, options, async () => denied.executor);
  const e2 = await other.lock().then(() => undefined, (e: unknown) => e as ParityError);
  assert.is(e2?.message, 'parity migrate takes a lock with DBMS_LOCK, which user HR may not run: GRANT EXECUTE ON SYS.DBMS_LOCK TO HR');
});

test('clean: materialized views first, tables with CASCADE CONSTRAINTS PURGE, types FORCE; created schemas dropped as users', async () => {
  const objects = [
    { OBJECT_NAME: 'T', OBJECT_TYPE: 'TABLE' },
    { OBJECT_NAME: 'MV', OBJECT_TYPE: 'MATERIALIZED VIEW' },
    { OBJECT_NAME: 'PT', OBJECT_TYPE: 'TYPE' },
  ];
  const { log, executor } = recorder((sql) => (sql.includes('SYS_CONTEXT') ? whoami(sql) : sql.includes('OBJECT_TYPE IN') ? objects : []));
  const session = await openOracleSession(settings, options, async () => executor);
  await session.clean(['app', 'scratch'], ['scratch']);
  assert.equal(log.filter((s) => s.startsWith('DROP')), ['DROP MATERIALIZED VIEW "APP"."MV"', 'DROP TABLE "APP"."T" CASCADE CONSTRAINTS PURGE', 'DROP TYPE "APP"."PT" FORCE', 'DROP USER "SCRATCH" CASCADE']);
});

test('migrate -saveSnapshot: the snapshot history table created when missing (quoted lower-case names, CLOB), the table locked, the snapshot inserted and older ones deleted, one COMMIT; read back, a CLOB read through its Lob', async () => {
  let tableThere = false;
  const { log, executor } = recorder((sql) => {
    if (sql.includes('SYS_CONTEXT')) return whoami(sql);
    if (sql.includes('FROM ALL_TABLES')) return [{ N: tableThere ? 1 : 0 }];
    if (sql.includes('MAX("installed_rank")')) return [{ NEXT: 4 }];
    return [];
  });
  const session = await openOracleSession(settings, options, async () => executor);
  await session.saveSnapshot({ version: '3', snapshot: '{"format":"parity-snapshot"}', installedBy: 'HR' });
  const steps = log.slice(1);
  assert.match(steps[1]!, /^CREATE TABLE "APP"\."parity_snapshot_history" \(\n {4}"installed_rank" NUMBER\(10\) NOT NULL PRIMARY KEY,[^]*"snapshot" CLOB NOT NULL/);
  assert.equal(steps.slice(2).map((sql) => sql.split(' ').slice(0, 3).join(' ')), ['LOCK TABLE "APP"."parity_snapshot_history"', 'SELECT COALESCE(MAX("installed_rank"), 0)', 'INSERT INTO "APP"."parity_snapshot_history"', 'DELETE FROM "APP"."parity_snapshot_history"', 'COMMIT']);

  tableThere = true;
  log.length = 0;
  await session.saveSnapshot({ version: '4', snapshot: '{}', installedBy: 'HR' });
  assert.not.ok(log.some((sql) => sql.startsWith('CREATE TABLE')), 'created only when missing');

  const failing = recorder((sql) => (sql.includes('SYS_CONTEXT') ? whoami(sql) : sql.includes('FROM ALL_TABLES') ? [{ N: 1 }] : []), (sql) => (sql.startsWith('INSERT') ? oraError(1950, 'ORA-01950: no privileges on tablespace') : undefined));
  const failed = await (await openOracleSession(settings, options, async () => failing.executor)).saveSnapshot({ version: null, snapshot: '{}', installedBy: 'HR' }).then(() => undefined, (e: unknown) => e);
  assert.ok(failed instanceof ParityError, String(failed));
  assert.equal(failing.log.slice(-2).map((sql) => sql.split(' ')[0]), ['INSERT', 'ROLLBACK']);

  const lob = { getData: async () => '{"a":1}' };
  const reading = recorder((sql) =>
    sql.includes('SYS_CONTEXT') ? whoami(sql) : sql.includes('FROM ALL_TABLES') ? [{ N: 1 }] : [{ version: '4', snapshot: lob, installed_by: 'HR', installed_on_text: '2026-12-04T23:10:00.000' }],
  );
  const reader = await openOracleSession(settings, options, async () => reading.executor);
  assert.equal(await reader.latestSnapshot(), { version: '4', snapshot: '{"a":1}', installedBy: 'HR', installedOn: '2026-12-04T23:10:00.000' });
  const empty = recorder((sql) => (sql.includes('SYS_CONTEXT') ? whoami(sql) : sql.includes('FROM ALL_TABLES') ? [{ N: 0 }] : []));
  assert.is(await (await openOracleSession(settings, options, async () => empty.executor)).latestSnapshot(), undefined);
});

test.run();
