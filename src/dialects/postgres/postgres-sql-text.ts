/**
 * Lexical helpers for SQL text that the server itself printed (pg_get_indexdef, pg_get_viewdef,
 * pg_get_triggerdef, pg_get_function_arguments). Such text has no comments and no dollar quotes;
 * string literals are '...' with '' escapes (standard_conforming_strings is on during introspection)
 * and quoted identifiers are "..." with "" escapes. Brackets are ( ) and [ ].
 */

/**
 * Calls `visit` for every character that is outside string literals and quoted identifiers, with the
 * bracket depth in front of it (an opening bracket is visited at the outer depth, a closing one at
 * the outer depth too). Stops early when `visit` returns true.
 */
function scanCode(text: string, visit: (index: number, char: string, depth: number) => boolean | void): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === "'" || char === '"') {
      i = endOfQuoted(text, i);
      continue;
    }
    if (char === ')' || char === ']') depth = Math.max(0, depth - 1);
    if (visit(i, char, depth) === true) return;
    if (char === '(' || char === '[') depth++;
  }
}

/** Index of the closing quote of the literal or identifier that starts at `start`. */
function endOfQuoted(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] !== quote) continue;
    if (text[i + 1] === quote) {
      i++;
      continue;
    }
    return i;
  }
  return text.length - 1;
}

/** Splits at `separator` characters at bracket depth 0, outside quotes; parts are trimmed. */
export function splitTopLevel(text: string, separator = ','): string[] {
  const parts: string[] = [];
  let start = 0;
  scanCode(text, (index, char, depth) => {
    if (char === separator && depth === 0) {
      parts.push(text.slice(start, index).trim());
      start = index + 1;
    }
  });
  const last = text.slice(start).trim();
  if (last !== '' || parts.length > 0) parts.push(last);
  return parts;
}

/**
 * Position of `needle` (matched case-sensitively, starting on a code character at depth 0) at or
 * after `from`, or -1.
 */
export function indexOfTopLevel(text: string, needle: string, from = 0): number {
  let found = -1;
  scanCode(text, (index, _char, depth) => {
    if (index >= from && depth === 0 && text.startsWith(needle, index)) {
      found = index;
      return true;
    }
    return false;
  });
  return found;
}

/** Position of the first `(` outside quotes, or -1. */
export function indexOfFirstParen(text: string): number {
  let found = -1;
  scanCode(text, (index, char) => {
    if (char === '(') {
      found = index;
      return true;
    }
    return false;
  });
  return found;
}

/** Given the index of an opening `(`, the index of its matching `)`, or -1. */
export function matchingParen(text: string, open: number): number {
  let found = -1;
  let level = 0;
  scanCode(text.slice(open), (index, char) => {
    if (char === '(') level++;
    else if (char === ')') {
      level--;
      if (level === 0) {
        found = open + index;
        return true;
      }
    }
    return false;
  });
  return found;
}

/** Collapses runs of whitespace outside literals and quoted identifiers to one space, and trims. */
export function collapseWhitespace(text: string): string {
  let out = '';
  let last = 0;
  let pendingSpace = false;
  scanCode(text, (index, char) => {
    // Copy quoted stretches (skipped by the scanner) verbatim.
    if (index > last) {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      out += text.slice(last, index);
    }
    last = index + 1;
    if (/\s/.test(char)) {
      pendingSpace = out.length > 0;
      return;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += char;
  });
  if (last < text.length) {
    if (pendingSpace) out += ' ';
    out += text.slice(last);
  }
  return out.trim();
}
