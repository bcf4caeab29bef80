/** Pieces of the model built the same way from every dialect's catalog rows. */
import type { ForeignKey } from '../model/objects.js';

/** One column pair of a foreign key, as the catalog queries of every dialect name them. */
export interface ForeignKeyColumnRow {
  readonly constraint_name: string;
  readonly column_name: string;
  readonly referenced_schema: string;
  readonly referenced_table: string;
  readonly referenced_column: string;
}

/** The name, columns and referenced table of a foreign key from its rows (in column order). */
export function foreignKeyColumns(parts: readonly ForeignKeyColumnRow[]): Pick<ForeignKey, 'name' | 'columns' | 'referencedSchema' | 'referencedTable' | 'referencedColumns'> {
  const first = parts[0]!;
  return {
    name: first.constraint_name,
    columns: parts.map((p) => p.column_name),
    referencedSchema: first.referenced_schema,
    referencedTable: first.referenced_table,
    referencedColumns: parts.map((p) => p.referenced_column),
  };
}
