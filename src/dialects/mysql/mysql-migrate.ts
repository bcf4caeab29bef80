/**
 * MySQL/MariaDB side of `migrate` (see src/migrations/schema-history.ts): the history table exactly
 * as Flyway creates it on MySQL, a named lock (GET_LOCK), scripts split by mysql-script.ts and sent one
 * statement per call, and `clean` (mysql-clean.ts). Schemas are databases.
 *
 * MySQL has no transactional DDL: a script runs statement by statement in autocommit, so a failure
 * keeps what ran before it and the shared migrator records a `success = 0` row (as Flyway on MySQL
 * does), which blocks the next migrate until someone repairs it. A script of only INSERT, UPDATE,
 * DELETE and REPLACE statements runs in one transaction with its history row instead: a failure rolls
 * it back and it stays pending, unless the server says a non-transactional (MyISAM) table kept changes.
 *
 * The session connects without a default database (the history schema may not exist yet) and makes
 * the history schema the current database before each script, as Flyway does with its default schema.
 * There is no throwaway server: MySQL projects configure a build environment.
 */
import crypto from 'node:crypto';
import type mysql from 'mysql2/promise';
import type { ConnectionSettings } from '../../config/connection.js';
import { ParityError, isParityError } from '../../errors.js';
import { SNAPSHOT_HISTORY_TABLE, type NewSavedSnapshot, type SavedSnapshot } from '../../migrations/snapshot-history.js';
import { HISTORY_INSERT_COLUMNS, ScriptFailure, historyInsertValues, historyRowFrom, type HistoryRow, type MigrateSession, type MigrateSessionOptions, type MigrateSupport, type NewHistoryRow, type ScriptToRun } from '../../migrations/schema-history.js';
import { MigrateSessionBase } from '../../migrations/migrate-session-base.js';
import { scrubPassword } from '../driver-errors.js';
import { loadMysql } from '../drivers.js';
import { cleanDatabases } from './mysql-clean.js';
import { connectionOptions, toParityError } from './mysql-connection.js';
import { SYSTEM_SCHEMAS } from './mysql-introspector.js';
import { qualifiedName, quoteIdent } from './mysql-quoting.js';
import { splitMysqlScript, type ScriptStatement } from './mysql-script.js';

/** Seconds to wait for another migrator's lock on the same history table. */
const LOCK_TIMEOUT_SECONDS = 300;

/** Flyway's createMetaDataTable.sql for MySQL (the key inside CREATE TABLE, for innodb_force_primary_key). */
function createHistorySql(schema: string, table: string): string[] {
  const name = qualifiedName(schema, table);
  return [
    `CREATE TABLE ${name} (
    \`installed_rank\` INT NOT NULL,
    \`version\` VARCHAR(50),
    \`description\` VARCHAR(200) NOT NULL,
    \`type\` VARCHAR(20) NOT NULL,
    \`script\` VARCHAR(1000) NOT NULL,
    \`checksum\` INT,
    \`installed_by\` VARCHAR(100) NOT NULL,
    \`installed_on\` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    \`execution_time\` INT NOT NULL,
    \`success\` BOOL NOT NULL,
    CONSTRAINT ${quoteIdent(`${table}_pk`)} PRIMARY KEY (\`installed_rank\`)
) ENGINE=InnoDB`,
    `CREATE INDEX ${quoteIdent(`${table}_s_idx`)} ON ${name} (\`success\`)`,
  ];
}

function createSnapshotHistorySql(schema: string): string {
  return `CREATE TABLE IF NOT EXISTS ${qualifiedName(schema, SNAPSHOT_HISTORY_TABLE)} (
    \`installed_rank\` INT NOT NULL PRIMARY KEY,
    \`version\` VARCHAR(50),
    \`snapshot\` LONGTEXT NOT NULL,
    \`installed_by\` VARCHAR(100) NOT NULL,
    \`installed_on\` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB`;
}

/** Statements that change rows only: a script made of nothing else can run in one transaction. */
const ROW_CHANGE = /^(INSERT|UPDATE|DELETE|REPLACE)\b/i;
/** ER_WARNING_NOT_COMPLETE_ROLLBACK: a ROLLBACK that could not undo a non-transactional table. */
const INCOMPLETE_ROLLBACK = 1196;

interface DriverError {
  errno?: number;
  sqlState?: string;
  sqlMessage?: string;
  message?: string;
}

/** `MySQL error 1146 (42S02): Table 'app.nope' doesn't exist`, as the mysql client words it. */
function serverMessage(error: unknown): string {
  const e = error as DriverError;
  // One line: a syntax error quotes the statement, line breaks included.
  const text = (e.sqlMessage ?? e.message ?? String(error)).replace(/\s*\n\s*/g, ' ');
  return e.errno !== undefined ? `MySQL error ${e.errno}${e.sqlState ? ` (${e.sqlState})` : ''}: ${text}` : text;
}

/** The statement's line, moved to the line a syntax error names (`... near 'x' at line 2`). */
function failureLine(error: unknown, statement: ScriptStatement): number {
  const match = /\bat line (\d+)$/.exec((error as DriverError).sqlMessage ?? '');
  return match ? statement.startLine + Number(match[1]) - 1 : statement.startLine;
}

class MysqlMigrateSession extends MigrateSessionBase implements MigrateSession {
  readonly #connection: mysql.Connection;
  #lockName: string | undefined;

  constructor(connection: mysql.Connection, settings: ConnectionSettings, options: MigrateSessionOptions, user: string, historySchema: string) {
    super({ qualifiedName, toParityError }, settings, options, user, historySchema);
    this.#connection = connection;
  }

  async #query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
    const [rows] = await this.guarded(() => this.#connection.query(sql, params));
    return rows as T[];
  }

  async lock(): Promise<void> {
    // Named locks hold at most 64 characters: a hash of the table's name keeps any name under that.
    const name = `parity-${crypto.createHash('sha1').update(`${this.historySchema}.${this.options.table}`).digest('hex')}`;
    const [row] = await this.#query<{ locked: number | null }>('SELECT GET_LOCK(?, ?) AS locked', [name, LOCK_TIMEOUT_SECONDS]);
    if (Number(row?.locked) !== 1) {
      throw new ParityError('DATABASE_ERROR', `another migration has held the lock on ${this.historySchema}.${this.options.table} for ${LOCK_TIMEOUT_SECONDS} s; try again when it is done`);
    }
    this.#lockName = name;
  }

  async existingSchemas(schemas: readonly string[]): Promise<string[]> {
    if (schemas.length === 0) return [];
    const rows = await this.#query<{ name: string }>('SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME IN (?)', [schemas]);
    return rows.map((r) => r.name);
  }

  async createSchemas(schemas: readonly string[]): Promise<void> {
    for (const schema of schemas) await this.#query(`CREATE DATABASE ${quoteIdent(schema)}`);
  }

  /** Schemas of `candidates` holding a table, view, sequence, routine or event (the history table excepted). */
  async #schemasWithObjects(candidates: readonly string[]): Promise<string[]> {
    if (candidates.length === 0) return [];
    const rows = await this.#query<{ name: string }>(
      `SELECT TABLE_SCHEMA AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA IN (?) AND NOT (TABLE_SCHEMA = ? AND TABLE_NAME = ?)
       UNION SELECT ROUTINE_SCHEMA FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA IN (?)
       UNION SELECT EVENT_SCHEMA FROM information_schema.EVENTS WHERE EVENT_SCHEMA IN (?)`,
      [candidates, this.historySchema, this.options.table, candidates, candidates],
    );
    return rows.map((r) => r.name).sort();
  }

  async hasObjects(schemas: readonly string[]): Promise<boolean> {
    return (await this.#schemasWithObjects(schemas)).length > 0;
  }

  async historyExists(): Promise<boolean> {
    const rows = await this.#query('SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?', [this.historySchema, this.options.table]);
    return rows.length > 0;
  }

  async createHistory(): Promise<void> {
    for (const sql of createHistorySql(this.historySchema, this.options.table)) await this.#query(sql);
  }

  async readHistory(): Promise<HistoryRow[]> {
    const rows = await this.#query(
      `SELECT installed_rank, version, description, type, script, checksum, installed_by,
              UNIX_TIMESTAMP(installed_on) AS installed_epoch, execution_time, success
       FROM ${this.history} ORDER BY installed_rank`,
    );
    // installed_on as UTC, whatever the session's time zone.
    return rows.map((r) => historyRowFrom(r, new Date(Number(r['installed_epoch']) * 1000).toISOString().slice(0, 23)));
  }

  async insertHistory(row: NewHistoryRow): Promise<void> {
    await this.#query(
      `INSERT INTO ${this.history} (${HISTORY_INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      historyInsertValues(row),
    );
  }

  async runScript(script: ScriptToRun, successRow: (executionTime: number) => NewHistoryRow): Promise<void> {
    const statements = splitMysqlScript(script.text);
    const inTransaction = statements.length > 0 && statements.every((s) => ROW_CHANGE.test(s.text));
    await this.#query(`USE ${quoteIdent(this.historySchema)}`);
    const started = Date.now();
    if (inTransaction) await this.#query('START TRANSACTION');
    for (const statement of statements) {
      try {
        await this.#connection.query(statement.text);
      } catch (error) {
        const rolledBack = inTransaction && (await this.#rollback());
        const converted = toParityError(error, this.settings);
        if (isParityError(converted) && converted.code === 'CONNECTION_FAILED') throw converted;
        throw new ScriptFailure(scrubPassword(serverMessage(error), this.settings), failureLine(error, statement), rolledBack, error);
      }
    }
    await this.insertHistory(successRow(Date.now() - started));
    if (inTransaction) await this.#query('COMMIT');
  }

  /** ROLLBACK; false when the server says a non-transactional table kept its changes. */
  async #rollback(): Promise<boolean> {
    try {
      await this.#connection.query('ROLLBACK');
      const [warnings] = await this.#connection.query('SHOW WARNINGS');
      return !(warnings as Array<{ Code: number }>).some((w) => Number(w.Code) === INCOMPLETE_ROLLBACK);
    } catch {
      return false;
    }
  }

  async clean(schemas: readonly string[], dropSchemas: readonly string[]): Promise<void> {
    await cleanDatabases((sql, params) => this.#query(sql, params), schemas, dropSchemas);
  }

  async schemasInUse(): Promise<string[]> {
    const rows = await this.#query<{ name: string }>('SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA');
    return this.#schemasWithObjects(rows.map((r) => r.name).filter((name) => !SYSTEM_SCHEMAS.has(name.toLowerCase())));
  }

  async latestSnapshot(): Promise<SavedSnapshot | undefined> {
    const present = await this.#query('SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?', [this.historySchema, SNAPSHOT_HISTORY_TABLE]);
    if (present.length === 0) return undefined;
    const [row] = await this.#query<{ version: string | null; snapshot: string; installed_by: string; installed_epoch: number }>(
      `SELECT version, snapshot, installed_by, UNIX_TIMESTAMP(installed_on) AS installed_epoch
       FROM ${qualifiedName(this.historySchema, SNAPSHOT_HISTORY_TABLE)} ORDER BY installed_rank DESC LIMIT 1`,
    );
    return row && { version: row.version, snapshot: String(row.snapshot), installedBy: row.installed_by, installedOn: new Date(Number(row.installed_epoch) * 1000).toISOString().slice(0, 23) };
  }

  async saveSnapshot(snapshot: NewSavedSnapshot): Promise<void> {
    const table = qualifiedName(this.historySchema, SNAPSHOT_HISTORY_TABLE);
    await this.#query(createSnapshotHistorySql(this.historySchema));
    await this.#query('START TRANSACTION');
    try {
      const [row] = await this.#query<{ next: number }>(`SELECT COALESCE(MAX(installed_rank), 0) + 1 AS next FROM ${table} FOR UPDATE`);
      await this.#query(`INSERT INTO ${table} (installed_rank, version, snapshot, installed_by) VALUES (?, ?, ?, ?)`, [
        Number(row!.next),
        snapshot.version,
        snapshot.snapshot,
        snapshot.installedBy.slice(0, 100),
      ]);
      await this.#query(`DELETE FROM ${table} WHERE installed_rank < ?`, [Number(row!.next)]);
      await this.#query('COMMIT');
    } catch (error) {
      await this.#connection.query('ROLLBACK').catch(() => {});
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.#lockName !== undefined) await this.#connection.query('SELECT RELEASE_LOCK(?)', [this.#lockName]).catch(() => {});
    await this.#connection.end().catch(() => this.#connection.destroy());
  }
}

async function openSession(settings: ConnectionSettings, options: MigrateSessionOptions): Promise<MigrateSession> {
  const historySchema = options.defaultSchema ?? options.schemas[0] ?? settings.database;
  if (historySchema === '') {
    throw new ParityError('CONFIG_ERROR', 'no database for the schema history table: name one in the URL, in schemas, or in [flyway] defaultSchema');
  }
  // No default database: the history schema may be created by this migrate. Without IGNORE_SPACE
  // (which mysql2 asks for by default), stored programs keep the sql_mode other clients give them.
  const { database: _unused, ...withoutDatabase } = connectionOptions(settings);
  let connection: mysql.Connection;
  try {
    connection = await (await loadMysql()).createConnection({ ...withoutDatabase, flags: ['-IGNORE_SPACE'] });
  } catch (error) {
    throw toParityError(error, settings, { connecting: true });
  }
  connection.on('error', () => {});
  try {
    // Flyway's installed_by on MySQL: the user name without the host.
    const [rows] = await connection.query("SELECT SUBSTRING_INDEX(USER(), '@', 1) AS user");
    const user = String((rows as Array<{ user: string }>)[0]!.user);
    // Every transaction of the session is READ ONLY: the server refuses any write.
    if (options.readOnly) await connection.query('SET SESSION TRANSACTION READ ONLY');
    return new MysqlMigrateSession(connection, settings, options, user, historySchema);
  } catch (error) {
    await connection.end().catch(() => connection.destroy());
    throw toParityError(error, settings);
  }
}

export const mysqlMigrate: MigrateSupport = { open: openSession };
