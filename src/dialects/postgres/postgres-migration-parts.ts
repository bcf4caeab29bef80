/**
 * PostgreSQL migration statements for the parts of a table: constraints (primary key, unique, check,
 * exclusion, foreign key), indexes and triggers, as they are added to a new table and as they change
 * on an existing one. Conventions: see postgres-migration-common.ts.
 */
import type { MigrationStep } from '../../generate/migration-hooks.js';
import type { Index, Table, Trigger } from '../../model/objects.js';
import type { Phase } from '../../generate/change-order.js';
import { commentTarget, renderConstraint, renderIndex, renderTrigger } from './postgres-renderer.js';
import { changeComment, createComment, equalValues, pairByName, step } from './postgres-migration-common.js';
import { qualifiedName, quoteIdent } from './postgres-quoting.js';

/** A table constraint of any kind, reduced to what ALTER TABLE needs. */
export interface TableConstraint {
  readonly name: string;
  /** `CONSTRAINT name ...` as inside CREATE TABLE / after ADD, including NOT ENFORCED. */
  readonly clause: string;
  readonly foreignKey: boolean;
  readonly notValid: boolean;
  readonly comment?: string;
  /** Column names the constraint is on (for exclusion constraints: none known). */
  readonly columns: readonly string[];
  /** Text to search for column names that are not listed (check and exclusion expressions). */
  readonly expression?: string;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

interface Exclusion {
  readonly name: string;
  readonly definition: string;
  readonly comment?: string;
}

function exclusions(table: Table): Exclusion[] {
  const value = table.extras?.['exclusionConstraints'];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return [];
    const name = item['name'];
    const definition = item['definition'];
    const comment = item['comment'];
    if (typeof name !== 'string' || typeof definition !== 'string') return [];
    return [{ name, definition, ...(typeof comment === 'string' ? { comment } : {}) }];
  });
}

/** Every constraint of a table in CREATE TABLE order: primary key, unique, check, exclusion, foreign keys. */
export function tableConstraints(table: Table): TableConstraint[] {
  const notValid = new Set(stringList(table.extras?.['notValid']));
  const notEnforced = new Set(stringList(table.extras?.['notEnforced']));
  const make = (name: string, clause: string, rest: Partial<TableConstraint>): TableConstraint => ({
    name,
    clause: notEnforced.has(name) ? `${clause} NOT ENFORCED` : clause,
    foreignKey: false,
    notValid: notValid.has(name),
    columns: [],
    ...rest,
  });
  const comment = (c: { comment?: string }) => (c.comment === undefined ? {} : { comment: c.comment });
  return [
    ...(table.primaryKey === undefined
      ? []
      : [make(table.primaryKey.name, renderConstraint('primaryKey', table.primaryKey), { columns: table.primaryKey.columns, ...comment(table.primaryKey) })]),
    ...table.uniqueConstraints.map((c) => make(c.name, renderConstraint('uniqueConstraint', c), { columns: c.columns, ...comment(c) })),
    ...table.checkConstraints.map((c) => make(c.name, renderConstraint('checkConstraint', c), { expression: c.expression, ...comment(c) })),
    ...exclusions(table).map((c) => make(c.name, `CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`, { expression: c.definition, ...comment(c) })),
    ...table.foreignKeys.map((c) => make(c.name, renderConstraint('foreignKey', c), { foreignKey: true, columns: c.columns, ...comment(c) })),
  ];
}

/**
 * `CREATE INDEX ...` as renderIndex writes it, plus `WITH (storage parameters)` from extras in the
 * place PostgreSQL's grammar puts it (before WHERE).
 */
export function createIndexSql(schema: string, relation: string, index: Index): string {
  const parameters = stringList(index.extras?.['storageParameters']);
  if (parameters.length === 0) return renderIndex(schema, relation, index);
  const head = renderIndex(schema, relation, { ...index, where: undefined });
  return `${head} WITH (${parameters.join(', ')})${index.where === undefined ? '' : ` WHERE ${index.where}`}`;
}

export function dropIndexSql(schema: string, index: Index): string {
  return `DROP INDEX ${qualifiedName(schema, index.name)}`;
}

/** ALTER TABLE ... ADD for a constraint; NOT VALID ones are added without checking existing rows. */
export function addConstraintSql(schema: string, table: string, constraint: TableConstraint): string {
  return `ALTER TABLE ${qualifiedName(schema, table)} ADD ${constraint.clause}${constraint.notValid ? ' NOT VALID' : ''}`;
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
