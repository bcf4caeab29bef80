/**
 * Row shapes of the catalog queries in ./queries (one interface per file). Column names are the
 * queries' aliases; oids arrive as numbers, int8 values as strings, arrays as string arrays.
 */
import type { SequenceRow } from './postgres-normalizer.js';

export interface SchemaRow {
  readonly name: string;
  readonly comment: string | null;
}

export interface TableRow {
  readonly oid: number;
  readonly schema: string;
  readonly name: string;
  readonly relkind: 'r' | 'p';
  readonly partition_by: string | null;
  readonly persistence: string;
  readonly row_security: boolean;
  readonly force_row_security: boolean;
  readonly options: string[] | null;
  readonly inherits: string[];
  /** A partition's parent and bound (null for other tables). */
  readonly parent_schema: string | null;
  readonly parent_name: string | null;
  readonly partition_bound: string | null;
  readonly comment: string | null;
}

export interface ViewRow {
  readonly oid: number;
  readonly schema: string;
  readonly name: string;
  readonly relkind: 'v' | 'm';
  readonly definition: string;
  readonly options: string[] | null;
  readonly comment: string | null;
  /** JSON texts `[relkind, schema, name]` of every relation the query reads, or null for none. */
  readonly depends_on: string[] | null;
}

export interface ColumnRow {
  readonly relid: number;
  readonly attnum: number;
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
  readonly default_expr: string | null;
  readonly generated_expr: string | null;
  /** '' (not generated), 's' (stored), 'v' (virtual, PostgreSQL 18). */
  readonly generated_kind: string;
  /** '' (no identity), 'a' (always), 'd' (by default). */
  readonly identity: string;
  readonly collation: string | null;
  readonly comment: string | null;
  /** The column comes from a parent table (inheritance or partitioning). */
  readonly inherited: boolean;
  /** Inherited, and a parent has it with the same properties (see columns.sql). */
  readonly same_as_parent: boolean;
  readonly seq_type: string | null;
  readonly seq_start: string | null;
  readonly seq_increment: string | null;
  readonly seq_min: string | null;
  readonly seq_max: string | null;
  readonly seq_cache: string | null;
  readonly seq_cycle: boolean | null;
}

export interface ConstraintRow {
  /** The table's oid, 0 for a domain constraint. */
  readonly relid: number;
  /** The domain's oid, 0 for a table constraint. */
  readonly typid: number;
  readonly name: string;
  readonly type: 'p' | 'u' | 'c' | 'f' | 'x';
  readonly columns: string[];
  /** pg_get_constraintdef(oid, true) of check and exclusion constraints. */
  readonly definition: string | null;
  readonly ref_schema: string | null;
  readonly ref_table: string | null;
  readonly ref_columns: string[];
  /** INCLUDE columns of a primary key or unique constraint. */
  readonly include: string[];
  /** Columns of ON DELETE SET NULL / SET DEFAULT (columns). */
  readonly on_delete_columns: string[];
  readonly on_update: string;
  readonly on_delete: string;
  readonly match_type: string;
  readonly deferrable: boolean;
  readonly deferred: boolean;
  readonly no_inherit: boolean;
  readonly validated: boolean;
  readonly enforced: boolean;
  readonly nulls_not_distinct: boolean;
  readonly comment: string | null;
}

export interface IndexRow {
  readonly relid: number;
  readonly name: string;
  readonly is_unique: boolean;
  readonly method: string;
  /** Key parts rendered from the catalog when every one is a plain column (see indexes.sql). */
  readonly simple_keys: string[] | null;
  /** pg_get_indexdef(oid, 0, true) when `simple_keys` is null. */
  readonly definition: string | null;
  readonly include: string[];
  readonly predicate: string | null;
  readonly nulls_not_distinct: boolean;
  readonly options: string[] | null;
  readonly comment: string | null;
}

export interface TriggerRow {
  readonly relid: number;
  readonly name: string;
  readonly type: number;
  readonly enabled: string;
  readonly update_columns: string[];
  readonly has_when: boolean;
  readonly definition: string;
  readonly comment: string | null;
}

export interface PolicyRow {
  readonly relid: number;
  readonly name: string;
  /** `*` (all), `r` SELECT, `a` INSERT, `w` UPDATE, `d` DELETE. */
  readonly command: string;
  readonly permissive: boolean;
  readonly roles: string[];
  readonly using_expr: string | null;
  readonly check_expr: string | null;
  readonly comment: string | null;
}

export interface PrivilegeRow {
  readonly kind: string;
  readonly schema: string;
  readonly name: string;
  readonly grantee: string;
  readonly privilege: string;
  readonly grantable: boolean;
}

export interface DefaultPrivilegeRow {
  readonly schema: string;
  readonly role: string;
  /** `r` tables, `S` sequences, `f` functions, `T` types, `n` schemas. */
  readonly objtype: string;
  readonly grantee: string;
  readonly privilege: string;
  readonly grantable: boolean;
}

export interface SequenceCatalogRow extends SequenceRow {
  readonly schema: string;
  readonly name: string;
  /** Schema of the owning table. */
  readonly owner_schema: string | null;
  /** `table.column`, quoted as quote_ident does. */
  readonly owned_by: string | null;
  /** `schema.table.column`. */
  readonly owned_by_qualified: string | null;
  readonly comment: string | null;
}

export interface RoutineRow {
  readonly schema: string;
  readonly name: string;
  readonly qualified_name: string;
  readonly kind: 'f' | 'p' | 'a' | 'w';
  readonly input_types: string[];
  readonly all_types: string[];
  readonly modes: string[] | null;
  readonly names: string[] | null;
  readonly nargs: number;
  readonly nargdefaults: number;
  readonly arguments_text: string;
  readonly result: string | null;
  readonly language: string;
  readonly definition: string | null;
  readonly parallel: string;
  readonly agg_kind: string | null;
  readonly agg_sfunc: string | null;
  readonly agg_stype: string | null;
  readonly agg_sspace: number | null;
  readonly agg_finalfunc: string | null;
  readonly agg_finalfunc_extra: boolean | null;
  readonly agg_finalfunc_modify: string | null;
  readonly agg_combinefunc: string | null;
  readonly agg_serialfunc: string | null;
  readonly agg_deserialfunc: string | null;
  readonly agg_initcond: string | null;
  readonly agg_msfunc: string | null;
  readonly agg_minvfunc: string | null;
  readonly agg_mstype: string | null;
  readonly agg_msspace: number | null;
  readonly agg_mfinalfunc: string | null;
  readonly agg_mfinalfunc_extra: boolean | null;
  readonly agg_mfinalfunc_modify: string | null;
  readonly agg_minitcond: string | null;
  readonly agg_sortop: string | null;
  readonly comment: string | null;
}

export interface TypeRow {
  readonly oid: number;
  readonly schema: string;
  readonly name: string;
  readonly typtype: 'e' | 'd' | 'c';
  /** The composite type's pg_class row (0 for enums and domains). */
  readonly relid: number;
  readonly enum_values: string[] | null;
  readonly base_type: string | null;
  readonly not_null: boolean;
  readonly default_expr: string | null;
  readonly collation: string | null;
  readonly comment: string | null;
}

export interface ExtensionRow {
  readonly schema: string;
  readonly name: string;
  readonly version: string | null;
  readonly comment: string | null;
}

/** Every query's rows, keyed by query (file) name. */
export interface CatalogRows {
  readonly schemas: SchemaRow[];
  readonly tables: TableRow[];
  readonly views: ViewRow[];
  readonly columns: ColumnRow[];
  readonly constraints: ConstraintRow[];
  readonly indexes: IndexRow[];
  readonly triggers: TriggerRow[];
  readonly sequences: SequenceCatalogRow[];
  readonly routines: RoutineRow[];
  readonly types: TypeRow[];
  readonly extensions: ExtensionRow[];
  readonly policies: PolicyRow[];
  /** Only when privileges are read. */
  readonly privileges?: PrivilegeRow[];
  readonly default_privileges?: DefaultPrivilegeRow[];
}
