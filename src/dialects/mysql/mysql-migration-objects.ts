/**
 * Migration statements for schemas (databases) and their events, views and stored routines.
 * Events are created with the triggers (after tables and routines, which their bodies use) and dropped
 * with them (first). Routines and events have no CREATE OR REPLACE that keeps MySQL 8 and MariaDB
 * alike, so a changed one is dropped and created again; a changed view is replaced in place.
 */
import type { Phase } from '../../generate/change-order.js';
import type { MigrationStep } from '../../generate/migration-hooks.js';
import { equalValues } from '../../diff/object-comparer.js';
import type { Routine, SchemaDef, View } from '../../model/objects.js';
import { qualifiedName, quoteIdent } from './mysql-quoting.js';
import { alterDatabase, dropEvent, renderEvent, schemaOptions } from './mysql-render-objects.js';
import { renderView } from './mysql-render-objects.js';
import { holdsTerminator } from './mysql-script.js';

/** A step creating a trigger, routine or event: marked when its compound body holds `;` (see mysql-script.ts). */
export function programStep(phase: Phase, sql: string): MigrationStep {
  return { phase, sql, ...(holdsTerminator(sql) ? { ownTerminators: true } : {}) };
}

/** The session's own database (`''`) exists already: "creating" it sets its options. */
export function createSchemaSteps(schema: SchemaDef): MigrationStep[] {
  const options = schemaOptions(schema);
  const create: MigrationStep[] =
    schema.name !== ''
      ? [{ phase: 'createSchemas', sql: `CREATE DATABASE ${quoteIdent(schema.name)}${options}` }]
      : options === ''
        ? []
        : [{ phase: 'createSchemas', sql: alterDatabase('', options) }];
  return [...create, ...(schema.events ?? []).map((event) => programStep('createTriggers', renderEvent(schema.name, event)))];
}

/** The session's own database (`''`) is never dropped: its objects are, each by its own change. */
export function dropSchemaSteps(schema: SchemaDef): MigrationStep[] {
  if (schema.name === '') return (schema.events ?? []).map((event): MigrationStep => ({ phase: 'dropTriggers', sql: dropEvent('', event.name) }));
  return [{ phase: 'dropSchemas', sql: `DROP DATABASE ${quoteIdent(schema.name)}`, destructive: `drops database ${schema.name} and everything in it` }];
}

export function alterSchemaSteps(from: SchemaDef, to: SchemaDef): MigrationStep[] {
  const steps: MigrationStep[] = [];
  if (!equalValues(from.extras, to.extras) || from.comment !== to.comment) {
    // ALTER DATABASE takes no empty comment away otherwise: COMMENT '' clears it.
    const options = schemaOptions(to) + (to.comment === undefined && from.comment !== undefined ? " COMMENT ''" : '');
    steps.push({ phase: 'createSchemas', sql: alterDatabase(to.name, options) });
  }
  const before = new Map((from.events ?? []).map((e) => [e.name, e]));
  const after = new Map((to.events ?? []).map((e) => [e.name, e]));
  for (const [name, event] of before) {
    if (!equalValues(event, after.get(name))) steps.push({ phase: 'dropTriggers', sql: dropEvent(to.name, name) });
  }
  for (const [name, event] of after) {
    if (!equalValues(event, before.get(name))) steps.push(programStep('createTriggers', renderEvent(to.name, event)));
  }
  return steps;
}

export function createViewSteps(view: View): MigrationStep[] {
  return [{ phase: 'createViews', sql: renderView(view, false) }];
}

export function dropViewSteps(view: View): MigrationStep[] {
  return [{ phase: 'dropViews', sql: `DROP VIEW ${qualifiedName(view.schema, view.name)}` }];
}

/** MySQL re-reads a view's query on every use: CREATE OR REPLACE works whatever changed. */
export function alterViewSteps(to: View): MigrationStep[] {
  return [{ phase: 'createViews', sql: renderView(to, true) }];
}

function dropRoutine(routine: Routine): string {
  return `DROP ${routine.kind.toUpperCase()} ${qualifiedName(routine.schema, routine.baseName)}`;
}

export function createRoutineSteps(routine: Routine): MigrationStep[] {
  return [programStep('createRoutines', routine.definition)];
}

export function dropRoutineSteps(routine: Routine): MigrationStep[] {
  return [{ phase: 'dropRoutines', sql: dropRoutine(routine) }];
}

/** Drop and create together, where new routines are created (bodies are checked only when they run). */
export function alterRoutineSteps(from: Routine, to: Routine): MigrationStep[] {
  return [
    { phase: 'createRoutines', sql: dropRoutine(from) },
    programStep('createRoutines', to.definition),
  ];
}
