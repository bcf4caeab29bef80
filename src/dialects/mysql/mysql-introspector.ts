/**
 * MySQL/MariaDB live introspection: one set-based information_schema query per object kind
 * (./queries, each taking the schema list), whatever the number of tables, run on one connection inside
 * one `START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY`, then assembled into a DatabaseModel.
 *
 * Schemas are MySQL databases. Which ones are read: `IntrospectOptions.schemas` when given; otherwise
 * the database the URL names (the dialect's `defaultSchemas` is empty for that reason: MySQL has no
 * fixed default like PostgreSQL's `public`). System databases are never read.
 */
import fs from 'node:fs';
import type { ConnectionSettings } from '../../config/connection.js';
import type { DatabaseModel, ObjectKind, SchemaObject } from '../../model/objects.js';
import { ParityError } from '../../errors.js';
import { requireOneSchema, unqualifyModel } from '../../model/unqualify.js';
import type { IntrospectOptions } from '../dialect.js';
import { toParityError, withMysqlConnection, withReadOnlySnapshot, type MysqlQueryable } from './mysql-connection.js';
import { compareCodePoints, groupBy, relationKey, sortObjects, type Flavor } from './mysql-normalizer.js';
import { routine, schema, view } from './mysql-object-assembler.js';
import { unquoteIdentifier } from './mysql-lexer.js';
import { DEFAULT_PARTITION } from './mysql-partitions.js';
import { qualifiedName } from './mysql-quoting.js';
import type { CatalogRows, PartitionRow } from './mysql-rows.js';
import { table } from './mysql-table-assembler.js';

export const SYSTEM_SCHEMAS: ReadonlySet<string> = new Set(['information_schema', 'mysql', 'performance_schema', 'sys']);

/** Catalog queries in the order they run; each names a file in ./queries. */
export const QUERIES: readonly (keyof CatalogRows)[] = [
  'schemas',
  'tables',
  'columns',
  'checks',
  'indexes',
  'foreign_keys',
  'foreign_key_rules',
  'views',
  'routines',
  'parameters',
  'triggers',
  'events',
  'partitions',
];

const queryFiles = new Map<string, string>();

/**
 * The text of ./queries/NAME.sql for a server flavor. Markers `{{mariadb: A | B}}` become A on MariaDB
 * and B on MySQL, for the columns the two information_schemas name differently.
 */
export function loadQuery(name: string, flavor: Flavor): string {
  let text = queryFiles.get(name);
  if (text === undefined) {
    text = fs.readFileSync(new URL(`./queries/${name}.sql`, import.meta.url), 'utf8');
    queryFiles.set(name, text);
  }
  return text.replace(/\{\{mariadb:([^|}]*)\|([^}]*)\}\}/g, (_match, mariadb: string, mysql: string) =>
    (flavor === 'mariadb' ? mariadb : mysql).trim(),
  );
}

/** The schemas to read: the requested ones, or the URL's database; never system databases. */
export function requestedSchemas(schemas: readonly string[], database: string): string[] {
  const list = schemas.length > 0 ? schemas : [database];
  return [...new Set(list)].filter((s) => !SYSTEM_SCHEMAS.has(s.toLowerCase())).sort(compareCodePoints);
}

export async function introspectMysql(settings: ConnectionSettings, options: IntrospectOptions): Promise<DatabaseModel> {
  const schemas = requestedSchemas(options.schemas, settings.database);
  return withMysqlConnection(settings, (connection) =>
    withReadOnlySnapshot(connection, (tx) => readMysqlModel(tx, settings, schemas, options.onProgress, options.unqualified === true)),
  );
}

/**
 * Rows as if the database were `''`, for the definitions the assembler writes (routine and trigger
 * headers); view texts already lack their own database's qualifier (see normalizeViewDefinition), and
 * unqualifyModel renames the rest.
 */
function unqualifiedRows(rows: CatalogRows): CatalogRows {
  return {
    ...rows,
    routines: rows.routines.map((r) => ({ ...r, routine_schema: '' })),
    parameters: rows.parameters.map((r) => ({ ...r, routine_schema: '' })),
    triggers: rows.triggers.map((r) => ({ ...r, trigger_schema: '' })),
  };
}

/** Runs the catalog queries on a connection already inside the snapshot and assembles the model. */
export async function readMysqlModel(
  connection: MysqlQueryable,
  settings: ConnectionSettings,
  schemas: readonly string[],
  onProgress?: (message: string) => void,
  unqualified = false,
): Promise<DatabaseModel> {
  if (unqualified) requireOneSchema(schemas, 'database');
  let flavor: Flavor;
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const version = String((rows as Array<{ version: unknown }>)[0]?.version ?? '');
    flavor = /mariadb/i.test(version) ? 'mariadb' : 'mysql';
  } catch (error) {
    throw toParityError(error, settings, { context: 'reading the server version' });
  }
  const rows: Record<string, unknown[]> = {};
  for (const name of QUERIES) {
    onProgress?.(`reading ${name.replace('_', ' ')}`);
    if (schemas.length === 0) {
      rows[name] = [];
      continue;
    }
    try {
      const [result] = await connection.query(loadQuery(name, flavor), [schemas]);
      rows[name] = result as unknown[];
    } catch (error) {
      throw toParityError(error, settings, { context: `querying ${name.replace('_', ' ')}` });
    }
  }
  if (flavor === 'mariadb') rows['partitions'] = await markDefaultPartitions(connection, settings, rows['partitions'] as PartitionRow[]);
  onProgress?.('assembling the model');
  const catalog = rows as unknown as CatalogRows;
  const model = unqualified ? unqualifyModel(assembleModel(unqualifiedRows(catalog), schemas, flavor), schemas[0]!, false) : assembleModel(catalog, schemas, flavor);
  onProgress?.(`read ${model.objects.length} objects from ${schemas.length} schema(s)`);
  return model;
}

/**
 * MariaDB reports a LIST partition `DEFAULT` with the description `0`, as if it were `VALUES IN (0)`
 * (a LIST COLUMNS one as `MAXVALUE`, which is not ambiguous).
 * For the few tables with a LIST partition described `0`, `SHOW CREATE TABLE` says which it is; a
 * DEFAULT partition's description becomes `DEFAULT` (the marker the assembler reads).
 */
async function markDefaultPartitions(connection: MysqlQueryable, settings: ConnectionSettings, rows: readonly PartitionRow[]): Promise<PartitionRow[]> {
  const ambiguous = new Set(rows.filter((r) => r.description === '0' && /^LIST$/i.test(r.method ?? '')).map((r) => relationKey(r.table_schema, r.table_name)));
  const defaults = new Set<string>();
  for (const key of ambiguous) {
    const [schemaName, tableName] = key.split('\u0000') as [string, string];
    try {
      const [result] = await connection.query(`SHOW CREATE TABLE ${qualifiedName(schemaName, tableName)}`);
      const text = String((result as Array<Record<string, unknown>>)[0]?.['Create Table'] ?? '');
      for (const match of text.matchAll(/PARTITION (`(?:[^`]|``)*`) DEFAULT\b/g)) defaults.add(`${key}\u0000${unquoteIdentifier(match[1]!)}`);
    } catch (error) {
      throw toParityError(error, settings, { context: `reading the partitions of ${tableName}` });
    }
  }
  if (defaults.size === 0) return [...rows];
  return rows.map((r) => (defaults.has(`${relationKey(r.table_schema, r.table_name)}\u0000${r.partition_name}`) ? { ...r, description: DEFAULT_PARTITION } : r));
}

/** Builds the model from every query's rows: pure, linear in the number of rows. */
export function assembleModel(rows: CatalogRows, schemas: readonly string[], flavor: Flavor): DatabaseModel {
  const key = (r: { table_schema: string; table_name: string }) => relationKey(r.table_schema, r.table_name);
  const columns = groupBy(rows.columns, key);
  const checks = groupBy(rows.checks, key);
  const indexes = groupBy(rows.indexes, key);
  const foreignKeys = groupBy(rows.foreign_keys, key);
  const foreignKeyRules = groupBy(rows.foreign_key_rules, key);
  const triggers = groupBy(rows.triggers, key);
  const partitions = groupBy(rows.partitions, key);
  const events = groupBy(rows.events, (r) => r.event_schema);
  const parameters = groupBy(rows.parameters, (r) => `${r.routine_type}\u0000${relationKey(r.routine_schema, r.routine_name)}`);
  const known = new Map<string, ObjectKind>();
  for (const row of rows.tables) known.set(key(row), 'table');
  for (const row of rows.views) known.set(key(row), 'view');

  const objects: SchemaObject[] = [];
  for (const row of rows.schemas) objects.push(schema(row, events.get(row.schema_name) ?? []));
  for (const row of rows.tables) {
    const k = key(row);
    objects.push(
      table(
        row,
        {
          columns: columns.get(k) ?? [],
          checks: checks.get(k) ?? [],
          indexes: indexes.get(k) ?? [],
          foreignKeys: foreignKeys.get(k) ?? [],
          foreignKeyRules: foreignKeyRules.get(k) ?? [],
          triggers: triggers.get(k) ?? [],
          partitions: partitions.get(k) ?? [],
        },
        flavor,
      ),
    );
  }
  for (const row of rows.views) objects.push(view(row, known));
  for (const row of rows.routines) {
    objects.push(routine(row, parameters.get(`${row.routine_type}\u0000${relationKey(row.routine_schema, row.routine_name)}`) ?? []));
  }
  return { dialect: 'mysql', schemas: [...schemas], objects: sortObjects(objects) };
}
