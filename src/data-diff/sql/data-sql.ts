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
import { WHOLE, isRangeGrain, type Grain } from '../table-side.js';
import type { BuiltQuery, ColumnPlan, DataConnection, DataDialect, PlannedColumn, SegmentSpec, TableRef } from './data-dialect.js';
import { integerKey, rangeBucketSql, rangeFilterSql, unionChecksumSql } from './range-grain-sql.js';

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
  if (isRangeGrain(grain)) return rangeBucketSql(dialect, integerKey(dialect, spec), grain);
  const { modulus } = grain;
  if (!Number.isSafeInteger(modulus) || modulus < 1) throw new ParityError('INTERNAL_ERROR', `bucket modulus must be a positive integer, got ${modulus}`);
  if (keys.length === 1 && keys[0]!.plan.kind === 'integer') return moduloSql(dialect, dialect.keyOrder(keys[0]!.column, keys[0]!.plan), modulus);
  // A keyless table's rows are bucketed by all their values, as if they were the key.
  const fields = keys.length > 0 ? keys.map((k) => dialect.encodeField(normalizedSql(dialect, k), false)) : spec.columns.map((c) => dialect.encodeField(hashSql(dialect, c), c.plan.nullEqualsEmpty === true));
  const text = dialect.concat(fields);
  return moduloSql(dialect, dialect.keyHash(text), modulus);
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
 * enough (`unionChecksumSql`).
 */
export function checksumQuery(dialect: DataDialect, spec: SegmentSpec, grain: Grain = WHOLE): BuiltQuery {
  const condition = rangeCondition(dialect, spec);
  const sums = dialect.countAndChecksum(spec.hash ?? 'md5', rowText(dialect, spec), spec.textIsUtf8 === true);
  const table = `${fromClause(dialect, spec.table)}${condition.sql}`;
  if (isWhole(grain)) return { sql: `SELECT 0 AS b, ${sums} FROM ${table}`, params: condition.params };
  const union = isRangeGrain(grain) ? unionChecksumSql(dialect, spec, grain, sums, fromClause(dialect, spec.table)) : undefined;
  if (union !== undefined) return { sql: union, params: [] };
  // Grouped by the expression itself, not `GROUP BY 1`: SQL Server and Oracle have no ordinals there.
  const bucket = bucketSql(dialect, spec, grain);
  return { sql: `SELECT ${bucket} AS b, ${sums} FROM ${table} GROUP BY ${bucket}`, params: condition.params };
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
  const buckets = new Map<number, SegmentChecksum>();
  await eachChecksum(connection, dialect, spec, grain, (bucket, count, checksum) => buckets.set(bucket, { count, checksum }));
  return buckets;
}

/**
 * Count and checksum per non-empty bucket, each handed to `add` as it is read: a caller gathering
 * several queries' buckets into one map builds no map per query (a first pass has up to 65,535).
 */
export async function eachChecksum(
  connection: DataConnection,
  dialect: DataDialect,
  spec: SegmentSpec,
  grain: Grain,
  add: (bucket: number, count: string, checksum: string) => void,
): Promise<void> {
  const query = checksumQuery(dialect, spec, grain);
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
    if (count !== '0') add(Number(cellText(row['b'])), count, cellText(row['checksum']) ?? '0');
  }
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
