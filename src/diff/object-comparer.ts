/**
 * Compares two versions of the same object property by property. Named lists (columns, constraints,
 * indexes, ...) are paired by name, so order never counts as a difference (PostgreSQL cannot reorder
 * columns; a reordered constraint list is the same table). Everything else is compared as data.
 */
import { changeId } from '../model/ids.js';
import type { DialectName, JsonValue, ObjectKind, PartKind, SchemaObject } from '../model/objects.js';
import type { DifferenceType, PartChange } from './changes.js';

/** Properties that hold a list of named parts, per object kind, and what each part is called. */
const NAMED_LISTS: Partial<Record<ObjectKind, Readonly<Record<string, PartKind>>>> = {
  schema: { events: 'event' },
  table: {
    columns: 'column',
    uniqueConstraints: 'uniqueConstraint',
    checkConstraints: 'checkConstraint',
    foreignKeys: 'foreignKey',
    indexes: 'index',
    triggers: 'trigger',
    policies: 'policy',
    partitions: 'partition',
  },
  view: { columns: 'column', triggers: 'trigger' },
  materializedView: { columns: 'column', indexes: 'index' },
  domain: { checkConstraints: 'checkConstraint' },
  compositeType: { attributes: 'attribute' },
};

/** Single named parts: compared as a whole, reported under the part's own kind. */
const NAMED_SINGLES: Partial<Record<ObjectKind, Readonly<Record<string, PartKind>>>> = {
  table: { primaryKey: 'primaryKey' },
};

/** Properties that are identity or bookkeeping, never a difference. */
const IGNORED = new Set(['kind', 'schema', 'name']);

/**
 * Deep equality of JSON values, key order ignored, array order kept. A direct walk rather than
 * comparing serialized strings: it allocates nothing, which matters on 10,000-table models.
 */
export function equalValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equalValues(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let leftCount = 0;
  for (const key in left) {
    if (left[key] === undefined) continue;
    leftCount++;
    if (!equalValues(left[key], right[key])) return false;
  }
  let rightCount = 0;
  for (const key in right) if (right[key] !== undefined) rightCount++;
  return leftCount === rightCount;
}

/**
 * The shared columns of two tables in each one's order, when that order differs (a dialect that can
 * place columns compares it: `DiffOptions.columnOrder`); columns on one side only do not count.
 */
export function columnOrderChange(source: SchemaObject, target: SchemaObject): { source: string[]; target: string[] } | undefined {
  if (source.kind !== 'table' || target.kind !== 'table') return undefined;
  const inSource = new Set(source.columns.map((c) => c.name));
  const inTarget = new Set(target.columns.map((c) => c.name));
  const from = source.columns.map((c) => c.name).filter((name) => inTarget.has(name));
  const to = target.columns.map((c) => c.name).filter((name) => inSource.has(name));
  return from.every((name, i) => name === to[i]) ? undefined : { source: from, target: to };
}

export function compareObjects(dialect: DialectName, source: SchemaObject, target: SchemaObject, options: { readonly columnOrder?: boolean } = {}): PartChange[] {
  const lists = NAMED_LISTS[source.kind] ?? {};
  const singles = NAMED_SINGLES[source.kind] ?? {};
  const parent = `${source.kind}:${source.schema}.${source.name}`;
  const record = (partKind: PartKind | 'property', name: string, type: DifferenceType, from: unknown, to: unknown): PartChange => ({
    id: changeId({ dialect, objectType: partKind, schema: source.schema, name, parent }),
    partKind,
    name,
    differenceType: type,
    ...(from !== undefined ? { source: from as JsonValue } : {}),
    ...(to !== undefined ? { target: to as JsonValue } : {}),
  });
  const parts: PartChange[] = [];
  const sourceRecord = source as unknown as Record<string, unknown>;
  const targetRecord = target as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(sourceRecord), ...Object.keys(targetRecord)]);
  for (const key of [...keys].sort()) {
    if (IGNORED.has(key)) continue;
    const from = sourceRecord[key];
    const to = targetRecord[key];
    const listKind = lists[key];
    const singleKind = singles[key];
    if (listKind) {
      parts.push(...compareNamedLists(listKind, asNamedList(from), asNamedList(to), record));
    } else if (singleKind) {
      if (!equalValues(from, to)) {
        const name = partName(from) ?? partName(to) ?? key;
        const type: DifferenceType = from === undefined ? 'Delete' : to === undefined ? 'Add' : 'Edit';
        parts.push(record(singleKind, name, type, from, to));
      }
    } else if (!equalValues(from, to)) {
      const type: DifferenceType = from === undefined ? 'Delete' : to === undefined ? 'Add' : 'Edit';
      parts.push(record('property', key, type, from, to));
    }
  }
  const order = options.columnOrder ? columnOrderChange(source, target) : undefined;
  if (order) parts.push(record('property', 'columnOrder', 'Edit', order.source, order.target));
  return parts.sort((a, b) => compareText(a.partKind, b.partKind) || compareText(a.name, b.name));
}

type Recorder = (kind: PartKind, name: string, type: DifferenceType, from: unknown, to: unknown) => PartChange;

function compareNamedLists(kind: PartKind, from: readonly Named[], to: readonly Named[], record: Recorder): PartChange[] {
  const out: PartChange[] = [];
  const targetByName = new Map(to.map((part) => [part.name, part]));
  const sourceNames = new Set(from.map((part) => part.name));
  for (const part of from) {
    const other = targetByName.get(part.name);
    if (other === undefined) out.push(record(kind, part.name, 'Add', part, undefined));
    else if (!equalValues(part, other)) out.push(record(kind, part.name, 'Edit', part, other));
  }
  for (const part of to) {
    if (!sourceNames.has(part.name)) out.push(record(kind, part.name, 'Delete', undefined, part));
  }
  return out;
}

interface Named {
  readonly name: string;
}

function asNamedList(value: unknown): readonly Named[] {
  return Array.isArray(value) ? (value as Named[]) : [];
}

function partName(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null && 'name' in value ? String((value as Named).name) : undefined;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
