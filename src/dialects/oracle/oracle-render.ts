/**
 * Oracle DDL for model objects, one statement at a time (unterminated). Used for `renderCreate` (an
 * object's definition in diffs) and by the migration hooks. Conventions: names always quoted and
 * schema-qualified (quoting.ts); model texts (types, defaults, expressions, queries, PL/SQL) written
 * as they are; only what the model holds is written, in Oracle's clause order.
 *
 * A statement is a `OracleStatement`: its SQL and whether it is a PL/SQL unit (CREATE PROCEDURE,
 * FUNCTION, PACKAGE [BODY], TYPE [BODY], TRIGGER), which a script ends with `/` on its own line
 * instead of `;` (oracle-script.ts).
 */
import { ParityError } from '../../errors.js';
import type {
  CheckConstraint,
  Column,
  CompositeType,
  ForeignKey,
  Index,
  MaterializedView,
  Package,
  PrimaryKey,
  Routine,
  SchemaDef,
  SchemaObject,
  Sequence,
  SequenceOptions,
  Synonym,
  Table,
  Trigger,
  UniqueConstraint,
  View,
} from '../../model/objects.js';
import { qualifiedName, quoteIdent, quoteLiteral } from './oracle-quoting.js';

export interface OracleStatement {
  readonly sql: string;
  /** A PL/SQL unit: ends with `/` on its own line in a script. */
  readonly plsql?: boolean;
}

const list = (names: readonly string[]): string => names.map(quoteIdent).join(', ');

function extra(object: { readonly extras?: Readonly<Record<string, unknown>> }, key: string): unknown {
  return object.extras?.[key];
}

function sequenceClauses(options: SequenceOptions, extras?: Readonly<Record<string, unknown>>): string[] {
  const clauses: string[] = [];
  if (options.start !== undefined) clauses.push(`START WITH ${options.start}`);
  if (options.increment !== undefined) clauses.push(`INCREMENT BY ${options.increment}`);
  if (options.minValue !== undefined) clauses.push(`MINVALUE ${options.minValue}`);
  if (options.maxValue !== undefined) clauses.push(`MAXVALUE ${options.maxValue}`);
  clauses.push(options.cache !== undefined ? `CACHE ${options.cache}` : 'NOCACHE');
  clauses.push(options.cycle === true ? 'CYCLE' : 'NOCYCLE');
  if (extras !== undefined) clauses.push(extras['order'] === true ? 'ORDER' : 'NOORDER');
  return clauses;
}

/** `"NAME" TYPE [INVISIBLE] [AS (expr) VIRTUAL | identity | DEFAULT [ON NULL] expr] [NOT NULL]`. */
export function renderColumn(column: Column, includeNullability = true): string {
  const parts = [quoteIdent(column.name), column.type];
  if (extra(column, 'invisible') === true) parts.push('INVISIBLE');
  const onNull = extra(column, 'defaultOnNull') === true;
  if (column.generated !== undefined) {
    parts.push(`GENERATED ALWAYS AS (${column.generated}) VIRTUAL`);
  } else if (column.identity !== undefined) {
    const how = column.identity.generation === 'always' ? 'ALWAYS' : onNull ? 'BY DEFAULT ON NULL' : 'BY DEFAULT';
    const options = column.identity.sequence ? sequenceClauses(column.identity.sequence) : [];
    parts.push(`GENERATED ${how} AS IDENTITY${options.length > 0 ? ` (${options.join(' ')})` : ''}`);
  } else if (column.default !== undefined) {
    parts.push(`DEFAULT ${onNull ? 'ON NULL ' : ''}${column.default}`);
  }
  if (includeNullability && !column.nullable) parts.push('NOT NULL');
  return parts.join(' ');
}

function deferral(c: { readonly deferrable?: boolean; readonly initiallyDeferred?: boolean }): string {
  if (c.deferrable !== true) return '';
  return c.initiallyDeferred === true ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
}

function state(c: { readonly extras?: Readonly<Record<string, unknown>> }): string {
  const value = c.extras?.['state'];
  return typeof value === 'string' ? ` ${value}` : '';
}

export function renderPrimaryKey(pk: PrimaryKey): string {
  return `CONSTRAINT ${quoteIdent(pk.name)} PRIMARY KEY (${list(pk.columns)})${deferral(pk)}${state(pk)}`;
}

export function renderUnique(uk: UniqueConstraint): string {
  return `CONSTRAINT ${quoteIdent(uk.name)} UNIQUE (${list(uk.columns)})${deferral(uk)}${state(uk)}`;
}

export function renderCheck(ck: CheckConstraint): string {
  return `CONSTRAINT ${quoteIdent(ck.name)} CHECK (${ck.expression})${state(ck)}`;
}

export function renderForeignKey(fk: ForeignKey): string {
  const action = fk.onDelete === 'CASCADE' || fk.onDelete === 'SET NULL' ? ` ON DELETE ${fk.onDelete}` : '';
  return (
    `CONSTRAINT ${quoteIdent(fk.name)} FOREIGN KEY (${list(fk.columns)}) ` +
    `REFERENCES ${qualifiedName(fk.referencedSchema, fk.referencedTable)} (${list(fk.referencedColumns)})${action}${deferral(fk)}${state(fk)}`
  );
}

export function renderIndex(schema: string, table: string, index: Index): string {
  const kind = index.unique ? 'UNIQUE ' : index.method === 'BITMAP' ? 'BITMAP ' : '';
  const reverse = extra(index, 'reverse') === true ? ' REVERSE' : '';
  const invisible = extra(index, 'invisible') === true ? ' INVISIBLE' : '';
  return `CREATE ${kind}INDEX ${qualifiedName(schema, index.name)} ON ${qualifiedName(schema, table)} (${index.keys.join(', ')})${reverse}${invisible}`;
}

/** CREATE TABLE with columns and primary, unique and check constraints; foreign keys too with `withForeignKeys`. */
export function renderCreateTable(table: Table, withForeignKeys: boolean): string {
  const temporary = extra(table, 'temporary');
  const lines = [
    ...table.columns.map((c) => renderColumn(c)),
    ...(table.primaryKey ? [renderPrimaryKey(table.primaryKey)] : []),
    ...table.uniqueConstraints.map(renderUnique),
    ...table.checkConstraints.map(renderCheck),
    ...(withForeignKeys ? table.foreignKeys.map(renderForeignKey) : []),
  ];
  const head = `CREATE ${typeof temporary === 'string' ? 'GLOBAL TEMPORARY ' : ''}TABLE ${qualifiedName(table.schema, table.name)}`;
  const tail = [
    ...(typeof temporary === 'string' ? [temporary] : []),
    ...(extra(table, 'organization') === 'INDEX' ? ['ORGANIZATION INDEX'] : []),
  ];
  return `${head} (\n  ${lines.join(',\n  ')}\n)${tail.length > 0 ? ` ${tail.join(' ')}` : ''}`;
}

export function commentOn(what: string, target: string, text: string | undefined): string {
  return `COMMENT ON ${what} ${target} IS ${quoteLiteral(text ?? '')}`;
}

/** COMMENT ON for the table (or view) and each commented column. */
export function columnComments(what: 'TABLE' | 'MATERIALIZED VIEW', schema: string, name: string, comment: string | undefined, columns: readonly { name: string; comment?: string }[]): string[] {
  return [
    ...(comment !== undefined ? [commentOn(what, qualifiedName(schema, name), comment)] : []),
    ...columns.filter((c) => c.comment !== undefined).map((c) => commentOn('COLUMN', `${qualifiedName(schema, name)}.${quoteIdent(c.name)}`, c.comment)),
  ];
}

export function triggerStatements(schema: string, trigger: Trigger): OracleStatement[] {
  return [{ sql: trigger.definition, plsql: true }, ...(trigger.enabled === false ? [{ sql: `ALTER TRIGGER ${qualifiedName(schema, trigger.name)} DISABLE` }] : [])];
}

export function renderTableStatements(table: Table): OracleStatement[] {
  return [
    { sql: renderCreateTable(table, true) },
    ...table.indexes.map((index) => ({ sql: renderIndex(table.schema, table.name, index) })),
    ...columnComments('TABLE', table.schema, table.name, table.comment, table.columns).map((sql) => ({ sql })),
    ...table.triggers.flatMap((t) => triggerStatements(table.schema, t)),
  ];
}

export function renderView(view: View): string {
  const columns = view.columns && view.columns.length > 0 ? ` (${list(view.columns.map((c) => c.name))})` : '';
  const option = view.extras?.['readOnly'] === true ? '\nWITH READ ONLY' : view.checkOption !== undefined ? '\nWITH CHECK OPTION' : '';
  return `CREATE OR REPLACE VIEW ${qualifiedName(view.schema, view.name)}${columns} AS\n${view.definition}${option}`;
}

export function renderViewStatements(view: View): OracleStatement[] {
  return [
    { sql: renderView(view) },
    ...columnComments('TABLE', view.schema, view.name, view.comment, view.columns ?? []).map((sql) => ({ sql })),
    ...(view.triggers ?? []).flatMap((t) => triggerStatements(view.schema, t)),
  ];
}

function refreshClause(refresh: unknown): string {
  if (typeof refresh !== 'string') return 'REFRESH FORCE ON DEMAND';
  const [method, mode] = refresh.split(' ON ');
  if (method === 'NEVER') return 'NEVER REFRESH';
  return mode === 'DEMAND' || mode === 'COMMIT' || mode === 'STATEMENT' ? `REFRESH ${method} ON ${mode}` : `REFRESH ${method}`;
}

export function renderMaterializedView(mview: MaterializedView): string {
  const lines = [
    `CREATE MATERIALIZED VIEW ${qualifiedName(mview.schema, mview.name)}`,
    mview.withData === false ? 'BUILD DEFERRED' : 'BUILD IMMEDIATE',
    refreshClause(mview.extras?.['refresh']),
    ...(mview.extras?.['queryRewrite'] === true ? ['ENABLE QUERY REWRITE'] : []),
    `AS\n${mview.definition}`,
  ];
  return lines.join('\n');
}

export function renderMaterializedViewStatements(mview: MaterializedView): OracleStatement[] {
  return [
    { sql: renderMaterializedView(mview) },
    ...mview.indexes.map((index) => ({ sql: renderIndex(mview.schema, mview.name, index) })),
    ...columnComments('MATERIALIZED VIEW', mview.schema, mview.name, mview.comment, mview.columns ?? []).map((sql) => ({ sql })),
  ];
}

export function renderSequence(sequence: Sequence, verb: 'CREATE' | 'ALTER'): string {
  const options = verb === 'ALTER' ? { ...sequence, start: undefined } : sequence;
  return `${verb} SEQUENCE ${qualifiedName(sequence.schema, sequence.name)} ${sequenceClauses(options, sequence.extras ?? {}).join(' ')}`;
}

export function renderSynonym(synonym: Synonym): string {
  const target = synonym.targetSchema !== undefined ? qualifiedName(synonym.targetSchema, synonym.targetName) : quoteIdent(synonym.targetName);
  return `CREATE OR REPLACE SYNONYM ${qualifiedName(synonym.schema, synonym.name)} FOR ${target}${synonym.dbLink !== undefined ? `@${synonym.dbLink}` : ''}`;
}

/** The type's stored CREATE TYPE, or one built from its attributes (a hand-written model). */
export function typeDefinition(type: CompositeType): string {
  const definition = type.extras?.['definition'];
  if (typeof definition === 'string') return definition;
  const attributes = type.attributes.map((a) => `${quoteIdent(a.name)} ${a.type}`).join(',\n  ');
  return `CREATE OR REPLACE TYPE ${qualifiedName(type.schema, type.name)} AS OBJECT (\n  ${attributes}\n);`;
}

export function typeStatements(type: CompositeType): OracleStatement[] {
  const body = type.extras?.['body'];
  return [{ sql: typeDefinition(type), plsql: true }, ...(typeof body === 'string' ? [{ sql: body, plsql: true }] : [])];
}

export function packageStatements(pkg: Package): OracleStatement[] {
  return [{ sql: pkg.definition, plsql: true }, ...(pkg.body !== undefined ? [{ sql: pkg.body, plsql: true }] : [])];
}

export function renderSchema(schema: SchemaDef): string {
  return `CREATE USER ${quoteIdent(schema.name)} NO AUTHENTICATION`;
}

export function routineStatement(routine: Routine): OracleStatement {
  return { sql: routine.definition, plsql: true };
}

/** The statements that create `object` with all its parts. */
export function renderCreateStatementsOracle(object: SchemaObject): OracleStatement[] {
  switch (object.kind) {
    case 'schema':
      return [{ sql: renderSchema(object) }];
    case 'table':
      return renderTableStatements(object);
    case 'view':
      return renderViewStatements(object);
    case 'materializedView':
      return renderMaterializedViewStatements(object);
    case 'sequence':
      return [{ sql: renderSequence(object, 'CREATE') }];
    case 'synonym':
      return [{ sql: renderSynonym(object) }];
    case 'function':
    case 'procedure':
      return [routineStatement(object)];
    case 'package':
      return packageStatements(object);
    case 'compositeType':
      return typeStatements(object);
    case 'aggregate':
    case 'enum':
    case 'domain':
    case 'extension':
      throw new ParityError('UNSUPPORTED', `Oracle has no ${object.kind} objects (${object.schema}.${object.name})`);
    default:
      return unreachable(object);
  }
}

function unreachable(object: never): never {
  throw new Error(`no Oracle renderer for object kind ${(object as { kind: string }).kind}`);
}
