/**
 * Small pieces shared by the PostgreSQL migration renderers (postgres-migration-*.ts): building steps,
 * comment changes, pairing named parts, finding names in SQL text.
 *
 * Conventions (as in postgres-renderer.ts): upper-case keywords, identifiers through quoteIdent /
 * qualifiedName, statements without terminator. Model values that are SQL text (types, defaults,
 * expressions, definitions) are emitted as they are.
 */
import type { Phase } from '../../generate/change-order.js';
import type { MigrationStep } from '../../generate/migration-hooks.js';
import { equalValues } from '../../diff/object-comparer.js';
import { renderComment } from './postgres-render-common.js';

export function step(phase: Phase, sql: string, destructive?: string): MigrationStep {
  return destructive === undefined ? { phase, sql } : { phase, sql, destructive };
}

/** The same statements moved to another phase (a DROP right before its CREATE, for instance). */
export function inPhase(phase: Phase, steps: readonly MigrationStep[]): MigrationStep[] {
  return steps.map((s) => ({ ...s, phase }));
}

/** PostgreSQL stores `IS ''` as no comment at all. */
function effectiveComment(comment: string | undefined): string | undefined {
  return comment === '' ? undefined : comment;
}

/** `COMMENT ON <target> IS ...` for a new object, when it has a comment. */
export function createComment(targetSql: string, comment: string | undefined): MigrationStep[] {
  const text = effectiveComment(comment);
  return text === undefined ? [] : [step('comments', renderComment(targetSql, text))];
}

/** `COMMENT ON <target> IS ...` or `IS NULL` when the comment changes. */
export function changeComment(targetSql: string, from: string | undefined, to: string | undefined): MigrationStep[] {
  const before = effectiveComment(from);
  const after = effectiveComment(to);
  return before === after ? [] : [step('comments', renderComment(targetSql, after))];
}

export interface Pair<T> {
  readonly name: string;
  /** As it is now (in the target). */
  readonly from?: T;
  /** As it should be (in the source). */
  readonly to?: T;
}

/**
 * Named parts of both sides paired by name: target-only first (in target order), then the rest in
 * source order.
 */
export function pairByName<T extends { readonly name: string }>(from: readonly T[], to: readonly T[]): Pair<T>[] {
  const toByName = new Map(to.map((item) => [item.name, item]));
  const fromByName = new Map(from.map((item) => [item.name, item]));
  const pairs: Pair<T>[] = [];
  for (const item of from) if (!toByName.has(item.name)) pairs.push({ name: item.name, from: item });
  for (const item of to) {
    const other = fromByName.get(item.name);
    pairs.push(other === undefined ? { name: item.name, to: item } : { name: item.name, from: other, to: item });
  }
  return pairs;
}

/** Equal apart from `comment` (a comment change alone is a COMMENT statement, not a DROP + CREATE). */
export function equalIgnoringComment<T extends { readonly comment?: string }>(a: T, b: T): boolean {
  return equalValues({ ...a, comment: undefined }, { ...b, comment: undefined });
}

export { equalValues };

/**
 * Whether SQL `text` mentions `name` (already quoted/qualified SQL text) as a whole name: not as part
 * of a longer identifier such as `public.mood_old` for `public.mood`.
 */
export function mentionsName(text: string, name: string): boolean {
  let at = text.indexOf(name);
  while (at >= 0) {
    const before = at === 0 ? '' : text[at - 1]!;
    const after = text[at + name.length] ?? '';
    if (!/[A-Za-z0-9_$".]/.test(before) && !/[A-Za-z0-9_$"]/.test(after)) return true;
    at = text.indexOf(name, at + 1);
  }
  return false;
}
