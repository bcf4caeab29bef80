/**
 * One row type per catalog query (queries/*.sql), with the column names of the sys.* views and the
 * JavaScript types the `mssql` driver (tedious) delivers: int, smallint and tinyint as numbers,
 * bigint as a string, bit as a boolean, (n)varchar and sysname as strings, sql_variant as its base
 * type's value (so a bigint IDENTITY seed is a string, an int one a number). Nullable columns may be
 * null. Shapes: Microsoft's documentation of each view (sys.columns, sys.indexes, ...).
 */

type Int = number;
type Variant = number | string | null;

export interface SchemaRow {
  readonly schema_id: Int;
  readonly schema_name: string;
  readonly comment: string | null;
}

export interface TableRow {
  readonly object_id: Int;
  readonly schema_name: string;
  readonly table_name: string;
  readonly comment: string | null;
}

export interface ColumnRow {
  readonly object_id: Int;
  readonly column_id: Int;
  readonly column_name: string;
  readonly type_name: string;
  readonly type_schema: string;
  readonly is_user_defined: boolean;
  readonly max_length: Int;
  readonly precision: Int;
  readonly scale: Int;
  readonly is_nullable: boolean;
  readonly is_identity: boolean;
  readonly seed_value: Variant;
  readonly increment_value: Variant;
  readonly identity_not_for_replication: boolean | null;
  readonly computed_definition: string | null;
  readonly is_persisted: boolean | null;
  readonly collation_name: string | null;
  readonly default_name: string | null;
  readonly default_definition: string | null;
  readonly default_is_system_named: boolean | null;
  readonly comment: string | null;
}

export interface IndexRow {
  readonly object_id: Int;
  readonly index_id: Int;
  readonly index_name: string;
  readonly type_desc: string;
  readonly is_unique: boolean;
  readonly is_primary_key: boolean;
  readonly is_unique_constraint: boolean;
  readonly has_filter: boolean;
  readonly filter_definition: string | null;
  readonly is_disabled: boolean;
  readonly key_ordinal: Int;
  readonly index_column_id: Int;
  readonly is_descending_key: boolean;
  readonly is_included_column: boolean;
  readonly column_name: string;
  readonly comment: string | null;
}

export interface ForeignKeyRow {
  readonly object_id: Int;
  readonly constraint_name: string;
  readonly referenced_schema: string;
  readonly referenced_table: string;
  readonly delete_referential_action_desc: string;
  readonly update_referential_action_desc: string;
  readonly is_disabled: boolean;
  readonly is_not_trusted: boolean;
  readonly is_not_for_replication: boolean;
  readonly constraint_column_id: Int;
  readonly column_name: string;
  readonly referenced_column: string;
}

export interface CheckRow {
  readonly object_id: Int;
  readonly constraint_name: string;
  readonly definition: string;
  readonly is_disabled: boolean;
  readonly is_not_trusted: boolean;
  readonly is_not_for_replication: boolean;
}

export interface ModuleRow {
  readonly object_id: Int;
  readonly parent_object_id: Int;
  readonly schema_name: string;
  readonly object_name: string;
  /** char(2): `V `, `FN`, `IF`, `TF`, `P `, `TR`. */
  readonly type: string;
  readonly definition: string | null;
  readonly is_schema_bound: boolean;
  readonly with_check_option: boolean | null;
  readonly trigger_is_disabled: boolean | null;
  readonly is_instead_of_trigger: boolean | null;
  readonly comment: string | null;
}

export interface TriggerEventRow {
  readonly object_id: Int;
  readonly type_desc: string;
}

export interface ParameterRow {
  readonly object_id: Int;
  readonly parameter_id: Int;
  readonly parameter_name: string;
  readonly type_name: string;
  readonly type_schema: string;
  readonly is_user_defined: boolean;
  readonly max_length: Int;
  readonly precision: Int;
  readonly scale: Int;
  readonly is_output: boolean;
  readonly is_readonly: boolean;
}

export interface DependencyRow {
  readonly object_id: Int;
  readonly referenced_schema: string;
  readonly referenced_name: string;
  readonly referenced_type: string;
}

export interface SequenceRow {
  readonly schema_name: string;
  readonly sequence_name: string;
  readonly type_name: string;
  readonly precision: Int;
  readonly start_value: Variant;
  readonly increment: Variant;
  readonly minimum_value: Variant;
  readonly maximum_value: Variant;
  readonly is_cycling: boolean;
  readonly is_cached: boolean;
  readonly cache_size: Int | null;
  readonly comment: string | null;
}

export interface TypeRow {
  readonly schema_name: string;
  readonly type_name: string;
  readonly base_type: string;
  readonly max_length: Int;
  readonly precision: Int;
  readonly scale: Int;
  readonly is_nullable: boolean;
  readonly comment: string | null;
}

/** Every query's rows, by query file name. */
export interface CatalogRows {
  readonly schemas: readonly SchemaRow[];
  readonly tables: readonly TableRow[];
  readonly columns: readonly ColumnRow[];
  readonly indexes: readonly IndexRow[];
  readonly foreign_keys: readonly ForeignKeyRow[];
  readonly check_constraints: readonly CheckRow[];
  readonly modules: readonly ModuleRow[];
  readonly trigger_events: readonly TriggerEventRow[];
  readonly parameters: readonly ParameterRow[];
  readonly dependencies: readonly DependencyRow[];
  readonly sequences: readonly SequenceRow[];
  readonly types: readonly TypeRow[];
}

export const CATALOG_QUERIES: readonly (keyof CatalogRows)[] = [
  'schemas',
  'tables',
  'columns',
  'indexes',
  'foreign_keys',
  'check_constraints',
  'modules',
  'trigger_events',
  'parameters',
  'dependencies',
  'sequences',
  'types',
];
