/**
 * Sampling for speed (`-samplingRatio=1%` or `-samplingMaxRows=N`): only some keys are compared, on
 * both sides, pushed down into the databases as one more condition. Two ways to choose them
 * (`-samplingMethod`): key blocks (sampling-blocks.ts, the default where the first key column is an
 * integer: the servers read only the sampled rows, through the key's index), or the key hash, here:
 * the rows whose key hash falls in the first part of the hash space. The key hash is the one of the bucket contract (row-hash.ts `keyBucket`'s MD5 of
 * the key's canonical fields, 28 bits), the same on every dialect for equal keys: both sides pick the
 * same keys, and a rerun picks them again. Tables with fewer rows than `-samplingThreshold` on both
 * sides, and tables without a key, are compared whole.
 *
 * The counts of a sampled run are exact for the sample; each is also estimated for the whole table:
 * the share of the sampled rows it holds (of the source's rows for rows only in the source, different
 * and identical rows; of the target's for rows only in the target) times the table's row count, with a
 * Wilson score interval at `-samplingConfidence` (default 95%), clamped to what is certain (never fewer
 * than were seen, never more than the rows not seen otherwise).
 */
import { ParityError } from '../errors.js';
import type { DataDiffReport } from './report.js';
import type { PlannedSide, PlannedTables } from './sql-side.js';
import { cellText, countQuery, normalizedSql } from './sql/data-sql.js';

/** The key hash's range: [0, 2^28). */
const HASH_SPACE = 2 ** 28;

export interface SamplingOptions {
  /** The share of keys compared (0 < ratio <= 1). */
  readonly ratio?: number;
  /** At most about this many rows compared per table (the ratio is chosen per table from its row count). */
  readonly maxRows?: number;
  /** Tables with fewer rows than this on both sides are never sampled. */
  readonly threshold: number;
  /** The confidence of the intervals, e.g. 0.95. */
  readonly confidence: number;
  /** How keys are chosen: key blocks where they apply (else the key hash), or always the key hash. Default blocks. */
  readonly method?: SamplingMethod;
}

/** `-samplingMethod`: `blocks` (key ranges read through the index, where the first key column is an integer) or `keyHash`. */
export type SamplingMethod = 'blocks' | 'keyHash';
export const SAMPLING_METHODS: readonly SamplingMethod[] = ['blocks', 'keyHash'];

/** How the interval of a sampled table was computed, per way of choosing the keys. */
const INTERVAL_METHODS = {
  keyHash: 'Wilson score interval on the sampled share, times the table rows',
  blocks: 'Wilson score interval on the share of the sampled key values at the effective sample size (design effect of the key blocks), times the key values of the span',
} as const;

/** The key blocks of a sampled table's report (sampling-blocks.ts). */
export interface BlocksReport {
  /** The first key column the blocks are ranges of. */
  readonly column: string;
  /** Keys per block. */
  readonly width: string;
  /** Blocks sampled, of the blocks tiling both sides' key span. */
  readonly sampled: number;
  readonly of: number;
  /** The sampled key ranges, [from, to), merged where blocks touch. */
  readonly ranges: ReadonlyArray<readonly [string, string]>;
}

export interface Estimate {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

/** What a sampled table pair reports beside its (sampled) summary. */
export interface SamplingReport {
  /** How the keys were chosen: key blocks (ranges of the first key column) or the key hash. */
  readonly selection: SamplingMethod;
  /** The share of the keys compared: of the key hash space (the threshold used, over 2^28), or of the key span (blocks). */
  readonly ratio: number;
  readonly confidence: number;
  readonly method: (typeof INTERVAL_METHODS)[SamplingMethod];
  /** The blocks, when the keys were chosen by blocks. */
  readonly blocks?: BlocksReport;
  /**
   * How `sourceRows` and `targetRows` are known: counted (`COUNT(*)`, a key-hash sample) or estimated
   * from the sampled blocks (`estimates.sourceRows`/`targetRows` give their intervals; a block sample
   * reads no more than its blocks).
   */
  readonly rows: 'counted' | 'estimated';
  /** Rows of the whole tables (with any -where): counted, or the estimates of `estimates.sourceRows`/`targetRows`. */
  readonly sourceRows: number;
  readonly targetRows: number;
  /** The same counts as `summary`, for the whole tables. */
  readonly estimates: {
    readonly onlyInSource: Estimate;
    readonly onlyInTarget: Estimate;
    readonly differentRows: Estimate;
    readonly identicalRows: Estimate;
    /** A block sample: the tables' rows. */
    readonly sourceRows?: Estimate;
    readonly targetRows?: Estimate;
  };
}

/** The hash threshold for a share of keys: keys whose hash is below it are compared. */
export function samplingThreshold(ratio: number): number {
  return Math.max(1, Math.min(HASH_SPACE, Math.round(ratio * HASH_SPACE)));
}

/**
 * The share of keys to compare for tables of these row counts, or undefined to compare them whole
 * (no sampling asked, a table below the threshold, or a share that would be everything).
 */
export function samplingRatio(options: SamplingOptions | undefined, sourceRows: number, targetRows: number): number | undefined {
  if (options === undefined) return undefined;
  const rows = Math.max(sourceRows, targetRows);
  if (rows < options.threshold) return undefined;
  const wanted = options.ratio ?? Math.min(1, options.maxRows! / Math.max(rows, 1));
  const threshold = samplingThreshold(wanted);
  return threshold >= HASH_SPACE ? undefined : threshold / HASH_SPACE;
}

/** The condition that keeps the sampled keys of one side: the key hash below the threshold. */
export function sampleCondition(side: PlannedSide, ratio: number): string {
  const { dialect, keys } = side;
  const text = dialect.concat(keys.map((k) => dialect.encodeField(normalizedSql(dialect, k), false)));
  return `${dialect.keyHash(text)} < ${samplingThreshold(ratio)}`;
}

/**
 * Both sides restricted to the sampled keys by `condition` (ANDed with their own filters); their row
 * estimates scaled by `ratio`, so the comparison's first pass has about as many buckets as sampled rows.
 */
export function sampledTables(tables: PlannedTables, ratio: number, condition: (side: PlannedSide) => string = (side) => sampleCondition(side, ratio)): PlannedTables {
  const restrict = (side: PlannedSide): PlannedSide => {
    const sampled = condition(side);
    const estimated = side.description.estimatedRows;
    return {
      ...side,
      where: side.where === undefined ? sampled : `(${side.where}) AND ${sampled}`,
      description: { ...side.description, ...(estimated !== undefined ? { estimatedRows: Math.ceil(estimated * ratio) } : {}) },
    };
  };
  return { ...tables, source: restrict(tables.source), target: restrict(tables.target) };
}

/** A side's rows (with its own filter, not sampled). */
export async function countRows(side: PlannedSide): Promise<number> {
  const [row] = await side.use((c) => c.query(countQuery(side.dialect, side.table, side.where)));
  return Number(cellText(row?.['n']) ?? 0);
}

/** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** The Wilson score interval of a proportion: `seen` of `trials`, at confidence `confidence`. */
export function wilsonInterval(seen: number, trials: number, confidence: number): { low: number; high: number } {
  if (trials === 0) return { low: 0, high: 1 };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const share = seen / trials;
  const z2 = z * z;
  const centre = (share + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z / (1 + z2 / trials)) * Math.sqrt((share * (1 - share)) / trials + z2 / (4 * trials * trials));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** One count of the sample estimated for the whole table: `seen` of the `sampled` rows of a side of `rows` rows. */
export function estimateCount(seen: number, sampled: number, rows: number, confidence: number): Estimate {
  if (sampled === 0) return { estimate: seen, low: seen, high: rows };
  const interval = wilsonInterval(seen, sampled, confidence);
  // Certain: the `seen` rows are there, and the side's rows outside the sample are all that can add to them.
  const most = seen + Math.max(0, rows - sampled);
  const clamp = (n: number) => Math.min(most, Math.max(seen, n));
  return { estimate: clamp(Math.round((seen / sampled) * rows)), low: clamp(Math.floor(interval.low * rows)), high: clamp(Math.ceil(interval.high * rows)) };
}

/** The estimates of a key-hash sample's report: shares of the sampled rows times the counted rows. */
export function samplingReport(summary: DataDiffReport['summary'], full: { sourceRows: number; targetRows: number }, ratio: number, confidence: number): SamplingReport {
  const fromSource = (seen: number) => estimateCount(seen, summary.sourceRows, full.sourceRows, confidence);
  return {
    selection: 'keyHash',
    ratio,
    confidence,
    method: INTERVAL_METHODS.keyHash,
    rows: 'counted',
    sourceRows: full.sourceRows,
    targetRows: full.targetRows,
    estimates: {
      onlyInSource: fromSource(summary.onlyInSource),
      onlyInTarget: estimateCount(summary.onlyInTarget, summary.targetRows, full.targetRows, confidence),
      differentRows: fromSource(summary.differentRows),
      identicalRows: fromSource(summary.identicalRows),
    },
  };
}

/** How the intervals of a block sample are computed (sampling-blocks.ts). */
export const BLOCKS_INTERVAL_METHOD = INTERVAL_METHODS.blocks;

/** `-samplingRatio=1%` / `0.01`: a share in (0, 1]. */
export function parseShare(text: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(text.trim());
  const value = match ? Number(match[1]) / (match[2] === '%' ? 100 : 1) : NaN;
  if (!(value > 0 && value <= 1)) {
    throw new ParityError('INVALID_ARGUMENT', `-${option} must be a share above 0 and at most 100%, such as 1% or 0.01, not "${text}"`, { where: `-${option}` });
  }
  return value;
}
