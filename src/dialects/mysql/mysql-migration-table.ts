/**
 * Migration statements for tables. An edit becomes, in this order of phases:
 *   dropTriggers     DROP TRIGGER for triggers that change or go away
 *   dropForeignKeys  DROP FOREIGN KEY for keys that change or go away, and for unchanged keys whose
 *                    columns are retyped or whose supporting index changes (MySQL refuses both while
 *                    the key exists); they are added back below
 *   alterTables      one ALTER TABLE for the table options (charset before the columns that inherit
 *                    it), then ONE ALTER TABLE with every column, key, index and check change: MySQL
 *                    applies its clauses together, which settles orderings such as dropping a primary
 *                    key together with the AUTO_INCREMENT that needs it. Some unchanged keys are
 *                    rebuilt there too, where MariaDB would otherwise leave them different (planKeys).
 *                    A new PARTITION BY or REMOVE PARTITIONING ends it; other partition changes
 *                    follow as ALTER TABLEs of their own (mysql-migration-partitions.ts)
 *   addForeignKeys   ADD CONSTRAINT ... FOREIGN KEY
 *   createTriggers   CREATE TRIGGER
 */
import type { MigrationStep } from '../../generate/migration-hooks.js';
import { equalValues } from '../../diff/object-comparer.js';
import type { Column, ForeignKey, Index, Table } from '../../model/objects.js';
import { programStep } from './mysql-migration-objects.js';
import { partitionPlan } from './mysql-migration-partitions.js';
import { longestIncreasing } from './mysql-order.js';
import { qualifiedName, quoteIdent } from './mysql-quoting.js';
import { renderCheck, renderColumnDefinition, renderCreateTable, renderForeignKey, renderIndex, renderPrimaryKey, renderTableOptions } from './mysql-render-table.js';
import { shownName } from '../../model/unqualify.js';

const TEXT_TYPES = /^(char|varchar|tinytext|text|mediumtext|longtext|enum|set)\b/;

function byName<T extends { readonly name: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((item) => [item.name, item]));
}

function addForeignKey(table: Table, fk: ForeignKey): MigrationStep {
  return { phase: 'addForeignKeys', sql: `ALTER TABLE ${qualifiedName(table.schema, table.name)} ADD ${renderForeignKey(fk)}` };
}

function dropForeignKey(table: Table, fk: ForeignKey): MigrationStep {
  return { phase: 'dropForeignKeys', sql: `ALTER TABLE ${qualifiedName(table.schema, table.name)} DROP FOREIGN KEY ${quoteIdent(fk.name)}` };
}

function dropTrigger(table: Table, name: string): MigrationStep {
  return { phase: 'dropTriggers', sql: `DROP TRIGGER ${qualifiedName(table.schema, name)}` };
}

export function createTableSteps(table: Table): MigrationStep[] {
  return [
    { phase: 'createTables', sql: renderCreateTable(table, false) },
    ...table.foreignKeys.map((fk) => addForeignKey(table, fk)),
    ...table.triggers.map((trigger) => programStep('createTriggers', trigger.definition)),
  ];
}

/** The table's own foreign keys go first, so tables dropped together can go in any order. */
export function dropTableSteps(table: Table): MigrationStep[] {
  return [
    ...table.foreignKeys.map((fk) => dropForeignKey(table, fk)),
    { phase: 'dropTables', sql: `DROP TABLE ${qualifiedName(table.schema, table.name)}`, destructive: `drops table ${shownName(table.schema, table.name)} and its data` },
  ];
}

/** Whether a column change alters what is stored (type, charset, collation): what foreign keys and data care about. */
function retyped(from: Column, to: Column): boolean {
  return from.type !== to.type || from.collation !== to.collation || from.extras?.['characterSet'] !== to.extras?.['characterSet'];
}

/** Column names an index's key parts name (`` `a`(10) DESC `` → a). */
function indexColumns(index: Index): string[] {
  return index.keys.flatMap((key) => {
    const match = /^`((?:[^`]|``)*)`/.exec(key);
    return match ? [match[1]!.replace(/``/g, '`')] : [];
  });
}

/**
 * The columns in both that must move for the shared columns to be in `to`'s order: all but a longest
 * run already in that order (a longest increasing subsequence of their positions in `from`).
 */
function movedColumns(from: Table, to: Table, recreated: ReadonlySet<string>): Set<string> {
  const position = new Map(from.columns.map((c, i) => [c.name, i]));
  const shared = to.columns.filter((c) => position.has(c.name) && !recreated.has(c.name)).map((c) => c.name);
  const kept = longestIncreasing(shared.map((name) => position.get(name)!));
  return new Set(shared.filter((_, i) => !kept.has(i)));
}

/** The table-options statement: only the options that differ. */
function optionSteps(from: Table, to: Table, table: string): MigrationStep[] {
  const changed = new Set<string>();
  for (const key of ['engine', 'characterSet', 'collation', 'rowFormat', 'keyBlockSize']) {
    if (from.extras?.[key] !== to.extras?.[key]) changed.add(key);
  }
  if (changed.has('characterSet')) changed.add('collation');
  if (from.comment !== to.comment) changed.add('comment');
  if (changed.size === 0) return [];
  return [{ phase: 'alterTables', sql: `ALTER TABLE ${table} ${renderTableOptions(to, changed).join(' ')}` }];
}

/**
 * The index MariaDB made for a foreign key added without one (`KEY order_id` for an unnamed
 * `t_ibfk_1`), if `from` has one that `fk` would use: an unchanged index over exactly the key's
 * columns, named otherwise than `fk`, that a foreign key of another name already uses. Adding `fk`
 * would replace such an index by a new one named after the constraint.
 */
function generatedIndexFor(fk: ForeignKey, from: Table, to: Table): Index | undefined {
  const columns = JSON.stringify(fk.columns);
  return from.indexes.find(
    (index) =>
      index.name !== fk.name &&
      JSON.stringify(index.keys) === JSON.stringify(fk.columns.map(quoteIdent)) &&
      equalValues(index, to.indexes.find((other) => other.name === index.name)) &&
      from.foreignKeys.some((other) => other.name !== index.name && JSON.stringify(other.columns) === columns),
  );
}

/** What the ALTER TABLE drops and adds back among keys, and which foreign keys go and come back. */
interface KeyPlan {
  /** Indexes dropped (changed, gone, or rebuilt), by name. */
  readonly droppedIndexes: ReadonlySet<string>;
  readonly primaryKeyRebuilt: boolean;
  /** Foreign keys of `from` that are dropped (changed, gone, or disturbed). */
  readonly droppedForeignKeys: readonly ForeignKey[];
  /** Foreign keys of `to` that are added (changed, new, or disturbed and added back). */
  readonly addedForeignKeys: readonly ForeignKey[];
}

/**
 * Keys are dropped and added back when they change, and also:
 * - every key, when the table's KEY_BLOCK_SIZE changes from a set one: MariaDB keeps the size a key
 *   was built with (`PRIMARY KEY (id) KEY_BLOCK_SIZE=8` once the table's is gone);
 * - an index the server made for a foreign key (generatedIndexFor), when a key over its columns is
 *   added again: rebuilt, it is an ordinary index, which the new key uses under its own name.
 * Foreign keys are dropped when they change or go, and dropped and added back when a retype or a
 * rebuilt index or primary key disturbs their columns (MySQL refuses both while the key exists).
 */
function planKeys(from: Table, to: Table, retypedColumns: ReadonlySet<string>): KeyPlan {
  const toIndexes = byName(to.indexes);
  const allKeys = from.extras?.['keyBlockSize'] !== undefined && from.extras['keyBlockSize'] !== to.extras?.['keyBlockSize'];
  const dropped = new Set(from.indexes.filter((index) => allKeys || !equalValues(index, toIndexes.get(index.name))).map((index) => index.name));
  const primaryKeyRebuilt = allKeys || !equalValues(from.primaryKey, to.primaryKey);
  const fromForeignKeys = byName(from.foreignKeys);
  for (;;) {
    const disturbedColumns = new Set([
      ...retypedColumns,
      ...from.indexes.filter((index) => dropped.has(index.name)).flatMap(indexColumns),
      ...(primaryKeyRebuilt ? (from.primaryKey?.columns ?? []) : []),
    ]);
    const disturbed = (fk: ForeignKey) => fk.columns.some((c) => disturbedColumns.has(c));
    const addedForeignKeys = to.foreignKeys.filter((fk) => {
      const before = fromForeignKeys.get(fk.name);
      return before === undefined || !equalValues(fk, before) || disturbed(before);
    });
    const generated = addedForeignKeys.map((fk) => generatedIndexFor(fk, from, to)).filter((index) => index !== undefined && !dropped.has(index.name));
    if (generated.length > 0) {
      for (const index of generated) dropped.add(index!.name);
      continue;
    }
    const toForeignKeys = byName(to.foreignKeys);
    const droppedForeignKeys = from.foreignKeys.filter((fk) => !equalValues(fk, toForeignKeys.get(fk.name)) || disturbed(fk));
    return { droppedIndexes: dropped, primaryKeyRebuilt, droppedForeignKeys, addedForeignKeys };
  }
}

export function alterTableSteps(from: Table, to: Table): MigrationStep[] {
  const table = qualifiedName(to.schema, to.name);
  const steps: MigrationStep[] = [];
  const clauses: string[] = [];
  const destructive: string[] = [];

  const fromColumns = byName(from.columns);
  const toColumns = byName(to.columns);
  const fromChecks = byName(from.checkConstraints);
  const toChecks = byName(to.checkConstraints);
  const charsetChanged = from.extras?.['collation'] !== to.extras?.['collation'] || from.extras?.['characterSet'] !== to.extras?.['characterSet'];

  const retypedColumns = new Set(from.columns.filter((c) => toColumns.has(c.name) && retyped(c, toColumns.get(c.name)!)).map((c) => c.name));
  const keys = planKeys(from, to, retypedColumns);
  steps.push(...keys.droppedForeignKeys.map((fk) => dropForeignKey(to, fk)));
  steps.push(...keys.addedForeignKeys.map((fk) => addForeignKey(to, fk)));

  // Triggers.
  const toTriggers = byName(to.triggers);
  const fromTriggers = byName(from.triggers);
  for (const trigger of from.triggers) if (!equalValues(trigger, toTriggers.get(trigger.name))) steps.push(dropTrigger(to, trigger.name));
  for (const trigger of to.triggers) {
    if (!equalValues(trigger, fromTriggers.get(trigger.name))) steps.push(programStep('createTriggers', trigger.definition));
  }

  steps.push(...optionSteps(from, to, table));

  for (const check of from.checkConstraints) {
    if (!equalValues(check, toChecks.get(check.name))) clauses.push(`DROP CONSTRAINT ${quoteIdent(check.name)}`);
  }
  for (const index of from.indexes) if (keys.droppedIndexes.has(index.name)) clauses.push(`DROP INDEX ${quoteIdent(index.name)}`);
  if (keys.primaryKeyRebuilt && from.primaryKey !== undefined) clauses.push('DROP PRIMARY KEY');
  // A generated column that changes its expression or storage, or turns into or from a plain
  // column, is dropped and added back: MariaDB cannot MODIFY between those.
  const recreated = new Set(
    to.columns.filter((c) => {
      const before = fromColumns.get(c.name);
      return before !== undefined && (before.generated !== undefined || c.generated !== undefined) && (before.generated !== c.generated || before.extras?.['generatedStorage'] !== c.extras?.['generatedStorage']);
    }).map((c) => c.name),
  );
  for (const column of from.columns) {
    if (toColumns.has(column.name) && !recreated.has(column.name)) continue;
    clauses.push(`DROP COLUMN ${quoteIdent(column.name)}`);
    if (column.generated === undefined) destructive.push(`drops column ${column.name}`);
  }
  const moved = movedColumns(from, to, recreated);
  // Columns that change, and text columns that inherit a changed table charset (moved ones below).
  for (const column of to.columns) {
    const before = fromColumns.get(column.name);
    if (before === undefined || recreated.has(column.name) || moved.has(column.name)) continue;
    const inherits = charsetChanged && column.collation === undefined && TEXT_TYPES.test(column.type);
    if (equalValues(before, column) && !inherits) continue;
    clauses.push(`MODIFY COLUMN ${renderColumnDefinition(column)}`);
    if (before.type !== column.type) destructive.push(`changes column ${column.name} from ${before.type} to ${column.type}`);
  }
  // New columns where the source has them, and columns moved there, in the source's order (each
  // after one already in place): MySQL can place a column, so column order matches too.
  to.columns.forEach((column, position) => {
    const place = position === 0 ? 'FIRST' : `AFTER ${quoteIdent(to.columns[position - 1]!.name)}`;
    const before = fromColumns.get(column.name);
    if (before === undefined || recreated.has(column.name)) clauses.push(`ADD COLUMN ${renderColumnDefinition(column)} ${place}`);
    else if (moved.has(column.name)) {
      clauses.push(`MODIFY COLUMN ${renderColumnDefinition(column)} ${place}`);
      if (before.type !== column.type) destructive.push(`changes column ${column.name} from ${before.type} to ${column.type}`);
    }
  });
  if (keys.primaryKeyRebuilt && to.primaryKey !== undefined) clauses.push(`ADD ${renderPrimaryKey(to.primaryKey)}`);
  const fromIndexes = byName(from.indexes);
  for (const index of to.indexes) {
    if (!equalValues(index, fromIndexes.get(index.name)) || keys.droppedIndexes.has(index.name)) clauses.push(`ADD ${renderIndex(index)}`);
  }
  for (const check of to.checkConstraints) if (!equalValues(check, fromChecks.get(check.name))) clauses.push(`ADD ${renderCheck(check)}`);

  const partitions = partitionPlan(from, to);
  if (clauses.length > 0 || partitions.clause !== undefined) {
    const alter = clauses.length > 0 ? `\n    ${clauses.join(',\n    ')}` : '';
    steps.push({
      phase: 'alterTables',
      sql: `ALTER TABLE ${table}${alter}${partitions.clause !== undefined ? `${alter === '' ? ' ' : '\n'}${partitions.clause}` : ''}`,
      ...(destructive.length > 0 ? { destructive: `${shownName(to.schema, to.name)}: ${destructive.join('; ')}` } : {}),
    });
  }
  steps.push(...partitions.steps);
  return steps;
}
