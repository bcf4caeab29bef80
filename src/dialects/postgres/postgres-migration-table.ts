/**
 * PostgreSQL migration statements for tables: CREATE TABLE without foreign keys (they are added in a
 * later phase, so tables can reference each other in any order), DROP TABLE, and the ALTER TABLE
 * statements for a table in both schemas, including joining and leaving a partitioned parent or an
 * inheritance parent (postgres-migration-partitions.ts). Conventions: see postgres-migration-common.ts.
 */
import type { Phase } from '../../generate/change-order.js';
import type { MigrationContext, MigrationStep } from '../../generate/migration-hooks.js';
import type { Index, Policy, Table, Trigger } from '../../model/objects.js';
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
import { columnsAfterParents, effectiveTable, inheritedParents, parentsOf, tableChange, tableLookup, tablesOf } from './postgres-migration-partitions.js';
import { createPolicySteps, policyChangeSteps, privilegeSteps } from './postgres-migration-security.js';
import { commentTarget } from './postgres-renderer.js';
import { inheritedColumnStatements, renderCreateTable, rowSecurityStatements } from './postgres-render-table.js';
import { qualifiedName, quoteIdent } from './postgres-quoting.js';

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function flagSet(table: Table, key: string): boolean {
  return table.extras?.[key] === true;
}

/** Table-level comments, column comments, constraint, index and policy comments of a new table. */
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
 * VALID, then NOT VALID constraints, the differences of inherited columns, indexes, row-level
 * security; foreign keys, triggers, policies, comments and privileges in their own phases. A
 * partition or inheritance child is created once its parents have their final shape.
 */
export function createTableSteps(table: Table): MigrationStep[] {
  const { schema, name } = table;
  const phase: Phase = parentsOf(table).length > 0 ? 'attachPartitions' : 'createTables';
  const constraints = tableConstraints(table);
  return [
    step(phase, renderCreateTable(table, { foreignKeys: false })),
    ...constraints.filter((c) => !c.foreignKey && c.notValid).map((c) => step(phase, addConstraintSql(schema, name, c))),
    ...inheritedColumnStatements(table).map((sql) => step(phase, sql)),
    ...table.indexes.map((index) => step(phase, createIndexSql(schema, name, index))),
    ...rowSecurityStatements(table).map((sql) => step(phase, sql)),
    ...constraints.filter((c) => c.foreignKey).map((c) => step('addForeignKeys', addConstraintSql(schema, name, c))),
    ...table.triggers.flatMap((trigger) => createTriggerSteps(schema, name, trigger, true)),
    ...(table.policies ?? []).flatMap((policy) => createPolicySteps(schema, name, policy)),
    ...tableComments(table),
    ...privilegeSteps(table, undefined),
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

/** Whether the script drops the table or drops and creates it again. */
function goesAway(context: MigrationContext, schema: string, name: string): boolean {
  const change = tableChange(context, schema, name);
  if (change === undefined) return false;
  if (change.differenceType === 'Delete') return true;
  return change.differenceType === 'Edit' && change.source?.kind === 'table' && change.target?.kind === 'table' && mustRecreateTable(change.target, change.source);
}

/** How a table joins or leaves its parents, and what it is before and after its own statements. */
interface Membership {
  /** DETACH PARTITION, NO INHERIT. */
  readonly leave: MigrationStep[];
  /** ATTACH PARTITION, INHERIT. */
  readonly join: MigrationStep[];
  /** The table once `leave` ran (and, for a table that stays with its parents, once they were altered). */
  readonly current: Table;
  /** What the table's own statements turn it into. */
  readonly desired: Table;
  /** Parts ATTACH PARTITION creates or adopts from the parent: never added by the script. */
  readonly fromParent: ReadonlySet<string>;
}

/**
 * A partition leaves its parent (DETACH) when it becomes a table of its own, moves, gets another
 * bound, or its parent goes away or is recreated, and joins (ATTACH) the parent it has in the source
 * in the same cases; `force` does both (the parent is recreated and the partition is unchanged).
 * Inheritance parents come and go with NO INHERIT / INHERIT. A table that leaves is, once detached,
 * everything it had from its parents; one that joins must first have everything its parents give it
 * (PostgreSQL requires the columns and check constraints before ATTACH and INHERIT). A table that
 * stays follows its parents' ALTERs and only its own parts change.
 */
function membership(from: Table, to: Table, context: MigrationContext, force: boolean): Membership {
  const table = qualifiedName(to.schema, to.name);
  const before = from.partitionOf;
  const after = to.partitionOf;
  const same = before !== undefined && after !== undefined && before.schema === after.schema && before.table === after.table && before.bound === after.bound;
  const detach = before !== undefined && (force || !same || goesAway(context, before.schema, before.table));
  const attach = after !== undefined && (force || !same || goesAway(context, after.schema, after.table));
  const parentsBefore = stringList(from.extras?.['inherits']);
  const parentsAfter = stringList(to.extras?.['inherits']);
  const noInherit = force ? parentsBefore : parentsBefore.filter((p) => !parentsAfter.includes(p));
  const inherit = force ? parentsAfter : parentsAfter.filter((p) => !parentsBefore.includes(p));
  const leave = [
    ...(detach ? [step('detachPartitions', `ALTER TABLE ${qualifiedName(before.schema, before.table)} DETACH PARTITION ${table}`)] : []),
    ...noInherit.map((parent) => step('detachPartitions', `ALTER TABLE ${table} NO INHERIT ${parent}`)),
  ];
  const join = [
    ...(attach ? [step('attachPartitions', `ALTER TABLE ${qualifiedName(after.schema, after.table)} ATTACH PARTITION ${table} ${after.bound}`)] : []),
    ...inherit.map((parent) => step('attachPartitions', `ALTER TABLE ${table} INHERIT ${parent}`)),
  ];
  const effectiveTo = effectiveTable(to, tableLookup(context, 'source'));
  if (leave.length === 0 && join.length === 0) {
    return {
      leave,
      join,
      current: { ...from, columns: columnsAfterParents(from, to, context) },
      desired: { ...to, columns: effectiveTo.table.columns },
      fromParent: new Set(),
    };
  }
  // Detached, a partition keeps its parent's keys, indexes and foreign keys, not its triggers.
  const current = leave.length > 0 ? { ...effectiveTable(from, tableLookup(context, 'target')).table, triggers: from.triggers } : from;
  return { leave, join, current, desired: join.length > 0 ? effectiveTo.table : to, fromParent: attach ? effectiveTo.fromParent : new Set() };
}

export function tableAlterKeepsDependents(from: Table, to: Table, context: MigrationContext): boolean {
  if (mustRecreateTable(from, to)) return false;
  const { current, desired } = membership(from, to, context, false);
  return columnChangesKeepReaders(current, desired);
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
 * ALTER TABLE statements. A new partitioning scheme recreates the table; otherwise the table joins
 * or leaves its parents (see `membership`) and its parts change.
 */
export function alterTableSteps(from: Table, to: Table, context: MigrationContext): MigrationStep[] {
  return mustRecreateTable(from, to) ? recreateTableSteps(from, to, context) : tableChangeSteps(from, to, context, false);
}

/**
 * DROP + CREATE for a new partitioning scheme. The table's partitions and children are detached first
 * (an unchanged one is attached to the new table again, a deleted one dropped on its own; changed ones
 * see the parent go away and do both themselves), so a partitioned table drops no rows: only a table
 * that held rows itself and becomes partitioned loses them, which the warning says.
 */
function recreateTableSteps(from: Table, to: Table, context: MigrationContext): MigrationStep[] {
  const qualified = qualifiedName(to.schema, to.name);
  const children: MigrationStep[] = [];
  for (const child of tablesOf(context, 'target')) {
    if (!parentsOf(child).some((p) => p.schema === from.schema && p.name === from.name)) continue;
    const change = tableChange(context, child.schema, child.name);
    if (change === undefined) children.push(...tableChangeSteps(child, child, context, true));
    else if (change.differenceType === 'Delete') children.push(...membership(child, { ...child, partitionOf: undefined, extras: { ...child.extras, inherits: [] } }, context, false).leave);
  }
  const drop = dropTableSteps(from, context).map((s) => {
    if (s.destructive === undefined) return s;
    if (from.partitionBy !== undefined) return { phase: s.phase, sql: s.sql };
    return { ...s, destructive: `drops table ${qualified} and its data to create it again with PARTITION BY ${to.partitionBy ?? '(none)'}` };
  });
  return [...drop, ...createTableSteps(to), ...children];
}

/** The statements for a table in both schemas (see `membership` for `force`). */
function tableChangeSteps(from: Table, to: Table, context: MigrationContext, force: boolean): MigrationStep[] {
  const plan = membership(from, to, context, force);
  const { current, desired } = plan;
  const { schema, name } = to;
  const qualified = qualifiedName(schema, name);
  const child = stringList(from.extras?.['inherits']).length > 0 || stringList(to.extras?.['inherits']).length > 0;
  const columns = columnChanges(current, desired, { addIfNotExists: child });
  // PostgreSQL refuses to change the type of a column a trigger names (UPDATE OF, WHEN) or a policy reads.
  const changedColumns = new Set([...columns.retyped, ...columns.recreated]);
  const namesChangedColumn = (trigger: Trigger) => involves(changedColumns, [], [trigger.definition]);
  const readsChangedColumn = (policy: Policy) => involves(changedColumns, [], [policy.using, policy.withCheck]);
  const steps: MigrationStep[] = [
    ...plan.leave,
    ...triggerChangeSteps(schema, name, current.triggers, desired.triggers, true, namesChangedColumn),
    ...policyChangeSteps(schema, name, current.policies ?? [], desired.policies ?? [], readsChangedColumn),
  ];
  const indexDrops: MigrationStep[] = [];
  const indexCreates: MigrationStep[] = [];
  const constraintDrops: MigrationStep[] = [];
  const constraintAdds: MigrationStep[] = [];
  const comments: MigrationStep[] = [...changeComment(commentTarget.object('TABLE', schema, name), current.comment, desired.comment), ...columns.comments];

  for (const { from: before, to: after } of pairByName(tableConstraints(current), tableConstraints(desired))) {
    const rebuilt = after !== undefined && constraintInvolves(after, columns.recreated);
    const sameClause = before !== undefined && after !== undefined && before.clause === after.clause && !rebuilt;
    const validateOnly = sameClause && before.notValid && !after.notValid;
    const same = sameClause && before.notValid === after.notValid;
    if (before !== undefined && !same && !validateOnly) {
      const drop = step(constraintPhase(before, false), dropConstraintSql(schema, name, before.name));
      (before.foreignKey ? steps : constraintDrops).push(drop);
    }
    if (after !== undefined && !same && !validateOnly && !plan.fromParent.has(after.name)) {
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

  for (const { from: before, to: after } of pairByName(current.indexes, desired.indexes)) {
    const same = before !== undefined && after !== undefined && equalIgnoringComment(before, after) && !indexInvolves(after, columns.recreated);
    if (before !== undefined && !same) indexDrops.push(step('alterTables', dropIndexSql(schema, before)));
    if (after !== undefined && !same && !plan.fromParent.has(after.name)) {
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
    ...childColumnDrops(to, columns.dropped, context),
    ...columns.alters,
    ...columns.adds,
    ...constraintAdds,
    ...indexCreates,
    ...tableOptionSteps(current, desired),
    ...plan.join,
    ...comments,
    ...privilegeSteps(desired, current),
  ];
}

/**
 * A column dropped from a parent goes from its inheritance children too, unless a child has it of its
 * own as well (it was merged with the parent's): then it stays. When a child that stays with the
 * parent should not have it, it is dropped there too (IF EXISTS: usually the parent's DROP took it
 * already); a child that leaves the parent takes care of its columns itself.
 */
function childColumnDrops(parent: Table, dropped: ReadonlySet<string>, context: MigrationContext): MigrationStep[] {
  if (dropped.size === 0) return [];
  const source = tableLookup(context, 'source');
  const steps: MigrationStep[] = [];
  for (const child of tablesOf(context, 'target')) {
    if (!inheritedParents(child).some((p) => p.schema === parent.schema && p.name === parent.name)) continue;
    const after = source(child.schema, child.name);
    if (after === undefined || !inheritedParents(after).some((p) => p.schema === parent.schema && p.name === parent.name)) continue;
    const kept = new Set(effectiveTable(after, source).table.columns.map((c) => c.name));
    for (const name of dropped) {
      if (!kept.has(name)) steps.push(step('alterTables', `ALTER TABLE ${qualifiedName(child.schema, child.name)} DROP COLUMN IF EXISTS ${quoteIdent(name)}`));
    }
  }
  return steps;
}

/** UNLOGGED, row-level security and storage parameters (inheritance: see `membership`). */
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
  return steps;
}
