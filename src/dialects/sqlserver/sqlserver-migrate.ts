/**
 * SQL Server side of `migrate` (see src/migrations/schema-history.ts): the history table exactly as
 * Flyway creates it on SQL Server (NVARCHAR columns, `installed_on DATETIME DEFAULT GETDATE()`,
 * `success BIT`, the `_pk` primary key and `_s_idx` index), an application lock (sp_getapplock) that
 * keeps two migrators apart, scripts split into `GO` batches (sqlserver-script.ts) run in one
 * transaction with their history row (SQL Server's DDL is transactional: a failure rolls all of it
 * back and the migration stays pending), and `clean`. `installed_by` is SUSER_SNAME(), as Flyway's.
 * A script holding statements SQL Server refuses in a transaction (CREATE/ALTER/DROP DATABASE,
 * BACKUP, RESTORE, full-text catalogs) runs batch by batch without one. There is no throwaway server:
 * SQL Server projects configure a build environment.
 */
import crypto from 'node:crypto';
import type { ConnectionPool, Transaction } from 'mssql';
import type { ConnectionSettings } from '../../config/connection.js';
import { ParityError, isParityError } from '../../errors.js';
import {
  HISTORY_INSERT_COLUMNS,
  ScriptFailure,
  historyInsertValues,
  historyRowFrom,
  type HistoryRow,
  type MigrateSession,
  type MigrateSessionOptions,
  type MigrateSupport,
  type NewHistoryRow,
  type ScriptToRun,
} from '../../migrations/schema-history.js';
import { MigrateSessionBase } from '../../migrations/migrate-session-base.js';
import { driverErrorMessage, scrubPassword } from '../driver-errors.js';
import { connectPool, serverErrorNumber, toParityError } from './sqlserver-connection.js';
import { qualifiedName, quoteIdent, quoteString } from './sqlserver-quoting.js';
import { SNAPSHOT_HISTORY_TABLE, type NewSavedSnapshot, type SavedSnapshot } from '../../migrations/snapshot-history.js';
import { splitBatches, type Batch } from './sqlserver-script.js';

/** Milliseconds to wait for another migrator's lock on the same history table. */
const LOCK_TIMEOUT_MS = 300_000;

/** Schemas SQL Server creates in every database: never "in use" by a project. */
export const SYSTEM_SCHEMAS: ReadonlySet<string> = new Set([
  'sys', 'INFORMATION_SCHEMA', 'guest', 'db_owner', 'db_accessadmin', 'db_securityadmin', 'db_ddladmin', 'db_backupoperator', 'db_datareader', 'db_datawriter', 'db_denydatareader', 'db_denydatawriter',
].map((s) => s.toLowerCase()));

/** Flyway's createMetaDataTable.sql for SQL Server. */
export function createHistorySql(schema: string, table: string): string[] {
  const name = qualifiedName(schema, table);
  return [
    `CREATE TABLE ${name} (
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
    `ALTER TABLE ${name} ADD CONSTRAINT ${quoteIdent(`${table}_pk`)} PRIMARY KEY ([installed_rank])`,
    `CREATE INDEX ${quoteIdent(`${table}_s_idx`)} ON ${name} ([success])`,
  ];
}

/** Statements SQL Server refuses inside a user transaction. */
const NO_TRANSACTION = /^\s*(?:(?:CREATE|ALTER|DROP)\s+(?:DATABASE|FULLTEXT\s+CATALOG|FULLTEXT\s+INDEX)|BACKUP|RESTORE|RECONFIGURE)\b/im;

/** What the session needs of a connection: queries with `@p0..` parameters, and batches, optionally in a transaction. */
export interface SqlExecutor {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  batch(text: string): Promise<void>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
}

/** `SQL Server error 208: Invalid object name 'x'.`, one line. */
function serverMessage(error: unknown): string {
  const text = driverErrorMessage(error).replace(/\s*\n\s*/g, ' ');
  const number = (error as { number?: unknown }).number;
  return typeof number === 'number' ? `SQL Server error ${number}: ${text}` : text;
}

/** The script line of a failure: the batch's start plus the server's line within the batch. */
function failureLine(error: unknown, batch: Batch): number {
  const line = (error as { lineNumber?: unknown }).lineNumber;
  return typeof line === 'number' && line > 0 ? batch.startLine + line - 1 : batch.startLine;
}

export class SqlServerMigrateSession extends MigrateSessionBase implements MigrateSession {
  readonly #db: SqlExecutor;
  #lock: string | undefined;

  constructor(db: SqlExecutor, settings: ConnectionSettings, options: MigrateSessionOptions, user: string, historySchema: string) {
    super({ qualifiedName, toParityError }, settings, options, user, historySchema);
    this.#db = db;
  }

  async #query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]> {
    return this.guarded(() => this.#db.query<T>(text, params));
  }

  async lock(): Promise<void> {
    const resource = `parity-${crypto.createHash('sha1').update(`${this.historySchema}.${this.options.table}`).digest('hex')}`;
    const [row] = await this.#query<{ result: number }>(
      `DECLARE @result int; EXEC @result = sp_getapplock @Resource = @p0, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = ${LOCK_TIMEOUT_MS}; SELECT @result AS result`,
      [resource],
    );
    if (row === undefined || Number(row.result) < 0) {
      throw new ParityError('DATABASE_ERROR', `another migration has held the lock on ${this.historySchema}.${this.options.table} for ${LOCK_TIMEOUT_MS / 1000} s; try again when it is done`);
    }
    this.#lock = resource;
  }

  async existingSchemas(schemas: readonly string[]): Promise<string[]> {
    if (schemas.length === 0) return [];
    const rows = await this.#query<{ name: string }>(`SELECT name FROM sys.schemas WHERE name IN (${schemas.map(quoteString).join(', ')})`);
    return rows.map((r) => r.name);
  }

  async createSchemas(schemas: readonly string[]): Promise<void> {
    // CREATE SCHEMA must be the only statement of its batch.
    for (const schema of schemas) await this.#run(`CREATE SCHEMA ${quoteIdent(schema)}`);
  }

  async #run(text: string): Promise<void> {
    await this.guarded(() => this.#db.batch(text));
  }

  /** Schemas of `candidates` holding a user object or type (the history table excepted). */
  async #schemasWithObjects(candidates: readonly string[]): Promise<string[]> {
    if (candidates.length === 0) return [];
    const list = candidates.map(quoteString).join(', ');
    const rows = await this.#query<{ name: string }>(
      `SELECT DISTINCT s.name FROM sys.objects o JOIN sys.schemas s ON s.schema_id = o.schema_id
       WHERE s.name IN (${list}) AND o.is_ms_shipped = 0 AND o.parent_object_id = 0 AND NOT (s.name = @p0 AND o.name = @p1)
       UNION SELECT s.name FROM sys.types t JOIN sys.schemas s ON s.schema_id = t.schema_id WHERE t.is_user_defined = 1 AND s.name IN (${list})`,
      [this.historySchema, this.options.table],
    );
    return rows.map((r) => r.name).sort();
  }

  async hasObjects(schemas: readonly string[]): Promise<boolean> {
    return (await this.#schemasWithObjects(schemas)).length > 0;
  }

  async historyExists(): Promise<boolean> {
    const rows = await this.#query<{ id: number | null }>(`SELECT OBJECT_ID(@p0, N'U') AS id`, [this.history]);
    return rows[0]?.id !== null && rows[0]?.id !== undefined;
  }

  async createHistory(): Promise<void> {
    for (const statement of createHistorySql(this.historySchema, this.options.table)) await this.#run(statement);
  }

  async readHistory(): Promise<HistoryRow[]> {
    // installed_on as the server recorded it (GETDATE(): the server's clock), ISO 8601 (style 126).
    const rows = await this.#query(
      `SELECT installed_rank, version, description, type, script, checksum, installed_by,
              CONVERT(varchar(23), installed_on, 126) AS installed_on_text, execution_time, success
       FROM ${this.history} ORDER BY installed_rank`,
    );
    return rows.map((r) => historyRowFrom({ ...r, description: r['description'] ?? '' }, String(r['installed_on_text'])));
  }

  async insertHistory(row: NewHistoryRow): Promise<void> {
    const values = historyInsertValues(row);
    await this.#query(`INSERT INTO ${this.history} (${HISTORY_INSERT_COLUMNS}) VALUES (${values.map((_, i) => `@p${i}`).join(', ')})`, values);
  }

  async runScript(script: ScriptToRun, successRow: (executionTime: number) => NewHistoryRow): Promise<void> {
    const batches = splitBatches(script.text);
    const inTransaction = !batches.some((b) => NO_TRANSACTION.test(b.text));
    const started = Date.now();
    if (inTransaction) await this.#db.begin().catch((error: unknown) => Promise.reject(toParityError(error, this.settings)));
    for (const batch of batches) {
      for (let i = 0; i < batch.count; i++) {
        try {
          await this.#db.batch(batch.text);
        } catch (error) {
          const rolledBack = inTransaction && (await this.#db.rollback().then(() => true, () => false));
          const converted = toParityError(error, this.settings);
          if (isParityError(converted) && converted.code === 'CONNECTION_FAILED') throw converted;
          throw new ScriptFailure(scrubPassword(serverMessage(error), this.settings), failureLine(error, batch), rolledBack, error);
        }
      }
    }
    await this.insertHistory(successRow(Date.now() - started));
    if (inTransaction) await this.#db.commit().catch((error: unknown) => Promise.reject(toParityError(error, this.settings)));
  }

  async clean(schemas: readonly string[], dropSchemas: readonly string[]): Promise<void> {
    const list = schemas.map(quoteString).join(', ');
    if (schemas.length > 0) {
      // Foreign keys first, then every object, retried while views and functions wait for their readers.
      const keys = await this.#query<{ statement: string }>(
        `SELECT N'ALTER TABLE ' + QUOTENAME(OBJECT_SCHEMA_NAME(parent_object_id)) + N'.' + QUOTENAME(OBJECT_NAME(parent_object_id)) + N' DROP CONSTRAINT ' + QUOTENAME(name) AS statement
         FROM sys.foreign_keys WHERE OBJECT_SCHEMA_NAME(parent_object_id) IN (${list})`,
      );
      for (const key of keys) await this.#run(key.statement);
      const objects = await this.#query<{ statement: string }>(
        `SELECT N'DROP ' + CASE o.type WHEN 'U' THEN N'TABLE' WHEN 'V' THEN N'VIEW' WHEN 'P' THEN N'PROCEDURE' WHEN 'SO' THEN N'SEQUENCE' WHEN 'SN' THEN N'SYNONYM' ELSE N'FUNCTION' END
                + N' ' + QUOTENAME(s.name) + N'.' + QUOTENAME(o.name) AS statement
         FROM sys.objects o JOIN sys.schemas s ON s.schema_id = o.schema_id
         WHERE s.name IN (${list}) AND o.is_ms_shipped = 0 AND o.type IN ('U', 'V', 'P', 'FN', 'IF', 'TF', 'SO', 'SN')
         UNION ALL SELECT N'DROP TYPE ' + QUOTENAME(s.name) + N'.' + QUOTENAME(t.name) FROM sys.types t JOIN sys.schemas s ON s.schema_id = t.schema_id
         WHERE t.is_user_defined = 1 AND s.name IN (${list})`,
      );
      let pending = objects.map((o) => o.statement);
      while (pending.length > 0) {
        const failed: string[] = [];
        let lastError: unknown;
        for (const statement of pending) {
          await this.#db.batch(statement).catch((error: unknown) => {
            failed.push(statement);
            lastError = error;
          });
        }
        if (failed.length === pending.length) throw toParityError(lastError, this.settings, { context: 'clean' });
        pending = failed;
      }
    }
    for (const schema of dropSchemas) if (schema !== 'dbo') await this.#run(`DROP SCHEMA ${quoteIdent(schema)}`);
  }

  async schemasInUse(): Promise<string[]> {
    const rows = await this.#query<{ name: string }>('SELECT name FROM sys.schemas');
    return this.#schemasWithObjects(rows.map((r) => r.name).filter((name) => !SYSTEM_SCHEMAS.has(name.toLowerCase())));
  }

  async latestSnapshot(): Promise<SavedSnapshot | undefined> {
    const table = qualifiedName(this.historySchema, SNAPSHOT_HISTORY_TABLE);
    const [present] = await this.#query<{ id: number | null }>(`SELECT OBJECT_ID(@p0, N'U') AS id`, [table]);
    if (present?.id === null || present?.id === undefined) return undefined;
    const [row] = await this.#query<{ version: string | null; snapshot: string; installed_by: string; installed_on_text: string }>(
      `SELECT TOP (1) version, snapshot, installed_by, CONVERT(varchar(23), installed_on, 126) AS installed_on_text FROM ${table} ORDER BY installed_rank DESC`,
    );
    return row && { version: row.version, snapshot: String(row.snapshot), installedBy: row.installed_by, installedOn: row.installed_on_text };
  }

  /** Creates the snapshot history table when missing, then in one transaction inserts the snapshot and deletes the older ones. */
  async saveSnapshot(snapshot: NewSavedSnapshot): Promise<void> {
    const table = qualifiedName(this.historySchema, SNAPSHOT_HISTORY_TABLE);
    await this.#run(createSnapshotHistorySql(this.historySchema));
    await this.#db.begin().catch((error: unknown) => Promise.reject(toParityError(error, this.settings)));
    try {
      const [row] = await this.#query<{ next: number }>(`SELECT COALESCE(MAX(installed_rank), 0) + 1 AS next FROM ${table} WITH (UPDLOCK, HOLDLOCK)`);
      const next = Number(row?.next ?? 1);
      await this.#query(`INSERT INTO ${table} (installed_rank, version, snapshot, installed_by) VALUES (@p0, @p1, @p2, @p3)`, [next, snapshot.version, snapshot.snapshot, snapshot.installedBy.slice(0, 100)]);
      await this.#query(`DELETE FROM ${table} WHERE installed_rank < @p0`, [next]);
      await this.#db.commit();
    } catch (error) {
      await this.#db.rollback().catch(() => {});
      throw toParityError(error, this.settings);
    }
  }

  async close(): Promise<void> {
    if (this.#lock !== undefined) await this.#db.query(`EXEC sp_releaseapplock @Resource = @p0, @LockOwner = 'Session'`, [this.#lock]).catch(() => {});
    await this.#db.close();
  }
}

/**
 * Whether a failed ROLLBACK means the server had rolled the transaction back already: an error of
 * severity 16 and up can abort the transaction on the server, after which mssql refuses ROLLBACK with
 * `TransactionError('Transaction has been aborted.', 'EABORT')` (node_modules/mssql/lib/base/
 * transaction.js), and the server answers a late one with error 3903.
 */
export function serverRolledBack(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EABORT' || serverErrorNumber(error) === 3903;
}

/** The snapshot history table (migrations/snapshot-history.ts) on SQL Server, created only when missing. */
export function createSnapshotHistorySql(schema: string): string {
  const table = qualifiedName(schema, SNAPSHOT_HISTORY_TABLE);
  return `IF OBJECT_ID(${quoteString(table)}, N'U') IS NULL CREATE TABLE ${table} (
    [installed_rank] INT NOT NULL PRIMARY KEY,
    [version] NVARCHAR(50),
    [snapshot] NVARCHAR(MAX) NOT NULL,
    [installed_by] NVARCHAR(100) NOT NULL,
    [installed_on] DATETIME NOT NULL DEFAULT GETDATE()
)`;
}

/** An executor over an mssql pool of one connection (the session's lock is held by that connection). */
export function poolExecutor(pool: ConnectionPool): SqlExecutor {
  let transaction: Transaction | undefined;
  const request = () => (transaction ? transaction.request() : pool.request());
  return {
    async query<T>(text: string, params: readonly unknown[] = []): Promise<T[]> {
      const r = request();
      params.forEach((value, i) => r.input(`p${i}`, value));
      return (await r.query<T>(text)).recordset ?? [];
    },
    async batch(text: string): Promise<void> {
      await request().batch(text);
    },
    async begin(): Promise<void> {
      transaction = pool.transaction();
      await transaction.begin();
    },
    async commit(): Promise<void> {
      await transaction?.commit();
      transaction = undefined;
    },
    async rollback(): Promise<void> {
      const t = transaction;
      transaction = undefined;
      try {
        await t?.rollback();
      } catch (error) {
        if (!serverRolledBack(error)) throw error;
      }
    },
    close: () => pool.close(),
  };
}

/** Opens the session on the URL's database (read-write: no read-only intent), the history schema being the user's default unless configured. */
async function openSession(settings: ConnectionSettings, options: MigrateSessionOptions): Promise<MigrateSession> {
  const pool = await connectPool(settings, { readOnly: false });
  const executor = poolExecutor(pool);
  try {
    // Flyway's installed_by on SQL Server: the login's name.
    const [row] = await executor.query<{ user: string; schema: string }>('SELECT SUSER_SNAME() AS [user], SCHEMA_NAME() AS [schema]');
    const historySchema = options.defaultSchema ?? options.schemas[0] ?? row?.schema ?? 'dbo';
    return new SqlServerMigrateSession(executor, settings, options, String(row?.user ?? settings.user ?? ''), historySchema);
  } catch (error) {
    await pool.close().catch(() => {});
    throw toParityError(error, settings);
  }
}

export const sqlserverMigrate: MigrateSupport = { open: openSession };
