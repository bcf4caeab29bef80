/**
 * Splitting a MySQL script into statements without `DELIMITER`.
 *
 * Generated scripts end every statement with `;` (the dialect's statementTerminator) and never use the
 * mysql client's `DELIMITER` command, which no driver understands. A stored program's body may hold
 * `;` of its own, so a statement does not end at every `;`: it ends at a `;` outside strings,
 * comments and quoted names, and outside compound-statement blocks (`BEGIN ... END`, `IF ... END IF`,
 * `CASE ... END [CASE]`, `LOOP`, `WHILE`, `REPEAT`). That is how Flyway reads MySQL scripts too, and
 * it lets a runner send each statement as one call (mysql2 runs one statement per call).
 */
import { tokenize, type Token } from './mysql-lexer.js';

/** Words after which a block keyword starts a statement inside a stored program. */
const STATEMENT_START = new Set(['BEGIN', 'THEN', 'ELSE', 'DO', 'LOOP', 'REPEAT', 'ROW']);
/** Block openers that are also function names or DDL words when not at a statement's start. */
const BLOCK_WORDS = new Set(['IF', 'LOOP', 'WHILE', 'REPEAT']);

/** One statement of a script: its text, where it starts in the script, and on which (1-based) line. */
export interface ScriptStatement {
  readonly text: string;
  /** Offset of the statement's first character in the script. */
  readonly start: number;
  readonly startLine: number;
}

/** The statements of `script`, trimmed, without their terminating `;`; comments between them dropped. */
export function splitMysqlStatements(script: string): string[] {
  return splitMysqlScript(script).map((statement) => statement.text);
}

/** `splitMysqlStatements` with each statement's offset and line in the script (for `file:line` messages). */
export function splitMysqlScript(script: string): ScriptStatement[] {
  const tokens = tokenize(script);
  const statements: ScriptStatement[] = [];
  let line = 1;
  let counted = 0; // characters of `script` whose line breaks are in `line`
  const lineAt = (offset: number) => {
    for (; counted < offset; counted++) if (script.charCodeAt(counted) === 10) line++;
    return line;
  };
  let depth = 0;
  let start: number | undefined;
  let previous: Token | undefined; // last significant token
  const flush = (end: number) => {
    if (start !== undefined) {
      const text = script.slice(start, end).trim();
      if (text !== '') statements.push({ text, start, startLine: lineAt(start) });
    }
    start = undefined;
    previous = undefined;
  };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.type === 'space' || token.type === 'comment') continue;
    if (token.type === 'punct' && token.text === ';' && depth === 0) {
      flush(token.start);
      continue;
    }
    start ??= token.start;
    if (token.type === 'word') {
      const word = token.text.toUpperCase();
      const before = previous?.type === 'word' ? previous.text.toUpperCase() : previous?.text;
      const atStatementStart = before === undefined || before === ';' || before === ':' || STATEMENT_START.has(before);
      if (word === 'END') {
        depth = Math.max(0, depth - 1);
        // `END IF`, `END LOOP`, ... close one block: skip the word that names it.
        const after = nextSignificant(tokens, index);
        if (after?.type === 'word' && ['IF', 'LOOP', 'WHILE', 'REPEAT', 'CASE'].includes(after.text.toUpperCase())) index = tokens.indexOf(after);
      } else if (word === 'BEGIN' && nextSignificant(tokens, index)?.text.toUpperCase() !== 'WORK' && previous !== undefined) {
        depth++;
      } else if (word === 'CASE') {
        depth++;
      } else if (BLOCK_WORDS.has(word) && atStatementStart) {
        depth++;
      }
    }
    previous = token;
  }
  flush(script.length);
  return statements;
}

function nextSignificant(tokens: readonly Token[], index: number): Token | undefined {
  for (let i = index + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'space' && token.type !== 'comment') return token;
  }
  return undefined;
}
