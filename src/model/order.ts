/** Orders the model's lists the same way in every dialect: by code point, never by locale. */
import type { SchemaObject } from './objects.js';

export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Objects sorted by (kind, schema, name), as the model requires. */
export function sortObjects(objects: SchemaObject[]): SchemaObject[] {
  return objects.sort((a, b) => compareCodePoints(a.kind, b.kind) || compareCodePoints(a.schema, b.schema) || compareCodePoints(a.name, b.name));
}

/** Rows grouped by a key, in row order. */
export function groupBy<R, K>(rows: readonly R[], key: (row: R) => K): Map<K, R[]> {
  const map = new Map<K, R[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
