/**
 * How Oracle statements end in a script, as SQL*Plus, SQLcl and Flyway read them: a SQL statement
 * ends with `;`; a PL/SQL unit (CREATE PROCEDURE, FUNCTION, PACKAGE [BODY], TYPE [BODY], TRIGGER),
 * whose text holds `;` of its own, ends with `/` on a line of its own.
 */
import type { OracleStatement } from './oracle-render.js';

export function terminateOracle(statement: { readonly sql: string; readonly plsql?: boolean | undefined }): string {
  if (statement.plsql === true) return `${statement.sql.replace(/\s+$/, '')}\n/`;
  return `${statement.sql};`;
}

/** Statements as a script: each terminated, a blank line between them. */
export function renderOracleStatements(statements: readonly OracleStatement[]): string {
  return statements.map(terminateOracle).join('\n\n');
}

/** One statement of a script, ready for the driver (no trailing `;` on SQL, `END;` kept on PL/SQL). */
export interface ScriptStatement {
  readonly text: string;
  /** 1-based line of the script where the statement starts. */
  readonly startLine: number;
  readonly plsql: boolean;
}

/** A statement that is a PL/SQL unit or block: only a `/` line ends it. */
const PLSQL_START = /^(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:NON)?EDITIONABLE\s+)?(?:PROCEDURE|FUNCTION|PACKAGE|TYPE|TRIGGER|LIBRARY)\b|DECLARE\b|BEGIN\b)/i;

/** SQL*Plus commands Flyway and SQL*Plus scripts hold and the server does not take: skipped. */
const CLIENT_COMMAND = /^(?:SET\s+(?!TRANSACTION\b|ROLE\b|CONSTRAINTS?\b)|PROMPT\b|SPOOL\b|WHENEVER\b|SHOW\b|EXIT\b|QUIT\b|DEFINE\b|REM(?:ARK)?\b)/i;

/** Only white space and comments. */
function isBlank(text: string): boolean {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/--[^\n]*/g, '').trim() === '';
}

/** Leading comments and blank lines removed (the statement starts at its first word). */
function withoutLeadingComments(text: string): string {
  let rest = text;
  for (;;) {
    const trimmed = rest.replace(/^\s+/, '');
    if (trimmed.startsWith('--')) {
      const end = trimmed.indexOf('\n');
      rest = end === -1 ? '' : trimmed.slice(end + 1);
    } else if (trimmed.startsWith('/*')) {
      const end = trimmed.indexOf('*/');
      rest = end === -1 ? '' : trimmed.slice(end + 2);
    } else return trimmed;
  }
}

/**
 * An Oracle script split into statements as SQL*Plus, SQLcl and Flyway read it: a SQL statement ends
 * with `;` (outside strings, quoted names and comments) or a `/` line; a PL/SQL unit (CREATE
 * PROCEDURE, FUNCTION, PACKAGE, TYPE, TRIGGER; an anonymous DECLARE/BEGIN block) ends only with a `/`
 * line (or the end of the script), its `;` being its own. SQL*Plus commands (SET, PROMPT, ...) are
 * left out.
 */
export function splitOracleScript(script: string): ScriptStatement[] {
  const lines = script.replace(/\r\n?/g, '\n').split('\n');
  const out: ScriptStatement[] = [];
  let current: string[] = [];
  let start = 1;
  let inComment = false;
  let quote: string | undefined;
  const head = () => withoutLeadingComments(current.join('\n'));
  const flush = (nextStart: number) => {
    const text = current.join('\n');
    if (!isBlank(text)) {
      const leading = current.findIndex((line) => !isBlank(line));
      const body = withoutLeadingComments(text).trimEnd();
      const plsql = PLSQL_START.test(body);
      const statement = plsql ? body : body.replace(/;\s*$/, '').trimEnd();
      if (statement !== '') out.push({ text: statement, startLine: start + Math.max(leading, 0), plsql });
    }
    current = [];
    start = nextStart;
  };
  lines.forEach((line, index) => {
    if (!inComment && quote === undefined && /^\s*\/\s*$/.test(line)) {
      flush(index + 2);
      return;
    }
    if (isBlank(current.join('\n')) && !inComment && quote === undefined && CLIENT_COMMAND.test(line.trim())) {
      current = [];
      start = index + 2;
      return;
    }
    current.push(line);
    let endsStatement = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      const next = line[i + 1];
      if (quote !== undefined) {
        if (quote.length === 2 ? ch === quote[0] && next === "'" : ch === quote) {
          if (quote.length === 1 && next === quote) i++;
          else {
            if (quote.length === 2) i++;
            quote = undefined;
          }
        }
      } else if (inComment) {
        if (ch === '*' && next === '/') {
          inComment = false;
          i++;
        }
      } else if (ch === '-' && next === '-') break;
      else if (ch === '/' && next === '*') {
        inComment = true;
        i++;
      } else if ((ch === 'q' || ch === 'Q') && next === "'" && !/[\w$#]/.test(line[i - 1] ?? '')) {
        // q'[...]', q'{...}', q'<...>', q'(...)', q'!...!'
        const open = line[i + 2] ?? '';
        const close = ({ '[': ']', '{': '}', '<': '>', '(': ')' } as Record<string, string>)[open] ?? open;
        quote = `${close}'`;
        i += 2;
      } else if (ch === "'" || ch === '"') quote = ch;
      else if (ch === ';') endsStatement = line.slice(i + 1).replace(/--.*$/, '').trim() === '';
    }
    if (endsStatement && !inComment && quote === undefined && !PLSQL_START.test(head())) flush(index + 2);
  });
  flush(lines.length + 1);
  return out;
}
