/**
 * Partitions and inheritance children in PostgreSQL migrations: what a table gets from its parents,
 * and how it joins or leaves them. Conventions: see postgres-migration-common.ts.
 *
 * A partition's (or child's) model lists only its own parts (Table.columns, Table.partitionOf). To
 * alter one, the statements need the whole table as the database has it: its *effective* table, the
 * parents' columns (with the child's overrides), check constraints, and for a partition the parents'
 * keys, indexes and foreign keys under the names PostgreSQL gives a partition's copies
 * (`<partition>_pkey`, `<partition>_<columns>_idx`, ...). The parents come from the script's changes
 * or, unchanged, from the artifact's dependent objects (diff/compare.ts keeps the relatives of every
 * changed table there).
 */
import type { Change } from '../../diff/changes.js';
import type { MigrationContext } from '../../generate/migration-hooks.js';
import type { Column, Index, JsonValue, PrimaryKey, Table, UniqueConstraint } from '../../model/objects.js';
import { splitDottedName } from './postgres-render-common.js';
import { qualifiedName } from './postgres-quoting.js';

export type Side = 'source' | 'target';

/** Tables of one side of the script by qualified name: the changes' objects first, then the dependent objects. */
export type TableLookup = (schema: string, name: string) => Table | undefined;

const lookups = new WeakMap<MigrationContext, Record<Side, Map<string, Table>>>();
const tableChanges = new WeakMap<MigrationContext, Map<string, Change>>();

/** The script's change of a table, if any (looked up by qualified name, the map built once per script). */
export function tableChange(context: MigrationContext, schema: string, name: string): Change | undefined {
  let map = tableChanges.get(context);
  if (map === undefined) {
    map = new Map(context.changes.filter((c) => c.objectKind === 'table').map((c) => [qualifiedName(c.schema, c.name), c]));
    tableChanges.set(context, map);
  }
  return map.get(qualifiedName(schema, name));
}

function tablesBySide(context: MigrationContext): Record<Side, Map<string, Table>> {
  let known = lookups.get(context);
  if (known === undefined) {
    known = { source: new Map(), target: new Map() };
    for (const s of ['source', 'target'] as const) {
      for (const object of context.dependentObjects?.[s] ?? []) if (object.kind === 'table') known[s].set(qualifiedName(object.schema, object.name), object);
      for (const change of context.changes) {
        if (change.objectKind !== 'table') continue;
        const object = change[s];
        const key = qualifiedName(change.schema, change.name);
        if (object?.kind === 'table') known[s].set(key, object);
        else known[s].delete(key);
      }
    }
    lookups.set(context, known);
  }
  return known;
}

export function tableLookup(context: MigrationContext, side: Side): TableLookup {
  const map = tablesBySide(context)[side];
  return (schema, name) => map.get(qualifiedName(schema, name));
}

/** Every table of one side the script knows (changed, or related to a changed one). */
export function tablesOf(context: MigrationContext, side: Side): Table[] {
  return [...tablesBySide(context)[side].values()];
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The parents of classic inheritance as schema and name (from `extras.inherits`, qualified SQL names). */
export function inheritedParents(table: Table): { schema: string; name: string }[] {
  return stringList(table.extras?.['inherits']).flatMap((text) => {
    const parts = splitDottedName(text);
    return parts.length === 2 ? [{ schema: parts[0]!, name: parts[1]! }] : parts.length === 1 ? [{ schema: table.schema, name: parts[0]! }] : [];
  });
}

/** The tables `table` gets parts from: its partitioned parent, or its inheritance parents. */
export function parentsOf(table: Table): { schema: string; name: string }[] {
  return table.partitionOf !== undefined ? [{ schema: table.partitionOf.schema, name: table.partitionOf.table }] : inheritedParents(table);
}

// ---------------------------------------------------------------------------------------------
// The names PostgreSQL gives a partition's copies of its parent's indexes (indexcmds.c)

const NAMEDATALEN = 64;

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The longest prefix of `text` of at most `limit` bytes that ends on a character boundary. */
function clipBytes(text: string, limit: number): string {
  let out = '';
  for (const ch of text) {
    if (bytes(out + ch) > limit) break;
    out += ch;
  }
  return out;
}

/** makeObjectName: `name1_name2_label`, the longer name shortened first to fit NAMEDATALEN - 1 bytes. */
export function makeObjectName(name1: string, name2: string | undefined, label: string): string {
  let n1 = bytes(name1);
  let n2 = name2 === undefined ? 0 : bytes(name2);
  const overhead = (name2 === undefined ? 0 : 1) + bytes(label) + 1;
  const available = NAMEDATALEN - 1 - overhead;
  while (n1 + n2 > available) {
    if (n1 > n2) n1--;
    else n2--;
  }
  return [clipBytes(name1, n1), ...(name2 === undefined ? [] : [clipBytes(name2, n2)]), label].join('_');
}

/** ChooseIndexColumnNames + ChooseIndexNameAddition: the column names joined with `_`, repeats numbered. */
function columnNameAddition(names: readonly string[]): string {
  const chosen: string[] = [];
  for (const original of names) {
    let name = original;
    for (let i = 1; chosen.includes(name); i++) name = clipBytes(original, NAMEDATALEN - 1 - String(i).length) + String(i);
    chosen.push(name);
  }
  let buffer = '';
  for (const name of chosen) {
    if (buffer.length > 0) buffer += '_';
    buffer += clipBytes(name, NAMEDATALEN - bytes(buffer) - 1);
    if (bytes(buffer) >= NAMEDATALEN - 1) break;
  }
  return buffer;
}

const PLAIN_KEY = /^("(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*)(?=\s|$)/;

/** The column an index key part names (`"Col" DESC` → `Col`), or `expr` for an expression. */
function keyColumnName(key: string): string {
  const match = PLAIN_KEY.exec(key.trim());
  if (!match) return 'expr';
  const part = match[1]!;
  return part.startsWith('"') ? part.slice(1, -1).replaceAll('""', '"') : part;
}

/** The name a partition's copy of an index gets (ChooseIndexName). */
export function partitionIndexName(partition: string, index: Index): string {
  return makeObjectName(partition, columnNameAddition([...index.keys.map(keyColumnName), ...(index.include ?? [])]), 'idx');
}

function partitionPrimaryKeyName(partition: string): string {
  return makeObjectName(partition, undefined, 'pkey');
}

function partitionUniqueName(partition: string, constraint: UniqueConstraint): string {
  return makeObjectName(partition, columnNameAddition([...constraint.columns, ...(constraint.include ?? [])]), 'key');
}

// ---------------------------------------------------------------------------------------------
// Effective tables

export interface EffectiveTable {
  /** The table with everything it has from its parents (inherited columns marked `extras.inherited`). */
  readonly table: Table;
  /**
   * Names of the keys, unique constraints, indexes and foreign keys that come from a partitioned
   * parent: ATTACH PARTITION creates (or adopts) them, so a script never adds them itself.
   */
  readonly fromParent: ReadonlySet<string>;
}

function markInherited(column: Column): Column {
  return { ...column, extras: { ...(column.extras ?? {}), inherited: true } };
}

/** A parent's column as a child gets it: without the parent's comment (comments are not inherited). */
function inheritedCopy(column: Column): Column {
  const { comment: _comment, ...rest } = column;
  return markInherited(rest);
}

function mergeList(...lists: (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}

/**
 * The table as the database has it: the parents' (effective) columns with the table's own overrides
 * and columns, the parents' inheritable check constraints, and for a partition the parents' primary
 * key, unique constraints, indexes and foreign keys (copies named as PostgreSQL names them). A parent
 * the lookup does not know contributes nothing.
 */
export function effectiveTable(table: Table, lookup: TableLookup, seen: ReadonlySet<string> = new Set()): EffectiveTable {
  const key = qualifiedName(table.schema, table.name);
  const parents = parentsOf(table)
    .filter((p) => !seen.has(qualifiedName(p.schema, p.name)))
    .map((p) => lookup(p.schema, p.name))
    .filter((p): p is Table => p !== undefined)
    .map((p) => effectiveTable(p, lookup, new Set([...seen, key])).table);
  if (parents.length === 0) return { table, fromParent: new Set() };
  const columns: Column[] = [];
  const seenColumns = new Set<string>();
  for (const parent of parents) {
    for (const column of parent.columns) {
      if (seenColumns.has(column.name)) continue;
      seenColumns.add(column.name);
      columns.push(inheritedCopy(column));
    }
  }
  for (const column of table.columns) {
    const at = columns.findIndex((c) => c.name === column.name);
    if (at >= 0) columns[at] = markInherited(column);
    else columns.push(column);
  }
  const ownChecks = new Set(table.checkConstraints.map((c) => c.name));
  const inheritedChecks = parents.flatMap((p) => p.checkConstraints.filter((c) => c.noInherit !== true && !ownChecks.has(c.name)));
  const extrasOf = (t: Table, name: string) => stringList(t.extras?.[name]);
  const extras: Record<string, JsonValue> = { ...(table.extras ?? {}) };
  const fromParent = new Set<string>();
  let result: Table = { ...table, columns, checkConstraints: [...inheritedChecks, ...table.checkConstraints] };
  if (table.partitionOf !== undefined) {
    const parent = parents[0]!;
    const name = table.name;
    const primaryKey: PrimaryKey | undefined =
      table.primaryKey ?? (parent.primaryKey === undefined ? undefined : { ...parent.primaryKey, name: partitionPrimaryKeyName(name), comment: undefined });
    const uniques = parent.uniqueConstraints.map((c) => ({ ...c, name: partitionUniqueName(name, c), comment: undefined }));
    const indexes = parent.indexes.map((i) => ({ ...i, name: partitionIndexName(name, i), comment: undefined }));
    const foreignKeys = parent.foreignKeys.map((f) => ({ ...f, comment: undefined }));
    for (const part of [...(table.primaryKey === undefined && primaryKey ? [primaryKey] : []), ...uniques, ...indexes, ...foreignKeys]) fromParent.add(part.name);
    result = {
      ...result,
      ...(primaryKey === undefined ? {} : { primaryKey }),
      uniqueConstraints: [...uniques, ...table.uniqueConstraints],
      indexes: [...indexes, ...table.indexes],
      foreignKeys: [...foreignKeys, ...table.foreignKeys],
    };
    for (const flag of ['notValid', 'notEnforced']) {
      const merged = mergeList(extrasOf(table, flag), extrasOf(parent, flag));
      if (merged.length > 0) extras[flag] = merged;
    }
  } else {
    const inheritedNames = new Set(inheritedChecks.map((c) => c.name));
    for (const flag of ['notValid', 'notEnforced']) {
      const merged = mergeList(extrasOf(table, flag), ...parents.map((p) => extrasOf(p, flag).filter((n) => inheritedNames.has(n))));
      if (merged.length > 0) extras[flag] = merged;
    }
  }
  return { table: { ...result, ...(Object.keys(extras).length > 0 ? { extras } : {}) }, fromParent };
}

/** The columns of the parents of `table` merged (first parent first), as `effectiveTable` takes them. */
function parentColumns(table: Table, lookup: TableLookup): Map<string, Column> {
  const out = new Map<string, Column>();
  for (const ref of parentsOf(table)) {
    const parent = lookup(ref.schema, ref.name);
    if (parent === undefined) continue;
    for (const column of effectiveTable(parent, lookup).table.columns) if (!out.has(column.name)) out.set(column.name, column);
  }
  return out;
}

/**
 * The effective columns of a table that stays with the same parents, as they are once the parents'
 * own ALTERs ran: PostgreSQL applies a parent's ADD / DROP COLUMN, type, default and NOT NULL changes
 * to its children too. The child's statements then take it from there to the source's columns.
 */
export function columnsAfterParents(from: Table, to: Table, context: MigrationContext): Column[] {
  const before = parentColumns(from, tableLookup(context, 'target'));
  const after = parentColumns(to, tableLookup(context, 'source'));
  const current = effectiveTable(from, tableLookup(context, 'target')).table.columns;
  const out: Column[] = [];
  for (const column of current) {
    if (column.extras?.['inherited'] !== true) {
      out.push(column);
      continue;
    }
    const was = before.get(column.name);
    const now = after.get(column.name);
    if (now === undefined) continue;
    if (was === undefined) {
      out.push(column);
      continue;
    }
    const { default: _default, collation: _collation, ...rest } = column;
    const fallback = was.default !== now.default ? now.default : column.default;
    out.push({
      ...rest,
      type: now.type,
      ...(now.collation === undefined ? {} : { collation: now.collation }),
      ...(fallback === undefined ? {} : { default: fallback }),
      nullable: was.nullable !== now.nullable ? now.nullable : column.nullable,
    });
  }
  for (const [name, column] of after) if (!out.some((c) => c.name === name)) out.push(inheritedCopy(column));
  return out;
}
