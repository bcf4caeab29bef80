/**
 * PostgreSQL DDL for functions, procedures and aggregates. Conventions: see postgres-renderer.ts.
 */
import type { Routine } from '../../model/objects.js';
import { commentIfPresent, commentTarget, stripTerminator } from './postgres-render-common.js';
import { renderPrivileges } from './postgres-render-privileges.js';

/**
 * The stored CREATE statement (pg_get_functiondef text, or the aggregate's CREATE AGGREGATE) as it
 * is, trailing whitespace removed, then `COMMENT ON FUNCTION|PROCEDURE|AGGREGATE s.name(types)`.
 * Not terminated.
 */
export function renderRoutineStatements(routine: Routine): string[] {
  return [stripTerminator(routine.definition), ...commentIfPresent(commentTarget.routine(routine), routine.comment), ...renderPrivileges(routine)];
}
