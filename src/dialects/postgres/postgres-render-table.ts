/**
 * PostgreSQL DDL for tables and their parts: column definitions, constraints, indexes, triggers.
 * Conventions: see postgres-renderer.ts.
 */
import type {
  CheckConstraint,
  Column,
  ForeignKey,
  Index,
  PrimaryKey,
  Table,
  Trigger,
  UniqueConstraint,
} from '../../model/objects.js';
import {
  collateClause,
  columnList,
  commentIfPresent,
  commentTarget,
  deferrableClause,
  renderSequenceOptions,
  stripTerminator,
} from './postgres-render-common.js';
import { qualifiedName, quoteIdent } from './postgres-quoting.js';

/**
 * One column as it appears inside CREATE TABLE or after ALTER TABLE ... ADD COLUMN:
 * `name type [COLLATE c] [DEFAULT d] [GENERATED ...] [NOT NULL]`.
 */
export function renderColumnDefinition(column: Column): string {
  let sql = `${quoteIdent(column.name)} ${column.type}${collateClause(column.collation)}`;
  if (column.default !== undefined) sql += ` DEFAULT ${column.default}`;
  if (column.identity !== undefined) {
    const generation = column.identity.generation === 'always' ? 'ALWAYS' : 'BY DEFAULT';
    const options = renderSequenceOptions(column.identity.sequence ?? {}, { includeDataType: false });
    sql += ` GENERATED ${generation} AS IDENTITY${options.length === 0 ? '' : ` (${options.join(' ')})`}`;
  }
  if (column.generated !== undefined) {
    // PostgreSQL 18 virtual generated columns are marked by the introspector in extras.
    const storage = column.extras?.['generatedStorage'] === 'virtual' ? 'VIRTUAL' : 'STORED';
    sql += ` GENERATED ALWAYS AS (${column.generated}) ${storage}`;
  }
  if (!column.nullable) sql += ' NOT NULL';
  return sql;
}

/** The model type of each table constraint kind, keyed by the differ's part kind. */
export interface ConstraintByKind {
  readonly primaryKey: PrimaryKey;
  readonly uniqueConstraint: UniqueConstraint;
  readonly checkConstraint: CheckConstraint;
  readonly foreignKey: ForeignKey;
}
export type ConstraintKind = keyof ConstraintByKind;

type ConstraintPart = { [K in ConstraintKind]: { kind: K; constraint: ConstraintByKind[K] } }[ConstraintKind];

/**
 * The `CONSTRAINT name ...` clause, as inside CREATE TABLE or after ALTER TABLE ... ADD. After the
 * name it reads as pg_get_constraintdef prints it (`REFERENCES s.t(id)`, `CHECK ((a > 0)) NO INHERIT`);
 * server defaults are not spelled out: MATCH SIMPLE, ON UPDATE/DELETE NO ACTION, NOT DEFERRABLE.
 */
/** ` INCLUDE (a, b)` for a primary key or unique constraint, or `''`. */
function includeClause(include: readonly string[] | undefined): string {
  return include !== undefined && include.length > 0 ? ` INCLUDE ${columnList(include)}` : '';
}

export function renderConstraint<K extends ConstraintKind>(kind: K, constraint: ConstraintByKind[K]): string {
  const part = { kind, constraint } as ConstraintPart;
  const name = `CONSTRAINT ${quoteIdent(part.constraint.name)}`;
  switch (part.kind) {
    case 'primaryKey':
      return (
        `${name} PRIMARY KEY ${columnList(part.constraint.columns)}${includeClause(part.constraint.include)}` +
        deferrableClause(part.constraint.deferrable, part.constraint.initiallyDeferred)
      );
    case 'uniqueConstraint': {
      const c = part.constraint;
      const nulls = c.nullsNotDistinct === true ? ' NULLS NOT DISTINCT' : '';
      return `${name} UNIQUE${nulls} ${columnList(c.columns)}${includeClause(c.include)}${deferrableClause(c.deferrable, c.initiallyDeferred)}`;
    }
    case 'checkConstraint': {
      const c = part.constraint;
      return `${name} CHECK (${c.expression})${c.noInherit === true ? ' NO INHERIT' : ''}`;
    }
    case 'foreignKey': {
      const c = part.constraint;
      let sql =
        `${name} FOREIGN KEY ${columnList(c.columns)} ` +
        `REFERENCES ${qualifiedName(c.referencedSchema, c.referencedTable)}${columnList(c.referencedColumns)}`;
      if (c.match !== undefined && c.match !== 'SIMPLE') sql += ` MATCH ${c.match}`;
      if (c.onUpdate !== 'NO ACTION') sql += ` ON UPDATE ${c.onUpdate}`;
      if (c.onDelete !== 'NO ACTION') sql += ` ON DELETE ${c.onDelete}`;
      if (c.onDeleteColumns !== undefined && c.onDeleteColumns.length > 0) sql += ` ${columnList(c.onDeleteColumns)}`;
      return sql + deferrableClause(c.deferrable, c.initiallyDeferred);
    }
  }
}

/**
 * `CREATE [UNIQUE] INDEX name ON schema.table USING method (keys) [INCLUDE (...)]
 * [NULLS NOT DISTINCT] [WHERE predicate]`, in pg_get_indexdef's order. Key parts and the predicate
 * are canonical SQL text and are emitted as they are; INCLUDE names are raw column names.
 * Not terminated.
 */
export function renderIndex(schema: string, tableName: string, index: Index): string {
  let sql =
    `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(index.name)} ` +
    `ON ${qualifiedName(schema, tableName)} USING ${index.method} (${index.keys.join(', ')})`;
  if (index.include !== undefined && index.include.length > 0) sql += ` INCLUDE ${columnList(index.include)}`;
  if (index.nullsNotDistinct === true) sql += ' NULLS NOT DISTINCT';
  if (index.where !== undefined) sql += ` WHERE ${index.where}`;
  return sql;
}

/**
 * The trigger's stored CREATE TRIGGER statement, then, for a disabled trigger on a table,
 * `ALTER TABLE ... DISABLE TRIGGER` (PostgreSQL cannot disable triggers on views). Not terminated.
 */
export function renderTrigger(schema: string, relation: string, trigger: Trigger, { onTable }: { onTable: boolean }): string[] {
  const statements = [stripTerminator(trigger.definition)];
  if (onTable && trigger.enabled === false) {
    statements.push(`ALTER TABLE ${qualifiedName(schema, relation)} DISABLE TRIGGER ${quoteIdent(trigger.name)}`);
  }
  return statements;
}

/** COMMENT ON statements for the indexes of a table or materialized view. */
export function indexComments(schema: string, indexes: readonly Index[]): string[] {
  return indexes.flatMap((index) => commentIfPresent(commentTarget.object('INDEX', schema, index.name), index.comment));
}

/** COMMENT ON statements for the triggers of a table or view. */
export function triggerComments(schema: string, relation: string, triggers: readonly Trigger[]): string[] {
  return triggers.flatMap((trigger) =>
    commentIfPresent(commentTarget.trigger(schema, relation, trigger.name), trigger.comment),
  );
}

/** The lines inside CREATE TABLE ( ... ): columns in model order, then PK, unique, check, FK. */
function tableElements(table: Table): string[] {
  return [
    ...table.columns.map(renderColumnDefinition),
    ...(table.primaryKey === undefined ? [] : [renderConstraint('primaryKey', table.primaryKey)]),
    ...table.uniqueConstraints.map((c) => renderConstraint('uniqueConstraint', c)),
    ...table.checkConstraints.map((c) => renderConstraint('checkConstraint', c)),
    ...table.foreignKeys.map((c) => renderConstraint('foreignKey', c)),
  ];
}

/** CREATE TABLE with its constraints, then indexes, triggers, and comments. Not terminated. */
export function renderTableStatements(table: Table): string[] {
  const { schema, name } = table;
  const elements = tableElements(table);
  const body = elements.length === 0 ? '()' : `(\n${elements.map((e) => `    ${e}`).join(',\n')}\n)`;
  const partition = table.partitionBy === undefined ? '' : ` PARTITION BY ${table.partitionBy}`;
  const constraints = [
    ...(table.primaryKey === undefined ? [] : [table.primaryKey]),
    ...table.uniqueConstraints,
    ...table.checkConstraints,
    ...table.foreignKeys,
  ];
  return [
    `CREATE TABLE ${qualifiedName(schema, name)} ${body}${partition}`,
    ...table.indexes.map((index) => renderIndex(schema, name, index)),
    ...table.triggers.flatMap((trigger) => renderTrigger(schema, name, trigger, { onTable: true })),
    ...commentIfPresent(commentTarget.object('TABLE', schema, name), table.comment),
    ...table.columns.flatMap((column) =>
      commentIfPresent(commentTarget.column(schema, name, column.name), column.comment),
    ),
    ...constraints.flatMap((c) => commentIfPresent(commentTarget.constraint(schema, name, c.name), c.comment)),
    ...indexComments(schema, table.indexes),
    ...triggerComments(schema, name, table.triggers),
  ];
}
