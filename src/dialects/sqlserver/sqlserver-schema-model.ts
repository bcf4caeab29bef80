/**
 * Reading a SQL Server schema-model folder the way the server sees it. There is no embedded SQL
 * Server: the files are applied to a scratch database (`parity_schema_model_<random>`) created on the
 * build environment's server (`SqlFilesOptions.buildConnection`, connected to `master` to create and
 * drop it), which is then introspected (schema-qualified, like PostgreSQL folders) and always dropped.
 *
 * Applying: each file is split into its `GO` batches; a batch failing because something it needs does
 * not exist yet (invalid object name 208, missing type 2715, missing schema 2760, FK to a missing
 * table 1767, unknown function 4121) is retried after the others, round after round while some
 * progress is made; any other failure stops at once as a `SCHEMA_MODEL_ERROR` at `file:line` (the
 * batch's start plus the line the server names).
 */
import type { ConnectionSettings } from '../../config/connection.js';
import { ParityError } from '../../errors.js';
import type { DatabaseModel, SchemaObject } from '../../model/objects.js';
import { withScratchDatabase } from '../../schema-model/scratch-database.js';
import type { SchemaModelSupport, SqlFile, SqlFilesOptions } from '../dialect.js';
import { driverErrorMessage } from '../driver-errors.js';
import { serverErrorNumber, withRollbackTransaction, withSqlServerPool } from './sqlserver-connection.js';
import { readSqlServerModel } from './sqlserver-introspector.js';
import { quoteIdent, unquoteIdent } from './sqlserver-quoting.js';
import { splitBatches, type Batch } from './sqlserver-script.js';

/** Server errors of "something this batch needs is not there (yet)". */
export const MISSING_OBJECT_ERRORS: ReadonlySet<number> = new Set([208, 2715, 2760, 1767, 4121, 3701]);

interface FileBatch {
  readonly file: SqlFile;
  readonly batch: Batch;
}

/** `CREATE [OR ALTER] KIND [schema].[name]` of a batch: the object it creates. */
const CREATE = /^\s*(?:--[^\n]*\n|\/\*[\s\S]*?\*\/|\s)*CREATE\s+(?:OR\s+ALTER\s+)?(TABLE|VIEW|FUNCTION|PROC(?:EDURE)?|SEQUENCE|TYPE|SCHEMA|TRIGGER)\s+((?:\[(?:[^\]]|]])*\]|"[^"]*"|[\w@#$]+)(?:\s*\.\s*(?:\[(?:[^\]]|]])*\]|"[^"]*"|[\w@#$]+))?)/i;

const KIND_OF: Readonly<Record<string, SchemaObject['kind'] | 'trigger'>> = {
  TABLE: 'table',
  VIEW: 'view',
  FUNCTION: 'function',
  PROC: 'procedure',
  PROCEDURE: 'procedure',
  SEQUENCE: 'sequence',
  TYPE: 'domain',
  SCHEMA: 'schema',
  TRIGGER: 'trigger',
};

/** What a batch creates (`dbo` for an unqualified name), if it creates something. */
export function batchObject(text: string): { kind: string; schema: string; name: string } | undefined {
  const match = CREATE.exec(text);
  if (!match) return undefined;
  const kind = KIND_OF[match[1]!.toUpperCase()]!;
  const parts = match[2]!.split(/\s*\.\s*(?=[[\w"@#$])/).map(unquoteIdent);
  const [schema, name] = kind === 'schema' ? [parts[0]!, parts[0]!] : parts.length === 2 ? [parts[0]!, parts[1]!] : ['dbo', parts[0]!];
  return { kind, schema, name };
}

/** The key of what a batch creates (`table:dbo.orders`, case folded as SQL Server's default collations do). */
export function batchObjectKey(text: string): string | undefined {
  const object = batchObject(text);
  return object === undefined ? undefined : `${object.kind}:${object.schema}.${object.name}`.toLowerCase();
}

/** The key `fileObjects` reports `object` under. */
export function objectKeySqlServer(object: SchemaObject): string {
  return `${object.kind}:${object.schema}.${object.name}`.toLowerCase();
}

function batchError(item: FileBatch, error: unknown, scratch: string): ParityError {
  const line = (error as { lineNumber?: unknown }).lineNumber;
  const at = typeof line === 'number' && line > 0 ? item.batch.startLine + line - 1 : item.batch.startLine;
  const message = driverErrorMessage(error).split(scratch).join('schema model').replace(/\s+/g, ' ').trim();
  const number = serverErrorNumber(error);
  return new ParityError('SCHEMA_MODEL_ERROR', number !== undefined ? `SQL Server error ${number}: ${message}` : message, { where: `${item.file.path}:${at}`, cause: error });
}

/** Applies the batches in file order, retrying those that wait for a missing object. */
export async function applyBatches(run: (text: string) => Promise<void>, items: readonly FileBatch[], scratch: string, interrupted: AbortSignal, onProgress?: (m: string) => void): Promise<void> {
  let pending = items;
  for (let round = 1; pending.length > 0; round++) {
    onProgress?.(round === 1 ? `applying ${pending.length} batches` : `applying ${pending.length} batches again (round ${round})`);
    const waiting: Array<{ item: FileBatch; error: unknown }> = [];
    for (const item of pending) {
      interrupted.throwIfAborted();
      try {
        await run(item.batch.text);
      } catch (error) {
        const number = serverErrorNumber(error);
        if (number === undefined) throw error;
        if (!MISSING_OBJECT_ERRORS.has(number)) throw batchError(item, error, scratch);
        waiting.push({ item, error });
      }
    }
    if (waiting.length === pending.length) throw batchError(waiting[0]!.item, waiting[0]!.error, scratch);
    pending = waiting.map((w) => w.item);
  }
}

/** The schemas the files create objects in (`dbo` for unqualified names). */
export function schemasOfBatches(items: readonly FileBatch[]): string[] {
  const schemas = new Set<string>();
  for (const { batch } of items) {
    const object = batchObject(batch.text);
    if (object !== undefined) schemas.add(object.schema);
  }
  return [...schemas].sort();
}

function buildConnectionOf(options: SqlFilesOptions): ConnectionSettings {
  if (options.buildConnection === undefined) {
    throw new ParityError('CONFIG_ERROR', 'reading a SQL Server schema model needs a SQL Server build environment: pass -buildEnvironment=NAME');
  }
  return options.buildConnection;
}

export async function readSqlServerFiles(files: readonly SqlFile[], options: SqlFilesOptions): Promise<DatabaseModel> {
  const items: FileBatch[] = files.flatMap((file) => splitBatches(file.text).map((batch) => ({ file, batch })));
  const schemas = options.schemas.length > 0 ? [...options.schemas] : schemasOfBatches(items);
  if (items.length === 0) return { dialect: 'sqlserver', schemas, objects: [] };
  const server = buildConnectionOf(options);
  const onMaster = (fn: (run: (text: string) => Promise<void>) => Promise<void>) =>
    withSqlServerPool(server, (pool) => fn(async (text) => void (await pool.request().batch(text))), { readOnly: false, database: 'master' });
  const hooks = {
    create: (scratch: string) => {
      options.onProgress?.(`creating scratch database ${scratch} on ${server.host}:${server.port}`);
      return onMaster((run) => run(`CREATE DATABASE ${quoteIdent(scratch)}`));
    },
    drop: (scratch: string) =>
      onMaster((run) => run(`IF DB_ID(N'${scratch}') IS NOT NULL BEGIN ALTER DATABASE ${quoteIdent(scratch)} SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE ${quoteIdent(scratch)}; END`)),
  };
  return withScratchDatabase(hooks, async ({ name: scratch, interrupted }) => {
    const inScratch: ConnectionSettings = { ...server, database: scratch };
    return withSqlServerPool(
      inScratch,
      async (pool) => {
        await applyBatches(async (text) => void (await pool.request().batch(text)), items, scratch, interrupted, options.onProgress);
        return withRollbackTransaction(pool, (request) => readSqlServerModel(async (text) => (await request().query(text)).recordset, schemas, options.onProgress));
      },
      { readOnly: false },
    );
  });
}

/** For each file, the objects its batches create. */
async function fileObjectsSqlServer(files: readonly SqlFile[]): Promise<ReadonlyMap<string, readonly string[] | undefined>> {
  const out = new Map<string, string[]>();
  for (const file of files) {
    const keys: string[] = [];
    for (const batch of splitBatches(file.text)) {
      const key = batchObjectKey(batch.text);
      if (key !== undefined && !keys.includes(key)) keys.push(key);
    }
    out.set(file.path, keys);
  }
  return out;
}

export const sqlserverSchemaModel: SchemaModelSupport = {
  needsBuildEnvironment: true,
  readSqlFiles: readSqlServerFiles,
  fileObjects: fileObjectsSqlServer,
  objectKey: objectKeySqlServer,
};
