/**
 * PostgreSQL migration statements for tables: CREATE TABLE without foreign keys (they are added in a
 * later phase, so tables can reference each other in any order), DROP TABLE, and the ALTER TABLE
 * statements for a table in both schemas. Conventions: see postgres-migration-common.ts.
 */
import type { MigrationContext, MigrationStep } from '../../generate/migration-hooks.js';
import type { Index, Table, Trigger } from '../../model/objects.js';
import { columnChanges, columnChangesKeepReaders } from './postgres-migration-columns.js';
import { contextFacts } from './postgres-migration-context.js';
import { changeComment, createComment, equalIgnoringComment, equalValues, mentionsName, pairByName, step } from './postgres-migration-common.js';
import {
  addConstraintSql,
  constraintPhase,
  createIndexSql,
  createTriggerSteps,
  dropConstraintSql,
  dropIndexSql,
  tableConstraints,
  triggerChangeSteps,
  type TableConstraint,
} from './postgres-migration-parts.js';
import { commentTarget, renderColumnDefinition } from './postgres-renderer.js';
import { qualifiedName, quoteIdent } from './postgres-quoting.js';

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function flagSet(table: Table, key: string): boolean {
  return table.extras?.[key] === true;
}

/** Table-level comments, column comments, constraint and index comments of a new table. */
function tableComments(table: Table): MigrationStep[] {
  const { schema, name } = table;
  return [
    ...createComment(commentTarget.object('TABLE', schema, name), table.comment),
    ...table.columns.flatMap((c) => createComment(commentTarget.column(schema, name, c.name), c.comment)),
    ...tableConstraints(table).flatMap((c) => createComment(commentTarget.constraint(schema, name, c.name), c.comment)),
    ...table.indexes.flatMap((i) => createComment(commentTarget.object('INDEX', schema, i.name), i.comment)),
  ];
}

/**
 * CREATE [UNLOGGED] TABLE with columns and the constraints that are not foreign keys and not NOT
 * VALID, then NOT VALID constraints, indexes, row-level security; foreign keys, triggers and comments
 * in their own phases.
 */
export function createTableSteps(table: Table): MigrationStep[] {
  const { schema, name } = table;
  const qualified = qualifiedName(schema, name);
  const constraints = tableConstraints(table);
  const inline = constraints.filter((c) => !c.foreignKey && !c.notValid);
  const elements = [...table.columns.map(renderColumnDefinition), ...inline.map((c) => c.clause)];
  const body = elements.length === 0 ? '()' : `(\n${elements.map((e) => `    ${e}`).join(',\n')}\n)`;
  const inherits = stringList(table.extras?.['inherits']);
  const storage = stringList(table.extras?.['storageParameters']);
  let create = `CREATE ${flagSet(table, 'unlogged') ? 'UNLOGGED ' : ''}TABLE ${qualified} ${body}`;
  if (inherits.length > 0) create += ` INHERITS (${inherits.join(', ')})`;
  if (table.partitionBy !== undefined) create += ` PARTITION BY ${table.partitionBy}`;
  if (storage.length > 0) create += ` WITH (${storage.join(', ')})`;
  return [
    step('createTables', create),
    ...constraints.filter((c) => !c.foreignKey && c.notValid).map((c) => step('createTables', addConstraintSql(schema, name, c))),
    ...table.indexes.map((index) => step('createTables', createIndexSql(schema, name, index))),
    ...(flagSet(table, 'rowLevelSecurity') ? [step('createTables', `ALTER TABLE ${qualified} ENABLE ROW LEVEL SECURITY`)] : []),
    ...(flagSet(table, 'forceRowLevelSecurity') ? [step('createTables', `ALTER TABLE ${qualified} FORCE ROW LEVEL SECURITY`)] : []),
    ...constraints.filter((c) => c.foreignKey).map((c) => step('addForeignKeys', addConstraintSql(schema, name, c))),
    ...table.triggers.flatMap((trigger) => createTriggerSteps(schema, name, trigger, true)),
    ...tableComments(table),
  ];
}

/**
 * DROP TABLE. A foreign key from this table to another table that is dropped too is dropped first,
 * so the tables can go in any order.
 */
export function dropTableSteps(table: Table, context: MigrationContext): MigrationStep[] {
  const { schema, name } = table;
  const qualified = qualifiedName(schema, name);
  const dropped = contextFacts(context).droppedTables;
  return [
    ...table.foreignKeys
      .filter((fk) => {
        const referenced = qualifiedName(fk.referencedSchema, fk.referencedTable);
        return referenced !== qualified && dropped.has(referenced);
      })
      .map((fk) => step('dropForeignKeys', dropConstraintSql(schema, name, fk.name))),
    step('dropTables', `DROP TABLE ${qualified}`, `drops table ${qualified} and its data`),
  ];
}

/** A changed partitioning scheme cannot be altered: the table is dropped and created again. */
function mustRecreateTable(from: Table, to: Table): boolean {
  return from.partitionBy !== to.partitionBy;
}

export function tableAlterKeepsDependents(from: Table, to: Table): boolean {
  return !mustRecreateTable(from, to) && columnChangesKeepReaders(from, to);
}

function involves(names: ReadonlySet<string>, listed: readonly string[], texts: readonly (string | undefined)[]): boolean {
  for (const name of names) {
    if (listed.includes(name)) return true;
    if (texts.some((text) => text !== undefined && mentionsName(text, quoteIdent(name)))) return true;
  }
  return false;
}

function constraintInvolves(constraint: TableConstraint, names: ReadonlySet<string>): boolean {
  return involves(names, constraint.columns, [constraint.expression]);
}

function indexInvolves(index: Index, names: ReadonlySet<string>): boolean {
  return involves(names, index.include ?? [], [...index.keys, index.where]);
}

/**
 * ALTER TABLE statements, in the order PostgreSQL needs within the table: drop indexes and
 * constraints that change or go away, drop columns, alter columns, add columns, add constraints,
 * validate, create indexes, table options. Foreign keys and triggers are dropped and added in their
 * own phases; comments last.
 */
export function alterTableSteps(from: Table, to: Table, context: MigrationContext): MigrationStep[] {
  if (mustRecreateTable(from, to)) {
    const qualified = qualifiedName(to.schema, to.name);
    return [
      ...dropTableSteps(from, context).map((s) =>
        s.destructive === undefined ? s : { ...s, destructive: `drops table ${qualified} and its data to create it again with PARTITION BY ${to.partitionBy ?? '(none)'}` },
      ),
      ...createTableSteps(to),
    ];
  }
  const { schema, name } = to;
  const qualified = qualifiedName(schema, name);
  const columns = columnChanges(from, to);
  // PostgreSQL refuses to change the type of a column a trigger names (UPDATE OF, WHEN).
  const changedColumns = new Set([...columns.retyped, ...columns.recreated]);
  const namesChangedColumn = (trigger: Trigger) => involves(changedColumns, [], [trigger.definition]);
  const steps: MigrationStep[] = [...triggerChangeSteps(schema, name, from.triggers, to.triggers, true, namesChangedColumn)];
  const indexDrops: MigrationStep[] = [];
  const indexCreates: MigrationStep[] = [];
  const constraintDrops: MigrationStep[] = [];
  const constraintAdds: MigrationStep[] = [];
  const comments: MigrationStep[] = [...changeComment(commentTarget.object('TABLE', schema, name), from.comment, to.comment), ...columns.comments];

  for (const { from: before, to: after } of pairByName(tableConstraints(from), tableConstraints(to))) {
    const rebuilt = after !== undefined && constraintInvolves(after, columns.recreated);
    const sameClause = before !== undefined && after !== undefined && before.clause === after.clause && !rebuilt;
    const validateOnly = sameClause && before.notValid && !after.notValid;
    const same = sameClause && before.notValid === after.notValid;
    if (before !== undefined && !same && !validateOnly) {
      const drop = step(constraintPhase(before, false), dropConstraintSql(schema, name, before.name));
      (before.foreignKey ? steps : constraintDrops).push(drop);
    }
    if (after !== undefined && !same && !validateOnly) {
      const add = step(constraintPhase(after, true), addConstraintSql(schema, name, after));
      (after.foreignKey ? steps : constraintAdds).push(add);
      comments.push(...createComment(commentTarget.constraint(schema, name, after.name), after.comment));
    }
    if (validateOnly) {
      constraintAdds.push(step(constraintPhase(after!, true), `ALTER TABLE ${qualified} VALIDATE CONSTRAINT ${quoteIdent(after!.name)}`));
    }
    if (before !== undefined && after !== undefined && (same || validateOnly)) {
      comments.push(...changeComment(commentTarget.constraint(schema, name, after.name), before.comment, after.comment));
    }
  }

  for (const { from: before, to: after } of pairByName(from.indexes, to.indexes)) {
    const same = before !== undefined && after !== undefined && equalIgnoringComment(before, after) && !indexInvolves(after, columns.recreated);
    if (before !== undefined && !same) indexDrops.push(step('alterTables', dropIndexSql(schema, before)));
    if (after !== undefined && !same) {
      indexCreates.push(step('alterTables', createIndexSql(schema, name, after)));
      comments.push(...createComment(commentTarget.object('INDEX', schema, after.name), after.comment));
    }
    if (same) comments.push(...changeComment(commentTarget.object('INDEX', schema, after.name), before.comment, after.comment));
  }

  return [
    ...steps,
    ...indexDrops,
    ...constraintDrops,
    ...columns.drops,
    ...columns.alters,
    ...columns.adds,
    ...constraintAdds,
    ...indexCreates,
    ...tableOptionSteps(from, to),
    ...comments,
  ];
}

/** UNLOGGED, row-level security, storage parameters and classic inheritance. */
function tableOptionSteps(from: Table, to: Table): MigrationStep[] {
  const table = `ALTER TABLE ${qualifiedName(to.schema, to.name)}`;
  const steps: MigrationStep[] = [];
  const toggle = (key: string, on: string, off: string) => {
    if (flagSet(from, key) !== flagSet(to, key)) steps.push(step('alterTables', `${table} ${flagSet(to, key) ? on : off}`));
  };
  toggle('unlogged', 'SET UNLOGGED', 'SET LOGGED');
  toggle('rowLevelSecurity', 'ENABLE ROW LEVEL SECURITY', 'DISABLE ROW LEVEL SECURITY');
  toggle('forceRowLevelSecurity', 'FORCE ROW LEVEL SECURITY', 'NO FORCE ROW LEVEL SECURITY');
  const before = stringList(from.extras?.['storageParameters']);
  const after = stringList(to.extras?.['storageParameters']);
  if (!equalValues(before, after)) {
    const key = (option: string) => option.split('=')[0] ?? option;
    const afterKeys = new Set(after.map(key));
    const reset = before.map(key).filter((k) => !afterKeys.has(k));
    const set = after.filter((option) => !before.includes(option));
    if (reset.length > 0) steps.push(step('alterTables', `${table} RESET (${reset.join(', ')})`));
    if (set.length > 0) steps.push(step('alterTables', `${table} SET (${set.join(', ')})`));
  }
  const parentsBefore = stringList(from.extras?.['inherits']);
  const parentsAfter = stringList(to.extras?.['inherits']);
  for (const parent of parentsBefore) if (!parentsAfter.includes(parent)) steps.push(step('alterTables', `${table} NO INHERIT ${parent}`));
  for (const parent of parentsAfter) if (!parentsBefore.includes(parent)) steps.push(step('alterTables', `${table} INHERIT ${parent}`));
  return steps;
}
