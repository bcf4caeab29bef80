/**
 * PostgreSQL DDL for tables and their parts: column definitions, constraints, indexes, triggers.
 * Conventions: see postgres-renderer.ts.
 */
import type {
  CheckConstraint,
  Column,
  ForeignKey,
  Index,
  Policy,
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
import { renderPrivileges, roleName } from './postgres-render-privileges.js';

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

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A table constraint of any kind, reduced to what CREATE TABLE and ALTER TABLE need. */
export interface TableConstraint {
  readonly name: string;
  /** `CONSTRAINT name ...` as inside CREATE TABLE / after ADD, including NOT ENFORCED. */
  readonly clause: string;
  readonly foreignKey: boolean;
  readonly notValid: boolean;
  readonly comment?: string;
  /** Column names the constraint is on (for exclusion constraints: none known). */
  readonly columns: readonly string[];
  /** Text to search for column names that are not listed (check and exclusion expressions). */
  readonly expression?: string;
}

interface Exclusion {
  readonly name: string;
  readonly definition: string;
  readonly comment?: string;
}

function exclusions(table: Table): Exclusion[] {
  const value = table.extras?.['exclusionConstraints'];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return [];
    const name = item['name'];
    const definition = item['definition'];
    const comment = item['comment'];
    if (typeof name !== 'string' || typeof definition !== 'string') return [];
    return [{ name, definition, ...(typeof comment === 'string' ? { comment } : {}) }];
  });
}

/** Every constraint of a table in CREATE TABLE order: primary key, unique, check, exclusion, foreign keys. */
export function tableConstraints(table: Table): TableConstraint[] {
  const notValid = new Set(stringList(table.extras?.['notValid']));
  const notEnforced = new Set(stringList(table.extras?.['notEnforced']));
  const make = (name: string, clause: string, rest: Partial<TableConstraint>): TableConstraint => ({
    name,
    clause: notEnforced.has(name) ? `${clause} NOT ENFORCED` : clause,
    foreignKey: false,
    notValid: notValid.has(name),
    columns: [],
    ...rest,
  });
  const comment = (c: { comment?: string }) => (c.comment === undefined ? {} : { comment: c.comment });
  return [
    ...(table.primaryKey === undefined
      ? []
      : [make(table.primaryKey.name, renderConstraint('primaryKey', table.primaryKey), { columns: table.primaryKey.columns, ...comment(table.primaryKey) })]),
    ...table.uniqueConstraints.map((c) => make(c.name, renderConstraint('uniqueConstraint', c), { columns: c.columns, ...comment(c) })),
    ...table.checkConstraints.map((c) => make(c.name, renderConstraint('checkConstraint', c), { expression: c.expression, ...comment(c) })),
    ...exclusions(table).map((c) => make(c.name, `CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`, { expression: c.definition, ...comment(c) })),
    ...table.foreignKeys.map((c) => make(c.name, renderConstraint('foreignKey', c), { foreignKey: true, columns: c.columns, ...comment(c) })),
  ];
}

/** ALTER TABLE ... ADD for a constraint; NOT VALID ones are added without checking existing rows. */
export function addConstraintSql(schema: string, table: string, constraint: TableConstraint): string {
  return `ALTER TABLE ${qualifiedName(schema, table)} ADD ${constraint.clause}${constraint.notValid ? ' NOT VALID' : ''}`;
}

/**
 * `CREATE INDEX ...` as renderIndex writes it, plus `WITH (storage parameters)` from extras in the
 * place PostgreSQL's grammar puts it (before WHERE).
 */
export function createIndexSql(schema: string, relation: string, index: Index): string {
  const parameters = stringList(index.extras?.['storageParameters']);
  if (parameters.length === 0) return renderIndex(schema, relation, index);
  const head = renderIndex(schema, relation, { ...index, where: undefined });
  return `${head} WITH (${parameters.join(', ')})${index.where === undefined ? '' : ` WHERE ${index.where}`}`;
}

/** A column of a partition or inheritance child that its parent has too (an override, see Table.columns). */
export function isInheritedColumn(column: Column): boolean {
  return column.extras?.['inherited'] === true;
}

function flagSet(table: Table, key: string): boolean {
  return table.extras?.[key] === true;
}

/**
 * `CREATE [UNLOGGED] TABLE s.t (columns, constraints) [INHERITS (...)] [PARTITION BY ...] [WITH (...)]`,
 * or for a partition `CREATE TABLE s.t PARTITION OF s.parent [(constraints)] FOR VALUES ...`. Columns
 * the table inherits are not listed (their differences are ALTER statements, see
 * `inheritedColumnStatements`); NOT VALID constraints are added afterwards, and foreign keys only
 * with `foreignKeys`. Not terminated.
 */
export function renderCreateTable(table: Table, { foreignKeys }: { foreignKeys: boolean }): string {
  const qualified = qualifiedName(table.schema, table.name);
  const inline = tableConstraints(table)
    .filter((c) => !c.notValid && (foreignKeys || !c.foreignKey))
    .map((c) => c.clause);
  const columns = table.columns.filter((c) => !isInheritedColumn(c)).map(renderColumnDefinition);
  const block = (elements: readonly string[]) => `(\n${elements.map((e) => `    ${e}`).join(',\n')}\n)`;
  const unlogged = flagSet(table, 'unlogged') ? 'UNLOGGED ' : '';
  let sql: string;
  if (table.partitionOf !== undefined) {
    const parent = qualifiedName(table.partitionOf.schema, table.partitionOf.table);
    sql = `CREATE ${unlogged}TABLE ${qualified} PARTITION OF ${parent}${inline.length === 0 ? '' : ` ${block(inline)}`} ${table.partitionOf.bound}`;
  } else {
    const elements = [...columns, ...inline];
    sql = `CREATE ${unlogged}TABLE ${qualified} ${elements.length === 0 ? '()' : block(elements)}`;
    const inherits = stringList(table.extras?.['inherits']);
    if (inherits.length > 0) sql += ` INHERITS (${inherits.join(', ')})`;
  }
  if (table.partitionBy !== undefined) sql += ` PARTITION BY ${table.partitionBy}`;
  const storage = stringList(table.extras?.['storageParameters']);
  if (storage.length > 0) sql += ` WITH (${storage.join(', ')})`;
  return sql;
}

/**
 * How the inherited columns a table lists differ from its parent's, as ALTER COLUMN statements:
 * its own default (or none) and NOT NULL. Not terminated.
 */
export function inheritedColumnStatements(table: Table, columns: readonly Column[] = table.columns): string[] {
  const qualified = qualifiedName(table.schema, table.name);
  return columns.filter(isInheritedColumn).flatMap((column) => {
    const alter = `ALTER TABLE ${qualified} ALTER COLUMN ${quoteIdent(column.name)}`;
    return [
      ...(column.identity !== undefined || column.generated !== undefined ? [] : [column.default === undefined ? `${alter} DROP DEFAULT` : `${alter} SET DEFAULT ${column.default}`]),
      ...(column.nullable ? [] : [`${alter} SET NOT NULL`]),
    ];
  });
}

/** `ALTER TABLE ... ENABLE ROW LEVEL SECURITY` and `FORCE ROW LEVEL SECURITY`, when set. Not terminated. */
export function rowSecurityStatements(table: Table): string[] {
  const qualified = qualifiedName(table.schema, table.name);
  return [
    ...(flagSet(table, 'rowLevelSecurity') ? [`ALTER TABLE ${qualified} ENABLE ROW LEVEL SECURITY`] : []),
    ...(flagSet(table, 'forceRowLevelSecurity') ? [`ALTER TABLE ${qualified} FORCE ROW LEVEL SECURITY`] : []),
  ];
}

/**
 * `CREATE POLICY p ON s.t [AS RESTRICTIVE] [FOR command] [TO roles] [USING (...)] [WITH CHECK (...)]`;
 * the defaults (AS PERMISSIVE, FOR ALL, TO PUBLIC) are not spelled out. Not terminated.
 */
export function renderPolicy(schema: string, table: string, policy: Policy): string {
  let sql = `CREATE POLICY ${quoteIdent(policy.name)} ON ${qualifiedName(schema, table)}`;
  if (!policy.permissive) sql += ' AS RESTRICTIVE';
  if (policy.command !== 'ALL') sql += ` FOR ${policy.command}`;
  if (!(policy.roles.length === 1 && policy.roles[0] === 'PUBLIC')) sql += ` TO ${policy.roles.map(roleName).join(', ')}`;
  if (policy.using !== undefined) sql += ` USING (${policy.using})`;
  if (policy.withCheck !== undefined) sql += ` WITH CHECK (${policy.withCheck})`;
  return sql;
}

/**
 * The whole table: CREATE TABLE (foreign keys inline), NOT VALID constraints, inherited column
 * differences, indexes, triggers, row-level security and policies, comments, privileges. Not
 * terminated.
 */
export function renderTableStatements(table: Table): string[] {
  const { schema, name } = table;
  const constraints = tableConstraints(table);
  const policies = table.policies ?? [];
  return [
    renderCreateTable(table, { foreignKeys: true }),
    ...constraints.filter((c) => c.notValid).map((c) => addConstraintSql(schema, name, c)),
    ...inheritedColumnStatements(table),
    ...table.indexes.map((index) => createIndexSql(schema, name, index)),
    ...table.triggers.flatMap((trigger) => renderTrigger(schema, name, trigger, { onTable: true })),
    ...rowSecurityStatements(table),
    ...policies.map((policy) => renderPolicy(schema, name, policy)),
    ...commentIfPresent(commentTarget.object('TABLE', schema, name), table.comment),
    ...table.columns.flatMap((column) =>
      commentIfPresent(commentTarget.column(schema, name, column.name), column.comment),
    ),
    ...constraints.flatMap((c) => commentIfPresent(commentTarget.constraint(schema, name, c.name), c.comment)),
    ...indexComments(schema, table.indexes),
    ...triggerComments(schema, name, table.triggers),
    ...policies.flatMap((policy) => commentIfPresent(commentTarget.policy(schema, name, policy.name), policy.comment)),
    ...renderPrivileges(table),
  ];
}
