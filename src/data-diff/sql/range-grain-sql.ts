/**
 * The SQL of range grains (table-side.ts; a single integer key in buckets of key ranges): a row's
 * bucket, a bucket filter as key intervals, one SELECT per bucket joined by UNION ALL for a dialect
 * whose GROUP BY costs more than reading the ranges (`rangeUnion`), and how such work is cut into
 * statements: a pass over many buckets into key ranges run on several connections (`unionRanges`), a
 * filter of many key ranges into a few dozen ranges per statement (`filterChunks`). Every key bound is
 * a decimal literal: the key is an integer.
 */
import { ParityError } from '../../errors.js';
import { bucketSpan, bucketStart } from '../grain.js';
import { isRangeGrain, type BucketFilter, type Grain, type RangeGrain } from '../table-side.js';
import type { DataDialect, KeyRange, SegmentSpec } from './data-dialect.js';

/** The single integer key's expression. */
export function integerKey(dialect: DataDialect, spec: Pick<SegmentSpec, 'keys'>): string {
  const key = spec.keys[0];
  if (spec.keys.length !== 1 || key === undefined || key.plan.kind !== 'integer') throw new ParityError('INTERNAL_ERROR', 'a range grain needs a single integer key');
  return dialect.keyOrder(key.column, key.plan);
}

/** floor((key - origin) / width), -1 below `origin` and `count` above `last` (row-hash.ts `rangeBucket`). */
export function rangeBucketSql(dialect: DataDialect, key: string, grain: RangeGrain): string {
  // A negative origin in parentheses: `key - (-5)`, never `key - -5` (nor a `--` comment).
  const origin = grain.origin.startsWith('-') ? `(${grain.origin})` : grain.origin;
  return `CASE WHEN ${key} < ${grain.origin} THEN -1 WHEN ${key} > ${grain.last} THEN ${grain.count} ELSE ${dialect.rangeBucket(key, origin, String(grain.width))} END`;
}

/** A key interval, both ends inclusive; undefined: open. */
type Interval = readonly [bigint | undefined, bigint | undefined];

/** The keys of a bucket at a range grain: [origin + b * width, ... + width - 1], up to `last` for the last bucket; open below -1 and above `count`. */
function bucketInterval(grain: RangeGrain, bucket: number): Interval {
  if (bucket < 0) return [undefined, BigInt(grain.origin) - 1n];
  if (bucket >= grain.count) return [BigInt(grain.last) + 1n, undefined];
  const lo = BigInt(bucketStart(grain, bucket));
  return [lo, bucket === grain.count - 1 ? BigInt(grain.last) : lo + BigInt(grain.width) - 1n];
}

/** `key >= lo AND key <= hi` (literals), `1 = 1` for an interval open on both ends. */
function intervalSql(key: string, [lo, hi]: Interval): string {
  const parts = [...(lo !== undefined ? [`${key} >= ${lo}`] : []), ...(hi !== undefined ? [`${key} <= ${hi}`] : [])];
  return parts.length === 0 ? '1 = 1' : parts.join(' AND ');
}

/** The keys of some buckets at a range grain: runs of consecutive buckets as one interval each, ORed. */
export function rangeFilterSql(key: string, grain: RangeGrain, members: readonly number[]): string {
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
  const [first, last] = bucketSpan(grain, spec.range);
  // The two edge buckets (below `origin`, above `last`) come on top of the limit.
  if (last - first + 1 > limit + 2) return undefined;
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/**
 * The slice's counts and checksums (`sums`, the dialect's select list) as one ungrouped SELECT per
 * bucket from `from`, joined by UNION ALL (see `unionBuckets`); undefined where the slice is read with
 * GROUP BY, or the statement would pass MAX_UNION_STATEMENT (a server's max_allowed_packet is 4 MiB by
 * default on MySQL 5.7).
 */
export function unionChecksumSql(dialect: DataDialect, spec: SegmentSpec, grain: RangeGrain, sums: string, from: string): string | undefined {
  const buckets = unionBuckets(dialect, spec, grain);
  if (buckets === undefined) return undefined;
  const key = integerKey(dialect, spec);
  const shared = [...literalRange(key, spec.range), ...(spec.where !== undefined && spec.where.trim() !== '' ? [`(${spec.where})`] : [])];
  const selects = buckets.map((b) => `SELECT ${b} AS b, ${sums} FROM ${from} WHERE ${[intervalSql(key, bucketInterval(grain, b)), ...shared].join(' AND ')}`);
  const sql = selects.length === 0 ? `SELECT 0 AS b, ${sums} FROM ${from} WHERE 1 = 0` : selects.join(' UNION ALL ');
  return sql.length <= MAX_UNION_STATEMENT ? sql : undefined;
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
  for (let i = 1; i < n; i++) cuts.add(BigInt(bucketStart(grain, first + Math.round((i * span) / n))));
  const from = spec.range.from !== undefined ? BigInt(spec.range.from[0]!) : undefined;
  const to = spec.range.to !== undefined ? BigInt(spec.range.to[0]!) : undefined;
  const inside = [...cuts].filter((c) => (from === undefined || c > from) && (to === undefined || c < to)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const bounds = [spec.range.from, ...inside.map((c) => [String(c)]), spec.range.to];
  return bounds.slice(1).map((end, i) => ({ ...(bounds[i] !== undefined ? { from: bounds[i]! } : {}), ...(end !== undefined ? { to: end } : {}) }));
}
