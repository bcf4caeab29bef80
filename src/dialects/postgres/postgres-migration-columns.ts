/**
 * PostgreSQL ALTER TABLE statements for the columns of a table in both schemas: ADD / DROP COLUMN,
 * ALTER COLUMN TYPE ... USING, SET/DROP DEFAULT, SET/DROP NOT NULL, ADD/DROP IDENTITY, SET GENERATED,
 * identity sequence options, DROP EXPRESSION, and drop + add for a generated column whose expression
 * changes (PostgreSQL before 17 cannot change it in place). Conventions: see
 * postgres-migration-common.ts.
 */
import type { MigrationStep } from '../../generate/migration-hooks.js';
import type { Column, SequenceOptions, Table } from '../../model/objects.js';
import { collateClause } from './postgres-render-common.js';
import { commentTarget, renderColumnDefinition } from './postgres-renderer.js';
import { changeComment, createComment, mentionsName, pairByName, step } from './postgres-migration-common.js';
import { sequenceOptionChanges } from './postgres-migration-sequence-options.js';
import { qualifiedName, quoteIdent } from './postgres-quoting.js';
import { isWidening } from './postgres-type-widening.js';

export interface ColumnChanges {
  /** DROP COLUMN statements (columns that go away or are recreated). */
  readonly drops: MigrationStep[];
  readonly alters: MigrationStep[];
  /** ADD COLUMN statements (new and recreated columns). */
  readonly adds: MigrationStep[];
  readonly comments: MigrationStep[];
  /** Columns dropped for good. */
  readonly dropped: ReadonlySet<string>;
  /** Columns dropped and added again (generated expression changed). */
  readonly recreated: ReadonlySet<string>;
  /** Columns whose type or collation changes. */
  readonly retyped: ReadonlySet<string>;
}

function generatedStorage(column: Column): string {
  return column.extras?.['generatedStorage'] === 'virtual' ? 'virtual' : 'stored';
}

/** A generated column whose expression or storage changes, or a plain column that becomes generated. */
function mustRecreate(from: Column, to: Column): boolean {
  if (to.generated === undefined) return false;
  return from.generated !== to.generated || generatedStorage(from) !== generatedStorage(to);
}

/** A type of the user or of an extension: schema-qualified (`public.mood`, `"Sales"."Status"[]`). */
function userType(type: string): boolean {
  return /^(?:"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*)\./.test(type);
}

/**
 * `USING col::type`, through `text` from one user-defined type to another: PostgreSQL has no cast
 * between two enums ("cannot cast type a to b"), but every type converts to and from its text form.
 */
function usingClause(from: Column, to: Column): string {
  const column = quoteIdent(to.name);
  return userType(from.type) && userType(to.type) ? ` USING ${column}::text::${to.type}` : ` USING ${column}::${to.type}`;
}

function typeChanges(from: Column, to: Column): boolean {
  return from.type !== to.type || from.collation !== to.collation;
}

/**
 * Whether views that read the table survive the column changes: PostgreSQL refuses to drop a column
 * or change its type while a view uses it, and drop + add is a drop.
 */
export function columnChangesKeepReaders(from: Table, to: Table): boolean {
  const toByName = new Map(to.columns.map((c) => [c.name, c]));
  return from.columns.every((column) => {
    const other = toByName.get(column.name);
    return other !== undefined && !mustRecreate(column, other) && !typeChanges(column, other);
  });
}

/**
 * `addIfNotExists`: for an inheritance child, whose column of a parent's may survive the parent's
 * DROP COLUMN (a column the child had of its own before it was merged with the parent's).
 */
export function columnChanges(from: Table, to: Table, { addIfNotExists = false }: { addIfNotExists?: boolean } = {}): ColumnChanges {
  const { schema, name } = to;
  const table = qualifiedName(schema, name);
  const drops: MigrationStep[] = [];
  const alters: MigrationStep[] = [];
  const adds: MigrationStep[] = [];
  const comments: MigrationStep[] = [];
  const dropped = new Set<string>();
  const recreated = new Set<string>();
  const retyped = new Set<string>();
  const add = (column: Column) => {
    adds.push(step('alterTables', `ALTER TABLE ${table} ADD COLUMN ${addIfNotExists ? 'IF NOT EXISTS ' : ''}${renderColumnDefinition(column)}`));
    comments.push(...createComment(commentTarget.column(schema, name, column.name), column.comment));
  };
  const pairs = pairByName(from.columns, to.columns);
  for (const { from: before, to: after } of pairs) {
    if (before !== undefined && after !== undefined && !mustRecreate(before, after) && typeChanges(before, after)) retyped.add(after.name);
  }
  // PostgreSQL refuses to change the type of a column that a generated column reads: the generated
  // column is dropped and added again around the change (its values are computed again, nothing is lost).
  const readsRetyped = (column: Column) =>
    column.generated !== undefined && [...retyped].some((other) => other !== column.name && mentionsName(column.generated!, quoteIdent(other)));
  for (const { from: before, to: after } of pairs) {
    if (before !== undefined && after === undefined) {
      dropped.add(before.name);
      drops.push(step('alterTables', `ALTER TABLE ${table} DROP COLUMN ${quoteIdent(before.name)}`, `drops column ${table}.${quoteIdent(before.name)} and its data`));
    } else if (before === undefined && after !== undefined) {
      add(after);
    } else if (before !== undefined && after !== undefined) {
      const newExpression = mustRecreate(before, after);
      if (newExpression || readsRetyped(after)) {
        recreated.add(after.name);
        retyped.delete(after.name);
        const destructive = newExpression
          ? `drops generated column ${table}.${quoteIdent(before.name)} to add it again with a new expression (its indexes and constraints are recreated)`
          : undefined;
        drops.push(step('alterTables', `ALTER TABLE ${table} DROP COLUMN ${quoteIdent(before.name)}`, destructive));
        add(after);
      } else {
        alters.push(...alterColumn(table, before, after));
        comments.push(...changeComment(commentTarget.column(schema, name, after.name), before.comment, after.comment));
      }
    }
  }
  return { drops, alters, adds, comments, dropped, recreated, retyped };
}

/**
 * The ALTER COLUMN steps that turn `from` into `to`, in an order PostgreSQL accepts: a default that
 * cannot follow a type change or that blocks ADD IDENTITY is dropped first, DROP IDENTITY comes before
 * SET DEFAULT, NOT NULL before ADD IDENTITY.
 */
function alterColumn(table: string, from: Column, to: Column): MigrationStep[] {
  const column = `ALTER TABLE ${table} ALTER COLUMN ${quoteIdent(to.name)}`;
  const steps: MigrationStep[] = [];
  const alter = (clause: string, destructive?: string) => steps.push(step('alterTables', `${column} ${clause}`, destructive));
  let currentDefault = from.default;
  const retype = typeChanges(from, to);
  if (from.generated !== undefined && to.generated === undefined) alter('DROP EXPRESSION');
  // A default is converted with the column and fails when it cannot be cast; it is set again below.
  if (retype && currentDefault !== undefined) {
    alter('DROP DEFAULT');
    currentDefault = undefined;
  }
  if (from.identity !== undefined && to.identity === undefined) alter('DROP IDENTITY');
  if (from.identity === undefined && to.identity !== undefined && currentDefault !== undefined) {
    alter('DROP DEFAULT');
    currentDefault = undefined;
  }
  if (retype) {
    // Generated columns are recomputed: PostgreSQL rejects USING for them.
    const using = to.generated === undefined ? usingClause(from, to) : '';
    const widening = from.type === to.type || isWidening(from.type, to.type);
    const destructive = widening
      ? undefined
      : `changes the type of ${table}.${quoteIdent(to.name)} from ${from.type} to ${to.type}: values that do not fit are rejected or changed`;
    alter(`TYPE ${to.type}${collateClause(to.collation)}${using}`, destructive);
  }
  if (to.default !== currentDefault && to.identity === undefined) {
    alter(to.default === undefined ? 'DROP DEFAULT' : `SET DEFAULT ${to.default}`);
  }
  if (from.nullable !== to.nullable) alter(to.nullable ? 'DROP NOT NULL' : 'SET NOT NULL');
  if (to.identity !== undefined) {
    const generation = to.identity.generation === 'always' ? 'ALWAYS' : 'BY DEFAULT';
    if (from.identity === undefined) {
      const options = identityOptions(to.identity.sequence ?? {});
      alter(`ADD GENERATED ${generation} AS IDENTITY${options.length === 0 ? '' : ` (${options.join(' ')})`}`);
    } else {
      const clauses: string[] = [];
      if (from.identity.generation !== to.identity.generation) clauses.push(`SET GENERATED ${generation}`);
      const dataType = identityDataType(to.type);
      const changes = sequenceOptionChanges({ dataType, ...from.identity.sequence }, { dataType, ...to.identity.sequence }, { includeDataType: false });
      clauses.push(...changes.map((option) => `SET ${option}`));
      if (clauses.length > 0) alter(clauses.join(' '));
    }
  }
  return steps;
}

/** Identity sequence options for ADD ... AS IDENTITY (the data type is always the column's). */
function identityOptions(options: SequenceOptions): string[] {
  const clauses: string[] = [];
  if (options.start !== undefined) clauses.push(`START WITH ${options.start}`);
  if (options.increment !== undefined) clauses.push(`INCREMENT BY ${options.increment}`);
  if (options.minValue !== undefined) clauses.push(`MINVALUE ${options.minValue}`);
  if (options.maxValue !== undefined) clauses.push(`MAXVALUE ${options.maxValue}`);
  if (options.cache !== undefined) clauses.push(`CACHE ${options.cache}`);
  if (options.cycle === true) clauses.push('CYCLE');
  return clauses;
}

function identityDataType(columnType: string): string {
  return columnType === 'smallint' || columnType === 'integer' ? columnType : 'bigint';
}
