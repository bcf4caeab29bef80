/**
 * PostgreSQL DDL renderer: a model object -> the canonical DDL that creates it, all parts included.
 * The text is the object's `definition` in diffs, so equal objects must render to equal text.
 *
 * Conventions (written here once; the postgres-render-*.ts files follow them):
 * - Upper-case keywords. Identifiers come raw from the model and are quoted only when needed
 *   (quoteIdent); objects are always schema-qualified, so the DDL runs with any search_path.
 * - Model values that are SQL text already (types, defaults, expressions, index key parts, view
 *   queries, function and trigger definitions) are emitted as they are: the normalizer made them
 *   canonical. Parentheses the grammar requires are added here: CHECK (...), GENERATED ALWAYS AS (...).
 * - Only what the model holds is written. Server defaults are not spelled out: no MATCH SIMPLE, no
 *   ON UPDATE/ON DELETE NO ACTION, no NOT DEFERRABLE; boolean flags render only when true.
 * - One statement per line group. Statements are built without terminator; `renderStatements` (the one
 *   place) ends each with `;` and separates them with one blank line. The exported pieces for a later
 *   ALTER step (renderColumnDefinition, renderConstraint, renderIndex, renderComment, ...) are
 *   unterminated clauses or statements.
 * - CREATE TABLE: one element per line, 4-space indent, columns in model order, then
 *   `CONSTRAINT ...` for the primary key, unique, check and foreign key constraints (foreign keys inline;
 *   the generate step separates them). Composite types and sequence options use the same indent.
 * - Statement order per object: CREATE, then indexes, triggers (their stored definitions), then
 *   COMMENT ON the object, its columns, constraints, indexes and triggers; `ALTER SEQUENCE ... OWNED BY`
 *   comes last because the owning table may not exist yet.
 * - Extensions carry `VERSION`: the text is exact, so a version drift shows up as a difference.
 */
import { ParityError } from '../../errors.js';
import type { Extension, SchemaDef, SchemaObject } from '../../model/objects.js';
import { commentIfPresent, commentTarget, renderStatements } from './postgres-render-common.js';
import { renderRoutineStatements } from './postgres-render-routines.js';
import { renderSequenceStatements } from './postgres-render-sequence.js';
import { renderTableStatements } from './postgres-render-table.js';
import { renderCompositeTypeStatements, renderDomainStatements, renderEnumStatements } from './postgres-render-types.js';
import { renderMaterializedViewStatements, renderViewStatements } from './postgres-render-views.js';
import { quoteIdent, quoteLiteral, withSchemaClause } from './postgres-quoting.js';
import { defaultPrivilegeGrants, renderPrivileges } from './postgres-render-privileges.js';

export {
  columnList,
  commentTarget,
  renderComment,
  renderSequenceOptions,
  renderStatements,
  routineSignature,
} from './postgres-render-common.js';
export type { CommentKeyword } from './postgres-render-common.js';
export { renderColumnDefinition, renderConstraint, renderIndex, renderTrigger } from './postgres-render-table.js';
export type { ConstraintByKind, ConstraintKind } from './postgres-render-table.js';
export { renderSequenceOwnedBy } from './postgres-render-sequence.js';
export { renderAttributeDefinition } from './postgres-render-types.js';

/** The canonical, terminated DDL that creates `object` with all its parts. */
export function renderCreatePostgres(object: SchemaObject): string {
  return renderStatements(renderCreateStatementsPostgres(object));
}

/** The statements of `renderCreatePostgres`, unterminated, in order. */
export function renderCreateStatementsPostgres(object: SchemaObject): string[] {
  switch (object.kind) {
    case 'schema':
      return renderSchemaStatements(object);
    case 'table':
      return renderTableStatements(object);
    case 'view':
      return renderViewStatements(object);
    case 'materializedView':
      return renderMaterializedViewStatements(object);
    case 'sequence':
      return renderSequenceStatements(object);
    case 'function':
    case 'procedure':
    case 'aggregate':
      return renderRoutineStatements(object);
    case 'enum':
      return renderEnumStatements(object);
    case 'domain':
      return renderDomainStatements(object);
    case 'compositeType':
      return renderCompositeTypeStatements(object);
    case 'extension':
      return renderExtensionStatements(object);
    case 'synonym':
    case 'package':
      throw new ParityError('UNSUPPORTED', `PostgreSQL has no ${object.kind} objects (${object.schema}.${object.name})`);
    default:
      return unreachable(object);
  }
}

function unreachable(object: never): never {
  throw new Error(`no PostgreSQL renderer for object kind ${(object as { kind: string }).kind}`);
}

/** `CREATE SCHEMA s`, its comment, privileges and default privileges. */
function renderSchemaStatements(schema: SchemaDef): string[] {
  return [
    `CREATE SCHEMA ${quoteIdent(schema.name)}`,
    ...commentIfPresent(commentTarget.schema(schema.name), schema.comment),
    ...renderPrivileges(schema),
    ...defaultPrivilegeGrants(schema.name, undefined, schema.defaultPrivileges),
  ];
}

/** `CREATE EXTENSION IF NOT EXISTS name WITH SCHEMA s [VERSION 'v']` and its comment. */
function renderExtensionStatements(extension: Extension): string[] {
  const version = extension.version === undefined ? '' : ` VERSION ${quoteLiteral(extension.version)}`;
  return [
    `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(extension.name)}${withSchemaClause(extension.schema)}${version}`,
    ...commentIfPresent(commentTarget.extension(extension.name), extension.comment),
  ];
}
