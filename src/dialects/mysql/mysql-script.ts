/**
 * MySQL scripts: splitting one into statements (for `migrate`, schema models and tests), and writing a
 * statement so that the `mysql`/`mariadb` command-line client, Flyway and this splitter all read it
 * back whole.
 *
 * Splitting. Statements end with the current delimiter, `;` at first, outside strings, comments and
 * quoted names. A `DELIMITER x` command where a statement may start (any case; the first word of the
 * rest of its line, quotes around it removed, as the mysql client reads it) changes the delimiter
 * until the next one and is not a statement itself. With `;`, a statement also does not end inside
 * compound-statement blocks (`BEGIN ... END`, `IF ... END IF`, `CASE ... END [CASE]`, `LOOP`,
 * `WHILE`, `REPEAT`), so a stored program written without DELIMITER stays whole too, as Flyway reads
 * it; with any other delimiter the first occurrence ends the statement, as the mysql client reads it.
 * Each statement can then be sent as one driver call (mysql2 runs one statement per call).
 *
 * Writing. A statement that holds a `;` of its own outside strings, comments and quoted names (a
 * trigger, routine or event with a compound body) is written between `DELIMITER $$` and `$$` lines
 * and followed by `DELIMITER ;` (with a longer run of `$` when the statement holds `$$`); every other
 * statement ends with `;`. Without that the mysql client would cut the body at its first `;`.
 */
import { readToken, type Token } from './mysql-lexer.js';

/** Words after which a block keyword starts a statement inside a stored program. */
const STATEMENT_START = new Set(['BEGIN', 'THEN', 'ELSE', 'DO', 'LOOP', 'REPEAT', 'ROW']);
/** Block openers that are also function names or DDL words when not at a statement's start. */
const BLOCK_WORDS = new Set(['IF', 'LOOP', 'WHILE', 'REPEAT']);
/** The words after END that name the block it closes. */
const NAMED_ENDS = new Set(['IF', 'LOOP', 'WHILE', 'REPEAT', 'CASE']);

/** One statement of a script: its text, where it starts in the script, and on which (1-based) line. */
export interface ScriptStatement {
  readonly text: string;
  /** Offset of the statement's first character in the script. */
  readonly start: number;
  readonly startLine: number;
}

/** Where a statement's text ends and where reading goes on after its delimiter. */
interface StatementEnd {
  readonly textEnd: number;
  readonly next: number;
}

/** The statements of `script`, trimmed, without their delimiters; comments between them and DELIMITER commands dropped. */
export function splitMysqlStatements(script: string): string[] {
  return splitMysqlScript(script).map((statement) => statement.text);
}

/** `splitMysqlStatements` with each statement's offset and line in the script (for `file:line` messages). */
export function splitMysqlScript(script: string): ScriptStatement[] {
  const statements: ScriptStatement[] = [];
  let line = 1;
  let counted = 0; // characters of `script` whose line breaks are in `line`
  const lineAt = (offset: number) => {
    for (; counted < offset; counted++) if (script.charCodeAt(counted) === 10) line++;
    return line;
  };
  let delimiter = ';';
  for (let position = 0; position < script.length; ) {
    const token = readToken(script, position);
    if (token.type === 'space' || token.type === 'comment') {
      position = token.end;
      continue;
    }
    const command = delimiterCommand(script, token);
    if (command !== undefined) {
      delimiter = command.delimiter;
      position = command.next;
      continue;
    }
    const end = delimiter === ';' ? blockAwareEnd(script, token.start) : delimiterEnd(script, token.start, delimiter);
    const text = script.slice(token.start, end.textEnd).trim();
    if (text !== '') statements.push({ text, start: token.start, startLine: lineAt(token.start) });
    position = end.next;
  }
  return statements;
}

/** `DELIMITER x` at `token`: the new delimiter and where the line after it starts. */
function delimiterCommand(script: string, token: Token): { delimiter: string; next: number } | undefined {
  if (token.type !== 'word' || token.text.toUpperCase() !== 'DELIMITER') return undefined;
  const newline = script.indexOf('\n', token.end);
  const lineEnd = newline < 0 ? script.length : newline;
  const rest = script.slice(token.end, lineEnd);
  if (!/^[ \t]/.test(rest)) return undefined;
  const word = rest.trim().split(/\s+/)[0] ?? '';
  const quoted = /^(['"`])(.+)\1$/.exec(word);
  const delimiter = quoted ? quoted[2]! : word;
  return delimiter === '' ? undefined : { delimiter, next: lineEnd };
}

/** The first `delimiter` at or after `from` outside strings, comments and quoted names. */
function delimiterEnd(script: string, from: number, delimiter: string): StatementEnd {
  for (let position = from; position < script.length; ) {
    const token = readToken(script, position);
    if (token.type === 'word' || token.type === 'punct' || token.type === 'space') {
      // The delimiter may start inside a word (`END$$`) and run past its end.
      const at = script.slice(position, token.end + delimiter.length - 1).indexOf(delimiter);
      if (at >= 0) return { textEnd: position + at, next: position + at + delimiter.length };
    }
    position = token.end;
  }
  return { textEnd: script.length, next: script.length };
}

/** The first `;` at or after `from` outside strings, comments, quoted names and compound-statement blocks. */
function blockAwareEnd(script: string, from: number): StatementEnd {
  let depth = 0;
  let previous: Token | undefined; // last significant token
  for (let position = from; position < script.length; ) {
    const token = readToken(script, position);
    position = token.end;
    if (token.type === 'space' || token.type === 'comment') continue;
    if (token.type === 'punct' && token.text === ';' && depth === 0) return { textEnd: token.start, next: token.end };
    if (token.type === 'word') {
      const word = token.text.toUpperCase();
      const before = previous?.type === 'word' ? previous.text.toUpperCase() : previous?.text;
      const atStatementStart = before === undefined || before === ';' || before === ':' || STATEMENT_START.has(before);
      if (word === 'END') {
        depth = Math.max(0, depth - 1);
        // `END IF`, `END LOOP`, ... close one block: skip the word that names it.
        const after = nextSignificant(script, position);
        if (after?.type === 'word' && NAMED_ENDS.has(after.text.toUpperCase())) position = after.end;
      } else if (word === 'BEGIN' && nextSignificant(script, position)?.text.toUpperCase() !== 'WORK' && previous !== undefined) {
        depth++;
      } else if (word === 'CASE') {
        depth++;
      } else if (BLOCK_WORDS.has(word) && atStatementStart) {
        depth++;
      }
    }
    previous = token;
  }
  return { textEnd: script.length, next: script.length };
}

function nextSignificant(script: string, from: number): Token | undefined {
  for (let position = from; position < script.length; ) {
    const token = readToken(script, position);
    if (token.type !== 'space' && token.type !== 'comment') return token;
    position = token.end;
  }
  return undefined;
}

/** Whether `statement` holds a `;` outside strings, comments and quoted names (where the mysql client would cut it). */
export function holdsTerminator(statement: string): boolean {
  for (let position = 0; position < statement.length; ) {
    const token = readToken(statement, position);
    if (token.type === 'punct' && token.text === ';') return true;
    position = token.end;
  }
  return false;
}

/** `statement` between `DELIMITER $$` / `$$` / `DELIMITER ;` lines, with a delimiter it does not hold. */
export function delimitedStatement(statement: string): string {
  let delimiter = '$$';
  while (statement.includes(delimiter)) delimiter += '$';
  return `DELIMITER ${delimiter}\n${statement}\n${delimiter}\nDELIMITER ;`;
}

/** One statement as a script writes it: delimited when it holds a `;` of its own, else ended by `;`. */
export function terminatedStatement(statement: string): string {
  return holdsTerminator(statement) ? delimitedStatement(statement) : `${statement};`;
}
