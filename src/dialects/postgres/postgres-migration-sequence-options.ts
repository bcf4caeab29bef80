/**
 * Which sequence options an ALTER SEQUENCE (or ALTER COLUMN ... SET for an identity column) must
 * change. The model leaves out options equal to PostgreSQL's defaults, so both sides are first
 * completed with the defaults that apply to them (they depend on the data type and the direction),
 * and an option that goes back to its default is written as PostgreSQL's reset form (`NO MINVALUE`).
 */
import type { SequenceOptions } from '../../model/objects.js';

const RANGES: Readonly<Record<string, { readonly min: bigint; readonly max: bigint }>> = {
  smallint: { min: -32768n, max: 32767n },
  integer: { min: -2147483648n, max: 2147483647n },
  bigint: { min: -9223372036854775808n, max: 9223372036854775807n },
};

interface Effective {
  readonly dataType: string;
  readonly increment: bigint;
  readonly min: bigint;
  readonly max: bigint;
  readonly start: bigint;
  readonly cache: bigint;
  readonly cycle: boolean;
}

function effective(options: SequenceOptions): Effective {
  const dataType = options.dataType ?? 'bigint';
  const range = RANGES[dataType] ?? RANGES['bigint']!;
  const increment = BigInt(options.increment ?? '1');
  const ascending = increment > 0n;
  const min = options.minValue !== undefined ? BigInt(options.minValue) : ascending ? 1n : range.min;
  const max = options.maxValue !== undefined ? BigInt(options.maxValue) : ascending ? range.max : -1n;
  const start = options.start !== undefined ? BigInt(options.start) : ascending ? min : max;
  return { dataType, increment, min, max, start, cache: BigInt(options.cache ?? '1'), cycle: options.cycle === true };
}

/** Option clauses that turn `from` into `to`, in ALTER SEQUENCE order; empty when nothing changes. */
export function sequenceOptionChanges(from: SequenceOptions, to: SequenceOptions, { includeDataType }: { includeDataType: boolean }): string[] {
  const a = effective(from);
  const b = effective(to);
  const clauses: string[] = [];
  if (includeDataType && a.dataType !== b.dataType) clauses.push(`AS ${b.dataType}`);
  if (a.increment !== b.increment) clauses.push(`INCREMENT BY ${b.increment}`);
  if (a.min !== b.min) clauses.push(to.minValue === undefined ? 'NO MINVALUE' : `MINVALUE ${b.min}`);
  if (a.max !== b.max) clauses.push(to.maxValue === undefined ? 'NO MAXVALUE' : `MAXVALUE ${b.max}`);
  if (a.start !== b.start) clauses.push(`START WITH ${b.start}`);
  if (a.cache !== b.cache) clauses.push(`CACHE ${b.cache}`);
  if (a.cycle !== b.cycle) clauses.push(b.cycle ? 'CYCLE' : 'NO CYCLE');
  return clauses;
}

/**
 * ALTER SEQUENCE refuses a new MINVALUE above (or MAXVALUE below) the sequence's current value. When
 * the range narrows, a sequence outside the new range is first moved to the new start (as a new
 * sequence would be): the condition on `last_value` and the value to move it to.
 */
export function sequenceRangeGuard(from: SequenceOptions, to: SequenceOptions): { readonly condition: string; readonly value: string } | undefined {
  const a = effective(from);
  const b = effective(to);
  const conditions: string[] = [];
  if (b.min > a.min) conditions.push(`last_value < ${b.min}`);
  if (b.max < a.max) conditions.push(`last_value > ${b.max}`);
  if (conditions.length === 0) return undefined;
  return { condition: conditions.join(' OR '), value: String(b.start) };
}
