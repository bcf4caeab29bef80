/** Parsing of dataDiff's parameters into a DataDiffRequest; every bad value is a one-line INVALID_ARGUMENT. */
import path from 'node:path';
import { getEnvironment } from '../config/config.js';
import type { DataDiffRequest } from '../data-diff/data-diff.js';
import type { AlgorithmOption } from '../data-diff/join-diff.js';
import type { SampleSpec } from '../data-diff/report.js';
import type { TableSpec } from '../data-diff/table-side.js';
import { ParityError } from '../errors.js';
import { environmentConnection } from '../sources/environment-source.js';
import { listArg, requireString, stringArg, type CommandContext } from './command.js';

const WHERE = 'parity dataDiff';

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

/** `-algorithm=auto|joindiff|hashdiff` (default auto). */
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

function columnMap(context: CommandContext): Map<string, string> {
  const pairs = (listArg(context, 'columnMap') ?? []).map((pair) => {
    const [from, to, ...rest] = pair.split(':').map((s) => s.trim());
    if (!from || !to || rest.length > 0) throw invalid(`-columnMap entries must look like sourceColumn:targetColumn, not "${pair}"`);
    return [from, to] as const;
  });
  // Each source column once, and no two onto one target column.
  distinct('columnMap', pairs.map(([from]) => from));
  distinct('columnMap', pairs.map(([, to]) => to));
  return new Map(pairs);
}

export function dataDiffRequest(context: CommandContext, onProgress?: DataDiffRequest['onProgress']): DataDiffRequest {
  const sourceName = requireString(context, 'source', 'dataDiff');
  const targetName = requireString(context, 'target', 'dataDiff');
  const table = tableName('table', requireString(context, 'table', 'dataDiff'));
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
  const map = columnMap(context);
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
      connection: environmentConnection(config, getEnvironment(config, sourceName, '-source')),
      spec: { ...table, key, ...(columns ? { columns } : {}), ...filters(sourceWhere, updateColumn) },
    },
    target: {
      connection: environmentConnection(config, getEnvironment(config, targetName, '-target')),
      spec: { ...(targetTable !== undefined ? tableName('targetTable', targetTable) : table), ...filters(targetWhere, updateColumn && map.get(updateColumn)) },
    },
    columnMap: map,
    algorithm: algorithmOption(stringArg(context, 'algorithm')),
    planOptions: {
      ...(context.args['nullEqualsEmpty'] === true ? { nullEqualsEmpty: true } : {}),
      ...(stringArg(context, 'floatDigits') !== undefined ? { floatDigits: positiveInteger(context, 'floatDigits', 6, 0, 15) } : {}),
    },
    bisectionFactor: positiveInteger(context, 'bisectionFactor', 32, 2),
    bisectionThreshold: positiveInteger(context, 'bisectionThreshold', 16_384),
    threads: positiveInteger(context, 'threads', 4),
    maxRowsDownloaded: positiveInteger(context, 'maxRowsDownloaded', 1_000_000),
    sample: sampleSpec(stringArg(context, 'sample')),
    ...(materialize !== undefined ? { materialize: path.resolve(context.workingDirectory(), materialize) } : {}),
    ...(onProgress ? { onProgress } : {}),
  };
}
