/**
 * PostgreSQL migration statements for functions, procedures and aggregates. A changed function or
 * procedure is replaced with CREATE OR REPLACE when PostgreSQL allows it (same result type, same
 * argument modes, names and types, no argument default removed); otherwise it is dropped and created
 * again, and the views that call it are dropped and recreated around it. Aggregates are always
 * dropped and created again. Conventions: see postgres-migration-common.ts.
 */
import type { Phase } from '../../generate/change-order.js';
import type { MigrationContext, MigrationStep } from '../../generate/migration-hooks.js';
import type { Routine } from '../../model/objects.js';
import { changeComment, createComment, step } from './postgres-migration-common.js';
import { privilegeSteps } from './postgres-migration-security.js';
import { callsIn, callText, contextFacts, qualifiedNames } from './postgres-migration-context.js';
import { commentTarget } from './postgres-renderer.js';
import { routineKeyword, stripTerminator } from './postgres-render-common.js';
import { routineSignature } from './postgres-renderer.js';

/** Whether a view's query calls the routine (any overload with this name). */
export function viewCallsRoutine(view: { readonly definition: string }, routine: Routine): boolean {
  return callsIn(view).has(callText(routine));
}

/** Functions called by the defaults, checks or indexes of tables the script creates or changes. */
function usedByTables(routine: Routine, context: MigrationContext): boolean {
  return contextFacts(context).tableCalls.has(callText(routine));
}

function createPhase(routine: Routine, context: MigrationContext): Phase {
  if (routine.kind === 'aggregate') return 'createAggregates';
  return usedByTables(routine, context) ? 'createTableRoutines' : 'createRoutines';
}

/** The stored CREATE [OR REPLACE] statement and the comment. */
export function createRoutineSteps(routine: Routine, context: MigrationContext): MigrationStep[] {
  return [
    step(createPhase(routine, context), stripTerminator(routine.definition)),
    ...createComment(commentTarget.routine(routine), routine.comment),
    ...privilegeSteps(routine, undefined),
  ];
}

/** Whether the routine's arguments or result use the row type of a table the script drops. */
function usesDroppedTable(routine: Routine, context: MigrationContext): boolean {
  const dropped = contextFacts(context).droppedTables;
  if (dropped.size === 0) return false;
  const types = [routine.returns ?? '', ...routine.arguments.map((a) => a.type)];
  return types.some((type) => qualifiedNames(type).some((name) => dropped.has(name)));
}

export function dropRoutineSteps(routine: Routine, context: MigrationContext): MigrationStep[] {
  const phase: Phase =
    routine.kind === 'aggregate' ? 'dropAggregates' : usesDroppedTable(routine, context) ? 'dropRoutinesBeforeTables' : 'dropRoutines';
  return [step(phase, `DROP ${routineKeyword(routine)} ${routineSignature(routine)}`)];
}

/** Everything but the comment is the same. */
function onlyCommentDiffers(from: Routine, to: Routine): boolean {
  return from.definition === to.definition && from.language === to.language && from.returns === to.returns && JSON.stringify(from.arguments) === JSON.stringify(to.arguments);
}

/** PostgreSQL's rules for CREATE OR REPLACE FUNCTION / PROCEDURE. */
export function routineReplaceableInPlace(from: Routine, to: Routine): boolean {
  if (onlyCommentDiffers(from, to)) return true;
  if (to.kind === 'aggregate' || from.kind !== to.kind || from.returns !== to.returns) return false;
  if (from.arguments.length !== to.arguments.length) return false;
  return from.arguments.every((before, i) => {
    const after = to.arguments[i]!;
    const removesDefault = before.default !== undefined && after.default === undefined;
    return before.mode === after.mode && before.name === after.name && before.type === after.type && !removesDefault;
  });
}

export function alterRoutineSteps(from: Routine, to: Routine, context: MigrationContext): MigrationStep[] {
  if (onlyCommentDiffers(from, to)) return [...changeComment(commentTarget.routine(to), from.comment, to.comment), ...privilegeSteps(to, from)];
  if (routineReplaceableInPlace(from, to)) {
    return [
      step(createPhase(to, context), stripTerminator(to.definition)),
      ...changeComment(commentTarget.routine(to), from.comment, to.comment),
      ...privilegeSteps(to, from),
    ];
  }
  // DROP right before CREATE: same phase, in this order.
  const phase = createPhase(to, context);
  return [step(phase, `DROP ${routineKeyword(from)} ${routineSignature(from)}`), ...createRoutineSteps(to, context)];
}
