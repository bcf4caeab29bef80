/**
 * A migration script as PostgreSQL runs it: split into statements by the real parser (so `$$` bodies,
 * `BEGIN ATOMIC` and comments need no guessing), each with the line it starts on, and whether it may
 * run inside a transaction. As in Flyway, a script runs in one transaction unless it holds a statement
 * PostgreSQL refuses there (CREATE INDEX CONCURRENTLY, VACUUM, CREATE DATABASE, ...) or manages
 * transactions itself; mixing both kinds needs `mixed = true`.
 */
import { child, list, str, type AstNode } from './postgres-sql-ast.js';
import { splitFile } from './postgres-sql-statements.js';

export interface ScriptStatement {
  readonly text: string;
  /** 1-based line of the script on which the statement starts. */
  readonly startLine: number;
  /** Why the statement cannot run in a transaction (`CREATE INDEX CONCURRENTLY`), if it cannot. */
  readonly nonTransactional?: string;
}

const NEVER_IN_TRANSACTION: Readonly<Record<string, string>> = {
  CreatedbStmt: 'CREATE DATABASE',
  DropdbStmt: 'DROP DATABASE',
  AlterSystemStmt: 'ALTER SYSTEM',
  CreateTableSpaceStmt: 'CREATE TABLESPACE',
  DropTableSpaceStmt: 'DROP TABLESPACE',
  TransactionStmt: 'a transaction control statement',
};

function nonTransactionalReason(type: string, body: AstNode): string | undefined {
  const fixed = NEVER_IN_TRANSACTION[type];
  if (fixed !== undefined) return fixed;
  if (type === 'IndexStmt' && body['concurrent'] === true) return 'CREATE INDEX CONCURRENTLY';
  if (type === 'DropStmt' && body['concurrent'] === true) return 'DROP INDEX CONCURRENTLY';
  if (type === 'VacuumStmt' && body['is_vacuumcmd'] === true) return 'VACUUM';
  if (type === 'ReindexStmt' && list(body, 'params').some((p) => str(child(p, 'DefElem'), 'defname') === 'concurrently')) return 'REINDEX CONCURRENTLY';
  return undefined;
}

/** The script's statements, or `undefined` when the parser cannot read it (the server will say why). */
export async function scriptStatements(text: string): Promise<ScriptStatement[] | undefined> {
  const raw = await splitFile(text);
  if (raw === undefined) return undefined;
  return raw.map((statement) => {
    const reason = nonTransactionalReason(statement.type, statement.body);
    return { text: statement.text, startLine: statement.startLine, ...(reason !== undefined ? { nonTransactional: reason } : {}) };
  });
}

/** The line of `text` (counting from `startLine`) that holds the 1-based character `position`. */
export function lineAtPosition(text: string, startLine: number, position: number | undefined): number {
  if (position === undefined || !Number.isFinite(position) || position < 1) return startLine;
  let line = startLine;
  const end = Math.min(position - 1, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
