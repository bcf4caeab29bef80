/**
 * The data-diff service: opens both sides, resolves the compared columns (`-columns`, `-columnMap`),
 * checks that the keys are comparable, runs the engine and collects the report, streaming every
 * difference to the materialized file when one is asked for. Always closes both sides.
 */
import type { ConnectionSettings } from '../config/connection.js';
import { ParityError } from '../errors.js';
import { diffTables, type EngineProgress } from './engine.js';
import { MaterializedDiff } from './materialize.js';
import { openSqlSides } from './sql-side.js';
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

export async function runDataDiff(request: DataDiffRequest): Promise<DataDiffReport> {
  const started = Date.now();
  const mapped = (name: string) => request.columnMap.get(name) ?? name;
  const opened: Array<{ close(): Promise<void> }> = [];
  let materialized: MaterializedDiff | undefined;
  try {
    const { source, target, sourceDescription, skipped } = await openSqlSides(request.source, request.target, mapped, request.threads, (side) => opened.push(side));
    for (const [column, reason] of Object.entries(skipped)) request.onWarning?.(`column ${column} is not compared: ${reason}`);
    const names = { key: sourceDescription.key.map((k) => k.name), columns: sourceDescription.columns.map((c) => c.name) };

    const collector = new ReportCollector(names, request.sample);
    if (request.materialize !== undefined) materialized = new MaterializedDiff(request.materialize, names);
    const result = await diffTables(
      source,
      target,
      {
        keyKinds: sourceDescription.key.map((k) => k.kind),
        keyNames: names.key,
        bisectionFactor: request.bisectionFactor,
        bisectionThreshold: request.bisectionThreshold,
        threads: request.threads,
        maxRowsDownloaded: request.maxRowsDownloaded,
        ...(request.onProgress ? { onProgress: request.onProgress } : {}),
      },
      {
        identical: (count) => collector.identical(count),
        difference: (difference) => {
          collector.add(difference);
          materialized?.write(difference);
        },
      },
    );
    materialized?.commit();
    materialized = undefined;
    // `queries` counts the comparison's queries (stats, boundaries, rows), not describe()'s catalog reads.
    return { ...collector.finish(result, (Date.now() - started) / 1000), skippedColumns: skipped };
  } finally {
    materialized?.abort();
    await Promise.all(opened.map((side) => side.close()));
  }
}
