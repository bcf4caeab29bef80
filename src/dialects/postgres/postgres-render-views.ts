/**
 * PostgreSQL DDL for views and materialized views. Conventions: see postgres-renderer.ts.
 */
import type { MaterializedView, View, ViewColumn } from '../../model/objects.js';
import { commentIfPresent, commentTarget, stripTerminator } from './postgres-render-common.js';
import { indexComments, renderIndex, renderTrigger, triggerComments } from './postgres-render-table.js';
import { qualifiedName } from './postgres-quoting.js';
import { renderPrivileges } from './postgres-render-privileges.js';

/** `SELECT ...` as stored (pg_get_viewdef text, whitespace collapsed), without edge spaces or `;`. */
function selectText(definition: string): string {
  return stripTerminator(definition).trim();
}

function columnComments(schema: string, relation: string, columns: readonly ViewColumn[] | undefined): string[] {
  return (columns ?? []).flatMap((column) =>
    commentIfPresent(commentTarget.column(schema, relation, column.name), column.comment),
  );
}

/**
 * `CREATE VIEW s.v [WITH (security_barrier=true, security_invoker=true)] AS <select>
 * [WITH LOCAL|CASCADED CHECK OPTION]`, then triggers and comments. Boolean options render only when
 * true (false is the server's default). Not terminated.
 */
export function renderViewStatements(view: View): string[] {
  const { schema, name } = view;
  const options = [
    ...(view.securityBarrier === true ? ['security_barrier=true'] : []),
    ...(view.securityInvoker === true ? ['security_invoker=true'] : []),
  ];
  const withOptions = options.length === 0 ? '' : ` WITH (${options.join(', ')})`;
  const checkOption = view.checkOption === undefined ? '' : ` WITH ${view.checkOption} CHECK OPTION`;
  const triggers = view.triggers ?? [];
  return [
    `CREATE VIEW ${qualifiedName(schema, name)}${withOptions} AS ${selectText(view.definition)}${checkOption}`,
    ...triggers.flatMap((trigger) => renderTrigger(schema, name, trigger, { onTable: false })),
    ...commentIfPresent(commentTarget.object('VIEW', schema, name), view.comment),
    ...columnComments(schema, name, view.columns),
    ...triggerComments(schema, name, triggers),
    ...renderPrivileges(view),
  ];
}

/**
 * `CREATE MATERIALIZED VIEW s.m AS <select> WITH [NO] DATA` (WITH DATA unless `withData` is false),
 * then indexes and comments. Not terminated.
 */
export function renderMaterializedViewStatements(view: MaterializedView): string[] {
  const { schema, name } = view;
  const data = view.withData === false ? 'WITH NO DATA' : 'WITH DATA';
  return [
    `CREATE MATERIALIZED VIEW ${qualifiedName(schema, name)} AS ${selectText(view.definition)} ${data}`,
    ...view.indexes.map((index) => renderIndex(schema, name, index)),
    ...commentIfPresent(commentTarget.object('MATERIALIZED VIEW', schema, name), view.comment),
    ...columnComments(schema, name, view.columns),
    ...indexComments(schema, view.indexes),
    ...renderPrivileges(view),
  ];
}
