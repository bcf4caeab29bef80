/**
 * A small MySQL lexer: enough to tell words, backtick-quoted names, string literals, comments and
 * punctuation apart, so that callers can look at SQL structure without being fooled by a `;` or a
 * name inside a string. Used to split scripts into statements and to unqualify view definitions.
 */

export type TokenType = 'word' | 'identifier' | 'string' | 'comment' | 'space' | 'punct';

export interface Token {
  readonly type: TokenType;
  /** The token's text as written (quotes included). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[A-Za-z0-9_$\u0080-\uffff]/;

/** Index just past a quoted token opened at `start` (doubled quotes and backslash escapes inside). */
function quotedEnd(sql: string, start: number, quote: string, backslashes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (backslashes && ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return sql.length;
}

/** The token that starts at `start` (which must be inside `sql`). */
export function readToken(sql: string, start: number): Token {
  const ch = sql[start]!;
  const next = sql[start + 1];
  let type: TokenType;
  let end: number;
  if (/\s/.test(ch)) {
    type = 'space';
    end = start + 1;
    while (end < sql.length && /\s/.test(sql[end]!)) end++;
  } else if (ch === '`') {
    type = 'identifier';
    end = quotedEnd(sql, start, '`', false);
  } else if (ch === "'" || ch === '"') {
    type = 'string';
    end = quotedEnd(sql, start, ch, true);
  } else if ((ch === '-' && next === '-' && /\s/.test(sql[start + 2] ?? ' ')) || ch === '#') {
    type = 'comment';
    const newline = sql.indexOf('\n', start);
    end = newline < 0 ? sql.length : newline;
  } else if (ch === '/' && next === '*') {
    type = 'comment';
    const close = sql.indexOf('*/', start + 2);
    end = close < 0 ? sql.length : close + 2;
  } else if (WORD.test(ch)) {
    type = 'word';
    end = start + 1;
    while (end < sql.length && WORD.test(sql[end]!)) end++;
  } else {
    type = 'punct';
    end = start + 1;
  }
  return { type, text: sql.slice(start, end), start, end };
}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < sql.length; ) {
    const token = readToken(sql, i);
    tokens.push(token);
    i = token.end;
  }
  return tokens;
}

/** The name inside a backtick-quoted identifier token. */
export function unquoteIdentifier(text: string): string {
  return text.slice(1, -1).replace(/``/g, '`');
}
