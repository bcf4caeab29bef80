/**
 * Whether changing a column from one PostgreSQL type to another keeps every value as it is (a
 * widening); anything else is reported as destructive. Types are canonical format_type text
 * (`character varying(20)`, `numeric(10,2)`, `timestamp(3) without time zone`). Deliberately short:
 * an unknown pair counts as narrowing, so a warning is never missed.
 */

const INTEGER_RANK: Readonly<Record<string, number>> = { smallint: 1, integer: 2, bigint: 3 };

interface ParsedType {
  readonly base: string;
  readonly modifiers: readonly number[];
  readonly array: boolean;
}

function parse(type: string): ParsedType {
  let text = type.trim();
  const array = text.endsWith('[]');
  if (array) text = text.slice(0, -2);
  const match = /^([a-z ]+?)(?:\((\d+(?:,\d+)*)\))?( with(?:out)? time zone)?$/.exec(text);
  if (!match) return { base: text, modifiers: [], array };
  const base = `${match[1]!}${match[3] ?? ''}`;
  const modifiers = match[2] === undefined ? [] : match[2].split(',').map(Number);
  return { base, modifiers, array };
}

const TEXT_TYPES = new Set(['character varying', 'character', 'text']);

export function isWidening(fromType: string, toType: string): boolean {
  if (fromType === toType) return true;
  const from = parse(fromType);
  const to = parse(toType);
  if (from.array !== to.array) return false;
  const [fromLength] = from.modifiers;
  const [toLength] = to.modifiers;
  // Integers to wider integers or to unconstrained numeric.
  const fromRank = INTEGER_RANK[from.base];
  if (fromRank !== undefined) {
    const toRank = INTEGER_RANK[to.base];
    if (toRank !== undefined) return toRank >= fromRank;
    if (to.base === 'numeric') return toLength === undefined || toLength - (to.modifiers[1] ?? 0) >= [0, 5, 10, 19][fromRank]!;
    return false;
  }
  // numeric(p,s) to numeric with at least as many digits on both sides of the point.
  if (from.base === 'numeric' && to.base === 'numeric') {
    if (to.modifiers.length === 0) return true;
    if (from.modifiers.length === 0) return false;
    const fromScale = from.modifiers[1] ?? 0;
    const toScale = to.modifiers[1] ?? 0;
    return toScale >= fromScale && toLength! - toScale >= fromLength! - fromScale;
  }
  if (from.base === 'real' && to.base === 'double precision') return true;
  // Strings: longer or unlimited varchar, or text. (character(n) pads, so only to text/varchar.)
  if (TEXT_TYPES.has(from.base) && (to.base === 'text' || to.base === 'character varying')) {
    if (to.base === 'text' || toLength === undefined) return true;
    return fromLength !== undefined && from.base !== 'text' && toLength >= fromLength;
  }
  if (from.base === 'character' && to.base === 'character') return fromLength !== undefined && toLength !== undefined && toLength >= fromLength;
  // Fractional seconds: more digits or the default (6).
  if (from.base === to.base && /^(timestamp|time)( with(out)? time zone)?$/.test(from.base)) {
    return (toLength ?? 6) >= (fromLength ?? 6);
  }
  if (from.base === 'bit varying' && to.base === 'bit varying') return toLength === undefined || (fromLength !== undefined && toLength >= fromLength);
  return false;
}
