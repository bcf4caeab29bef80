/**
 * The data diff queries, written once over a dialect's hooks, and small runners for them:
 *   checksumQuery    COUNT(*) and the exact SUM of row hashes (row-hash.ts) over a key range, per key bucket
 *   boundariesQuery  the keys splitting a range into N parts of (nearly) equal row counts
 *   rowsQuery        key + normalized values of a (small) range, in key order
 *   distinctRowsQuery  a keyless table's distinct rows of some buckets, each with its number of copies
 *   countQuery       the rows of a table
 * Every query filters by the same range condition (row-value comparison on the key order
 * expressions) and the side's raw `where`, so both sides see the same rows in the same order.
 * `setUpSession` runs a dialect's session statements on a connection it has just opened.
 */
import { ParityError } from '../../errors.js';
import { absoluteGridDigits, relativeGridDigits } from '../tolerance.js';
import { DEFAULT_FLOAT_DIGITS } from './column-plan.js';
import { isWhole } from '../grain.js';
import { rangeBucket } from '../row-hash.js';
import { WHOLE, isRangeGrain, type BucketFilter, type Grain, type RangeGrain } from '../table-side.js';
import type { BuiltQuery, ColumnPlan, DataConnection, DataDialect, KeyRange, PlannedColumn, SegmentSpec, TableRef } from './data-dialect.js';

/** What a query reads FROM: the table, or in query mode the user's SELECT as a derived table. */
export function fromClause(dialect: DataDialect, table: TableRef): string {
  return table.query === undefined ? dialect.qualifiedName(table) : `(${table.query}) parity_query`;
}

/** ` WHERE <condition>` for a side's raw filter, nothing when it has none. */
export function whereClause(where: string | undefined): string {
  return where !== undefined && where.trim() !== '' ? ` WHERE ${where}` : '';
}

/** The normalized expression of a planned column; a refused column here is a caller error. */
export function normalizedSql(dialect: DataDialect, planned: PlannedColumn): string {
  const normalized = dialect.normalize(planned.column, planned.plan);
  if ('refused' in normalized) {
    throw new ParityError('UNSUPPORTED', `column ${planned.column.name} cannot be compared: ${normalized.refused}`);
  }
  return normalized.sql;
}

/**
 * The expression a compared column is hashed by: its canonical text, or for a toleranced numeric
 * column the value rounded to the tolerance's grid (tolerance.ts: same hash implies within tolerance).
 */
export function hashSql(dialect: DataDialect, planned: PlannedColumn): string {
  const { plan, column } = planned;
  const tolerance = plan.tolerance;
  if (tolerance === undefined) return normalizedSql(dialect, planned);
  if (tolerance.kind === 'relative') return dialect.significant(column, relativeGridDigits(tolerance.percent));
  const digits = absoluteGridDigits(tolerance.amount);
  const grid: ColumnPlan =
    plan.kind === 'float' ? { kind: 'float', floatDigits: Math.min(digits, plan.floatDigits ?? DEFAULT_FLOAT_DIGITS) } : { kind: 'decimal', scale: Math.min(digits, plan.scale ?? digits) };
  return normalizedSql(dialect, { column, plan: grid });
}

/** Kinds whose text may hold anything: framed in the row text (length, then text). */
const FRAMED_KINDS: readonly ColumnPlan['kind'][] = ['text', 'char', 'json'];

/** A column's fields in the row text (row-hash.ts): plain (its text, `N` for NULL) or framed (its length, `-1` for NULL, then its text). */
function rowFields(dialect: DataDialect, planned: PlannedColumn): string[] {
  const { plan } = planned;
  const exact = plan.tolerance === undefined;
  const own = exact && plan.native === true ? dialect.nativeText?.(planned.column, plan) : undefined;
  const text = own ?? (exact ? dialect.hashText?.(planned.column, plan) : undefined) ?? hashSql(dialect, planned);
  const nullable = plan.neverNull !== true && plan.nullEqualsEmpty !== true;
  if (dialect.emptyStringIsNull === true) return [emptyIsNullField(dialect, planned, text, nullable)];
  const value = plan.nullEqualsEmpty === true ? `COALESCE(${text}, '')` : text;
  if (FRAMED_KINDS.includes(plan.kind)) {
    const length = dialect.charLength(value);
    return [nullable ? `COALESCE(${length}, -1)` : length, value];
  }
  return [nullable ? `COALESCE(${value}, 'N')` : value];
}

/**
 * A column's fields as one expression on a server where '' is NULL (`emptyStringIsNull`): NULL only
 * where it stands for the empty text. The stored column tells NULL from an empty text: a framed field
 * is `-1` when it IS NULL, else `<characters>|<text>` (an empty text counting 0); a plain field `N`
 * when it IS NULL, else its text.
 */
function emptyIsNullField(dialect: DataDialect, planned: PlannedColumn, text: string, nullable: boolean): string {
  const framed = FRAMED_KINDS.includes(planned.plan.kind);
  const value = framed ? dialect.concat([`COALESCE(${dialect.charLength(text)}, 0)`, "'|'", text]) : text;
  return nullable ? `CASE WHEN ${dialect.quoteIdent(planned.column.name)} IS NULL THEN '${framed ? '-1' : 'N'}' ELSE ${value} END` : value;
}

/** The text a row is hashed from (row-hash.ts `rowText`): key columns then compared columns, joined with `|`. */
export function rowText(dialect: DataDialect, spec: Pick<SegmentSpec, 'keys' | 'columns'>): string {
  const fields = [...spec.keys, ...spec.columns].flatMap((p) => rowFields(dialect, p));
  // Each field is one expression, NULL only for an empty text: `||` between `'|'`s keeps it as CONCAT_WS keeps ''.
  if (dialect.emptyStringIsNull === true) return dialect.concat(fields.flatMap((field, i) => (i === 0 ? [field] : ["'|'", field])));
  return dialect.concatFields(fields);
}

/** `a` modulo `m` with the sign of `a` (the dialect's `modulo`, default `MOD`). */
export function moduloSql(dialect: DataDialect, a: string, m: string | number): string {
  return dialect.modulo?.(a, String(m)) ?? `MOD(${a}, ${m})`;
}

/** The aggregate counting rows (the dialect's `countRows`, default `COUNT(*)`). */
export function countSql(dialect: DataDialect): string {
  return dialect.countRows ?? 'COUNT(*)';
}

/** What ends a SELECT to return at most `n` rows (the dialect's `limit`, default ` LIMIT n`). */
export function limitSql(dialect: DataDialect, n: number, ordered: boolean): string {
  return dialect.limit?.(n, ordered) ?? ` LIMIT ${n}`;
}

/**
 * `(k1, k2) >= (p1, p2)`, or `k >= p` for one key column. Without row-value comparison, written out
 * in key order: `k1 > p1 OR (k1 = p1 AND k2 >= p2)`; `param(i)` then gives a fresh placeholder for
 * each use of the i-th value.
 */
function tupleCompare(dialect: DataDialect, left: readonly string[], op: '>=' | '<', param: (i: number) => string): string {
  if (left.length === 1) return `${left[0]} ${op} ${param(0)}`;
  if (dialect.rowValueComparison !== false) return `(${left.join(', ')}) ${op} (${left.map((_, i) => param(i)).join(', ')})`;
  const strict = op === '>=' ? '>' : '<';
  const last = left.length - 1;
  const alternatives = left.map((_, i) => {
    const equal = left.slice(0, i).map((column, j) => `${column} = ${param(j)}`);
    return [...equal, `${left[i]} ${i === last ? op : strict} ${param(i)}`].join(' AND ');
  });
  return `(${alternatives.map((a) => `(${a})`).join(' OR ')})`;
}

/**
 * The bucket of the key (or of every compared column for a keyless table, no key columns) at a
 * grain (the contract in table-side.ts; row-hash.ts `grainBucket` is the reference). A modulus grain:
 * `MOD(key, m)` for a single integer key, else `MOD(first 28 bits of MD5(fields), m)`. A range grain:
 * floor((key - origin) / width), -1 below `origin` and `count` above `last`.
 */
export function bucketSql(dialect: DataDialect, spec: Pick<SegmentSpec, 'keys' | 'columns'>, grain: Grain): string {
  const { keys } = spec;
  if (isRangeGrain(grain)) {
    if (keys.length !== 1 || keys[0]!.plan.kind !== 'integer') throw new ParityError('INTERNAL_ERROR', 'a range grain needs a single integer key');
    const key = dialect.keyOrder(keys[0]!.column, keys[0]!.plan);
    // A negative origin in parentheses: `key - (-5)`, never `key - -5` (nor a `--` comment).
    const origin = grain.origin.startsWith('-') ? `(${grain.origin})` : grain.origin;
    return `CASE WHEN ${key} < ${grain.origin} THEN -1 WHEN ${key} > ${grain.last} THEN ${grain.count} ELSE ${dialect.rangeBucket(key, origin, String(grain.width))} END`;
  }
  const { modulus } = grain;
  if (!Number.isSafeInteger(modulus) || modulus < 1) throw new ParityError('INTERNAL_ERROR', `bucket modulus must be a positive integer, got ${modulus}`);
  if (keys.length === 1 && keys[0]!.plan.kind === 'integer') return moduloSql(dialect, dialect.keyOrder(keys[0]!.column, keys[0]!.plan), modulus);
  // A keyless table's rows are bucketed by all their values, as if they were the key.
  const fields = keys.length > 0 ? keys.map((k) => dialect.encodeField(normalizedSql(dialect, k), false)) : spec.columns.map((c) => dialect.encodeField(hashSql(dialect, c), c.plan.nullEqualsEmpty === true));
  const text = dialect.concat(fields);
  return moduloSql(dialect, dialect.keyHash(text), modulus);
}

/** A key interval, both ends inclusive; undefined: open. */
type Interval = readonly [bigint | undefined, bigint | undefined];

/** The keys of a bucket at a range grain: [origin + b * width, ... + width - 1], up to `last` for the last bucket; open below -1 and above `count`. */
function bucketInterval(grain: RangeGrain, bucket: number): Interval {
  const origin = BigInt(grain.origin);
  const last = BigInt(grain.last);
  if (bucket < 0) return [undefined, origin - 1n];
  if (bucket >= grain.count) return [last + 1n, undefined];
  const lo = origin + BigInt(bucket) * BigInt(grain.width);
  return [lo, bucket === grain.count - 1 ? last : lo + BigInt(grain.width) - 1n];
}

/** `key >= lo AND key <= hi` (literals), `1 = 1` for an interval open on both ends. */
function intervalSql(key: string, [lo, hi]: Interval): string {
  const parts = [...(lo !== undefined ? [`${key} >= ${lo}`] : []), ...(hi !== undefined ? [`${key} <= ${hi}`] : [])];
  return parts.length === 0 ? '1 = 1' : parts.join(' AND ');
}

/** The keys of some buckets at a range grain: runs of consecutive buckets as one interval each, ORed. */
function rangeFilterSql(key: string, grain: RangeGrain, members: readonly number[]): string {
  if (members.length === 0) return '1 = 0';
  const runs: [number, number][] = [];
  for (const b of members) {
    const run = runs[runs.length - 1];
    if (run !== undefined && b === run[1] + 1) run[1] = b;
    else runs.push([b, b]);
  }
  const intervals = runs.map(([a, b]) => intervalSql(key, [bucketInterval(grain, a)[0], bucketInterval(grain, b)[1]]));
  return intervals.length === 1 ? `(${intervals[0]})` : `(${intervals.map((i) => `(${i})`).join(' OR ')})`;
}

/** The single integer key's expression, for range grains. */
function integerKey(dialect: DataDialect, spec: Pick<SegmentSpec, 'keys'>): string {
  const key = spec.keys[0];
  if (spec.keys.length !== 1 || key === undefined || key.plan.kind !== 'integer') throw new ParityError('INTERNAL_ERROR', 'a range grain needs a single integer key');
  return dialect.keyOrder(key.column, key.plan);
}

/** The WHERE conditions (range, buckets and raw filter) with their parameters. */
export function rangeCondition(dialect: DataDialect, spec: Pick<SegmentSpec, 'keys' | 'columns' | 'range' | 'where' | 'buckets'>): BuiltQuery {
  const { keys, range, where, buckets } = spec;
  const order = keys.map((k) => dialect.keyOrder(k.column, k.plan));
  const params: string[] = [];
  const conditions: string[] = [];
  const bound = (values: readonly string[] | undefined, op: '>=' | '<') => {
    if (values === undefined) return;
    if (values.length !== keys.length) {
      throw new ParityError('INTERNAL_ERROR', `a key range bound has ${values.length} values for ${keys.length} key columns`);
    }
    const param = (i: number) => {
      params.push(values[i]!);
      return dialect.keyParam(keys[i]!.column, keys[i]!.plan, dialect.placeholder(params.length));
    };
    conditions.push(tupleCompare(dialect, order, op, param));
  };
  bound(range.from, '>=');
  bound(range.to, '<');
  if (buckets !== undefined) {
    if (!buckets.members.every(Number.isSafeInteger)) throw new ParityError('INTERNAL_ERROR', 'bucket numbers must be integers');
    if (isRangeGrain(buckets)) conditions.push(rangeFilterSql(integerKey(dialect, spec), buckets, buckets.members));
    else conditions.push(buckets.members.length === 0 ? '1 = 0' : `${bucketSql(dialect, spec, buckets)} IN (${buckets.members.join(', ')})`);
  }
  if (where !== undefined && where.trim() !== '') conditions.push(`(${where})`);
  return { sql: conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`, params };
}

function orderBy(dialect: DataDialect, keys: readonly PlannedColumn[]): string {
  return keys.map((k) => dialect.keyOrder(k.column, k.plan)).join(', ');
}

/**
 * One row per non-empty key bucket at `grain`: `b` (the bucket), `n` (the row count) and `checksum`
 * (the exact sum of row hashes), as decimal text. The WHOLE grain: one row for the whole slice
 * (bucket 0, `n` 0 when it is empty), without GROUP BY. At a range grain on a dialect with
 * `rangeUnion`, one ungrouped SELECT per bucket of the slice, joined by UNION ALL, when they are few
 * enough (`unionBuckets`).
 */
export function checksumQuery(dialect: DataDialect, spec: SegmentSpec, grain: Grain = WHOLE): BuiltQuery {
  const condition = rangeCondition(dialect, spec);
  const sums = dialect.countAndChecksum(spec.hash ?? 'md5', rowText(dialect, spec));
  const table = `${fromClause(dialect, spec.table)}${condition.sql}`;
  if (isWhole(grain)) return { sql: `SELECT 0 AS b, ${sums} FROM ${table}`, params: condition.params };
  const buckets = isRangeGrain(grain) ? unionBuckets(dialect, spec, grain) : undefined;
  if (buckets !== undefined && isRangeGrain(grain)) {
    const key = integerKey(dialect, spec);
    const shared = [...literalRange(key, spec.range), ...(spec.where !== undefined && spec.where.trim() !== '' ? [`(${spec.where})`] : [])];
    const from = fromClause(dialect, spec.table);
    const selects = buckets.map((b) => `SELECT ${b} AS b, ${sums} FROM ${from} WHERE ${[intervalSql(key, bucketInterval(grain, b)), ...shared].join(' AND ')}`);
    const sql = selects.length === 0 ? `SELECT 0 AS b, ${sums} FROM ${from} WHERE 1 = 0` : selects.join(' UNION ALL ');
    // Else GROUP BY: a statement must fit the server's max_allowed_packet (4 MiB by default on MySQL 5.7).
    if (sql.length <= MAX_UNION_STATEMENT) return { sql, params: [] };
  }
  // Grouped by the expression itself, not `GROUP BY 1`: SQL Server and Oracle have no ordinals there.
  const bucket = bucketSql(dialect, spec, grain);
  return { sql: `SELECT ${bucket} AS b, ${sums} FROM ${table} GROUP BY ${bucket}`, params: condition.params };
}

/** The longest statement of one SELECT per range bucket (characters, about bytes): wide rows get fewer buckets per statement, or GROUP BY. */
const MAX_UNION_STATEMENT = 2 * 1024 * 1024;

/** A single integer key's range bounds as literal conditions (they are decimal integers). */
function literalRange(key: string, range: KeyRange): string[] {
  return [...(range.from !== undefined ? [`${key} >= ${BigInt(range.from[0]!)}`] : []), ...(range.to !== undefined ? [`${key} < ${BigInt(range.to[0]!)}`] : [])];
}

/**
 * The buckets of the slice at a range grain, when the dialect counts them by UNION ALL
 * (`rangeUnion`), the key is indexed, and they are at most that many besides the two edge buckets:
 * those from the range's first key to its last. Else undefined; also for a slice already filtered by
 * buckets (a refinement: its finer buckets hold few rows each, where a SELECT per bucket costs more
 * than the GROUP BY over the filter's key ranges).
 */
function unionBuckets(dialect: DataDialect, spec: SegmentSpec, grain: RangeGrain): number[] | undefined {
  const limit = dialect.rangeUnion;
  if (limit === undefined || spec.keyIndexed !== true || spec.buckets !== undefined) return undefined;
  const from = spec.range.from?.[0];
  const to = spec.range.to?.[0];
  const first = from !== undefined ? rangeBucket(from, grain) : -1;
  const last = to !== undefined ? rangeBucket(String(BigInt(to) - 1n), grain) : grain.count;
  // The two edge buckets (below `origin`, above `last`) come on top of the limit.
  if (last - first + 1 > limit + 2) return undefined;
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/**
 * The keys (`k0`, `k1`, ...) starting parts 2..N when the `rowCount` rows of the range, in key order,
 * are cut into `parts` parts of equal size (± 1): row j (0-based) starts a part when
 * (j * parts) mod rowCount < parts. One ordered pass with ROW_NUMBER(); the count comes from the
 * checksum query so no window needs the whole range buffered. Fewer keys come back when the range
 * holds fewer rows than parts, or rows changed since it was counted.
 */
export function boundariesQuery(dialect: DataDialect, spec: SegmentSpec, parts: number, rowCount: number): BuiltQuery {
  for (const [name, value] of [['parts', parts], ['rowCount', rowCount]] as const) {
    if (!Number.isSafeInteger(value) || value < 1) throw new ParityError('INTERNAL_ERROR', `boundaries: ${name} must be a positive integer, got ${value}`);
  }
  const condition = rangeCondition(dialect, spec);
  const keys = spec.keys.map((k, i) => `${normalizedSql(dialect, k)} AS k${i}`).join(', ');
  const names = spec.keys.map((_, i) => `k${i}`).join(', ');
  const sql =
    `SELECT ${names} FROM (SELECT ${keys}, ROW_NUMBER() OVER (ORDER BY ${orderBy(dialect, spec.keys)}) AS rn` +
    ` FROM ${fromClause(dialect, spec.table)}${condition.sql}) numbered` +
    ` WHERE rn > 1 AND ${moduloSql(dialect, `(rn - 1) * ${parts}`, rowCount)} < ${parts} ORDER BY rn`;
  return { sql, params: condition.params };
}

/** A compared column's value as rows show it: its canonical text, NULL ('' when nullEqualsEmpty). */
export function valueSql(dialect: DataDialect, planned: PlannedColumn): string {
  const sql = normalizedSql(dialect, planned);
  return planned.plan.nullEqualsEmpty === true ? `COALESCE(${sql}, '')` : sql;
}

/** Key columns as `k0..`, compared columns as `v0..` (NULL, or '' when nullEqualsEmpty), in key order. */
export function rowsQuery(dialect: DataDialect, spec: SegmentSpec): BuiltQuery {
  const condition = rangeCondition(dialect, spec);
  const keys = spec.keys.map((k, i) => `${normalizedSql(dialect, k)} AS k${i}`);
  const values = spec.columns.map((c, i) => `${valueSql(dialect, c)} AS v${i}`);
  const sql = `SELECT ${[...keys, ...values].join(', ')} FROM ${fromClause(dialect, spec.table)}${condition.sql} ORDER BY ${orderBy(dialect, spec.keys)}`;
  return { sql, params: condition.params };
}

/**
 * A keyless table's rows of the spec's buckets, one per distinct row (`v0..`, grouped by their bytes,
 * whatever the columns' collations) with `n`, its number of copies. Toleranced columns are read as
 * their hash grid's value: without a key, rows match when their values fall in the same grid cell.
 */
export function distinctRowsQuery(dialect: DataDialect, spec: SegmentSpec): BuiltQuery {
  const condition = rangeCondition(dialect, spec);
  const value = (c: PlannedColumn) => (c.plan.tolerance === undefined ? valueSql(dialect, c) : hashSql(dialect, c));
  const texts = spec.columns.map((c) => dialect.byteText(value(c)));
  const values = texts.map((text, i) => `${text} AS v${i}`);
  const groups = texts.join(', ');
  const sql = `SELECT ${[...values, `${countSql(dialect)} AS n`].join(', ')} FROM ${fromClause(dialect, spec.table)}${condition.sql}${groups === '' ? '' : ` GROUP BY ${groups}`}`;
  return { sql, params: condition.params };
}

/** A single integer key's smallest (`lo`) and largest (`hi`) value, with the side's raw filter (an index reads both ends). */
export function keySpanQuery(dialect: DataDialect, spec: Pick<SegmentSpec, 'table' | 'keys' | 'where'>): string {
  const key = integerKey(dialect, spec);
  return `SELECT MIN(${key}) AS lo, MAX(${key}) AS hi FROM ${fromClause(dialect, spec.table)}${whereClause(spec.where)}`;
}

/**
 * Most runs of consecutive range buckets in one statement's filter: the servers read the key ranges
 * through the index but test each row against every range of the OR (measured on 3M rows, 0.05% of
 * them per range: 32 ranges 12 ms; 1,000 ranges 1.1 s on PostgreSQL, 3.8 s on MariaDB).
 */
const MAX_FILTER_RUNS = 32;

/** A range-grain bucket filter cut into filters of at most MAX_FILTER_RUNS runs each, in key order; any other filter as is. */
export function filterChunks(filter: BucketFilter): BucketFilter[] {
  if (!isRangeGrain(filter)) return [filter];
  const chunks: number[][] = [];
  let runs = MAX_FILTER_RUNS;
  filter.members.forEach((b, i) => {
    const startsRun = i === 0 || b !== filter.members[i - 1]! + 1;
    if (startsRun && runs === MAX_FILTER_RUNS) {
      chunks.push([]);
      runs = 0;
    }
    if (startsRun) runs++;
    chunks[chunks.length - 1]!.push(b);
  });
  return chunks.length === 0 ? [filter] : chunks.map((members) => ({ ...filter, members }));
}

/** Fewest range buckets per statement when a pass read one SELECT per bucket is spread over connections. */
const MIN_UNION_BUCKETS_PER_PART = 64;
/** Most range buckets per statement (a few hundred bytes of SQL each: under MAX_UNION_STATEMENT for ordinary rows). */
const MAX_UNION_BUCKETS_PER_PART = 2048;

/**
 * The slice's key range cut at bucket starts into ranges of about as many buckets each, when the dialect
 * reads its range buckets one SELECT each (`unionBuckets`): `connections` of them (at least 64 buckets
 * each), or more to keep each under 2,048 buckets. Run on the side's connections at once, a server that
 * runs each statement on one core (MariaDB) reads several key ranges at the same time. Otherwise the
 * range itself.
 */
export function unionRanges(dialect: DataDialect, spec: SegmentSpec, grain: Grain, connections: number): KeyRange[] {
  const buckets = isRangeGrain(grain) ? unionBuckets(dialect, spec, grain) : undefined;
  const count = buckets?.length ?? 0;
  const n = Math.max(Math.min(connections, Math.floor(count / MIN_UNION_BUCKETS_PER_PART)), Math.ceil(count / MAX_UNION_BUCKETS_PER_PART));
  if (buckets === undefined || n < 2 || !isRangeGrain(grain)) return [spec.range];
  const first = Math.max(0, buckets[0]!);
  const span = Math.min(grain.count - 1, buckets[buckets.length - 1]!) - first + 1;
  const cuts = new Set<bigint>();
  for (let i = 1; i < n; i++) cuts.add(BigInt(grain.origin) + BigInt(first + Math.round((i * span) / n)) * BigInt(grain.width));
  const from = spec.range.from !== undefined ? BigInt(spec.range.from[0]!) : undefined;
  const to = spec.range.to !== undefined ? BigInt(spec.range.to[0]!) : undefined;
  const inside = [...cuts].filter((c) => (from === undefined || c > from) && (to === undefined || c < to)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const bounds = [spec.range.from, ...inside.map((c) => [String(c)]), spec.range.to];
  return bounds.slice(1).map((end, i) => ({ ...(bounds[i] !== undefined ? { from: bounds[i]! } : {}), ...(end !== undefined ? { to: end } : {}) }));
}

/** The number of rows of a table (`n`), with a side's raw filter if it has one: a table on one side only, a sampled side's whole table. */
export function countQuery(dialect: DataDialect, table: SegmentSpec['table'], where?: string): string {
  return `SELECT ${countSql(dialect)} AS n FROM ${fromClause(dialect, table)}${whereClause(where)}`;
}

/**
 * A compared value read back (`v0..`): its cell's text, and '' for NULL under `nullEqualsEmpty`, which
 * `valueSql` asks for but a server storing '' as NULL (Oracle) returns as NULL.
 */
export function valueText(planned: PlannedColumn, cell: unknown): string | null {
  const text = cellText(cell);
  return text === null && planned.plan.nullEqualsEmpty === true ? '' : text;
}

/** A result cell as text: NULL as null, bytes (MySQL binary) read as UTF-8. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return String(value);
}

export interface SegmentChecksum {
  readonly count: string;
  readonly checksum: string;
}

/**
 * The rows of a driver's row stream (a DataConnection's `stream`): a driver failure is thrown as
 * `mapError(error)`, and `stop` runs when the rows were not read to the end (the caller stopped early,
 * or reading failed), to deal with the rest of the result.
 */
export async function* streamedRows(rows: AsyncIterable<unknown>, mapError: (error: unknown) => unknown, stop: () => void): AsyncGenerator<Record<string, unknown>> {
  let finished = false;
  try {
    for await (const row of rows) yield row as Record<string, unknown>;
    finished = true;
  } catch (error) {
    throw mapError(error);
  } finally {
    if (!finished) stop();
  }
}

/** Runs a dialect's session setup on a new connection; closes it and rethrows when a statement fails. */
export async function setUpSession(connection: DataConnection, statements: readonly string[]): Promise<DataConnection> {
  try {
    for (const statement of statements) await connection.query(statement);
  } catch (error) {
    await connection.close();
    throw error;
  }
  return connection;
}

/** Count and checksum of the whole slice. */
export async function readChecksum(connection: DataConnection, dialect: DataDialect, spec: SegmentSpec): Promise<SegmentChecksum> {
  return (await readChecksums(connection, dialect, spec)).get(0) ?? { count: '0', checksum: '0' };
}

/** Count and checksum per non-empty bucket (see checksumQuery). */
export async function readChecksums(connection: DataConnection, dialect: DataDialect, spec: SegmentSpec, grain: Grain = WHOLE): Promise<Map<number, SegmentChecksum>> {
  const query = checksumQuery(dialect, spec, grain);
  const buckets = new Map<number, SegmentChecksum>();
  const grouping = !isWhole(grain) ? dialect.grouping : undefined;
  if (grouping) await connection.query(grouping.before);
  let rows: Record<string, unknown>[];
  try {
    rows = await connection.query(query.sql, query.params);
  } finally {
    if (grouping) await connection.query(grouping.after);
  }
  for (const row of rows) {
    const count = cellText(row['n']) ?? '0';
    if (count !== '0') buckets.set(Number(cellText(row['b'])), { count, checksum: cellText(row['checksum']) ?? '0' });
  }
  return buckets;
}

export async function readBoundaries(
  connection: DataConnection,
  dialect: DataDialect,
  spec: SegmentSpec,
  parts: number,
  rowCount: number,
): Promise<string[][]> {
  const query = boundariesQuery(dialect, spec, parts, rowCount);
  const rows = await connection.query(query.sql, query.params);
  return rows.map((row) => spec.keys.map((_, i) => cellText(row[`k${i}`]) ?? ''));
}

export interface NormalizedRow {
  readonly key: readonly string[];
  readonly values: readonly (string | null)[];
}

export async function readRows(connection: DataConnection, dialect: DataDialect, spec: SegmentSpec): Promise<NormalizedRow[]> {
  const query = rowsQuery(dialect, spec);
  const rows = await connection.query(query.sql, query.params);
  return rows.map((row) => ({
    key: spec.keys.map((_, i) => cellText(row[`k${i}`]) ?? ''),
    values: spec.columns.map((c, i) => valueText(c, row[`v${i}`])),
  }));
}
