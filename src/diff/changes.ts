import type { JsonValue, ObjectKind, PartKind, SchemaObject } from '../model/objects.js';

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
