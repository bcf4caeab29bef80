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
