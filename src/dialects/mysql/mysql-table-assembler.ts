/**
 * Tables from catalog rows: columns (json detection on MariaDB, charset/collation only where they
 * differ from the table's, MariaDB column-level checks in `extras.check`), the primary key and other indexes, checks, foreign keys, triggers and partitions.
 * Pure and linear in the number of rows.
 */
import type { CheckConstraint, Column, ForeignKey, Index, PrimaryKey, Table, Trigger } from '../../model/objects.js';
import { compareCodePoints, normalizeAction, normalizeDefault, normalizeType, parseExtra, type Flavor } from './mysql-normalizer.js';
import { quoteIdent } from './mysql-quoting.js';
import { triggerDefinition } from './mysql-render-objects.js';
import { partitioning } from './mysql-partitions.js';
import type { CheckRow, ColumnRow, ForeignKeyRow, ForeignKeyRuleRow, IndexRow, PartitionRow, TableRow, TriggerRow } from './mysql-rows.js';
import { foreignKeyColumns } from '../catalog-rows.js';

/** A table's rows from every per-kind query, grouped by (schema, table). */
export interface TableParts {
  readonly columns: readonly ColumnRow[];
  readonly checks: readonly CheckRow[];
  readonly indexes: readonly IndexRow[];
  readonly foreignKeys: readonly ForeignKeyRow[];
  readonly foreignKeyRules: readonly ForeignKeyRuleRow[];
  readonly triggers: readonly TriggerRow[];
  readonly partitions: readonly PartitionRow[];
}

const byName = <T extends { readonly name: string }>(a: T, b: T) => compareCodePoints(a.name, b.name);

/**
 * MariaDB stores `json` as `longtext` with a column-level check `json_valid(`col`)` named after the
 * column (and utf8mb4_bin). Such a column is `json` in the model and the check is not listed.
 */
function isMariadbJson(column: ColumnRow, checks: readonly CheckRow[]): boolean {
  if (column.data_type.toLowerCase() !== 'longtext') return false;
  const expected = `json_valid(${quoteIdent(column.column_name)})`;
  return checks.some((c) => c.level === 'Column' && c.constraint_name === column.column_name && c.check_clause.toLowerCase() === expected);
}

/** MariaDB's own check on one column (`a int CHECK (a > 0)`), named after it; not the json one. */
function columnCheck(column: ColumnRow, checks: readonly CheckRow[]): string | undefined {
  return checks.find((c) => c.level === 'Column' && c.constraint_name === column.column_name)?.check_clause;
}

function column(row: ColumnRow, table: TableRow, json: boolean, flavor: Flavor, check: string | undefined): Column {
  const extra = parseExtra(row.extra);
  const type = json ? 'json' : normalizeType(row.column_type);
  const generated = row.generation_expression !== null && row.generation_expression !== '' && extra.generatedStorage !== undefined;
  const defaultText = generated ? undefined : normalizeDefault(row.column_default, type, row.extra, flavor);
  const ownCollation = !json && row.collation !== null && row.collation !== table.collation;
  const extras: Record<string, string | boolean> = {};
  if (ownCollation && row.charset !== null) extras['characterSet'] = row.charset;
  if (extra.autoIncrement) extras['autoIncrement'] = true;
  if (extra.onUpdate !== undefined) extras['onUpdate'] = extra.onUpdate;
  if (generated && extra.generatedStorage !== undefined) extras['generatedStorage'] = extra.generatedStorage;
  if (extra.invisible) extras['invisible'] = true;
  if (check !== undefined) extras['check'] = check;
  return {
    name: row.column_name,
    type,
    nullable: row.is_nullable === 'YES',
    ...(defaultText !== undefined ? { default: defaultText } : {}),
    ...(generated ? { generated: row.generation_expression! } : {}),
    ...(ownCollation ? { collation: row.collation! } : {}),
    ...(row.comment !== '' ? { comment: row.comment } : {}),
    ...(Object.keys(extras).length > 0 ? { extras } : {}),
  };
}

/** Key parts: `` `col` ``, `` `col`(10) `` for a prefix, `(expr)` for a functional part, ` DESC`. */
function keyPart(row: IndexRow): string {
  const base = row.column_name !== null ? quoteIdent(row.column_name) : `(${row.expression ?? ''})`;
  // SPATIAL indexes report an internal SUB_PART (32) that no DDL can state.
  const prefix = row.sub_part !== null && row.index_type !== 'SPATIAL' ? `(${row.sub_part})` : '';
  return `${base}${prefix}${row.collation === 'D' ? ' DESC' : ''}`;
}

function indexes(rows: readonly IndexRow[]): { primaryKey?: PrimaryKey; indexes: Index[] } {
  const groups = new Map<string, IndexRow[]>();
  for (const row of rows) {
    const list = groups.get(row.index_name);
    if (list) list.push(row);
    else groups.set(row.index_name, [row]);
  }
  let primaryKey: PrimaryKey | undefined;
  const out: Index[] = [];
  for (const [name, parts] of groups) {
    const first = parts[0]!;
    if (name === 'PRIMARY') {
      primaryKey = { name, columns: parts.map((p) => p.column_name ?? ''), ...(first.comment ? { comment: first.comment } : {}) };
      continue;
    }
    const invisible = first.invisible !== null && Number(first.invisible) === 1;
    out.push({
      name,
      unique: Number(first.non_unique) === 0,
      method: first.index_type.toLowerCase(),
      keys: parts.map(keyPart),
      ...(first.comment ? { comment: first.comment } : {}),
      ...(invisible ? { extras: { invisible: true } } : {}),
    });
  }
  return { ...(primaryKey ? { primaryKey } : {}), indexes: out.sort(byName) };
}

function foreignKeys(rows: readonly ForeignKeyRow[], rules: readonly ForeignKeyRuleRow[]): ForeignKey[] {
  const ruleOf = new Map(rules.map((r) => [r.constraint_name, r]));
  const groups = new Map<string, ForeignKeyRow[]>();
  for (const row of rows) {
    const list = groups.get(row.constraint_name);
    if (list) list.push(row);
    else groups.set(row.constraint_name, [row]);
  }
  return [...groups.values()]
    .map((parts) => {
      const first = parts[0]!;
      // Every key has its REFERENTIAL_CONSTRAINTS row; RESTRICT is what MySQL assumes without one.
      const rule = ruleOf.get(first.constraint_name);
      return {
        ...foreignKeyColumns(parts),
        onUpdate: normalizeAction(rule?.update_rule ?? 'RESTRICT'),
        onDelete: normalizeAction(rule?.delete_rule ?? 'RESTRICT'),
      };
    })
    .sort(byName);
}

function trigger(row: TriggerRow): Trigger {
  const timing = row.timing.toUpperCase() === 'AFTER' ? 'AFTER' : 'BEFORE';
  const event = row.event.toUpperCase();
  return {
    name: row.trigger_name,
    timing,
    events: [event],
    level: 'ROW',
    definition: triggerDefinition(row.trigger_schema, row.trigger_name, timing, event, row.table_name, row.body),
  };
}

/** Table options the model keeps: engine, default charset and collation, a requested row format and key block size. */
function tableExtras(row: TableRow): Record<string, string> {
  const extras: Record<string, string> = {};
  if (row.engine) extras['engine'] = row.engine;
  if (row.charset) extras['characterSet'] = row.charset;
  if (row.collation) extras['collation'] = row.collation;
  const rowFormat = /(?:^|\s)row_format=(\w+)/i.exec(row.create_options ?? '');
  if (rowFormat) extras['rowFormat'] = rowFormat[1]!.toUpperCase();
  const keyBlockSize = /(?:^|\s)key_block_size=(\d+)/i.exec(row.create_options ?? '');
  if (keyBlockSize) extras['keyBlockSize'] = keyBlockSize[1]!;
  return extras;
}

export function table(row: TableRow, parts: TableParts, flavor: Flavor): Table {
  const jsonColumns = new Set<string>();
  const columns = parts.columns.map((c) => {
    const json = flavor === 'mariadb' && isMariadbJson(c, parts.checks);
    if (json) jsonColumns.add(c.column_name);
    return column(c, row, json, flavor, json ? undefined : columnCheck(c, parts.checks));
  });
  const columnNames = new Set(parts.columns.map((c) => c.column_name));
  // Column-level checks live on their column (extras.check), the json ones nowhere.
  const checkConstraints: CheckConstraint[] = parts.checks
    .filter((c) => !(c.level === 'Column' && columnNames.has(c.constraint_name)))
    .map((c) => ({ name: c.constraint_name, expression: c.check_clause }))
    .sort(byName);
  const extras = tableExtras(row);
  return {
    kind: 'table',
    schema: row.table_schema,
    name: row.table_name,
    ...(row.comment ? { comment: row.comment } : {}),
    ...(Object.keys(extras).length > 0 ? { extras } : {}),
    columns,
    ...indexes(parts.indexes),
    uniqueConstraints: [],
    checkConstraints,
    foreignKeys: foreignKeys(parts.foreignKeys, parts.foreignKeyRules),
    triggers: parts.triggers.map(trigger).sort(byName),
    ...partitioning(parts.partitions),
  };
}
