/**
 * MySQL/MariaDB's catalog for data diff: base tables and views of some databases, in a few
 * information_schema queries (tables, columns, unique indexes, and MariaDB's JSON checks) whatever
 * their number. MariaDB's JSON is LONGTEXT with a `json_valid(col)` check: such columns are marked
 * `json` (column type still `longtext`).
 */
import { assembleCatalog, type CatalogColumnRow, type CatalogIndexRow, type CatalogScope, type CatalogTable } from './catalog.js';
import type { DataColumn, DataConnection } from './data-dialect.js';

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

/** One column of a result as mysql2 reports it (its FieldPacket). */
export interface MysqlResultField {
  readonly name: string;
  readonly columnType?: number;
  readonly columnLength?: number;
  readonly decimals: number;
  readonly flags: number | string[];
  readonly characterSet?: number;
}

/** The binary character set's number: a string column in it holds bytes. */
const BINARY_CHARSET = 63;
const UNSIGNED_FLAG = 32;
const ENUM_FLAG = 256;
const SET_FLAG = 2048;

/** The protocol's type codes as information_schema's DATA_TYPE names (strings: text or bytes). */
const PROTOCOL_TYPES: Readonly<Record<number, string>> = {
  0: 'decimal',
  1: 'tinyint',
  2: 'smallint',
  3: 'int',
  4: 'float',
  5: 'double',
  7: 'timestamp',
  8: 'bigint',
  9: 'mediumint',
  10: 'date',
  11: 'time',
  12: 'datetime',
  13: 'year',
  16: 'bit',
  245: 'json',
  246: 'decimal',
  247: 'enum',
  248: 'set',
  255: 'geometry',
};

/** What a string-typed result column holds: char, varchar, text or their binary forms. */
function stringType(type: number, binary: boolean): string {
  if (type === 254) return binary ? 'binary' : 'char';
  if (type === 15 || type === 253) return binary ? 'varbinary' : 'varchar';
  return binary ? 'blob' : 'text';
}

/**
 * The result's columns as the catalog would describe them (query mode), from the protocol's column
 * definitions: the type code, display length, decimals and flags. The collation of a computed column
 * is not known (text keys are then ordered through CAST(... AS BINARY), which is always correct), and
 * every column may be NULL.
 */
export function describeMysqlResult(fields: readonly MysqlResultField[]): DataColumn[] {
  return fields.map((field) => {
    const flags = typeof field.flags === 'number' ? field.flags : 0;
    const code = field.columnType ?? 253;
    const binary = field.characterSet === BINARY_CHARSET;
    const unsigned = (flags & UNSIGNED_FLAG) !== 0;
    const dataType = flags & ENUM_FLAG ? 'enum' : flags & SET_FLAG ? 'set' : (PROTOCOL_TYPES[code] ?? stringType(code, binary));
    const length = field.columnLength ?? 0;
    const decimal = dataType === 'decimal';
    // A DECIMAL's display length counts the sign and the point: precision = length - point - sign.
    const precision = decimal ? length - (field.decimals > 0 ? 1 : 0) - (unsigned ? 0 : 1) : null;
    const columnType =
      decimal ? `decimal(${precision},${field.decimals})` :
      dataType === 'tinyint' && length === 1 ? 'tinyint(1)' :
      dataType === 'bit' ? `bit(${length})` :
      (dataType === 'datetime' || dataType === 'timestamp') && field.decimals > 0 ? `${dataType}(${field.decimals})` :
      dataType;
    return {
      name: field.name,
      dataType,
      columnType: unsigned && !decimal ? `${columnType} unsigned` : columnType,
      precision,
      scale: decimal ? field.decimals : null,
      datetimePrecision: dataType === 'datetime' || dataType === 'timestamp' ? field.decimals : null,
      length: decimal ? null : length,
      nullable: true,
      collation: null,
    };
  });
}
