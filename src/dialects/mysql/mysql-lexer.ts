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

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (type: TokenType, end: number) => {
    tokens.push({ type, text: sql.slice(i, end), start: i, end });
    i = end;
  };
  while (i < sql.length) {
    const ch = sql[i]!;
    const next = sql[i + 1];
    if (/\s/.test(ch)) {
      let end = i + 1;
      while (end < sql.length && /\s/.test(sql[end]!)) end++;
      push('space', end);
    } else if (ch === '`') {
      push('identifier', quotedEnd(sql, i, '`', false));
    } else if (ch === "'" || ch === '"') {
      push('string', quotedEnd(sql, i, ch, true));
    } else if ((ch === '-' && next === '-' && /\s/.test(sql[i + 2] ?? ' ')) || ch === '#') {
      const newline = sql.indexOf('\n', i);
      push('comment', newline < 0 ? sql.length : newline);
    } else if (ch === '/' && next === '*') {
      const close = sql.indexOf('*/', i + 2);
      push('comment', close < 0 ? sql.length : close + 2);
    } else if (WORD.test(ch)) {
      let end = i + 1;
      while (end < sql.length && WORD.test(sql[end]!)) end++;
      push('word', end);
    } else {
      push('punct', i + 1);
    }
  }
  return tokens;
}

/** The name inside a backtick-quoted identifier token. */
export function unquoteIdentifier(text: string): string {
  return text.slice(1, -1).replace(/``/g, '`');
}
