/**
 * The data-diff service: chooses the algorithm (`-algorithm`), opens and plans both sides (the
 * compared columns from `-columns` and `-columnMap`, comparable keys), runs the JOIN (joindiff) or the
 * bisection engine (hashdiff) and collects the report, streaming every difference to the materialized
 * file when one is asked for. Always closes both sides.
 */
import type { PlanOptions } from './sql/column-plan.js';
import type { ConnectionSettings } from '../config/connection.js';
import { ParityError } from '../errors.js';
import { diffTables, type EngineProgress, type EngineResult, type EngineSink } from './engine.js';
import { chooseAlgorithm, joinDiff, type AlgorithmOption } from './join-diff.js';
import { MaterializedDiff } from './materialize.js';
import { planSqlTables, sqlTableSides, type PlannedTables } from './sql-side.js';
import { ReportCollector, type DataDiffReport, type SampleSpec } from './report.js';
import type { TableSpec } from './table-side.js';

export interface DataDiffSide {
  readonly connection: ConnectionSettings;
  /** What the side is opened with; the target's `columns` are derived from the source's. */
  readonly spec: TableSpec;
}

export interface DataDiffRequest {
  readonly source: DataDiffSide;
  readonly target: Omit<DataDiffSide, 'spec'> & { readonly spec: Omit<TableSpec, 'key' | 'columns'> };
  /** Source column name -> target column name, for key and compared columns named differently. */
  readonly columnMap: ReadonlyMap<string, string>;
  /** `auto`: joindiff when one connection reads both tables, else hashdiff. */
  readonly algorithm: AlgorithmOption;
  /** How compared columns are normalized: float tolerance, NULL equal to ''. */
  readonly planOptions?: PlanOptions;
  readonly bisectionFactor: number;
  readonly bisectionThreshold: number;
  readonly threads: number;
  readonly maxRowsDownloaded: number;
  readonly sample: SampleSpec;
  /** Absolute path of the `-materialize` file. */
  readonly materialize?: string;
  readonly onProgress?: (progress: EngineProgress) => void;
  /** Columns left out of the comparison (no safe mapping between the two sides' types). */
  readonly onWarning?: (message: string) => void;
}

/** The bisection over the two tables' checksums (engine.ts). */
function hashDiff(tables: PlannedTables, request: DataDiffRequest, sink: EngineSink): Promise<EngineResult> {
  const { source, target } = sqlTableSides(tables);
  const key = tables.source.description.key;
  return diffTables(
    source,
    target,
    {
      keyKinds: key.map((k) => k.kind),
      keyNames: key.map((k) => k.name),
      bisectionFactor: request.bisectionFactor,
      bisectionThreshold: request.bisectionThreshold,
      threads: request.threads,
      maxRowsDownloaded: request.maxRowsDownloaded,
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    },
    sink,
  );
}

export async function runDataDiff(request: DataDiffRequest): Promise<DataDiffReport> {
  const started = Date.now();
  const algorithm = chooseAlgorithm(request.algorithm, request.source.connection, request.target.connection);
  const mapped = (name: string) => request.columnMap.get(name) ?? name;
  const opened: Array<{ close(): Promise<void> }> = [];
  let materialized: MaterializedDiff | undefined;
  try {
    // The JOIN runs on one connection: the pools then open one each (the target's only to describe).
    const threads = algorithm === 'joindiff' ? 1 : request.threads;
    const tables = await planSqlTables(request.source, request.target, mapped, threads, (side) => opened.push(side), request.planOptions);
    for (const [column, reason] of Object.entries(tables.skipped)) request.onWarning?.(`column ${column} is not compared: ${reason}`);
    const description = tables.source.description;
    const names = { key: description.key.map((k) => k.name), columns: description.columns.map((c) => c.name) };

    const collector = new ReportCollector(names, request.sample);
    if (request.materialize !== undefined) materialized = new MaterializedDiff(request.materialize, names);
    const sink: EngineSink = {
      identical: (count) => collector.identical(count),
      difference: (difference) => {
        collector.add(difference);
        materialized?.write(difference);
      },
    };
    const result =
      algorithm === 'joindiff'
        ? await joinDiff(tables, { maxRowsDownloaded: request.maxRowsDownloaded, ...(request.onProgress ? { onProgress: request.onProgress } : {}) }, sink)
        : await hashDiff(tables, request, sink);
    materialized?.commit();
    materialized = undefined;
    // `queries` counts the comparison's queries (stats, boundaries, rows; counts and the JOIN), not the catalog reads.
    return { ...collector.finish(result, (Date.now() - started) / 1000, algorithm), skippedColumns: tables.skipped };
  } finally {
    materialized?.abort();
    await Promise.all(opened.map((side) => side.close()));
  }
}
