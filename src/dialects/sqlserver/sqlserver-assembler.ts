/**
 * Catalog rows (sqlserver-rows.ts) to the model: pure, linear in the number of rows. How SQL Server's
 * objects map onto the dialect-neutral model:
 * - schemas (but `dbo`, which every database has), tables, views, sequences, functions and procedures are the model's kinds; alias types
 *   (`CREATE TYPE [dbo].[Phone] FROM nvarchar(20) NOT NULL`) are domains; DML triggers belong to their
 *   table or view.
 * - a function or procedure has one name (T-SQL has no overloads), so `name` = `baseName`; scalar
 *   functions return their type, table-valued ones `TABLE`; an OUTPUT parameter is `INOUT`.
 * - an index's `method` is its type (`clustered`, `nonclustered`, `nonclustered columnstore`, ...); a
 *   primary key is clustered unless its extras say `clustered: false`, a unique constraint
 *   nonclustered unless they say `clustered: true` (SQL Server's defaults).
 * - `extras` hold what the model has no field for: a user-given DEFAULT constraint name (`defaultName`; a system-generated name
 *   differs in every database and is not compared), PERSISTED computed columns, IDENTITY NOT FOR
 *   REPLICATION, disabled / not trusted / NOT FOR REPLICATION constraints, disabled indexes, a view's or
 *   function's SCHEMABINDING, a scalar or table-valued function's type (`functionType`: FN, IF, TF).
 * - views, routines and triggers keep their module text (CREATE ... as written, normalized).
 */
import type { CheckConstraint, Column, DatabaseModel, Domain, ForeignKey, Index, ObjectRef, PrimaryKey, ReferentialAction, Routine, RoutineArgument, SchemaObject, Sequence, Table, Trigger, UniqueConstraint, View } from '../../model/objects.js';
import { compareCodePoints, groupBy, sortObjects } from '../../model/order.js';
import { foreignKeyColumns } from '../catalog-rows.js';
import type { CatalogRows, CheckRow, ColumnRow, ForeignKeyRow, IndexRow, ModuleRow, ParameterRow, SequenceRow, TableRow, TypeRow } from './sqlserver-rows.js';
import { normalizeModule, stripParens, typeText, variantText } from './sqlserver-normalizer.js';
import { quoteIdent } from './sqlserver-quoting.js';

const byName = <T extends { readonly name: string }>(items: T[]): T[] => items.sort((a, b) => compareCodePoints(a.name, b.name));

function withComment<T extends object>(value: T, comment: string | null | undefined): T {
  return comment !== null && comment !== undefined && comment !== '' ? { ...value, comment } : value;
}

function column(row: ColumnRow): Column {
  const extras: Record<string, boolean | string> = {};
  let out: Column = { name: row.column_name, type: typeText(row), nullable: row.is_nullable };
  if (row.default_definition !== null) {
    out = { ...out, default: stripParens(row.default_definition) };
    if (row.default_is_system_named === false && row.default_name !== null) extras['defaultName'] = row.default_name;
  }
  if (row.is_identity) {
    const start = variantText(row.seed_value) ?? '1';
    const increment = variantText(row.increment_value) ?? '1';
    out = { ...out, identity: { generation: 'always', sequence: { start, increment } } };
    if (row.identity_not_for_replication === true) extras['identityNotForReplication'] = true;
  }
  if (row.computed_definition !== null) {
    out = { ...out, generated: stripParens(row.computed_definition) };
    if (row.is_persisted === true) extras['persisted'] = true;
  }
  if (row.collation_name !== null) out = { ...out, collation: row.collation_name };
  out = withComment(out, row.comment);
  return Object.keys(extras).length > 0 ? { ...out, extras } : out;
}

/** `[col]` or `[col] DESC`: an index key as T-SQL writes it. */
function keyText(row: IndexRow): string {
  return `${quoteIdent(row.column_name)}${row.is_descending_key ? ' DESC' : ''}`;
}

interface TableIndexes {
  primaryKey?: PrimaryKey;
  unique: UniqueConstraint[];
  indexes: Index[];
}

function tableIndexes(rows: readonly IndexRow[]): TableIndexes {
  const out: TableIndexes = { unique: [], indexes: [] };
  for (const parts of groupBy(rows, (r) => r.index_id).values()) {
    const first = parts[0]!;
    const keyRows = parts.filter((r) => !r.is_included_column);
    const include = parts.filter((r) => r.is_included_column).map((r) => r.column_name);
    const clustered = first.type_desc.startsWith('CLUSTERED');
    if (first.is_primary_key) {
      out.primaryKey = withComment({ name: first.index_name, columns: keyRows.map((r) => r.column_name), ...(clustered ? {} : { extras: { clustered: false } }) }, first.comment);
      continue;
    }
    if (first.is_unique_constraint) {
      out.unique.push(withComment({ name: first.index_name, columns: keyRows.map((r) => r.column_name), ...(clustered ? { extras: { clustered: true } } : {}) }, first.comment));
      continue;
    }
    const extras: Record<string, boolean> = {};
    if (first.is_disabled) extras['disabled'] = true;
    // Columnstore indexes list their columns without key order (key_ordinal 0): as given.
    let index: Index = { name: first.index_name, unique: first.is_unique, method: first.type_desc.toLowerCase(), keys: keyRows.map(keyText) };
    if (include.length > 0) index = { ...index, include };
    if (first.has_filter && first.filter_definition !== null) index = { ...index, where: stripParens(first.filter_definition) };
    index = withComment(index, first.comment);
    out.indexes.push(Object.keys(extras).length > 0 ? { ...index, extras } : index);
  }
  byName(out.unique);
  byName(out.indexes);
  return out;
}

/** NO_ACTION → NO ACTION, SET_NULL → SET NULL. */
function action(desc: string): ReferentialAction {
  return desc.replace(/_/g, ' ') as ReferentialAction;
}

/** The flags a constraint has that are not the default (enabled, trusted, replicated). */
function constraintExtras(row: { readonly is_disabled: boolean; readonly is_not_trusted: boolean; readonly is_not_for_replication: boolean }): Record<string, boolean> | undefined {
  const extras: Record<string, boolean> = {};
  if (row.is_disabled) extras['disabled'] = true;
  // A disabled constraint is never trusted: `notTrusted` says more only for an enabled one.
  else if (row.is_not_trusted) extras['notTrusted'] = true;
  if (row.is_not_for_replication) extras['notForReplication'] = true;
  return Object.keys(extras).length > 0 ? extras : undefined;
}

function foreignKey(parts: readonly ForeignKeyRow[]): ForeignKey {
  const first = parts[0]!;
  const extras = constraintExtras(first);
  return {
    ...foreignKeyColumns(parts),
    onUpdate: action(first.update_referential_action_desc),
    onDelete: action(first.delete_referential_action_desc),
    ...(extras ? { extras } : {}),
  };
}

function check(row: CheckRow): CheckConstraint {
  const extras = constraintExtras(row);
  return { name: row.constraint_name, expression: stripParens(row.definition), ...(extras ? { extras } : {}) };
}

/** The kind of a module by its sys.objects type (char(2), padded: `V `, `P `). */
export function moduleKind(type: string): 'view' | 'function' | 'procedure' | 'trigger' | undefined {
  switch (type.trim()) {
    case 'V':
      return 'view';
    case 'FN':
    case 'IF':
    case 'TF':
      return 'function';
    case 'P':
      return 'procedure';
    case 'TR':
      return 'trigger';
    default:
      return undefined;
  }
}

function trigger(row: ModuleRow, events: readonly string[]): Trigger {
  const out: Trigger = {
    name: row.object_name,
    timing: row.is_instead_of_trigger === true ? 'INSTEAD OF' : 'AFTER',
    events: [...events].sort(compareCodePoints),
    level: 'STATEMENT',
    definition: normalizeModule(row.definition ?? ''),
    ...(row.trigger_is_disabled === true ? { enabled: false } : {}),
  };
  return withComment(out, row.comment);
}

interface Lookups {
  readonly columns: Map<number, ColumnRow[]>;
  readonly indexes: Map<number, IndexRow[]>;
  readonly foreignKeys: Map<number, ForeignKeyRow[]>;
  readonly checks: Map<number, CheckRow[]>;
  readonly triggers: Map<number, Trigger[]>;
}

function table(row: TableRow, lookups: Lookups): Table {
  const indexes = tableIndexes(lookups.indexes.get(row.object_id) ?? []);
  const foreignKeys = [...groupBy(lookups.foreignKeys.get(row.object_id) ?? [], (r) => r.constraint_name).values()].map(foreignKey);
  const out: Table = {
    kind: 'table',
    schema: row.schema_name,
    name: row.table_name,
    columns: (lookups.columns.get(row.object_id) ?? []).map(column),
    ...(indexes.primaryKey ? { primaryKey: indexes.primaryKey } : {}),
    uniqueConstraints: indexes.unique,
    checkConstraints: byName((lookups.checks.get(row.object_id) ?? []).map(check)),
    foreignKeys: byName(foreignKeys),
    indexes: indexes.indexes,
    triggers: byName([...(lookups.triggers.get(row.object_id) ?? [])]),
  };
  return withComment(out, row.comment);
}

function refKind(type: string): ObjectRef['kind'] | undefined {
  const t = type.trim();
  if (t === 'U') return 'table';
  if (t === 'V') return 'view';
  if (t === 'FN' || t === 'IF' || t === 'TF') return 'function';
  return undefined;
}

function view(row: ModuleRow, dependsOn: readonly ObjectRef[], triggers: readonly Trigger[]): View {
  const extras: Record<string, boolean> = {};
  if (row.is_schema_bound) extras['schemaBinding'] = true;
  const out: View = {
    kind: 'view',
    schema: row.schema_name,
    name: row.object_name,
    definition: normalizeModule(row.definition ?? ''),
    ...(row.with_check_option === true ? { checkOption: 'CASCADED' as const } : {}),
    ...(triggers.length > 0 ? { triggers: byName([...triggers]) } : {}),
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
    ...(Object.keys(extras).length > 0 ? { extras } : {}),
  };
  return withComment(out, row.comment);
}

function argument(row: ParameterRow): RoutineArgument {
  return { name: row.parameter_name, mode: row.is_output ? 'INOUT' : 'IN', type: `${typeText(row)}${row.is_readonly ? ' READONLY' : ''}` };
}

function routine(row: ModuleRow, parameters: readonly ParameterRow[]): Routine {
  const kind = moduleKind(row.type) === 'procedure' ? 'procedure' : 'function';
  const type = row.type.trim();
  const returnValue = parameters.find((p) => p.parameter_id === 0);
  const extras: Record<string, string | boolean> = {};
  if (kind === 'function') extras['functionType'] = type;
  if (row.is_schema_bound) extras['schemaBinding'] = true;
  const out: Routine = {
    kind,
    schema: row.schema_name,
    name: row.object_name,
    baseName: row.object_name,
    arguments: parameters.filter((p) => p.parameter_id > 0).map(argument),
    ...(kind === 'function' ? { returns: type === 'FN' && returnValue ? typeText(returnValue) : 'TABLE' } : {}),
    language: 'sql',
    definition: normalizeModule(row.definition ?? ''),
    ...(Object.keys(extras).length > 0 ? { extras } : {}),
  };
  return withComment(out, row.comment);
}

function sequence(row: SequenceRow): Sequence {
  const out: Sequence = {
    kind: 'sequence',
    schema: row.schema_name,
    name: row.sequence_name,
    dataType: row.type_name === 'decimal' || row.type_name === 'numeric' ? `${row.type_name}(${row.precision},0)` : row.type_name,
    ...(variantText(row.start_value) !== undefined ? { start: variantText(row.start_value)! } : {}),
    ...(variantText(row.increment) !== undefined ? { increment: variantText(row.increment)! } : {}),
    ...(variantText(row.minimum_value) !== undefined ? { minValue: variantText(row.minimum_value)! } : {}),
    ...(variantText(row.maximum_value) !== undefined ? { maxValue: variantText(row.maximum_value)! } : {}),
    // NO CACHE is cache 1 in the model's terms; the server's default cache (NULL size) is left out.
    ...(row.is_cached ? (row.cache_size !== null ? { cache: String(row.cache_size) } : {}) : { cache: '1' }),
    cycle: row.is_cycling,
  };
  return withComment(out, row.comment);
}

function domain(row: TypeRow): Domain {
  const out: Domain = {
    kind: 'domain',
    schema: row.schema_name,
    name: row.type_name,
    baseType: typeText({ type_name: row.base_type, max_length: row.max_length, precision: row.precision, scale: row.scale }),
    nullable: row.is_nullable,
    checkConstraints: [],
  };
  return withComment(out, row.comment);
}

/** Builds the model from every query's rows. */
export function assembleModel(rows: CatalogRows, schemas: readonly string[]): DatabaseModel {
  const events = groupBy(rows.trigger_events, (r) => r.object_id);
  const triggersByParent = new Map<number, Trigger[]>();
  for (const row of rows.modules) {
    if (moduleKind(row.type) !== 'trigger') continue;
    const list = triggersByParent.get(row.parent_object_id) ?? [];
    list.push(trigger(row, (events.get(row.object_id) ?? []).map((e) => e.type_desc)));
    triggersByParent.set(row.parent_object_id, list);
  }
  const lookups: Lookups = {
    columns: groupBy(rows.columns, (r) => r.object_id),
    indexes: groupBy(rows.indexes, (r) => r.object_id),
    foreignKeys: groupBy(rows.foreign_keys, (r) => r.object_id),
    checks: groupBy(rows.check_constraints, (r) => r.object_id),
    triggers: triggersByParent,
  };
  const parameters = groupBy(rows.parameters, (r) => r.object_id);
  const dependencies = groupBy(rows.dependencies, (r) => r.object_id);
  const objects: SchemaObject[] = [];
  // dbo exists in every database and cannot be created or dropped: it is no object of the model.
  for (const row of rows.schemas) if (row.schema_name !== 'dbo') objects.push(withComment({ kind: 'schema', schema: row.schema_name, name: row.schema_name }, row.comment));
  for (const row of rows.tables) objects.push(table(row, lookups));
  for (const row of rows.modules) {
    const kind = moduleKind(row.type);
    if (kind === 'view') {
      const refs: ObjectRef[] = [];
      for (const d of dependencies.get(row.object_id) ?? []) {
        const refKindValue = refKind(d.referenced_type);
        if (refKindValue === 'table' || refKindValue === 'view') refs.push({ kind: refKindValue, schema: d.referenced_schema, name: d.referenced_name });
      }
      objects.push(view(row, refs, triggersByParent.get(row.object_id) ?? []));
    } else if (kind === 'function' || kind === 'procedure') {
      objects.push(routine(row, parameters.get(row.object_id) ?? []));
    }
  }
  for (const row of rows.sequences) objects.push(sequence(row));
  for (const row of rows.types) objects.push(domain(row));
  return { dialect: 'sqlserver', schemas: [...schemas], objects: sortObjects(objects) };
}
