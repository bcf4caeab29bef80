/**
 * Pure functions that turn PostgreSQL catalog values into model values. Most canonical text comes
 * from the server itself (format_type, pg_get_expr, pg_get_*def run with search_path = '', so every
 * name outside pg_catalog is schema-qualified); what is left here is decoding catalog codes, dropping
 * default options, whitespace, and ordering.
 */
import type { ReferentialAction, SchemaObject, SequenceOptions, Trigger } from '../../model/objects.js';
import { collapseWhitespace, indexOfFirstParen, indexOfTopLevel, matchingParen, splitTopLevel } from './postgres-sql-text.js';

/** `{ [key]: value }` when the value is present, `{}` otherwise: spread it to omit absent properties. */
export function optional<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return value === null || value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** `{ [key]: true }` when the flag is set, `{}` otherwise. */
export function flag<K extends string>(key: K, value: boolean | null | undefined): { [P in K]?: true } {
  return value === true ? ({ [key]: true } as { [P in K]?: true }) : {};
}

/** Compares by Unicode code point (not UTF-16 unit, not locale). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort after every BMP character.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

export function sortByName<T extends { readonly name: string }>(items: T[]): T[] {
  return items.sort((a, b) => compareCodePoints(a.name, b.name));
}

/** Model order: by kind, then schema, then name, all by code point. */
export function sortObjects(objects: SchemaObject[]): SchemaObject[] {
  return objects.sort(
    (a, b) => compareCodePoints(a.kind, b.kind) || compareCodePoints(a.schema, b.schema) || compareCodePoints(a.name, b.name),
  );
}

/** A view's SELECT as the server prints it, with whitespace collapsed and the trailing `;` removed. */
export function normalizeViewDefinition(text: string): string {
  let result = collapseWhitespace(text);
  while (result.endsWith(';')) result = result.slice(0, -1).trimEnd();
  return result;
}

/**
 * Key parts of an index from its pretty-printed definition: the first parenthesized list
 * (`USING btree (a DESC NULLS LAST, (a + b), lower(b) text_pattern_ops)`), split at top-level commas.
 * INCLUDE columns follow in a separate list and are not part of it.
 */
export function indexKeys(definition: string): string[] {
  const open = indexOfFirstParen(definition);
  const close = open < 0 ? -1 : matchingParen(definition, open);
  if (close < 0) throw new Error(`unexpected index definition: ${definition}`);
  return splitTopLevel(definition.slice(open + 1, close));
}

/**
 * The boolean expression of a check constraint from its pg_get_constraintdef text
 * (`CHECK (price > 0::numeric) NO INHERIT`): what is inside the parentheses after CHECK.
 */
export function checkExpression(definition: string): string {
  const open = indexOfFirstParen(definition);
  const close = open < 0 ? -1 : matchingParen(definition, open);
  if (!definition.startsWith('CHECK ') || close < 0) throw new Error(`unexpected check constraint definition: ${definition}`);
  return definition.slice(open + 1, close).trim();
}

/** Parses PostgreSQL reloptions (`{security_barrier=true,fillfactor=70}`) into a map. */
export function parseOptions(options: readonly string[] | null): Map<string, string> {
  const map = new Map<string, string>();
  for (const option of options ?? []) {
    const eq = option.indexOf('=');
    if (eq < 0) map.set(option.toLowerCase(), 'true');
    else map.set(option.slice(0, eq).toLowerCase(), option.slice(eq + 1));
  }
  return map;
}

/** The options sorted, as `name=value` strings; omitted when empty. */
export function sortedOptions(options: readonly string[] | null): string[] | undefined {
  if (!options || options.length === 0) return undefined;
  return [...options].sort(compareCodePoints);
}

/** PostgreSQL's boolean spellings (`on`, `true`, `yes`, `1` and unique prefixes). */
export function parseBool(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  if (v === '') return false;
  return 'true'.startsWith(v) || 'yes'.startsWith(v) || v === 'on' || v === '1';
}

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

export function referentialAction(code: string): ReferentialAction {
  const action = ACTIONS[code];
  if (action === undefined) throw new Error(`unknown referential action code ${code}`);
  return action;
}

// pg_trigger.tgtype bits (src/include/catalog/pg_trigger.h).
const TRIGGER_ROW = 1;
const TRIGGER_BEFORE = 2;
const TRIGGER_INSERT = 4;
const TRIGGER_DELETE = 8;
const TRIGGER_UPDATE = 16;
const TRIGGER_TRUNCATE = 32;
const TRIGGER_INSTEAD = 64;

export function triggerTiming(type: number): Trigger['timing'] {
  if (type & TRIGGER_INSTEAD) return 'INSTEAD OF';
  return type & TRIGGER_BEFORE ? 'BEFORE' : 'AFTER';
}

export function triggerLevel(type: number): Trigger['level'] {
  return type & TRIGGER_ROW ? 'ROW' : 'STATEMENT';
}

/**
 * Events in the fixed order INSERT, UPDATE (or `UPDATE OF a, b` with the columns as declared),
 * DELETE, TRUNCATE: the order of the model's documentation, independent of how the DDL listed them.
 */
export function triggerEvents(type: number, updateColumns: readonly string[]): string[] {
  const events: string[] = [];
  if (type & TRIGGER_INSERT) events.push('INSERT');
  if (type & TRIGGER_UPDATE) events.push(updateColumns.length > 0 ? `UPDATE OF ${updateColumns.join(', ')}` : 'UPDATE');
  if (type & TRIGGER_DELETE) events.push('DELETE');
  if (type & TRIGGER_TRUNCATE) events.push('TRUNCATE');
  return events;
}

/** The WHEN condition from a pg_get_triggerdef text (`... FOR EACH ROW WHEN (cond) EXECUTE ...`). */
export function triggerWhen(definition: string): string | undefined {
  const at = indexOfTopLevel(definition, ' WHEN (');
  if (at < 0) return undefined;
  const open = at + ' WHEN '.length;
  const close = matchingParen(definition, open);
  return close < 0 ? undefined : definition.slice(open + 1, close).trim();
}

/**
 * tgenabled: `O` (fires normally) is the default and omitted; `D` (disabled) is `false`; `R`
 * (replica only) and `A` (always) are `true` — the model's boolean cannot tell them apart.
 */
export function triggerEnabled(code: string): boolean | undefined {
  if (code === 'O') return undefined;
  return code !== 'D';
}

interface IntegerRange {
  readonly min: bigint;
  readonly max: bigint;
}

const SEQUENCE_TYPES: Readonly<Record<string, IntegerRange>> = {
  smallint: { min: -32768n, max: 32767n },
  integer: { min: -2147483648n, max: 2147483647n },
  bigint: { min: -9223372036854775808n, max: 9223372036854775807n },
};

export interface SequenceRow {
  readonly data_type: string | null;
  readonly seq_start: string | null;
  readonly seq_increment: string | null;
  readonly seq_min: string | null;
  readonly seq_max: string | null;
  readonly seq_cache: string | null;
  readonly seq_cycle: boolean | null;
}

/**
 * Sequence options with every value equal to what PostgreSQL would choose by itself omitted, so
 * `CREATE SEQUENCE s` and `CREATE SEQUENCE s AS bigint START 1 INCREMENT 1 MINVALUE 1 ...` are equal:
 * data type `bigint`; increment 1; for an ascending sequence MINVALUE 1 and MAXVALUE the type's
 * maximum, for a descending one MINVALUE the type's minimum and MAXVALUE -1; START equal to the
 * actual MINVALUE (ascending) or MAXVALUE (descending); CACHE 1; NO CYCLE.
 * With `includeDataType: false` (identity columns: the type is the column's) the type is omitted.
 */
export function sequenceOptions(row: SequenceRow, includeDataType = true): SequenceOptions {
  const dataType = row.data_type ?? 'bigint';
  const range = SEQUENCE_TYPES[dataType] ?? SEQUENCE_TYPES['bigint'] as IntegerRange;
  const increment = BigInt(row.seq_increment ?? '1');
  const ascending = increment > 0n;
  const min = row.seq_min ?? (ascending ? '1' : String(range.min));
  const max = row.seq_max ?? (ascending ? String(range.max) : '-1');
  const defaultMin = ascending ? 1n : range.min;
  const defaultMax = ascending ? range.max : -1n;
  const defaultStart = ascending ? BigInt(min) : BigInt(max);
  const options: { -readonly [K in keyof SequenceOptions]: SequenceOptions[K] } = {};
  if (includeDataType && dataType !== 'bigint') options.dataType = dataType;
  if (row.seq_start !== null && BigInt(row.seq_start) !== defaultStart) options.start = row.seq_start;
  if (increment !== 1n) options.increment = String(increment);
  if (BigInt(min) !== defaultMin) options.minValue = min;
  if (BigInt(max) !== defaultMax) options.maxValue = max;
  if (row.seq_cache !== null && row.seq_cache !== '1') options.cache = row.seq_cache;
  if (row.seq_cycle === true) options.cycle = true;
  return options;
}
