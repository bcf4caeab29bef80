/**
 * Pure functions that turn Oracle dictionary values into model values: type text from the
 * DATA_TYPE/precision/length columns, SQL expressions (defaults, checks, index keys) with unquoted
 * words folded to upper case and whitespace collapsed, stored PL/SQL source with its header
 * qualified, identity options, constraint states.
 *
 * Normalization rules (each is what Oracle itself treats as the same):
 * - Unquoted identifiers and keywords are case-insensitive: outside '...' literals and "..." names,
 *   expressions are upper-cased (`sysdate` = `SYSDATE`).
 * - An empty string is NULL: a default of `''` or `NULL` is no default at all.
 * - `INTEGER`, `INT` and `SMALLINT` are stored as NUMBER with no precision and scale 0: the model
 *   says `INTEGER`; `NUMBER(38)` keeps its precision and stays `NUMBER(38)`.
 * - Character lengths always state their semantics (`VARCHAR2(20 BYTE)`), so a difference in
 *   NLS_LENGTH_SEMANTICS between two databases is a difference.
 */
import type { Extras, SequenceOptions, Trigger } from '../../model/objects.js';
import { qualifiedName } from './oracle-quoting.js';

/** The columns that describe a type, as ALL_TAB_COLS names them. */
export interface TypeColumns {
  readonly DATA_TYPE: string;
  readonly DATA_TYPE_OWNER: string | null;
  readonly DATA_LENGTH: number | null;
  readonly DATA_PRECISION: number | null;
  readonly DATA_SCALE: number | null;
  readonly CHAR_LENGTH: number | null;
  readonly CHAR_USED: string | null;
}

/** Owners whose types are written without a schema (XMLTYPE, SDO_GEOMETRY, ...). */
const BUILT_IN_TYPE_OWNERS = new Set(['SYS', 'PUBLIC', 'MDSYS']);

/** Canonical type text of a column or attribute. */
export function columnType(c: TypeColumns): string {
  const type = c.DATA_TYPE;
  if (c.DATA_TYPE_OWNER !== null && !BUILT_IN_TYPE_OWNERS.has(c.DATA_TYPE_OWNER)) return qualifiedName(c.DATA_TYPE_OWNER, type);
  switch (type) {
    case 'NUMBER': {
      const p = c.DATA_PRECISION;
      const s = c.DATA_SCALE;
      if (p === null) return s === null ? 'NUMBER' : s === 0 ? 'INTEGER' : `NUMBER(*,${s})`;
      return s === null || s === 0 ? `NUMBER(${p})` : `NUMBER(${p},${s})`;
    }
    case 'FLOAT':
      return c.DATA_PRECISION === null || c.DATA_PRECISION === 126 ? 'FLOAT' : `FLOAT(${c.DATA_PRECISION})`;
    case 'VARCHAR2':
    case 'CHAR': {
      const length = c.CHAR_LENGTH ?? c.DATA_LENGTH;
      const semantics = c.CHAR_USED === 'C' ? ' CHAR' : c.CHAR_USED === 'B' ? ' BYTE' : '';
      return `${type}(${length}${semantics})`;
    }
    case 'NVARCHAR2':
    case 'NCHAR':
      return `${type}(${c.CHAR_LENGTH ?? c.DATA_LENGTH})`;
    case 'RAW':
    case 'UROWID':
      return `${type}(${c.DATA_LENGTH})`;
    default:
      return type;
  }
}

/** Calls `fn` on each stretch of text outside '...' literals, "..." names and comments. */
function mapUnquoted(text: string, fn: (part: string) => string): string {
  let out = '';
  let i = 0;
  let plain = '';
  const flush = () => {
    out += fn(plain);
    plain = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    const quoteEnd = (q: string): number => {
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === q) {
          if (text[j + 1] === q) j += 2;
          else return j + 1;
        } else j++;
      }
      return text.length;
    };
    if (ch === "'" || ch === '"') {
      flush();
      const end = quoteEnd(ch);
      out += text.slice(i, end);
      i = end;
    } else if (ch === '-' && text[i + 1] === '-') {
      flush();
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += text.slice(i, stop);
      i = stop;
    } else if (ch === '/' && text[i + 1] === '*') {
      flush();
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop);
      i = stop;
    } else {
      plain += ch;
      i++;
    }
  }
  flush();
  return out;
}

/**
 * An expression (default, check condition, virtual column, index key) in canonical form: trimmed,
 * whitespace runs outside literals collapsed to one space (none inside parentheses' edges), unquoted
 * words upper-cased.
 */
export function normalizeExpression(text: string): string {
  return mapUnquoted(text.trim(), (part) =>
    part
      .replace(/\s+/g, ' ')
      .replace(/\( /g, '(')
      .replace(/ \)/g, ')')
      .toUpperCase(),
  ).trim();
}

/** A column default: absent for none, `NULL` and `''` (Oracle stores an empty string as NULL). */
export function normalizeDefault(raw: string | null): string | undefined {
  if (raw === null) return undefined;
  const expression = normalizeExpression(raw);
  if (expression === '' || expression === 'NULL' || expression === "''") return undefined;
  return expression;
}

/** Stored source lines joined: trailing spaces of each line and trailing blank lines removed. */
export function sourceText(lines: readonly string[]): string {
  return lines
    .join('')
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

const NAME = String.raw`(?:"[^"]+"|[A-Za-z][\w$#]*)`;

/**
 * The first occurrence of a (possibly qualified) name after `keyword` at the start of `text`
 * replaced by `"OWNER"."NAME"`: `procedure add_emp(` -> `PROCEDURE "HR"."ADD_EMP"(`. The stored
 * header keeps the case and qualification the author wrote; the model's is canonical, and the
 * statement creates the object in its schema whatever schema the session is in.
 */
export function qualifyHeader(text: string, keyword: string, owner: string, name: string): string {
  const words = keyword.split(' ').join(String.raw`\s+`);
  const pattern = new RegExp(String.raw`^\s*(?:(?:NON)?EDITIONABLE\s+)?${words}\s+(?:(?:NON)?EDITIONABLE\s+)?(?:${NAME}\s*\.\s*)?${NAME}`, 'i');
  const match = pattern.exec(text);
  if (!match) return text;
  return `${keyword} ${qualifiedName(owner, name)}${text.slice(match[0].length)}`;
}

/** The name at the start of a trigger's DESCRIPTION replaced as `qualifyHeader` does. */
export function qualifyTriggerDescription(description: string, owner: string, name: string): string {
  const match = new RegExp(String.raw`^\s*(?:${NAME}\s*\.\s*)?${NAME}`).exec(description);
  if (!match) return description.trim();
  return `${qualifiedName(owner, name)}${description.slice(match[0].length)}`.trim();
}

/**
 * The options of an identity column's sequence from IDENTITY_OPTIONS
 * (`START WITH: 1, INCREMENT BY: 1, MAX_VALUE: 9999999999999999999999999999, MIN_VALUE: 1,
 * CYCLE_FLAG: N, CACHE_SIZE: 20, ORDER_FLAG: N, ...`).
 */
export function parseIdentityOptions(text: string): SequenceOptions {
  const values = new Map<string, string>();
  for (const part of text.split(',')) {
    const colon = part.indexOf(':');
    if (colon > 0) values.set(part.slice(0, colon).trim().toUpperCase(), part.slice(colon + 1).trim());
  }
  const options: { -readonly [K in keyof SequenceOptions]: SequenceOptions[K] } = {};
  const start = values.get('START WITH');
  const increment = values.get('INCREMENT BY');
  const min = values.get('MIN_VALUE');
  const max = values.get('MAX_VALUE');
  const cache = values.get('CACHE_SIZE');
  if (start !== undefined) options.start = start;
  if (increment !== undefined) options.increment = increment;
  if (min !== undefined) options.minValue = min;
  if (max !== undefined) options.maxValue = max;
  if (cache !== undefined && cache !== '0') options.cache = cache;
  if (values.get('CYCLE_FLAG') === 'Y') options.cycle = true;
  return options;
}

/**
 * A constraint's state when it is not the default ENABLE VALIDATE, as the clause that sets it:
 * `ENABLE NOVALIDATE`, `DISABLE` (= DISABLE NOVALIDATE) or `DISABLE VALIDATE`.
 */
export function constraintState(status: string, validated: string | null): string | undefined {
  const enabled = status === 'ENABLED';
  const valid = validated === 'VALIDATED';
  if (enabled) return valid ? undefined : 'ENABLE NOVALIDATE';
  return valid ? 'DISABLE VALIDATE' : 'DISABLE';
}

/** `{ state }` for a constraint not in the default state, for its `extras`. */
export function constraintExtras(status: string, validated: string | null): { extras?: Extras } {
  const state = constraintState(status, validated);
  return state === undefined ? {} : { extras: { state } };
}

/** Timing and level from TRIGGER_TYPE (`BEFORE EACH ROW`, `AFTER STATEMENT`, `INSTEAD OF`, `COMPOUND`). */
export function triggerTiming(type: string): { timing: Trigger['timing']; level: Trigger['level'] } {
  const upper = type.toUpperCase();
  const timing: Trigger['timing'] = upper.startsWith('BEFORE') ? 'BEFORE' : upper.startsWith('INSTEAD') ? 'INSTEAD OF' : 'AFTER';
  const level: Trigger['level'] = /EACH ROW|INSTEAD OF/.test(upper) ? 'ROW' : 'STATEMENT';
  return { timing, level };
}

/** TRIGGERING_EVENT (`INSERT OR UPDATE OR DELETE`) as the model's sorted event list. */
export function triggerEvents(event: string): string[] {
  return event
    .split(/\s+OR\s+/i)
    .map((e) => e.trim().toUpperCase())
    .filter((e) => e !== '')
    .sort();
}
