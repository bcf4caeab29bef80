/**
 * PostgreSQL migration statements for views and materialized views. A view is replaced in place with
 * CREATE OR REPLACE VIEW when PostgreSQL allows it (the existing columns keep their names, types and
 * order; new columns only at the end); otherwise the planner drops and recreates it, together with
 * the views that read it. A materialized view cannot be replaced: only its indexes and comments
 * change in place. Conventions: see postgres-migration-common.ts.
 */
import type { MigrationStep } from '../../generate/migration-hooks.js';
import type { MaterializedView, View, ViewColumn } from '../../model/objects.js';
import { changeComment, createComment, equalValues, step } from './postgres-migration-common.js';
import { createIndexSql, createTriggerSteps, indexChangeSteps, triggerChangeSteps } from './postgres-migration-parts.js';
import { privilegeSteps } from './postgres-migration-security.js';
import { commentTarget } from './postgres-renderer.js';
import { renderMaterializedViewStatements, renderViewStatements } from './postgres-render-views.js';
import { qualifiedName } from './postgres-quoting.js';

function columnComments(keyword: 'VIEW' | 'MATERIALIZED VIEW', object: View | MaterializedView): MigrationStep[] {
  const { schema, name } = object;
  return [
    ...createComment(commentTarget.object(keyword, schema, name), object.comment),
    ...(object.columns ?? []).flatMap((c) => createComment(commentTarget.column(schema, name, c.name), c.comment)),
  ];
}

/** The CREATE VIEW statement alone (renderViewStatements puts it first). */
function createViewSql(view: View): string {
  return renderViewStatements({ ...view, triggers: [] })[0]!;
}

export function createViewSteps(view: View): MigrationStep[] {
  return [
    step('createViews', createViewSql(view)),
    ...(view.triggers ?? []).flatMap((trigger) => createTriggerSteps(view.schema, view.name, trigger, false)),
    ...columnComments('VIEW', view),
    ...privilegeSteps(view, undefined),
  ];
}

export function dropViewSteps(view: View): MigrationStep[] {
  return [step('dropViews', `DROP VIEW ${qualifiedName(view.schema, view.name)}`)];
}

/** Column name and type pairs: what CREATE OR REPLACE VIEW must keep. */
function shape(columns: readonly ViewColumn[]): string[] {
  return columns.map((c) => JSON.stringify([c.name, c.type]));
}

/** The query or options differ (CREATE OR REPLACE needed); comments and triggers aside. */
function queryDiffers(from: View, to: View): boolean {
  const core = (v: View) => ({
    definition: v.definition,
    checkOption: v.checkOption,
    securityBarrier: v.securityBarrier,
    securityInvoker: v.securityInvoker,
    columns: shape(v.columns ?? []),
  });
  return !equalValues(core(from), core(to));
}

/** PostgreSQL's rule for CREATE OR REPLACE VIEW: the old columns, same names and types, first. */
export function viewReplaceableInPlace(from: View, to: View): boolean {
  if (!queryDiffers(from, to)) return true;
  if (from.columns === undefined || to.columns === undefined) return false;
  const before = shape(from.columns);
  const after = shape(to.columns);
  return before.length <= after.length && before.every((column, i) => column === after[i]);
}

/** CREATE OR REPLACE VIEW when the query changes, then trigger and comment changes. */
export function alterViewSteps(from: View, to: View): MigrationStep[] {
  const { schema, name } = to;
  const steps: MigrationStep[] = [];
  if (queryDiffers(from, to)) steps.push(step('createViews', createViewSql(to).replace(/^CREATE VIEW /, 'CREATE OR REPLACE VIEW ')));
  steps.push(...triggerChangeSteps(schema, name, from.triggers ?? [], to.triggers ?? [], false));
  steps.push(...changeComment(commentTarget.object('VIEW', schema, name), from.comment, to.comment));
  const before = new Map((from.columns ?? []).map((c) => [c.name, c.comment]));
  for (const column of to.columns ?? []) {
    steps.push(...changeComment(commentTarget.column(schema, name, column.name), before.get(column.name), column.comment));
  }
  return [...steps, ...privilegeSteps(to, from)];
}

export function createMaterializedViewSteps(view: MaterializedView): MigrationStep[] {
  return [
    step('createViews', renderMaterializedViewStatements({ ...view, indexes: [] })[0]!),
    ...view.indexes.map((index) => step('createViews', createIndexSql(view.schema, view.name, index))),
    ...columnComments('MATERIALIZED VIEW', view),
    ...view.indexes.flatMap((i) => createComment(commentTarget.object('INDEX', view.schema, i.name), i.comment)),
    ...privilegeSteps(view, undefined),
  ];
}

export function dropMaterializedViewSteps(view: MaterializedView): MigrationStep[] {
  return [step('dropViews', `DROP MATERIALIZED VIEW ${qualifiedName(view.schema, view.name)}`)];
}

/** Only indexes, comments and `withData` can change without recreating a materialized view. */
export function materializedViewAlterableInPlace(from: MaterializedView, to: MaterializedView): boolean {
  return from.definition === to.definition && equalValues(shape(from.columns ?? []), shape(to.columns ?? []));
}

export function alterMaterializedViewSteps(from: MaterializedView, to: MaterializedView): MigrationStep[] {
  const { schema, name } = to;
  const indexes = indexChangeSteps(schema, name, from.indexes, to.indexes);
  const steps = [...indexes.drops, ...indexes.creates].map((s) => (s.phase === 'alterTables' ? { ...s, phase: 'createViews' as const } : s));
  if ((from.withData !== false) !== (to.withData !== false)) {
    steps.push(step('createViews', `REFRESH MATERIALIZED VIEW ${qualifiedName(schema, name)}${to.withData === false ? ' WITH NO DATA' : ''}`));
  }
  steps.push(...changeComment(commentTarget.object('MATERIALIZED VIEW', schema, name), from.comment, to.comment));
  const before = new Map((from.columns ?? []).map((c) => [c.name, c.comment]));
  for (const column of to.columns ?? []) {
    steps.push(...changeComment(commentTarget.column(schema, name, column.name), before.get(column.name), column.comment));
  }
  return [...steps, ...privilegeSteps(to, from)];
}
