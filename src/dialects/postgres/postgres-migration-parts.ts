/**
 * PostgreSQL migration statements for the parts of a table: constraints (primary key, unique, check,
 * exclusion, foreign key), indexes and triggers, as they are added to a new table and as they change
 * on an existing one. Conventions: see postgres-migration-common.ts.
 */
import type { MigrationStep } from '../../generate/migration-hooks.js';
import type { Index, Trigger } from '../../model/objects.js';
import type { Phase } from '../../generate/change-order.js';
import { commentTarget, renderTrigger } from './postgres-renderer.js';
import { createIndexSql, type TableConstraint } from './postgres-render-table.js';
import { changeComment, createComment, equalValues, pairByName, step } from './postgres-migration-common.js';
import { qualifiedName, quoteIdent } from './postgres-quoting.js';

export { addConstraintSql, createIndexSql, tableConstraints, type TableConstraint } from './postgres-render-table.js';

export function dropIndexSql(schema: string, index: Index): string {
  return `DROP INDEX ${qualifiedName(schema, index.name)}`;
}

export function dropConstraintSql(schema: string, table: string, name: string): string {
  return `ALTER TABLE ${qualifiedName(schema, table)} DROP CONSTRAINT ${quoteIdent(name)}`;
}

export function constraintPhase(constraint: TableConstraint, adding: boolean): Phase {
  if (constraint.foreignKey) return adding ? 'addForeignKeys' : 'dropForeignKeys';
  return 'alterTables';
}

/** Statements that create a trigger (and disable it when it is disabled) and its comment. */
export function createTriggerSteps(schema: string, relation: string, trigger: Trigger, onTable: boolean): MigrationStep[] {
  return [
    ...renderTrigger(schema, relation, trigger, { onTable }).map((sql) => step('createTriggers', sql)),
    ...createComment(commentTarget.trigger(schema, relation, trigger.name), trigger.comment),
  ];
}

/**
 * Trigger changes of a table or view: a changed definition is DROP TRIGGER + CREATE TRIGGER, a change
 * of `enabled` alone is ENABLE/DISABLE TRIGGER, a comment alone COMMENT ON TRIGGER. `mustRebuild`
 * names unchanged triggers that are dropped and created again all the same.
 */
export function triggerChangeSteps(
  schema: string,
  relation: string,
  from: readonly Trigger[],
  to: readonly Trigger[],
  onTable: boolean,
  mustRebuild: (trigger: Trigger) => boolean = () => false,
): MigrationStep[] {
  const steps: MigrationStep[] = [];
  const target = commentTarget.trigger;
  for (const pair of pairByName(from, to)) {
    const { from: before, to: after } = pair;
    if (before !== undefined && after === undefined) {
      steps.push(step('dropTriggers', `DROP TRIGGER ${quoteIdent(before.name)} ON ${qualifiedName(schema, relation)}`));
    } else if (before === undefined && after !== undefined) {
      steps.push(...createTriggerSteps(schema, relation, after, onTable));
    } else if (before !== undefined && after !== undefined) {
      const core = (t: Trigger) => ({ ...t, comment: undefined, enabled: undefined });
      if (!equalValues(core(before), core(after)) || mustRebuild(before)) {
        steps.push(step('dropTriggers', `DROP TRIGGER ${quoteIdent(before.name)} ON ${qualifiedName(schema, relation)}`));
        steps.push(...createTriggerSteps(schema, relation, after, onTable));
      } else {
        if ((before.enabled !== false) !== (after.enabled !== false) && onTable) {
          const action = after.enabled === false ? 'DISABLE' : 'ENABLE';
          steps.push(step('createTriggers', `ALTER TABLE ${qualifiedName(schema, relation)} ${action} TRIGGER ${quoteIdent(after.name)}`));
        }
        steps.push(...changeComment(target(schema, relation, after.name), before.comment, after.comment));
      }
    }
  }
  return steps;
}

/** Index changes of a materialized view (tables handle theirs with column changes in mind). */
export function indexChangeSteps(schema: string, relation: string, from: readonly Index[], to: readonly Index[]): { drops: MigrationStep[]; creates: MigrationStep[] } {
  const drops: MigrationStep[] = [];
  const creates: MigrationStep[] = [];
  for (const pair of pairByName(from, to)) {
    const { from: before, to: after } = pair;
    const same = before !== undefined && after !== undefined && equalValues({ ...before, comment: undefined }, { ...after, comment: undefined });
    if (before !== undefined && !same) drops.push(step('alterTables', dropIndexSql(schema, before)));
    if (after !== undefined && !same) {
      creates.push(step('alterTables', createIndexSql(schema, relation, after)));
      creates.push(...createComment(commentTarget.object('INDEX', schema, after.name), after.comment));
    }
    if (same) creates.push(...changeComment(commentTarget.object('INDEX', schema, after!.name), before!.comment, after!.comment));
  }
  return { drops, creates };
}
