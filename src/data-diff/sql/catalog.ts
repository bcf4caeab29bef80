/**
 * What data diff reads of a database's catalog: its tables and views with their columns, unique
 * indexes and row estimates, read in a few set-based queries per side (one per kind of thing, never
 * one per table), for one table (single-table mode) or every table of some schemas (whole-database
 * mode). Each dialect reads the rows (`DataDialect.readCatalog`); this module assembles them.
 */
import { ParityError } from '../../errors.js';
import type { DataColumn, DataConnection, DataDialect, TableDescription, TableRef } from './data-dialect.js';

export interface CatalogTable {
  /** The schema (PostgreSQL) or database (MySQL) is the real one, never `''`. */
  readonly table: TableRef;
  readonly view: boolean;
  /** In the table's column order. */
  readonly columns: readonly DataColumn[];
  /** The primary key's columns in key order; empty when the table has none. */
  readonly primaryKey: readonly string[];
  /**
   * Unique indexes and constraints (the primary key among them) on whole columns, without expressions,
   * predicates or prefixes: each a list of column names in index order.
   */
  readonly uniqueIndexes: readonly (readonly string[])[];
  /** The catalog's estimate of the table's rows, when it has one (a table never analyzed has none). */
  readonly estimatedRows?: number;
}

/** Which tables to read: every table and view of `schemas` (none: the connection's current one), or only `table`. */
export interface CatalogScope {
  readonly schemas: readonly string[];
  readonly table?: string;
}

/** One row of a dialect's columns query (numbers may come back as strings). */
export interface CatalogColumnRow {
  schema_name: string;
  table_name: string;
  name: string;
  data_type: string;
  column_type: string;
  precision: unknown;
  scale: unknown;
  datetime_precision: unknown;
  length: unknown;
  nullable: unknown;
  collation: string | null;
}

/** The columns-query row of a column a dialect has already read into a DataColumn (its driver's rows need more than renaming). */
export function columnRowOf(schema: string, table: string, column: DataColumn): CatalogColumnRow {
  return {
    schema_name: schema,
    table_name: table,
    name: column.name,
    data_type: column.dataType,
    column_type: column.columnType,
    precision: column.precision,
    scale: column.scale,
    datetime_precision: column.datetimePrecision,
    length: column.length,
    nullable: column.nullable,
    collation: column.collation,
  };
}

export interface CatalogTableRow {
  readonly schema_name: string;
  readonly table_name: string;
  readonly view: boolean;
  readonly estimated_rows?: number;
}

export interface CatalogIndexRow {
  readonly schema_name: string;
  readonly table_name: string;
  readonly primary: boolean;
  /** The index's columns in order; undefined for an expression or prefix part (the index is then not usable). */
  readonly columns: readonly (string | undefined)[];
}

function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

const tableKey = (schema: string, table: string) => `${schema}\u0000${table}`;

/** Tables (sorted by schema and name) from the rows of the three catalog queries. */
export function assembleCatalog(tables: readonly CatalogTableRow[], columns: readonly CatalogColumnRow[], indexes: readonly CatalogIndexRow[]): CatalogTable[] {
  const columnsOf = new Map<string, DataColumn[]>();
  for (const row of columns) {
    const key = tableKey(row.schema_name, row.table_name);
    const list = columnsOf.get(key) ?? [];
    list.push({
      name: row.name,
      dataType: row.data_type,
      columnType: row.column_type,
      precision: numberOrNull(row.precision),
      scale: numberOrNull(row.scale),
      datetimePrecision: numberOrNull(row.datetime_precision),
      length: numberOrNull(row.length),
      nullable: row.nullable === true || row.nullable === 1 || row.nullable === '1',
      collation: row.collation,
    });
    columnsOf.set(key, list);
  }
  const indexesOf = new Map<string, CatalogIndexRow[]>();
  for (const row of indexes) {
    const key = tableKey(row.schema_name, row.table_name);
    indexesOf.set(key, [...(indexesOf.get(key) ?? []), row]);
  }
  return tables
    .map((row): CatalogTable => {
      const key = tableKey(row.schema_name, row.table_name);
      const own = indexesOf.get(key) ?? [];
      const whole = own.filter((index) => index.columns.every((c) => c !== undefined));
      return {
        table: { schema: row.schema_name, name: row.table_name },
        view: row.view,
        columns: columnsOf.get(key) ?? [],
        primaryKey: (own.find((index) => index.primary)?.columns ?? []).filter((c): c is string => c !== undefined),
        uniqueIndexes: whole.map((index) => index.columns as readonly string[]),
        ...(row.estimated_rows !== undefined && row.estimated_rows > 0 ? { estimatedRows: row.estimated_rows } : {}),
      };
    })
    .sort((a, b) => (a.table.schema === b.table.schema ? compare(a.table.name, b.table.name) : compare(a.table.schema, b.table.schema)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function displayName(table: TableRef): string {
  if (table.query !== undefined) return 'query';
  return table.schema === '' ? table.name : `${table.schema}.${table.name}`;
}

/** The column named `name`: the exact name first, else the one name equal ignoring case. */
export function findColumn(columns: readonly DataColumn[], name: string): DataColumn | undefined {
  const exact = columns.find((c) => c.name === name);
  if (exact !== undefined) return exact;
  const folded = columns.filter((c) => c.name.toLowerCase() === name.toLowerCase());
  return folded.length === 1 ? folded[0] : undefined;
}

/** True when a unique index covers exactly these columns (in any order). */
export function isUniqueKey(table: CatalogTable, keyNames: readonly string[]): boolean {
  const wanted = [...keyNames].sort().join('\u0001');
  return keyNames.length > 0 && table.uniqueIndexes.some((index) => [...index].sort().join('\u0001') === wanted);
}

/** The columns named, in that order; a missing one is an INVALID_ARGUMENT error naming the table. */
export function requireColumns(description: TableDescription, names: readonly string[]): DataColumn[] {
  return names.map((name) => {
    const column = findColumn(description.columns, name);
    if (column === undefined) {
      throw new ParityError('INVALID_ARGUMENT', `column ${name} not found in table ${displayName(description.table)}`, {
        where: displayName(description.table),
      });
    }
    return column;
  });
}

/**
 * The description of `table` (as the user named it: schema `''` stays `''`) from its catalog entry,
 * with the key columns as the catalog spells them; a missing table or key column is an
 * INVALID_ARGUMENT error naming it.
 */
export function describeCatalogTable(table: TableRef, found: CatalogTable | undefined, server: string, keyColumns: readonly string[]): TableDescription {
  if (found === undefined || found.columns.length === 0) {
    throw new ParityError('INVALID_ARGUMENT', `table ${displayName(table)} not found on the ${server} server`, { where: displayName(table) });
  }
  const keyNames = requireColumns({ table, columns: found.columns, keyUnique: false }, keyColumns).map((c) => c.name);
  return { table, columns: found.columns, keyUnique: isUniqueKey(found, keyNames) };
}

/**
 * One table's catalog entry and description (single-table mode), read from the catalog; in query mode
 * the query's result columns (no keys or indexes: the key's uniqueness is then checked on the rows).
 */
export async function describeTable(
  dialect: DataDialect,
  connection: DataConnection,
  table: TableRef,
  keyColumns: readonly string[],
): Promise<{ description: TableDescription; catalog: CatalogTable }> {
  const [found] =
    table.query !== undefined
      ? [{ table, view: false, columns: await connection.describeResult(table.query), primaryKey: [], uniqueIndexes: [] }]
      : await dialect.readCatalog(connection, { schemas: table.schema === '' ? [] : [table.schema], table: table.name });
  return { description: describeCatalogTable(table, found, dialect.displayName, keyColumns), catalog: found! };
}
