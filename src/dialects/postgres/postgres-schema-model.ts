/**
 * Reading a PostgreSQL schema-model folder the way the server sees it: the files' statements are
 * applied, in dependency order (postgres-apply-order.ts), to a scratch database, which is then
 * introspected like any live database. So the folder's model is normalized by PostgreSQL itself,
 * exactly as a database holding those objects would be. The scratch database lives on a throwaway
 * embedded server, or, when a build environment is named (`SqlFilesOptions.buildConnection`), on that
 * environment's server (`parity_schema_model_<random>`, created from template0 and always dropped:
 * src/schema-model/scratch-database.ts), which saves starting a server and reads the model with the
 * server version the team deploys to.
 *
 * Applying:
 * - `check_function_bodies = off` (as pg_dump restores do), `search_path = public`, notices off.
 * - Every statement runs on its own (autocommit), so one that fails leaves nothing behind; a file
 *   that did not parse runs as one implicit transaction.
 * - A statement failing for a missing object (undefined table, object, schema or function) is retried
 *   after the others, round after round while some progress is made; any other failure stops at once.
 * - `SET`/`RESET` statements (and pg_dump's `SELECT pg_catalog.set_config(...)`) apply to the later
 *   statements of their own file only; `BEGIN`/`COMMIT` are ignored.
 * - A schema the fresh database already has (`public`) is dropped first when a file creates it, so the
 *   file's `CREATE SCHEMA public` (and its comment) decide what it looks like.
 * - Failures are `SCHEMA_MODEL_ERROR`s with the server's message and `file:line` from its position.
 */
import { describeConnection, type ConnectionSettings } from '../../config/connection.js';
import type { DatabaseModel } from '../../model/objects.js';
import { ParityError } from '../../errors.js';
import { withEmbeddedPostgres } from '../../embedded/embedded-postgres.js';
import { withScratchDatabase } from '../../schema-model/scratch-database.js';
import type { SchemaModelSupport, SqlFile, SqlFilesOptions } from '../dialect.js';
import { orderStatements } from './postgres-apply-order.js';
import { withPostgresClient, withReadOnlyTransaction, type PostgresQueryable } from './postgres-connection.js';
import { readPostgresModel } from './postgres-introspector.js';
import { compareCodePoints } from './postgres-normalizer.js';
import { quoteIdent } from './postgres-quoting.js';
import { analyzeFiles, namedRoles, objectKeyPostgres, resolveOwners, unwrap, type Statement } from './postgres-sql-statements.js';

/** The scratch database's name on the throwaway embedded server (the only database there). */
const EMBEDDED_SCRATCH_DATABASE = 'parity_schema_model';

/** SQLSTATEs of "something this statement needs is not there (yet)". */
const MISSING_OBJECT_STATES = new Set(['42P01', '42704', '3F000', '42883']);

const APPLY_SETTINGS = [
  'SET check_function_bodies = off',
  'SET client_min_messages = warning',
  'SET search_path = public',
  "SET TimeZone = 'UTC'",
].join('; ');

interface ServerError {
  readonly code?: string;
  readonly message?: string;
  readonly position?: string;
}

function serverError(error: unknown): ServerError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as ServerError;
  return typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e : undefined;
}

/** The first line of `text` that is not blank or a `--` comment, counted from `startLine`. */
function firstCodeLine(text: string, startLine: number): number {
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('--')) return startLine + i;
  }
  return startLine;
}

/** `path:line` of a failed statement: the server's position (in characters) when it maps to the file. */
export function failureLocation(statement: Pick<Statement, 'file' | 'text' | 'startLine' | 'mapsToFile'>, position: number | undefined): string {
  let line = firstCodeLine(statement.text, statement.startLine);
  if (statement.mapsToFile && position !== undefined && position > 0) {
    const before = Array.from(statement.text).slice(0, position - 1).join('');
    line = statement.startLine + (before.match(/\n/g)?.length ?? 0);
  }
  return `${statement.file.path}:${line}`;
}

function statementError(statement: Statement, error: unknown): ParityError {
  const e = serverError(error)!;
  const position = e.position === undefined ? undefined : Number(e.position);
  return new ParityError('SCHEMA_MODEL_ERROR', e.message ?? 'the statement failed', { where: failureLocation(statement, position), cause: error });
}

interface Prepared {
  readonly statements: Statement[];
  /** Per statement: the file's SET statements that came before it. */
  readonly preludes: Map<Statement, string[]>;
}

/** `SET`, `RESET`, `SELECT set_config(...)`, `BEGIN`, `COMMIT`: statements about the session. */
function sessionStatement(statement: Statement): 'setting' | 'transaction' | undefined {
  const type = statement.ast ? unwrap(statement.ast)?.[0] : undefined;
  if (type === 'TransactionStmt') return 'transaction';
  if (type === 'VariableSetStmt') return 'setting';
  if (type === 'SelectStmt' && /^\s*SELECT\s+(pg_catalog\.)?set_config\s*\(/i.test(statement.text)) return 'setting';
  return undefined;
}

/**
 * Separates session statements from the ones that create objects (in file order, before sorting):
 * settings become the prelude of the later statements of their file.
 */
function prepare(statements: readonly Statement[]): Prepared {
  const kept: Statement[] = [];
  const preludes = new Map<Statement, string[]>();
  const settings = new Map<string, string[]>();
  for (const statement of statements) {
    const session = sessionStatement(statement);
    if (session === 'transaction') continue;
    if (session === 'setting') {
      const list = settings.get(statement.file.path) ?? [];
      settings.set(statement.file.path, [...list, statement.text]);
      continue;
    }
    const prelude = settings.get(statement.file.path);
    if (prelude) preludes.set(statement, prelude);
    kept.push(statement);
  }
  return { statements: kept, preludes };
}

async function run(client: PostgresQueryable, statement: Statement, prelude: readonly string[] | undefined): Promise<void> {
  if (!prelude) {
    await client.query(statement.text);
    return;
  }
  try {
    await client.query(prelude.join(';\n'));
    await client.query(statement.text);
  } finally {
    await client.query(`RESET ALL; ${APPLY_SETTINGS}`);
  }
}

/** Applies the statements in order, retrying those that wait for a missing object. */
async function applyStatements(client: PostgresQueryable, prepared: Prepared, onProgress?: (message: string) => void): Promise<void> {
  let pending = prepared.statements;
  for (let round = 1; pending.length > 0; round++) {
    onProgress?.(round === 1 ? `applying ${pending.length} statements` : `applying ${pending.length} statements again (round ${round})`);
    const waiting: Array<{ statement: Statement; error: unknown }> = [];
    for (const statement of pending) {
      try {
        await run(client, statement, prepared.preludes.get(statement));
      } catch (error) {
        const e = serverError(error);
        if (!e) throw error;
        if (!MISSING_OBJECT_STATES.has(e.code ?? '')) throw statementError(statement, error);
        waiting.push({ statement, error });
      }
    }
    if (waiting.length === pending.length) throw statementError(waiting[0]!.statement, waiting[0]!.error);
    pending = waiting.map((w) => w.statement);
  }
}

/** Schemas the files create (`created`), or create or comment on (`named`: read back even when empty). */
function schemasOf(statements: readonly Statement[]): { created: string[]; named: string[] } {
  const created = new Set<string>();
  const named = new Set<string>();
  for (const s of statements) {
    for (const key of s.provides) if (key.startsWith('schema:')) created.add(key.slice('schema:'.length));
    for (const key of [...s.provides, s.owner ?? '']) if (key.startsWith('schema:')) named.add(key.slice('schema:'.length));
  }
  return { created: [...created], named: [...named] };
}

/**
 * The schemas to read back when none are configured: every schema of the scratch database except
 * the system ones, and except `public` when nothing lives in it and no file names it.
 */
async function schemasInUse(client: PostgresQueryable, named: readonly string[]): Promise<string[]> {
  const result = await client.query(
    `SELECT n.nspname::text AS name
     FROM pg_catalog.pg_namespace n
     WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
       AND (n.nspname <> 'public' OR n.nspname = ANY ($1::text[])
            OR EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.relnamespace = n.oid)
            OR EXISTS (SELECT 1 FROM pg_catalog.pg_type t WHERE t.typnamespace = n.oid)
            OR EXISTS (SELECT 1 FROM pg_catalog.pg_proc p WHERE p.pronamespace = n.oid)
            OR EXISTS (SELECT 1 FROM pg_catalog.pg_extension e WHERE e.extnamespace = n.oid))`,
    [named],
  );
  return (result.rows as Array<{ name: string }>).map((r) => r.name).sort(compareCodePoints);
}

/**
 * On a throwaway server only: the roles the statements name (GRANT ... TO, CREATE POLICY ... TO, FOR
 * ROLE) that do not exist are created (NOLOGIN), so that the files apply as on the server they were
 * written for. Roles are shared by a whole server: a build environment's server is never changed.
 */
async function createNamedRoles(client: PostgresQueryable, statements: readonly Statement[]): Promise<void> {
  const roles = [...new Set(statements.flatMap(namedRoles))];
  if (roles.length === 0) return;
  const existing = await client.query('SELECT rolname::text AS name FROM pg_catalog.pg_roles WHERE rolname = ANY ($1::text[])', [roles]);
  const have = new Set((existing.rows as Array<{ name: string }>).map((r) => r.name));
  for (const role of roles) if (!have.has(role)) await client.query(`CREATE ROLE ${quoteIdent(role)} NOLOGIN`);
}

/** Applies the prepared statements in the (empty) scratch database `settings` names and reads it back. */
async function applyAndRead(
  settings: ConnectionSettings,
  prepared: Prepared,
  requested: readonly string[],
  options: SqlFilesOptions,
  throwawayServer: boolean,
): Promise<DatabaseModel> {
  const { created, named } = schemasOf(prepared.statements);
  return withPostgresClient(settings, async (client) => {
    await client.query(APPLY_SETTINGS);
    if (throwawayServer) await createNamedRoles(client, prepared.statements);
    // Let the files' own CREATE SCHEMA define schemas a new database already has (public).
    const existing = await client.query('SELECT nspname::text AS name FROM pg_catalog.pg_namespace WHERE nspname = ANY ($1::text[])', [created]);
    for (const { name } of existing.rows as Array<{ name: string }>) await client.query(`DROP SCHEMA ${quoteIdent(name)} CASCADE`);
    await applyStatements(client, prepared, options.onProgress);
    const schemas = requested.length > 0 ? requested : await schemasInUse(client, named);
    return withReadOnlyTransaction(client, (tx) => readPostgresModel(tx, settings, schemas, options.onProgress, options.unqualified === true, options.privileges === true));
  });
}

/** A scratch database on the build environment's server, dropped afterwards (also on Ctrl-C). */
function readOnBuildServer(server: ConnectionSettings, prepared: Prepared, requested: readonly string[], options: SqlFilesOptions): Promise<DatabaseModel> {
  const hooks = {
    async create(scratch: string) {
      options.onProgress?.(`creating scratch database ${scratch} on ${server.host}:${server.port}`);
      await withPostgresClient(server, (client) =>
        client.query(`CREATE DATABASE ${quoteIdent(scratch)} TEMPLATE template0`).catch((error: unknown) => {
          if (serverError(error) === undefined) throw error;
          throw new ParityError('DATABASE_ERROR', `cannot create a scratch database for the schema model (the build environment's user needs CREATEDB): ${serverError(error)!.message}`, {
            where: describeConnection(server),
            cause: error,
          });
        }),
      );
    },
    // Interrupted, the session applying the files may still be connected to it: end it first (what
    // DROP DATABASE ... WITH (FORCE) does, but also before PostgreSQL 13).
    drop: (scratch: string) =>
      withPostgresClient(server, async (client) => {
        await client.query('SELECT pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [scratch]);
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(scratch)}`);
      }),
  };
  return withScratchDatabase(hooks, ({ name }) => applyAndRead({ ...server, database: name }, prepared, requested, options, false));
}

/** Reads the files into a model by applying them to a scratch database and introspecting it. */
export async function readPostgresSqlFiles(files: readonly SqlFile[], options: SqlFilesOptions): Promise<DatabaseModel> {
  const requested = [...new Set(options.schemas)].sort(compareCodePoints);
  const analyzed = await analyzeFiles(files);
  const unordered = prepare(analyzed.statements);
  const prepared: Prepared = { statements: await orderStatements(unordered.statements), preludes: unordered.preludes };
  if (prepared.statements.length === 0) return { dialect: 'postgres', schemas: requested, objects: [] };
  if (options.buildConnection !== undefined) return readOnBuildServer(options.buildConnection, prepared, requested, options);
  return withEmbeddedPostgres(
    async (server) => {
      await withPostgresClient(server.connection, (client) => client.query(`CREATE DATABASE ${EMBEDDED_SCRATCH_DATABASE}`));
      return applyAndRead(server.database(EMBEDDED_SCRATCH_DATABASE), prepared, requested, options, true);
    },
    { ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.tempDirectory !== undefined ? { tempDirectory: options.tempDirectory } : {}) },
  );
}

/** For each file, the objects its statements belong to (`undefined` when it does not parse). */
async function fileObjectsPostgres(files: readonly SqlFile[]): Promise<ReadonlyMap<string, readonly string[] | undefined>> {
  const analyzed = await analyzeFiles(files);
  const owners = resolveOwners(analyzed.statements);
  const out = new Map<string, string[] | undefined>();
  for (const file of files) out.set(file.path, analyzed.unparsed.has(file.path) ? undefined : []);
  for (const statement of analyzed.statements) {
    const list = out.get(statement.file.path);
    if (!list) continue;
    if (sessionStatement(statement) !== undefined) continue;
    const owner = owners.get(statement) ?? `unknown:${statement.file.path}#${statement.index}`;
    if (!list.includes(owner)) list.push(owner);
  }
  return out;
}

export const postgresSchemaModel: SchemaModelSupport = {
  readSqlFiles: readPostgresSqlFiles,
  fileObjects: fileObjectsPostgres,
  objectKey: objectKeyPostgres,
};
