/**
 * Whole-database data diff (`dataDiff` without `-table`): every table of the source environment's
 * schemas against the target's, in one run, one report.
 *
 *   catalogs (once per side, set-based) -> matching and keys (table-matching.ts, before any comparison)
 *   -> per table: plan (catalog entries, shared columns), compare (keyed: the single-table algorithms;
 *      keyless: multiset-diff.ts), schema section -> run report
 *
 * One connection pool per side serves every table (`-threads` connections in all per server, split
 * when both sides are on one server), and one `-maxRowsDownloaded` budget serves the run. Tables run
 * `threads` at a time, largest first. A table that fails (permissions, an unusable key type, a key
 * not unique) is recorded with its error and the run goes on.
 */
import path from 'node:path';
import type { ConnectionSettings } from '../config/connection.js';
import { isParityError, type ErrorCode } from '../errors.js';
import { qualifiedFileName } from '../schema-model/layout.js';
import { openSidePools, type ConnectionPool } from './connection-pool.js';
import { compareTablePair, plannedSchema, reportColumns, sampleTables, type RunSettings } from './data-diff.js';
import { DownloadBudget } from './download-budget.js';
import type { EngineProgress, EngineResult, EngineSink } from './engine.js';
import { chooseAlgorithm } from './join-diff.js';
import { MaterializedDiff } from './materialize.js';
import { multisetDiff } from './multiset-diff.js';
import { ReportCollector, type DataDiffReport } from './report.js';
import { planTablePair } from './sql-side.js';
import { findColumn, type CatalogTable } from './sql/catalog.js';
import { cellText, countQuery } from './sql/data-sql.js';
import { chooseKey, matchTables, qualified, tolerancesOf, type MatchedTable, type MatchOptions } from './table-matching.js';
import type { TableSchema } from './table-schema.js';

export interface DatabaseSide {
  readonly connection: ConnectionSettings;
  /** The environment's schemas (PostgreSQL schemas, MySQL databases). */
  readonly schemas: readonly string[];
}

export interface DatabaseDiffRequest extends RunSettings {
  readonly source: DatabaseSide;
  readonly target: DatabaseSide;
  readonly match: MatchOptions;
  /** `-materialize=DIR`: one file per table with differences (`<schema>.<table>.jsonl`). */
  readonly materializeDirectory?: string;
  readonly onProgress?: (message: string) => void;
}

export type TableStatus = 'identical' | 'different' | 'onlyInSource' | 'onlyInTarget' | 'error';

/** One table of the run: the single-table shapes plus where it was and how it was keyed. */
export interface TableEntry extends Partial<DataDiffReport> {
  readonly source: string | null;
  readonly target: string | null;
  status: TableStatus;
  /** The key columns (source names); null for a keyless table (compared as a multiset) or one on one side only. */
  readonly key: readonly string[] | null;
  /** Where the key came from: `-key`, the primary key, a unique index; `none` for a keyless table. */
  readonly keySource?: 'option' | 'primary key' | 'unique index' | 'none';
  schema?: TableSchema;
  error?: { readonly errorCode: ErrorCode; readonly message: string };
}

export interface DatabaseDiffSummary {
  tables: number;
  identical: number;
  different: number;
  onlyInSource: number;
  onlyInTarget: number;
  error: number;
  /** Tables whose schema section has differences. */
  schemaDifferences: number;
  sourceRows: number;
  targetRows: number;
  rowsOnlyInSource: number;
  rowsOnlyInTarget: number;
  differentRows: number;
  identicalRows: number;
  rowsDownloaded: number;
  queries: number;
  seconds: number;
  /** False when the download budget left some mismatching rows uncompared. */
  complete: boolean;
  /** Tables whose rows were sampled (their counts above are those of the sample; see each table's `sampling`); only when sampling was asked. */
  sampled?: number;
}

export interface DatabaseDiffReport {
  summary: DatabaseDiffSummary;
  tables: TableEntry[];
}

/** A table entry's differences: rows, or its schema (for `-failOnDifferences`). */
export function entryDiffers(entry: TableEntry): boolean {
  return entry.status !== 'identical' || (entry.schema?.differences ?? 0) > 0;
}

function summarize(tables: readonly TableEntry[], seconds: number): DatabaseDiffSummary {
  const summary: DatabaseDiffSummary = {
    tables: tables.length,
    identical: 0,
    different: 0,
    onlyInSource: 0,
    onlyInTarget: 0,
    error: 0,
    schemaDifferences: 0,
    sourceRows: 0,
    targetRows: 0,
    rowsOnlyInSource: 0,
    rowsOnlyInTarget: 0,
    differentRows: 0,
    identicalRows: 0,
    rowsDownloaded: 0,
    queries: 0,
    seconds: Math.round(seconds * 1000) / 1000,
    complete: true,
  };
  for (const entry of tables) {
    summary[entry.status]++;
    if (entry.sampling !== undefined) summary.sampled = (summary.sampled ?? 0) + 1;
    if ((entry.schema?.differences ?? 0) > 0) summary.schemaDifferences++;
    const s = entry.summary;
    if (s !== undefined) {
      summary.sourceRows += s.sourceRows;
      summary.targetRows += s.targetRows;
      summary.rowsOnlyInSource += s.onlyInSource;
      summary.rowsOnlyInTarget += s.onlyInTarget;
      summary.differentRows += s.differentRows;
      summary.identicalRows += s.identicalRows;
    }
    if (entry.stats !== undefined) {
      summary.rowsDownloaded += entry.stats.rowsDownloaded;
      summary.queries += entry.stats.queries;
      if (!entry.stats.complete) summary.complete = false;
    }
  }
  return summary;
}

/** Runs `fn` over `items`, at most `limit` at once. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const rowsOf = (table: CatalogTable | null) => table?.estimatedRows ?? 0;

/** A table on one side only: its rows are all on that side. */
async function oneSided(pair: MatchedTable, pools: { source: ConnectionPool; target: ConnectionPool }): Promise<TableEntry> {
  const [table, pool, side] = pair.source !== null ? [pair.source, pools.source, 'onlyInSource' as const] : [pair.target!, pools.target, 'onlyInTarget' as const];
  const started = Date.now();
  const [row] = await pool.use((c) => c.query(countQuery(pool.dialect, table.table)));
  const rows = Number(cellText(row?.['n']) ?? 0);
  return {
    source: pair.source && qualified(pair.source),
    target: pair.target && qualified(pair.target),
    status: side,
    key: null,
    summary: {
      sourceRows: side === 'onlyInSource' ? rows : 0,
      targetRows: side === 'onlyInTarget' ? rows : 0,
      onlyInSource: side === 'onlyInSource' ? rows : 0,
      onlyInTarget: side === 'onlyInTarget' ? rows : 0,
      differentRows: 0,
      identicalRows: 0,
    },
    stats: { rowsDownloaded: 0, queries: 1, seconds: (Date.now() - started) / 1000, complete: true, algorithm: 'hashdiff' },
  };
}

export async function runDatabaseDiff(request: DatabaseDiffRequest): Promise<DatabaseDiffReport> {
  const started = Date.now();
  const algorithm = chooseAlgorithm(request.algorithm, request.source.connection, request.target.connection);
  const pools = openSidePools(request.source.connection, request.target.connection, request.threads);
  const budget = new DownloadBudget(request.maxRowsDownloaded);
  const materialized = new Set<MaterializedDiff>();
  try {
    request.onProgress?.('reading the catalogs');
    const [sourceCatalog, targetCatalog] = await Promise.all([
      pools.source.use((c) => pools.source.dialect.readCatalog(c, { schemas: request.source.schemas })),
      pools.target.use((c) => pools.target.dialect.readCatalog(c, { schemas: request.target.schemas })),
    ]);
    const pairs = matchTables(sourceCatalog, targetCatalog, { source: request.source.schemas, target: request.target.schemas }, request.match);
    // Keys are chosen (and `-key` checked against the source's columns) before any comparison runs.
    const keys = new Map(pairs.filter((p) => p.source !== null && p.target !== null).map((p) => [p, chooseKey(p.source!, request.match)]));
    const tolerances = new Map(pairs.filter((p) => p.source !== null && p.target !== null).map((p) => [p, tolerancesOf(p.source!, request.match)]));
    const entries = new Map<MatchedTable, TableEntry>();
    let done = 0;
    const ordered = [...pairs].sort((a, b) => Math.max(rowsOf(b.source), rowsOf(b.target)) - Math.max(rowsOf(a.source), rowsOf(a.target)));

    const compare = async (pair: MatchedTable): Promise<TableEntry> => {
      if (pair.source === null || pair.target === null) return oneSided(pair, pools);
      const [source, target] = [pair.source, pair.target];
      const key = keys.get(pair)!;
      const name = qualified(source);
      const shared = source.columns.map((c) => c.name).filter((n) => !(key.columns ?? []).includes(n) && findColumn(target.columns, n) !== undefined);
      const targetName = (sourceName: string) => findColumn(target.columns, sourceName)?.name ?? sourceName;
      const tableStarted = Date.now();
      const planned = await planTablePair(
        { pool: pools.source, spec: { schema: source.table.schema, table: source.table.name, key: key.columns ?? [], columns: shared }, catalog: source },
        { pool: pools.target, spec: { schema: target.table.schema, table: target.table.name }, catalog: target },
        targetName,
        { ...request.planOptions, ...(tolerances.get(pair) !== undefined ? { tolerances: tolerances.get(pair)! } : {}) },
      );
      // A table compared without a key is compared whole (sampling needs a key to pick the same rows on both sides).
      const { tables, finish, observe } = key.columns === null ? await sampleTables(planned, undefined) : await sampleTables(planned, request.sampling);
      const names = reportColumns(tables);
      const collector = new ReportCollector(names, request.sample, request.columnSamples);
      let file: MaterializedDiff | undefined;
      const stored = request.materializer?.tableOutput({ source: name, target: qualified(target) }, names);
      const sink: EngineSink = {
        identical: (count) => collector.identical(count),
        difference: (difference) => {
          observe?.(difference);
          collector.add(difference);
          stored?.write(difference);
          if (file === undefined && request.materializeDirectory !== undefined) {
            file = new MaterializedDiff(path.join(request.materializeDirectory, qualifiedFileName(source.table.schema, source.table.name, '.jsonl')), names);
            materialized.add(file);
          }
          file?.write(difference);
        },
      };
      const onProgress = request.onProgress && ((p: EngineProgress) => request.onProgress!(`[${done}/${pairs.length}] ${name}: ${p.rowsDownloaded} rows downloaded, ${p.differences} differences`));
      const options = { bisectionFactor: request.bisectionFactor, bisectionThreshold: request.bisectionThreshold, threads: request.threads, budget, ...(onProgress ? { onProgress } : {}) };
      let result: EngineResult;
      try {
        result = key.columns === null ? await multisetDiff(tables, options, sink) : await compareTablePair(tables, { ...options, algorithm }, sink);
      } catch (error) {
        stored?.abort();
        throw error;
      }
      await stored?.finish();
      if (file !== undefined) {
        file.commit();
        materialized.delete(file);
      }
      const report = await finish(collector.finish(result, (Date.now() - tableStarted) / 1000, key.columns === null ? 'hashdiff' : algorithm));
      const s = report.summary;
      return {
        source: name,
        target: qualified(target),
        status: s.onlyInSource + s.onlyInTarget + s.differentRows > 0 ? 'different' : 'identical',
        key: key.columns,
        keySource: key.columns === null ? 'none' : key.from,
        ...report,
        ...(Object.keys(tables.skipped).length > 0 ? { skippedColumns: tables.skipped } : {}),
        schema: plannedSchema(tables),
      };
    };

    await eachLimited(ordered, Math.max(1, request.threads), async (pair) => {
      request.onProgress?.(`[${done}/${pairs.length}] ${qualified((pair.source ?? pair.target)!)}`);
      let entry: TableEntry;
      try {
        entry = await compare(pair);
      } catch (error) {
        if (!isParityError(error) || error.code === 'INTERNAL_ERROR') throw error;
        entry = {
          source: pair.source && qualified(pair.source),
          target: pair.target && qualified(pair.target),
          status: 'error',
          key: keys.get(pair)?.columns ?? null,
          error: { errorCode: error.code, message: error.where ? `${error.message} (${error.where})` : error.message },
        };
      }
      entries.set(pair, entry);
      done++;
    });
    const tables = pairs.map((pair) => entries.get(pair)!);
    return { summary: summarize(tables, (Date.now() - started) / 1000), tables };
  } catch (error) {
    for (const file of materialized) file.abort();
    throw error;
  } finally {
    await Promise.all([pools.source.close(), pools.target.close()]);
  }
}

