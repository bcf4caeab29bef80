/**
 * The schema history table as Flyway defines it (`flyway_schema_history`: installed_rank, version,
 * description, type, script, checksum, installed_by, installed_on, execution_time, success), and what
 * the shared migrator asks of a dialect to read, write and run migrations: a `MigrateSession`.
 * A database migrated by parity is read by Flyway and the reverse, because both write the same rows.
 */
import type { ConnectionSettings } from '../config/connection.js';
import type { NewSavedSnapshot, SavedSnapshot } from './snapshot-history.js';

/** One row of the history table. */
export interface HistoryRow {
  readonly installedRank: number;
  /** Null for repeatable migrations and the schema-creation marker. */
  readonly version: string | null;
  readonly description: string;
  /** `SQL` for SQL migrations (versioned and repeatable), `SCHEMA` for the schema-creation marker, `BASELINE`, `UNDO_SQL`. */
  readonly type: string;
  readonly script: string;
  readonly checksum: number | null;
  readonly installedBy: string;
  /** ISO-8601 time as the database recorded it (UTC). */
  readonly installedOn: string;
  /** Milliseconds. */
  readonly executionTime: number;
  readonly success: boolean;
}

/** A row to insert: the database fills `installed_on`. */
export type NewHistoryRow = Omit<HistoryRow, 'installedOn'>;

/** The columns a new row sets, in the order of `historyInsertValues` (the database fills `installed_on`). */
export const HISTORY_INSERT_COLUMNS = 'installed_rank, version, description, type, script, checksum, installed_by, execution_time, success';

/** The values of `HISTORY_INSERT_COLUMNS` for `row`, texts cut to Flyway's column widths. */
export function historyInsertValues(row: NewHistoryRow): unknown[] {
  return [row.installedRank, row.version, row.description.slice(0, 200), row.type, row.script.slice(0, 1000), row.checksum, row.installedBy.slice(0, 100), row.executionTime, row.success];
}

/**
 * A history row from a driver's row of the table's columns (by their Flyway names); `installedOn` is
 * what the dialect made of `installed_on`. `success` may be a boolean or a number (MySQL's BOOL).
 */
export function historyRowFrom(r: Readonly<Record<string, unknown>>, installedOn: string): HistoryRow {
  return {
    installedRank: Number(r['installed_rank']),
    version: (r['version'] as string | null) ?? null,
    description: String(r['description']),
    type: String(r['type']),
    script: String(r['script']),
    checksum: r['checksum'] === null ? null : Number(r['checksum']),
    installedBy: String(r['installed_by']),
    installedOn,
    executionTime: Number(r['execution_time']),
    success: Number(r['success']) === 1,
  };
}

/** Flyway's description of the schema-creation marker row. */
export const SCHEMA_MARKER_DESCRIPTION = '<< Flyway Schema Creation >>';

/** A migration's SQL ready to run: placeholders already replaced. */
export interface ScriptToRun {
  /** For messages: `migrations/V2__add.sql`. */
  readonly shownPath: string;
  readonly text: string;
}

/**
 * A script that failed. `line` is the 1-based line of the script where the failing statement starts
 * (or where the server points, when it says); `rolledBack` tells whether the database undid all of the
 * script (a transactional script) or kept what ran before the failure.
 */
export class ScriptFailure extends Error {
  readonly line: number | undefined;
  readonly rolledBack: boolean;
  constructor(message: string, line: number | undefined, rolledBack: boolean, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ScriptFailure';
    this.line = line;
    this.rolledBack = rolledBack;
  }
}

/**
 * One connection to a database being migrated. The dialect decides how a script runs (statement by
 * statement, in one transaction when the database and the statements allow it); the shared migrator
 * decides what runs, in which order, and what the history table records.
 */
export interface MigrateSession {
  /** The connected user: the `installed_by` of new rows. */
  readonly user: string;
  /** Schema that holds the history table. */
  readonly historySchema: string;
  /** Takes a lock that keeps two migrators off the same history table until `close`. */
  lock(): Promise<void>;
  /** Which of `schemas` exist. */
  existingSchemas(schemas: readonly string[]): Promise<string[]>;
  createSchemas(schemas: readonly string[]): Promise<void>;
  /** Whether any of `schemas` holds an object (the history table excepted). */
  hasObjects(schemas: readonly string[]): Promise<boolean>;
  historyExists(): Promise<boolean>;
  createHistory(): Promise<void>;
  /** Every row, by installed_rank. */
  readHistory(): Promise<HistoryRow[]>;
  insertHistory(row: NewHistoryRow): Promise<void>;
  /**
   * Runs a script. When it succeeds, `successRow(milliseconds)` is inserted, inside the script's
   * transaction when it has one. A failure is a `ScriptFailure`.
   */
  runScript(script: ScriptToRun, successRow: (executionTime: number) => NewHistoryRow): Promise<void>;
  /** Empties `schemas` (and drops those in `dropSchemas`, which a migrator created), history table included. */
  clean(schemas: readonly string[], dropSchemas: readonly string[]): Promise<void>;
  /** Schemas outside the system ones that hold something besides the history table, or that are not `public`-like defaults. */
  schemasInUse(): Promise<string[]>;
  /** The newest row of the snapshot history table (snapshot-history.ts), if the table exists and has one. */
  latestSnapshot(): Promise<SavedSnapshot | undefined>;
  /** Stores a snapshot in the snapshot history table (created when missing), replacing older ones. */
  saveSnapshot(snapshot: NewSavedSnapshot): Promise<void>;
  close(): Promise<void>;
}

/**
 * The schemas a session manages: the configured ones, else (as in Flyway) just the one holding the
 * history table, which is where a dialect without a fixed default schema (MySQL: the URL's database)
 * keeps everything.
 */
export function managedSchemas(session: Pick<MigrateSession, 'historySchema'>, schemas: readonly string[]): readonly string[] {
  return schemas.length > 0 ? schemas : [session.historySchema];
}

export interface MigrateSessionOptions {
  /** The schemas the migrator manages; the first holds the history table unless `defaultSchema` is set. */
  readonly schemas: readonly string[];
  readonly defaultSchema?: string;
  readonly table: string;
  /** Allow transactional and non-transactional statements in one script (`[flyway] mixed`). */
  readonly mixed: boolean;
  /**
   * A session that can only read (`check` on the environment it checks): the server refuses any
   * write in it (PostgreSQL: default_transaction_read_only; MySQL: SET SESSION TRANSACTION READ ONLY).
   */
  readonly readOnly?: boolean;
}

/** How a throwaway database is made: progress messages, and where its server keeps its data (default: `os.tmpdir()`). */
export interface ThrowawayOptions {
  readonly onProgress?: (message: string) => void;
  readonly tempDirectory?: string;
}

/** What a dialect offers for migrations: sessions, and optionally a throwaway database to build in. */
export interface MigrateSupport {
  open(connection: ConnectionSettings, options: MigrateSessionOptions): Promise<MigrateSession>;
  /**
   * Runs `fn` with a fresh database that exists only for the call (the build environment used when
   * none is configured). Absent when the dialect has no embedded server.
   */
  withThrowawayDatabase?<T>(fn: (connection: ConnectionSettings) => Promise<T>, options: ThrowawayOptions): Promise<T>;
  /** Name of the throwaway server in messages and preparation info (`embedded PostgreSQL`). */
  readonly throwawayName?: string;
}
