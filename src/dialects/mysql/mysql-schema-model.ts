/**
 * Reading a MySQL/MariaDB schema-model folder the way the server sees it. There is no embedded MySQL:
 * the files are applied to a scratch database (`parity_schema_model_<random>`) created on the build
 * environment's server (`SqlFilesOptions.buildConnection`), which is then introspected unqualified
 * (objects in schema `''`, texts without the scratch database's name) and always dropped.
 *
 * A MySQL schema model is ONE database with unqualified names; what may appear in its files is
 * checked before anything runs (mysql-sql-statements.ts), so nothing is created outside the scratch
 * database.
 *
 * Applying:
 * - one statement per call, the session's database the scratch one, `FOREIGN_KEY_CHECKS = 0` (tables
 *   may reference tables created later), session statements of the files skipped;
 * - a statement failing because something it needs does not exist yet (a table, a routine, a view's
 *   underlying object) is retried after the others, round after round while some progress is made;
 *   any other failure stops at once;
 * - failures are `SCHEMA_MODEL_ERROR`s with the server's message and `file:line` (the line of a
 *   syntax error is the one the server names).
 */
import type { ConnectionSettings } from '../../config/connection.js';
import { ParityError } from '../../errors.js';
import type { DatabaseModel } from '../../model/objects.js';
import { withScratchDatabase } from '../../schema-model/scratch-database.js';
import type { SchemaModelSupport, SqlFile, SqlFilesOptions } from '../dialect.js';
import { driverErrorMessage } from '../driver-errors.js';
import { withMysqlConnection, type MysqlQueryable } from './mysql-connection.js';
import { introspectMysql } from './mysql-introspector.js';
import { quoteIdent } from './mysql-quoting.js';
import { analyzeMysqlFiles, objectKeyMysql, type MysqlStatement } from './mysql-sql-statements.js';

/**
 * Server errors of "something this statement needs is not there (yet)": no such table (1146), unknown
 * table (1051, 1109), routine does not exist (1305), view references invalid objects (1356).
 */
const MISSING_OBJECT_ERRNOS = new Set([1146, 1051, 1109, 1305, 1356]);

function errno(error: unknown): number | undefined {
  const value = typeof error === 'object' && error !== null ? (error as { errno?: unknown }).errno : undefined;
  return typeof value === 'number' ? value : undefined;
}

function isServerError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ER_') && errno(error) !== undefined;
}

/** `path:line` of a failed statement: a syntax error's `at line N` counts from the statement's start. */
function failureLocation(statement: MysqlStatement, message: string): string {
  const at = / at line (\d+)\s*$/.exec(message);
  const line = at ? statement.startLine + Number(at[1]) - 1 : statement.startLine;
  return `${statement.file.path}:${line}`;
}

function statementError(statement: MysqlStatement, error: unknown, scratch: string): ParityError {
  // The scratch database's name means nothing to the user; a message quoting SQL stays on one line.
  const message = driverErrorMessage(error).split(`${scratch}.`).join('').split(scratch).join('schema model').replace(/\s+/g, ' ').trim();
  return new ParityError('SCHEMA_MODEL_ERROR', message, { where: failureLocation(statement, message), cause: error });
}

/** Refuses statements that must not run (another database, USE, users, ...), before any connection. */
function checkStatements(statements: readonly MysqlStatement[]): void {
  const refused = statements.find((s) => s.refusal !== undefined);
  if (refused) throw new ParityError('SCHEMA_MODEL_ERROR', refused.refusal!.message, { where: `${refused.file.path}:${refused.refusal!.line}` });
}

/** Applies the statements in file order, retrying those that wait for a missing object. */
async function applyStatements(
  connection: MysqlQueryable,
  statements: readonly MysqlStatement[],
  scratch: string,
  interrupted: AbortSignal,
  onProgress?: (m: string) => void,
): Promise<void> {
  let pending = statements;
  for (let round = 1; pending.length > 0; round++) {
    onProgress?.(round === 1 ? `applying ${pending.length} statements` : `applying ${pending.length} statements again (round ${round})`);
    const waiting: Array<{ statement: MysqlStatement; error: unknown }> = [];
    for (const statement of pending) {
      interrupted.throwIfAborted();
      try {
        await connection.query(statement.text);
      } catch (error) {
        if (!isServerError(error)) throw error;
        if (!MISSING_OBJECT_ERRNOS.has(errno(error)!)) throw statementError(statement, error, scratch);
        waiting.push({ statement, error });
      }
    }
    if (waiting.length === pending.length) throw statementError(waiting[0]!.statement, waiting[0]!.error, scratch);
    pending = waiting.map((w) => w.statement);
  }
}

function buildConnectionOf(options: SqlFilesOptions): ConnectionSettings {
  if (options.buildConnection === undefined) {
    throw new ParityError('CONFIG_ERROR', 'reading a MySQL schema model needs a MySQL/MariaDB build environment: pass -buildEnvironment=NAME');
  }
  return options.buildConnection;
}

/** Reads the files into a model by applying them to a scratch database and introspecting it. */
export async function readMysqlSqlFiles(files: readonly SqlFile[], options: SqlFilesOptions): Promise<DatabaseModel> {
  const statements = analyzeMysqlFiles(files);
  checkStatements(statements);
  const applied = statements.filter((s) => s.role === 'apply');
  if (applied.length === 0) return { dialect: 'mysql', schemas: [''], objects: [] };
  const server = buildConnectionOf(options);
  const onServer: ConnectionSettings = { ...server, database: '' };
  const hooks = {
    async create(scratch: string) {
      options.onProgress?.(`creating scratch database ${scratch} on ${server.host}:${server.port}`);
      await withMysqlConnection(onServer, (connection) =>
        connection.query(`CREATE DATABASE ${quoteIdent(scratch)}`).catch((error: unknown) => {
          if (!isServerError(error)) throw error;
          throw new ParityError('DATABASE_ERROR', `cannot create a scratch database for the schema model (the build environment's user needs CREATE and DROP): ${driverErrorMessage(error)}`, {
            where: `${server.host}:${server.port}`,
            cause: error,
          });
        }),
      );
    },
    drop: (scratch: string) => withMysqlConnection(onServer, (connection) => connection.query(`DROP DATABASE IF EXISTS ${quoteIdent(scratch)}`)).then(() => undefined),
  };
  return withScratchDatabase(hooks, async ({ name: scratch, interrupted }) => {
    const inScratch: ConnectionSettings = { ...server, database: scratch };
    await withMysqlConnection(inScratch, async (connection) => {
      await connection.query('SET SESSION FOREIGN_KEY_CHECKS = 0');
      await applyStatements(connection, applied, scratch, interrupted, options.onProgress);
    });
    return introspectMysql(inScratch, { schemas: [scratch], unqualified: true, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  });
}

/** For each file, the objects its statements create or change (never `undefined`: the splitter reads anything). */
async function fileObjectsMysql(files: readonly SqlFile[]): Promise<ReadonlyMap<string, readonly string[] | undefined>> {
  const out = new Map<string, string[]>();
  for (const file of files) out.set(file.path, []);
  for (const statement of analyzeMysqlFiles(files)) {
    if (statement.role === 'session') continue;
    const list = out.get(statement.file.path)!;
    const owner = statement.owner ?? `unknown:${statement.file.path}#${statement.index}`;
    if (!list.includes(owner)) list.push(owner);
  }
  return out;
}

export const mysqlSchemaModel: SchemaModelSupport = {
  needsBuildEnvironment: true,
  unqualified: true,
  readSqlFiles: readMysqlSqlFiles,
  fileObjects: fileObjectsMysql,
  objectKey: objectKeyMysql,
};
