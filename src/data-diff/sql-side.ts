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
import type { DataConnection, DataDialect, PlannedColumn, TableDescription, TableRef } from './sql/data-dialect.js';
import { dataDialectFor } from './sql/data-dialects.js';
import { KEY_KINDS, ownKind, planPair, type PlanOptions } from './sql/column-plan.js';
import { normalizedSql, readBoundaries, readChecksums, readRows } from './sql/data-sql.js';
import type { BucketStats, Key, SegmentStats, SideDescription, SideRow, Slice, TableSide, TableSpec } from './table-side.js';

/** A small pool: `size` connections, each used by one query at a time. */
class ConnectionPool {
  readonly #idle: DataConnection[] = [];
  readonly #waiting: Array<(c: DataConnection) => void> = [];
  readonly #all: Promise<DataConnection>[] = [];

  constructor(
    readonly dialect: DataDialect,
    readonly settings: ConnectionSettings,
    readonly size: number,
  ) {}

  async #acquire(): Promise<DataConnection> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#all.length < this.size) {
      const opening = this.dialect.connect(this.settings);
      this.#all.push(opening);
      return opening;
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(connection: DataConnection): void {
    const next = this.#waiting.shift();
    if (next) next(connection);
    else this.#idle.push(connection);
  }

  async use<T>(fn: (c: DataConnection) => Promise<T>): Promise<T> {
    const connection = await this.#acquire();
    try {
      return await fn(connection);
    } finally {
      this.#release(connection);
    }
  }

  async close(): Promise<void> {
    const opened = await Promise.allSettled(this.#all);
    this.#all.length = 0;
    await Promise.allSettled(opened.map((o) => (o.status === 'fulfilled' ? o.value.close() : undefined)));
  }
}

interface OpenedSide {
  readonly name: 'source' | 'target';
  readonly spec: TableSpec;
  readonly pool: ConnectionPool;
  readonly table: TableRef;
  description?: TableDescription;
  estimatedRows?: number | undefined;
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
  readonly description: SideDescription;
  /** Runs `fn` on one of the side's connections (at most `threads` are open). */
  use<T>(fn: (c: DataConnection) => Promise<T>): Promise<T>;
  /** Closes the side's connections. */
  close(): Promise<void>;
}

/** Both sides described and planned pair by pair; the pools are closed through `track`. */
export interface PlannedTables {
  readonly source: PlannedSide;
  readonly target: PlannedSide;
  /** Compared columns (source names) left out, with the reason. */
  readonly skipped: Readonly<Record<string, string>>;
}

export interface SqlSides {
  readonly source: TableSide;
  readonly target: TableSide;
  readonly sourceDescription: SideDescription;
  /** Compared columns (source names) left out, with the reason. */
  readonly skipped: Readonly<Record<string, string>>;
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

function shown(table: TableRef): string {
  return table.schema === '' ? table.name : `${table.schema}.${table.name}`;
}

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
  const dialect = side.pool.dialect;
  const nullable = keys.filter((k) => k.column.nullable).map((k) => dialect.quoteIdent(k.column.name));
  const table = dialect.qualifiedName(side.table);
  const keyTexts = (aggregate: boolean) => keys.map((k, i) => `${aggregate ? `MIN(${normalizedSql(dialect, k)})` : normalizedSql(dialect, k)} AS k${i}`).join(', ');
  let sql: string;
  if (side.description!.keyUnique) {
    if (nullable.length === 0) return;
    sql = `SELECT ${keyTexts(false)} FROM ${table} WHERE (${nullable.map((c) => `${c} IS NULL`).join(' OR ')})${where ? ` AND (${where})` : ''}`;
  } else {
    const order = keys.map((k) => dialect.keyOrder(k.column, k.plan));
    const nullGroup = nullable.map((c) => ` OR COUNT(${c}) < COUNT(*)`).join('');
    sql = `SELECT ${keyTexts(true)} FROM ${table}${where ? ` WHERE ${where}` : ''} GROUP BY ${order.join(', ')} HAVING COUNT(*) > 1${nullGroup}`;
  }
  const [found] = await side.pool.use((c) => c.query(`${sql} LIMIT 1`));
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

function tableSide(side: PlannedSide): TableSide {
  const { dialect, keys, columns, where } = side;
  const segment = (slice: Slice) => ({ table: side.table, keys, columns, range: slice.range, ...(slice.buckets ? { buckets: slice.buckets } : {}), ...(where !== undefined ? { where } : {}) });
  let closed = false;
  return {
    describe: async () => side.description,
    async boundaries(slice: Slice, parts: number, rowCount: number): Promise<Key[]> {
      if (rowCount < 2 || parts < 2) return [];
      return side.use((c) => readBoundaries(c, dialect, segment(slice), parts, rowCount));
    },
    async stats(slice: Slice, modulus: number): Promise<BucketStats> {
      const buckets = await side.use((c) => readChecksums(c, dialect, segment(slice), modulus));
      const stats = new Map<number, SegmentStats>();
      for (const [bucket, { count, checksum }] of buckets) stats.set(bucket, { count: Number(count), checksum });
      return stats;
    },
    async *rows(slice: Slice): AsyncIterable<SideRow> {
      const rows = await side.use((c) => readRows(c, dialect, segment(slice)));
      yield* rows;
    },
    async close() {
      if (closed) return;
      closed = true;
      await side.close();
    },
  };
}

function tableRef(spec: TableSpec): TableRef {
  return { schema: spec.schema ?? '', name: spec.table };
}

/**
 * Opens and describes both sides and plans every key and column pair (checking that the key is
 * unique and never NULL on each side). `targetName` maps a source column name to the target's (`-columnMap`).
 * Each side's pool opens up to `threads` connections as they are used; `track` receives the pools.
 */
export async function planSqlTables(
  source: { connection: ConnectionSettings; spec: TableSpec },
  target: { connection: ConnectionSettings; spec: Omit<TableSpec, 'key' | 'columns'> },
  targetName: (sourceName: string) => string,
  threads: number,
  track: (side: { close(): Promise<void> }) => void,
  planOptions: PlanOptions = {},
): Promise<PlannedTables> {
  const open = (name: 'source' | 'target', connection: ConnectionSettings, spec: TableSpec): OpenedSide => {
    const pool = new ConnectionPool(dataDialectFor(connection.dialect), connection, Math.max(1, threads));
    track(pool);
    return { name, spec, pool, table: tableRef(spec) };
  };
  const s = open('source', source.connection, source.spec);
  const t = open('target', target.connection, { ...target.spec, key: source.spec.key.map(targetName) });
  const describe = async (side: OpenedSide, keyNames: readonly string[]) => {
    side.description = await side.pool.use((c) => side.pool.dialect.describeTable(c, side.table, keyNames)).catch((error: unknown) => {
      // The data layer names the table; say which side it is and point at that side's option.
      if (error instanceof ParityError && /^(table|column) /.test(error.message)) {
        throw new ParityError(error.code, `${side.name} ${error.message}`, { where: `-${side.name}`, cause: error });
      }
      throw error;
    });
    side.estimatedRows = await side.pool.use((c) => side.pool.dialect.estimateRows(c, side.table));
  };
  await describe(s, source.spec.key);
  await describe(t, source.spec.key.map(targetName));

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
    return [{ column: a, plan: pair.plan }, { column: b, plan: pair.plan }];
  });
  const columns: Array<[PlannedColumn, PlannedColumn]> = [];
  for (const name of compared) {
    const a = columnOf(s, name, '-columns');
    const b = columnOf(t, targetName(name), '-columnMap');
    const pair = planPair({ dialect: s.pool.dialect, column: a }, { dialect: t.pool.dialect, column: b }, planOptions);
    const refused =
      'refused' in pair
        ? pair.refused
        : [ownKind(s.pool.dialect, a, pair.plan), ownKind(t.pool.dialect, b, pair.plan)].map((k) => ('refused' in k ? k.refused : undefined)).find(Boolean);
    if (refused !== undefined || 'refused' in pair) skipped[name] = refused ?? 'no safe comparison';
    else columns.push([{ column: a, plan: pair.plan }, { column: b, plan: pair.plan }]);
  }
  const sourceKeys = keys.map(([a]) => a);
  const targetKeys = keys.map(([, b]) => b);
  await checkKey(s, sourceKeys, filterOf(s.pool.dialect, s.spec));
  await checkKey(t, targetKeys, filterOf(t.pool.dialect, t.spec));

  const describeSide = (side: OpenedSide, planned: readonly PlannedColumn[], cols: readonly PlannedColumn[]): SideDescription => ({
    table: shown(side.table),
    key: planned.map((k) => ({ name: k.column.name, kind: k.plan.kind === 'integer' ? 'integer' : 'text', type: k.column.columnType })),
    columns: cols.map((c) => ({ name: c.column.name, type: c.column.columnType })),
    ...(side.estimatedRows !== undefined ? { estimatedRows: side.estimatedRows } : {}),
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
      description: describeSide(side, keys, cols),
      use: (fn) => side.pool.use(fn),
      close: () => side.pool.close(),
    };
  };
  return { source: planned(s, sourceKeys, columns.map(([a]) => a)), target: planned(t, targetKeys, columns.map(([, b]) => b)), skipped };
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
