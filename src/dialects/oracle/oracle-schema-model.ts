/**
 * Reading an Oracle schema-model folder the way the server sees it. There is no embedded Oracle: the
 * files are applied to a scratch schema (a user `parity_schema_model_<random>`, created
 * `NO AUTHENTICATION` with UNLIMITED TABLESPACE) on the build environment's server
 * (`SqlFilesOptions.buildConnection`, whose user needs CREATE USER, DROP USER and the CREATE ANY
 * privileges, as a DBA has), with `ALTER SESSION SET CURRENT_SCHEMA` pointing at it, so the files'
 * unqualified names land there. The scratch schema is introspected unqualified (a folder holds one
 * schema, like MySQL's) and always dropped (`DROP USER ... CASCADE`).
 *
 * Applying: each file is split into statements as SQL*Plus reads it (oracle-script.ts); a statement
 * failing because something it needs does not exist yet (ORA-00942 table or view, ORA-04043 object,
 * ORA-00902 type, ORA-02270 referenced key) is retried after the others, round after round while some
 * progress is made; any other failure stops at once as a `SCHEMA_MODEL_ERROR` at `file:line`. PL/SQL
 * that compiles with errors is created INVALID by Oracle and read as it is.
 */
import type { ConnectionSettings } from '../../config/connection.js';
import { ParityError } from '../../errors.js';
import type { DatabaseModel, SchemaObject } from '../../model/objects.js';
import { withScratchDatabase } from '../../schema-model/scratch-database.js';
import type { SchemaModelSupport, SqlFile, SqlFilesOptions } from '../dialect.js';
import { driverErrorMessage } from '../driver-errors.js';
import { loadOracledb } from '../drivers.js';
import { oracleErrorNumber, withOracleConnection, withReadOnlyTransaction } from './oracle-connection.js';
import { readOracleModel } from './oracle-introspector.js';
import { quoteIdent } from './oracle-quoting.js';
import { splitOracleScript, type ScriptStatement } from './oracle-script.js';

/** Server errors of "something this statement needs is not there (yet)". */
export const MISSING_OBJECT_ERRORS: ReadonlySet<number> = new Set([942, 4043, 902, 2270, 4080, 2289]);

interface FileStatement {
  readonly file: SqlFile;
  readonly statement: ScriptStatement;
}

const NAME = String.raw`(?:"[^"]+"|[A-Za-z][\w$#]*)`;

/** `CREATE [OR REPLACE] [...] KIND [schema.]name` of a statement: the object it creates. */
const CREATE = new RegExp(
  String.raw`^CREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:NO\s+)?FORCE\s+)?(?:(?:NON)?EDITIONABLE\s+)?(?:EDITIONING\s+)?(?:GLOBAL\s+TEMPORARY\s+)?(?:UNIQUE\s+|BITMAP\s+)?(TABLE|VIEW|MATERIALIZED\s+VIEW|SEQUENCE|SYNONYM|PROCEDURE|FUNCTION|PACKAGE\s+BODY|PACKAGE|TYPE\s+BODY|TYPE|TRIGGER|INDEX)\s+((?:${NAME}\s*\.\s*)?${NAME})`,
  'i',
);
const ON_TABLE = new RegExp(String.raw`\bON\s+((?:${NAME}\s*\.\s*)?${NAME})`, 'i');
const ALTER_OR_COMMENT = new RegExp(String.raw`^(?:ALTER\s+TABLE|COMMENT\s+ON\s+(?:TABLE|MATERIALIZED\s+VIEW))\s+((?:${NAME}\s*\.\s*)?${NAME})`, 'i');
const COMMENT_ON_COLUMN = new RegExp(String.raw`^COMMENT\s+ON\s+COLUMN\s+((?:${NAME}\s*\.\s*)?${NAME})\s*\.\s*${NAME}`, 'i');

const KIND_OF: Readonly<Record<string, SchemaObject['kind']>> = {
  TABLE: 'table',
  VIEW: 'view',
  'MATERIALIZED VIEW': 'materializedView',
  SEQUENCE: 'sequence',
  SYNONYM: 'synonym',
  PROCEDURE: 'procedure',
  FUNCTION: 'function',
  PACKAGE: 'package',
  'PACKAGE BODY': 'package',
  TYPE: 'compositeType',
  'TYPE BODY': 'compositeType',
};

/** The last part of a possibly qualified name, as the dictionary stores it (unquoted: upper case). */
function bareName(qualified: string): string {
  const parts = qualified.split(/\s*\.\s*(?=["A-Za-z])/);
  const last = parts[parts.length - 1]!;
  return last.startsWith('"') ? last.slice(1, -1) : last.toUpperCase();
}

/**
 * The key of the object a statement creates or changes: `table:EMPLOYEES`; an index, trigger, ALTER
 * TABLE or COMMENT ON belongs to its table (`table:EMPLOYEES`). Schema qualifiers are ignored (a
 * folder holds one schema).
 */
export function statementObjectKey(text: string): string | undefined {
  const create = CREATE.exec(text);
  if (create) {
    const kind = create[1]!.toUpperCase().replace(/\s+/g, ' ');
    if (kind === 'INDEX' || kind === 'TRIGGER') {
      const on = ON_TABLE.exec(text.slice(create[0].length));
      return on ? `table:${bareName(on[1]!)}` : undefined;
    }
    return `${KIND_OF[kind]}:${bareName(create[2]!)}`;
  }
  const column = COMMENT_ON_COLUMN.exec(text);
  if (column) return `table:${bareName(column[1]!)}`;
  const other = ALTER_OR_COMMENT.exec(text);
  return other ? `table:${bareName(other[1]!)}` : undefined;
}

/** The key `fileObjects` reports `object` under (a trigger's table, a view's own name, ...). */
export function objectKeyOracle(object: SchemaObject): string {
  return `${object.kind}:${object.name}`;
}

function statementError(item: FileStatement, error: unknown, scratch: string): ParityError {
  const message = driverErrorMessage(error)
    .split('\n')
    .filter((line) => !line.startsWith('Help:'))
    .join(' ')
    .split(`"${scratch}".`)
    .join('')
    .split(scratch)
    .join('schema model')
    .replace(/\s+/g, ' ')
    .trim();
  return new ParityError('SCHEMA_MODEL_ERROR', message, { where: `${item.file.path}:${item.statement.startLine}`, cause: error });
}

/** Applies the statements in file order, retrying those that wait for a missing object. */
export async function applyStatements(
  run: (text: string) => Promise<void>,
  items: readonly FileStatement[],
  scratch: string,
  interrupted: AbortSignal,
  onProgress?: (m: string) => void,
): Promise<void> {
  let pending = items;
  for (let round = 1; pending.length > 0; round++) {
    onProgress?.(round === 1 ? `applying ${pending.length} statements` : `applying ${pending.length} statements again (round ${round})`);
    const waiting: Array<{ item: FileStatement; error: unknown }> = [];
    for (const item of pending) {
      interrupted.throwIfAborted();
      try {
        await run(item.statement.text);
      } catch (error) {
        const number = oracleErrorNumber(error);
        if (number === undefined) throw error;
        if (!MISSING_OBJECT_ERRORS.has(number)) throw statementError(item, error, scratch);
        waiting.push({ item, error });
      }
    }
    if (waiting.length === pending.length) throw statementError(waiting[0]!.item, waiting[0]!.error, scratch);
    pending = waiting.map((w) => w.item);
  }
}

function buildConnectionOf(options: SqlFilesOptions): ConnectionSettings {
  if (options.buildConnection === undefined) {
    throw new ParityError('CONFIG_ERROR', 'reading an Oracle schema model needs an Oracle build environment: pass -buildEnvironment=NAME');
  }
  return options.buildConnection;
}

export async function readOracleFiles(files: readonly SqlFile[], options: SqlFilesOptions): Promise<DatabaseModel> {
  const items: FileStatement[] = files.flatMap((file) => splitOracleScript(file.text).map((statement) => ({ file, statement })));
  if (items.length === 0) return { dialect: 'oracle', schemas: [''], objects: [] };
  const server = buildConnectionOf(options);
  const hooks = {
    create: async (scratch: string) => {
      options.onProgress?.(`creating scratch schema ${scratch} on ${server.host}:${server.port}`);
      await withOracleConnection(server, async (connection) => {
        await connection.execute(`CREATE USER ${quoteIdent(scratch)} NO AUTHENTICATION`);
        await connection.execute(`GRANT UNLIMITED TABLESPACE TO ${quoteIdent(scratch)}`);
      });
    },
    drop: (scratch: string) =>
      withOracleConnection(server, async (connection) => {
        await connection.execute(`DROP USER ${quoteIdent(scratch)} CASCADE`).catch((error: unknown) => {
          // ORA-01918: the user does not exist (never created, or already dropped).
          if (oracleErrorNumber(error) !== 1918) throw error;
        });
      }),
  };
  return withScratchDatabase(hooks, ({ name: scratch, interrupted }) =>
    withOracleConnection(server, async (connection) => {
      await connection.execute(`ALTER SESSION SET CURRENT_SCHEMA = ${quoteIdent(scratch)}`);
      await applyStatements(async (text) => void (await connection.execute(text)), items, scratch, interrupted, options.onProgress);
      const { OUT_FORMAT_OBJECT } = await loadOracledb();
      return withReadOnlyTransaction(connection, (tx) =>
        readOracleModel(
          { execute: (sql, binds, opts) => tx.execute(sql, binds, { outFormat: OUT_FORMAT_OBJECT, ...opts }) },
          server,
          [scratch],
          options.onProgress,
          true,
        ),
      );
    }),
  );
}

/** For each file, the objects its statements create or change. */
async function fileObjectsOracle(files: readonly SqlFile[]): Promise<ReadonlyMap<string, readonly string[] | undefined>> {
  const out = new Map<string, string[]>();
  for (const file of files) {
    const keys: string[] = [];
    for (const statement of splitOracleScript(file.text)) {
      const key = statementObjectKey(statement.text);
      if (key !== undefined && !keys.includes(key)) keys.push(key);
    }
    out.set(file.path, keys);
  }
  return out;
}

export const oracleSchemaModel: SchemaModelSupport = {
  unqualified: true,
  needsBuildEnvironment: true,
  readSqlFiles: readOracleFiles,
  fileObjects: fileObjectsOracle,
  objectKey: objectKeyOracle,
};
