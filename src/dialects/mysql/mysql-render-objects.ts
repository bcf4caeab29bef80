/**
 * MySQL DDL for views, stored routines, triggers, events and schemas (conventions: see
 * mysql-render-table.ts). Routine and trigger definitions in the model are built here from catalog
 * parts, so the introspector and the renderer agree on one canonical text.
 */
import type { RoutineArgument, SchemaDef, ScheduledEvent, View } from '../../model/objects.js';
import { qualifiedName, quoteIdent, quoteLiteral } from './mysql-quoting.js';

/** `CREATE [OR REPLACE] [ALGORITHM=a] [SQL SECURITY INVOKER] VIEW s.v AS query [WITH x CHECK OPTION]`. */
export function renderView(view: View, orReplace: boolean): string {
  const algorithm = view.extras?.['algorithm'];
  const head = [
    orReplace ? 'CREATE OR REPLACE' : 'CREATE',
    typeof algorithm === 'string' ? `ALGORITHM=${algorithm}` : '',
    view.securityInvoker === true ? 'SQL SECURITY INVOKER' : '',
    `VIEW ${qualifiedName(view.schema, view.name)} AS`,
  ].filter(Boolean);
  const check = view.checkOption !== undefined ? ` WITH ${view.checkOption} CHECK OPTION` : '';
  return `${head.join(' ')} ${view.definition}${check}`;
}

export interface RoutineParts {
  readonly kind: 'function' | 'procedure';
  readonly schema: string;
  readonly name: string;
  readonly arguments: readonly RoutineArgument[];
  readonly returns?: string;
  readonly deterministic: boolean;
  /** `CONTAINS SQL` (the default, left out), `NO SQL`, `READS SQL DATA`, `MODIFIES SQL DATA`. */
  readonly dataAccess: string;
  readonly securityInvoker: boolean;
  readonly comment?: string;
  readonly body: string;
}

/** The canonical `CREATE FUNCTION|PROCEDURE` text kept as a routine's definition. */
export function routineDefinition(routine: RoutineParts): string {
  const args = routine.arguments
    .map((arg) => `${routine.kind === 'procedure' ? `${arg.mode} ` : ''}${quoteIdent(arg.name ?? '')} ${arg.type}`)
    .join(', ');
  const returns = routine.kind === 'function' && routine.returns !== undefined ? ` RETURNS ${routine.returns}` : '';
  const characteristics = [
    routine.deterministic ? 'DETERMINISTIC' : '',
    routine.dataAccess !== 'CONTAINS SQL' ? routine.dataAccess : '',
    routine.securityInvoker ? 'SQL SECURITY INVOKER' : '',
    routine.comment !== undefined ? `COMMENT ${quoteLiteral(routine.comment)}` : '',
  ].filter(Boolean);
  const head = `CREATE ${routine.kind.toUpperCase()} ${qualifiedName(routine.schema, routine.name)}(${args})${returns}`;
  return [head, ...characteristics.map((c) => `    ${c}`), routine.body].join('\n');
}

/** The canonical `CREATE TRIGGER` text kept as a trigger's definition. */
export function triggerDefinition(schema: string, name: string, timing: string, event: string, table: string, body: string): string {
  return `CREATE TRIGGER ${qualifiedName(schema, name)} ${timing} ${event} ON ${qualifiedName(schema, table)} FOR EACH ROW ${body}`;
}

/** `CREATE EVENT s.e ON SCHEDULE ... ON COMPLETION ... ENABLE|DISABLE [COMMENT 'c'] DO body`. */
export function renderEvent(schema: string, event: ScheduledEvent): string {
  const comment = event.comment !== undefined ? ` COMMENT ${quoteLiteral(event.comment)}` : '';
  return (
    `CREATE EVENT ${qualifiedName(schema, event.name)} ON SCHEDULE ${event.schedule} ` +
    `ON COMPLETION ${event.onCompletion} ${event.status}${comment} DO ${event.body}`
  );
}

export function dropEvent(schema: string, name: string): string {
  return `DROP EVENT ${qualifiedName(schema, name)}`;
}

/** Character set, collation and comment clauses of CREATE/ALTER DATABASE. */
export function schemaOptions(schema: SchemaDef): string {
  const charset = schema.extras?.['characterSet'];
  const collation = schema.extras?.['collation'];
  return [
    typeof charset === 'string' ? ` CHARACTER SET ${charset}` : '',
    typeof collation === 'string' ? ` COLLATE ${collation}` : '',
    schema.comment !== undefined ? ` COMMENT ${quoteLiteral(schema.comment)}` : '',
  ].join('');
}

/**
 * `CREATE DATABASE s ...` and its events. The database `''` (a model read unqualified) is the one the
 * session is in: it exists, so only its options are set, with `ALTER DATABASE` naming no database.
 */
export function renderSchemaStatements(schema: SchemaDef): string[] {
  const events = (schema.events ?? []).map((e) => renderEvent(schema.name, e));
  if (schema.name !== '') return [`CREATE DATABASE ${quoteIdent(schema.name)}${schemaOptions(schema)}`, ...events];
  const options = schemaOptions(schema);
  return [...(options === '' ? [] : [alterDatabase('', options)]), ...events];
}

/** `ALTER DATABASE [s] options`; without a name for `''`, the session's database. */
export function alterDatabase(name: string, options: string): string {
  return `ALTER DATABASE${name === '' ? '' : ` ${quoteIdent(name)}`}${options}`;
}
