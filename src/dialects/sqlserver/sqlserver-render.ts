/**
 * T-SQL for the model's objects and their parts. Conventions: upper-case keywords, `[bracketed]`
 * names, `N'...'` strings, one statement per string without terminator (scripts put each in a batch
 * of its own, `GO` on the next line: sqlserver-migration.ts `terminate`). Modules (views, functions,
 * procedures, triggers) are their text as the server keeps it. Comments are MS_Description extended
 * properties (sys.sp_addextendedproperty and friends).
 */
import type { CheckConstraint, Column, Domain, ForeignKey, Index, PrimaryKey, SchemaObject, Sequence, Table, Trigger, UniqueConstraint } from '../../model/objects.js';
import { qualifiedName, quoteIdent, quoteString } from './sqlserver-quoting.js';

// ---------------------------------------------------------------------------------------------
// Columns and constraints

/** `[c] int IDENTITY(1,1) NOT NULL CONSTRAINT [df] DEFAULT (0)`; a computed column `[c] AS (expr) PERSISTED`. */
export function columnDefinition(column: Column, options: { readonly withDefault?: boolean } = {}): string {
  const name = quoteIdent(column.name);
  if (column.generated !== undefined) {
    const persisted = column.extras?.['persisted'] === true;
    return `${name} AS (${column.generated})${persisted ? ` PERSISTED${column.nullable ? '' : ' NOT NULL'}` : ''}`;
  }
  const parts = [name, column.type];
  if (column.collation !== undefined) parts.push(`COLLATE ${column.collation}`);
  if (column.identity !== undefined) {
    const seq = column.identity.sequence;
    parts.push(`IDENTITY(${seq?.start ?? '1'},${seq?.increment ?? '1'})${column.extras?.['identityNotForReplication'] === true ? ' NOT FOR REPLICATION' : ''}`);
  }
  parts.push(column.nullable ? 'NULL' : 'NOT NULL');
  if (column.default !== undefined && options.withDefault !== false) parts.push(defaultClause(column));
  return parts.join(' ');
}

/** `CONSTRAINT [df] DEFAULT (expr)`, or `DEFAULT (expr)` for a system-named default. */
export function defaultClause(column: Column): string {
  const name = column.extras?.['defaultName'];
  return `${typeof name === 'string' ? `CONSTRAINT ${quoteIdent(name)} ` : ''}DEFAULT (${column.default})`;
}

const columnList = (columns: readonly string[]): string => columns.map(quoteIdent).join(', ');

/** Primary keys are clustered unless their extras say otherwise; unique constraints are not unless they do. */
export function primaryKeyClause(key: PrimaryKey): string {
  return `CONSTRAINT ${quoteIdent(key.name)} PRIMARY KEY ${key.extras?.['clustered'] === false ? 'NONCLUSTERED' : 'CLUSTERED'} (${columnList(key.columns)})`;
}

export function uniqueClause(key: UniqueConstraint): string {
  return `CONSTRAINT ${quoteIdent(key.name)} UNIQUE ${key.extras?.['clustered'] === true ? 'CLUSTERED' : 'NONCLUSTERED'} (${columnList(key.columns)})`;
}

export function checkClause(check: CheckConstraint): string {
  return `CONSTRAINT ${quoteIdent(check.name)} CHECK ${check.extras?.['notForReplication'] === true ? 'NOT FOR REPLICATION ' : ''}(${check.expression})`;
}

export function foreignKeyClause(key: ForeignKey): string {
  const actions = `${key.onDelete !== 'NO ACTION' ? ` ON DELETE ${key.onDelete}` : ''}${key.onUpdate !== 'NO ACTION' ? ` ON UPDATE ${key.onUpdate}` : ''}`;
  const replication = key.extras?.['notForReplication'] === true ? ' NOT FOR REPLICATION' : '';
  return `CONSTRAINT ${quoteIdent(key.name)} FOREIGN KEY (${columnList(key.columns)}) REFERENCES ${qualifiedName(key.referencedSchema, key.referencedTable)} (${columnList(key.referencedColumns)})${actions}${replication}`;
}

/** A constraint that is disabled or not trusted is added WITH NOCHECK (existing rows are not checked). */
function unchecked(constraint: CheckConstraint | ForeignKey): boolean {
  return constraint.extras?.['disabled'] === true || constraint.extras?.['notTrusted'] === true;
}

/** Statements that add a CHECK or FOREIGN KEY constraint to a table, disabled after when it is. */
export function addConstraintStatements(table: string, constraint: CheckConstraint | ForeignKey, clause: string): string[] {
  const statements = [`ALTER TABLE ${table} ${unchecked(constraint) ? 'WITH NOCHECK ' : ''}ADD ${clause}`];
  if (constraint.extras?.['disabled'] === true) statements.push(`ALTER TABLE ${table} NOCHECK CONSTRAINT ${quoteIdent(constraint.name)}`);
  return statements;
}

export function dropConstraint(table: string, name: string): string {
  return `ALTER TABLE ${table} DROP CONSTRAINT ${quoteIdent(name)}`;
}

// ---------------------------------------------------------------------------------------------
// Indexes and triggers

export function createIndexStatements(table: string, index: Index): string[] {
  const method = index.method.toUpperCase();
  const unique = index.unique ? 'UNIQUE ' : '';
  let sql: string;
  if (method.endsWith('COLUMNSTORE')) {
    // A clustered columnstore index covers the whole table and names no columns.
    sql = `CREATE ${method} INDEX ${quoteIdent(index.name)} ON ${table}${method.startsWith('CLUSTERED') ? '' : ` (${index.keys.join(', ')})`}`;
  } else {
    sql = `CREATE ${unique}${method} INDEX ${quoteIdent(index.name)} ON ${table} (${index.keys.join(', ')})`;
    if (index.include !== undefined && index.include.length > 0) sql += ` INCLUDE (${columnList(index.include)})`;
    if (index.where !== undefined) sql += ` WHERE ${index.where}`;
  }
  const statements = [sql];
  if (index.extras?.['disabled'] === true) statements.push(`ALTER INDEX ${quoteIdent(index.name)} ON ${table} DISABLE`);
  return statements;
}

export function dropIndex(table: string, name: string): string {
  return `DROP INDEX ${quoteIdent(name)} ON ${table}`;
}

/** A trigger's module text, and DISABLE TRIGGER after it when it is disabled. A trigger lives in its table's schema. */
export function createTriggerStatements(schema: string, parent: string, trigger: Trigger): string[] {
  const statements = [trigger.definition];
  if (trigger.enabled === false) statements.push(`DISABLE TRIGGER ${qualifiedName(schema, trigger.name)} ON ${parent}`);
  return statements;
}

export function dropTrigger(schema: string, name: string): string {
  return `DROP TRIGGER ${qualifiedName(schema, name)}`;
}

// ---------------------------------------------------------------------------------------------
// Comments: MS_Description extended properties

/** The level arguments of sp_addextendedproperty for an object or one of its parts. */
export interface CommentTarget {
  readonly schema: string;
  /** Level 1: TABLE, VIEW, FUNCTION, PROCEDURE, SEQUENCE, TYPE; absent for the schema itself. */
  readonly objectType?: string;
  readonly objectName?: string;
  /** Level 2: COLUMN, INDEX, CONSTRAINT, TRIGGER. */
  readonly partType?: string;
  readonly partName?: string;
}

function levels(target: CommentTarget): string {
  const out = [`@level0type = N'SCHEMA', @level0name = ${quoteString(target.schema)}`];
  if (target.objectType !== undefined && target.objectName !== undefined) out.push(`@level1type = N'${target.objectType}', @level1name = ${quoteString(target.objectName)}`);
  if (target.partType !== undefined && target.partName !== undefined) out.push(`@level2type = N'${target.partType}', @level2name = ${quoteString(target.partName)}`);
  return out.join(', ');
}

/** Add, change or remove the MS_Description of `target` (from `before` to `after`). */
export function commentStatement(target: CommentTarget, before: string | undefined, after: string | undefined): string | undefined {
  if (before === after) return undefined;
  if (after === undefined) return `EXEC sys.sp_dropextendedproperty @name = N'MS_Description', ${levels(target)}`;
  const procedure = before === undefined ? 'sp_addextendedproperty' : 'sp_updateextendedproperty';
  return `EXEC sys.${procedure} @name = N'MS_Description', @value = ${quoteString(after)}, ${levels(target)}`;
}

/** The extended-property level-1 type of an object kind. */
export function commentObjectType(object: SchemaObject): string | undefined {
  switch (object.kind) {
    case 'table':
      return 'TABLE';
    case 'view':
      return 'VIEW';
    case 'function':
      return 'FUNCTION';
    case 'procedure':
      return 'PROCEDURE';
    case 'sequence':
      return 'SEQUENCE';
    case 'domain':
      return 'TYPE';
    default:
      return undefined;
  }
}

/** Comments of a table's parts: columns, indexes and constraints. */
export function tablePartComments(table: Table): string[] {
  const target = (partType: string, partName: string, comment: string | undefined) =>
    commentStatement({ schema: table.schema, objectType: 'TABLE', objectName: table.name, partType, partName }, undefined, comment);
  const out: (string | undefined)[] = [];
  for (const column of table.columns) out.push(target('COLUMN', column.name, column.comment));
  for (const index of table.indexes) out.push(target('INDEX', index.name, index.comment));
  if (table.primaryKey) out.push(target('CONSTRAINT', table.primaryKey.name, table.primaryKey.comment));
  for (const key of table.uniqueConstraints) out.push(target('CONSTRAINT', key.name, key.comment));
  for (const trigger of table.triggers) out.push(target('TRIGGER', trigger.name, trigger.comment));
  return out.filter((s): s is string => s !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Whole objects

/** CREATE TABLE with its columns, primary key, unique constraints and the CHECKs that check existing rows. */
export function createTableStatement(table: Table): string {
  const lines = table.columns.map((column) => columnDefinition(column));
  if (table.primaryKey) lines.push(primaryKeyClause(table.primaryKey));
  for (const key of table.uniqueConstraints) lines.push(uniqueClause(key));
  for (const check of table.checkConstraints) if (!unchecked(check)) lines.push(checkClause(check));
  return `CREATE TABLE ${qualifiedName(table.schema, table.name)} (\n    ${lines.join(',\n    ')}\n)`;
}

/** What a table needs after CREATE TABLE and before its foreign keys: unchecked CHECKs and indexes. */
export function tableExtrasStatements(table: Table): string[] {
  const name = qualifiedName(table.schema, table.name);
  const out: string[] = [];
  for (const check of table.checkConstraints) if (unchecked(check)) out.push(...addConstraintStatements(name, check, checkClause(check)));
  for (const index of table.indexes) out.push(...createIndexStatements(name, index));
  return out;
}

export function createSequenceStatement(sequence: Sequence): string {
  const parts = [`CREATE SEQUENCE ${qualifiedName(sequence.schema, sequence.name)}`];
  if (sequence.dataType !== undefined) parts.push(`AS ${sequence.dataType}`);
  if (sequence.start !== undefined) parts.push(`START WITH ${sequence.start}`);
  if (sequence.increment !== undefined) parts.push(`INCREMENT BY ${sequence.increment}`);
  if (sequence.minValue !== undefined) parts.push(`MINVALUE ${sequence.minValue}`);
  if (sequence.maxValue !== undefined) parts.push(`MAXVALUE ${sequence.maxValue}`);
  parts.push(sequence.cycle === true ? 'CYCLE' : 'NO CYCLE');
  if (sequence.cache !== undefined) parts.push(sequence.cache === '1' ? 'NO CACHE' : `CACHE ${sequence.cache}`);
  return parts.join(' ');
}

export function createDomainStatement(domain: Domain): string {
  return `CREATE TYPE ${qualifiedName(domain.schema, domain.name)} FROM ${domain.baseType}${domain.nullable ? ' NULL' : ' NOT NULL'}`;
}

/** Module text with its leading CREATE made ALTER (`CREATE [OR ALTER] VIEW` → `ALTER VIEW`): the text stays the author's. */
export function alterModuleText(definition: string): string {
  return definition.replace(/^((?:\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*)CREATE(?:\s+OR\s+ALTER)?(\s+)/i, '$1ALTER$2');
}

/** The statements that create `object` with everything it holds, in order. */
export function createStatements(object: SchemaObject): string[] {
  const comment = (o: SchemaObject) => {
    const type = commentObjectType(o);
    return commentStatement(type === undefined ? { schema: o.schema } : { schema: o.schema, objectType: type, objectName: o.name }, undefined, o.comment);
  };
  const out: (string | undefined)[] = [];
  switch (object.kind) {
    case 'schema':
      out.push(`CREATE SCHEMA ${quoteIdent(object.name)}`, comment(object));
      break;
    case 'table': {
      const name = qualifiedName(object.schema, object.name);
      out.push(createTableStatement(object), ...tableExtrasStatements(object));
      for (const key of object.foreignKeys) out.push(...addConstraintStatements(name, key, foreignKeyClause(key)));
      for (const trigger of object.triggers) out.push(...createTriggerStatements(object.schema, name, trigger));
      out.push(comment(object), ...tablePartComments(object));
      break;
    }
    case 'view':
      out.push(object.definition);
      for (const trigger of object.triggers ?? []) out.push(...createTriggerStatements(object.schema, qualifiedName(object.schema, object.name), trigger));
      out.push(comment(object));
      break;
    case 'function':
    case 'procedure':
      out.push(object.definition, comment(object));
      break;
    case 'sequence':
      out.push(createSequenceStatement(object), comment(object));
      break;
    case 'domain':
      out.push(createDomainStatement(object), comment(object));
      break;
    default:
      throw new Error(`SQL Server has no ${object.kind} objects`);
  }
  return out.filter((s): s is string => s !== undefined);
}

export function dropStatement(object: SchemaObject): string {
  const name = qualifiedName(object.schema, object.name);
  switch (object.kind) {
    case 'schema':
      return `DROP SCHEMA ${quoteIdent(object.name)}`;
    case 'table':
      return `DROP TABLE ${name}`;
    case 'view':
      return `DROP VIEW ${name}`;
    case 'function':
      return `DROP FUNCTION ${name}`;
    case 'procedure':
      return `DROP PROCEDURE ${name}`;
    case 'sequence':
      return `DROP SEQUENCE ${name}`;
    case 'domain':
      return `DROP TYPE ${name}`;
    default:
      throw new Error(`SQL Server has no ${object.kind} objects`);
  }
}

/** The object's DDL as one text: every statement in a batch of its own (`GO` after each). */
export function renderCreateSqlServer(object: SchemaObject): string {
  return createStatements(object)
    .map((statement) => `${statement}\nGO`)
    .join('\n\n');
}


