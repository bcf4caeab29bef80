/**
 * PostgreSQL live introspection: a fixed number of set-based catalog queries (./queries, one file
 * per object kind, each taking the schema list as $1) run one after the other on one connection
 * inside a single READ ONLY, REPEATABLE READ transaction, then assembled into a DatabaseModel with
 * Maps keyed by oid. The query count does not depend on the number of objects.
 */
import fs from 'node:fs';
import type { ConnectionSettings } from '../../config/connection.js';
import type { DatabaseModel, SchemaObject } from '../../model/objects.js';
import { requireOneSchema, unqualifyModel } from '../../model/unqualify.js';
import { quoteIdent } from './postgres-quoting.js';
import { ParityError } from '../../errors.js';
import type { IntrospectOptions } from '../dialect.js';
import {
  toParityError,
  withPostgresClient,
  withReadOnlyTransaction,
  type PostgresQueryable,
} from './postgres-connection.js';
import { compareCodePoints, sortObjects } from './postgres-normalizer.js';
import { attachPrivileges, compositeType, domain, enumType, extension, schema, sequence } from './postgres-object-assembler.js';
import { routine } from './postgres-routine-assembler.js';
import type { CatalogRows } from './postgres-rows.js';
import { groupBy, materializedView, sortGroups, table, view, type RelationParts } from './postgres-table-assembler.js';

/** Schemas read when none are requested. */
export const DEFAULT_POSTGRES_SCHEMAS: readonly string[] = ['public'];

/**
 * Session settings for the transaction. An empty search_path makes format_type, pg_get_expr and the
 * pg_get_*def functions schema-qualify every name outside pg_catalog, so two databases compare equal
 * whatever search_path their DDL ran with. The next ones pin how constants inside expressions print
 * (dates, intervals, time zones, floats, bytea, string literals).
 */
const SESSION_SETTINGS = [
  "SET LOCAL search_path = ''",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  "SET LOCAL TimeZone = 'UTC'",
  'SET LOCAL extra_float_digits = 1',
  "SET LOCAL bytea_output = 'hex'",
  'SET LOCAL standard_conforming_strings = on',
  'SET LOCAL quote_all_identifiers = off',
  // JIT compiling these short catalog queries costs seconds on servers built with LLVM.
  'SET LOCAL jit = off',
].join('; ');

/** Catalog queries in the order they run; each names a file in ./queries. */
export const QUERIES: readonly (keyof CatalogRows)[] = [
  'schemas',
  'extensions',
  'types',
  'tables',
  'views',
  'columns',
  'constraints',
  'indexes',
  'triggers',
  'sequences',
  'routines',
  'policies',
];

/** Read only when privileges are asked for (IntrospectOptions.privileges). */
const PRIVILEGE_QUERIES: readonly (keyof CatalogRows)[] = ['privileges', 'default_privileges'];

const queryFiles = new Map<string, string>();

/**
 * The text of ./queries/NAME.sql (next to this module in src/ and in dist/ alike) for a server of
 * the given major version. Version markers `{{18: con.conenforced | true}}` become the first
 * alternative on PostgreSQL 18 and later and the second one before, so a query can read a catalog
 * column that older servers lack.
 */
export function loadQuery(name: string, serverMajor: number): string {
  let text = queryFiles.get(name);
  if (text === undefined) {
    text = fs.readFileSync(new URL(`./queries/${name}.sql`, import.meta.url), 'utf8');
    queryFiles.set(name, text);
  }
  return text.replace(/\{\{(\d+):([^|}]*)\|([^}]*)\}\}/g, (_match, since: string, current: string, older: string) =>
    (serverMajor >= Number(since) ? current : older).trim(),
  );
}

/** The requested schemas without duplicates, sorted; `public` when none are given. */
export function requestedSchemas(schemas: readonly string[]): string[] {
  const list = schemas.length > 0 ? schemas : DEFAULT_POSTGRES_SCHEMAS;
  return [...new Set(list)].sort(compareCodePoints);
}

/** Connects, reads the requested schemas in one read-only transaction and returns the model. */
export async function introspectPostgres(settings: ConnectionSettings, options: IntrospectOptions): Promise<DatabaseModel> {
  const schemas = requestedSchemas(options.schemas);
  return withPostgresClient(settings, (client) =>
    withReadOnlyTransaction(client, (tx) =>
      readPostgresModel(tx, settings, schemas, options.onProgress, options.unqualified === true, options.privileges === true),
    ),
  );
}

/**
 * With `unqualified`, the one schema read is put on the search_path, so the server prints names in it
 * without a qualifier (and everything else qualified, as always); the model then names it `''`. The
 * schema's own object (its comment) is left out: there is no DDL for "the current schema".
 */
function unqualifiedSchema(schemas: readonly string[], unqualified: boolean): string | undefined {
  if (!unqualified) return undefined;
  requireOneSchema(schemas);
  return schemas[0];
}

/**
 * Runs the catalog queries on a client that is already inside a transaction (the SET LOCAL settings
 * last until its end) and assembles the model. `settings` only describe the server in errors.
 */
export async function readPostgresModel(
  client: PostgresQueryable,
  settings: ConnectionSettings,
  schemas: readonly string[],
  onProgress?: (message: string) => void,
  unqualified = false,
  privileges = false,
): Promise<DatabaseModel> {
  const currentSchema = unqualifiedSchema(schemas, unqualified);
  let serverMajor: number;
  try {
    await client.query(SESSION_SETTINGS);
    if (currentSchema !== undefined) await client.query("SELECT pg_catalog.set_config('search_path', pg_catalog.quote_ident($1), true)", [currentSchema]);
    const version = await client.query("SELECT pg_catalog.current_setting('server_version_num')::integer AS version");
    serverMajor = Math.floor(((version.rows[0] as { version: number } | undefined)?.version ?? 0) / 10000);
  } catch (error) {
    throw toParityError(error, settings, { context: 'preparing the session' });
  }
  const rows: Record<string, unknown[]> = {};
  for (const name of privileges ? [...QUERIES, ...PRIVILEGE_QUERIES] : QUERIES) {
    onProgress?.(`reading ${name}`);
    try {
      rows[name] = (await client.query(loadQuery(name, serverMajor), [schemas])).rows;
    } catch (error) {
      throw toParityError(error, settings, { context: `querying ${name}` });
    }
  }
  onProgress?.('assembling the model');
  const assembled = assembleModel(rows as unknown as CatalogRows, schemas);
  const model = currentSchema === undefined ? assembled : unqualifiedRoutineHeaders(unqualifyModel(assembled, currentSchema, true), currentSchema);
  onProgress?.(`read ${model.objects.length} objects from ${schemas.length} schema(s)`);
  return model;
}

/**
 * pg_get_functiondef names the routine schema-qualified whatever the search_path (and the aggregate
 * definitions built here do too): the header loses the qualifier of the schema read unqualified.
 */
function unqualifiedRoutineHeaders(model: DatabaseModel, schema: string): DatabaseModel {
  const header = new RegExp(`^(CREATE (?:OR REPLACE )?(?:FUNCTION|PROCEDURE|AGGREGATE) )${escapeRegExp(quoteIdent(schema))}\\.`);
  const objects = model.objects.map((object) =>
    object.kind === 'function' || object.kind === 'procedure' || object.kind === 'aggregate' ? { ...object, definition: object.definition.replace(header, '$1') } : object,
  );
  return { ...model, objects };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Builds the model from every query's rows: pure, linear in the number of rows. */
export function assembleModel(rows: CatalogRows, schemas: readonly string[]): DatabaseModel {
  const parts: RelationParts = {
    columns: sortGroups(groupBy(rows.columns, (r) => r.relid), (a, b) => a.attnum - b.attnum),
    constraints: groupBy(
      rows.constraints.filter((r) => r.relid !== 0),
      (r) => r.relid,
    ),
    indexes: groupBy(rows.indexes, (r) => r.relid),
    triggers: groupBy(rows.triggers, (r) => r.relid),
    policies: groupBy(rows.policies, (r) => r.relid),
  };
  const domainConstraints = groupBy(
    rows.constraints.filter((r) => r.typid !== 0),
    (r) => r.typid,
  );
  const objects: SchemaObject[] = [];
  for (const row of rows.schemas) objects.push(schema(row));
  for (const row of rows.extensions) objects.push(extension(row));
  for (const row of rows.types) {
    if (row.typtype === 'e') objects.push(enumType(row));
    else if (row.typtype === 'd') objects.push(domain(row, domainConstraints.get(row.oid) ?? []));
    else objects.push(compositeType(row, parts.columns.get(row.relid) ?? []));
  }
  for (const row of rows.tables) objects.push(table(row, parts));
  for (const row of rows.views) objects.push(row.relkind === 'v' ? view(row, parts) : materializedView(row, parts));
  for (const row of rows.sequences) objects.push(sequence(row));
  for (const row of rows.routines) objects.push(routine(row));
  const withPrivileges = rows.privileges === undefined ? objects : attachPrivileges(objects, rows.privileges, rows.default_privileges ?? []);
  return { dialect: 'postgres', schemas: [...schemas], objects: sortObjects(withPrivileges) };
}
