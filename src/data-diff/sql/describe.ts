/**
 * Turning a dialect's catalog rows into a TableDescription, with the errors a user meets for a
 * missing table or column, and finding columns by name.
 */
import { ParityError } from '../../errors.js';
import type { DataColumn, TableDescription, TableRef } from './data-dialect.js';

/** One row of a dialect's columns query (numbers may come back as strings). */
export interface ColumnRow {
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

function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export function displayName(table: TableRef): string {
  return table.schema === '' ? table.name : `${table.schema}.${table.name}`;
}

/** The column named `name`: the exact name first, else the one name equal ignoring case. */
export function findColumn(columns: readonly DataColumn[], name: string): DataColumn | undefined {
  const exact = columns.find((c) => c.name === name);
  if (exact !== undefined) return exact;
  const folded = columns.filter((c) => c.name.toLowerCase() === name.toLowerCase());
  return folded.length === 1 ? folded[0] : undefined;
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
 * The columns from catalog rows, and the key columns' names as the catalog spells them; an
 * INVALID_ARGUMENT error when the table has no columns (it does not exist) or lacks a key column.
 * `unique` then answers whether those key columns are unique.
 */
export async function describedTable(
  table: TableRef,
  server: string,
  rows: readonly ColumnRow[],
  keyColumns: readonly string[],
  unique: (keyNames: readonly string[]) => Promise<boolean>,
): Promise<TableDescription> {
  if (rows.length === 0) {
    throw new ParityError('INVALID_ARGUMENT', `table ${displayName(table)} not found on the ${server} server`, { where: displayName(table) });
  }
  const columns: DataColumn[] = rows.map((row) => ({
    name: row.name,
    dataType: row.data_type,
    columnType: row.column_type,
    precision: numberOrNull(row.precision),
    scale: numberOrNull(row.scale),
    datetimePrecision: numberOrNull(row.datetime_precision),
    length: numberOrNull(row.length),
    nullable: row.nullable === true || row.nullable === 1 || row.nullable === '1',
    collation: row.collation,
  }));
  const keyNames = requireColumns({ table, columns, keyUnique: false }, keyColumns).map((c) => c.name);
  return { table, columns, keyUnique: keyNames.length > 0 && (await unique(keyNames)) };
}
