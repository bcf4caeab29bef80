/** Parsing of dataDiff's parameters into a DataDiffRequest; every bad value is a one-line INVALID_ARGUMENT. */
import path from 'node:path';
import { getEnvironment, type EnvironmentConfig, type ParityConfig } from '../config/config.js';
import type { ConnectionSettings } from '../config/connection.js';
import { MAX_THREADS } from '../data-diff/connection-pool.js';
import type { DataDiffRequest } from '../data-diff/data-diff.js';
import type { DatabaseDiffRequest } from '../data-diff/database-diff.js';
import type { AlgorithmOption } from '../data-diff/join-diff.js';
import { DEFAULT_COLUMN_SAMPLES, type SampleSpec } from '../data-diff/report.js';

/** The most rows `-columnSamples` keeps per column (they are held in memory until the table is done). */
const MAX_COLUMN_SAMPLES = 1000;
import type { TableSpec } from '../data-diff/table-side.js';
import { materializeTableName, type MaterializeTarget } from '../data-diff/materialize-table.js';
import { parseShare, SAMPLING_METHODS, type SamplingMethod, type SamplingOptions } from '../data-diff/sampling.js';
import { requireDataDiff } from '../dialects/dialect.js';
import { identityByName } from '../dialects/identities.js';
import { ParityError } from '../errors.js';
import { environmentConnection, environmentSchemas } from '../sources/environment-connection.js';
import { parseTolerance, type Tolerance } from '../data-diff/tolerance.js';
import { listArg, requireString, stringArg, type CommandContext } from './command.js';
import { objectFilter } from './source-options.js';

const WHERE = 'parity dataDiff';

/** The environment's connection, once its dialect is known to have a data diff (else UNSUPPORTED, before connecting). */
function dataDiffConnection(config: ParityConfig, environment: EnvironmentConfig, option: string): ConnectionSettings {
  const connection = environmentConnection(config, environment);
  requireDataDiff(identityByName(connection.dialect), `${option}=${environment.name}`);
  return connection;
}

function invalid(message: string): ParityError {
  return new ParityError('INVALID_ARGUMENT', message, { where: WHERE });
}

export function positiveInteger(context: CommandContext, name: string, fallback: number, minimum = 1, maximum = Number.MAX_SAFE_INTEGER): number {
  const text = stringArg(context, name);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < minimum || !Number.isSafeInteger(Number(text)) || Number(text) > maximum) {
    throw invalid(`-${name} must be a whole number ${maximum === Number.MAX_SAFE_INTEGER ? `of at least ${minimum}` : `from ${minimum} to ${maximum}`}, not "${text}"`);
  }
  return Number(text);
}

const UNITS: Readonly<Record<string, number>> = { s: 1, sec: 1, min: 60, m: 60, h: 3600, d: 86_400 };

/** `30s`, `5min`, `1h`, `2d` in milliseconds. */
export function durationMs(name: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)$/i.exec(text.trim());
  if (!match) throw invalid(`-${name} must be a duration such as 30s, 5min, 1h or 2d, not "${text}"`);
  return Number(match[1]) * UNITS[match[2]!.toLowerCase()]! * 1000;
}

/** `-sample=20` (rows of each kind) or `-sample=1%` (of each kind's differences). */
export function sampleSpec(text: string | undefined): SampleSpec {
  if (text === undefined) return { rows: 20 };
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(text);
  if (percent && Number(percent[1]) <= 100) return { percent: Number(percent[1]) };
  if (/^\d+$/.test(text)) return { rows: Number(text) };
  throw invalid(`-sample must be a number of rows (20) or a percentage (1%), not "${text}"`);
}

const ALGORITHMS: readonly AlgorithmOption[] = ['auto', 'joindiff', 'hashdiff'];

/** `-algorithm=auto|joindiff|hashdiff` (default auto, which is hashdiff: `chooseAlgorithm`). */
export function algorithmOption(text: string | undefined): AlgorithmOption {
  if (text === undefined) return 'auto';
  const algorithm = ALGORITHMS.find((a) => a === text.toLowerCase());
  if (algorithm === undefined) throw invalid(`-algorithm must be ${ALGORITHMS.join(', ')}, not "${text}"`);
  return algorithm;
}

/** `schema.table` or `table` (quoted names with dots are not supported). */
function tableName(option: string, text: string): { schema?: string; table: string } {
  const parts = text.split('.');
  if (parts.length > 2 || parts.some((p) => p.trim() === '')) throw invalid(`-${option} must be table or schema.table, not "${text}"`);
  return parts.length === 2 ? { schema: parts[0]!.trim(), table: parts[1]!.trim() } : { table: parts[0]!.trim() };
}

/** The items of a list option, each named once (`-key=id,id` would compare every row against itself twice). */
function distinct(option: string, items: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item)) throw invalid(`-${option} names ${item} more than once`);
    seen.add(item);
  }
  return [...items];
}

/**
 * `a:b,c:d` pairs (`-schemaMap`, `-tableMap`, `-columnMap`) as a map; a malformed entry is an error
 * naming the option, and so is a name given twice on either side (no two onto one).
 */
function pairs(context: CommandContext, option: string, shape: string): Map<string, string> {
  const list = (listArg(context, option) ?? []).map((pair) => {
    const [from, to, ...rest] = pair.split(':').map((s) => s.trim());
    if (!from || !to || rest.length > 0) throw invalid(`-${option} entries must look like ${shape}, not "${pair}"`);
    return [from, to] as const;
  });
  distinct(option, list.map(([from]) => from));
  distinct(option, list.map(([, to]) => to));
  return new Map(list);
}

/**
 * `-tolerance=col:0.01,col2:0.5%` (single table) or `table.col:0.01` (whole database: the last dot
 * separates the table from the column): the columns' tolerances, by table ('' in single-table mode).
 */
function tolerances(context: CommandContext, perTable: boolean): Map<string, Map<string, Tolerance>> {
  const out = new Map<string, Map<string, Tolerance>>();
  for (const entry of listArg(context, 'tolerance') ?? []) {
    const colon = entry.lastIndexOf(':');
    const name = entry.slice(0, colon).trim();
    const dot = perTable ? name.lastIndexOf('.') : -1;
    const [table, column] = dot > 0 ? [name.slice(0, dot), name.slice(dot + 1)] : ['', name];
    if (colon <= 0 || column === '' || (perTable && table === '')) {
      throw invalid(`-tolerance entries must look like ${perTable ? 'table.column' : 'column'}:0.01 or ${perTable ? 'table.column' : 'column'}:0.5%, not "${entry}"`);
    }
    const columns = out.get(table) ?? new Map<string, Tolerance>();
    if (columns.has(column)) throw invalid(`-tolerance names column ${name} twice`);
    columns.set(column, parseTolerance(entry.slice(colon + 1), '-tolerance'));
    out.set(table, columns);
  }
  return out;
}

/** Tables with fewer rows than this on both sides are compared whole (`-samplingThreshold`). */
const DEFAULT_SAMPLING_THRESHOLD = 100_000;

/** `-samplingMethod=blocks|keyHash` (default blocks). */
function samplingMethod(context: CommandContext): SamplingMethod {
  const text = stringArg(context, 'samplingMethod') ?? 'blocks';
  const method = SAMPLING_METHODS.find((m) => m === text);
  if (method === undefined) throw invalid(`-samplingMethod must be one of ${SAMPLING_METHODS.join(', ')}, not "${text}"`);
  return method;
}

/** `-samplingRatio=1%` or `-samplingMaxRows=N`, with `-samplingThreshold` and `-samplingConfidence`; none: no sampling. */
function samplingOptions(context: CommandContext): { sampling?: SamplingOptions } {
  const [ratio, maxRows] = [stringArg(context, 'samplingRatio'), stringArg(context, 'samplingMaxRows')];
  if (ratio === undefined && maxRows === undefined) {
    const given = ['samplingThreshold', 'samplingConfidence', 'samplingMethod'].find((name) => stringArg(context, name) !== undefined);
    if (given !== undefined) throw invalid(`-${given} applies to sampled runs: give -samplingRatio or -samplingMaxRows too`);
    return {};
  }
  if (ratio !== undefined && maxRows !== undefined) throw invalid('give -samplingRatio or -samplingMaxRows, not both');
  const confidenceText = stringArg(context, 'samplingConfidence');
  const confidence = confidenceText === undefined ? 0.95 : parseShare(confidenceText, 'samplingConfidence');
  if (confidence < 0.5 || confidence > 0.9999) throw invalid(`-samplingConfidence must be from 50% to 99.99%, not "${confidenceText}"`);
  return {
    sampling: {
      ...(ratio !== undefined ? { ratio: parseShare(ratio, 'samplingRatio') } : { maxRows: positiveInteger(context, 'samplingMaxRows', 0, 1) }),
      threshold: positiveInteger(context, 'samplingThreshold', DEFAULT_SAMPLING_THRESHOLD, 0),
      method: samplingMethod(context),
      confidence,
    },
  };
}

/** The settings every dataDiff run shares, single-table or whole-database. */
function commonSettings(context: CommandContext) {
  return {
    algorithm: algorithmOption(stringArg(context, 'algorithm')),
    planOptions: {
      // Given either way it is the user's choice; left out, a pair with Oracle compares NULL and '' equal (planPair).
      ...(typeof context.args['nullEqualsEmpty'] === 'boolean' ? { nullEqualsEmpty: context.args['nullEqualsEmpty'] } : {}),
      ...(stringArg(context, 'floatDigits') !== undefined ? { floatDigits: positiveInteger(context, 'floatDigits', 6, 0, 15) } : {}),
      ...(stringArg(context, 'timestampDigits') !== undefined ? { timestampDigits: positiveInteger(context, 'timestampDigits', 6, 0, 6) } : {}),
    },
    bisectionFactor: positiveInteger(context, 'bisectionFactor', 32, 2),
    bisectionThreshold: positiveInteger(context, 'bisectionThreshold', 16_384),
    threads: positiveInteger(context, 'threads', 4, 1, MAX_THREADS),
    maxRowsDownloaded: positiveInteger(context, 'maxRowsDownloaded', 1_000_000),
    sample: sampleSpec(stringArg(context, 'sample')),
    columnSamples: positiveInteger(context, 'columnSamples', DEFAULT_COLUMN_SAMPLES, 0, MAX_COLUMN_SAMPLES),
    ...samplingOptions(context),
  };
}

/** Options of single-table mode only: given without `-table` they are an error rather than ignored. */
const SINGLE_TABLE_OPTIONS = ['targetTable', 'columns', 'columnMap', 'where', 'sourceWhere', 'targetWhere', 'updateColumn', 'minAge', 'maxAge'];
/** Options of whole-database mode only. */
const DATABASE_OPTIONS = ['schemaMap', 'tableMap', 'tables', 'excludeTables', 'filterFile'];

/**
 * Whole-database `-key`: `table.column`, `table.col1+col2` or `schema.table.column`, comma-separated
 * (the last dot separates the table from its key columns).
 */
function tableKeys(context: CommandContext): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const entry of listArg(context, 'key') ?? []) {
    const dot = entry.lastIndexOf('.');
    const columns = entry.slice(dot + 1).split('+').map((c) => c.trim());
    if (dot <= 0 || columns.some((c) => c === '')) {
      throw invalid(`without -table, each -key entry names its table: table.column or table.col1+col2 (schema.table.column), not "${entry}"`);
    }
    const table = entry.slice(0, dot).trim();
    if (keys.has(table)) throw invalid(`-key names table ${table} twice`);
    if (new Set(columns).size !== columns.length) throw invalid(`-key names a column of ${table} twice`);
    keys.set(table, columns);
  }
  return keys;
}

/**
 * `-materializeEnvironment=NAME -materializeTable=schema.table_%t` (both or neither): where every
 * difference is also written, `%t` replaced by the run's start. Checked before anything connects.
 */
export function materializeTarget(context: CommandContext, runAt: Date): MaterializeTarget | undefined {
  const [environment, table] = [stringArg(context, 'materializeEnvironment'), stringArg(context, 'materializeTable')];
  if (environment === undefined && table === undefined) return undefined;
  if (environment === undefined) throw invalid('-materializeTable needs -materializeEnvironment: the environment whose database gets the table');
  if (table === undefined) throw invalid('-materializeEnvironment needs -materializeTable: the table the differences are written to, e.g. diffs.orders_%t');
  const config = context.config();
  return { environment, connection: environmentConnection(config, getEnvironment(config, environment, '-materializeEnvironment')), table: materializeTableName(table, runAt) };
}

export function isWholeDatabase(context: CommandContext): boolean {
  return stringArg(context, 'table') === undefined && stringArg(context, 'sourceQuery') === undefined && stringArg(context, 'targetQuery') === undefined;
}

/**
 * Query mode: `-sourceQuery` and `-targetQuery` (both) stand for the tables; `-table`/`-targetTable`
 * then make no sense. Returns the two specs' table parts, or undefined without queries.
 */
function queryTables(context: CommandContext): { source: { table: string; query: string }; target: { table: string; query: string } } | undefined {
  const [source, target] = [stringArg(context, 'sourceQuery'), stringArg(context, 'targetQuery')];
  if (source === undefined && target === undefined) return undefined;
  if (source === undefined || target === undefined) throw invalid('query mode needs both -sourceQuery and -targetQuery');
  const given = ['table', 'targetTable'].find((name) => stringArg(context, name) !== undefined);
  if (given !== undefined) throw invalid(`-${given} and -sourceQuery/-targetQuery are two ways to name what is compared: give one`);
  return { source: { table: 'query', query: source }, target: { table: 'query', query: target } };
}

/** `dataDiff -source=A -target=B` without `-table`: every table of both environments' schemas. */
export function databaseDiffRequest(context: CommandContext, onProgress?: DatabaseDiffRequest['onProgress']): DatabaseDiffRequest {
  const given = SINGLE_TABLE_OPTIONS.find((name) => stringArg(context, name) !== undefined);
  if (given !== undefined) throw invalid(`-${given} applies to one table: give -table too (without -table every table is compared)`);
  const config = context.config();
  const side = (option: 'source' | 'target') => {
    const environment = getEnvironment(config, requireString(context, option, 'dataDiff'), `-${option}`);
    const connection = dataDiffConnection(config, environment, `-${option}`);
    return { connection, schemas: environmentSchemas(config, environment, connection) };
  };
  const materialize = stringArg(context, 'materialize');
  const filter = objectFilter(context);
  return {
    source: side('source'),
    target: side('target'),
    match: {
      schemaMap: pairs(context, 'schemaMap', 'sourceSchema:targetSchema'),
      tableMap: pairs(context, 'tableMap', 'sourceTable:targetTable'),
      tables: listArg(context, 'tables') ?? [],
      excludeTables: listArg(context, 'excludeTables') ?? [],
      keys: tableKeys(context),
      tolerances: tolerances(context, true),
      ...(filter ? { objectFilter: filter } : {}),
    },
    ...commonSettings(context),
    ...(materialize !== undefined ? { materializeDirectory: path.resolve(context.workingDirectory(), materialize) } : {}),
    ...(onProgress ? { onProgress } : {}),
  };
}

export function dataDiffRequest(context: CommandContext, onProgress?: DataDiffRequest['onProgress']): DataDiffRequest {
  const given = DATABASE_OPTIONS.find((name) => stringArg(context, name) !== undefined);
  if (given !== undefined) throw invalid(`-${given} applies to whole-database runs: leave -table out`);
  const sourceName = requireString(context, 'source', 'dataDiff');
  const targetName = requireString(context, 'target', 'dataDiff');
  const queries = queryTables(context);
  const table = queries?.source ?? tableName('table', requireString(context, 'table', 'dataDiff'));
  const key = distinct('key', listArg(context, 'key') ?? []);
  if (key.length === 0) throw invalid('missing required parameter -key');
  const targetTable = stringArg(context, 'targetTable');
  const where = stringArg(context, 'where');
  const sourceWhere = stringArg(context, 'sourceWhere') ?? where;
  const targetWhere = stringArg(context, 'targetWhere') ?? where;
  if (where !== undefined && (stringArg(context, 'sourceWhere') !== undefined || stringArg(context, 'targetWhere') !== undefined)) {
    throw invalid('use either -where or -sourceWhere/-targetWhere, not both');
  }
  const updateColumn = stringArg(context, 'updateColumn');
  const minAge = stringArg(context, 'minAge');
  const maxAge = stringArg(context, 'maxAge');
  if (updateColumn === undefined && (minAge !== undefined || maxAge !== undefined)) throw invalid('-minAge and -maxAge need -updateColumn');
  const now = Date.now();
  const updated: TableSpec['updated'] | undefined =
    updateColumn === undefined
      ? undefined
      : {
          column: updateColumn,
          ...(maxAge !== undefined ? { notBefore: new Date(now - durationMs('maxAge', maxAge)).toISOString() } : {}),
          ...(minAge !== undefined ? { before: new Date(now - durationMs('minAge', minAge)).toISOString() } : {}),
        };
  const map = pairs(context, 'columnMap', 'sourceColumn:targetColumn');
  const common = commonSettings(context);
  const singleTolerances = tolerances(context, false).get('');
  const filters = (condition: string | undefined, column: string | undefined) => ({
    ...(condition !== undefined ? { where: condition } : {}),
    ...(updated !== undefined ? { updated: { ...updated, column: column ?? updated.column } } : {}),
  });
  const config = context.config();
  const listed = listArg(context, 'columns');
  const columns = listed && distinct('columns', listed);
  const materialize = stringArg(context, 'materialize');
  return {
    source: {
      connection: dataDiffConnection(config, getEnvironment(config, sourceName, '-source'), '-source'),
      spec: { ...table, key, ...(columns ? { columns } : {}), ...filters(sourceWhere, updateColumn) },
    },
    target: {
      connection: dataDiffConnection(config, getEnvironment(config, targetName, '-target'), '-target'),
      spec: { ...(queries?.target ?? (targetTable !== undefined ? tableName('targetTable', targetTable) : table)), ...filters(targetWhere, updateColumn && map.get(updateColumn)) },
    },
    columnMap: map,
    ...common,
    planOptions: { ...common.planOptions, ...(singleTolerances !== undefined ? { tolerances: singleTolerances } : {}) },
    ...(materialize !== undefined ? { materialize: path.resolve(context.workingDirectory(), materialize) } : {}),
    ...(onProgress ? { onProgress } : {}),
  };
}
