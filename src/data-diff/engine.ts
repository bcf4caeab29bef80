/**
 * The comparison: locate the rows that differ with counts and checksums computed inside each
 * database, then download and merge-compare only small slices of rows.
 *
 * A node is a slice of the table (a key range, optionally only some key buckets; see table-side.ts)
 * with both sides' count and checksum per bucket at a grain (grain.ts). Its mismatching buckets are resolved by one of:
 *   - download: they hold at most `bisectionThreshold` rows: fetch them from both sides and compare;
 *   - refine:   few of the buckets mismatch and they hold several rows each (scattered differences):
 *               the same range, only the mismatching buckets, about `bisectionFactor` times finer
 *               buckets (one query per side; at a range grain it reads only those buckets' rows);
 *   - split:    most buckets mismatch (differences clustered in a key range, or dense): cut the range
 *               into `bisectionFactor` segments of near-equal ROW COUNT (split points from the side
 *               with more rows there) and resolve each segment, in key order.
 * The first node is the whole table with about one bucket per 16 rows (from the catalog's row
 * estimate, at most 65,535 buckets, fewer when a side counts range buckets without GROUP BY): identical
 * tables cost one checksum query per side, and a few scattered differences are found after one more
 * pass over the rows of their buckets (through the key's index at a range grain).
 *
 * Order and memory: a range is always resolved as a whole before the next one, and each download
 * covers a whole range's mismatching buckets in one query ordered by key, so differences come out
 * ordered by key (samples are the first ones, the materialized file is sorted). Sibling segments
 * small enough to download are downloaded in parallel (up to `threads`), each buffering only its own
 * differences; so at most `threads` downloads of at most `bisectionThreshold` rows per side are held
 * at once, and at most one bucket map per side and level, whatever the table size. A node's full
 * bucket maps live only until it is assessed: what resolution keeps is its mismatching buckets'
 * stats (measured on the whole-database benchmark, 100 tables and 10M rows, 4 tables at once: peak
 * RSS 180-234 MB instead of 295-319 MB, as the garbage V8 lets pile up scales with what stays live).
 */
import type { DownloadBudget } from './download-budget.js';
import { compareKeys, splitRange } from './keys.js';
import { meteredSide, type Meter } from './metered-side.js';
import { bucketCuts, finerGrain, firstGrain, isWhole, membersWithin, type KeySpan } from './grain.js';
import { compareRowStreams, type RowDifference, type SegmentComparison } from './row-compare.js';
import { isRangeGrain, type BucketStats, type Grain, type Key, type KeyKind, type SegmentStats, type Slice, type TableSide } from './table-side.js';
import type { Tolerance } from './tolerance.js';

export interface EngineOptions {
  readonly keyKinds: readonly KeyKind[];
  readonly keyNames: readonly string[];
  readonly bisectionFactor: number;
  readonly bisectionThreshold: number;
  /** Concurrent queries per side. */
  readonly threads: number;
  /** Rows (both sides together) the run may still download (`-maxRowsDownloaded`, shared by a run's tables). */
  readonly budget: DownloadBudget;
  /** Per compared column, its tolerance (`-tolerance`), applied when rows are compared. */
  readonly tolerances?: readonly (Tolerance | undefined)[];
  readonly onProgress?: (progress: EngineProgress) => void;
}

export interface EngineProgress {
  readonly segmentsChecked: number;
  readonly rowsDownloaded: number;
  readonly differences: number;
}

/** Receives results in key order. */
export interface EngineSink {
  identical(count: number): void;
  difference(difference: RowDifference): void;
}

export interface EngineResult {
  readonly sourceRows: number;
  readonly targetRows: number;
  readonly rowsDownloaded: number;
  readonly queries: number;
  /** False when the download budget left mismatching segments uncompared. */
  readonly complete: boolean;
}

interface Node {
  readonly slice: Slice;
  readonly grain: Grain;
  readonly source: BucketStats;
  readonly target: BucketStats;
}

/**
 * A node's buckets compared. It keeps only the mismatching buckets' stats, which is all the rest of
 * the resolution reads: the node itself (up to 65,535 buckets per side in a first pass) is let go.
 */
interface Assessment {
  readonly grain: Grain;
  /** Rows in matching buckets. */
  readonly identical: number;
  /** The node's slice narrowed to its mismatching buckets (the whole slice at the WHOLE grain). */
  readonly mismatched: Slice;
  readonly mismatchedBuckets: number;
  readonly buckets: number;
  readonly sourceRows: number;
  readonly targetRows: number;
  /** Each side's stats of the mismatching buckets only. */
  readonly source: BucketStats;
  readonly target: BucketStats;
}

function assess(node: Node): Assessment {
  const members: number[] = [];
  const source = new Map<number, SegmentStats>();
  const target = new Map<number, SegmentStats>();
  let identical = 0;
  let sourceRows = 0;
  let targetRows = 0;
  let buckets = 0;
  const compare = (bucket: number, s: SegmentStats | undefined, t: SegmentStats | undefined) => {
    buckets++;
    if (s !== undefined && t !== undefined && s.count === t.count && s.checksum === t.checksum) {
      identical += s.count;
      return;
    }
    members.push(bucket);
    if (s !== undefined) source.set(bucket, s);
    if (t !== undefined) target.set(bucket, t);
    sourceRows += s?.count ?? 0;
    targetRows += t?.count ?? 0;
  };
  for (const [bucket, s] of node.source) compare(bucket, s, node.target.get(bucket));
  for (const [bucket, t] of node.target) if (!node.source.has(bucket)) compare(bucket, undefined, t);
  members.sort((a, b) => a - b);
  const mismatched: Slice = isWhole(node.grain) ? node.slice : { range: node.slice.range, buckets: { ...node.grain, members } };
  return { grain: node.grain, identical, mismatched, mismatchedBuckets: members.length, buckets, sourceRows, targetRows, source, target };
}

/** Maps in parallel (at most `limit` at once) and returns results in input order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export async function diffTables(sourceSide: TableSide, targetSide: TableSide, options: EngineOptions, sink: EngineSink): Promise<EngineResult> {
  const meter: Meter = { queries: 0, rowsDownloaded: 0 };
  const source = meteredSide(sourceSide, options.threads, meter);
  const target = meteredSide(targetSide, options.threads, meter);
  const factor = options.bisectionFactor;
  let complete = true;
  let segmentsChecked = 0;
  let differences = 0;
  const progress = () => options.onProgress?.({ segmentsChecked, rowsDownloaded: meter.rowsDownloaded, differences });

  const stats = async (slice: Slice, grain: Grain): Promise<Node> => {
    const [s, t] = await Promise.all([source.stats(slice, grain), target.stats(slice, grain)]);
    segmentsChecked++;
    progress();
    return { slice, grain, source: s, target: t };
  };

  /**
   * Few buckets mismatch, each holding several rows: finer buckets will leave most of those rows out.
   * (When most buckets mismatch, the differences are clustered or dense: splitting the range helps more.)
   */
  const scattered = (a: Assessment) => a.mismatchedBuckets * 2 <= a.buckets && Math.max(a.sourceRows, a.targetRows) > 2 * a.mismatchedBuckets;

  const small = (a: Assessment) => Math.max(a.sourceRows, a.targetRows) <= options.bisectionThreshold;

  /** Downloads and compares a node's mismatching rows; null when the download cap leaves them uncompared. */
  const download = async (a: Assessment): Promise<SegmentComparison | null> => {
    const rows = a.sourceRows + a.targetRows;
    if (!options.budget.reserve(rows)) {
      complete = false;
      return null;
    }
    const result = await compareRowStreams(source.rows(a.mismatched), target.rows(a.mismatched), options.keyKinds, options.keyNames, options.tolerances);
    differences += result.differences.length;
    progress();
    return result;
  };

  const emit = (result: SegmentComparison | null) => {
    if (!result) return;
    sink.identical(result.identical);
    for (const difference of result.differences) sink.difference(difference);
  };

  /**
   * Cuts the mismatching slice into segments of near-equal row count; null when it cannot be cut. At a
   * range grain the cuts are bucket starts chosen from the buckets' counts (no query), and each segment
   * keeps only the buckets inside it; otherwise the side with more rows numbers them (`boundaries`).
   */
  const split = async (a: Assessment): Promise<Node[] | null> => {
    const range = a.mismatched.range;
    const filter = a.mismatched.buckets;
    // The split points must lie strictly inside the range, or the recursion would not progress.
    const inside = (keys: readonly Key[]) =>
      keys.filter((k) => (range.from === undefined || compareKeys(k, range.from, options.keyKinds) > 0) && (range.to === undefined || compareKeys(k, range.to, options.keyKinds) < 0));
    let cuts: readonly Key[] = [];
    if (filter !== undefined && isRangeGrain(filter)) {
      const rows = (b: number) => Math.max(a.source.get(b)?.count ?? 0, a.target.get(b)?.count ?? 0);
      cuts = inside(bucketCuts(filter, filter.members, rows, factor));
    }
    if (cuts.length === 0) {
      const [splitter, rowCount] = a.sourceRows >= a.targetRows ? [source, a.sourceRows] : [target, a.targetRows];
      cuts = inside(await splitter.boundaries(a.mismatched, factor, rowCount));
    }
    if (cuts.length === 0) return null;
    const children = splitRange(range, cuts).map((r): Slice => {
      if (filter === undefined) return { range: r };
      return { range: r, buckets: isRangeGrain(filter) ? { ...filter, members: membersWithin(filter, filter.members, r) } : filter };
    });
    return Promise.all(children.map((child) => stats(child, a.grain)));
  };

  /** Resolves a node from its assessment (the node's own stats are no longer held). */
  const resolve = async (a: Assessment): Promise<void> => {
    // Identical rows only add to a count, so their order does not matter.
    sink.identical(a.identical);
    if (a.mismatchedBuckets === 0) return;
    if (small(a)) return emit(await download(a));
    if (isWhole(a.grain)) {
      // No buckets yet (a small estimate): look at this slice's buckets first.
      const rows = Math.max(a.sourceRows, a.targetRows);
      const grain = firstGrain(rows, await spanFor(rows), unionLimit);
      if (!isWhole(grain)) return resolve(assess(await stats(a.mismatched, grain)));
    } else if (scattered(a)) {
      const finer = finerGrain(a.grain, factor);
      if (finer !== null) return resolve(assess(await stats(a.mismatched, finer)));
    }
    const children = (await split(a))?.map(assess);
    if (children === undefined) return emit(await download(a));
    // Consecutive small children are downloaded in parallel; larger ones are resolved in turn.
    let batch: Assessment[] = [];
    const flush = async () => {
      for (const result of await mapLimited(batch, options.threads, download)) emit(result);
      batch = [];
    };
    for (const c of children) {
      if (c.mismatchedBuckets > 0 && small(c)) {
        sink.identical(c.identical);
        batch.push(c);
      } else {
        await flush();
        await resolve(c);
      }
    }
    await flush();
  };

  const [sourceDescription, targetDescription] = await Promise.all([sourceSide.describe(), targetSide.describe()]);
  const estimates = [sourceDescription.estimatedRows, targetDescription.estimatedRows].filter((n): n is number => n !== undefined && n >= 0);
  const limits = [sourceDescription.rangeBucketsPerQuery, targetDescription.rangeBucketsPerQuery].filter((n): n is number => n !== undefined);
  const unionLimit = limits.length === 0 ? undefined : Math.min(...limits);
  // A single integer key's ends, read once and only when buckets are wanted (not for a handful of rows).
  let span: Promise<KeySpan | undefined> | undefined;
  const spanFor = (rows: number | undefined): Promise<KeySpan | undefined> => {
    if (options.keyKinds.length !== 1 || options.keyKinds[0] !== 'integer' || isWhole(firstGrain(rows, undefined))) return Promise.resolve(undefined);
    return (span ??= keySpanOf(source, target));
  };
  const estimate = estimates.length === 0 ? undefined : Math.max(...estimates);
  const first = assess(await stats({ range: {} }, firstGrain(estimate, await spanFor(estimate), unionLimit)));
  await resolve(first);
  return { sourceRows: first.identical + first.sourceRows, targetRows: first.identical + first.targetRows, rowsDownloaded: meter.rowsDownloaded, queries: meter.queries, complete };
}

/** Both sides' key values together, smallest to largest; undefined unless both sides tell theirs (a side without rows tells nothing). */
async function keySpanOf(source: TableSide, target: TableSide): Promise<KeySpan | undefined> {
  if (source.keySpan === undefined || target.keySpan === undefined) return undefined;
  const spans = (await Promise.all([source.keySpan(), target.keySpan()])).filter((s): s is KeySpan => s !== undefined);
  if (spans.length === 0) return undefined;
  const min = spans.map((s) => BigInt(s.min)).reduce((a, b) => (a < b ? a : b));
  const max = spans.map((s) => BigInt(s.max)).reduce((a, b) => (a > b ? a : b));
  return { min: String(min), max: String(max) };
}
