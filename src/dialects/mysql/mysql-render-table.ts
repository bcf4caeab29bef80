/**
 * MySQL DDL for tables and their parts. Conventions (for every mysql-render-* module): upper-case
 * keywords, every identifier in backticks, 4-space indent inside CREATE TABLE, statements returned
 * without their terminator (the script and `renderStatements` add `;` in one place).
 */
import type { CheckConstraint, Column, ForeignKey, Index, PrimaryKey, Table } from '../../model/objects.js';
import { renderPartitionClause } from './mysql-partitions.js';
import { qualifiedName, quoteIdent, quoteLiteral } from './mysql-quoting.js';

function extra(column: Column, key: string): unknown {
  return column.extras?.[key];
}

/** `name type [CHARACTER SET c COLLATE x] [GENERATED ...] [NOT NULL] [DEFAULT d] [ON UPDATE u] [AUTO_INCREMENT] [INVISIBLE] [COMMENT 'c'] [CHECK (e)]`. */
export function renderColumnDefinition(column: Column): string {
  const parts = [quoteIdent(column.name), column.type];
  const charset = extra(column, 'characterSet');
  if (typeof charset === 'string') parts.push(`CHARACTER SET ${charset}`);
  if (column.collation !== undefined) parts.push(`COLLATE ${column.collation}`);
  if (column.generated !== undefined) {
    const storage = extra(column, 'generatedStorage') === 'stored' ? 'STORED' : 'VIRTUAL';
    parts.push(`GENERATED ALWAYS AS (${column.generated}) ${storage}`);
  }
  // MariaDB takes no NULL / NOT NULL on a generated column (it is always nullable there).
  if (column.generated === undefined) parts.push(column.nullable ? 'NULL' : 'NOT NULL');
  else if (!column.nullable) parts.push('NOT NULL');
  if (column.default !== undefined) parts.push(`DEFAULT ${column.default}`);
  const onUpdate = extra(column, 'onUpdate');
  if (typeof onUpdate === 'string') parts.push(`ON UPDATE ${onUpdate}`);
  if (extra(column, 'autoIncrement') === true) parts.push('AUTO_INCREMENT');
  if (extra(column, 'invisible') === true) parts.push('INVISIBLE');
  if (column.comment !== undefined) parts.push(`COMMENT ${quoteLiteral(column.comment)}`);
  // A MariaDB column-level check; MODIFY COLUMN with or without it replaces or removes it.
  const check = extra(column, 'check');
  if (typeof check === 'string') parts.push(`CHECK (${check})`);
  return parts.join(' ');
}

function columnList(columns: readonly string[]): string {
  return columns.map(quoteIdent).join(', ');
}

/** `PRIMARY KEY (a, b) [COMMENT 'c']`. */
export function renderPrimaryKey(primaryKey: PrimaryKey): string {
  const comment = primaryKey.comment !== undefined ? ` COMMENT ${quoteLiteral(primaryKey.comment)}` : '';
  return `PRIMARY KEY (${columnList(primaryKey.columns)})${comment}`;
}

const INDEX_KEYWORDS: Readonly<Record<string, string>> = { fulltext: 'FULLTEXT KEY', spatial: 'SPATIAL KEY' };

/** `[UNIQUE|FULLTEXT|SPATIAL] KEY name (parts) [USING HASH] [COMMENT 'c'] [IGNORED]`. */
export function renderIndex(index: Index): string {
  const keyword = INDEX_KEYWORDS[index.method] ?? (index.unique ? 'UNIQUE KEY' : 'KEY');
  const using = index.method === 'hash' ? ' USING HASH' : '';
  const comment = index.comment !== undefined ? ` COMMENT ${quoteLiteral(index.comment)}` : '';
  // MariaDB says IGNORED, MySQL 8 INVISIBLE; parity is tested on MariaDB.
  const invisible = index.extras?.['invisible'] === true ? ' IGNORED' : '';
  return `${keyword} ${quoteIdent(index.name)} (${index.keys.join(', ')})${using}${comment}${invisible}`;
}

/** `CONSTRAINT name FOREIGN KEY (a) REFERENCES s.t (b) [ON DELETE x] [ON UPDATE y]` (RESTRICT is left out). */
export function renderForeignKey(fk: ForeignKey): string {
  const actions = [
    fk.onDelete !== 'RESTRICT' && fk.onDelete !== 'NO ACTION' ? ` ON DELETE ${fk.onDelete}` : '',
    fk.onUpdate !== 'RESTRICT' && fk.onUpdate !== 'NO ACTION' ? ` ON UPDATE ${fk.onUpdate}` : '',
  ].join('');
  return (
    `CONSTRAINT ${quoteIdent(fk.name)} FOREIGN KEY (${columnList(fk.columns)}) ` +
    `REFERENCES ${qualifiedName(fk.referencedSchema, fk.referencedTable)} (${columnList(fk.referencedColumns)})${actions}`
  );
}

/** `CONSTRAINT name CHECK (expr)`. */
export function renderCheck(check: CheckConstraint): string {
  return `CONSTRAINT ${quoteIdent(check.name)} CHECK (${check.expression})`;
}

function tableExtra(table: Table, key: string): string | undefined {
  const value = table.extras?.[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Table options in CREATE TABLE order: `ENGINE=x DEFAULT CHARSET=c COLLATE=y ROW_FORMAT=r
 * KEY_BLOCK_SIZE=n COMMENT='c'`. With `only` (an ALTER TABLE of the options that changed), an option
 * the table does not have is reset: `ROW_FORMAT=DEFAULT`, `KEY_BLOCK_SIZE=0`, `COMMENT=''`.
 */
export function renderTableOptions(table: Table, only?: ReadonlySet<string>): string[] {
  const options: string[] = [];
  const want = (name: string) => only === undefined || only.has(name);
  const engine = tableExtra(table, 'engine');
  const charset = tableExtra(table, 'characterSet');
  const collation = tableExtra(table, 'collation');
  const rowFormat = tableExtra(table, 'rowFormat');
  if (engine !== undefined && want('engine')) options.push(`ENGINE=${engine}`);
  if (charset !== undefined && want('characterSet')) options.push(`DEFAULT CHARSET=${charset}`);
  if (collation !== undefined && want('collation')) options.push(`COLLATE=${collation}`);
  if (want('rowFormat')) {
    if (rowFormat !== undefined) options.push(`ROW_FORMAT=${rowFormat}`);
    else if (only !== undefined) options.push('ROW_FORMAT=DEFAULT');
  }
  const keyBlockSize = tableExtra(table, 'keyBlockSize');
  if (want('keyBlockSize')) {
    if (keyBlockSize !== undefined) options.push(`KEY_BLOCK_SIZE=${keyBlockSize}`);
    else if (only !== undefined) options.push('KEY_BLOCK_SIZE=0');
  }
  if (want('comment') && (table.comment !== undefined || only !== undefined)) options.push(`COMMENT=${quoteLiteral(table.comment ?? '')}`);
  return options;
}

/**
 * `CREATE TABLE s.t (columns, primary key, indexes, checks[, foreign keys]) options [PARTITION BY ...]`.
 * Foreign keys are left out when `withForeignKeys` is false (migrations add them once every referenced
 * table exists).
 */
export function renderCreateTable(table: Table, withForeignKeys: boolean): string {
  const lines = [
    ...table.columns.map(renderColumnDefinition),
    ...(table.primaryKey ? [renderPrimaryKey(table.primaryKey)] : []),
    ...table.indexes.map(renderIndex),
    ...table.checkConstraints.map(renderCheck),
    ...(withForeignKeys ? table.foreignKeys.map(renderForeignKey) : []),
  ];
  const options = renderTableOptions(table);
  const body = lines.length > 0 ? ` (\n${lines.map((line) => `    ${line}`).join(',\n')}\n)` : ' ()';
  const partitions = renderPartitionClause(table);
  return `CREATE TABLE ${qualifiedName(table.schema, table.name)}${body}${options.length > 0 ? ` ${options.join(' ')}` : ''}${partitions !== undefined ? `\n${partitions}` : ''}`;
}
