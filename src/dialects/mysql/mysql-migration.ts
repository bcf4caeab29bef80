/**
 * The MySQL/MariaDB migration hooks (Dialect.migration): which statements create, drop and alter each
 * object kind. The statements live in mysql-migration-table.ts and mysql-migration-objects.ts; this
 * file dispatches by kind.
 *
 * MySQL DDL is not transactional (each statement commits), which the script header says. A stored
 * program whose compound body holds `;` is written between DELIMITER lines (mysql-script.ts), so the
 * script runs unchanged with the mysql/mariadb client, with Flyway and with `parity migrate`; every
 * other statement ends with `;`.
 *
 * Views: MySQL resolves a view's query when it is used, so altering or dropping what a view reads
 * never fails; a view's readers survive every alter (`alterKeepsDependents` is always true) and a
 * changed view is replaced in place.
 */
import { editSides, type Change } from '../../diff/changes.js';
import type { MigrationRenderer, MigrationStep } from '../../generate/migration-hooks.js';
import { ParityError } from '../../errors.js';
import type { SchemaObject } from '../../model/objects.js';
import {
  alterRoutineSteps,
  alterSchemaSteps,
  alterViewSteps,
  createRoutineSteps,
  createSchemaSteps,
  createViewSteps,
  dropRoutineSteps,
  dropSchemaSteps,
  dropViewSteps,
} from './mysql-migration-objects.js';
import { alterTableSteps, createTableSteps, dropTableSteps } from './mysql-migration-table.js';
import { delimitedStatement } from './mysql-script.js';

function unsupported(object: { kind: string; schema: string; name: string }): never {
  throw new ParityError('UNSUPPORTED', `MySQL has no ${object.kind} objects (${object.schema}.${object.name})`);
}

function create(object: SchemaObject): MigrationStep[] {
  switch (object.kind) {
    case 'schema':
      return createSchemaSteps(object);
    case 'table':
      return createTableSteps(object);
    case 'view':
      return createViewSteps(object);
    case 'function':
    case 'procedure':
      return createRoutineSteps(object);
    default:
      return unsupported(object);
  }
}

function drop(object: SchemaObject): MigrationStep[] {
  switch (object.kind) {
    case 'schema':
      return dropSchemaSteps(object);
    case 'table':
      return dropTableSteps(object);
    case 'view':
      return dropViewSteps(object);
    case 'function':
    case 'procedure':
      return dropRoutineSteps(object);
    default:
      return unsupported(object);
  }
}

function alter(change: Change): MigrationStep[] {
  switch (change.objectKind) {
    case 'schema': {
      const { from, to } = editSides(change, 'schema');
      return alterSchemaSteps(from, to);
    }
    case 'table': {
      const { from, to } = editSides(change, 'table');
      return alterTableSteps(from, to);
    }
    case 'view':
      return alterViewSteps(editSides(change, 'view').to);
    case 'function':
    case 'procedure': {
      const { from, to } = editSides(change, change.objectKind);
      return alterRoutineSteps(from, to);
    }
    default:
      return unsupported({ kind: change.objectKind, schema: change.schema, name: change.name });
  }
}

export const mysqlMigration: MigrationRenderer = {
  // A compound body (a `;` of its own) between DELIMITER lines; everything else ends with `;`.
  terminate: (step) => (step.ownTerminators === true ? delimitedStatement(step.sql) : `${step.sql};`),
  transactionalDdl: false,
  preamble: () => [],
  create,
  drop,
  alter,
  alterKeepsDependents: () => true,
  reads: () => false,
};
