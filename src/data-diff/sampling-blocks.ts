/**
 * Block sampling (`-samplingMethod=blocks`, the default where it applies): the sample is a set of key
 * blocks, ranges of equal width of the first key column, chosen at random (a fixed seed: a rerun picks
 * them again) among the blocks that tile both sides' key span. The condition is a few hundred key
 * ranges, which the servers read through the key's index: a 1% sample reads about 1% of each table,
 * where the key-hash condition (sampling.ts) must compute the hash of every row's key.
 *
 * It applies when the first key column is an integer (its blocks are ranges of numbers) and the table
 * is a table (not a query). Both sides use the same blocks, from the lowest and highest key of either.
 *
 * The estimate is the ratio estimator of cluster sampling (a simple random sample of `m` of the `M`
 * blocks): the share of the sampled rows a count holds, times the table's rows. Rows of a block are
 * not independent draws (differences cluster in key ranges), so its interval is the Wilson interval
 * at the sample's effective size: the sampled rows divided by the design effect, the ratio's variance
 * between blocks over the variance a row sample of that size would have (Kish), never below 1. When
 * the sample holds no difference of a kind there is no variance to measure and the effect is taken as
 * 1: a cluster of differences between the sampled blocks cannot be seen by any sample that misses it
 * (README, *Sampling*).
 */
import { ParityError } from '../errors.js';
import type { RowDifference } from './row-compare.js';
import { BLOCKS_INTERVAL_METHOD, wilsonInterval, type Estimate, type SamplingReport } from './sampling.js';
import type { PlannedSide, PlannedTables } from './sql-side.js';
import { cellText, fromClause, moduloSql, whereClause } from './sql/data-sql.js';

/**
 * Blocks of a sample at most: the key ranges ORed in each query's condition. MariaDB checks every
 * sampled row against the whole list, so its cost grows with rows × ranges (measured on 3M rows, a 1%
 * sample: 500 ranges 1.2 s, 100 ranges 0.22 s, 50 ranges 0.08 s, the whole checksum 4.0 s); fewer,
 * wider blocks estimate less well when differences come in runs (the design effect shows it).
 */
export const MAX_BLOCKS = 100;

/** The blocks of a sample: `chosen` of the `total` blocks of `width` keys from `low`, as merged key ranges [from, to). */
export interface KeyBlocks {
  /** The first key column (source name). */
  readonly column: string;
  readonly low: bigint;
  readonly width: bigint;
  readonly total: number;
  /** Block numbers, ascending. */
  readonly chosen: readonly number[];
}

/** Whether block sampling applies to these tables: an integer first key column on both sides, tables (not queries). */
export function blocksApply(tables: PlannedTables): boolean {
  const sides = [tables.source, tables.target];
  return sides.every((side) => side.table.query === undefined && side.keys.length > 0 && side.keys[0]!.plan.kind === 'integer');
}

/** The lowest and highest first key of a side (with its own filter), through the key's index; undefined when it has no rows. */
async function keySpan(side: PlannedSide): Promise<{ low: bigint; high: bigint } | undefined> {
  const key = side.dialect.keyOrder(side.keys[0]!.column, side.keys[0]!.plan);
  const [row] = await side.use((c) => c.query(`SELECT MIN(${key}) AS lo, MAX(${key}) AS hi FROM ${fromClause(side.dialect, side.table)}${whereClause(side.where)}`));
  const [low, high] = [cellText(row?.['lo']), cellText(row?.['hi'])];
  return low === null || high === null ? undefined : { low: BigInt(low), high: BigInt(high) };
}

/** A small deterministic generator (mulberry32): the same blocks on every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct numbers of [0, total), ascending (Floyd's algorithm: a uniform random subset). */
function chooseBlocks(count: number, total: number): number[] {
  const random = generator(0x70a21e5);
  const chosen = new Set<number>();
  for (let j = total - count; j < total; j++) {
    const t = Math.floor(random() * (j + 1));
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen].sort((a, b) => a - b);
}

/**
 * The blocks for a share `ratio` of the keys of both sides, or undefined when the tables are empty, the
 * share would be every block, or the key span is too wide for exact arithmetic in the databases.
 */
export async function planBlocks(tables: PlannedTables, ratio: number): Promise<KeyBlocks | undefined> {
  const spans = (await Promise.all([keySpan(tables.source), keySpan(tables.target)])).filter((s) => s !== undefined);
  if (spans.length === 0) return undefined;
  const low = spans.map((s) => s.low).reduce((a, b) => (a < b ? a : b));
  const high = spans.map((s) => s.high).reduce((a, b) => (a > b ? a : b));
  const span = high - low + 1n;
  // Keys minus the lowest must stay within a signed 64-bit integer on every server.
  if (span > 2n ** 62n) return undefined;
  // Blocks as narrow as MAX_BLOCKS allows (narrow blocks estimate better), then as many as the share asks.
  const width = BigInt(Math.max(1, Math.ceil((ratio * Number(span)) / MAX_BLOCKS)));
  const total = Number((span + width - 1n) / width);
  const count = Math.min(MAX_BLOCKS, Math.max(1, Math.round(ratio * total)));
  if (count >= total) return undefined;
  return { column: tables.source.keys[0]!.column.name, low, width, total, chosen: chooseBlocks(count, total) };
}

/** The chosen blocks as merged key ranges [from, to), ascending. */
export function blockRanges(blocks: KeyBlocks): Array<[bigint, bigint]> {
  const ranges: Array<[bigint, bigint]> = [];
  for (const block of blocks.chosen) {
    const from = blocks.low + BigInt(block) * blocks.width;
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last[1] === from) last[1] = from + blocks.width;
    else ranges.push([from, from + blocks.width]);
  }
  return ranges;
}

/** The share of the key span the blocks cover. */
export function blocksShare(blocks: KeyBlocks): number {
  return blocks.chosen.length / blocks.total;
}

/** The condition that keeps the rows of the chosen blocks on one side. */
export function blocksCondition(side: PlannedSide, blocks: KeyBlocks): string {
  const key = side.dialect.keyOrder(side.keys[0]!.column, side.keys[0]!.plan);
  return `(${blockRanges(blocks)
    .map(([from, to]) => `(${key} >= ${from} AND ${key} < ${to})`)
    .join(' OR ')})`;
}

/** The block of a first key value. */
function blockOf(blocks: KeyBlocks, key: string): number {
  return Number((BigInt(key) - blocks.low) / blocks.width);
}

/** Rows per chosen block of one (sampled) side, in `chosen` order: one grouped query through the key's index. */
export async function blockRows(side: PlannedSide, blocks: KeyBlocks): Promise<number[]> {
  const { dialect } = side;
  const offset = `(${dialect.keyOrder(side.keys[0]!.column, side.keys[0]!.plan)} - ${blocks.low})`;
  const block = `(${offset} - ${moduloSql(dialect, offset, String(blocks.width))}) / ${blocks.width}`;
  const rows = await side.use((c) => c.query(`SELECT ${block} AS blk, COUNT(*) AS n FROM ${fromClause(dialect, side.table)}${whereClause(side.where)} GROUP BY ${block}`));
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(Number(cellText(row['blk'])), Number(cellText(row['n'])));
  return blocks.chosen.map((b) => counts.get(b) ?? 0);
}

/** Differences per chosen block, counted as the comparison finds them. */
export class BlockTally {
  readonly onlyInSource: number[];
  readonly onlyInTarget: number[];
  readonly different: number[];
  private readonly index: Map<number, number>;

  constructor(private readonly blocks: KeyBlocks) {
    const zeros = () => blocks.chosen.map(() => 0);
    [this.onlyInSource, this.onlyInTarget, this.different] = [zeros(), zeros(), zeros()];
    this.index = new Map(blocks.chosen.map((b, i) => [b, i]));
  }

  add(difference: RowDifference): void {
    const key = difference.kind === 'different' ? difference.source.key : difference.row.key;
    const at = this.index.get(blockOf(this.blocks, key[0]!));
    if (at === undefined) throw new ParityError('INTERNAL_ERROR', `a sampled difference (key ${key.join(', ')}) lies outside the sampled blocks`);
    const list = difference.kind === 'onlyInSource' ? this.onlyInSource : difference.kind === 'onlyInTarget' ? this.onlyInTarget : this.different;
    list[at]!++;
  }
}

/**
 * The effective sample size of a ratio estimated from blocks: `seen` per block over `rows` per block,
 * `sampled` of `total` blocks; the sampled rows over the design effect (at least 1).
 */
export function effectiveSize(seen: readonly number[], rows: readonly number[], total: number): number {
  const m = rows.length;
  const n = rows.reduce((a, b) => a + b, 0);
  const y = seen.reduce((a, b) => a + b, 0);
  if (m < 2 || n === 0 || y === 0 || y === n) return n;
  const r = y / n;
  const mean = n / m;
  const spread = seen.reduce((sum, s, i) => sum + (s - r * rows[i]!) ** 2, 0) / (m - 1);
  const blockVariance = ((1 - m / total) * spread) / (m * mean * mean);
  const rowVariance = (r * (1 - r)) / n;
  const effect = Math.max(1, blockVariance / rowVariance);
  return n / effect;
}

/**
 * A count over the whole key span, from its value per sampled block: each block holds `width` key
 * values, and a count (rows, or rows of a kind) holds at most one row per key value, so it is a share
 * of the key values, estimated from the sampled blocks (a cluster sample of equal clusters) with the
 * Wilson interval at the effective size; clamped to what is certain (at least what was seen, at most
 * that plus every key value not sampled).
 */
export function estimateFromBlocks(seen: readonly number[], blocks: KeyBlocks, confidence: number): Estimate {
  const width = Number(blocks.width);
  const sampledKeys = seen.length * width;
  const allKeys = blocks.total * width;
  const found = seen.reduce((a, b) => a + b, 0);
  const size = effectiveSize(seen, seen.map(() => width), blocks.total);
  const interval = wilsonInterval((found / sampledKeys) * size, size, confidence);
  const clamp = (n: number) => Math.min(found + allKeys - sampledKeys, Math.max(found, n));
  return { estimate: clamp(Math.round((found / sampledKeys) * allKeys)), low: clamp(Math.floor(interval.low * allKeys)), high: clamp(Math.ceil(interval.high * allKeys)) };
}

/** A block sample's report: both tables' rows and every count of `summary` estimated from the sampled blocks. */
export function blockSamplingReport(
  blocks: KeyBlocks,
  tally: BlockTally,
  rows: { readonly source: readonly number[]; readonly target: readonly number[] },
  confidence: number,
): SamplingReport {
  const identical = rows.source.map((n, i) => n - tally.onlyInSource[i]! - tally.different[i]!);
  const estimate = (seen: readonly number[]) => estimateFromBlocks(seen, blocks, confidence);
  const [sourceRows, targetRows] = [estimate(rows.source), estimate(rows.target)];
  return {
    selection: 'blocks',
    ratio: blocksShare(blocks),
    confidence,
    method: BLOCKS_INTERVAL_METHOD,
    blocks: {
      column: blocks.column,
      width: String(blocks.width),
      sampled: blocks.chosen.length,
      of: blocks.total,
      ranges: blockRanges(blocks).map(([from, to]) => [String(from), String(to)] as const),
    },
    rows: 'estimated',
    sourceRows: sourceRows.estimate,
    targetRows: targetRows.estimate,
    estimates: {
      onlyInSource: estimate(tally.onlyInSource),
      onlyInTarget: estimate(tally.onlyInTarget),
      differentRows: estimate(tally.different),
      identicalRows: estimate(identical),
      sourceRows,
      targetRows,
    },
  };
}
