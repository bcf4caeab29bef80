/**
 * The data-diff service for one table pair (`-table`): chooses the algorithm (`-algorithm`), opens and
 * plans both sides (the compared columns from `-columns` and `-columnMap`, comparable keys), runs the
 * comparison (`compareTablePair`, shared with whole-database runs) and collects the report with the
 * tables' schema section, streaming every difference to the materialized file when one is asked for.
 * Always closes both sides.
 */
import type { PlanOptions } from './sql/column-plan.js';
import type { ConnectionSettings } from '../config/connection.js';
import { DownloadBudget } from './download-budget.js';
import { diffTables, type EngineProgress, type EngineResult, type EngineSink } from './engine.js';
import { chooseAlgorithm, joinDiff, type AlgorithmOption } from './join-diff.js';
import { MaterializedDiff } from './materialize.js';
import type { TableMaterializer, TableOutput } from './materialize-table.js';
import { countRows, sampledTables, samplingRatio, samplingReport, type SamplingOptions } from './sampling.js';
import { BlockTally, blockRows, blocksApply, blocksCondition, blocksShare, blockSamplingReport, planBlocks } from './sampling-blocks.js';
import { planSqlTables, sqlTableSides, type PlannedTables } from './sql-side.js';
import type { RowDifference } from './row-compare.js';
import { ReportCollector, type DataDiffReport, type DiffAlgorithm, type ReportColumns, type SampleSpec } from './report.js';
import { tableSchema, type ComparedPair } from './table-schema.js';
import type { TableSpec } from './table-side.js';

export interface DataDiffSide {
  readonly connection: ConnectionSettings;
  /** What the side is opened with; the target's `columns` are derived from the source's. */
  readonly spec: TableSpec;
}

/** How a table pair is compared (the engine's settings); the budget may be shared by many tables. */
export interface CompareOptions {
  readonly algorithm: DiffAlgorithm;
  readonly bisectionFactor: number;
  readonly bisectionThreshold: number;
  readonly threads: number;
  readonly budget: DownloadBudget;
  readonly onProgress?: (progress: EngineProgress) => void;
}

/** The settings of every dataDiff run, single-table or whole-database. */
export interface RunSettings {
  /** `auto`: joindiff when one connection reads both tables, else hashdiff. */
  readonly algorithm: AlgorithmOption;
  /** How compared columns are normalized: float digits, NULL equal to '', timestamp digits, tolerances. */
  readonly planOptions?: PlanOptions;
  readonly bisectionFactor: number;
  readonly bisectionThreshold: number;
  /** Connections per server (see connection-pool.ts). */
  readonly threads: number;
  readonly maxRowsDownloaded: number;
  readonly sample: SampleSpec;
  /** Rows kept per column with differing values (`-columnSamples`). */
  readonly columnSamples: number;
  /** `-materializeEnvironment`/`-materializeTable`: the opened writer every table pair's differences also go to. */
  readonly materializer?: TableMaterializer;
  /** `-samplingRatio`/`-samplingMaxRows`: compare only a deterministic share of the keys (sampling.ts). */
  readonly sampling?: SamplingOptions;
}

/** Planned tables as compared: restricted to a sample or whole. */
export interface SampledTables {
  readonly tables: PlannedTables;
  /** Sees every difference found (a block sample counts them per block). */
  readonly observe?: (difference: RowDifference) => void;
  /** Adds the estimates to the report of a sampled comparison. */
  finish(report: DataDiffReport): Promise<DataDiffReport>;
}

/**
 * Restricts planned tables to the sampled keys when sampling is asked and the tables are large enough:
 * by key blocks where they apply and are not declined (`-samplingMethod=keyHash`), else by key hash
 * (sampling.ts, sampling-blocks.ts). Whether and how much to sample is decided on the catalog's row
 * estimates where both sides have one and blocks apply; otherwise on `COUNT(*)` of both sides, which
 * a key-hash sample also needs for its estimates (it reads every row anyway). A block sample reads
 * only its blocks, and estimates the tables' rows from them.
 */
export async function sampleTables(tables: PlannedTables, options: SamplingOptions | undefined): Promise<SampledTables> {
  const whole: SampledTables = { tables, finish: async (report) => report };
  if (options === undefined) return whole;
  const blocksWanted = options.method !== 'keyHash' && blocksApply(tables);
  let counted: Promise<{ sourceRows: number; targetRows: number }> | undefined;
  const count = () =>
    (counted ??= Promise.all([countRows(tables.source), countRows(tables.target)]).then(([sourceRows, targetRows]) => ({ sourceRows, targetRows })));
  const [sourceEstimate, targetEstimate] = [tables.source.description.estimatedRows, tables.target.description.estimatedRows];
  const rows = blocksWanted && sourceEstimate !== undefined && targetEstimate !== undefined ? { sourceRows: sourceEstimate, targetRows: targetEstimate } : await count();
  const wanted = samplingRatio(options, rows.sourceRows, rows.targetRows);
  if (wanted === undefined) return whole;
  const blocks = blocksWanted ? await planBlocks(tables, wanted) : undefined;
  if (blocks === undefined) {
    const full = await count();
    return { tables: sampledTables(tables, wanted), finish: async (report) => ({ ...report, sampling: samplingReport(report.summary, full, wanted, options.confidence) }) };
  }
  const sampled = sampledTables(tables, blocksShare(blocks), (side) => blocksCondition(side, blocks));
  const tally = new BlockTally(blocks);
  return {
    tables: sampled,
    observe: (difference) => tally.add(difference),
    finish: async (report) => {
      const [source, target] = await Promise.all([blockRows(sampled.source, blocks), blockRows(sampled.target, blocks)]);
      return { ...report, sampling: blockSamplingReport(blocks, tally, { source, target }, options.confidence) };
    },
  };
}

export interface DataDiffRequest extends RunSettings {
  readonly source: DataDiffSide;
  readonly target: Omit<DataDiffSide, 'spec'> & { readonly spec: Omit<TableSpec, 'key' | 'columns'> };
  /** Source column name -> target column name, for key and compared columns named differently. */
  readonly columnMap: ReadonlyMap<string, string>;
  /** Absolute path of the `-materialize` file. */
  readonly materialize?: string;
  readonly onProgress?: (progress: EngineProgress) => void;
  /** Columns left out of the comparison (no safe mapping between the two sides' types). */
  readonly onWarning?: (message: string) => void;
}

const NUMERIC_KINDS = new Set(['integer', 'decimal', 'float']);

/** Key and compared column names (source names) of planned tables, and which compared columns are numeric. */
export function reportColumns(tables: PlannedTables): ReportColumns {
  const description = tables.source.description;
  return {
    key: description.key.map((k) => k.name),
    columns: description.columns.map((c) => c.name),
    numeric: tables.source.columns.map((c) => NUMERIC_KINDS.has(c.plan.kind)),
  };
}

/** The schema section of planned tables: their catalog entries, the planned pairs and the left-out columns. */
export function plannedSchema(tables: PlannedTables) {
  const pairs = (which: 'keys' | 'columns'): ComparedPair[] => tables.source[which].map((source, i) => ({ source, target: tables.target[which][i]! }));
  return tableSchema(tables.catalog.source, tables.catalog.target, pairs('keys'), pairs('columns'), tables.skipped);
}

/** Compares planned tables with the JOIN (joindiff) or the bisection over checksums (hashdiff). */
export function compareTablePair(tables: PlannedTables, options: CompareOptions, sink: EngineSink): Promise<EngineResult> {
  const progress = options.onProgress ? { onProgress: options.onProgress } : {};
  if (options.algorithm === 'joindiff') return joinDiff(tables, { budget: options.budget, ...progress }, sink);
  const { source, target } = sqlTableSides(tables);
  const key = tables.source.description.key;
  return diffTables(
    source,
    target,
    {
      keyKinds: key.map((k) => k.kind),
      keyNames: key.map((k) => k.name),
      bisectionFactor: options.bisectionFactor,
      bisectionThreshold: options.bisectionThreshold,
      threads: options.threads,
      budget: options.budget,
      tolerances: tables.source.columns.map((c) => c.plan.tolerance),
      ...progress,
    },
    sink,
  );
}

/** `schema.table` (or `table`) of a side's spec, as the materialized table and the report name it. */
export const specName = (spec: { schema?: string; table: string }) => (spec.schema === undefined ? spec.table : `${spec.schema}.${spec.table}`);

export async function runDataDiff(request: DataDiffRequest): Promise<DataDiffReport> {
  const started = Date.now();
  const algorithm = chooseAlgorithm(request.algorithm, request.source.connection, request.target.connection, request.source.spec.query !== undefined);
  const mapped = (name: string) => request.columnMap.get(name) ?? name;
  const opened: Array<{ close(): Promise<void> }> = [];
  let materialized: MaterializedDiff | undefined;
  let stored: TableOutput | undefined;
  try {
    // The JOIN runs on one connection: the pools then open one each (the target's only to describe).
    const threads = algorithm === 'joindiff' ? 1 : request.threads;
    const planned = await planSqlTables(request.source, request.target, mapped, threads, (side) => opened.push(side), request.planOptions);
    const { tables, finish, observe } = await sampleTables(planned, request.sampling);
    for (const [column, reason] of Object.entries(tables.skipped)) request.onWarning?.(`column ${column} is not compared: ${reason}`);
    const names = reportColumns(tables);
    const collector = new ReportCollector(names, request.sample, request.columnSamples);
    if (request.materialize !== undefined) materialized = new MaterializedDiff(request.materialize, names);
    stored = request.materializer?.tableOutput({ source: specName(request.source.spec), target: specName(request.target.spec) }, names);
    const sink: EngineSink = {
      identical: (count) => collector.identical(count),
      difference: (difference) => {
        observe?.(difference);
        collector.add(difference);
        materialized?.write(difference);
        stored?.write(difference);
      },
    };
    const result = await compareTablePair(
      tables,
      {
        algorithm,
        bisectionFactor: request.bisectionFactor,
        bisectionThreshold: request.bisectionThreshold,
        threads: request.threads,
        budget: new DownloadBudget(request.maxRowsDownloaded),
        ...(request.onProgress ? { onProgress: request.onProgress } : {}),
      },
      sink,
    );
    materialized?.commit();
    materialized = undefined;
    const storing = stored;
    stored = undefined;
    await storing?.finish();
    // `queries` counts the comparison's queries (stats, boundaries, rows; counts and the JOIN), not the catalog reads.
    return await finish({ ...collector.finish(result, (Date.now() - started) / 1000, algorithm), skippedColumns: tables.skipped, schema: plannedSchema(tables) });
  } finally {
    materialized?.abort();
    stored?.abort();
    await Promise.all(opened.map((side) => side.close()));
  }
}
