/**
 * PostgreSQL side of `migrate` (see src/migrations/schema-history.ts): the history table exactly as
 * Flyway creates it, scripts run statement by statement in one transaction with the history row
 * (so a failing script leaves nothing behind and no row, as with Flyway on PostgreSQL), or without a
 * transaction when a statement requires it (then a failure is recorded as a failed row), a session
 * advisory lock, `clean`, and the embedded server as the throwaway build database.
 */
import type pg from 'pg';
import type { ConnectionSettings } from '../../config/connection.js';
import { withEmbeddedPostgres } from '../../embedded/embedded-postgres.js';
import { SNAPSHOT_HISTORY_TABLE, type NewSavedSnapshot, type SavedSnapshot } from '../../migrations/snapshot-history.js';
import { HISTORY_INSERT_COLUMNS, ScriptFailure, historyInsertValues, historyRowFrom, type HistoryRow, type MigrateSession, type MigrateSessionOptions, type MigrateSupport, type NewHistoryRow, type ScriptToRun } from '../../migrations/schema-history.js';
import { MigrateSessionBase } from '../../migrations/migrate-session-base.js';
import { cleanSchemas } from './postgres-clean.js';
import { connectPostgres, toParityError, withPostgresClient } from './postgres-connection.js';
import { qualifiedName, quoteIdent } from './postgres-quoting.js';
import { lineAtPosition, scriptStatements, type ScriptStatement } from './postgres-script.js';

const BUILD_DATABASE = 'parity_build';

function createHistorySql(schema: string, table: string): string[] {
  const name = qualifiedName(schema, table);
  return [
    `CREATE TABLE ${name} (
    "installed_rank" INT NOT NULL,
    "version" VARCHAR(50),
    "description" VARCHAR(200) NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "script" VARCHAR(1000) NOT NULL,
    "checksum" INTEGER,
    "installed_by" VARCHAR(100) NOT NULL,
    "installed_on" TIMESTAMP NOT NULL DEFAULT now(),
    "execution_time" INTEGER NOT NULL,
    "success" BOOLEAN NOT NULL
)`,
    `ALTER TABLE ${name} ADD CONSTRAINT ${quoteIdent(`${table}_pk`)} PRIMARY KEY ("installed_rank")`,
    `CREATE INDEX ${quoteIdent(`${table}_s_idx`)} ON ${name} ("success")`,
  ];
}

function createSnapshotHistorySql(schema: string): string {
  return `CREATE TABLE IF NOT EXISTS ${qualifiedName(schema, SNAPSHOT_HISTORY_TABLE)} (
    "installed_rank" INT NOT NULL PRIMARY KEY,
    "version" VARCHAR(50),
    "snapshot" TEXT NOT NULL,
    "installed_by" VARCHAR(100) NOT NULL,
    "installed_on" TIMESTAMP NOT NULL DEFAULT now()
)`;
}

interface DriverError {
  message?: string;
  code?: string;
  position?: string;
}

function serverMessage(error: unknown): string {
  const e = error as DriverError;
  return e.code ? `PostgreSQL error ${e.code}: ${e.message ?? String(error)}` : (e.message ?? String(error));
}

function failure(error: unknown, statement: ScriptStatement, rolledBack: boolean): ScriptFailure {
  const position = Number((error as DriverError).position);
  return new ScriptFailure(serverMessage(error), lineAtPosition(statement.text, statement.startLine, Number.isFinite(position) ? position : undefined), rolledBack, error);
}

class PostgresMigrateSession extends MigrateSessionBase implements MigrateSession {
  readonly #client: pg.Client;

  constructor(client: pg.Client, settings: ConnectionSettings, options: MigrateSessionOptions, user: string, historySchema: string) {
    super({ qualifiedName, toParityError }, settings, options, user, historySchema);
    this.#client = client;
  }

  async #query(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
    return this.guarded(() => this.#client.query(sql, params));
  }

  async lock(): Promise<void> {
    await this.#query('SELECT pg_catalog.pg_advisory_lock(pg_catalog.hashtext($1))', [`parity:${this.historySchema}.${this.options.table}`]);
  }

  async existingSchemas(schemas: readonly string[]): Promise<string[]> {
    const result = await this.#query('SELECT nspname::text AS name FROM pg_catalog.pg_namespace WHERE nspname = ANY ($1::text[])', [schemas]);
    return (result.rows as Array<{ name: string }>).map((r) => r.name);
  }

  async createSchemas(schemas: readonly string[]): Promise<void> {
    for (const schema of schemas) await this.#query(`CREATE SCHEMA ${quoteIdent(schema)}`);
  }

  async hasObjects(schemas: readonly string[]): Promise<boolean> {
    const result = await this.#query(
      `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY ($1::text[]))
           OR EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ANY ($1::text[]))
           OR EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                      WHERE n.nspname = ANY ($1::text[]) AND t.typtype IN ('e', 'd', 'r', 'm'))
           OR EXISTS (SELECT 1 FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE n.nspname = ANY ($1::text[]))
         AS has_objects`,
      [schemas],
    );
    return (result.rows[0] as { has_objects: boolean }).has_objects;
  }

  async historyExists(): Promise<boolean> {
    const result = await this.#query('SELECT pg_catalog.to_regclass($1) IS NOT NULL AS present', [this.history]);
    return (result.rows[0] as { present: boolean }).present;
  }

  async createHistory(): Promise<void> {
    await this.#query('BEGIN');
    for (const sql of createHistorySql(this.historySchema, this.options.table)) await this.#query(sql);
    await this.#query('COMMIT');
  }

  async readHistory(): Promise<HistoryRow[]> {
    const result = await this.#query(
      `SELECT installed_rank, version, description, type, script, checksum, installed_by,
              to_char(installed_on, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS installed_on, execution_time, success
       FROM ${this.history} ORDER BY installed_rank`,
    );
    return (result.rows as Array<Record<string, unknown>>).map((r) => historyRowFrom(r, String(r['installed_on'])));
  }

  async insertHistory(row: NewHistoryRow): Promise<void> {
    await this.#query(
      `INSERT INTO ${this.history} (${HISTORY_INSERT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      historyInsertValues(row),
    );
  }

  async runScript(script: ScriptToRun, successRow: (executionTime: number) => NewHistoryRow): Promise<void> {
    // A script the parser cannot read runs as one multi-statement query; the server says what is wrong.
    const statements = (await scriptStatements(script.text)) ?? [{ text: script.text, startLine: 1 }];
    const nonTransactional = statements.filter((s) => s.nonTransactional !== undefined);
    if (nonTransactional.length > 0 && nonTransactional.length < statements.length && !this.options.mixed) {
      const first = nonTransactional[0]!;
      throw new ScriptFailure(
        `the script mixes ${first.nonTransactional}, which cannot run in a transaction, with statements that can; split it, or set mixed = true to run it without a transaction`,
        first.startLine,
        true,
      );
    }
    const inTransaction = nonTransactional.length === 0;
    const started = Date.now();
    if (inTransaction) await this.#query('BEGIN');
    for (const statement of statements) {
      try {
        await this.#client.query(statement.text);
      } catch (error) {
        if (inTransaction) await this.#client.query('ROLLBACK').catch(() => {});
        const converted = toParityError(error, this.settings);
        if (converted instanceof Error && (converted as { code?: string }).code === 'CONNECTION_FAILED') throw converted;
        throw failure(error, statement, inTransaction);
      }
    }
    await this.insertHistory(successRow(Date.now() - started));
    if (inTransaction) await this.#query('COMMIT');
  }

  async clean(schemas: readonly string[], dropSchemas: readonly string[]): Promise<void> {
    await cleanSchemas((sql, params) => this.#query(sql, params), schemas, dropSchemas);
  }

  async schemasInUse(): Promise<string[]> {
    const result = await this.#query(
      `WITH history AS (SELECT pg_catalog.to_regclass($1) AS oid)
       SELECT n.nspname::text AS name
       FROM pg_catalog.pg_namespace n
       WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
         AND (n.nspname <> 'public'
              OR EXISTS (SELECT 1 FROM pg_catalog.pg_class c, history h
                         WHERE c.relnamespace = n.oid AND c.oid IS DISTINCT FROM h.oid
                           AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indexrelid = c.oid AND i.indrelid = h.oid))
              OR EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typnamespace = n.oid AND t.typtype IN ('e', 'd', 'r', 'm'))
              OR EXISTS (SELECT 1 FROM pg_catalog.pg_proc p WHERE p.pronamespace = n.oid)
              OR EXISTS (SELECT 1 FROM pg_catalog.pg_extension e WHERE e.extnamespace = n.oid))
       ORDER BY 1`,
      [this.history],
    );
    return (result.rows as Array<{ name: string }>).map((r) => r.name);
  }

  async latestSnapshot(): Promise<SavedSnapshot | undefined> {
    const table = qualifiedName(this.historySchema, SNAPSHOT_HISTORY_TABLE);
    const present = await this.#query('SELECT pg_catalog.to_regclass($1) IS NOT NULL AS present', [table]);
    if (!(present.rows[0] as { present: boolean }).present) return undefined;
    const result = await this.#query(
      `SELECT version, snapshot, installed_by, to_char(installed_on, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS installed_on
       FROM ${table} ORDER BY installed_rank DESC LIMIT 1`,
    );
    const row = result.rows[0] as { version: string | null; snapshot: string; installed_by: string; installed_on: string } | undefined;
    return row && { version: row.version, snapshot: row.snapshot, installedBy: row.installed_by, installedOn: row.installed_on };
  }

  async saveSnapshot(snapshot: NewSavedSnapshot): Promise<void> {
    const table = qualifiedName(this.historySchema, SNAPSHOT_HISTORY_TABLE);
    await this.#query('BEGIN');
    try {
      await this.#query(createSnapshotHistorySql(this.historySchema));
      await this.#query(
        `INSERT INTO ${table} (installed_rank, version, snapshot, installed_by)
         SELECT COALESCE(MAX(installed_rank), 0) + 1, $1, $2, $3 FROM ${table}`,
        [snapshot.version, snapshot.snapshot, snapshot.installedBy.slice(0, 100)],
      );
      await this.#query(`DELETE FROM ${table} WHERE installed_rank < (SELECT MAX(installed_rank) FROM ${table})`);
      await this.#query('COMMIT');
    } catch (error) {
      await this.#client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.#client.end().catch(() => {});
  }
}

async function openSession(settings: ConnectionSettings, options: MigrateSessionOptions): Promise<MigrateSession> {
  const client = await connectPostgres(settings);
  try {
    const info = await client.query('SELECT current_user::text AS "user", current_schema()::text AS "schema"');
    const row = info.rows[0] as { user: string; schema: string | null };
    const historySchema = options.defaultSchema ?? options.schemas[0] ?? row.schema ?? 'public';
    // Every transaction of the session is READ ONLY: the server refuses any write.
    if (options.readOnly) await client.query('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY');
    // As Flyway does: unqualified names in migrations resolve in the default schema first.
    await client.query(`SELECT pg_catalog.set_config('search_path', $1 || ', ' || pg_catalog.current_setting('search_path'), false)`, [quoteIdent(historySchema)]);
    return new PostgresMigrateSession(client, settings, options, row.user, historySchema);
  } catch (error) {
    await client.end().catch(() => {});
    throw toParityError(error, settings);
  }
}

export const postgresMigrate: MigrateSupport = {
  open: openSession,
  throwawayName: 'embedded PostgreSQL',
  async withThrowawayDatabase(fn, options) {
    return withEmbeddedPostgres(
      async (server) => {
        await withPostgresClient(server.connection, (client) => client.query(`CREATE DATABASE ${BUILD_DATABASE}`));
        return fn(server.database(BUILD_DATABASE));
      },
      options,
    );
  },
};
