/**
 * MySQL/MariaDB's catalog for data diff: base tables and views of some databases, in a few
 * information_schema queries (tables, columns, unique indexes, and MariaDB's JSON checks) whatever
 * their number. MariaDB's JSON is LONGTEXT with a `json_valid(col)` check: such columns are marked
 * `json` (column type still `longtext`).
 */
import { assembleCatalog, type CatalogColumnRow, type CatalogIndexRow, type CatalogScope, type CatalogTable } from './catalog.js';
import type { DataConnection } from './data-dialect.js';

/** The scope's condition on `schemaColumn`/`tableColumn`, with its parameters (no schemas: the current database). */
function inScope(scope: CatalogScope, schemaColumn: string, tableColumn: string): { sql: string; params: string[] } {
  const schemas = scope.schemas.length === 0 ? 'DATABASE()' : scope.schemas.map(() => '?').join(', ');
  const table = scope.table === undefined ? '' : ` AND ${tableColumn} = ?`;
  return { sql: `${schemaColumn} IN (${schemas})${table}`, params: [...scope.schemas, ...(scope.table === undefined ? [] : [scope.table])] };
}

const tablesSql = (where: string) => `
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, TABLE_TYPE = 'VIEW' AS view, CAST(TABLE_ROWS AS CHAR) AS estimated
  FROM information_schema.TABLES
 WHERE ${where}`;

const columnsSql = (where: string) => `
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, COLUMN_NAME AS name, LOWER(DATA_TYPE) AS data_type,
       LOWER(COLUMN_TYPE) AS column_type, NUMERIC_PRECISION AS \`precision\`, NUMERIC_SCALE AS scale,
       DATETIME_PRECISION AS datetime_precision, CHARACTER_MAXIMUM_LENGTH AS length, IS_NULLABLE = 'YES' AS nullable,
       COLLATION_NAME AS collation
  FROM information_schema.COLUMNS
 WHERE ${where}
 ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`;

/** Unique indexes' parts in order; a prefix (SUB_PART) or an expression (no column) makes a part unusable. */
const indexesSql = (where: string) => `
SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS table_name, INDEX_NAME AS index_name, COLUMN_NAME AS column_name, SUB_PART AS sub_part
  FROM information_schema.STATISTICS
 WHERE NON_UNIQUE = 0 AND ${where}
 ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`;

const checksSql = (where: string) => `
SELECT CONSTRAINT_SCHEMA AS schema_name, TABLE_NAME AS table_name, CHECK_CLAUSE AS clause
  FROM information_schema.CHECK_CONSTRAINTS
 WHERE ${where}`;

const key = (row: Record<string, unknown>) => `${String(row['schema_name'])}\u0000${String(row['table_name'])}`;

/** MariaDB's JSON columns by table; MySQL (no TABLE_NAME in CHECK_CONSTRAINTS, a real JSON type) has none. */
async function jsonColumns(connection: DataConnection, scope: CatalogScope): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const where = inScope(scope, 'CONSTRAINT_SCHEMA', 'TABLE_NAME');
  let rows: Record<string, unknown>[];
  try {
    rows = await connection.query(checksSql(where.sql), where.params);
  } catch {
    return out;
  }
  for (const row of rows) {
    const name = /^json_valid\(`((?:[^`]|``)+)`\)$/i.exec(String(row['clause']))?.[1]?.replace(/``/g, '`');
    if (name === undefined) continue;
    out.set(key(row), (out.get(key(row)) ?? new Set()).add(name));
  }
  return out;
}

export async function readMysqlCatalog(connection: DataConnection, scope: CatalogScope): Promise<CatalogTable[]> {
  const tables = inScope(scope, 'TABLE_SCHEMA', 'TABLE_NAME');
  const relations = await connection.query(tablesSql(tables.sql), tables.params);
  const columns = (await connection.query(columnsSql(tables.sql), tables.params)) as unknown as CatalogColumnRow[];
  if (columns.some((row) => row.data_type === 'longtext')) {
    const json = await jsonColumns(connection, scope);
    for (const row of columns) if (row.data_type === 'longtext' && json.get(key(row as unknown as Record<string, unknown>))?.has(row.name)) row.data_type = 'json';
  }
  const parts = await connection.query(indexesSql(tables.sql), tables.params);
  const indexes = new Map<string, CatalogIndexRow & { columns: (string | undefined)[] }>();
  for (const row of parts) {
    const id = `${key(row)}\u0000${String(row['index_name'])}`;
    const index = indexes.get(id) ?? { schema_name: String(row['schema_name']), table_name: String(row['table_name']), primary: row['index_name'] === 'PRIMARY', columns: [] };
    index.columns.push(row['sub_part'] === null && row['column_name'] !== null ? String(row['column_name']) : undefined);
    indexes.set(id, index);
  }
  return assembleCatalog(
    relations.map((row) => ({
      schema_name: String(row['schema_name']),
      table_name: String(row['table_name']),
      view: Number(row['view']) === 1,
      estimated_rows: Number(row['estimated'] ?? 0),
    })),
    columns,
    [...indexes.values()],
  );
}
