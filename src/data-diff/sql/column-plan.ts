/**
 * Choosing one ColumnPlan for a pair of columns (one per side, possibly on different dialects): the
 * common kind, the lower decimal scale, the lower timestamp precision, the declared float tolerance.
 * Pairs with no safe common kind are refused with a reason (reported, never compared).
 */
import type { Tolerance } from '../tolerance.js';
import type { ColumnPlan, DataColumn, DataDialect, ValueKind } from './data-dialect.js';

export interface PlanOptions {
  /** Fractional digits floats are rounded to (the declared tolerance); default 6. */
  readonly floatDigits?: number;
  /** NULL equals the empty string (text-like kinds); undefined: only when a side stores '' as NULL (`emptyStringIsNull`). */
  readonly nullEqualsEmpty?: boolean;
  /** Fractional second digits timestamps are compared to at most (`-timestampDigits`). */
  readonly timestampDigits?: number;
  /** Source column name -> its tolerance (`-tolerance`); applied by planTablePair to numeric pairs. */
  readonly tolerances?: ReadonlyMap<string, Tolerance>;
}

export const DEFAULT_FLOAT_DIGITS = 6;

/** Kinds that have an empty value for `nullEqualsEmpty` to match NULL with. */
const NULL_EQUALS_EMPTY_KINDS: readonly ValueKind[] = ['text', 'char', 'json', 'binary'];

/** Kinds that meet as a third kind: [a, b] -> result (order-free). */
const MEETS: ReadonlyArray<readonly [ValueKind, ValueKind, ValueKind]> = [
  ['integer', 'decimal', 'decimal'],
  ['integer', 'boolean', 'boolean'],
  ['uuid', 'char', 'uuid'],
  ['uuid', 'text', 'uuid'],
  ['char', 'text', 'char'],
  ['json', 'text', 'text'],
];

function commonKind(a: ValueKind, b: ValueKind): ValueKind | undefined {
  if (a === b) return a;
  return MEETS.find(([x, y]) => (x === a && y === b) || (x === b && y === a))?.[2];
}

function lower(a: number | null | undefined, b: number | null | undefined): number | undefined {
  const values = [a, b].filter((v): v is number => typeof v === 'number');
  return values.length === 0 ? undefined : Math.min(...values);
}

/** The seconds precision a timestamp column keeps when the server reports none. */
function timestampDigits(dialect: DataDialect, column: DataColumn): number {
  return column.datetimePrecision ?? (dialect.name === 'postgres' ? 6 : 0);
}

export type PairPlan = { readonly plan: ColumnPlan } | { readonly refused: string };

/** One plan both sides normalize by, or why the pair cannot be compared. */
export function planPair(
  source: { dialect: DataDialect; column: DataColumn },
  target: { dialect: DataDialect; column: DataColumn },
  options: PlanOptions = {},
): PairPlan {
  const a = source.dialect.classify(source.column);
  const b = target.dialect.classify(target.column);
  if ('refused' in a) return { refused: `source ${source.column.columnType}: ${a.refused}` };
  if ('refused' in b) return { refused: `target ${target.column.columnType}: ${b.refused}` };
  const kind = commonKind(a.kind, b.kind);
  if (kind === undefined) {
    return { refused: `no safe comparison between ${source.column.columnType} (${a.kind}) and ${target.column.columnType} (${b.kind})` };
  }
  const plan: { -readonly [K in keyof ColumnPlan]: ColumnPlan[K] } = { kind };
  if (kind === 'decimal') {
    // An integer side has scale 0; a PostgreSQL numeric without a declared scale has none.
    const scaleOf = (kindOf: ValueKind, c: DataColumn) => (kindOf === 'integer' ? 0 : c.scale);
    const scale = lower(scaleOf(a.kind, source.column), scaleOf(b.kind, target.column));
    if (scale !== undefined) plan.scale = scale;
  }
  if (kind === 'float') plan.floatDigits = options.floatDigits ?? DEFAULT_FLOAT_DIGITS;
  if (kind === 'timestamp') {
    plan.timestampDigits = Math.min(timestampDigits(source.dialect, source.column), timestampDigits(target.dialect, target.column), options.timestampDigits ?? 6);
  }
  // A server storing '' as NULL (Oracle) cannot tell them apart: by default such a pair does not either.
  const nullEqualsEmpty = options.nullEqualsEmpty ?? (source.dialect.emptyStringIsNull === true || target.dialect.emptyStringIsNull === true);
  if (nullEqualsEmpty && NULL_EQUALS_EMPTY_KINDS.includes(kind)) plan.nullEqualsEmpty = true;
  if (!source.column.nullable && !target.column.nullable) plan.neverNull = true;
  // Same dialect, same type: the column's own text may be hashed (row-hash.ts), where the dialect has a cheaper one.
  const sameType = (x: DataColumn, y: DataColumn) => x.dataType === y.dataType && x.columnType === y.columnType && x.collation === y.collation;
  if (source.dialect === target.dialect && sameType(source.column, target.column) && source.dialect.nativeText?.(source.column, plan) !== undefined) plan.native = true;
  return { plan };
}

/** The kinds of column each plan kind can normalize (a column's own kind, from `classify`). */
const ACCEPTS: Readonly<Record<ValueKind, readonly ValueKind[]>> = {
  integer: ['integer', 'boolean'],
  decimal: ['integer', 'decimal'],
  float: ['float'],
  boolean: ['boolean', 'integer'],
  timestamp: ['timestamp'],
  date: ['date'],
  uuid: ['uuid', 'char', 'text'],
  char: ['char', 'text'],
  text: ['text', 'char', 'json'],
  json: ['json'],
  binary: ['binary'],
};

/** Kinds a `-tolerance` applies to. */
export const NUMERIC_KINDS: readonly ValueKind[] = ['integer', 'decimal', 'float'];

/** Key columns are compared by order, so only kinds whose order is the same everywhere can be keys. */
export const KEY_KINDS: readonly ValueKind[] = ['integer', 'uuid', 'char', 'text'];

/**
 * The column's own kind when a plan of `plan.kind` can normalize it, or why not; also checks the
 * plan's digit counts against what every dialect can honour (MySQL DECIMAL: 65 digits, scale 30).
 */
export function ownKind(dialect: DataDialect, column: DataColumn, plan: ColumnPlan): { kind: ValueKind } | { refused: string } {
  const own = dialect.classify(column);
  if ('refused' in own) return own;
  if (!ACCEPTS[plan.kind].includes(own.kind)) return { refused: `a ${own.kind} column (${column.columnType}) cannot be compared as ${plan.kind}` };
  for (const [name, value] of [['scale', plan.scale], ['floatDigits', plan.floatDigits], ['timestampDigits', plan.timestampDigits]] as const) {
    const max = name === 'timestampDigits' ? 6 : MAX_SCALE;
    if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > max)) return { refused: `${name} must be an integer from 0 to ${max}, got ${value}` };
  }
  return own;
}

/** The largest scale every dialect's DECIMAL accepts (MySQL: 30). */
export const MAX_SCALE = 30;

/**
 * Floats are rounded through DECIMAL(65, digits) on MySQL; a float at or beyond 10^(65 - digits)
 * (and NaN/Infinity on PostgreSQL) is rendered by the server's own float text instead, on every
 * dialect, so such values compare exactly within a dialect and may differ across dialects.
 */
export function floatExactLimit(digits: number): string {
  return `1e${65 - digits}`;
}

/** The length of `YYYY-MM-DD HH:MM:SS` plus `.` and `digits` fractional digits when digits > 0. */
export function timestampTextLength(digits: number): number {
  return digits > 0 ? 20 + digits : 19;
}
