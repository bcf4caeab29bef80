/**
 * The Oracle migration hooks (Dialect.migration): statements that create, drop and alter each object
 * kind, tagged with their phase (generate/change-order.ts).
 *
 * Oracle DDL is not transactional: each statement commits, so a script that fails half-way leaves the
 * statements before the failure applied (the script header says so). PL/SQL units end with `/`.
 *
 * Views: Oracle marks a view INVALID when what it reads changes, and recompiles it the next time it
 * is used; it never refuses the change. So no view is dropped around an alter
 * (`alterKeepsDependents` is always true), and a changed view is replaced in place with
 * CREATE OR REPLACE VIEW (which keeps its grants). PL/SQL (procedures, functions, packages, types,
 * triggers) likewise compiles against missing objects (INVALID, recompiled on use).
 *
 * Tables are altered part by part: ALTER TABLE ... ADD / MODIFY / DROP COLUMN, DROP / ADD CONSTRAINT,
 * DROP / CREATE INDEX, COMMENT ON. What ALTER TABLE cannot change (a temporary table's ON COMMIT,
 * index organization) is refused with UNSUPPORTED rather than rendered as a drop that loses data.
 */
import { editSides, type Change } from '../../diff/changes.js';
import { equalValues } from '../../diff/object-comparer.js';
import { ParityError } from '../../errors.js';
import type { Phase } from '../../generate/change-order.js';
import type { MigrationRenderer, MigrationStep } from '../../generate/migration-hooks.js';
import type { Column, CompositeType, MaterializedView, Package, Routine, SchemaObject, Table, Trigger, View } from '../../model/objects.js';
import { shownName } from '../../model/unqualify.js';
import { qualifiedName, quoteIdent } from './oracle-quoting.js';
import {
  columnComments,
  commentOn,
  packageStatements,
  renderCheck,
  renderColumn,
  renderCreateTable,
  renderForeignKey,
  renderIndex,
  renderMaterializedViewStatements,
  renderPrimaryKey,
  renderSchema,
  renderSequence,
  renderSynonym,
  renderUnique,
  renderViewStatements,
  triggerStatements,
  typeDefinition,
  typeStatements,
  type OracleStatement,
} from './oracle-render.js';
import { terminateOracle } from './oracle-script.js';

const step = (phase: Phase, statement: OracleStatement, destructive?: string): MigrationStep => ({
  phase,
  sql: statement.sql,
  ...(statement.plsql === true ? { ownTerminators: true } : {}),
  ...(destructive !== undefined ? { destructive } : {}),
});

const steps = (phase: Phase, statements: readonly OracleStatement[]): MigrationStep[] => statements.map((s) => step(phase, s));

function byName<T extends { readonly name: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.name, item]));
}

/** Parts only in `to` or changed (`added`), and only in `from` or changed (`removed`). */
function partDiff<T extends { readonly name: string }>(from: readonly T[], to: readonly T[]): { added: T[]; removed: T[] } {
  const before = byName(from);
  const after = byName(to);
  return {
    added: to.filter((p) => !equalValues(before.get(p.name), p)),
    removed: from.filter((p) => !equalValues(after.get(p.name), p)),
  };
}

// ---------------------------------------------------------------------------------------------
// Tables

function tableName(table: { readonly schema: string; readonly name: string }): string {
  return qualifiedName(table.schema, table.name);
}

function createTableSteps(table: Table): MigrationStep[] {
  return [
    step('createTables', { sql: renderCreateTable(table, false) }),
    ...table.indexes.map((index) => step('createTables', { sql: renderIndex(table.schema, table.name, index) })),
    ...table.foreignKeys.map((fk) => step('addForeignKeys', { sql: `ALTER TABLE ${tableName(table)} ADD ${renderForeignKey(fk)}` })),
    ...steps('comments', columnComments('TABLE', table.schema, table.name, table.comment, table.columns).map((sql) => ({ sql }))),
    ...steps('createTriggers', table.triggers.flatMap((t) => triggerStatements(table.schema, t))),
  ];
}

/** The table's own foreign keys go first, so tables dropped together can go in any order. */
function dropTableSteps(table: Table): MigrationStep[] {
  return [
    ...table.foreignKeys.map((fk) => step('dropForeignKeys', { sql: `ALTER TABLE ${tableName(table)} DROP CONSTRAINT ${quoteIdent(fk.name)}` })),
    step('dropTables', { sql: `DROP TABLE ${tableName(table)}` }, `drops table ${shownName(table.schema, table.name)} and its data`),
  ];
}

/**
 * Whether a column changed in a way MODIFY cannot express, so that it is dropped and added again: a
 * virtual column's expression, or virtual vs stored. Making an existing column an identity column is
 * refused (Oracle cannot, ORA-30673; recreating it would lose its data and the keys on it).
 */
function recreatedColumn(table: Table, from: Column, to: Column): boolean {
  if (from.identity === undefined && to.identity !== undefined) {
    throw new ParityError('UNSUPPORTED', `making column ${to.name} of ${shownName(table.schema, table.name)} an identity column needs it recreated with its data and keys; parity does not generate that for Oracle`);
  }
  return from.generated !== to.generated;
}

function modifyColumnSteps(table: Table, from: Column, to: Column): MigrationStep[] {
  const target = tableName(table);
  const result: MigrationStep[] = [];
  if (from.identity !== undefined && to.identity === undefined) {
    result.push(step('alterTables', { sql: `ALTER TABLE ${target} MODIFY ${quoteIdent(to.name)} DROP IDENTITY` }));
  }
  const clauses: string[] = [];
  if (from.type !== to.type) clauses.push(to.type);
  const fromOnNull = from.extras?.['defaultOnNull'] === true;
  const toOnNull = to.extras?.['defaultOnNull'] === true;
  if (to.identity !== undefined && !equalValues(from.identity, to.identity)) {
    clauses.push(renderColumn({ ...to, name: '', type: '' }, false).replace(/^"" /, '').replace(/^(INVISIBLE )?/, '').trim());
  } else if (to.identity === undefined && (from.default !== to.default || fromOnNull !== toOnNull)) {
    clauses.push(to.default !== undefined ? `DEFAULT ${toOnNull ? 'ON NULL ' : ''}${to.default}` : 'DEFAULT NULL');
  }
  const fromInvisible = from.extras?.['invisible'] === true;
  const toInvisible = to.extras?.['invisible'] === true;
  if (fromInvisible !== toInvisible) clauses.push(toInvisible ? 'INVISIBLE' : 'VISIBLE');
  if (from.nullable !== to.nullable) clauses.push(to.nullable ? 'NULL' : 'NOT NULL');
  if (clauses.length > 0) {
    const destructive = from.type !== to.type ? `changes the type of column ${to.name} of ${shownName(table.schema, table.name)} from ${from.type} to ${to.type}` : undefined;
    result.push(step('alterTables', { sql: `ALTER TABLE ${target} MODIFY (${quoteIdent(to.name)} ${clauses.join(' ')})` }, destructive));
  }
  if (from.comment !== to.comment) result.push(step('comments', { sql: commentOn('COLUMN', `${target}.${quoteIdent(to.name)}`, to.comment) }));
  return result;
}

function triggerSteps(schema: string, from: readonly Trigger[], to: readonly Trigger[]): MigrationStep[] {
  const { added, removed } = partDiff(from, to);
  const kept = new Set(to.map((t) => t.name));
  return [
    ...removed.filter((t) => !kept.has(t.name)).map((t) => step('dropTriggers', { sql: `DROP TRIGGER ${qualifiedName(schema, t.name)}` })),
    // CREATE OR REPLACE TRIGGER leaves the trigger enabled; a disabled one is disabled after it.
    ...steps('createTriggers', added.flatMap((t) => triggerStatements(schema, t))),
  ];
}

function alterTableSteps(from: Table, to: Table): MigrationStep[] {
  for (const key of ['temporary', 'organization', 'partitioned']) {
    if (!equalValues(from.extras?.[key], to.extras?.[key])) {
      throw new ParityError('UNSUPPORTED', `changing the ${key} option of table ${shownName(to.schema, to.name)} needs the table recreated; parity does not generate that for Oracle`);
    }
  }
  const target = tableName(to);
  const result: MigrationStep[] = [];
  const fromColumns = byName(from.columns);
  const toColumns = byName(to.columns);

  const fks = partDiff(from.foreignKeys, to.foreignKeys);
  result.push(...fks.removed.map((fk) => step('dropForeignKeys', { sql: `ALTER TABLE ${target} DROP CONSTRAINT ${quoteIdent(fk.name)}` })));

  // Constraints and indexes that change or go away, before the columns they use change.
  const fromPk = from.primaryKey ? [from.primaryKey] : [];
  const toPk = to.primaryKey ? [to.primaryKey] : [];
  const pks = partDiff(fromPk, toPk);
  const uniques = partDiff(from.uniqueConstraints, to.uniqueConstraints);
  const checks = partDiff(from.checkConstraints, to.checkConstraints);
  const indexes = partDiff(from.indexes, to.indexes);
  for (const c of [...checks.removed, ...uniques.removed, ...pks.removed]) {
    result.push(step('alterTables', { sql: `ALTER TABLE ${target} DROP CONSTRAINT ${quoteIdent(c.name)}` }));
  }
  result.push(...indexes.removed.map((i) => step('alterTables', { sql: `DROP INDEX ${qualifiedName(to.schema, i.name)}` })));

  // Columns: dropped, recreated, modified, added.
  for (const column of from.columns) {
    const next = toColumns.get(column.name);
    if (next === undefined || recreatedColumn(to, column, next)) {
      const stored = column.generated === undefined;
      result.push(
        step('alterTables', { sql: `ALTER TABLE ${target} DROP COLUMN ${quoteIdent(column.name)}` }, stored ? `drops column ${column.name} of ${shownName(to.schema, to.name)} and its data` : undefined),
      );
    }
  }
  for (const column of to.columns) {
    const previous = fromColumns.get(column.name);
    if (previous === undefined || recreatedColumn(to, previous, column)) {
      result.push(step('alterTables', { sql: `ALTER TABLE ${target} ADD (${renderColumn(column)})` }));
      if (column.comment !== undefined) result.push(step('comments', { sql: commentOn('COLUMN', `${target}.${quoteIdent(column.name)}`, column.comment) }));
    } else if (!equalValues(previous, column)) {
      result.push(...modifyColumnSteps(to, previous, column));
    }
  }

  for (const pk of pks.added) result.push(step('alterTables', { sql: `ALTER TABLE ${target} ADD ${renderPrimaryKey(pk)}` }));
  for (const uk of uniques.added) result.push(step('alterTables', { sql: `ALTER TABLE ${target} ADD ${renderUnique(uk)}` }));
  for (const ck of checks.added) result.push(step('alterTables', { sql: `ALTER TABLE ${target} ADD ${renderCheck(ck)}` }));
  result.push(...indexes.added.map((i) => step('alterTables', { sql: renderIndex(to.schema, to.name, i) })));
  result.push(...fks.added.map((fk) => step('addForeignKeys', { sql: `ALTER TABLE ${target} ADD ${renderForeignKey(fk)}` })));
  if (from.comment !== to.comment) result.push(step('comments', { sql: commentOn('TABLE', target, to.comment) }));
  result.push(...triggerSteps(to.schema, from.triggers, to.triggers));
  return result;
}

// ---------------------------------------------------------------------------------------------
// Other objects

function commentSteps(what: 'TABLE' | 'MATERIALIZED VIEW', from: View | MaterializedView, to: View | MaterializedView): MigrationStep[] {
  const target = qualifiedName(to.schema, to.name);
  const result: MigrationStep[] = [];
  if (from.comment !== to.comment) result.push(step('comments', { sql: commentOn(what, target, to.comment) }));
  const before = byName(from.columns ?? []);
  for (const c of to.columns ?? []) {
    if (before.get(c.name)?.comment !== c.comment) result.push(step('comments', { sql: commentOn('COLUMN', `${target}.${quoteIdent(c.name)}`, c.comment) }));
  }
  return result;
}

function createViewSteps(view: View): MigrationStep[] {
  const [create, ...rest] = renderViewStatements(view);
  return [step('createViews', create!), ...rest.map((s) => step(s.plsql === true ? 'createTriggers' : 'comments', s))];
}

function alterViewSteps(from: View, to: View): MigrationStep[] {
  const [create] = renderViewStatements(to);
  const definitionChanged = !equalValues({ ...from, comment: undefined, triggers: undefined, columns: from.columns?.map((c) => c.name) }, { ...to, comment: undefined, triggers: undefined, columns: to.columns?.map((c) => c.name) });
  return [
    ...(definitionChanged ? [step('createViews', create!)] : []),
    ...commentSteps('TABLE', from, to),
    ...triggerSteps(to.schema, from.triggers ?? [], to.triggers ?? []),
  ];
}

function createMaterializedViewSteps(mview: MaterializedView): MigrationStep[] {
  const [create, ...rest] = renderMaterializedViewStatements(mview);
  return [step('createViews', create!), ...rest.map((s) => step(s.sql.startsWith('COMMENT') ? 'comments' : 'createViews', s))];
}

function dropMaterializedViewSteps(mview: MaterializedView): MigrationStep[] {
  return [step('dropViews', { sql: `DROP MATERIALIZED VIEW ${qualifiedName(mview.schema, mview.name)}` })];
}

function packageAlterSteps(from: Package, to: Package): MigrationStep[] {
  const target = qualifiedName(to.schema, to.name);
  const result: MigrationStep[] = [];
  if (from.definition !== to.definition) result.push(step('createRoutines', { sql: to.definition, plsql: true }));
  if (to.body !== undefined && (to.body !== from.body || from.definition !== to.definition)) result.push(step('createRoutines', { sql: to.body, plsql: true }));
  if (to.body === undefined && from.body !== undefined) result.push(step('dropRoutines', { sql: `DROP PACKAGE BODY ${target}` }));
  return result;
}

function typeAlterSteps(from: CompositeType, to: CompositeType): MigrationStep[] {
  const result: MigrationStep[] = [];
  const fromBody = from.extras?.['body'];
  const toBody = to.extras?.['body'];
  if (typeDefinition(from) !== typeDefinition(to)) result.push(step('alterCompositeTypes', { sql: typeDefinition(to), plsql: true }));
  if (typeof toBody === 'string' && (toBody !== fromBody || typeDefinition(from) !== typeDefinition(to))) result.push(step('createRoutines', { sql: toBody, plsql: true }));
  if (typeof toBody !== 'string' && typeof fromBody === 'string') result.push(step('dropRoutines', { sql: `DROP TYPE BODY ${qualifiedName(to.schema, to.name)}` }));
  return result;
}

function create(object: SchemaObject): MigrationStep[] {
  switch (object.kind) {
    case 'schema':
      return [step('createSchemas', { sql: renderSchema(object) })];
    case 'table':
      return createTableSteps(object);
    case 'view':
      return createViewSteps(object);
    case 'materializedView':
      return createMaterializedViewSteps(object);
    case 'sequence':
      return [step('createSequences', { sql: renderSequence(object, 'CREATE') })];
    case 'synonym':
      return [step('createViews', { sql: renderSynonym(object) })];
    case 'function':
      return [step('createTableRoutines', { sql: object.definition, plsql: true })];
    case 'procedure':
      return [step('createRoutines', { sql: object.definition, plsql: true })];
    case 'package':
      return steps('createRoutines', packageStatements(object));
    case 'compositeType': {
      const [spec, ...body] = typeStatements(object);
      return [step('createCompositeTypes', spec!), ...steps('createRoutines', body)];
    }
    default:
      return unsupported(object.kind, object.schema, object.name);
  }
}

function drop(object: SchemaObject): MigrationStep[] {
  const target = qualifiedName(object.schema, object.name);
  switch (object.kind) {
    case 'schema':
      return [step('dropSchemas', { sql: `DROP USER ${quoteIdent(object.name)}` }, `drops user (schema) ${object.name}; it must be empty`)];
    case 'table':
      return dropTableSteps(object);
    case 'view':
      return [step('dropViews', { sql: `DROP VIEW ${target}` })];
    case 'materializedView':
      return dropMaterializedViewSteps(object);
    case 'sequence':
      return [step('dropSequences', { sql: `DROP SEQUENCE ${target}` })];
    case 'synonym':
      return [step('dropViews', { sql: `DROP SYNONYM ${target}` })];
    case 'function':
    case 'procedure':
      return [step('dropRoutines', { sql: `DROP ${object.kind.toUpperCase()} ${target}` })];
    case 'package':
      return [step('dropRoutines', { sql: `DROP PACKAGE ${target}` })];
    case 'compositeType':
      return [step('dropCompositeTypes', { sql: `DROP TYPE ${target}` })];
    default:
      return unsupported(object.kind, object.schema, object.name);
  }
}

function alter(change: Change): MigrationStep[] {
  switch (change.objectKind) {
    case 'schema':
      return [];
    case 'table': {
      const { from, to } = editSides(change, 'table');
      return alterTableSteps(from, to);
    }
    case 'view': {
      const { from, to } = editSides(change, 'view');
      return alterViewSteps(from, to);
    }
    case 'materializedView': {
      const { from, to } = editSides(change, 'materializedView');
      return [...dropMaterializedViewSteps(from), ...createMaterializedViewSteps(to)];
    }
    case 'sequence': {
      const { to } = editSides(change, 'sequence');
      return [step('alterSequences', { sql: renderSequence(to, 'ALTER') })];
    }
    case 'synonym': {
      const { to } = editSides(change, 'synonym');
      return [step('createViews', { sql: renderSynonym(to) })];
    }
    case 'function':
      return [step('createTableRoutines', { sql: (editSides(change, 'function').to as Routine).definition, plsql: true })];
    case 'procedure':
      return [step('createRoutines', { sql: (editSides(change, 'procedure').to as Routine).definition, plsql: true })];
    case 'package': {
      const { from, to } = editSides(change, 'package');
      return packageAlterSteps(from, to);
    }
    case 'compositeType': {
      const { from, to } = editSides(change, 'compositeType');
      return typeAlterSteps(from, to);
    }
    default:
      return unsupported(change.objectKind, change.schema, change.name);
  }
}

function unsupported(kind: string, schema: string, name: string): never {
  throw new ParityError('UNSUPPORTED', `Oracle has no ${kind} objects (${shownName(schema, name)})`);
}

export const oracleMigration: MigrationRenderer = {
  terminate: (step) => terminateOracle({ sql: step.sql, plsql: step.ownTerminators }),
  transactionalDdl: false,
  preamble: () => [],
  create,
  drop,
  alter,
  alterKeepsDependents: () => true,
  reads: () => false,
};
