/**
 * PostgreSQL migration statements for schemas, extensions and sequences. Conventions: see
 * postgres-migration-common.ts.
 */
import type { MigrationContext, MigrationStep } from '../../generate/migration-hooks.js';
import type { Extension, SchemaDef, Sequence } from '../../model/objects.js';
import { changeComment, createComment, step } from './postgres-migration-common.js';
import { defaultPrivilegeSteps, privilegeSteps } from './postgres-migration-security.js';
import { sequenceOptionChanges, sequenceRangeGuard } from './postgres-migration-sequence-options.js';
import { commentTarget, renderSequenceOptions, renderSequenceOwnedBy } from './postgres-renderer.js';
import { qualifiedName, quoteIdent, quoteLiteral, withSchemaClause } from './postgres-quoting.js';

// ---------------------------------------------------------------------------------------------
// Schemas

/**
 * CREATE SCHEMA IF NOT EXISTS: Flyway creates the schemas it is configured with before it runs the
 * first migration, so the schema may already be there (empty) when the script runs.
 */
export function createSchemaSteps(schema: SchemaDef): MigrationStep[] {
  return [
    step('createSchemas', `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema.name)}`),
    ...createComment(commentTarget.schema(schema.name), schema.comment),
    ...privilegeSteps(schema, undefined),
    ...defaultPrivilegeSteps(schema.name, undefined, schema),
  ];
}

/**
 * Without CASCADE: every object in it was dropped by an earlier statement, or the drop fails. Its
 * default privileges go first (they would keep it from being dropped).
 */
export function dropSchemaSteps(schema: SchemaDef): MigrationStep[] {
  return [...defaultPrivilegeSteps(schema.name, schema, undefined), step('dropSchemas', `DROP SCHEMA ${quoteIdent(schema.name)}`)];
}

export function alterSchemaSteps(from: SchemaDef, to: SchemaDef): MigrationStep[] {
  return [
    ...changeComment(commentTarget.schema(to.name), from.comment, to.comment),
    ...privilegeSteps(to, from),
    ...defaultPrivilegeSteps(to.name, from, to),
  ];
}

// ---------------------------------------------------------------------------------------------
// Extensions

/** The same extension in another schema: one object moves (ALTER EXTENSION SET SCHEMA), not two. */
function movedExtension(extension: Extension, context: MigrationContext, differenceType: 'Add' | 'Delete'): boolean {
  return context.changes.some(
    (change) => change.objectKind === 'extension' && change.differenceType === differenceType && change.name === extension.name && change.schema !== extension.schema,
  );
}

export function createExtensionSteps(extension: Extension, context: MigrationContext): MigrationStep[] {
  const name = quoteIdent(extension.name);
  const version = extension.version === undefined ? '' : ` VERSION ${quoteLiteral(extension.version)}`;
  const create = movedExtension(extension, context, 'Delete')
    ? [
        step('createExtensions', `ALTER EXTENSION ${name} SET SCHEMA ${quoteIdent(extension.schema)}`),
        ...(extension.version === undefined ? [] : [step('createExtensions', `ALTER EXTENSION ${name} UPDATE TO ${quoteLiteral(extension.version)}`)]),
      ]
    : [step('createExtensions', `CREATE EXTENSION ${name}${withSchemaClause(extension.schema)}${version}`)];
  return [...create, ...createComment(commentTarget.extension(extension.name), extension.comment)];
}

export function dropExtensionSteps(extension: Extension, context: MigrationContext): MigrationStep[] {
  if (movedExtension(extension, context, 'Add')) return [];
  return [step('dropExtensions', `DROP EXTENSION ${quoteIdent(extension.name)}`)];
}

export function alterExtensionSteps(from: Extension, to: Extension): MigrationStep[] {
  const steps: MigrationStep[] = [];
  if (from.version !== to.version && to.version !== undefined) {
    steps.push(step('createExtensions', `ALTER EXTENSION ${quoteIdent(to.name)} UPDATE TO ${quoteLiteral(to.version)}`));
  }
  return [...steps, ...changeComment(commentTarget.extension(to.name), from.comment, to.comment)];
}

// ---------------------------------------------------------------------------------------------
// Sequences

/** CREATE SEQUENCE before the tables; OWNED BY once the owning column exists. */
export function createSequenceSteps(sequence: Sequence): MigrationStep[] {
  const { schema, name } = sequence;
  const options = renderSequenceOptions(sequence, { includeDataType: true });
  return [
    step('createSequences', `CREATE SEQUENCE ${qualifiedName(schema, name)}${options.map((o) => `\n    ${o}`).join('')}`),
    ...(sequence.ownedBy === undefined ? [] : [step('setSequenceOwners', renderSequenceOwnedBy(schema, name, sequence.ownedBy))]),
    ...createComment(commentTarget.object('SEQUENCE', schema, name), sequence.comment),
    ...privilegeSteps(sequence, undefined),
  ];
}

/**
 * DROP SEQUENCE after the defaults that used it changed. An owned sequence (serial) may already be
 * gone with its table or column, hence IF EXISTS for those.
 */
export function dropSequenceSteps(sequence: Sequence): MigrationStep[] {
  const ifExists = sequence.ownedBy === undefined ? '' : 'IF EXISTS ';
  return [step('dropSequences', `DROP SEQUENCE ${ifExists}${qualifiedName(sequence.schema, sequence.name)}`)];
}

export function alterSequenceSteps(from: Sequence, to: Sequence): MigrationStep[] {
  const { schema, name } = to;
  const qualified = qualifiedName(schema, name);
  const steps: MigrationStep[] = [];
  const options = sequenceOptionChanges(from, to, { includeDataType: true });
  const guard = options.length > 0 ? sequenceRangeGuard(from, to) : undefined;
  if (guard !== undefined) {
    steps.push(step('alterSequences', `SELECT pg_catalog.setval(${quoteLiteral(qualified)}, ${guard.value}, false) FROM ${qualified} WHERE ${guard.condition}`));
  }
  if (options.length > 0) steps.push(step('alterSequences', `ALTER SEQUENCE ${qualified} ${options.join(' ')}`));
  if (from.ownedBy !== to.ownedBy) {
    // Released before tables and columns are dropped (which would drop an owned sequence with them).
    if (from.ownedBy !== undefined) steps.push(step('releaseSequenceOwners', renderSequenceOwnedBy(schema, name, undefined)));
    if (to.ownedBy !== undefined) steps.push(step('setSequenceOwners', renderSequenceOwnedBy(schema, name, to.ownedBy)));
  }
  return [...steps, ...changeComment(commentTarget.object('SEQUENCE', schema, name), from.comment, to.comment), ...privilegeSteps(to, from)];
}
