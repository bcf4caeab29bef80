/**
 * The data-diff result as users and pipelines see it (the JSON shape is documented in the README and
 * must stay stable), and the collector that builds it from the engine's differences: counts, per
 * column the differing values (their share of the rows on both sides, for numeric columns the
 * largest and the mean absolute difference, and up to `-columnSamples` rows where the column differs),
 * and bounded samples of each kind.
 */
import { createHash } from 'node:crypto';
import type { RowDifference } from './row-compare.js';
import type { SamplingReport } from './sampling.js';
import type { TableSchema } from './table-schema.js';
import type { SideRow } from './table-side.js';

export type SampleSpec = { readonly rows: number } | { readonly percent: number };

/** How the rows were compared: one JOIN on the server (both tables reachable from one connection), or checksums and bisection. */
export type DiffAlgorithm = 'joindiff' | 'hashdiff';

/** A cap on a percentage sample, so memory stays bounded whatever the number of differences. */
export const MAX_PERCENT_SAMPLES = 10_000;

export type Cells = Record<string, string | null>;

export interface RowSample {
  readonly key: Cells;
  readonly row: Cells;
}

export interface DifferentSample {
  readonly key: Cells;
  /** Only the differing columns, each with both values side by side. */
  readonly columns: Record<string, { readonly source: string | null; readonly target: string | null }>;
}

export interface DataDiffReport {
  summary: {
    sourceRows: number;
    targetRows: number;
    onlyInSource: number;
    onlyInTarget: number;
    differentRows: number;
    identicalRows: number;
  };
  /** Present when the rows were sampled (`-samplingRatio`/`-samplingMaxRows`): `summary` counts the sample; these estimate the whole tables. */
  sampling?: SamplingReport;
  columns: Record<string, ColumnStats>;
  /** Columns with no safe mapping between the two sides' types: left out, with the reason. */
  skippedColumns?: Record<string, string>;
  samples: { onlyInSource: RowSample[]; onlyInTarget: RowSample[]; different: DifferentSample[] };
  /** The two tables' columns side by side (see table-schema.ts). */
  schema?: TableSchema;
  stats: {
    rowsDownloaded: number;
    queries: number;
    seconds: number;
    /** False when `-maxRowsDownloaded` stopped the diff before every mismatching segment was compared. */
    complete: boolean;
    algorithm: DiffAlgorithm;
  };
}

/** One row where a column differs: its key and the column's two values. */
export interface ColumnSample {
  readonly key: Cells;
  readonly source: string | null;
  readonly target: string | null;
}

export interface ColumnStats {
  differentValues: number;
  /** differentValues / the rows on both sides (identical and different rows), 0 when there are none. */
  share: number;
  /** Numeric columns with differing values on both sides (not NULL): the largest absolute difference. */
  maxAbsoluteDifference?: number;
  /** ... and the mean absolute difference over those rows. */
  meanAbsoluteDifference?: number;
  /**
   * Up to `-columnSamples` rows where this column differs (only when it does): the rows whose keys hash
   * lowest, so a rerun, any algorithm and any order of arrival give the same ones; in key-hash order.
   */
  samples?: ColumnSample[];
}

/** Rows where columns differ, per column index: the `limit` with the lowest key hashes seen so far. */
class ColumnSamples {
  private readonly kept = new Map<number, { rank: string; sample: ColumnSample }[]>();

  constructor(private readonly limit: number) {}

  offer(column: number, key: readonly string[], make: () => ColumnSample): void {
    if (this.limit === 0) return;
    const list = this.kept.get(column) ?? [];
    const rank = keyRank(key);
    if (list.length === this.limit && rank >= list[list.length - 1]!.rank) return;
    const at = list.findIndex((kept) => rank < kept.rank);
    list.splice(at === -1 ? list.length : at, 0, { rank, sample: make() });
    if (list.length > this.limit) list.pop();
    this.kept.set(column, list);
  }

  of(column: number): ColumnSample[] | undefined {
    return this.kept.get(column)?.map((kept) => kept.sample);
  }
}

/** A key's place in the deterministic choice of samples: its MD5 (hex), then the key itself to break ties. */
function keyRank(key: readonly string[]): string {
  const text = key.join('\u0000');
  return `${createHash('md5').update(text, 'utf8').digest('hex')}\u0000${text}`;
}

/** Names for turning rows into records: key columns and compared columns (source names). */
export interface ReportColumns {
  readonly key: readonly string[];
  readonly columns: readonly string[];
  /** Which compared columns are numeric (by index): their absolute differences are measured. */
  readonly numeric?: readonly boolean[];
}

/** Statistics are rounded to 12 significant digits (they are computed in double precision). */
const rounded = (n: number) => Number(n.toPrecision(12));

export function cells(names: readonly string[], values: readonly (string | null)[]): Cells {
  const out: Cells = {};
  names.forEach((name, i) => (out[name] = values[i] ?? null));
  return out;
}

export function rowSample(names: ReportColumns, row: SideRow): RowSample {
  return { key: cells(names.key, row.key), row: cells(names.columns, row.values) };
}

export function differentSample(names: ReportColumns, difference: Extract<RowDifference, { kind: 'different' }>): DifferentSample {
  const columns: DifferentSample['columns'] = {};
  for (const i of difference.columns) {
    columns[names.columns[i]!] = { source: difference.source.values[i] ?? null, target: difference.target.values[i] ?? null };
  }
  return { key: cells(names.key, difference.source.key), columns };
}

/** Deterministic percentage sampling: a key is kept when its hash falls in the first P% of the space. */
function keptByPercent(key: readonly string[], percent: number): boolean {
  const h = createHash('md5').update(key.join('\u0000'), 'utf8').digest().readUInt32BE(0);
  return h < (percent / 100) * 0x1_0000_0000;
}

/** `-columnSamples` when it is not given. */
export const DEFAULT_COLUMN_SAMPLES = 5;

export class ReportCollector {
  readonly report: DataDiffReport;
  private readonly columnSamples: ColumnSamples;

  constructor(
    private readonly names: ReportColumns,
    private readonly sample: SampleSpec,
    columnSamples = DEFAULT_COLUMN_SAMPLES,
  ) {
    this.columnSamples = new ColumnSamples(columnSamples);
    const columns: DataDiffReport['columns'] = {};
    for (const name of names.columns) columns[name] = { differentValues: 0, share: 0 };
    this.report = {
      summary: { sourceRows: 0, targetRows: 0, onlyInSource: 0, onlyInTarget: 0, differentRows: 0, identicalRows: 0 },
      columns,
      samples: { onlyInSource: [], onlyInTarget: [], different: [] },
      stats: { rowsDownloaded: 0, queries: 0, seconds: 0, complete: true, algorithm: 'hashdiff' },
    };
  }

  private wants(list: readonly unknown[], key: readonly string[]): boolean {
    if ('rows' in this.sample) return list.length < this.sample.rows;
    return list.length < MAX_PERCENT_SAMPLES && keptByPercent(key, this.sample.percent);
  }

  /** Absolute differences of numeric columns, by column index. */
  private readonly numeric = new Map<number, { count: number; sum: number; max: number }>();

  /** Adds the totals and costs the algorithm measured. */
  finish(
    result: { sourceRows: number; targetRows: number; rowsDownloaded: number; queries: number; complete: boolean },
    seconds: number,
    algorithm: DiffAlgorithm,
  ): DataDiffReport {
    Object.assign(this.report.summary, { sourceRows: result.sourceRows, targetRows: result.targetRows });
    const matched = this.report.summary.identicalRows + this.report.summary.differentRows;
    this.names.columns.forEach((name, i) => {
      const column = this.report.columns[name]!;
      column.share = matched === 0 ? 0 : rounded(column.differentValues / matched);
      const measured = this.numeric.get(i);
      if (measured !== undefined) {
        column.maxAbsoluteDifference = rounded(measured.max);
        column.meanAbsoluteDifference = rounded(measured.sum / measured.count);
      }
      const samples = this.columnSamples.of(i);
      if (samples !== undefined) column.samples = samples;
    });
    this.report.stats = { rowsDownloaded: result.rowsDownloaded, queries: result.queries, seconds: Math.round(seconds * 1000) / 1000, complete: result.complete, algorithm };
    return this.report;
  }

  private measure(column: number, source: string | null, target: string | null): void {
    if (source === null || target === null) return;
    const delta = Math.abs(Number(source) - Number(target));
    if (!Number.isFinite(delta)) return;
    const measured = this.numeric.get(column) ?? { count: 0, sum: 0, max: 0 };
    measured.count++;
    measured.sum += delta;
    measured.max = Math.max(measured.max, delta);
    this.numeric.set(column, measured);
  }

  identical(count: number): void {
    this.report.summary.identicalRows += count;
  }

  add(difference: RowDifference): void {
    const { summary, samples } = this.report;
    if (difference.kind === 'onlyInSource' || difference.kind === 'onlyInTarget') {
      summary[difference.kind]++;
      const list = samples[difference.kind];
      if (this.wants(list, difference.row.key)) list.push(rowSample(this.names, difference.row));
      return;
    }
    summary.differentRows++;
    for (const i of difference.columns) {
      this.report.columns[this.names.columns[i]!]!.differentValues++;
      const source = difference.source.values[i] ?? null;
      const target = difference.target.values[i] ?? null;
      if (this.names.numeric?.[i] === true) this.measure(i, source, target);
      this.columnSamples.offer(i, difference.source.key, () => ({ key: cells(this.names.key, difference.source.key), source, target }));
    }
    if (this.wants(samples.different, difference.source.key)) samples.different.push(differentSample(this.names, difference));
  }
}
