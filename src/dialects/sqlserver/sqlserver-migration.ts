/**
 * SQL Server's MigrationRenderer: statements per change with their phases (generate/change-order.ts),
 * each written as a batch of its own with `GO` on the next line (CREATE VIEW, FUNCTION, PROCEDURE,
 * TRIGGER and SCHEMA must be alone in their batch; sqlcmd, SSMS and Flyway all split on `GO`).
 * Views, functions and procedures that change are ALTERed in place with their new text (their
 * dependents and permissions stay); a function that changes between scalar and table-valued, sequences
 * whose type changes and alias types are dropped and created.
 */
import type { Change } from '../../diff/changes.js';
import { editSides } from '../../diff/changes.js';
import type { DependentObject, MigrationRenderer, MigrationStep } from '../../generate/migration-hooks.js';
import type { Phase } from '../../generate/change-order.js';
import { ParityError } from '../../errors.js';
import type { Routine, SchemaObject, Sequence, Trigger } from '../../model/objects.js';
import { alterTableSteps } from './sqlserver-migration-table.js';
import { qualifiedName } from './sqlserver-quoting.js';
import {
  addConstraintStatements,
  alterModuleText,
  commentObjectType,
  commentStatement,
  createDomainStatement,
  createSequenceStatement,
  createStatements,
  createTableStatement,
  createTriggerStatements,
  dropStatement,
  dropTrigger,
  foreignKeyClause,
  tableExtrasStatements,
  tablePartComments,
} from './sqlserver-render.js';

const step = (phase: Phase, sql: string, destructive?: string): MigrationStep => ({ phase, sql, ...(destructive !== undefined ? { destructive } : {}) });

function unsupported(kind: string, name: string): never {
  throw new ParityError('UNSUPPORTED', `SQL Server has no ${kind} objects (${name})`);
}

const CREATE_PHASE: Partial<Record<SchemaObject['kind'], Phase>> = {
  schema: 'createSchemas',
  view: 'createViews',
  function: 'createRoutines',
  procedure: 'createRoutines',
  sequence: 'createSequences',
  domain: 'createDomains',
};

const DROP_PHASE: Partial<Record<SchemaObject['kind'], Phase>> = {
  schema: 'dropSchemas',
  table: 'dropTables',
  view: 'dropViews',
  function: 'dropRoutines',
  procedure: 'dropRoutines',
  sequence: 'dropSequences',
  domain: 'dropDomains',
};

function objectComment(object: SchemaObject, before: string | undefined, after: string | undefined): MigrationStep[] {
  const type = commentObjectType(object);
  const sql = commentStatement(type === undefined ? { schema: object.schema } : { schema: object.schema, objectType: type, objectName: object.name }, before, after);
  return sql === undefined ? [] : [step('comments', sql)];
}

function viewTriggerSteps(schema: string, parent: string, triggers: readonly Trigger[]): MigrationStep[] {
  return triggers.flatMap((trigger) => createTriggerStatements(schema, parent, trigger).map((sql) => step('createTriggers', sql)));
}

function create(object: SchemaObject): MigrationStep[] {
  if (object.kind === 'table') {
    const name = qualifiedName(object.schema, object.name);
    return [
      step('createTables', createTableStatement(object)),
      ...tableExtrasStatements(object).map((sql) => step('createTables', sql)),
      ...object.foreignKeys.flatMap((key) => addConstraintStatements(name, key, foreignKeyClause(key)).map((sql) => step('addForeignKeys', sql))),
      ...viewTriggerSteps(object.schema, name, object.triggers),
      ...objectComment(object, undefined, object.comment),
      ...tablePartComments(object).map((sql) => step('comments', sql)),
    ];
  }
  const phase = CREATE_PHASE[object.kind];
  if (phase === undefined) return unsupported(object.kind, `${object.schema}.${object.name}`);
  if (object.kind === 'view') {
    return [step(phase, object.definition), ...viewTriggerSteps(object.schema, qualifiedName(object.schema, object.name), object.triggers ?? []), ...objectComment(object, undefined, object.comment)];
  }
  const [first, ...rest] = createStatements(object);
  return [step(phase, first!), ...rest.map((sql) => step('comments', sql))];
}

function drop(object: SchemaObject): MigrationStep[] {
  const phase = DROP_PHASE[object.kind];
  if (phase === undefined) return unsupported(object.kind, `${object.schema}.${object.name}`);
  if (object.kind === 'table') {
    const name = qualifiedName(object.schema, object.name);
    // Its own foreign keys first: the tables they reference may go in the same script.
    return [
      ...object.foreignKeys.map((key) => step('dropForeignKeys', `ALTER TABLE ${name} DROP CONSTRAINT [${key.name.replace(/]/g, ']]')}]`)),
      step(phase, dropStatement(object), `drops table ${object.schema}.${object.name} and its data`),
    ];
  }
  return [step(phase, dropStatement(object))];
}

/**
 * Steps that drop an object to create it again in the same script: dropped in a phase before the one
 * that creates it (the usual drop phases come after the creating ones: nothing may still use what is
 * dropped there). Routines go before tables, sequences and alias types with the tables.
 */
function dropToRecreate(object: SchemaObject): MigrationStep[] {
  const phase: Phase = object.kind === 'function' || object.kind === 'procedure' ? 'dropRoutinesBeforeTables' : 'dropTables';
  return drop(object).map((s) => ({ ...s, phase }));
}

/** ALTER SEQUENCE for what can change in place; a new type recreates the sequence. */
function alterSequenceSteps(from: Sequence, to: Sequence): MigrationStep[] {
  if (from.dataType !== to.dataType) return [...dropToRecreate(from), ...create(to)];
  const clauses: string[] = [];
  if (from.start !== to.start && to.start !== undefined) clauses.push(`RESTART WITH ${to.start}`);
  if (from.increment !== to.increment) clauses.push(`INCREMENT BY ${to.increment ?? '1'}`);
  if (from.minValue !== to.minValue) clauses.push(to.minValue === undefined ? 'NO MINVALUE' : `MINVALUE ${to.minValue}`);
  if (from.maxValue !== to.maxValue) clauses.push(to.maxValue === undefined ? 'NO MAXVALUE' : `MAXVALUE ${to.maxValue}`);
  if (from.cycle !== to.cycle) clauses.push(to.cycle === true ? 'CYCLE' : 'NO CYCLE');
  if (from.cache !== to.cache) clauses.push(to.cache === '1' ? 'NO CACHE' : to.cache === undefined ? 'CACHE' : `CACHE ${to.cache}`);
  const steps = clauses.length > 0 ? [step('alterSequences', `ALTER SEQUENCE ${qualifiedName(to.schema, to.name)} ${clauses.join(' ')}`)] : [];
  return [...steps, ...objectComment(to, from.comment, to.comment)];
}

/** Both sides of a function's or procedure's change. */
function routineSides(change: Change): { from: Routine; to: Routine } {
  const { from, to } = editSides(change, change.objectKind);
  return { from: from as Routine, to: to as Routine };
}

function alter(change: Change): MigrationStep[] {
  switch (change.objectKind) {
    case 'schema': {
      const { from, to } = editSides(change, 'schema');
      return objectComment(to, from.comment, to.comment);
    }
    case 'table':
      return alterTableSteps(change);
    case 'view': {
      const { from, to } = editSides(change, 'view');
      const name = qualifiedName(to.schema, to.name);
      const steps: MigrationStep[] = [];
      if (from.definition !== to.definition) steps.push(step('createViews', alterModuleText(to.definition)));
      const before = new Map((from.triggers ?? []).map((t) => [t.name, t]));
      const after = new Map((to.triggers ?? []).map((t) => [t.name, t]));
      for (const [triggerName, trigger] of before) if (JSON.stringify(after.get(triggerName)) !== JSON.stringify(trigger)) steps.push(step('dropTriggers', dropTrigger(to.schema, triggerName)));
      for (const [triggerName, trigger] of after) if (JSON.stringify(before.get(triggerName)) !== JSON.stringify(trigger)) steps.push(...viewTriggerSteps(to.schema, name, [trigger]));
      return [...steps, ...objectComment(to, from.comment, to.comment)];
    }
    case 'function':
    case 'procedure': {
      const { from, to } = routineSides(change);
      if (from.extras?.['functionType'] !== to.extras?.['functionType']) return [...dropToRecreate(from), ...create(to)];
      const steps = from.definition !== to.definition ? [step('createRoutines', alterModuleText(to.definition))] : [];
      return [...steps, ...objectComment(to, from.comment, to.comment)];
    }
    case 'sequence': {
      const { from, to } = editSides(change, 'sequence');
      return alterSequenceSteps(from, to);
    }
    case 'domain': {
      // An alias type cannot be altered: dropped and created (SQL Server refuses while a column uses it).
      const { from, to } = editSides(change, 'domain');
      if (from.baseType === to.baseType && from.nullable === to.nullable) return objectComment(to, from.comment, to.comment);
      return [...dropToRecreate(from), step('createDomains', createDomainStatement(to)), ...objectComment(to, undefined, to.comment)];
    }
    default:
      return unsupported(change.objectKind, `${change.schema}.${change.name}`);
  }
}

/**
 * Whether views reading the object survive the change. Views read columns by name: a dropped or
 * retyped column, or a function that is dropped and created, leaves them wrong (a SCHEMABINDING view
 * even blocks the change), so those views are dropped before and created after.
 */
function alterKeepsDependents(change: Change): boolean {
  if (change.objectKind === 'table') {
    return !change.parts.some((part) => {
      if (part.partKind !== 'column') return false;
      if (part.differenceType === 'Delete') return true;
      if (part.differenceType !== 'Edit') return false;
      const before = part.target as { type?: string } | undefined;
      const after = part.source as { type?: string } | undefined;
      return before?.type !== after?.type;
    });
  }
  if (change.objectKind === 'function') {
    const { from, to } = routineSides(change);
    return from.extras?.['functionType'] === to.extras?.['functionType'];
  }
  if (change.objectKind === 'domain') return false;
  return true;
}

/** Whether a view's text names the routine (`[dbo].[f](...)`, `dbo.f(`): views read functions, not the reverse. */
function reads(dependent: DependentObject, object: SchemaObject): boolean {
  if (object.kind !== 'function') return false;
  const name = object.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(\\[${name.replace(/\\]/g, ']]')}\\]|\\b${name}\\b)\\s*\\(`, 'i').test(dependent.definition);
}

export const sqlserverMigration: MigrationRenderer = {
  // Every statement is a batch of its own: `GO` alone on the next line.
  terminate: (step) => `${step.sql}\nGO`,
  // SQL Server's DDL is transactional: Flyway runs a migration's batches in one transaction.
  transactionalDdl: true,
  preamble: (steps) =>
    steps.some((s) => /^\s*(CREATE|ALTER)\s+(VIEW|FUNCTION|PROCEDURE|PROC|TRIGGER)\b/i.test(s.sql.replace(/^(\s|--[^\n]*\n)*/, '')))
      ? [
          { sql: 'SET ANSI_NULLS ON', reason: 'Views, functions, procedures and triggers keep the ANSI_NULLS setting they were created with.' },
          { sql: 'SET QUOTED_IDENTIFIER ON', reason: 'And the QUOTED_IDENTIFIER setting (indexed views and filtered indexes need both ON).' },
        ]
      : [],
  create: (object) => create(object),
  drop: (object) => drop(object),
  alter: (change) => alter(change),
  alterKeepsDependents: (change) => alterKeepsDependents(change),
  reads,
};
