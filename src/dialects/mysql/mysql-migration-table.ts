/**
 * Migration statements for tables. An edit becomes, in this order of phases:
 *   dropTriggers     DROP TRIGGER for triggers that change or go away
 *   dropForeignKeys  DROP FOREIGN KEY for keys that change or go away, and for unchanged keys whose
 *                    columns are retyped or whose supporting index changes (MySQL refuses both while
 *                    the key exists); they are added back below
 *   alterTables      one ALTER TABLE for the table options (charset before the columns that inherit
 *                    it), then ONE ALTER TABLE with every column, key, index and check change: MySQL
 *                    applies its clauses together, which settles orderings such as dropping a primary
 *                    key together with the AUTO_INCREMENT that needs it
 *   addForeignKeys   ADD CONSTRAINT ... FOREIGN KEY
 *   createTriggers   CREATE TRIGGER
 */
import type { MigrationStep } from '../../generate/migration-hooks.js';
import { equalValues } from '../../diff/object-comparer.js';
import type { Column, ForeignKey, Index, Table } from '../../model/objects.js';
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
    ...table.triggers.map((trigger): MigrationStep => ({ phase: 'createTriggers', sql: trigger.definition })),
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

/** The table-options statement: only the options that differ. */
function optionSteps(from: Table, to: Table, table: string): MigrationStep[] {
  const changed = new Set<string>();
  for (const key of ['engine', 'characterSet', 'collation', 'rowFormat']) {
    if (from.extras?.[key] !== to.extras?.[key]) changed.add(key);
  }
  if (changed.has('characterSet')) changed.add('collation');
  if (from.comment !== to.comment) changed.add('comment');
  if (changed.size === 0) return [];
  return [{ phase: 'alterTables', sql: `ALTER TABLE ${table} ${renderTableOptions(to, changed).join(' ')}` }];
}

export function alterTableSteps(from: Table, to: Table): MigrationStep[] {
  const table = qualifiedName(to.schema, to.name);
  const steps: MigrationStep[] = [];
  const clauses: string[] = [];
  const destructive: string[] = [];

  const fromColumns = byName(from.columns);
  const toColumns = byName(to.columns);
  const fromIndexes = byName(from.indexes);
  const toIndexes = byName(to.indexes);
  const fromChecks = byName(from.checkConstraints);
  const toChecks = byName(to.checkConstraints);
  const charsetChanged = from.extras?.['collation'] !== to.extras?.['collation'] || from.extras?.['characterSet'] !== to.extras?.['characterSet'];

  // Parts that go away or change.
  const droppedIndexes = from.indexes.filter((index) => !equalValues(index, toIndexes.get(index.name)));
  const primaryKeyChanged = !equalValues(from.primaryKey, to.primaryKey);
  const retypedColumns = new Set(from.columns.filter((c) => toColumns.has(c.name) && retyped(c, toColumns.get(c.name)!)).map((c) => c.name));

  // Foreign keys: changed or removed ones, plus unchanged ones that a retype or index change disturbs.
  const toForeignKeys = byName(to.foreignKeys);
  const disturbedColumns = new Set([
    ...retypedColumns,
    ...droppedIndexes.flatMap(indexColumns),
    ...(primaryKeyChanged ? (from.primaryKey?.columns ?? []) : []),
  ]);
  for (const fk of from.foreignKeys) {
    const after = toForeignKeys.get(fk.name);
    const disturbed = fk.columns.some((c) => disturbedColumns.has(c));
    if (after === undefined || !equalValues(fk, after) || disturbed) steps.push(dropForeignKey(to, fk));
    if (after !== undefined && equalValues(fk, after) && disturbed) steps.push(addForeignKey(to, after));
  }
  const fromForeignKeys = byName(from.foreignKeys);
  for (const fk of to.foreignKeys) {
    if (!equalValues(fk, fromForeignKeys.get(fk.name))) steps.push(addForeignKey(to, fk));
  }

  // Triggers.
  const toTriggers = byName(to.triggers);
  const fromTriggers = byName(from.triggers);
  for (const trigger of from.triggers) if (!equalValues(trigger, toTriggers.get(trigger.name))) steps.push(dropTrigger(to, trigger.name));
  for (const trigger of to.triggers) {
    if (!equalValues(trigger, fromTriggers.get(trigger.name))) steps.push({ phase: 'createTriggers', sql: trigger.definition });
  }

  steps.push(...optionSteps(from, to, table));

  for (const check of from.checkConstraints) {
    if (!equalValues(check, toChecks.get(check.name))) clauses.push(`DROP CONSTRAINT ${quoteIdent(check.name)}`);
  }
  for (const index of droppedIndexes) clauses.push(`DROP INDEX ${quoteIdent(index.name)}`);
  if (primaryKeyChanged && from.primaryKey !== undefined) clauses.push('DROP PRIMARY KEY');
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
  // Columns that change, and text columns that inherit a changed table charset.
  for (const column of to.columns) {
    const before = fromColumns.get(column.name);
    if (before === undefined || recreated.has(column.name)) continue;
    const inherits = charsetChanged && column.collation === undefined && TEXT_TYPES.test(column.type);
    if (equalValues(before, column) && !inherits) continue;
    clauses.push(`MODIFY COLUMN ${renderColumnDefinition(column)}`);
    if (before.type !== column.type) destructive.push(`changes column ${column.name} from ${before.type} to ${column.type}`);
  }
  // New columns where the source has them: MySQL can place a column, so column order matches too.
  to.columns.forEach((column, position) => {
    if (fromColumns.has(column.name) && !recreated.has(column.name)) return;
    const place = position === 0 ? 'FIRST' : `AFTER ${quoteIdent(to.columns[position - 1]!.name)}`;
    clauses.push(`ADD COLUMN ${renderColumnDefinition(column)} ${place}`);
  });
  if (primaryKeyChanged && to.primaryKey !== undefined) clauses.push(`ADD ${renderPrimaryKey(to.primaryKey)}`);
  for (const index of to.indexes) if (!equalValues(index, fromIndexes.get(index.name))) clauses.push(`ADD ${renderIndex(index)}`);
  for (const check of to.checkConstraints) if (!equalValues(check, fromChecks.get(check.name))) clauses.push(`ADD ${renderCheck(check)}`);

  if (clauses.length > 0) {
    steps.push({
      phase: 'alterTables',
      sql: `ALTER TABLE ${table}\n    ${clauses.join(',\n    ')}`,
      ...(destructive.length > 0 ? { destructive: `${shownName(to.schema, to.name)}: ${destructive.join('; ')}` } : {}),
    });
  }
  return steps;
}
