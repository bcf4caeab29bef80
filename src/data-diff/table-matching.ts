/**
 * Whole-database data diff: which source table is compared with which target table, and by which key.
 * Pure functions over the two catalogs and the options (no queries), so every mistake in the options
 * is found before any comparison runs.
 *
 * Matching, for each selected source table (views only when named):
 *   1. `-tableMap=src:tgt` names its target (`name` in the mapped schema, or `schema.name`);
 *   2. else the same name in the mapped schema: `-schemaMap=a:b`, else, when both sides read one schema
 *      each, that one (`public` <-> MariaDB database `m`), else the same schema name;
 *   3. else the one table of that schema whose name is equal ignoring case (`orders` <-> `Orders`).
 * A target table is matched once (an exact name wins). Unmatched tables are reported as on one side
 * only: a target table only when its schema is one the source schemas map to.
 * `-tables`/`-excludeTables` globs (`*`, `?`) select tables by `name` or `schema.name` as the source
 * names them: a target table also by its name under the source schema that maps to its schema. A
 * filter file's rules (src/filters) leave tables and views out the same way.
 */
import { ParityError } from '../errors.js';
import { globMatches, isGlob } from '../filters/glob.js';
import { keepsObject, type ObjectFilter } from '../filters/object-filter.js';
import { findColumn, isUniqueKey, type CatalogTable } from './sql/catalog.js';
import type { Tolerance } from './tolerance.js';

export interface MatchOptions {
  /** Source schema -> target schema. */
  readonly schemaMap: ReadonlyMap<string, string>;
  /** Source table (`name` or `schema.name`) -> target table (`name` or `schema.name`). */
  readonly tableMap: ReadonlyMap<string, string>;
  /** Globs a table must match (none: every table). */
  readonly tables: readonly string[];
  /** Globs of tables left out. */
  readonly excludeTables: readonly string[];
  /** `-filterFile` (or `[flyway] filterFile`): tables and views it leaves out are not compared. */
  readonly objectFilter?: ObjectFilter;
  /** Source table (`name` or `schema.name`) -> its key columns (source names). */
  readonly keys: ReadonlyMap<string, readonly string[]>;
  /** Source table (`name` or `schema.name`) -> its columns' tolerances (`-tolerance=table.col:0.01`). */
  readonly tolerances: ReadonlyMap<string, ReadonlyMap<string, Tolerance>>;
}

export interface MatchedTable {
  readonly source: CatalogTable | null;
  readonly target: CatalogTable | null;
}

/** How a table pair is keyed: named columns (by `-key`, the primary key or a unique index), or none: compared as a multiset of rows. */
export type KeyChoice = { readonly columns: readonly string[]; readonly from: 'option' | 'primary key' | 'unique index' } | { readonly columns: null };

const WHERE = 'parity dataDiff';

function invalid(message: string, where = WHERE): ParityError {
  return new ParityError('INVALID_ARGUMENT', message, { where });
}

export const qualified = (table: CatalogTable) => `${table.table.schema}.${table.table.name}`;


/** The table's names a user may write: `name` and `schema.name`. */
const namesOf = (table: CatalogTable) => [table.table.name, qualified(table)];

/** The one entry of a name map that names this table, if any. */
function entryFor<T>(map: ReadonlyMap<string, T>, table: CatalogTable): T | undefined {
  return map.get(qualified(table)) ?? map.get(table.table.name);
}

/** The tables of `catalog` a name (`name` or `schema.name`) can mean. */
function byName(catalog: readonly CatalogTable[], name: string): CatalogTable[] {
  return catalog.filter((table) => namesOf(table).includes(name));
}

function selected(table: CatalogTable, options: MatchOptions, named: (table: CatalogTable) => boolean): boolean {
  const names = namesOf(table);
  if (options.excludeTables.some((glob) => names.some((n) => globMatches(glob, n)))) return false;
  const filtered = { kind: table.view ? 'view' : 'table', schema: table.table.schema, names: [table.table.name] } as const;
  if (options.objectFilter && !keepsObject(options.objectFilter, filtered)) return false;
  if (named(table)) return true;
  if (table.view) return false;
  return options.tables.length === 0 || options.tables.some((glob) => names.some((n) => globMatches(glob, n)));
}

/** Every name of the options must mean exactly one source table (exit 2 before any comparison). */
function checkNames(source: readonly CatalogTable[], options: MatchOptions): void {
  for (const [option, names] of [
    ['-tableMap', [...options.tableMap.keys()]],
    ['-key', [...options.keys.keys()]],
    ['-tolerance', [...options.tolerances.keys()]],
  ] as const) {
    for (const name of names) {
      const found = byName(source, name);
      if (found.length === 0) throw invalid(`${option} names table ${name}, which the source does not have`, option);
      if (found.length > 1) throw invalid(`${option} names table ${name}, which is ambiguous on the source (${found.map(qualified).join(', ')}); write schema.table`, option);
    }
  }
}

export function matchTables(
  source: readonly CatalogTable[],
  target: readonly CatalogTable[],
  schemas: { readonly source: readonly string[]; readonly target: readonly string[] },
  options: MatchOptions,
): MatchedTable[] {
  checkNames(source, options);
  const namedOnSource = (table: CatalogTable) =>
    entryFor(options.tableMap, table) !== undefined || options.tables.some((name) => !isGlob(name) && namesOf(table).includes(name));
  const oneEach = schemas.source.length === 1 && schemas.target.length === 1;
  const targetSchema = (schema: string) => options.schemaMap.get(schema) ?? (oneEach ? schemas.target[0]! : schema);
  const taken = new Set<CatalogTable>();
  const pairs: MatchedTable[] = [];
  const chosen = source.filter((table) => selected(table, options, namedOnSource));

  const mapped = (table: CatalogTable): CatalogTable | undefined => {
    const name = entryFor(options.tableMap, table);
    if (name === undefined) return undefined;
    const [schema, bare] = name.includes('.') ? [name.slice(0, name.lastIndexOf('.')), name.slice(name.lastIndexOf('.') + 1)] : [targetSchema(table.table.schema), name];
    const found = target.find((t) => t.table.schema === schema && t.table.name === bare);
    if (found === undefined) throw invalid(`-tableMap maps ${qualified(table)} to ${schema}.${bare}, which the target does not have`, '-tableMap');
    return found;
  };
  // Explicit maps and exact names first, so a name equal only ignoring case never takes their table.
  const exact = new Map<CatalogTable, CatalogTable>();
  for (const table of chosen) {
    const found = mapped(table) ?? target.find((t) => t.table.schema === targetSchema(table.table.schema) && t.table.name === table.table.name);
    if (found !== undefined && !taken.has(found)) {
      exact.set(table, found);
      taken.add(found);
    }
  }
  for (const table of chosen) {
    let found = exact.get(table);
    if (found === undefined) {
      const folded = target.filter(
        (t) => !taken.has(t) && t.table.schema === targetSchema(table.table.schema) && t.table.name.toLowerCase() === table.table.name.toLowerCase(),
      );
      if (folded.length === 1) {
        found = folded[0]!;
        taken.add(found);
      }
    }
    pairs.push({ source: table, target: found ?? null });
  }
  // A target table is looked at under the names the source would give it (its schema mapped back).
  const mappedTo = new Map<string, string>();
  for (const schema of schemas.source) if (!mappedTo.has(targetSchema(schema))) mappedTo.set(targetSchema(schema), schema);
  for (const table of target) {
    const sourceSchema = mappedTo.get(table.table.schema);
    if (taken.has(table) || sourceSchema === undefined) continue;
    const asSource: CatalogTable = { ...table, table: { schema: sourceSchema, name: table.table.name } };
    const named = (t: CatalogTable) => options.tables.some((name) => !isGlob(name) && namesOf(t).includes(name));
    if (selected(asSource, { ...options, tableMap: new Map() }, named)) pairs.push({ source: null, target: table });
  }
  return pairs;
}

/**
 * The key of a matched pair: `-key`'s columns for the table, else the source's primary key, else its
 * unique index on NOT NULL columns with the fewest columns; none: compared as a multiset of rows.
 * A `-key` column the source table does not have is an INVALID_ARGUMENT error.
 */
/** The table's `-tolerance` entries; a column the source table does not have is an INVALID_ARGUMENT error. */
export function tolerancesOf(table: CatalogTable, options: Pick<MatchOptions, 'tolerances'>): ReadonlyMap<string, Tolerance> | undefined {
  const named = entryFor(options.tolerances, table);
  for (const name of named?.keys() ?? []) {
    if (findColumn(table.columns, name) === undefined) throw invalid(`-tolerance names column ${name} of ${qualified(table)}, which it does not have`, '-tolerance');
  }
  return named;
}

export function chooseKey(table: CatalogTable, options: Pick<MatchOptions, 'keys'>): KeyChoice {
  const named = entryFor(options.keys, table);
  if (named !== undefined) {
    const columns = named.map((name) => {
      const column = findColumn(table.columns, name);
      if (column === undefined) throw invalid(`-key names column ${name} of ${qualified(table)}, which it does not have (columns: ${table.columns.map((c) => c.name).join(', ')})`, '-key');
      return column.name;
    });
    return { columns, from: 'option' };
  }
  if (table.primaryKey.length > 0) return { columns: table.primaryKey, from: 'primary key' };
  const notNull = table.uniqueIndexes
    .filter((index) => index.every((name) => table.columns.find((c) => c.name === name)?.nullable === false))
    .sort((a, b) => a.length - b.length);
  const [first] = notNull;
  if (first !== undefined && isUniqueKey(table, first)) return { columns: first, from: 'unique index' };
  return { columns: null };
}
