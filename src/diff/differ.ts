/**
 * Pairs the objects of two models by identity (kind, schema, name) and reports Add / Edit / Delete.
 * A pure function over plain data: no database, no SQL.
 */
import { changeId } from '../model/ids.js';
import type { DatabaseModel, DialectName, SchemaObject } from '../model/objects.js';
import { ParityError } from '../errors.js';
import type { Change } from './changes.js';
import { compareObjects, compareText } from './object-comparer.js';

export interface DiffOptions {
  /** Keep only objects for which this returns true (both sides). */
  readonly include?: (object: SchemaObject) => boolean;
  /** Report a table whose shared columns are in another order (a `columnOrder` property part). */
  readonly columnOrder?: boolean;
}

function identityKey(object: SchemaObject): string {
  return JSON.stringify([object.kind, object.schema, object.name]);
}

export function objectChangeId(dialect: DialectName, object: SchemaObject): string {
  return changeId({ dialect, objectType: object.kind, schema: object.schema, name: object.name });
}

export function diffModels(source: DatabaseModel, target: DatabaseModel, options: DiffOptions = {}): Change[] {
  if (source.dialect !== target.dialect) {
    throw new ParityError('UNSUPPORTED', `cannot compare a ${source.dialect} schema with a ${target.dialect} schema`);
  }
  const dialect = source.dialect;
  const include = options.include ?? (() => true);
  const targetByKey = new Map<string, SchemaObject>();
  for (const object of target.objects) if (include(object)) targetByKey.set(identityKey(object), object);
  const seen = new Set<string>();
  const changes: Change[] = [];
  for (const object of source.objects) {
    if (!include(object)) continue;
    const key = identityKey(object);
    seen.add(key);
    const other = targetByKey.get(key);
    const base = { id: objectChangeId(dialect, object), objectKind: object.kind, schema: object.schema, name: object.name };
    if (other === undefined) {
      changes.push({ ...base, differenceType: 'Add', source: object, parts: [] });
      continue;
    }
    const parts = compareObjects(dialect, object, other, { columnOrder: options.columnOrder === true });
    if (parts.length > 0) changes.push({ ...base, differenceType: 'Edit', source: object, target: other, parts });
  }
  for (const [key, object] of targetByKey) {
    if (seen.has(key)) continue;
    changes.push({
      id: objectChangeId(dialect, object),
      differenceType: 'Delete',
      objectKind: object.kind,
      schema: object.schema,
      name: object.name,
      target: object,
      parts: [],
    });
  }
  return changes.sort(
    (a, b) => compareText(a.schema, b.schema) || compareText(a.objectKind, b.objectKind) || compareText(a.name, b.name),
  );
}
