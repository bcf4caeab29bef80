/**
 * The grains of the engine's passes (table-side.ts): the first one from the table's size and key
 * span, finer ones to refine the buckets that mismatch.
 *
 * A single integer key whose smallest and largest values both sides report gets a range grain: its
 * buckets are key ranges, so a later pass over some of them reads only their rows, through the key's
 * index. Any other key gets a modulus grain (a pass over some buckets reads the whole range).
 */
import { rangeBucket } from './row-hash.js';
import { MAX_MODULUS, WHOLE, isRangeGrain, type Grain, type Key, type KeyRange, type RangeGrain } from './table-side.js';

/** Rows per bucket aimed at by the first pass. */
const ROWS_PER_BUCKET = 16;
/**
 * Rows per bucket aimed at when a side reads range buckets one SELECT each (`rangeBucketsPerQuery`):
 * each SELECT costs what reading a few dozen rows costs (MariaDB: ~80 µs against ~2.3 µs per hashed
 * row), so fewer, larger buckets; a pass over mismatching buckets then reads their rows by index.
 */
const ROWS_PER_UNION_BUCKET = 512;
/** Buckets of the first pass at most: the size of each side's answer. */
const MAX_FIRST_BUCKETS = 65_535;
/** Range grains only for keys within ±2^62 spanning less than 2^53 values: every bucket number and bound is exact. */
const MAX_KEY = 2n ** 62n;
const MAX_SPAN = 2n ** 53n;

/** Buckets the first pass aims at for about `rows` rows; `unionLimit`: a side reads them one SELECT each, at most that many. */
function wantedBuckets(rows: number | undefined, unionLimit?: number): number {
  const [cap, perBucket] = unionLimit === undefined ? [MAX_FIRST_BUCKETS, ROWS_PER_BUCKET] : [Math.min(MAX_FIRST_BUCKETS, unionLimit), ROWS_PER_UNION_BUCKET];
  return rows === undefined ? cap : Math.min(cap, Math.ceil(rows / perBucket));
}

/** The first pass's modulus for about `rows` rows: odd, so keys with an even stride fill every bucket. */
export function firstModulus(rows: number | undefined): number {
  const wanted = wantedBuckets(rows);
  if (wanted <= 1) return 1;
  return wanted % 2 === 0 ? wanted + 1 : wanted;
}

export interface KeySpan {
  readonly min: string;
  readonly max: string;
}

/** 2^k for the largest k with 2^k dividing n (n > 0). */
const twos = (n: bigint): bigint => n & -n;

/**
 * A range grain of about `wanted` buckets over [min, max]; undefined outside the range grains' limits.
 * The width is within 1/16 of (span / wanted) and holds a large power of two, so that finer grains
 * (`finerGrain`) can divide it.
 */
export function rangeGrain(span: KeySpan, wanted: number): RangeGrain | undefined {
  const origin = BigInt(span.min);
  const last = BigInt(span.max);
  if (origin < -MAX_KEY || last > MAX_KEY || last < origin || last - origin >= MAX_SPAN) return undefined;
  const values = last - origin + 1n;
  const ideal = (values + BigInt(wanted) - 1n) / BigInt(Math.max(1, wanted));
  const shift = BigInt(Math.max(0, ideal.toString(2).length - 5));
  const width = ((ideal + (1n << shift) - 1n) >> shift) << shift;
  return withWidth(span.min, span.max, width);
}

function withWidth(origin: string, last: string, width: bigint): RangeGrain {
  return { origin, last, width: Number(width), count: Number((BigInt(last) - BigInt(origin)) / width) + 1 };
}

/**
 * The first pass's grain for about `rows` rows: a range grain when the key span is known (and within
 * limits), else a modulus grain; `WHOLE` for a handful of rows. `unionLimit`: a side counts range
 * buckets one SELECT each, at most that many (`SideDescription.rangeBucketsPerQuery`).
 */
export function firstGrain(rows: number | undefined, span: KeySpan | undefined, unionLimit?: number): Grain {
  const range = span !== undefined ? rangeGrain(span, wantedBuckets(rows, unionLimit)) : undefined;
  if (range !== undefined) return range.count <= 1 ? WHOLE : range;
  const modulus = firstModulus(rows);
  return modulus === 1 ? WHOLE : { modulus };
}

/**
 * About `factor` times finer buckets, each inside one bucket of `grain`: the modulus times the factor,
 * or the width divided by the largest power of two at most the factor that divides it; a width with
 * no factor of two left (below 32: `rangeGrain` widths are c·2^k with c < 32) becomes 1, one key per
 * bucket. Null when the grain cannot be refined.
 */
export function finerGrain<G extends Grain>(grain: G, factor: number): G | null;
export function finerGrain(grain: Grain, factor: number): Grain | null {
  if (isRangeGrain(grain)) {
    if (grain.width === 1) return null;
    const width = BigInt(grain.width);
    const divisor = BigInt(2 ** Math.floor(Math.log2(factor)));
    const usable = twos(width) < divisor ? twos(width) : divisor;
    return withWidth(grain.origin, grain.last, usable === 1n ? 1n : width / usable);
  }
  const modulus = grain.modulus * factor;
  return modulus <= MAX_MODULUS ? { modulus } : null;
}

/** The number of buckets of a grain (at a range grain, those of [origin, last]). */
export const grainBuckets = (grain: Grain): number => (isRangeGrain(grain) ? grain.count : grain.modulus);

/** True for the grain of a whole slice as one bucket. */
export const isWhole = (grain: Grain): boolean => !isRangeGrain(grain) && grain.modulus === 1;

/** The first key of a bucket of [origin, last] at a range grain. */
export function bucketStart(grain: RangeGrain, bucket: number): string {
  return String(BigInt(grain.origin) + BigInt(bucket) * BigInt(grain.width));
}

/** The first and last bucket (edge buckets -1 and `count` included) holding keys of the range [from, to) at a range grain. */
export function bucketSpan(grain: RangeGrain, range: KeyRange): readonly [number, number] {
  const first = range.from !== undefined ? rangeBucket(range.from[0]!, grain) : -1;
  const last = range.to !== undefined ? rangeBucket(String(BigInt(range.to[0]!) - 1n), grain) : grain.count;
  return [first, last];
}

/** The members (sorted) whose keys meet the range [from, to) at a range grain. */
export function membersWithin(grain: RangeGrain, members: readonly number[], range: KeyRange): number[] {
  const [first, last] = bucketSpan(grain, range);
  return members.filter((m) => m >= first && m <= last);
}

/**
 * Keys cutting the buckets `members` (sorted) of a range grain into about `parts` runs of near-equal
 * row count (`rows(bucket)`), each key the first of a bucket: the split points of a range's mismatching
 * buckets, read from the counts already known instead of numbering the rows again.
 */
export function bucketCuts(grain: RangeGrain, members: readonly number[], rows: (bucket: number) => number, parts: number): Key[] {
  const inner = members.filter((m) => m >= 0 && m < grain.count);
  const total = inner.reduce((sum, m) => sum + rows(m), 0);
  const cuts: Key[] = [];
  let seen = 0;
  for (const m of inner) {
    if (seen > 0 && seen * parts >= total * (cuts.length + 1)) cuts.push([bucketStart(grain, m)]);
    seen += rows(m);
  }
  return cuts;
}
