/**
 * SQL Server's catalog text made canonical, so two databases holding the same schema compare equal:
 * type names with their lengths (`nvarchar(-1)` = `nvarchar(max)`, bytes to characters for
 * nvarchar/nchar), expressions without the parentheses the server wraps them in (`((0))` = `0`), and
 * module text (views, routines, triggers) with line ends and trailing blanks made uniform.
 */
import { qualifiedName } from './sqlserver-quoting.js';

/** Types whose length is in bytes and shown as such (`varchar(20)`, `varbinary(max)`). */
const BYTE_LENGTH = new Set(['varchar', 'char', 'varbinary', 'binary']);
/** Types whose length is in characters of 2 bytes. */
const CHAR_LENGTH = new Set(['nvarchar', 'nchar']);
const PRECISION_SCALE = new Set(['decimal', 'numeric']);
/** Types with a fractional-seconds scale (default 7). */
const SCALE_ONLY = new Set(['datetime2', 'time', 'datetimeoffset']);

export interface TypeFacts {
  readonly type_name: string;
  readonly type_schema?: string;
  readonly is_user_defined?: boolean;
  readonly max_length: number;
  readonly precision: number;
  readonly scale: number;
}

/** The type as T-SQL writes it: `int`, `nvarchar(50)`, `nvarchar(max)`, `decimal(10,2)`, `datetime2(3)`, `[dbo].[Phone]`. */
export function typeText(facts: TypeFacts): string {
  const name = facts.type_name.toLowerCase();
  if (facts.is_user_defined === true) return qualifiedName(facts.type_schema ?? 'dbo', facts.type_name);
  if (BYTE_LENGTH.has(name)) return `${name}(${facts.max_length === -1 ? 'max' : facts.max_length})`;
  if (CHAR_LENGTH.has(name)) return `${name}(${facts.max_length === -1 ? 'max' : facts.max_length / 2})`;
  if (PRECISION_SCALE.has(name)) return `${name}(${facts.precision},${facts.scale})`;
  if (SCALE_ONLY.has(name)) return `${name}(${facts.scale})`;
  // float(53) is `float`; float(1..24) is stored as `real`.
  return name;
}

/** Whether `text` is one parenthesized group from its first to its last character. */
function wrappedWhole(text: string): boolean {
  if (!text.startsWith('(') || !text.endsWith(')')) return false;
  let depth = 0;
  let quote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === "'") quote = false;
      continue;
    }
    if (ch === "'") quote = true;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0 && i < text.length - 1) return false;
    }
  }
  return depth === 0;
}

/** A default or CHECK expression without the parentheses the server puts around it: `((0))` → `0`, `([a]>(0))` → `[a]>(0)`. */
export function stripParens(expression: string): string {
  let text = expression.trim();
  while (wrappedWhole(text)) text = text.slice(1, -1).trim();
  return text;
}

/** Module text (CREATE VIEW/FUNCTION/PROCEDURE/TRIGGER as written): LF line ends, no trailing blanks, no blank lines around it. */
export function normalizeModule(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** A sql_variant number as text (the driver gives bigint as a string, int and decimal as numbers). */
export function variantText(value: number | string | null): string | undefined {
  return value === null ? undefined : String(value);
}
