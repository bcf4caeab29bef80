/**
 * Oracle side of `migrate` (see src/migrations/schema-history.ts): the history table exactly as Flyway
 * creates it on Oracle (quoted lower-case names `"flyway_schema_history"`, `"installed_rank" INT`,
 * VARCHAR2 columns, `"installed_on" TIMESTAMP DEFAULT CURRENT_TIMESTAMP`, `"success" NUMBER(1)`, the
 * `_pk` primary key and `_s_idx` index), a user lock (DBMS_LOCK) that keeps two migrators apart,
 * scripts split into statements as SQL*Plus reads them (oracle-script.ts: `/` after PL/SQL), and
 * `clean`. `installed_by` is USER, as Flyway's.
 *
 * Oracle DDL is not transactional (each DDL statement commits): a script that fails half-way keeps
 * what ran before the failure (`rolledBack: false`), as Flyway reports it on Oracle; the history row
 * of a script that succeeds is committed with its last DML. A schema is a user: creating one is
 * `CREATE USER ... NO AUTHENTICATION` with `UNLIMITED TABLESPACE` (so its tables can hold rows).
 * There is no throwaway server: Oracle projects configure a build environment.
 */
import type { Connection } from 'oracledb';
import type { ConnectionSettings } from '../../config/connection.js';
import { ParityError, isParityError } from '../../errors.js';
import {
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
import { loadOracledb } from '../drivers.js';
import { connectionAttributes, oracleErrorNumber, toParityError } from './oracle-connection.js';
import { foldIdentifier, qualifiedName, quoteIdent, quoteLiteral } from './oracle-quoting.js';
import { splitOracleScript } from './oracle-script.js';
import { SNAPSHOT_HISTORY_TABLE, type NewSavedSnapshot, type SavedSnapshot } from '../../migrations/snapshot-history.js';

/** Seconds to wait for another migrator's lock on the same history table. */
const LOCK_TIMEOUT_SECONDS = 300;

/** The history table's columns as Flyway names them on Oracle (quoted, lower case), in insert order. */
const INSERT_COLUMNS = ['installed_rank', 'version', 'description', 'type', 'script', 'checksum', 'installed_by', 'execution_time', 'success'];

/** Flyway's createMetaDataTable.sql for Oracle. */
export function createHistorySql(schema: string, table: string): string[] {
  const name = qualifiedName(schema, table);
  return [
    `CREATE TABLE ${name} (
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
    CONSTRAINT ${quoteIdent(`${table}_pk`)} PRIMARY KEY ("installed_rank")
)`,
    `CREATE INDEX ${qualifiedName(schema, `${table}_s_idx`)} ON ${name} ("success")`,
  ];
}

/**
 * The insert of a history row: quoted column names, `success` as 1/0 (NUMBER(1): SQL has no
 * boolean before 23ai), and a description of a space for none (the column is NOT NULL, and Oracle
 * stores '' as NULL); `readHistory` gives '' back for it.
 */
export function historyInsert(schema: string, table: string, row: NewHistoryRow): { sql: string; binds: unknown[] } {
  const values = historyInsertValues(row).map((v, i) => (INSERT_COLUMNS[i] === 'success' ? (v ? 1 : 0) : INSERT_COLUMNS[i] === 'description' && v === '' ? ' ' : v));
  return {
    sql: `INSERT INTO ${qualifiedName(schema, table)} (${INSERT_COLUMNS.map(quoteIdent).join(', ')}) VALUES (${values.map((_, i) => `:${i + 1}`).join(', ')})`,
    binds: values,
  };
}

/** What the session needs of a connection. */
export interface OracleExecutor {
  query<T = Record<string, unknown>>(sql: string, binds?: readonly unknown[]): Promise<T[]>;
  run(sql: string, binds?: readonly unknown[]): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
}

/** `ORA-00942: table or view does not exist`, one line, without the driver's Help line. */
function serverMessage(error: unknown): string {
  return driverErrorMessage(error)
    .split('\n')
    .filter((line) => !line.startsWith('Help:'))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Object types `clean` drops, and how (tables with their constraints; types whatever uses them). */
const DROP_CLAUSE: Readonly<Record<string, string>> = {
  TABLE: 'CASCADE CONSTRAINTS PURGE',
  TYPE: 'FORCE',
  VIEW: '',
  'MATERIALIZED VIEW': '',
  SEQUENCE: '',
  SYNONYM: '',
  PROCEDURE: '',
  FUNCTION: '',
  PACKAGE: '',
  TRIGGER: '',
};

export class OracleMigrateSession extends MigrateSessionBase implements MigrateSession {
  readonly #db: OracleExecutor;

  constructor(db: OracleExecutor, settings: ConnectionSettings, options: MigrateSessionOptions, user: string, historySchema: string) {
    super({ qualifiedName, toParityError }, settings, options, user, historySchema);
    this.#db = db;
  }

  async #query<T = Record<string, unknown>>(sql: string, binds?: readonly unknown[]): Promise<T[]> {
    return this.guarded(() => this.#db.query<T>(sql, binds));
  }

  async #run(sql: string, binds?: readonly unknown[]): Promise<void> {
    await this.guarded(() => this.#db.run(sql, binds));
  }

  async lock(): Promise<void> {
    const name = `parity ${this.historySchema}.${this.options.table}`.slice(0, 128);
    try {
      await this.#db.run(
        `DECLARE h VARCHAR2(128); r INTEGER; BEGIN DBMS_LOCK.ALLOCATE_UNIQUE(:1, h); r := DBMS_LOCK.REQUEST(h, DBMS_LOCK.X_MODE, ${LOCK_TIMEOUT_SECONDS}, FALSE); IF r NOT IN (0, 4) THEN RAISE_APPLICATION_ERROR(-20001, 'lock ' || r); END IF; END;`,
        [name],
      );
    } catch (error) {
      if (oracleErrorNumber(error) === 20001) {
        throw new ParityError('DATABASE_ERROR', `another migration has held the lock on ${this.historySchema}.${this.options.table} for ${LOCK_TIMEOUT_SECONDS} s; try again when it is done`);
      }
      if (/PLS-00201/.test(driverErrorMessage(error))) {
        throw new ParityError('DATABASE_ERROR', `parity migrate takes a lock with DBMS_LOCK, which user ${this.user} may not run: GRANT EXECUTE ON SYS.DBMS_LOCK TO ${this.user}`);
      }
      throw toParityError(error, this.settings, { context: 'taking the migration lock' });
    }
  }

  /** The configured names that exist as users (a name is folded as Oracle folds an unquoted one). */
  async existingSchemas(schemas: readonly string[]): Promise<string[]> {
    if (schemas.length === 0) return [];
    const folded = schemas.map(foldIdentifier);
    const rows = await this.#query<{ USERNAME: string }>(`SELECT USERNAME FROM ALL_USERS WHERE USERNAME IN (${folded.map((_, i) => `:${i + 1}`).join(', ')})`, folded);
    const found = new Set(rows.map((r) => r.USERNAME));
    return schemas.filter((s) => found.has(foldIdentifier(s)));
  }

  async createSchemas(schemas: readonly string[]): Promise<void> {
    for (const schema of schemas.map(foldIdentifier)) {
      await this.#run(`CREATE USER ${quoteIdent(schema)} NO AUTHENTICATION`);
      await this.#run(`GRANT UNLIMITED TABLESPACE TO ${quoteIdent(schema)}`);
    }
  }

  /** Schemas of `candidates` holding an object (the history table and its index excepted). */
  async #schemasWithObjects(candidates: readonly string[]): Promise<string[]> {
    if (candidates.length === 0) return [];
    const table = this.options.table;
    const rows = await this.#query<{ OWNER: string }>(
      `SELECT DISTINCT OWNER FROM ALL_OBJECTS
       WHERE OWNER IN (${candidates.map((_, i) => `:${i + 3}`).join(', ')}) AND GENERATED = 'N' AND OBJECT_NAME NOT LIKE 'BIN$%'
         AND NOT (OWNER = :1 AND OBJECT_NAME IN (:2, :2 || '_pk', :2 || '_s_idx'))`,
      [this.historySchema, table, ...candidates],
    );
    return rows.map((r) => r.OWNER).sort();
  }

  async hasObjects(schemas: readonly string[]): Promise<boolean> {
    return (await this.#schemasWithObjects(schemas.map(foldIdentifier))).length > 0;
  }

  async historyExists(): Promise<boolean> {
    const rows = await this.#query<{ N: number }>(`SELECT COUNT(*) AS N FROM ALL_TABLES WHERE OWNER = :1 AND TABLE_NAME = :2`, [this.historySchema, this.options.table]);
    return Number(rows[0]?.N ?? 0) > 0;
  }

  async createHistory(): Promise<void> {
    for (const statement of createHistorySql(this.historySchema, this.options.table)) await this.#run(statement);
  }

  async readHistory(): Promise<HistoryRow[]> {
    const rows = await this.#query(
      `SELECT "installed_rank", "version", "description", "type", "script", "checksum", "installed_by",
              TO_CHAR("installed_on", 'YYYY-MM-DD"T"HH24:MI:SS.FF3') AS "installed_on_text", "execution_time", "success"
       FROM ${this.history} ORDER BY "installed_rank"`,
    );
    return rows.map((r) => historyRowFrom({ ...r, description: r['description'] === null || r['description'] === ' ' ? '' : r['description'] }, String(r['installed_on_text'])));
  }

  async insertHistory(row: NewHistoryRow): Promise<void> {
    const { sql, binds } = historyInsert(this.historySchema, this.options.table, row);
    await this.#run(sql, binds);
    await this.#db.commit().catch((error: unknown) => Promise.reject(toParityError(error, this.settings)));
  }

  async runScript(script: ScriptToRun, successRow: (executionTime: number) => NewHistoryRow): Promise<void> {
    const statements = splitOracleScript(script.text);
    const started = Date.now();
    for (const statement of statements) {
      try {
        await this.#db.run(statement.text);
      } catch (error) {
        // DML since the last DDL is undone; DDL before it stays: the script is not rolled back.
        await this.#db.rollback().catch(() => {});
        const converted = toParityError(error, this.settings);
        if (isParityError(converted) && converted.code === 'CONNECTION_FAILED') throw converted;
        throw new ScriptFailure(scrubPassword(serverMessage(error), this.settings), statement.startLine, false, error);
      }
    }
    await this.insertHistory(successRow(Date.now() - started));
  }

  async clean(configured: readonly string[], configuredDrops: readonly string[]): Promise<void> {
    const schemas = configured.map(foldIdentifier);
    const dropSchemas = configuredDrops.map(foldIdentifier);
    for (const schema of schemas) {
      if (dropSchemas.includes(schema)) continue;
      const objects = await this.#query<{ OBJECT_NAME: string; OBJECT_TYPE: string }>(
        `SELECT OBJECT_NAME, OBJECT_TYPE FROM ALL_OBJECTS WHERE OWNER = :1 AND GENERATED = 'N' AND OBJECT_NAME NOT LIKE 'BIN$%'
           AND OBJECT_TYPE IN (${Object.keys(DROP_CLAUSE).map(quoteLiteral).join(', ')})`,
        [schema],
      );
      // Materialized views before their container tables; then the rest, retried while objects wait for their users.
      let pending = objects
        .sort((a, b) => Number(b.OBJECT_TYPE === 'MATERIALIZED VIEW') - Number(a.OBJECT_TYPE === 'MATERIALIZED VIEW'))
        .map((o) => `DROP ${o.OBJECT_TYPE} ${qualifiedName(schema, o.OBJECT_NAME)} ${DROP_CLAUSE[o.OBJECT_TYPE] ?? ''}`.trim());
      while (pending.length > 0) {
        const failed: string[] = [];
        let lastError: unknown;
        for (const statement of pending) {
          await this.#db.run(statement).catch((error: unknown) => {
            // ORA-04043 / ORA-00942: already gone with what it belonged to (a table's trigger, a container).
            if (oracleErrorNumber(error) === 4043 || oracleErrorNumber(error) === 942 || oracleErrorNumber(error) === 12003) return;
            failed.push(statement);
            lastError = error;
          });
        }
        if (failed.length === pending.length) throw toParityError(lastError, this.settings, { context: 'clean' });
        pending = failed;
      }
    }
    for (const schema of dropSchemas) await this.#run(`DROP USER ${quoteIdent(schema)} CASCADE`);
  }

  async schemasInUse(): Promise<string[]> {
    const rows = await this.#query<{ USERNAME: string }>(`SELECT USERNAME FROM ALL_USERS WHERE ORACLE_MAINTAINED = 'N'`);
    return this.#schemasWithObjects(rows.map((r) => r.USERNAME));
  }

  async latestSnapshot(): Promise<SavedSnapshot | undefined> {
    const rows = await this.#query<{ N: number }>(`SELECT COUNT(*) AS N FROM ALL_TABLES WHERE OWNER = :1 AND TABLE_NAME = :2`, [this.historySchema, SNAPSHOT_HISTORY_TABLE]);
    if (Number(rows[0]?.N ?? 0) === 0) return undefined;
    const [row] = await this.#query<{ version: string | null; snapshot: unknown; installed_by: string; installed_on_text: string }>(
      `SELECT "version", "snapshot", "installed_by", TO_CHAR("installed_on", 'YYYY-MM-DD"T"HH24:MI:SS.FF3') AS "installed_on_text"
       FROM ${qualifiedName(this.historySchema, SNAPSHOT_HISTORY_TABLE)} ORDER BY "installed_rank" DESC FETCH FIRST 1 ROWS ONLY`,
    );
    if (row === undefined) return undefined;
    // A CLOB arrives as a Lob unless the driver was told to fetch it as a string.
    const snapshot = typeof row.snapshot === 'string' ? row.snapshot : await (row.snapshot as { getData(): Promise<string> }).getData();
    return { version: row.version, snapshot, installedBy: row.installed_by, installedOn: row.installed_on_text };
  }

  /** Creates the snapshot history table when missing, then inserts the snapshot and deletes the older ones, committed together. */
  async saveSnapshot(snapshot: NewSavedSnapshot): Promise<void> {
    const table = qualifiedName(this.historySchema, SNAPSHOT_HISTORY_TABLE);
    const present = await this.#query<{ N: number }>(`SELECT COUNT(*) AS N FROM ALL_TABLES WHERE OWNER = :1 AND TABLE_NAME = :2`, [this.historySchema, SNAPSHOT_HISTORY_TABLE]);
    if (Number(present[0]?.N ?? 0) === 0) await this.#run(createSnapshotHistorySql(this.historySchema));
    try {
      await this.#run(`LOCK TABLE ${table} IN EXCLUSIVE MODE`);
      const [row] = await this.#query<{ NEXT: number }>(`SELECT COALESCE(MAX("installed_rank"), 0) + 1 AS NEXT FROM ${table}`);
      const next = Number(row?.NEXT ?? 1);
      await this.#run(`INSERT INTO ${table} ("installed_rank", "version", "snapshot", "installed_by") VALUES (:1, :2, :3, :4)`, [next, snapshot.version, snapshot.snapshot, snapshot.installedBy.slice(0, 100)]);
      await this.#run(`DELETE FROM ${table} WHERE "installed_rank" < :1`, [next]);
      await this.#db.commit();
    } catch (error) {
      await this.#db.rollback().catch(() => {});
      throw toParityError(error, this.settings);
    }
  }

  /** Closing the session ends the lock too (DBMS_LOCK user locks belong to the session). */
  async close(): Promise<void> {
    await this.#db.close();
  }
}

/** The snapshot history table (migrations/snapshot-history.ts) on Oracle: quoted lower-case names, as Flyway's history table. */
export function createSnapshotHistorySql(schema: string): string {
  return `CREATE TABLE ${qualifiedName(schema, SNAPSHOT_HISTORY_TABLE)} (
    "installed_rank" NUMBER(10) NOT NULL PRIMARY KEY,
    "version" VARCHAR2(50),
    "snapshot" CLOB NOT NULL,
    "installed_by" VARCHAR2(100) NOT NULL,
    "installed_on" TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
)`;
}

/** An executor over one node-oracledb connection (the lock belongs to the session, released when it closes). */
export function connectionExecutor(connection: Connection): OracleExecutor {
  return {
    async query<T>(sql: string, binds: readonly unknown[] = []): Promise<T[]> {
      const { OUT_FORMAT_OBJECT } = await loadOracledb();
      return ((await connection.execute<T>(sql, [...binds], { outFormat: OUT_FORMAT_OBJECT })).rows ?? []) as T[];
    },
    async run(sql: string, binds: readonly unknown[] = []): Promise<void> {
      await connection.execute(sql, [...binds]);
    },
    commit: () => connection.commit(),
    rollback: () => connection.rollback(),
    close: () => connection.close(),
  };
}

/** Opens the session: the history schema is the configured default, else the first schema, else the user's own. */
export async function openOracleSession(settings: ConnectionSettings, options: MigrateSessionOptions, connect: (settings: ConnectionSettings) => Promise<OracleExecutor> = defaultConnect): Promise<MigrateSession> {
  const executor = await connect(settings);
  try {
    const [row] = await executor.query<{ USERNAME: string; SCHEMA_NAME: string }>(`SELECT USER AS USERNAME, SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') AS SCHEMA_NAME FROM DUAL`);
    const configured = options.defaultSchema ?? options.schemas[0];
    const historySchema = configured !== undefined ? foldIdentifier(configured) : (row?.SCHEMA_NAME ?? row?.USERNAME ?? '');
    return new OracleMigrateSession(executor, settings, options, String(row?.USERNAME ?? settings.user ?? ''), historySchema);
  } catch (error) {
    await executor.close().catch(() => {});
    throw toParityError(error, settings);
  }
}

async function defaultConnect(settings: ConnectionSettings): Promise<OracleExecutor> {
  try {
    return connectionExecutor(await (await loadOracledb()).getConnection(connectionAttributes(settings)));
  } catch (error) {
    throw toParityError(error, settings, { connecting: true });
  }
}

export const oracleMigrate: MigrateSupport = { open: (settings, options) => openOracleSession(settings, options) };
