/**
 * `-ignore=comments,triggers,...`: differences people routinely do not want, left out of a comparison.
 * Each category names what it leaves out; ignoring works at the comparison, before the differ: wherever
 * an object (or a part of it: a column, an index, a partition) is on both sides, the source takes the
 * target's value of the ignored property. So nothing ignored is reported, `generate` changes nothing
 * ignored (an `ALTER` that restates a column restates its comment as the database has it), `model`
 * keeps the folder's, and change IDs are those of the objects as ever. Objects and parts on one side
 * only are taken whole: a new table is created with its comments, a new column with its comment.
 *
 * A category is one entry of IGNORE_CATEGORIES: the properties it covers, on the object itself
 * (`objectProperties`), anywhere inside it (`anywhere`: in parts, extras, ...), or a rule of its own
 * (`graft`). Adding one is one entry.
 */
import { ParityError } from '../errors.js';
import type { DatabaseModel, SchemaObject, Table } from '../model/objects.js';

export interface IgnoreCategory {
  /** What it leaves out, for help and the README. */
  readonly describe: string;
  /** Properties of the object itself taken from the target (a list as a whole). */
  readonly objectProperties?: readonly string[];
  /** Properties taken from the target wherever they appear: on the object, its parts and their extras. */
  readonly anywhere?: readonly string[];
  /** A rule of its own: the source object as it is compared with `target`. */
  readonly graft?: (source: SchemaObject, target: SchemaObject) => SchemaObject;
}

/** Shared columns in the target's order; a source-only column stays after the column it follows in the source. */
function targetColumnOrder(source: SchemaObject, target: SchemaObject): SchemaObject {
  if (source.kind !== 'table' || target.kind !== 'table') return source;
  const sourceNames = new Set(source.columns.map((c) => c.name));
  const byName = new Map(source.columns.map((c) => [c.name, c]));
  const ordered = target.columns.filter((c) => sourceNames.has(c.name)).map((c) => byName.get(c.name)!);
  source.columns.forEach((column, index) => {
    if (target.columns.some((c) => c.name === column.name)) return;
    const previous = index === 0 ? -1 : ordered.findIndex((c) => c.name === source.columns[index - 1]!.name);
    ordered.splice(previous + 1, 0, column);
  });
  return { ...source, columns: ordered } as Table;
}

export const IGNORE_CATEGORIES: Readonly<Record<string, IgnoreCategory>> = {
  comments: {
    describe: 'comments of objects and of their columns, keys, indexes, triggers, partitions and events (a MySQL routine\'s COMMENT is part of its definition and still compared)',
    anywhere: ['comment'],
  },
  columnOrder: {
    describe: 'the order of a table\'s columns (MySQL, where it is compared; new columns are still placed where the source has them)',
    graft: targetColumnOrder,
  },
  collations: {
    describe: 'collations and character sets of schemas, tables and columns',
    anywhere: ['collation', 'characterSet'],
  },
  triggers: { describe: 'triggers of tables and views', objectProperties: ['triggers'] },
  indexes: {
    describe: 'indexes of tables and materialized views (MySQL: UNIQUE, FULLTEXT and SPATIAL keys too; primary keys and PostgreSQL unique constraints stay)',
    objectProperties: ['indexes'],
  },
  foreignKeys: { describe: 'foreign keys', objectProperties: ['foreignKeys'] },
  checkConstraints: { describe: 'check constraints of tables and domains (MariaDB column checks stay)', objectProperties: ['checkConstraints'] },
  partitions: {
    describe: 'partitioning: MySQL PARTITION BY, SUBPARTITION BY and the partitions; PostgreSQL PARTITION BY and which table a partition belongs to with which bound (a partition on one side only is still a table of its own: leave those out with a filter file)',
    objectProperties: ['partitionBy', 'subpartitionBy', 'partitions', 'partitionOf'],
  },
  events: { describe: 'MySQL/MariaDB events (parts of their schema)', objectProperties: ['events'] },
  policies: {
    describe: 'PostgreSQL row-level security: the policies of tables and whether ENABLE / FORCE ROW LEVEL SECURITY is set',
    objectProperties: ['policies'],
    anywhere: ['rowLevelSecurity', 'forceRowLevelSecurity'],
  },
  privileges: {
    describe: 'privileges (GRANTs) of objects and default privileges of schemas, read with -include=privileges',
    objectProperties: ['privileges', 'defaultPrivileges'],
  },
};

/** The categories `-ignore` names, checked; an unknown one is an error listing them all. */
export function ignoreCategories(names: readonly string[], where = '-ignore'): string[] {
  const known = Object.keys(IGNORE_CATEGORIES);
  const unknown = names.filter((name) => !Object.hasOwn(IGNORE_CATEGORIES, name));
  if (unknown.length > 0) {
    throw new ParityError('INVALID_ARGUMENT', `unknown -ignore ${unknown.length > 1 ? 'categories' : 'category'} ${unknown.map((n) => `"${n}"`).join(', ')} (categories: ${known.join(', ')})`, { where });
  }
  return [...new Set(names)];
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNamedList = (value: unknown): value is Json[] => Array.isArray(value) && value.every((item) => isRecord(item) && typeof item['name'] === 'string');

/**
 * `source` with every `keys` property taken from `target`, on it and in everything it holds: named
 * parts paired by name (a part only in the source is kept whole), records (extras, a primary key) by
 * key (one only in the source loses the keys, and goes when nothing else is left in it).
 */
function graftAnywhere(source: unknown, target: unknown, keys: ReadonlySet<string>): unknown {
  if (isNamedList(source)) {
    const byName = new Map((isNamedList(target) ? target : []).map((item) => [item['name'] as string, item]));
    return source.map((item) => (byName.has(item['name'] as string) ? graftAnywhere(item, byName.get(item['name'] as string), keys) : item));
  }
  if (!isRecord(source)) return source;
  const other = isRecord(target) ? target : {};
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (keys.has(key)) continue;
    const grafted = graftAnywhere(value, other[key], keys);
    if (grafted !== undefined) out[key] = grafted;
  }
  for (const key of keys) if (other[key] !== undefined) out[key] = other[key];
  return Object.keys(out).length === 0 && !isRecord(target) ? undefined : out;
}

/** `source` with each of `keys` as the target has it (absent there: absent; a required list: empty). */
function graftProperties(source: SchemaObject, target: SchemaObject, keys: readonly string[]): SchemaObject {
  const out: Json = { ...(source as unknown as Json) };
  const other = target as unknown as Json;
  for (const key of keys) {
    if (other[key] !== undefined) out[key] = other[key];
    else if (Array.isArray(out[key]) && key in tableLists) out[key] = [];
    else delete out[key];
  }
  return out as unknown as SchemaObject;
}

/** Lists a table always has (the model requires them): emptied, never removed. */
const tableLists: Readonly<Record<string, true>> = { triggers: true, indexes: true, foreignKeys: true, checkConstraints: true, uniqueConstraints: true, columns: true };

/** One object as it is compared with `target` under the given categories. */
export function ignoring(source: SchemaObject, target: SchemaObject, categories: readonly string[]): SchemaObject {
  let out = source;
  for (const name of categories) {
    const category = IGNORE_CATEGORIES[name]!;
    if (category.objectProperties) out = graftProperties(out, target, category.objectProperties);
    if (category.anywhere) out = graftAnywhere(out, target, new Set(category.anywhere)) as SchemaObject;
    if (category.graft) out = category.graft(out, target);
  }
  return out;
}

/** The source model as it is compared with `target`: every object both have, with the ignored properties of its target twin. */
export function ignoreInSource(source: DatabaseModel, target: DatabaseModel, categories: readonly string[]): DatabaseModel {
  if (categories.length === 0) return source;
  const key = (object: SchemaObject) => JSON.stringify([object.kind, object.schema, object.name]);
  const targets = new Map(target.objects.map((object) => [key(object), object]));
  return {
    ...source,
    objects: source.objects.map((object) => {
      const twin = targets.get(key(object));
      return twin === undefined ? object : ignoring(object, twin, categories);
    }),
  };
}
