/**
 * Small pieces shared by the PostgreSQL renderers: statement terminators, COMMENT ON targets,
 * sequence options, collations, DEFERRABLE clauses. Pure functions over model data.
 * The conventions are written once in postgres-renderer.ts.
 */
import { ParityError } from '../../errors.js';
import type { Routine, SequenceOptions } from '../../model/objects.js';
import { qualifiedName, quoteIdent, quoteLiteral } from './postgres-quoting.js';

/**
 * The one place statements get their terminator: each statement ends with `;`, statements are
 * separated by one blank line, and the text has no trailing newline.
 */
export function renderStatements(statements: readonly string[]): string {
  return statements.map((statement) => `${statement};`).join('\n\n');
}

/**
 * Removes trailing whitespace and one trailing `;` from a stored statement (function, trigger,
 * aggregate definitions), so that `renderStatements` can terminate it uniformly.
 */
export function stripTerminator(statement: string): string {
  const trimmed = statement.trimEnd();
  return trimmed.endsWith(';') ? trimmed.slice(0, -1).trimEnd() : trimmed;
}

/**
 * `COMMENT ON <target> IS '<comment>'`; with no comment (`undefined` or `null`) the statement
 * removes the comment: `COMMENT ON <target> IS NULL`. Not terminated.
 */
export function renderComment(targetSql: string, comment: string | null | undefined): string {
  return `COMMENT ON ${targetSql} IS ${comment === undefined || comment === null ? 'NULL' : quoteLiteral(comment)}`;
}

/**
 * `[COMMENT ON ...]` when a comment is present, `[]` otherwise: for CREATE output. An empty comment
 * counts as none: PostgreSQL stores `IS ''` as no comment at all.
 */
export function commentIfPresent(targetSql: string, comment: string | undefined): string[] {
  return comment === undefined || comment === '' ? [] : [renderComment(targetSql, comment)];
}

/** Object kinds that `COMMENT ON <KEYWORD> schema.name` addresses directly. */
export type CommentKeyword =
  | 'TABLE'
  | 'VIEW'
  | 'MATERIALIZED VIEW'
  | 'SEQUENCE'
  | 'TYPE'
  | 'DOMAIN'
  | 'INDEX';

/** Targets of COMMENT ON, for the CREATE renderer and for a later ALTER step. */
export const commentTarget = {
  schema: (name: string): string => `SCHEMA ${quoteIdent(name)}`,
  extension: (name: string): string => `EXTENSION ${quoteIdent(name)}`,
  object: (keyword: CommentKeyword, schema: string, name: string): string => `${keyword} ${qualifiedName(schema, name)}`,
  /** A column of a table, view, materialized view, or an attribute of a composite type. */
  column: (schema: string, relation: string, column: string): string =>
    `COLUMN ${qualifiedName(schema, relation)}.${quoteIdent(column)}`,
  /** A table constraint (primary key, unique, check, foreign key). */
  constraint: (schema: string, table: string, name: string): string =>
    `CONSTRAINT ${quoteIdent(name)} ON ${qualifiedName(schema, table)}`,
  domainConstraint: (schema: string, domain: string, name: string): string =>
    `CONSTRAINT ${quoteIdent(name)} ON DOMAIN ${qualifiedName(schema, domain)}`,
  trigger: (schema: string, relation: string, name: string): string =>
    `TRIGGER ${quoteIdent(name)} ON ${qualifiedName(schema, relation)}`,
  policy: (schema: string, table: string, name: string): string => `POLICY ${quoteIdent(name)} ON ${qualifiedName(schema, table)}`,
  routine: (routine: Routine): string => `${routineKeyword(routine)} ${routineSignature(routine)}`,
};

/** `FUNCTION`, `PROCEDURE` or `AGGREGATE`: the keyword of COMMENT ON / DROP / ALTER for a routine. */
export function routineKeyword(routine: Routine): 'FUNCTION' | 'PROCEDURE' | 'AGGREGATE' {
  switch (routine.kind) {
    case 'function':
      return 'FUNCTION';
    case 'procedure':
      return 'PROCEDURE';
    case 'aggregate':
      return 'AGGREGATE';
  }
}

/**
 * `schema.name(type, type)`: the routine's identity as COMMENT ON / DROP / ALTER take it. Only input
 * arguments (IN, INOUT, VARIADIC) identify a routine; OUT and TABLE columns are left out. An aggregate
 * without arguments is written `name(*)`.
 */
export function routineSignature(routine: Routine): string {
  const inputs = routine.arguments
    .filter((argument) => argument.mode === 'IN' || argument.mode === 'INOUT' || argument.mode === 'VARIADIC')
    .map((argument) => (argument.mode === 'VARIADIC' ? `VARIADIC ${argument.type}` : argument.type));
  const list = inputs.length === 0 && routine.kind === 'aggregate' ? '*' : inputs.join(', ');
  return `${qualifiedName(routine.schema, routine.baseName)}(${list})`;
}

/**
 * Sequence option clauses in pg_dump's order (AS, START WITH, INCREMENT BY, MINVALUE, MAXVALUE, CACHE,
 * CYCLE), only those present. `AS` is left out for identity columns: their sequence always has the
 * column's type and PostgreSQL rejects a second `AS` ("conflicting or redundant options").
 */
export function renderSequenceOptions(options: SequenceOptions, { includeDataType }: { includeDataType: boolean }): string[] {
  const clauses: string[] = [];
  if (includeDataType && options.dataType !== undefined) clauses.push(`AS ${options.dataType}`);
  if (options.start !== undefined) clauses.push(`START WITH ${options.start}`);
  if (options.increment !== undefined) clauses.push(`INCREMENT BY ${options.increment}`);
  if (options.minValue !== undefined) clauses.push(`MINVALUE ${options.minValue}`);
  if (options.maxValue !== undefined) clauses.push(`MAXVALUE ${options.maxValue}`);
  if (options.cache !== undefined) clauses.push(`CACHE ${options.cache}`);
  if (options.cycle !== undefined) clauses.push(options.cycle ? 'CYCLE' : 'NO CYCLE');
  return clauses;
}

/** ` COLLATE "C"` (with its leading space) or `''`. The collation is SQL text, quoted/qualified as needed. */
export function collateClause(collation: string | undefined): string {
  return collation === undefined ? '' : ` COLLATE ${collation}`;
}

/** ` DEFERRABLE`, ` DEFERRABLE INITIALLY DEFERRED` (initially deferred implies deferrable) or `''`. */
export function deferrableClause(deferrable: boolean | undefined, initiallyDeferred: boolean | undefined): string {
  if (initiallyDeferred === true) return ' DEFERRABLE INITIALLY DEFERRED';
  return deferrable === true ? ' DEFERRABLE' : '';
}

/** `(a, "B")`: raw column names, quoted as needed. */
export function columnList(names: readonly string[]): string {
  return `(${names.map(quoteIdent).join(', ')})`;
}

/**
 * Splits a dotted name such as `orders.id` or `"My Schema"."Order".id` into raw parts; double-quoted
 * parts are unquoted (`""` inside becomes `"`), unquoted parts are taken as they are.
 */
export function splitDottedName(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        current += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === '.') {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (quoted) throw new ParityError('INTERNAL_ERROR', `unterminated quoted name in "${text}"`);
  parts.push(current);
  return parts;
}
