/**
 * Object filters (`-filterFile`, `[flyway] filterFile`): which objects a command sees at all. A filter
 * is an ordered list of rules, each matching objects by object type, schema and name (globs), and
 * saying include or exclude; an object's fate is that of the last rule it matches, or the filter's
 * start state when it matches none (parity's `{include, exclude}` form: excluded when there are
 * include rules, else included; then the include rules, then the exclude rules). Pure functions.
 *
 * What a rule matches:
 * - `objectType`: the object type as `diff` shows it (`Table`, `View`, `Materialized View`, ...),
 *   compared ignoring case;
 * - `schema`: the object's schema; an object compared without schema qualifiers (no schema shown) is
 *   matched with the schema its side read (the database a MySQL URL names), either side's;
 * - `name`: the object's name; a routine's with its arguments (`add(integer, integer)`) or without
 *   (`add`).
 */
import type { Change } from '../diff/changes.js';
import { OBJECT_TYPE_LABELS } from '../model/labels.js';
import type { DatabaseModel, ObjectKind, SchemaObject } from '../model/objects.js';
import { globMatches } from './glob.js';

export interface FilterRule {
  readonly effect: 'include' | 'exclude';
  /** Globs; an absent one matches everything. */
  readonly objectType?: string;
  readonly schema?: string;
  readonly name?: string;
}

export interface ObjectFilter {
  /** The file it was read from (for descriptions). */
  readonly file: string;
  /** Whether an object no rule matches is kept. */
  readonly keepUnmatched: boolean;
  readonly rules: readonly FilterRule[];
}

/** An object as a filter sees it. */
export interface FilteredObject {
  readonly kind: ObjectKind;
  /** `''` for an object compared without schema qualifiers. */
  readonly schema: string;
  /** Its names: the name, and for a routine its bare name too. */
  readonly names: readonly string[];
}

/** The object types a filter can name, as `diff` prints them. */
export const FILTER_OBJECT_TYPES: readonly string[] = [...new Set(Object.values(OBJECT_TYPE_LABELS))];

function ruleMatches(rule: FilterRule, object: FilteredObject, unqualifiedSchemas: readonly string[]): boolean {
  if (rule.objectType !== undefined && !globMatches(rule.objectType, OBJECT_TYPE_LABELS[object.kind], true)) return false;
  if (rule.schema !== undefined) {
    const schemas = object.schema === '' && unqualifiedSchemas.length > 0 ? unqualifiedSchemas : [object.schema];
    if (!schemas.some((schema) => globMatches(rule.schema!, schema))) return false;
  }
  return rule.name === undefined || object.names.some((name) => globMatches(rule.name!, name));
}

/** Whether `filter` keeps `object`; `unqualifiedSchemas`: the schemas the sides read, for objects without one. */
export function keepsObject(filter: ObjectFilter, object: FilteredObject, unqualifiedSchemas: readonly string[] = []): boolean {
  let keep = filter.keepUnmatched;
  for (const rule of filter.rules) if (ruleMatches(rule, object, unqualifiedSchemas)) keep = rule.effect === 'include';
  return keep;
}

function filtered(object: SchemaObject): FilteredObject {
  const names = 'baseName' in object && object.baseName !== object.name ? [object.name, object.baseName] : [object.name];
  return { kind: object.kind, schema: object.schema, names };
}

/** The model without the objects `filter` leaves out (its list of schemas stays). */
export function filterModel(model: DatabaseModel, filter: ObjectFilter, unqualifiedSchemas: readonly string[] = []): DatabaseModel {
  const objects = model.objects.filter((object) => keepsObject(filter, filtered(object), unqualifiedSchemas));
  return objects.length === model.objects.length ? model : { ...model, objects };
}

/** The changes whose object `filter` keeps (judged on the side that has it). */
export function filterChanges<C extends Change>(changes: readonly C[], filter: ObjectFilter, unqualifiedSchemas: readonly string[] = []): C[] {
  return changes.filter((change) => {
    const object = change.source ?? change.target;
    const seen: FilteredObject = object !== undefined ? filtered(object) : { kind: change.objectKind, schema: change.schema, names: [change.name] };
    return keepsObject(filter, seen, unqualifiedSchemas);
  });
}
