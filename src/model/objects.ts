/**
 * The dialect-neutral object model: plain, readonly, JSON-serializable data tagged with `kind`.
 *
 * Every source (live database, snapshot, schema model, build environment, empty) produces a
 * `DatabaseModel`; the differ compares two of them; renderers turn objects back into DDL.
 *
 * Conventions:
 * - Values are already normalized by the dialect's normalizer: type names are canonical
 *   (`integer`, not `int4`), defaults and expressions are in the server's canonical text form.
 * - Optional properties are omitted when absent (never `undefined` in JSON); `null` is not used
 *   except where a property says so. Lists are sorted where order carries no meaning (indexes,
 *   constraints, triggers by name) and kept in declaration order where it does (columns, enum labels,
 *   function arguments, index keys).
 * - Dialect-specific properties live in `extras` (string-keyed, JSON values) so the shared shape
 *   stays small.
 */

import type { DialectName } from '../dialects/dialect-names.js';

export type { DialectName };
export type * from './table-parts.js';
import type { Column, Identity, SequenceOptions, PrimaryKey, UniqueConstraint, CheckConstraint, ForeignKey, Index, Trigger, Policy, PartitionOf, TablePartition } from './table-parts.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type Extras = Readonly<Record<string, JsonValue>>;

export interface DatabaseModel {
  readonly dialect: DialectName;
  /** The schemas this model covers (what was introspected or declared). */
  readonly schemas: readonly string[];
  /** Top-level objects, sorted by (kind, schema, name). */
  readonly objects: readonly SchemaObject[];
}

export type SchemaObject =
  | SchemaDef
  | Table
  | View
  | MaterializedView
  | Sequence
  | Routine
  | EnumType
  | Domain
  | CompositeType
  | Extension
  | Synonym
  | Package;

export type ObjectKind = SchemaObject['kind'];

interface ObjectBase {
  /** Schema the object lives in (for a `schema` object: its own name). */
  readonly schema: string;
  /** Object name; for routines the identity includes the argument types, see `Routine.name`. */
  readonly name: string;
  readonly comment?: string;
  readonly extras?: Extras;
  /**
   * Privileges granted on the object to roles other than its owner (read only when asked for:
   * `-include=privileges`), sorted by grantee then privilege; omitted when none were read.
   */
  readonly privileges?: readonly Privilege[];
}

/** One privilege on an object held by a role (or `PUBLIC`). */
export interface Privilege {
  /** The role's name as it is (not quoted), or `PUBLIC`. */
  readonly grantee: string;
  /** `SELECT`, `INSERT`, `EXECUTE`, `USAGE`, ... */
  readonly privilege: string;
  /** Held WITH GRANT OPTION. */
  readonly grantable?: boolean;
}

/**
 * A default privilege of a schema: objects that `role` creates in it later get `privilege` for
 * `grantee` (PostgreSQL's ALTER DEFAULT PRIVILEGES ... IN SCHEMA).
 */
export interface DefaultPrivilege extends Privilege {
  /** The creating role the default applies to (not quoted). */
  readonly role: string;
  /** `TABLES`, `SEQUENCES`, `FUNCTIONS`, `TYPES`, `SCHEMAS`. */
  readonly objectType: string;
}

export interface SchemaDef extends ObjectBase {
  readonly kind: 'schema';
  /**
   * Scheduled events that live in the schema (MySQL/MariaDB `CREATE EVENT`), sorted by name; omitted
   * where the database has none or the dialect has no events. Parts of the schema so that the
   * object kinds every dialect handles stay the same.
   */
  readonly events?: readonly ScheduledEvent[];
  /** Default privileges for objects created in the schema later (with `privileges`), sorted. */
  readonly defaultPrivileges?: readonly DefaultPrivilege[];
}

/** A MySQL/MariaDB event: a statement the server runs on a schedule. */
export interface ScheduledEvent {
  readonly name: string;
  /** `AT '2030-01-01 00:00:00'` or `EVERY 1 DAY [STARTS '...'] [ENDS '...']`, as the server stores it. */
  readonly schedule: string;
  readonly onCompletion: 'PRESERVE' | 'NOT PRESERVE';
  readonly status: 'ENABLE' | 'DISABLE' | 'DISABLE ON SLAVE';
  /** The statement run, as the server stores it (`DO` excluded). */
  readonly body: string;
  readonly comment?: string;
}

export interface Table extends ObjectBase {
  readonly kind: 'table';
  /**
   * Columns in declaration order. A partition or an inheritance child lists only what it does not
   * get unchanged from its parents: its own columns, and inherited ones whose default, NOT NULL or
   * comment differ (marked `extras.inherited`).
   */
  readonly columns: readonly Column[];
  readonly primaryKey?: PrimaryKey;
  readonly uniqueConstraints: readonly UniqueConstraint[];
  readonly checkConstraints: readonly CheckConstraint[];
  readonly foreignKeys: readonly ForeignKey[];
  readonly indexes: readonly Index[];
  readonly triggers: readonly Trigger[];
  /** e.g. `RANGE (created_at)` for a partitioned table. */
  readonly partitionBy?: string;
  /**
   * For a partition: its parent and bound. A partition is a table of its own; the keys, indexes,
   * constraints and triggers it gets from its parent are the parent's, not listed again.
   */
  readonly partitionOf?: PartitionOf;
  /** Row-level security policies, by name; omitted where the table has none. */
  readonly policies?: readonly Policy[];
  /**
   * MySQL/MariaDB: how each partition is divided (`HASH (\`id\`)`, `LINEAR KEY (\`id\`)`); only with
   * `partitionBy`.
   */
  readonly subpartitionBy?: string;
  /**
   * MySQL/MariaDB: the partitions of a table with `partitionBy`, in their order (RANGE: by bound).
   * Parts of the table (each compared by name, with an ID of its own under the table), not objects
   * of their own: they have no columns, keys or privileges of their own, and every change to them is
   * an `ALTER TABLE` of the table.
   */
  readonly partitions?: readonly TablePartition[];
}

export interface View extends ObjectBase {
  readonly kind: 'view';
  /** Canonical SELECT text (the server's own rendering, whitespace normalized). */
  readonly definition: string;
  readonly columns?: readonly ViewColumn[];
  readonly checkOption?: 'LOCAL' | 'CASCADED';
  readonly securityBarrier?: boolean;
  readonly securityInvoker?: boolean;
  readonly triggers?: readonly Trigger[];
  /** Tables and views the query reads (derived from the definition; used to order changes). */
  readonly dependsOn?: readonly ObjectRef[];
}

/** A reference to another object by identity. */
export interface ObjectRef {
  readonly kind: ObjectKind;
  readonly schema: string;
  readonly name: string;
}

export interface ViewColumn {
  readonly name: string;
  readonly type: string;
  readonly comment?: string;
}

export interface MaterializedView extends ObjectBase {
  readonly kind: 'materializedView';
  readonly definition: string;
  readonly columns?: readonly ViewColumn[];
  readonly indexes: readonly Index[];
  readonly withData?: boolean;
  readonly dependsOn?: readonly ObjectRef[];
}

export interface Sequence extends ObjectBase, SequenceOptions {
  readonly kind: 'sequence';
  /** `table.column` that owns the sequence (serial columns), schema-qualified when it differs. */
  readonly ownedBy?: string;
}

export interface RoutineArgument {
  readonly name?: string;
  readonly mode: 'IN' | 'OUT' | 'INOUT' | 'VARIADIC' | 'TABLE';
  readonly type: string;
  readonly default?: string;
}

export interface Routine extends ObjectBase {
  readonly kind: 'function' | 'procedure' | 'aggregate';
  /**
   * Identity name including the input argument types, e.g. `add(integer, integer)`, so overloads are
   * distinct objects. `baseName` holds the bare name.
   */
  readonly name: string;
  readonly baseName: string;
  readonly arguments: readonly RoutineArgument[];
  /** Return type text (`integer`, `SETOF text`, `TABLE(a integer)`, `trigger`); absent for procedures. */
  readonly returns?: string;
  readonly language: string;
  /** The full canonical CREATE statement as the server prints it. */
  readonly definition: string;
}

export interface EnumType extends ObjectBase {
  readonly kind: 'enum';
  readonly values: readonly string[];
}

export interface Domain extends ObjectBase {
  readonly kind: 'domain';
  readonly baseType: string;
  readonly nullable: boolean;
  readonly default?: string;
  readonly collation?: string;
  readonly checkConstraints: readonly CheckConstraint[];
}

export interface CompositeAttribute {
  readonly name: string;
  readonly type: string;
  readonly collation?: string;
  readonly comment?: string;
}

export interface CompositeType extends ObjectBase {
  readonly kind: 'compositeType';
  readonly attributes: readonly CompositeAttribute[];
}

export interface Extension extends ObjectBase {
  readonly kind: 'extension';
  readonly version?: string;
}

/** Another name for an object (Oracle `CREATE SYNONYM s FOR target[@link]`). */
export interface Synonym extends ObjectBase {
  readonly kind: 'synonym';
  /** The schema of the object it names; absent when the target is written unqualified. */
  readonly targetSchema?: string;
  readonly targetName: string;
  /** A database link the target is reached through. */
  readonly dbLink?: string;
}

/**
 * A PL/SQL package (Oracle): its specification and, when it has one, its body, each as the full
 * canonical `CREATE OR REPLACE PACKAGE [BODY] ...` statement.
 */
export interface Package extends ObjectBase {
  readonly kind: 'package';
  readonly definition: string;
  readonly body?: string;
}

/** Sub-objects of a table/view/materialized view, as the differ reports them. */
export type PartKind =
  | 'column'
  | 'primaryKey'
  | 'uniqueConstraint'
  | 'checkConstraint'
  | 'foreignKey'
  | 'index'
  | 'partition'
  | 'trigger'
  | 'attribute'
  | 'value'
  | 'event'
  | 'policy';
