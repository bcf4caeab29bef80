/**
 * Oracle live introspection: one set-based ALL_* query per object kind (./queries, each taking the
 * schema list), whatever the number of tables, run on one connection inside one
 * `SET TRANSACTION READ ONLY`, then assembled into a DatabaseModel (oracle-assembler.ts).
 *
 * Schemas are users. Which ones are read: `IntrospectOptions.schemas` (folded to upper case unless
 * written "quoted"), else the schema the URL names (its `currentSchema` parameter, else its user).
 * Oracle-maintained users (SYS, SYSTEM, ...) are read only when named.
 *
 * Supported servers: Oracle Database 19c and later (SEARCH_CONDITION_VC, identity columns,
 * 128-byte names, CREATE USER ... NO AUTHENTICATION). LONG columns (DATA_DEFAULT, view TEXT,
 * materialized view QUERY, TRIGGER_BODY, index COLUMN_EXPRESSION) are selected as they are, never
 * passed to a function, which is the one way Oracle allows; node-oracledb returns them as strings.
 */
import fs from 'node:fs';
import type { ConnectionSettings } from '../../config/connection.js';
import { ParityError } from '../../errors.js';
import type { DatabaseModel } from '../../model/objects.js';
import { requireOneSchema, unqualifyModel } from '../../model/unqualify.js';
import type { IntrospectOptions } from '../dialect.js';
import { loadOracledb } from '../drivers.js';
import { assembleModel } from './oracle-assembler.js';
import { schemaNamedByOracleUrl } from './oracle-identity.js';
import { toParityError, withOracleConnection, withReadOnlyTransaction, type OracleQueryable } from './oracle-connection.js';
import { foldIdentifier } from './oracle-quoting.js';
import { CATALOG_QUERIES, type CatalogRows } from './oracle-rows.js';

const queryFiles = new Map<string, string>();

/** The text of ./queries/NAME.sql with `{{schemas}}` replaced by `:s0, :s1, ...` for `count` schemas. */
export function loadQuery(name: string, count: number): string {
  let text = queryFiles.get(name);
  if (text === undefined) {
    text = fs.readFileSync(new URL(`./queries/${name}.sql`, import.meta.url), 'utf8');
    queryFiles.set(name, text);
  }
  const binds = Array.from({ length: count }, (_, i) => `:s${i}`).join(', ');
  // The leading comment is for people; the statement is what follows it.
  return text
    .split('\n')
    .filter((line) => !line.startsWith('--'))
    .join('\n')
    .replace('{{schemas}}', binds)
    .trim();
}

/** The schemas to read: the requested ones folded, or the URL's schema. */
export function requestedSchemas(schemas: readonly string[], settings: ConnectionSettings): string[] {
  const list = schemas.length > 0 ? schemas.map(foldIdentifier) : [schemaNamedByOracleUrl(settings)].filter((s): s is string => s !== undefined);
  return [...new Set(list)].sort();
}

export async function introspectOracle(settings: ConnectionSettings, options: IntrospectOptions): Promise<DatabaseModel> {
  const schemas = requestedSchemas(options.schemas, settings);
  if (schemas.length === 0) throw new ParityError('CONFIG_ERROR', 'no Oracle schema to read: set `schemas`, or a user in the URL');
  return withOracleConnection(settings, (connection) =>
    withReadOnlyTransaction(connection, (tx) => readOracleModel(tx, settings, schemas, options.onProgress, options.unqualified === true)),
  );
}

/** Rows of the one schema read unqualified: its name is `''` wherever an owner is named (its own schema object is dropped by unqualifyModel). */
export function unqualifiedRows(rows: CatalogRows, schema: string): CatalogRows {
  const rename = (row: object): object => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) out[key] = key.endsWith('OWNER') && value === schema ? '' : value;
    return out;
  };
  const result: Record<string, unknown> = {};
  for (const [name, list] of Object.entries(rows)) result[name] = (list as object[]).map(rename);
  return result as unknown as CatalogRows;
}

/** Runs the catalog queries on a connection already inside the read-only transaction and assembles the model. */
export async function readOracleModel(
  connection: OracleQueryable,
  settings: ConnectionSettings,
  schemas: readonly string[],
  onProgress?: (message: string) => void,
  unqualified = false,
): Promise<DatabaseModel> {
  if (unqualified) requireOneSchema(schemas);
  const binds = Object.fromEntries(schemas.map((s, i) => [`s${i}`, s]));
  const { OUT_FORMAT_OBJECT } = await loadOracledb();
  const rows: Record<string, unknown[]> = {};
  for (const name of CATALOG_QUERIES) {
    onProgress?.(`reading ${name.replace(/_/g, ' ')}`);
    try {
      const result = await connection.execute<unknown>(loadQuery(name, schemas.length), binds, { outFormat: OUT_FORMAT_OBJECT });
      rows[name] = result.rows ?? [];
    } catch (error) {
      throw toParityError(error, settings, { context: `querying ${name.replace(/_/g, ' ')}` });
    }
  }
  onProgress?.('assembling the model');
  const catalog = rows as unknown as CatalogRows;
  const model = unqualified ? unqualifyModel(assembleModel(unqualifiedRows(catalog, schemas[0]!), schemas), schemas[0]!, true) : assembleModel(catalog, schemas);
  onProgress?.(`read ${model.objects.length} objects from ${schemas.length} schema(s)`);
  return model;
}
