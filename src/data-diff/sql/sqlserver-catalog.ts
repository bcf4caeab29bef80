/**
 * SQL Server's catalog for data diff: user tables and views of some schemas with their columns,
 * unique indexes and row estimates, in three set-based queries on sys.* (tables, columns, index key
 * columns) whatever their number. Alias types are described by their base type; unique indexes count
 * without a filter (`WHERE`), disabled or hypothetical ones, and only their key columns (INCLUDE
 * columns are not part of the key). Row estimates: the rows of the heap or clustered index
 * (sys.partitions, index_id 0 or 1), summed over partitions.
 */
import { assembleCatalog, columnRowOf, type CatalogIndexRow, type CatalogScope, type CatalogTable } from './catalog.js';
import type { DataColumn, DataConnection } from './data-dialect.js';

/** The scope's condition on `s.name`/`o.name`, with its parameters `@p1`.. (no schemas: the user's default schema). */
export function sqlserverScope(scope: CatalogScope): { sql: string; params: string[] } {
  const params = [...scope.schemas];
  const schemas = scope.schemas.length === 0 ? 's.name = SCHEMA_NAME()' : `s.name IN (${scope.schemas.map((_, i) => `@p${i + 1}`).join(', ')})`;
  if (scope.table === undefined) return { sql: schemas, params };
  params.push(scope.table);
  return { sql: `${schemas} AND o.name = @p${params.length}`, params };
}

export const tablesSql = (where: string) => `
SELECT s.name AS schema_name, o.name AS table_name, CAST(CASE WHEN o.type = 'V' THEN 1 ELSE 0 END AS BIT) AS is_view,
       (SELECT SUM(p.rows) FROM sys.partitions p WHERE p.object_id = o.object_id AND p.index_id IN (0, 1)) AS estimated
  FROM sys.objects o
  JOIN sys.schemas s ON s.schema_id = o.schema_id
 WHERE o.type IN ('U', 'V') AND o.is_ms_shipped = 0 AND ${where}`;

/** An alias type (CREATE TYPE ... FROM) as its base type; a CLR type (geography, hierarchyid) by its own name. */
export const columnsSql = (where: string) => `
SELECT s.name AS schema_name, o.name AS table_name, c.name AS name,
       LOWER(CASE WHEN t.is_user_defined = 1 AND t.is_assembly_type = 0 THEN b.name ELSE t.name END) AS data_type,
       c.max_length, c.precision, c.scale, c.is_nullable, c.collation_name
  FROM sys.columns c
  JOIN sys.objects o ON o.object_id = c.object_id
  JOIN sys.schemas s ON s.schema_id = o.schema_id
  JOIN sys.types t ON t.user_type_id = c.user_type_id
  LEFT JOIN sys.types b ON b.user_type_id = t.system_type_id
 WHERE o.type IN ('U', 'V') AND o.is_ms_shipped = 0 AND ${where}
 ORDER BY s.name, o.name, c.column_id`;

export const indexesSql = (where: string) => `
SELECT s.name AS schema_name, o.name AS table_name, i.index_id, i.is_primary_key, c.name AS column_name
  FROM sys.indexes i
  JOIN sys.objects o ON o.object_id = i.object_id
  JOIN sys.schemas s ON s.schema_id = o.schema_id
  JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.is_included_column = 0 AND ic.key_ordinal > 0
  JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
 WHERE i.is_unique = 1 AND i.has_filter = 0 AND i.is_disabled = 0 AND i.is_hypothetical = 0 AND ${where}
 ORDER BY s.name, o.name, i.index_id, ic.key_ordinal`;

/** One row of the columns query, as mssql returns it (bit as boolean, tinyint/smallint as numbers). */
export interface SqlServerColumnRow {
  readonly schema_name: string;
  readonly table_name: string;
  readonly name: string;
  readonly data_type: string;
  /** Bytes; -1 for (max); a NCHAR/NVARCHAR's are twice its characters. */
  readonly max_length: number;
  readonly precision: number;
  readonly scale: number;
  readonly is_nullable: boolean;
  readonly collation_name: string | null;
}

const N_TYPES = new Set(['nchar', 'nvarchar']);
const LENGTH_TYPES = new Set(['char', 'varchar', 'nchar', 'nvarchar', 'binary', 'varbinary']);
const SCALE_TYPES = new Set(['datetime2', 'datetimeoffset', 'time']);
const NUMERIC_TYPES = new Set(['tinyint', 'smallint', 'int', 'bigint', 'decimal', 'numeric', 'money', 'smallmoney']);

/** The fractional second digits a date-time type keeps (DATETIME: milliseconds as printed). */
function datetimePrecision(dataType: string, scale: number): number | null {
  if (SCALE_TYPES.has(dataType)) return scale;
  if (dataType === 'datetime') return 3;
  if (dataType === 'smalldatetime') return 0;
  return null;
}

/** The declared type (`nvarchar(max)`, `decimal(12,4)`, `datetime2(3)`), length in characters, precisions. */
export function sqlserverColumn(row: Omit<SqlServerColumnRow, 'schema_name' | 'table_name'>): DataColumn {
  const type = row.data_type;
  const length = row.max_length === -1 ? null : N_TYPES.has(type) ? row.max_length / 2 : row.max_length;
  const columnType =
    LENGTH_TYPES.has(type) ? `${type}(${length ?? 'max'})` :
    type === 'decimal' || type === 'numeric' ? `${type}(${row.precision},${row.scale})` :
    SCALE_TYPES.has(type) ? `${type}(${row.scale})` :
    type;
  return {
    name: row.name,
    dataType: type,
    columnType,
    precision: NUMERIC_TYPES.has(type) ? row.precision : null,
    scale: NUMERIC_TYPES.has(type) ? row.scale : null,
    datetimePrecision: datetimePrecision(type, row.scale),
    length: LENGTH_TYPES.has(type) ? length : null,
    nullable: row.is_nullable === true,
    collation: row.collation_name,
  };
}

const key = (row: Record<string, unknown>) => `${String(row['schema_name'])}\u0000${String(row['table_name'])}`;

/** The catalog from the three queries' rows (pure: what the catalog tests feed it). */
export function assembleSqlServerCatalog(
  tables: readonly Record<string, unknown>[],
  columns: readonly SqlServerColumnRow[],
  indexParts: readonly Record<string, unknown>[],
): CatalogTable[] {
  const indexes = new Map<string, CatalogIndexRow & { columns: string[] }>();
  for (const row of indexParts) {
    const id = `${key(row)}\u0000${String(row['index_id'])}`;
    const index = indexes.get(id) ?? { schema_name: String(row['schema_name']), table_name: String(row['table_name']), primary: row['is_primary_key'] === true, columns: [] };
    index.columns.push(String(row['column_name']));
    indexes.set(id, index);
  }
  return assembleCatalog(
    tables.map((row) => ({
      schema_name: String(row['schema_name']),
      table_name: String(row['table_name']),
      view: row['is_view'] === true,
      // SUM of BIGINT comes back as a string (mssql returns BIGINT as text); NULL for a view.
      estimated_rows: Number(row['estimated'] ?? 0),
    })),
    columns.map((row) => columnRowOf(row.schema_name, row.table_name, sqlserverColumn(row))),
    [...indexes.values()],
  );
}

export async function readSqlServerCatalog(connection: DataConnection, scope: CatalogScope): Promise<CatalogTable[]> {
  const where = sqlserverScope(scope);
  const tables = await connection.query(tablesSql(where.sql), where.params);
  const columns = (await connection.query(columnsSql(where.sql), where.params)) as unknown as SqlServerColumnRow[];
  const indexes = await connection.query(indexesSql(where.sql), where.params);
  return assembleSqlServerCatalog(tables, columns, indexes);
}

/** One row of sp_describe_first_result_set (the columns parity reads). */
export interface SqlServerResultColumn {
  readonly is_hidden: boolean;
  readonly column_ordinal: number;
  readonly name: string | null;
  readonly is_nullable: boolean;
  /** `int`, `decimal(12,4)`, `nvarchar(max)`, `datetime2(7)`: the base type of an alias type. */
  readonly system_type_name: string;
  readonly max_length: number;
  readonly precision: number;
  readonly scale: number;
  readonly collation_name: string | null;
}

/**
 * The result's columns (query mode) from sp_describe_first_result_set: its `system_type_name`
 * gives the base type, `max_length`, `precision`, `scale` the rest, as the catalog's columns do.
 * Hidden columns (browse-mode keys) are left out; every column may be NULL.
 */
export function describeSqlServerResult(rows: readonly SqlServerResultColumn[]): DataColumn[] {
  return [...rows]
    .filter((row) => row.is_hidden !== true)
    .sort((a, b) => a.column_ordinal - b.column_ordinal)
    .map((row) => ({
      ...sqlserverColumn({
        name: row.name ?? '',
        data_type: row.system_type_name.replace(/\(.*$/, '').trim().toLowerCase(),
        max_length: row.max_length,
        precision: row.precision,
        scale: row.scale,
        is_nullable: true,
        collation_name: row.collation_name,
      }),
    }));
}
