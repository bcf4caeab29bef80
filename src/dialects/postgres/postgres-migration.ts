/**
 * The PostgreSQL migration hooks (Dialect.migration): which statements create, drop and alter each
 * object kind, and which changes the views reading an object do not survive. The statements live in
 * postgres-migration-<kind>.ts; this file only dispatches by kind.
 *
 * PostgreSQL DDL is transactional: Flyway runs each migration in one transaction, so the scripts have
 * no BEGIN/COMMIT of their own.
 */
import { editSides, type Change } from '../../diff/changes.js';
import type { DependentObject, MigrationContext, MigrationRenderer, MigrationStep, PreambleStatement } from '../../generate/migration-hooks.js';
import { ParityError } from '../../errors.js';
import type { SchemaObject } from '../../model/objects.js';
import { mentionsName } from './postgres-migration-common.js';
import { splitDottedName } from './postgres-render-common.js';
import {
  alterExtensionSteps,
  alterSchemaSteps,
  alterSequenceSteps,
  createExtensionSteps,
  createSchemaSteps,
  createSequenceSteps,
  dropExtensionSteps,
  dropSchemaSteps,
  dropSequenceSteps,
} from './postgres-migration-objects.js';
import { alterRoutineSteps, createRoutineSteps, dropRoutineSteps, routineReplaceableInPlace, viewCallsRoutine } from './postgres-migration-routines.js';
import { parentsOf } from './postgres-migration-partitions.js';
import { alterTableSteps, createTableSteps, dropTableSteps, tableAlterKeepsDependents } from './postgres-migration-table.js';
import {
  alterCompositeTypeSteps,
  alterDomainSteps,
  alterEnumSteps,
  compositeAlterKeepsDependents,
  createTypeSteps,
  domainAlterKeepsDependents,
  dropTypeSteps,
  enumPlan,
} from './postgres-migration-types.js';
import {
  alterMaterializedViewSteps,
  alterViewSteps,
  createMaterializedViewSteps,
  createViewSteps,
  dropMaterializedViewSteps,
  dropViewSteps,
  materializedViewAlterableInPlace,
  viewReplaceableInPlace,
} from './postgres-migration-views.js';
import { qualifiedName } from './postgres-quoting.js';

/** Oracle's kinds (a model of another dialect's objects cannot be migrated here). */
function noSuchKind(kind: string, schema: string, name: string): never {
  throw new ParityError('UNSUPPORTED', `PostgreSQL has no ${kind} objects (${schema}.${name})`);
}

function create(object: SchemaObject, context: MigrationContext): MigrationStep[] {
  switch (object.kind) {
    case 'schema':
      return createSchemaSteps(object);
    case 'extension':
      return createExtensionSteps(object, context);
    case 'enum':
    case 'domain':
    case 'compositeType':
      return createTypeSteps(object);
    case 'sequence':
      return createSequenceSteps(object);
    case 'function':
    case 'procedure':
    case 'aggregate':
      return createRoutineSteps(object, context);
    case 'table':
      return createTableSteps(object);
    case 'view':
      return createViewSteps(object);
    case 'materializedView':
      return createMaterializedViewSteps(object);
    case 'synonym':
    case 'package':
      return noSuchKind(object.kind, object.schema, object.name);
  }
}

function drop(object: SchemaObject, context: MigrationContext): MigrationStep[] {
  switch (object.kind) {
    case 'schema':
      return dropSchemaSteps(object);
    case 'extension':
      return dropExtensionSteps(object, context);
    case 'enum':
    case 'domain':
    case 'compositeType':
      return dropTypeSteps(object);
    case 'sequence':
      return dropSequenceSteps(object);
    case 'function':
    case 'procedure':
    case 'aggregate':
      return dropRoutineSteps(object, context);
    case 'table':
      return dropTableSteps(object, context);
    case 'view':
      return dropViewSteps(object);
    case 'materializedView':
      return dropMaterializedViewSteps(object);
    case 'synonym':
    case 'package':
      return noSuchKind(object.kind, object.schema, object.name);
  }
}

function alter(change: Change, context: MigrationContext): MigrationStep[] {
  switch (change.objectKind) {
    case 'schema': {
      const { from, to } = editSides(change, 'schema');
      return alterSchemaSteps(from, to);
    }
    case 'extension': {
      const { from, to } = editSides(change, 'extension');
      return alterExtensionSteps(from, to);
    }
    case 'enum': {
      const { from, to } = editSides(change, 'enum');
      return alterEnumSteps(from, to, context);
    }
    case 'domain': {
      const { from, to } = editSides(change, 'domain');
      return alterDomainSteps(from, to);
    }
    case 'compositeType': {
      const { from, to } = editSides(change, 'compositeType');
      return alterCompositeTypeSteps(from, to);
    }
    case 'sequence': {
      const { from, to } = editSides(change, 'sequence');
      return alterSequenceSteps(from, to);
    }
    case 'function':
    case 'procedure':
    case 'aggregate': {
      const { from, to } = editSides(change, change.objectKind);
      return alterRoutineSteps(from, to, context);
    }
    case 'table': {
      const { from, to } = editSides(change, 'table');
      return alterTableSteps(from, to, context);
    }
    case 'view': {
      const { from, to } = editSides(change, 'view');
      return alterViewSteps(from, to);
    }
    case 'materializedView': {
      const { from, to } = editSides(change, 'materializedView');
      return alterMaterializedViewSteps(from, to);
    }
    case 'synonym':
    case 'package':
      return noSuchKind(change.objectKind, change.schema, change.name);
  }
}

function alterKeepsDependents(change: Change, context: MigrationContext): boolean {
  if (change.differenceType !== 'Edit') return true;
  switch (change.objectKind) {
    case 'table': {
      const { from, to } = editSides(change, 'table');
      return tableAlterKeepsDependents(from, to, context);
    }
    case 'view': {
      const { from, to } = editSides(change, 'view');
      return viewReplaceableInPlace(from, to);
    }
    case 'materializedView': {
      const { from, to } = editSides(change, 'materializedView');
      return materializedViewAlterableInPlace(from, to);
    }
    case 'function':
    case 'procedure':
    case 'aggregate': {
      const { from, to } = editSides(change, change.objectKind);
      return routineReplaceableInPlace(from, to);
    }
    case 'enum': {
      const { from, to } = editSides(change, 'enum');
      return enumPlan(from, to, context) !== 'recreate';
    }
    case 'domain': {
      const { from, to } = editSides(change, 'domain');
      return domainAlterKeepsDependents(from, to);
    }
    case 'compositeType': {
      const { from, to } = editSides(change, 'compositeType');
      return compositeAlterKeepsDependents(from, to);
    }
    default:
      return true;
  }
}

/**
 * Calls of a routine and uses of a type show only in the view's text (dependsOn lists relations):
 * `public.f(` for a routine, `public.mood` in the query or as a column type for a type.
 */
function reads(dependent: DependentObject, object: SchemaObject): boolean {
  switch (object.kind) {
    case 'function':
    case 'procedure':
    case 'aggregate':
      return viewCallsRoutine(dependent, object);
    case 'enum':
    case 'domain':
    case 'compositeType': {
      const name = qualifiedName(object.schema, object.name);
      return mentionsName(dependent.definition, name) || (dependent.columns ?? []).some((c) => mentionsName(c.type, name));
    }
    default:
      return false;
  }
}

const ROUTINE_PHASES = new Set(['createTableRoutines', 'createRoutines', 'createAggregates']);

/**
 * As pg_dump does: a SQL function body may read a table or view that the script creates later, or
 * one function may be created before another that its body calls. SET LOCAL ends with the
 * migration's transaction, so later migrations keep the server's setting.
 */
function preamble(steps: readonly MigrationStep[]): PreambleStatement[] {
  if (!steps.some((s) => ROUTINE_PHASES.has(s.phase))) return [];
  return [
    {
      sql: 'SET LOCAL check_function_bodies = false',
      reason: 'Function bodies are checked when they run, not when created: a body may use objects created later in this script.',
    },
  ];
}

/** `schema.name` of a type written as SQL (`public.address`, `"Sales"."Status"[]`, `numeric(10,2)`). */
function typeName(type: string): { schema: string; name: string } | undefined {
  const bare = type.replace(/\[\]$/, '').replace(/\(.*\)$/, '');
  const parts = splitDottedName(bare);
  return parts.length === 2 ? { schema: parts[0]!, name: parts[1]! } : undefined;
}

function createdBefore(object: SchemaObject): { schema: string; name: string }[] {
  const names: (string | undefined)[] = [];
  if (object.kind === 'compositeType') names.push(...object.attributes.map((a) => a.type));
  else if (object.kind === 'domain') names.push(object.baseType);
  else if (object.kind === 'table') return parentsOf(object);
  return names.flatMap((name) => {
    const parsed = name === undefined ? undefined : typeName(name);
    return parsed ? [parsed] : [];
  });
}

export const postgresMigration: MigrationRenderer = {
  transactionalDdl: true,
  preamble,
  create,
  drop,
  alter,
  alterKeepsDependents,
  createdBefore,
  reads,
};
