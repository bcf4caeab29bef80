/**
 * Assembles tables, views and materialized views from catalog rows: every per-relation row set is
 * grouped once by relation oid (Maps), so assembly is linear in the number of rows.
 */
import type {
  ObjectRef,
  CheckConstraint,
  Column,
  ForeignKey,
  Index,
  JsonValue,
  MaterializedView,
  Policy,
  PrimaryKey,
  Table,
  Trigger,
  UniqueConstraint,
  View,
  ViewColumn,
} from '../../model/objects.js';
import {
  checkExpression,
  compareCodePoints,
  flag,
  indexKeys,
  normalizeViewDefinition,
  optional,
  parseBool,
  parseOptions,
  referentialAction,
  sequenceOptions,
  sortByName,
  sortedOptions,
  triggerEnabled,
  triggerEvents,
  triggerLevel,
  triggerTiming,
  triggerWhen,
} from './postgres-normalizer.js';
import type { ColumnRow, ConstraintRow, IndexRow, PolicyRow, TableRow, TriggerRow, ViewRow } from './postgres-rows.js';
import { collapseWhitespace } from './postgres-sql-text.js';

/** Groups rows by a key, keeping their order within each group. */
export function groupBy<K, T>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Sorts every group in place. */
export function sortGroups<K, T>(groups: Map<K, T[]>, compare: (a: T, b: T) => number): Map<K, T[]> {
  for (const group of groups.values()) group.sort(compare);
  return groups;
}

/** Rows of every per-relation query, grouped by relation oid. */
export interface RelationParts {
  readonly columns: Map<number, ColumnRow[]>;
  readonly constraints: Map<number, ConstraintRow[]>;
  readonly indexes: Map<number, IndexRow[]>;
  readonly triggers: Map<number, TriggerRow[]>;
  readonly policies: Map<number, PolicyRow[]>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A column. Identity columns carry `identity.sequence` only with the options that differ from what
 * `GENERATED ... AS IDENTITY` would choose by itself (same rule as stand-alone sequences, see
 * `sequenceOptions`; the data type is always the column's and never listed). Virtual generated
 * columns (PostgreSQL 18) put their expression in `generated` and `extras.generatedStorage = 'virtual'`.
 */
export function column(row: ColumnRow): Column {
  const result: Mutable<Column> = { name: row.name, type: row.type, nullable: row.nullable };
  if (row.default_expr !== null) result.default = row.default_expr;
  if (row.identity !== '') {
    const options = sequenceOptions(
      {
        data_type: row.seq_type,
        seq_start: row.seq_start,
        seq_increment: row.seq_increment,
        seq_min: row.seq_min,
        seq_max: row.seq_max,
        seq_cache: row.seq_cache,
        seq_cycle: row.seq_cycle,
      },
      false,
    );
    result.identity = {
      generation: row.identity === 'a' ? 'always' : 'by default',
      ...(Object.keys(options).length > 0 ? { sequence: options } : {}),
    };
  }
  if (row.generated_expr !== null) result.generated = row.generated_expr;
  if (row.collation !== null) result.collation = row.collation;
  if (row.comment !== null) result.comment = row.comment;
  const extras: Record<string, JsonValue> = {};
  if (row.generated_kind === 'v') extras['generatedStorage'] = 'virtual';
  if (row.inherited) extras['inherited'] = true;
  if (Object.keys(extras).length > 0) result.extras = extras;
  return result;
}

const POLICY_COMMANDS: Readonly<Record<string, Policy['command']>> = { '*': 'ALL', r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE' };

/** A policy; its expressions with whitespace collapsed (pg_get_expr breaks lines in subqueries). */
export function policy(row: PolicyRow): Policy {
  const expression = (text: string | null) => (text === null ? null : collapseWhitespace(text));
  return {
    name: row.name,
    command: POLICY_COMMANDS[row.command] ?? 'ALL',
    permissive: row.permissive,
    roles: [...row.roles].sort(compareCodePoints),
    ...optional('using', expression(row.using_expr)),
    ...optional('withCheck', expression(row.check_expr)),
    ...optional('comment', row.comment),
  };
}

export function viewColumn(row: ColumnRow): ViewColumn {
  return { name: row.name, type: row.type, ...optional('comment', row.comment) };
}

export function index(row: IndexRow): Index {
  const storage = sortedOptions(row.options);
  return {
    name: row.name,
    unique: row.is_unique,
    method: row.method,
    keys: row.simple_keys ?? indexKeys(row.definition ?? ''),
    ...(row.include.length > 0 ? { include: row.include } : {}),
    ...optional('where', row.predicate),
    ...flag('nullsNotDistinct', row.nulls_not_distinct),
    ...optional('comment', row.comment),
    ...(storage ? { extras: { storageParameters: storage } } : {}),
  };
}

export function trigger(row: TriggerRow): Trigger {
  return {
    name: row.name,
    timing: triggerTiming(row.type),
    events: triggerEvents(row.type, row.update_columns),
    level: triggerLevel(row.type),
    ...optional('when', row.has_when ? triggerWhen(row.definition) : undefined),
    definition: row.definition,
    ...optional('enabled', triggerEnabled(row.enabled)),
    ...optional('comment', row.comment),
  };
}

export function checkConstraint(row: ConstraintRow): CheckConstraint {
  return {
    name: row.name,
    expression: checkExpression(row.definition ?? ''),
    ...flag('noInherit', row.no_inherit),
    ...optional('comment', row.comment),
  };
}

function foreignKey(row: ConstraintRow): ForeignKey {
  return {
    name: row.name,
    columns: row.columns,
    referencedSchema: row.ref_schema ?? '',
    referencedTable: row.ref_table ?? '',
    referencedColumns: row.ref_columns,
    onUpdate: referentialAction(row.on_update),
    onDelete: referentialAction(row.on_delete),
    ...(row.on_delete_columns.length > 0 ? { onDeleteColumns: row.on_delete_columns } : {}),
    ...(row.match_type === 'f' ? { match: 'FULL' as const } : row.match_type === 'p' ? { match: 'PARTIAL' as const } : {}),
    ...flag('deferrable', row.deferrable),
    ...flag('initiallyDeferred', row.deferred),
    ...optional('comment', row.comment),
  };
}

function uniqueConstraint(row: ConstraintRow): UniqueConstraint {
  return {
    name: row.name,
    columns: row.columns,
    ...(row.include.length > 0 ? { include: row.include } : {}),
    ...flag('nullsNotDistinct', row.nulls_not_distinct),
    ...flag('deferrable', row.deferrable),
    ...flag('initiallyDeferred', row.deferred),
    ...optional('comment', row.comment),
  };
}

/**
 * A table. PostgreSQL facts the shared model has no field for go to `extras`, each only when set:
 * `unlogged`, `rowLevelSecurity`, `forceRowLevelSecurity`, `inherits` (parents of classic
 * inheritance, qualified), `storageParameters` (sorted reloptions), `exclusionConstraints`
 * (`{name, definition, comment?}` by name), `notValid` / `notEnforced` (constraint names, sorted).
 * A partition or inheritance child leaves out the columns it has exactly as a parent has them
 * (their parts are the parent's: constraints.sql, indexes.sql and triggers.sql skip them).
 */
export function table(row: TableRow, parts: RelationParts): Table {
  const columns = (parts.columns.get(row.oid) ?? []).filter((c) => !(c.inherited && c.same_as_parent)).map(column);
  const policies = sortByName((parts.policies.get(row.oid) ?? []).map(policy));
  let primaryKey: PrimaryKey | undefined;
  const uniques: UniqueConstraint[] = [];
  const checks: CheckConstraint[] = [];
  const foreignKeys: ForeignKey[] = [];
  const exclusions: { name: string; definition: string; comment?: string }[] = [];
  const notValid: string[] = [];
  const notEnforced: string[] = [];
  for (const con of parts.constraints.get(row.oid) ?? []) {
    if (!con.validated) notValid.push(con.name);
    if (!con.enforced) notEnforced.push(con.name);
    switch (con.type) {
      case 'p':
        primaryKey = {
          name: con.name,
          columns: con.columns,
          ...(con.include.length > 0 ? { include: con.include } : {}),
          ...flag('deferrable', con.deferrable),
          ...flag('initiallyDeferred', con.deferred),
          ...optional('comment', con.comment),
        };
        break;
      case 'u':
        uniques.push(uniqueConstraint(con));
        break;
      case 'c':
        checks.push(checkConstraint(con));
        break;
      case 'f':
        foreignKeys.push(foreignKey(con));
        break;
      case 'x':
        exclusions.push({ name: con.name, definition: con.definition ?? '', ...optional('comment', con.comment) });
        break;
    }
  }
  const extras: Record<string, JsonValue> = {};
  if (row.persistence === 'u') extras['unlogged'] = true;
  if (row.row_security) extras['rowLevelSecurity'] = true;
  if (row.force_row_security) extras['forceRowLevelSecurity'] = true;
  if (row.inherits.length > 0) extras['inherits'] = row.inherits;
  const storage = sortedOptions(row.options);
  if (storage) extras['storageParameters'] = storage;
  if (exclusions.length > 0) extras['exclusionConstraints'] = sortByName(exclusions);
  if (notValid.length > 0) extras['notValid'] = [...notValid].sort(compareCodePoints);
  if (notEnforced.length > 0) extras['notEnforced'] = [...notEnforced].sort(compareCodePoints);
  return {
    kind: 'table',
    schema: row.schema,
    name: row.name,
    ...optional('comment', row.comment),
    columns,
    ...optional('primaryKey', primaryKey),
    uniqueConstraints: sortByName(uniques),
    checkConstraints: sortByName(checks),
    foreignKeys: sortByName(foreignKeys),
    indexes: sortByName((parts.indexes.get(row.oid) ?? []).map(index)),
    triggers: sortByName((parts.triggers.get(row.oid) ?? []).map(trigger)),
    ...optional('partitionBy', row.partition_by),
    ...(row.parent_name !== null && row.parent_schema !== null && row.partition_bound !== null
      ? { partitionOf: { schema: row.parent_schema, table: row.parent_name, bound: row.partition_bound } }
      : {}),
    ...(policies.length > 0 ? { policies } : {}),
    ...(Object.keys(extras).length > 0 ? { extras } : {}),
  };
}

/**
 * A view: reloptions give `check_option` (local/cascaded), `security_barrier`, `security_invoker`;
 * the booleans appear only when true. Triggers (INSTEAD OF ...) only when there are any.
 */
const RELKIND_TO_KIND: Readonly<Record<string, ObjectRef['kind']>> = { r: 'table', p: 'table', v: 'view', m: 'materializedView', f: 'table' };

/** The relations a view reads, as object references (sorted by the query). */
function dependsOn(row: ViewRow): { dependsOn?: ObjectRef[] } {
  const refs = (row.depends_on ?? [])
    .map((text) => JSON.parse(text) as [string, string, string])
    .map(([relkind, schema, name]): ObjectRef => ({ kind: RELKIND_TO_KIND[relkind] ?? 'table', schema, name }))
    .sort((a, b) => compareCodePoints(`${a.schema}\u0000${a.name}\u0000${a.kind}`, `${b.schema}\u0000${b.name}\u0000${b.kind}`));
  return refs.length > 0 ? { dependsOn: refs } : {};
}

export function view(row: ViewRow, parts: RelationParts): View {
  const options = parseOptions(row.options);
  const checkOption = options.get('check_option')?.toUpperCase();
  const triggers = sortByName((parts.triggers.get(row.oid) ?? []).map(trigger));
  return {
    kind: 'view',
    schema: row.schema,
    name: row.name,
    ...optional('comment', row.comment),
    definition: normalizeViewDefinition(row.definition),
    columns: (parts.columns.get(row.oid) ?? []).map(viewColumn),
    ...dependsOn(row),
    ...(checkOption === 'LOCAL' || checkOption === 'CASCADED' ? { checkOption } : {}),
    ...flag('securityBarrier', parseBool(options.get('security_barrier'))),
    ...flag('securityInvoker', parseBool(options.get('security_invoker'))),
    ...(triggers.length > 0 ? { triggers } : {}),
  };
}

/**
 * A materialized view. `withData` is deliberately left out: whether REFRESH has run
 * (relispopulated) is data state, and must not make two equal schemas differ.
 */
export function materializedView(row: ViewRow, parts: RelationParts): MaterializedView {
  return {
    kind: 'materializedView',
    schema: row.schema,
    name: row.name,
    ...optional('comment', row.comment),
    definition: normalizeViewDefinition(row.definition),
    columns: (parts.columns.get(row.oid) ?? []).map(viewColumn),
    ...dependsOn(row),
    indexes: sortByName((parts.indexes.get(row.oid) ?? []).map(index)),
  };
}
