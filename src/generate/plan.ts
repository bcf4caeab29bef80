/**
 * The migration planner: selected changes + the views of both sides -> an ordered list of statements.
 * Dialect-neutral: the dialect's migration hooks render the statements of each object; this file
 * decides which objects are touched (including unchanged views that must be dropped and recreated
 * around a change to something they read) and in what order (change-order.ts, then dependency order
 * among views).
 */
import type { DependentObjects } from '../artifact/artifact.js';
import type { Change } from '../diff/changes.js';
import type { ObjectRef, SchemaObject } from '../model/objects.js';
import { phaseIndex } from './change-order.js';
import type { DependentObject, MigrationContext, MigrationRenderer, MigrationStep } from './migration-hooks.js';

export interface PlanInput {
  /** The changes to apply, in the artifact's order. */
  readonly changes: readonly Change[];
  /** Views and materialized views of each side, changed or not. */
  readonly dependentObjects: DependentObjects;
  /**
   * Identity keys (objectKey) of every change in the artifact, selected or not: a view whose change
   * was left out is recreated as it is in the target, not as in the source.
   */
  readonly allChangeKeys: ReadonlySet<string>;
}

/** Identity of an object or reference: kind, schema, name. */
export function objectKey(object: Pick<ObjectRef, 'kind' | 'schema' | 'name'>): string {
  return JSON.stringify([object.kind, object.schema, object.name]);
}

function isDependentKind(kind: string): boolean {
  return kind === 'view' || kind === 'materializedView';
}

function asDependent(object: SchemaObject | undefined): DependentObject | undefined {
  return object !== undefined && (object.kind === 'view' || object.kind === 'materializedView') ? object : undefined;
}

export function planMigration(input: PlanInput, migration: MigrationRenderer): MigrationStep[] {
  const context: MigrationContext = { changes: input.changes, dependentObjects: input.dependentObjects };
  const selected = new Map(input.changes.map((change) => [objectKey({ kind: change.objectKind, schema: change.schema, name: change.name }), change]));
  // The views of each side; the changes' own objects win (a hand-built artifact may list fewer).
  const targetViews = byKey([...input.dependentObjects.target, ...input.changes.flatMap((c) => (c.target ? [c.target] : []))]);
  const sourceViews = byKey([...input.dependentObjects.source, ...input.changes.flatMap((c) => (c.source ? [c.source] : []))]);

  // 1. Views to drop: deleted ones, ones replaced by DROP + CREATE, and every view that reads (directly
  //    or through other dropped views) an object that is deleted or altered in a way its readers do
  //    not survive.
  const seeds: SchemaObject[] = [];
  const dropped = new Set<string>();
  for (const change of input.changes) {
    if (change.target === undefined) continue;
    const breaksReaders = change.differenceType === 'Delete' || !migration.alterKeepsDependents(change, context);
    if (!breaksReaders) continue;
    seeds.push(change.target);
    if (isDependentKind(change.objectKind)) dropped.add(objectKey(change.target));
  }
  // Direct readers: through dependsOn, or as the dialect finds them (each pair checked once).
  const seedKeys = new Set(seeds.map(objectKey));
  for (const [key, view] of targetViews) {
    if (dropped.has(key)) continue;
    const readsSeed = (view.dependsOn ?? []).some((ref) => seedKeys.has(objectKey(ref))) || seeds.some((seed) => migration.reads(view, seed));
    if (readsSeed) dropped.add(key);
  }
  // Readers of dropped views, transitively.
  const readers = new Map<string, string[]>();
  for (const [key, view] of targetViews) {
    for (const ref of view.dependsOn ?? []) {
      const refKey = objectKey(ref);
      const list = readers.get(refKey);
      if (list) list.push(key);
      else readers.set(refKey, [key]);
    }
  }
  const queue = [...dropped];
  for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
    for (const reader of readers.get(key) ?? []) {
      if (!dropped.has(reader)) {
        dropped.add(reader);
        queue.push(reader);
      }
    }
  }

  // 2. Views to create: added ones, and every dropped view that should exist afterwards. A dropped
  //    view comes back as in the source when its change is selected or it did not change, and as it
  //    is in the target when its change was left out of the selection.
  const created = new Map<string, DependentObject>();
  const alteredInPlace = new Map<string, Change>();
  for (const change of input.changes) {
    if (!isDependentKind(change.objectKind)) continue;
    const key = objectKey({ kind: change.objectKind, schema: change.schema, name: change.name });
    const source = asDependent(change.source);
    if (change.differenceType === 'Add' && source) created.set(key, source);
    else if (change.differenceType === 'Edit' && !dropped.has(key)) alteredInPlace.set(key, change);
  }
  for (const key of dropped) {
    const change = selected.get(key);
    const again = change ? asDependent(change.source) : input.allChangeKeys.has(key) ? targetViews.get(key) : sourceViews.get(key);
    if (again) created.set(key, again);
  }

  // 3. Statements. Each hook call appends in call order; the final sort by phase is stable, so call
  //    order is the order within a phase.
  const steps: MigrationStep[] = [];
  for (const change of hookOrder(input.changes, migration)) {
    if (isDependentKind(change.objectKind)) continue;
    if (change.differenceType === 'Add' && change.source) steps.push(...migration.create(change.source, context));
    else if (change.differenceType === 'Delete' && change.target) steps.push(...migration.drop(change.target, context));
    else if (change.differenceType === 'Edit') steps.push(...migration.alter(change, context));
  }
  // Readers before what they read: reverse dependency order over the target's views.
  const dropOrder = dependencyOrder([...dropped].map((key) => targetViews.get(key)).filter(isDefined)).reverse();
  for (const view of dropOrder) steps.push(...migration.drop(view, context));
  // What is read before its readers: dependency order over the views as they will be.
  const inPlaceSources = new Map<string, DependentObject>();
  for (const [key, change] of alteredInPlace) {
    const source = asDependent(change.source);
    if (source) inPlaceSources.set(key, source);
  }
  const createOrder = dependencyOrder([...created.values(), ...inPlaceSources.values()]);
  for (const view of createOrder) {
    const change = alteredInPlace.get(objectKey(view));
    steps.push(...(change ? migration.alter(change, context) : migration.create(view, context)));
  }
  return sortByPhase(steps);
}

/**
 * The order to call the hooks in: the changes in their own order, except that an added (edited)
 * object comes after the added (edited) objects it names in `createdBefore`, and a deleted object
 * before the deleted objects it names (depth first, so chains work; a cycle is broken where it is found).
 */
function hookOrder(changes: readonly Change[], migration: MigrationRenderer): Change[] {
  const createdBefore = migration.createdBefore;
  if (createdBefore === undefined) return [...changes];
  const nameKey = (ref: { readonly schema: string; readonly name: string }) => JSON.stringify([ref.schema, ref.name]);
  const byName = (type: Change['differenceType']) =>
    new Map(changes.filter((c) => c.differenceType === type).map((change) => [nameKey(change), change]));
  const added = byName('Add');
  const edited = byName('Edit');
  const deleted = byName('Delete');
  // Edges: for an Add, the Adds it needs; for a Delete, the Deletes that need it.
  const first = new Map<Change, Change[]>();
  const edge = (from: Change, to: Change | undefined) => {
    if (to === undefined || to === from) return;
    const list = first.get(from);
    if (list) list.push(to);
    else first.set(from, [to]);
  };
  for (const change of changes) {
    if (change.differenceType === 'Add' && change.source) {
      for (const ref of createdBefore(change.source)) edge(change, added.get(nameKey(ref)) ?? edited.get(nameKey(ref)));
    } else if (change.differenceType === 'Edit' && change.source) {
      for (const ref of createdBefore(change.source)) edge(change, edited.get(nameKey(ref)));
    } else if (change.differenceType === 'Delete' && change.target) {
      for (const ref of createdBefore(change.target)) {
        const required = deleted.get(nameKey(ref));
        if (required !== undefined) edge(required, change);
      }
    }
  }
  const done = new Set<Change>();
  const order: Change[] = [];
  const visit = (change: Change): void => {
    if (done.has(change)) return;
    done.add(change);
    for (const other of first.get(change) ?? []) visit(other);
    order.push(change);
  };
  for (const change of changes) visit(change);
  return order;
}

function byKey(objects: readonly SchemaObject[]): Map<string, DependentObject> {
  const map = new Map<string, DependentObject>();
  for (const object of objects) {
    const dependent = asDependent(object);
    if (dependent) map.set(objectKey(dependent), dependent);
  }
  return map;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/**
 * Topological order over `dependsOn` (only edges between the given objects count), ties broken by
 * identity so the output is stable. Views cannot form cycles; a cycle would be visited once anyway.
 */
export function dependencyOrder<T extends DependentObject>(objects: readonly T[]): T[] {
  const byIdentity = new Map(objects.map((object) => [objectKey(object), object]));
  const keys = [...byIdentity.keys()].sort();
  const visited = new Set<string>();
  const order: T[] = [];
  const visit = (key: string): void => {
    if (visited.has(key)) return;
    visited.add(key);
    const object = byIdentity.get(key);
    if (object === undefined) return;
    const refs = (object.dependsOn ?? []).map(objectKey).filter((ref) => byIdentity.has(ref)).sort();
    for (const ref of refs) visit(ref);
    order.push(object);
  };
  for (const key of keys) visit(key);
  return order;
}

/** Stable sort by phase. */
export function sortByPhase(steps: readonly MigrationStep[]): MigrationStep[] {
  return steps
    .map((step, index) => ({ step, index, phase: phaseIndex(step.phase) }))
    .sort((a, b) => a.phase - b.phase || a.index - b.index)
    .map((entry) => entry.step);
}
