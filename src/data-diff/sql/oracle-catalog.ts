/**
 * Oracle's catalog for data diff: tables (materialized views through their container tables) and views
 * of some schemas (Oracle users, named as the dictionary stores them: upper case unless created
 * quoted), in three set-based queries on the ALL_* views whatever their number: relations (ALL_TABLES
 * with NUM_ROWS as the estimate, ALL_VIEWS), columns (ALL_TAB_COLUMNS) and unique keys (enabled,
 * validated primary and unique constraints from ALL_CONSTRAINTS + ALL_CONS_COLUMNS, and usable unique
 * indexes from ALL_INDEXES + ALL_IND_COLUMNS; a function-based index is never a key).
 *
 * node-oracledb returns the columns under their upper-case names, numbers as strings (the data
 * connection's fetch type handler) and NULL as null; `oracleColumn` turns ALL_TAB_COLUMNS' DATA_TYPE
 * (`TIMESTAMP(6) WITH TIME ZONE`, `NUMBER` with DATA_PRECISION/DATA_SCALE, `VARCHAR2` with CHAR_LENGTH
 * and CHAR_USED) into a DataColumn, as `oracleResultColumn` does for a query's result metadata.
 */
import { assembleCatalog, columnRowOf, type CatalogIndexRow, type CatalogScope, type CatalogTable } from './catalog.js';
import type { DataColumn, DataConnection } from './data-dialect.js';

/** The scope's condition on an owner and a name column, its placeholders numbered from `first`. */
function inScope(scope: CatalogScope, owner: string, name: string, first: number): { sql: string; params: string[] } {
  let n = first;
  const schemas = scope.schemas.length === 0 ? `SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA')` : scope.schemas.map(() => `:${n++}`).join(', ');
  const table = scope.table === undefined ? '' : ` AND ${name} = :${n++}`;
  return { sql: `${owner} IN (${schemas})${table}`, params: [...scope.schemas, ...(scope.table === undefined ? [] : [scope.table])] };
}

/** Two selects joined by UNION ALL, each with its own scope (positional binds: one value per placeholder). */
function twoScoped(scope: CatalogScope, first: (where: string) => string, firstCols: [string, string], second: (where: string) => string, secondCols: [string, string], tail = '') {
  const a = inScope(scope, ...firstCols, 1);
  const b = inScope(scope, ...secondCols, a.params.length + 1);
  return { sql: `${first(a.sql)}\nUNION ALL\n${second(b.sql)}${tail}`, params: [...a.params, ...b.params] };
}

/** Tables (no nested tables, IOT overflow segments, secondary or dropped tables) and views. */
export function relationsQuery(scope: CatalogScope): { sql: string; params: string[] } {
  return twoScoped(
    scope,
    (where) => `SELECT t.OWNER, t.TABLE_NAME, 0 AS IS_VIEW, t.NUM_ROWS
  FROM ALL_TABLES t
 WHERE ${where}
   AND t.NESTED = 'NO' AND t.SECONDARY = 'N' AND (t.IOT_TYPE IS NULL OR t.IOT_TYPE = 'IOT') AND (t.DROPPED IS NULL OR t.DROPPED = 'NO')`,
    ['t.OWNER', 't.TABLE_NAME'],
    (where) => `SELECT v.OWNER, v.VIEW_NAME, 1, NULL
  FROM ALL_VIEWS v
 WHERE ${where}`,
    ['v.OWNER', 'v.VIEW_NAME'],
  );
}

export function columnsQuery(scope: CatalogScope): { sql: string; params: string[] } {
  const where = inScope(scope, 'c.OWNER', 'c.TABLE_NAME', 1);
  const sql = `SELECT c.OWNER, c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, c.DATA_TYPE_OWNER, c.DATA_LENGTH, c.DATA_PRECISION, c.DATA_SCALE,
       c.NULLABLE, c.CHAR_LENGTH, c.CHAR_USED
  FROM ALL_TAB_COLUMNS c
 WHERE ${where.sql}
 ORDER BY c.OWNER, c.TABLE_NAME, c.COLUMN_ID`;
  return { sql, params: where.params };
}

/**
 * Unique keys' columns in order: enabled and validated PRIMARY KEY / UNIQUE constraints (a NOVALIDATE
 * one may have duplicates), and unique indexes that are not unusable; a function-based index's parts
 * come back as NULL (the index is then no key).
 */
export function uniqueKeysQuery(scope: CatalogScope): { sql: string; params: string[] } {
  return twoScoped(
    scope,
    (where) => `SELECT c.OWNER, c.TABLE_NAME, c.CONSTRAINT_NAME AS KEY_NAME, CASE WHEN c.CONSTRAINT_TYPE = 'P' THEN 1 ELSE 0 END AS IS_PRIMARY,
       cc.COLUMN_NAME, cc.POSITION
  FROM ALL_CONSTRAINTS c
  JOIN ALL_CONS_COLUMNS cc ON cc.OWNER = c.OWNER AND cc.CONSTRAINT_NAME = c.CONSTRAINT_NAME AND cc.TABLE_NAME = c.TABLE_NAME
 WHERE ${where}
   AND c.CONSTRAINT_TYPE IN ('P', 'U') AND c.STATUS = 'ENABLED' AND c.VALIDATED = 'VALIDATED'`,
    ['c.OWNER', 'c.TABLE_NAME'],
    (where) => `SELECT i.TABLE_OWNER, i.TABLE_NAME, i.OWNER || '.' || i.INDEX_NAME, 0,
       CASE WHEN i.INDEX_TYPE LIKE 'FUNCTION-BASED%' THEN NULL ELSE ic.COLUMN_NAME END, ic.COLUMN_POSITION
  FROM ALL_INDEXES i
  JOIN ALL_IND_COLUMNS ic ON ic.INDEX_OWNER = i.OWNER AND ic.INDEX_NAME = i.INDEX_NAME
 WHERE ${where}
   AND i.UNIQUENESS = 'UNIQUE' AND i.STATUS <> 'UNUSABLE'`,
    ['i.TABLE_OWNER', 'i.TABLE_NAME'],
    '\n ORDER BY 1, 2, 3, 6',
  );
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
const num = (value: unknown): number | null => (value === null || value === undefined || value === '' ? null : Number(value));

/** What both the catalog and a result's metadata say of a column. */
interface OracleType {
  readonly name: string;
  /** ALL_TAB_COLUMNS.DATA_TYPE as stored: `NUMBER`, `TIMESTAMP(6) WITH TIME ZONE`, `INTERVAL DAY(2) TO SECOND(6)`. */
  readonly dataType: string;
  readonly precision: number | null;
  readonly scale: number | null;
  /** Characters (CHAR_LENGTH) of a character column; bytes (DATA_LENGTH) of a RAW. */
  readonly length: number | null;
  /** `B` or `C` (CHAR_USED), for character columns. */
  readonly charUsed: string | null;
  readonly nullable: boolean;
}

const CHARACTER_TYPES = new Set(['char', 'nchar', 'varchar2', 'nvarchar2', 'varchar']);

/**
 * A DataColumn: `dataType` is the type's name in lower case without its precisions
 * (`timestamp with time zone`), `columnType` the declared type (`number(12,4)`, `number(*,0)` for
 * INTEGER, `varchar2(20 char)`, `timestamp(3)`); a DATE keeps whole seconds (datetimePrecision 0).
 */
function dataColumn(type: OracleType): DataColumn {
  const dataType = type.dataType.toLowerCase().replace(/\(\d+\)/g, '').replace(/\s+/g, ' ').trim();
  const fraction = /^timestamp\((\d+)\)/i.exec(type.dataType);
  let columnType = type.dataType.toLowerCase();
  if (dataType === 'number') {
    if (type.precision === null && type.scale === 0) columnType = 'number(*,0)';
    else if (type.precision !== null) columnType = `number(${type.precision}${type.scale !== null && type.scale !== 0 ? `,${type.scale}` : ''})`;
    else if (type.scale !== null) columnType = `number(*,${type.scale})`;
  } else if (dataType === 'float' && type.precision !== null) columnType = `float(${type.precision})`;
  else if (CHARACTER_TYPES.has(dataType) && type.length !== null) {
    columnType = `${dataType}(${type.length}${dataType.startsWith('n') ? '' : type.charUsed === 'C' ? ' char' : ' byte'})`;
  } else if (dataType === 'raw' && type.length !== null) columnType = `raw(${type.length})`;
  return {
    name: type.name,
    dataType,
    columnType,
    precision: type.precision,
    scale: type.scale,
    datetimePrecision: dataType === 'date' ? 0 : fraction ? Number(fraction[1]) : dataType.startsWith('timestamp') ? 6 : null,
    length: type.length,
    nullable: type.nullable,
    collation: null,
  };
}

/** One ALL_TAB_COLUMNS row (as node-oracledb returns it) as a DataColumn. */
export function oracleColumn(row: Record<string, unknown>): DataColumn {
  const dataType = text(row['DATA_TYPE']);
  const character = CHARACTER_TYPES.has(dataType.toLowerCase());
  return dataColumn({
    name: text(row['COLUMN_NAME']),
    dataType,
    precision: num(row['DATA_PRECISION']),
    scale: num(row['DATA_SCALE']),
    length: character ? num(row['CHAR_LENGTH']) : dataType === 'RAW' ? num(row['DATA_LENGTH']) : null,
    charUsed: character ? text(row['CHAR_USED']) || null : null,
    nullable: row['NULLABLE'] === 'Y',
  });
}

/** One column of node-oracledb's result metadata (`result.metaData`). */
export interface OracleResultField {
  readonly name: string;
  /** `NUMBER`, `VARCHAR2`, `TIMESTAMP WITH TIME ZONE`, ... (the driver's type's columnTypeName). */
  readonly dbTypeName?: string;
  /** NUMBER: its precision (0: none); TIMESTAMP*: its fractional second digits. */
  readonly precision?: number;
  /** NUMBER: its scale (-127 with a precision: FLOAT; -127 without: NUMBER unconstrained). */
  readonly scale?: number;
  /** Character and RAW columns: the size in bytes. */
  readonly byteSize?: number;
  readonly nullable?: boolean;
}

/**
 * A query's result column as the catalog would describe it (query mode): NUMBER with scale -127 is
 * FLOAT(precision), or a NUMBER without precision when the precision is 0; timestamps carry their
 * fractional digits in `precision`; character sizes are in bytes.
 */
export function oracleResultColumn(field: OracleResultField): DataColumn {
  const type = (field.dbTypeName ?? 'UNKNOWN').toUpperCase();
  const precision = field.precision ?? 0;
  const scale = field.scale ?? 0;
  const base = { name: field.name, length: null, charUsed: null, nullable: field.nullable !== false };
  if (type === 'NUMBER') {
    if (scale === -127) return dataColumn(precision > 0 ? { ...base, dataType: 'FLOAT', precision, scale: null } : { ...base, dataType: 'NUMBER', precision: null, scale: null });
    return dataColumn({ ...base, dataType: 'NUMBER', precision: precision > 0 ? precision : null, scale });
  }
  if (type.startsWith('TIMESTAMP')) return dataColumn({ ...base, dataType: type.replace(/^TIMESTAMP/, `TIMESTAMP(${precision})`), precision: null, scale: precision });
  const sized = CHARACTER_TYPES.has(type.toLowerCase()) || type === 'RAW';
  return dataColumn({ ...base, dataType: type, precision: null, scale: null, length: sized ? (field.byteSize ?? null) : null, charUsed: sized && type !== 'RAW' ? 'B' : null });
}

export async function readOracleCatalog(connection: DataConnection, scope: CatalogScope): Promise<CatalogTable[]> {
  const relations = relationsQuery(scope);
  const columns = columnsQuery(scope);
  const keys = uniqueKeysQuery(scope);
  return assembleOracleCatalog(
    await connection.query(relations.sql, relations.params),
    await connection.query(columns.sql, columns.params),
    await connection.query(keys.sql, keys.params),
  );
}

/** The catalog from the three queries' rows (upper-case column names, as node-oracledb returns them). */
export function assembleOracleCatalog(
  relations: readonly Record<string, unknown>[],
  columns: readonly Record<string, unknown>[],
  keys: readonly Record<string, unknown>[],
): CatalogTable[] {
  const upper = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toUpperCase(), v]));
  const indexes = new Map<string, { row: CatalogIndexRow; columns: (string | undefined)[] }>();
  for (const raw of keys.map(upper)) {
    // The second branch of the UNION names its columns after the first's.
    const id = `${text(raw['OWNER'])}\u0000${text(raw['TABLE_NAME'])}\u0000${text(raw['KEY_NAME'])}`;
    const entry = indexes.get(id) ?? {
      row: { schema_name: text(raw['OWNER']), table_name: text(raw['TABLE_NAME']), primary: Number(raw['IS_PRIMARY']) === 1, columns: [] },
      columns: [],
    };
    entry.columns.push(raw['COLUMN_NAME'] === null || raw['COLUMN_NAME'] === undefined ? undefined : text(raw['COLUMN_NAME']));
    indexes.set(id, entry);
  }
  return assembleCatalog(
    relations.map(upper).map((row) => {
      const estimate = num(row['NUM_ROWS']);
      return {
        schema_name: text(row['OWNER']),
        table_name: text(row['TABLE_NAME']),
        view: Number(row['IS_VIEW']) === 1,
        ...(estimate !== null ? { estimated_rows: estimate } : {}),
      };
    }),
    columns.map(upper).map((row) => columnRowOf(text(row['OWNER']), text(row['TABLE_NAME']), { ...oracleColumn(row), collation: null })),
    [...indexes.values()].map(({ row, columns }) => ({ ...row, columns })),
  );
}
