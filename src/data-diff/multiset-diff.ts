/**
 * A table with no usable key (no primary key, no unique index on NOT NULL columns, no `-key`) is
 * compared as a multiset of rows: the same rows, each as many times, on both sides.
 *
 * Rows are grouped in buckets by the hash of all their compared values (row-hash.ts `keyBucket` over
 * the values: a row keeps its bucket wherever it is, and copies of a row share one). Both sides count
 * and checksum their buckets in one query each; mismatching buckets are refined to finer buckets
 * while they hold more than `bisectionThreshold` rows, then their rows are downloaded grouped (each
 * distinct row once, with its number of copies) and counted: a row held s times in the source and t
 * times in the target is min(s, t) identical rows and |s - t| rows only on the side holding more.
 * So duplicates are counted with their multiplicity, and an updated row shows as one row only in the
 * source and one only in the target (without a key nothing says they are the same row).
 */
import { DownloadBudget } from './download-budget.js';
import type { EngineProgress, EngineResult, EngineSink } from './engine.js';
import { firstModulus } from './grain.js';
import { Limiter } from './metered-side.js';
import { sideSegment, type PlannedSide, type PlannedTables } from './sql-side.js';
import { distinctRowsQuery, readChecksums, valueText } from './sql/data-sql.js';
import type { SegmentSpec } from './sql/data-dialect.js';
import { MAX_MODULUS, type BucketFilter } from './table-side.js';

export interface MultisetOptions {
  readonly bisectionFactor: number;
  readonly bisectionThreshold: number;
  readonly threads: number;
  readonly budget: DownloadBudget;
  readonly onProgress?: (progress: EngineProgress) => void;
}

type Buckets = ReadonlyMap<number, { readonly count: number; readonly checksum: string }>;

interface Counted {
  readonly values: readonly (string | null)[];
  readonly copies: number;
}

export async function multisetDiff(tables: PlannedTables, options: MultisetOptions, sink: EngineSink): Promise<EngineResult> {
  let queries = 0;
  let rowsDownloaded = 0;
  let differences = 0;
  let segmentsChecked = 0;
  let complete = true;
  const limiters = { source: new Limiter(options.threads), target: new Limiter(options.threads) };
  const progress = () => options.onProgress?.({ segmentsChecked, rowsDownloaded, differences });
  const spec = (side: PlannedSide, buckets?: BucketFilter): SegmentSpec => sideSegment(side, { range: {}, ...(buckets ? { buckets } : {}) }, false);
  const query = <T>(side: PlannedSide, fn: () => Promise<T>) =>
    limiters[side.name].run(() => {
      queries++;
      return fn();
    });

  const stats = async (side: PlannedSide, modulus: number, buckets?: BucketFilter): Promise<Buckets> => {
    const read = await query(side, () => side.use((c) => readChecksums(c, side.dialect, spec(side, buckets), { modulus })));
    return new Map([...read].map(([bucket, s]) => [bucket, { count: Number(s.count), checksum: s.checksum }]));
  };

  const distinctRows = async (side: PlannedSide, buckets: BucketFilter): Promise<Counted[]> => {
    const built = distinctRowsQuery(side.dialect, spec(side, buckets));
    const rows = await query(side, () => side.use((c) => c.query(built.sql, built.params)));
    return rows.map((row) => ({ values: side.columns.map((c, i) => valueText(c, row[`v${i}`])), copies: Number(row['n']) }));
  };

  /** Downloads the rows of mismatching buckets and counts them on both sides. */
  const download = async (buckets: BucketFilter, rows: number): Promise<void> => {
    if (!options.budget.reserve(rows)) {
      complete = false;
      return;
    }
    const [source, target] = await Promise.all([distinctRows(tables.source, buckets), distinctRows(tables.target, buckets)]);
    const counts = new Map<string, { values: readonly (string | null)[]; source: number; target: number }>();
    for (const [side, rowsOfSide] of [['source', source], ['target', target]] as const) {
      for (const row of rowsOfSide) {
        rowsDownloaded++;
        const id = JSON.stringify(row.values);
        const entry = counts.get(id) ?? { values: row.values, source: 0, target: 0 };
        entry[side] += row.copies;
        counts.set(id, entry);
      }
    }
    for (const entry of counts.values()) {
      sink.identical(Math.min(entry.source, entry.target));
      const kind = entry.source > entry.target ? 'onlyInSource' : 'onlyInTarget';
      for (let n = Math.abs(entry.source - entry.target); n > 0; n--) {
        differences++;
        sink.difference({ kind, row: { key: [], values: entry.values } });
      }
    }
    progress();
  };

  /** Resolves the mismatching buckets among `members` at `modulus`. */
  const resolve = async (modulus: number, source: Buckets, target: Buckets): Promise<void> => {
    const members: number[] = [];
    let rows = 0;
    for (const bucket of new Set([...source.keys(), ...target.keys()])) {
      const s = source.get(bucket);
      const t = target.get(bucket);
      if (s !== undefined && t !== undefined && s.count === t.count && s.checksum === t.checksum) sink.identical(s.count);
      else {
        members.push(bucket);
        rows += (s?.count ?? 0) + (t?.count ?? 0);
      }
    }
    segmentsChecked++;
    progress();
    if (members.length === 0) return;
    members.sort((a, b) => a - b);
    const buckets = { modulus, members };
    const finer = modulus * options.bisectionFactor;
    if (rows <= 2 * options.bisectionThreshold || finer > MAX_MODULUS) return download(buckets, rows);
    const [s, t] = await Promise.all([stats(tables.source, finer, buckets), stats(tables.target, finer, buckets)]);
    return resolve(finer, s, t);
  };

  const estimates = [tables.source.description.estimatedRows, tables.target.description.estimatedRows].filter((n): n is number => n !== undefined && n >= 0);
  const modulus = Math.max(2, firstModulus(estimates.length === 0 ? undefined : Math.max(...estimates)));
  const [source, target] = await Promise.all([stats(tables.source, modulus), stats(tables.target, modulus)]);
  const total = (buckets: Buckets) => [...buckets.values()].reduce((sum, b) => sum + b.count, 0);
  await resolve(modulus, source, target);
  return { sourceRows: total(source), targetRows: total(target), rowsDownloaded, queries, complete };
}
