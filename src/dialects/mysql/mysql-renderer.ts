/** The canonical MySQL DDL of one model object: `Dialect.renderCreate` and the diff's definitions. */
import { ParityError } from '../../errors.js';
import type { SchemaObject, Table } from '../../model/objects.js';
import { renderSchemaStatements, renderView } from './mysql-render-objects.js';
import { renderCreateTable } from './mysql-render-table.js';
import { terminatedStatement } from './mysql-script.js';

/** Statements joined as a script: each terminated as mysql-script.ts says, a blank line between them. */
export function renderStatements(statements: readonly string[]): string {
  return statements.map(terminatedStatement).join('\n\n');
}

export function renderCreateMysql(object: SchemaObject): string {
  return renderStatements(renderCreateStatementsMysql(object));
}

/** The table with its foreign keys, then its triggers. */
function renderTableStatements(table: Table): string[] {
  return [renderCreateTable(table, true), ...table.triggers.map((trigger) => trigger.definition)];
}

/** The statements of `renderCreateMysql`, unterminated, in order. */
export function renderCreateStatementsMysql(object: SchemaObject): string[] {
  switch (object.kind) {
    case 'schema':
      return renderSchemaStatements(object);
    case 'table':
      return renderTableStatements(object);
    case 'view':
      return [renderView(object, false)];
    case 'function':
    case 'procedure':
      return [object.definition];
    case 'materializedView':
    case 'sequence':
    case 'aggregate':
    case 'enum':
    case 'domain':
    case 'compositeType':
    case 'extension':
    case 'synonym':
    case 'package':
      throw new ParityError('UNSUPPORTED', `MySQL has no ${object.kind} objects (${object.schema}.${object.name})`);
    default:
      return unreachable(object);
  }
}

function unreachable(object: never): never {
  throw new Error(`no MySQL renderer for object kind ${(object as { kind: string }).kind}`);
}
