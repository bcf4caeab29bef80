/**
 * The TableSide of a database table, for any dialect with a DataDialect (sql/): both sides are
 * described first and every column pair gets ONE plan (sql/column-plan.ts: the common kind, the
 * lower scale or timestamp precision, the float tolerance), so equal data normalizes to the same text
 * and hashes to the same checksum on PostgreSQL and MySQL/MariaDB alike. Pairs with no safe mapping
 * are left out of the comparison and reported (`skipped`), never compared as something else.
 *
 * Each side keeps `threads` connections (each set up by its dialect: UTC, etc.) and hands them out
 * one query at a time. The plan itself (`planSqlTables`) also serves the same-database JOIN
 * (join-diff.ts), which reads both tables through the source's connection.
 */
import type { ConnectionSettings } from '../config/connection.js';
import { ParityError } from '../errors.js';
import { openSidePools, type ConnectionPool } from './connection-pool.js';
import { describeCatalogTable, describeTable, displayName, findColumn, type CatalogTable } from './sql/catalog.js';
import type { ColumnPlan, DataConnection, DataDialect, PlannedColumn, SegmentSpec, TableDescription, TableRef } from './sql/data-dialect.js';
import { KEY_KINDS, NUMERIC_KINDS, ownKind, planPair, type PlanOptions } from './sql/column-plan.js';
import type { Tolerance } from './tolerance.js';
import { chooseRowHash, type RowHashName } from './row-hash.js';
import { cellText, fromClause, keySpanQuery, limitSql, normalizedSql, eachChecksum, readBoundaries, readRows, whereClause } from './sql/data-sql.js';
import { filterChunks, unionRanges } from './sql/range-grain-sql.js';
import type { BucketStats, Grain, Key, SegmentStats, SideDescription, SideRow, Slice, TableSide, TableSpec } from './table-side.js';

interface OpenedSide {
  readonly name: 'source' | 'target';
  readonly spec: TableSpec;
  readonly pool: ConnectionPool;
  readonly table: TableRef;
  description?: TableDescription;
  catalog?: CatalogTable;
}

/** One side to plan: its pool (owned by the caller, who closes it), the table, and its catalog entry when already read. */
export interface PlanInput {
  readonly pool: ConnectionPool;
  readonly spec: TableSpec;
  readonly catalog?: CatalogTable;
}

/** One side of a comparison as planned: its table, key and compared columns with their plans, filter. */
export interface PlannedSide {
  readonly name: 'source' | 'target';
  readonly dialect: DataDialect;
  /** As the user named it: schema `''` is the connection's current schema or database. */
  readonly table: TableRef;
  readonly keys: readonly PlannedColumn[];
  /** The compared columns, pair by pair with the other side's. */
  readonly columns: readonly PlannedColumn[];
  /** `-where`/`-sourceWhere`/`-targetWhere` and the `-updateColumn` window as one raw condition. */
  readonly where?: string;
  /** A primary key or unique index covers exactly the key columns. */
  readonly keyIndexed: boolean;
  /** The row hash of checksums, the same on both sides: the fastest both servers have (row-hash.ts `chooseRowHash`). */
  readonly rowHash: RowHashName;
  /** The side's server holds text as UTF-8 (`DataDialect.textIsUtf8`). */
  readonly textIsUtf8: boolean;
  readonly description: SideDescription;
  /** Runs `fn` on one of the side's connections (its pool's; at most `threads` are open). */
  use<T>(fn: (c: DataConnection) => Promise<T>): Promise<T>;
  /** How many connections the side may open (its pool's size); undefined: one. */
  connections?(): number;
}

/** Both sides described and planned pair by pair; the pools are closed through `track`. */
export interface PlannedTables {
  readonly source: PlannedSide;
  readonly target: PlannedSide;
  /** Compared columns (source names) left out, with the reason. */
  readonly skipped: Readonly<Record<string, string>>;
  /** Both tables' catalog entries (for the schema section). */
  readonly catalog: { readonly source: CatalogTable; readonly target: CatalogTable };
}

export interface SqlSides {
  readonly source: TableSide;
  readonly target: TableSide;
  readonly sourceDescription: SideDescription;
  /** Compared columns (source names) left out, with the reason. */
  readonly skipped: Readonly<Record<string, string>>;
}

/** What a side's server offers for hashing rows: its row hashes, and whether its text is UTF-8 already. */
interface ServerHashing {
  readonly rowHashes: readonly RowHashName[];
  readonly textIsUtf8: boolean;
}

const hashingByPool = new WeakMap<ConnectionPool, Promise<ServerHashing>>();

/** Asked once per pool (a whole-database run plans many tables on one pool). */
function hashingOf(pool: ConnectionPool): Promise<ServerHashing> {
  let hashing = hashingByPool.get(pool);
  if (hashing === undefined) {
    hashing = pool.use(async (c) => ({ rowHashes: await pool.dialect.rowHashes(c), textIsUtf8: (await pool.dialect.textIsUtf8?.(c)) ?? false }));
    hashingByPool.set(pool, hashing);
  }
  return hashing;
}

/** `-updateColumn` and `-where` as one raw condition (the timestamps are ISO UTC, fixed per run). */
function filterOf(dialect: DataDialect, spec: TableSpec): string | undefined {
  const parts: string[] = [];
  if (spec.where !== undefined && spec.where.trim() !== '') parts.push(`(${spec.where})`);
  if (spec.updated !== undefined) {
    const column = dialect.quoteIdent(spec.updated.column);
    const literal = (iso: string) => `'${iso.replace('T', ' ').replace('Z', '').replace(/'/g, '')}'`;
    if (spec.updated.notBefore !== undefined) parts.push(`${column} >= ${literal(spec.updated.notBefore)}`);
    if (spec.updated.before !== undefined) parts.push(`${column} < ${literal(spec.updated.before)}`);
  }
  return parts.length === 0 ? undefined : parts.join(' AND ');
}

const shown = displayName;

function columnOf(side: OpenedSide, name: string, option: string) {
  const description = side.description!;
  const column = description.columns.find((c) => c.name === name) ?? description.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
  if (!column) {
    throw new ParityError('INVALID_ARGUMENT', `unknown column "${name}" in ${side.name} table ${shown(side.table)} (columns: ${description.columns.map((c) => c.name).join(', ')})`, { where: option });
  }
  return column;
}

/**
 * Fails unless the key identifies every compared row of the side:
 * - no key column is NULL: such a row has no key to be matched by (`=` never holds for NULL, a unique
 *   index allows any number of NULLs, and the range and join conditions would skip it silently). Only
 *   nullable key columns are checked (a primary key's never are): through the key's unique index, or
 *   in the duplicate search below at no extra cost;
 * - the key is unique: a unique index on it, or no duplicate among the rows. Rows are grouped by the
 *   key order expressions (bytes for text), not by the column's collation: `abc` and `ABC` are two keys
 *   to the diff even where a case-insensitive collation calls them equal.
 */
async function checkKey(side: OpenedSide, keys: readonly PlannedColumn[], where: string | undefined): Promise<void> {
  // No key: a keyless table, compared as a multiset of rows (multiset-diff.ts).
  if (keys.length === 0) return;
  const dialect = side.pool.dialect;
  const nullable = keys.filter((k) => k.column.nullable).map((k) => dialect.quoteIdent(k.column.name));
  const table = fromClause(dialect, side.table);
  const keyTexts = (aggregate: boolean) => keys.map((k, i) => `${aggregate ? `MIN(${normalizedSql(dialect, k)})` : normalizedSql(dialect, k)} AS k${i}`).join(', ');
  let sql: string;
  if (side.description!.keyUnique) {
    if (nullable.length === 0) return;
    sql = `SELECT ${keyTexts(false)} FROM ${table} WHERE (${nullable.map((c) => `${c} IS NULL`).join(' OR ')})${where ? ` AND (${where})` : ''}`;
  } else {
    const order = keys.map((k) => dialect.keyOrder(k.column, k.plan));
    // A NULL key column in the group, counted without COUNT(column): SQL Server's COUNT refuses text and ntext.
    const nullGroup = nullable.map((c) => ` OR SUM(CASE WHEN ${c} IS NULL THEN 1 ELSE 0 END) > 0`).join('');
    sql = `SELECT ${keyTexts(true)} FROM ${table}${whereClause(where)} GROUP BY ${order.join(', ')} HAVING COUNT(*) > 1${nullGroup}`;
  }
  const [found] = await side.pool.use((c) => c.query(`${sql}${limitSql(dialect, 1, false)}`));
  if (!found) return;
  const names = keys.map((k) => k.column.name);
  const nullColumn = keys.find((_, i) => found[`k${i}`] === null || found[`k${i}`] === undefined);
  if (nullColumn !== undefined) {
    const name = nullColumn.column.name;
    throw new ParityError(
      'INVALID_ARGUMENT',
      `key column ${name} is NULL in a row of ${side.name} table ${shown(side.table)}: a row without a key cannot be matched; leave such rows out (-where="${name} IS NOT NULL") or use NOT NULL key columns`,
      { where: '-key' },
    );
  }
  const values = keys.map((k, i) => `${k.column.name}=${String(found[`k${i}`])}`).join(', ');
  throw new ParityError('INVALID_ARGUMENT', `key (${names.join(', ')}) is not unique in ${side.name} table ${shown(side.table)}: ${values} appears more than once`, { where: '-key' });
}

/**
 * What a planned side's data queries read over `slice`: its table, filter, row hash and compared
 * columns, and its key columns (`keyed`; a keyless table's multiset has none), read through their
 * index where the side has one on a table (not a query).
 */
export function sideSegment(side: PlannedSide, slice: Slice, keyed: boolean): SegmentSpec {
  return {
    table: side.table,
    keys: keyed ? side.keys : [],
    columns: side.columns,
    range: slice.range,
    hash: side.rowHash,
    textIsUtf8: side.textIsUtf8,
    keyIndexed: keyed && side.keyIndexed && side.table.query === undefined,
    ...(slice.buckets ? { buckets: slice.buckets } : {}),
    ...(side.where !== undefined ? { where: side.where } : {}),
  };
}

function tableSide(side: PlannedSide): TableSide {
  const { dialect, keys, where } = side;
  const segment = (slice: Slice) => sideSegment(side, slice, true);
  return {
    describe: async () => side.description,
    async boundaries(slice: Slice, parts: number, rowCount: number): Promise<Key[]> {
      if (rowCount < 2 || parts < 2) return [];
      return side.use((c) => readBoundaries(c, dialect, segment(slice), parts, rowCount));
    },
    async stats(slice: Slice, grain: Grain): Promise<BucketStats> {
      // A pass read one SELECT per range bucket is spread over the side's connections (unionRanges); a
      // filter of many key ranges is read a few dozen ranges per statement (filterChunks).
      const slices = slice.buckets !== undefined
        ? filterChunks(slice.buckets).map((buckets) => ({ range: slice.range, buckets }))
        : unionRanges(dialect, segment(slice), grain, side.connections?.() ?? 1).map((range) => ({ range }));
      const stats = new Map<number, SegmentStats>();
      const add = (bucket: number, count: string, checksum: string) => {
        const had = stats.get(bucket);
        stats.set(bucket, had === undefined ? { count: Number(count), checksum } : { count: had.count + Number(count), checksum: String(BigInt(had.checksum) + BigInt(checksum)) });
      };
      await Promise.all(slices.map((part) => side.use((c) => eachChecksum(c, dialect, segment(part), grain, add))));
      return stats;
    },
    // A table's (not a query's) single integer key: its ends are read through its index.
    ...(keys.length === 1 && keys[0]!.plan.kind === 'integer' && side.table.query === undefined
      ? {
          async keySpan() {
            const [row] = await side.use((c) => c.query(keySpanQuery(dialect, { table: side.table, keys, ...(where !== undefined ? { where } : {}) })));
            const [min, max] = [cellText(row?.['lo']), cellText(row?.['hi'])];
            return min === null || max === null ? undefined : { min, max };
          },
        }
      : {}),
    async *rows(slice: Slice): AsyncIterable<SideRow> {
      // Chunks of a range-grain filter follow each other in key order.
      for (const buckets of slice.buckets !== undefined ? filterChunks(slice.buckets) : [undefined]) {
        const rows = await side.use((c) => readRows(c, dialect, segment(buckets !== undefined ? { range: slice.range, buckets } : { range: slice.range })));
        yield* rows;
      }
    },
    // The connections belong to the side's pool, which whoever opened it closes.
    async close() {},
  };
}

/** A compared column's plan with its `-tolerance`; a tolerance on a column not compared as a number is an error. */
function withTolerance(plan: ColumnPlan, column: string, tolerance: Tolerance | undefined): ColumnPlan {
  if (tolerance === undefined) return plan;
  if (!NUMERIC_KINDS.includes(plan.kind)) {
    throw new ParityError('INVALID_ARGUMENT', `-tolerance applies to numbers, but column ${column} is compared as ${plan.kind}`, { where: '-tolerance' });
  }
  return { ...plan, tolerance };
}

function tableRef(spec: Pick<TableSpec, 'schema' | 'table' | 'query'>): TableRef {
  return { schema: spec.schema ?? '', name: spec.table, ...(spec.query !== undefined ? { query: spec.query } : {}) };
}

/**
 * Opens and describes both sides and plans every key and column pair (checking that the key is
 * unique and never NULL on each side): `planTablePair` on a new pool per side (`threads` connections
 * per server: openSidePools), which `track` receives (the caller closes them).
 */
export function planSqlTables(
  source: { connection: ConnectionSettings; spec: TableSpec },
  target: { connection: ConnectionSettings; spec: Omit<TableSpec, 'key' | 'columns'> },
  targetName: (sourceName: string) => string,
  threads: number,
  track: (side: { close(): Promise<void> }) => void,
  planOptions: PlanOptions = {},
): Promise<PlannedTables> {
  const pools = openSidePools(source.connection, target.connection, Math.max(1, threads));
  track(pools.source);
  track(pools.target);
  return planTablePair({ pool: pools.source, spec: source.spec }, { pool: pools.target, spec: target.spec }, targetName, planOptions);
}

/**
 * Describes both sides (from their catalog entries, or by reading the catalog now) and plans every key
 * and column pair, checking that the key is unique on each side. `targetName` maps a source column
 * name to the target's (`-columnMap`); the target's key is the source's, mapped.
 */
export async function planTablePair(
  source: PlanInput,
  target: Omit<PlanInput, 'spec'> & { readonly spec: Omit<TableSpec, 'key' | 'columns'> },
  targetName: (sourceName: string) => string,
  planOptions: PlanOptions = {},
): Promise<PlannedTables> {
  const s: OpenedSide = { name: 'source', spec: source.spec, pool: source.pool, table: tableRef(source.spec) };
  const t: OpenedSide = { name: 'target', spec: { ...target.spec, key: source.spec.key.map(targetName) }, pool: target.pool, table: tableRef(target.spec) };
  const describe = async (side: OpenedSide, keyNames: readonly string[], catalog: CatalogTable | undefined) => {
    const dialect = side.pool.dialect;
    try {
      const described =
        catalog === undefined
          ? await side.pool.use((c) => describeTable(dialect, c, side.table, keyNames))
          : { description: describeCatalogTable(side.table, catalog, dialect.displayName, keyNames), catalog };
      side.description = described.description;
      side.catalog = described.catalog;
    } catch (error) {
      // The catalog names the table; say which side it is and point at that side's option.
      if (error instanceof ParityError && /^(table|column) /.test(error.message)) {
        throw new ParityError(error.code, `${side.name} ${error.message}`, { where: `-${side.name}`, cause: error });
      }
      throw error;
    }
  };
  await describe(s, source.spec.key, source.catalog);
  await describe(t, source.spec.key.map(targetName), target.catalog);

  const keyNames = source.spec.key;
  const compared = source.spec.columns ?? s.description!.columns.map((c) => c.name).filter((n) => !keyNames.includes(n));
  const skipped: Record<string, string> = {};
  const keys: Array<[PlannedColumn, PlannedColumn]> = keyNames.map((name) => {
    const a = columnOf(s, name, '-key');
    const b = columnOf(t, targetName(name), '-key');
    const pair = planPair({ dialect: s.pool.dialect, column: a }, { dialect: t.pool.dialect, column: b });
    if ('refused' in pair) throw new ParityError('INVALID_ARGUMENT', `incompatible key types for ${name}: ${pair.refused}`, { where: '-key' });
    if (!KEY_KINDS.includes(pair.plan.kind)) {
      throw new ParityError('UNSUPPORTED', `key column ${name} (${a.columnType}) is ${pair.plan.kind}; keys can be integer, uuid, char or text columns`, { where: '-key' });
    }
    // A key is never NULL in a compared row (checkKey).
    const plan = { ...pair.plan, neverNull: true };
    return [{ column: a, plan }, { column: b, plan }];
  });
  const columns: Array<[PlannedColumn, PlannedColumn]> = [];
  // Tolerances by the catalog's column names (`-tolerance` may spell them in another case).
  const tolerated = [...(planOptions.tolerances ?? [])].map(([name, tolerance]) => ({ name, tolerance, column: findColumn(s.description!.columns, name) }));
  const tolerances = new Map(tolerated.filter((t) => t.column !== undefined).map((t) => [t.column!.name, t.tolerance]));
  for (const name of compared) {
    const a = columnOf(s, name, '-columns');
    const b = columnOf(t, targetName(name), '-columnMap');
    const pair = planPair({ dialect: s.pool.dialect, column: a }, { dialect: t.pool.dialect, column: b }, planOptions);
    const refused =
      'refused' in pair
        ? pair.refused
        : [ownKind(s.pool.dialect, a, pair.plan), ownKind(t.pool.dialect, b, pair.plan)].map((k) => ('refused' in k ? k.refused : undefined)).find(Boolean);
    if (refused !== undefined || 'refused' in pair) skipped[name] = refused ?? 'no safe comparison';
    else {
      const plan = withTolerance(pair.plan, a.name, tolerances.get(a.name));
      columns.push([{ column: a, plan }, { column: b, plan }]);
    }
  }
  for (const { name, column } of tolerated) {
    if (column === undefined || !columns.some(([a]) => a.column.name === column.name)) {
      const why = column === undefined ? 'does not have' : `does not compare${skipped[column.name] ? ` (${skipped[column.name]})` : ''}`;
      throw new ParityError('INVALID_ARGUMENT', `-tolerance names column ${name}, which ${shown(s.table)} ${why}`, { where: '-tolerance' });
    }
  }
  const sourceKeys = keys.map(([a]) => a);
  const targetKeys = keys.map(([, b]) => b);
  await checkKey(s, sourceKeys, filterOf(s.pool.dialect, s.spec));
  await checkKey(t, targetKeys, filterOf(t.pool.dialect, t.spec));
  const [sourceHashing, targetHashing] = await Promise.all([hashingOf(s.pool), hashingOf(t.pool)]);
  const hashing = { source: sourceHashing, target: targetHashing };
  const rowHash = chooseRowHash(hashing.source.rowHashes, hashing.target.rowHashes);

  const describeSide = (side: OpenedSide, planned: readonly PlannedColumn[], cols: readonly PlannedColumn[]): SideDescription => ({
    table: shown(side.table),
    key: planned.map((k) => ({ name: k.column.name, kind: k.plan.kind === 'integer' ? 'integer' : 'text', type: k.column.columnType })),
    columns: cols.map((c) => ({ name: c.column.name, type: c.column.columnType })),
    ...(side.catalog!.estimatedRows !== undefined ? { estimatedRows: side.catalog!.estimatedRows } : {}),
    ...(side.pool.dialect.rangeUnion !== undefined && side.description!.keyUnique && side.table.query === undefined ? { rangeBucketsPerQuery: side.pool.dialect.rangeUnion } : {}),
  });
  const planned = (side: OpenedSide, keys: readonly PlannedColumn[], cols: readonly PlannedColumn[]): PlannedSide => {
    const where = filterOf(side.pool.dialect, side.spec);
    return {
      name: side.name,
      dialect: side.pool.dialect,
      table: side.table,
      keys,
      columns: cols,
      ...(where !== undefined ? { where } : {}),
      keyIndexed: side.description!.keyUnique,
      rowHash,
      textIsUtf8: hashing[side.name].textIsUtf8,
      description: describeSide(side, keys, cols),
      use: (fn) => side.pool.use(fn),
      connections: () => side.pool.size,
    };
  };
  return {
    source: planned(s, sourceKeys, columns.map(([a]) => a)),
    target: planned(t, targetKeys, columns.map(([, b]) => b)),
    skipped,
    catalog: { source: s.catalog!, target: t.catalog! },
  };
}

/** The TableSides of planned tables, for the bisection engine; closing one closes its connections. */
export function sqlTableSides(tables: PlannedTables): { source: TableSide; target: TableSide } {
  return { source: tableSide(tables.source), target: tableSide(tables.target) };
}

/** Plans both tables (`planSqlTables`) and returns their TableSides. */
export async function openSqlSides(...args: Parameters<typeof planSqlTables>): Promise<SqlSides> {
  const tables = await planSqlTables(...args);
  return { ...sqlTableSides(tables), sourceDescription: tables.source.description, skipped: tables.skipped };
}
