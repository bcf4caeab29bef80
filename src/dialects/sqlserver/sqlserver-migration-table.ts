/**
 * ALTER TABLE steps for one table's change, part by part (Change.parts), in the order SQL Server
 * needs: foreign keys, indexes and constraints that go away or change are dropped first; a column's
 * DEFAULT constraint is dropped before the column is changed or dropped (SQL Server refuses otherwise)
 * and added again after; indexes, keys, CHECKs and foreign keys of the table on a column whose type
 * changes are dropped before ALTER COLUMN and created again after it (foreign keys of other tables
 * that reference the column are not: SQL Server refuses such a change until they are dropped by hand); new keys and indexes come after the columns they use.
 * `sp_rename` is never used: a column or constraint that appears under another name is dropped and
 * added, which the script marks destructive where data goes.
 */
import type { Change, PartChange } from '../../diff/changes.js';
import { editSides } from '../../diff/changes.js';
import type { MigrationStep } from '../../generate/migration-hooks.js';
import type { CheckConstraint, Column, ForeignKey, Index, PrimaryKey, Table, Trigger, UniqueConstraint } from '../../model/objects.js';
import { qualifiedName, quoteIdent, quoteString } from './sqlserver-quoting.js';
import {
  addConstraintStatements,
  checkClause,
  columnDefinition,
  commentStatement,
  createIndexStatements,
  createTriggerStatements,
  defaultClause,
  dropConstraint,
  dropIndex,
  dropTrigger,
  foreignKeyClause,
  primaryKeyClause,
  uniqueClause,
} from './sqlserver-render.js';

type Phase = MigrationStep['phase'];
const step = (phase: Phase, sql: string, destructive?: string): MigrationStep => ({ phase, sql, ...(destructive !== undefined ? { destructive } : {}) });

/**
 * Drops the DEFAULT constraint of a column. A user-named one by its name; a system-named one
 * (`DF__orders__statu__3B75D760`, different in every database) looked up when the script runs.
 */
export function dropDefaultStatement(table: Table, column: Column): string {
  const name = qualifiedName(table.schema, table.name);
  const given = column.extras?.['defaultName'];
  if (typeof given === 'string') return `ALTER TABLE ${name} DROP CONSTRAINT ${quoteIdent(given)}`;
  return [
    'DECLARE @default sysname = (SELECT dc.name FROM sys.default_constraints dc',
    '    JOIN sys.columns c ON c.object_id = dc.parent_object_id AND c.column_id = dc.parent_column_id',
    `    WHERE dc.parent_object_id = OBJECT_ID(${quoteString(name)}) AND c.name = ${quoteString(column.name)});`,
    `IF @default IS NOT NULL EXEC (N'ALTER TABLE ${name.replace(/'/g, "''")} DROP CONSTRAINT ' + QUOTENAME(@default))`,
  ].join('\n');
}

/** Widening changes keep every value: a longer (n)varchar/varbinary, or a larger integer type. */
const INTEGER_ORDER = ['tinyint', 'smallint', 'int', 'bigint'];
export function widens(from: string, to: string): boolean {
  if (from === to) return true;
  const a = /^(\w+)\((\d+|max)\)$/.exec(from);
  const b = /^(\w+)\((\d+|max)\)$/.exec(to);
  if (a && b && a[1] === b[1] && ['varchar', 'nvarchar', 'varbinary'].includes(a[1]!)) return b[2] === 'max' || (a[2] !== 'max' && Number(b[2]) >= Number(a[2]));
  const i = INTEGER_ORDER.indexOf(from);
  const j = INTEGER_ORDER.indexOf(to);
  return i >= 0 && j >= 0 && j >= i;
}

interface Sides<T> {
  readonly from?: T;
  readonly to?: T;
}
const sidesOf = <T>(part: PartChange): Sides<T> => ({
  ...(part.target !== undefined ? { from: part.target as unknown as T } : {}),
  ...(part.source !== undefined ? { to: part.source as unknown as T } : {}),
});

/** A column change that ALTER COLUMN cannot make: IDENTITY or computed-ness changes. */
function needsRecreate(from: Column, to: Column): boolean {
  return JSON.stringify(from.identity) !== JSON.stringify(to.identity) || from.generated !== to.generated || from.extras?.['persisted'] !== to.extras?.['persisted'];
}

function alterColumnChanged(from: Column, to: Column): boolean {
  return from.type !== to.type || from.nullable !== to.nullable || from.collation !== to.collation;
}

function defaultChanged(from: Column, to: Column): boolean {
  return from.default !== to.default || from.extras?.['defaultName'] !== to.extras?.['defaultName'];
}

function usesColumn(part: { readonly columns?: readonly string[]; readonly keys?: readonly string[]; readonly include?: readonly string[] }, column: string): boolean {
  const bare = (key: string) => key.replace(/\s+DESC$/, '').replace(/^\[(.*)\]$/, '$1').replace(/]]/g, ']');
  return (part.columns ?? []).includes(column) || (part.keys ?? []).map(bare).includes(column) || (part.include ?? []).includes(column);
}

export function alterTableSteps(change: Change): MigrationStep[] {
  const { from, to } = editSides(change, 'table');
  const name = qualifiedName(to.schema, to.name);
  const shown = `${to.schema}.${to.name}`;
  const early: MigrationStep[] = [];
  const columnsDrop: MigrationStep[] = [];
  const columnsAlter: MigrationStep[] = [];
  const columnsAdd: MigrationStep[] = [];
  const late: MigrationStep[] = [];
  const comments: MigrationStep[] = [];
  const handled = new Set(change.parts.filter((p) => p.partKind !== 'column' && p.partKind !== 'property').map((p) => `${p.partKind}:${p.name}`));
  const partComment = (partType: string, partName: string, before: string | undefined, after: string | undefined) => {
    const sql = commentStatement({ schema: to.schema, objectType: 'TABLE', objectName: to.name, partType, partName }, before, after);
    if (sql !== undefined) comments.push(step('comments', sql));
  };
  const columnComment = (column: string, before: string | undefined, after: string | undefined) => partComment('COLUMN', column, before, after);
  // A part dropped and created again loses its MS_Description with it: the new one gets its own.
  const recreatedComment = (partType: string, part: { readonly name: string; readonly comment?: string } | undefined) => {
    if (part !== undefined) partComment(partType, part.name, undefined, part.comment);
  };
  // Keys and indexes on a column ALTER COLUMN changes, not changing themselves: dropped and created again.
  const rebuilt = new Set<string>();
  const rebuild = (column: string) => {
    /** Drops and adds the part around ALTER COLUMN, unless done already; true when it does. */
    const dropAndAdd = (kind: string, partName: string, drop: string, add: string[]): boolean => {
      const key = `${kind}:${partName}`;
      if (handled.has(key) || rebuilt.has(key)) return false;
      rebuilt.add(key);
      const foreign = kind === 'foreignKey';
      early.push(step(foreign ? 'dropForeignKeys' : 'alterTables', drop));
      late.push(...add.map((sql) => step(foreign ? 'addForeignKeys' : 'alterTables', sql)));
      return true;
    };
    const bracketed = `[${column.replace(/]/g, ']]')}]`;
    for (const check of to.checkConstraints) if (check.expression.includes(bracketed)) dropAndAdd('checkConstraint', check.name, dropConstraint(name, check.name), addConstraintStatements(name, check, checkClause(check)));
    for (const key of to.foreignKeys) if (key.columns.includes(column)) dropAndAdd('foreignKey', key.name, dropConstraint(name, key.name), addConstraintStatements(name, key, foreignKeyClause(key)));
    if (to.primaryKey && usesColumn(to.primaryKey, column) && dropAndAdd('primaryKey', to.primaryKey.name, dropConstraint(name, to.primaryKey.name), [`ALTER TABLE ${name} ADD ${primaryKeyClause(to.primaryKey)}`])) recreatedComment('CONSTRAINT', to.primaryKey);
    for (const key of to.uniqueConstraints) if (usesColumn(key, column) && dropAndAdd('uniqueConstraint', key.name, dropConstraint(name, key.name), [`ALTER TABLE ${name} ADD ${uniqueClause(key)}`])) recreatedComment('CONSTRAINT', key);
    for (const index of to.indexes) if (usesColumn(index, column) && dropAndAdd('index', index.name, dropIndex(name, index.name), createIndexStatements(name, index))) recreatedComment('INDEX', index);
  };

  for (const part of change.parts) {
    switch (part.partKind) {
      case 'column': {
        const { from: before, to: after } = sidesOf<Column>(part);
        if (after === undefined && before !== undefined) {
          if (before.default !== undefined) columnsDrop.push(step('alterTables', dropDefaultStatement(from, before)));
          columnsDrop.push(step('alterTables', `ALTER TABLE ${name} DROP COLUMN ${quoteIdent(before.name)}`, `drops column ${shown}.${before.name} and its data`));
        } else if (before === undefined && after !== undefined) {
          columnsAdd.push(step('alterTables', `ALTER TABLE ${name} ADD ${columnDefinition(after)}`));
          columnComment(after.name, undefined, after.comment);
        } else if (before !== undefined && after !== undefined) {
          if (needsRecreate(before, after)) {
            if (before.default !== undefined) columnsDrop.push(step('alterTables', dropDefaultStatement(from, before)));
            columnsDrop.push(step('alterTables', `ALTER TABLE ${name} DROP COLUMN ${quoteIdent(before.name)}`, `drops and adds column ${shown}.${before.name} (IDENTITY or computed column changed): its data is lost`));
            columnsAdd.push(step('alterTables', `ALTER TABLE ${name} ADD ${columnDefinition(after)}`));
            columnComment(after.name, undefined, after.comment);
            continue;
          }
          const retype = alterColumnChanged(before, after);
          const redefault = defaultChanged(before, after) || (retype && before.default !== undefined);
          if (redefault && before.default !== undefined) columnsAlter.push(step('alterTables', dropDefaultStatement(from, before)));
          if (retype) {
            if (before.type !== after.type) rebuild(after.name);
            const destructive = widens(before.type, after.type) ? undefined : `changes the type of column ${shown}.${after.name} from ${before.type} to ${after.type}`;
            columnsAlter.push(step('alterTables', `ALTER TABLE ${name} ALTER COLUMN ${columnDefinition(after, { withDefault: false })}`, destructive));
          }
          if (redefault && after.default !== undefined) columnsAlter.push(step('alterTables', `ALTER TABLE ${name} ADD ${defaultClause(after)} FOR ${quoteIdent(after.name)}`));
          columnComment(after.name, before.comment, after.comment);
        }
        break;
      }
      case 'primaryKey': {
        const { from: before, to: after } = sidesOf<PrimaryKey>(part);
        if (before) early.push(step('alterTables', dropConstraint(name, before.name)));
        if (after) late.push(step('alterTables', `ALTER TABLE ${name} ADD ${primaryKeyClause(after)}`));
        recreatedComment('CONSTRAINT', after);
        break;
      }
      case 'uniqueConstraint': {
        const { from: before, to: after } = sidesOf<UniqueConstraint>(part);
        if (before) early.push(step('alterTables', dropConstraint(name, before.name)));
        if (after) late.push(step('alterTables', `ALTER TABLE ${name} ADD ${uniqueClause(after)}`));
        recreatedComment('CONSTRAINT', after);
        break;
      }
      case 'checkConstraint': {
        const { from: before, to: after } = sidesOf<CheckConstraint>(part);
        if (before) early.push(step('alterTables', dropConstraint(name, before.name)));
        if (after) late.push(...addConstraintStatements(name, after, checkClause(after)).map((sql) => step('alterTables', sql)));
        break;
      }
      case 'foreignKey': {
        const { from: before, to: after } = sidesOf<ForeignKey>(part);
        if (before) early.push(step('dropForeignKeys', dropConstraint(name, before.name)));
        if (after) late.push(...addConstraintStatements(name, after, foreignKeyClause(after)).map((sql) => step('addForeignKeys', sql)));
        break;
      }
      case 'index': {
        const { from: before, to: after } = sidesOf<Index>(part);
        if (before) early.push(step('alterTables', dropIndex(name, before.name)));
        if (after) late.push(...createIndexStatements(name, after).map((sql) => step('alterTables', sql)));
        recreatedComment('INDEX', after);
        break;
      }
      case 'trigger': {
        const { from: before, to: after } = sidesOf<Trigger>(part);
        if (before) early.push(step('dropTriggers', dropTrigger(to.schema, before.name)));
        if (after) late.push(...createTriggerStatements(to.schema, name, after).map((sql) => step('createTriggers', sql)));
        recreatedComment('TRIGGER', after);
        break;
      }
      case 'property': {
        if (part.name === 'comment') {
          const sql = commentStatement({ schema: to.schema, objectType: 'TABLE', objectName: to.name }, from.comment, to.comment);
          if (sql !== undefined) comments.push(step('comments', sql));
        }
        break;
      }
      default:
        break;
    }
  }
  return [...early, ...columnsDrop, ...columnsAlter, ...columnsAdd, ...late, ...comments];
}
