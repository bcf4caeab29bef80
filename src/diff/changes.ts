import { ParityError } from '../errors.js';
import type { JsonValue, ObjectKind, PartKind, SchemaObject } from '../model/objects.js';
import { shownName } from '../model/unqualify.js';

export type DifferenceType = 'Add' | 'Edit' | 'Delete';

/**
 * What differs inside an edited object: a named part (column, constraint, index, ...) that was added,
 * removed or changed, or a plain property (`comment`, `definition`, `values`, ...).
 * `source`/`target` hold the part's value on each side (absent on the side that lacks it).
 */
export interface PartChange {
  readonly id: string;
  readonly partKind: PartKind | 'property';
  readonly name: string;
  readonly differenceType: DifferenceType;
  readonly source?: JsonValue;
  readonly target?: JsonValue;
}

/**
 * One difference between source and target. `Add`: only in the source; `Delete`: only in the target;
 * `Edit`: in both, with different normalized properties. Applying the change to the target makes it
 * match the source.
 */
export interface Change {
  readonly id: string;
  readonly differenceType: DifferenceType;
  readonly objectKind: ObjectKind;
  readonly schema: string;
  readonly name: string;
  readonly source?: SchemaObject;
  readonly target?: SchemaObject;
  /** For `Edit`: the parts and properties that differ, sorted by part kind and name. */
  readonly parts: readonly PartChange[];
}

/**
 * The two sides of an `Edit` as the migration hooks name them (`from`: the target as it is, `to`: the
 * source it must become), checked to be objects of `kind`.
 */
export function editSides<K extends ObjectKind>(change: Change, kind: K): { from: Extract<SchemaObject, { kind: K }>; to: Extract<SchemaObject, { kind: K }> } {
  const from = change.target;
  const to = change.source;
  if (from?.kind !== kind || to?.kind !== kind) {
    throw new ParityError('INVALID_ARTIFACT', `change ${change.id} (${change.objectKind} ${shownName(change.schema, change.name)}) does not hold both sides`);
  }
  return { from: from as Extract<SchemaObject, { kind: K }>, to: to as Extract<SchemaObject, { kind: K }> };
}
