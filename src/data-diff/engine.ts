/**
 * The bisection: compare count and checksum of the whole key range on both sides; split a mismatching
 * range into `bisectionFactor` segments of near-equal row count (split points from the side with more
 * rows there), compare the segments' stats in parallel, and recurse only into mismatching segments.
 * A mismatching segment with at most `bisectionThreshold` rows on each side is downloaded from both
 * sides and merge-compared.
 *
 * Order and memory: segments are resolved in key order, so differences come out ordered by key
 * (samples are the first ones, the materialized file is sorted). Sibling segments that are small
 * enough to download are downloaded in parallel (up to `threads`), each buffering only its own
 * differences; so at most `threads` segments' rows are held at once, whatever the table size.
 */
import { compareKeys, splitRange } from './keys.js';
import { meteredSide, type Meter } from './metered-side.js';
import { compareRowStreams, type RowDifference, type SegmentComparison } from './row-compare.js';
import type { KeyKind, KeyRange, SegmentStats, TableSide } from './table-side.js';

export interface EngineOptions {
  readonly keyKinds: readonly KeyKind[];
  readonly keyNames: readonly string[];
  readonly bisectionFactor: number;
  readonly bisectionThreshold: number;
  /** Concurrent queries per side. */
  readonly threads: number;
  /** Stop downloading once this many rows (both sides together) were downloaded. */
  readonly maxRowsDownloaded: number;
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
  /** False when `maxRowsDownloaded` left mismatching segments uncompared. */
  readonly complete: boolean;
}

interface Segment {
  readonly range: KeyRange;
  readonly source: SegmentStats;
  readonly target: SegmentStats;
}

const same = (segment: Segment) => segment.source.count === segment.target.count && segment.source.checksum === segment.target.checksum;

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
  let reserved = 0;
  let complete = true;
  let segmentsChecked = 0;
  let differences = 0;
  const progress = () => options.onProgress?.({ segmentsChecked, rowsDownloaded: meter.rowsDownloaded, differences });

  const stats = async (range: KeyRange): Promise<Segment> => {
    const [s, t] = await Promise.all([source.stats(range), target.stats(range)]);
    segmentsChecked++;
    progress();
    return { range, source: s, target: t };
  };

  const small = (segment: Segment) => Math.max(segment.source.count, segment.target.count) <= options.bisectionThreshold;

  /** Downloads and compares a small segment; null when the download cap leaves it uncompared. */
  const download = async (segment: Segment): Promise<SegmentComparison | null> => {
    const rows = segment.source.count + segment.target.count;
    if (reserved + rows > options.maxRowsDownloaded) {
      complete = false;
      return null;
    }
    reserved += rows;
    const result = await compareRowStreams(source.rows(segment.range), target.rows(segment.range), options.keyKinds, options.keyNames);
    differences += result.differences.length;
    progress();
    return result;
  };

  const emit = (result: SegmentComparison | null) => {
    if (!result) return;
    sink.identical(result.identical);
    for (const difference of result.differences) sink.difference(difference);
  };

  const resolve = async (segment: Segment): Promise<void> => {
    if (same(segment)) {
      sink.identical(segment.source.count);
      return;
    }
    if (small(segment)) return emit(await download(segment));
    const [splitter, rowCount] = segment.source.count >= segment.target.count ? [source, segment.source.count] : [target, segment.target.count];
    const boundaries = await splitter.boundaries(segment.range, options.bisectionFactor, rowCount);
    // The split points must lie strictly inside the range, or the recursion would not progress.
    const inside = boundaries.filter(
      (k) => (segment.range.from === undefined || compareKeys(k, segment.range.from, options.keyKinds) > 0) && (segment.range.to === undefined || compareKeys(k, segment.range.to, options.keyKinds) < 0),
    );
    if (inside.length === 0) return emit(await download(segment));
    const children = await Promise.all(splitRange(segment.range, inside).map(stats));
    // Consecutive small children are downloaded in parallel; larger ones are bisected in turn.
    let batch: Segment[] = [];
    const flush = async () => {
      for (const result of await mapLimited(batch, options.threads, download)) emit(result);
      batch = [];
    };
    for (const child of children) {
      // Identical rows only add to a count, so their order does not matter.
      if (same(child)) sink.identical(child.source.count);
      else if (small(child)) batch.push(child);
      else {
        await flush();
        await resolve(child);
      }
    }
    await flush();
  };

  const whole = await stats({});
  await resolve(whole);
  return { sourceRows: whole.source.count, targetRows: whole.target.count, rowsDownloaded: meter.rowsDownloaded, queries: meter.queries, complete };
}
