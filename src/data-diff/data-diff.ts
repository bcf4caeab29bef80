/**
 * The data-diff service: opens both sides, resolves the compared columns (`-columns`, `-columnMap`),
 * checks that the keys are comparable, runs the engine and collects the report, streaming every
 * difference to the materialized file when one is asked for. Always closes both sides.
 */
import type { ConnectionSettings } from '../config/connection.js';
import { ParityError } from '../errors.js';
import { diffTables, type EngineProgress } from './engine.js';
import { MaterializedDiff } from './materialize.js';
import { openPostgresSide } from './postgres-side.js';
import { ReportCollector, type DataDiffReport, type SampleSpec } from './report.js';
import type { SideDescription, TableSide, TableSpec } from './table-side.js';

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
}

/** Opens a side for the connection's dialect (the per-dialect SQL lives behind TableSide). */
function openSide(connection: ConnectionSettings, spec: TableSpec, side: string, threads: number): TableSide {
  if (connection.dialect === 'postgres') return openPostgresSide(connection, spec, { side, threads });
  throw new ParityError('UNSUPPORTED', `the data diff does not support ${connection.dialect} yet (PostgreSQL only for now)`, { where: `-${side}` });
}

function checkKeys(source: SideDescription, target: SideDescription): void {
  source.key.forEach((column, i) => {
    const other = target.key[i]!;
    if (column.kind !== other.kind) {
      throw new ParityError(
        'INVALID_ARGUMENT',
        `incompatible key types: source ${source.table}.${column.name} is ${column.type}, target ${target.table}.${other.name} is ${other.type}`,
        { where: '-key' },
      );
    }
  });
}

export async function runDataDiff(request: DataDiffRequest): Promise<DataDiffReport> {
  const started = Date.now();
  const mapped = (name: string) => request.columnMap.get(name) ?? name;
  const sides: TableSide[] = [];
  let materialized: MaterializedDiff | undefined;
  try {
    const source = openSide(request.source.connection, request.source.spec, 'source', request.threads);
    sides.push(source);
    const sourceDescription = await source.describe();
    const names = { key: sourceDescription.key.map((k) => k.name), columns: sourceDescription.columns.map((c) => c.name) };
    const targetSpec: TableSpec = { ...request.target.spec, key: names.key.map(mapped), columns: names.columns.map(mapped) };
    const target = openSide(request.target.connection, targetSpec, 'target', request.threads);
    sides.push(target);
    checkKeys(sourceDescription, await target.describe());

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
    return collector.finish(result, (Date.now() - started) / 1000);
  } finally {
    materialized?.abort();
    await Promise.all(sides.map((side) => side.close()));
  }
}
