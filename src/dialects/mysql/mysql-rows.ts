/** The rows of the catalog queries in ./queries, one interface per query (column aliases). */

export interface SchemaRow {
  readonly schema_name: string;
  readonly charset: string;
  readonly collation: string;
  readonly comment: string | null;
}

export interface TableRow {
  readonly table_schema: string;
  readonly table_name: string;
  readonly engine: string | null;
  readonly collation: string | null;
  readonly charset: string | null;
  readonly create_options: string | null;
  readonly comment: string | null;
}

export interface ColumnRow {
  readonly table_schema: string;
  readonly table_name: string;
  readonly column_name: string;
  readonly position: number | string;
  readonly column_type: string;
  readonly data_type: string;
  readonly column_default: string | null;
  readonly is_nullable: string;
  readonly extra: string;
  readonly charset: string | null;
  readonly collation: string | null;
  readonly generation_expression: string | null;
  readonly comment: string;
}

export interface CheckRow {
  readonly table_schema: string;
  readonly table_name: string;
  readonly constraint_name: string;
  readonly check_clause: string;
  readonly level: string;
}

export interface IndexRow {
  readonly table_schema: string;
  readonly table_name: string;
  readonly index_name: string;
  readonly non_unique: number | string;
  readonly seq: number | string;
  readonly column_name: string | null;
  readonly expression: string | null;
  readonly sub_part: number | string | null;
  readonly collation: string | null;
  readonly index_type: string;
  readonly invisible: number | string | null;
  readonly comment: string | null;
}

export interface ForeignKeyRow {
  readonly table_schema: string;
  readonly table_name: string;
  readonly constraint_name: string;
  readonly column_name: string;
  readonly position: number | string;
  readonly referenced_schema: string;
  readonly referenced_table: string;
  readonly referenced_column: string;
}

/** A foreign key's actions (REFERENTIAL_CONSTRAINTS), matched to its ForeignKeyRow parts by name. */
export interface ForeignKeyRuleRow {
  readonly table_schema: string;
  readonly table_name: string;
  readonly constraint_name: string;
  readonly update_rule: string;
  readonly delete_rule: string;
}

export interface ViewRow {
  readonly table_schema: string;
  readonly table_name: string;
  readonly definition: string;
  readonly check_option: string;
  readonly security_type: string;
  readonly algorithm: string;
}

export interface RoutineRow {
  readonly routine_schema: string;
  readonly routine_name: string;
  readonly routine_type: 'FUNCTION' | 'PROCEDURE';
  readonly returns: string | null;
  readonly body: string | null;
  readonly is_deterministic: string;
  readonly data_access: string;
  readonly security_type: string;
  readonly comment: string;
}

export interface ParameterRow {
  readonly routine_schema: string;
  readonly routine_name: string;
  readonly routine_type: string;
  readonly position: number | string;
  readonly mode: string | null;
  readonly parameter_name: string | null;
  readonly type: string;
}

export interface TriggerRow {
  readonly trigger_schema: string;
  readonly trigger_name: string;
  readonly table_schema: string;
  readonly table_name: string;
  readonly event: string;
  readonly timing: string;
  readonly action_order: number | string;
  readonly body: string;
}

/** One partition, or one subpartition of a subpartitioned table (information_schema.PARTITIONS). */
export interface PartitionRow {
  readonly table_schema: string;
  readonly table_name: string;
  readonly partition_name: string;
  readonly subpartition_name: string | null;
  readonly partition_position: number | string;
  readonly subpartition_position: number | string | null;
  readonly method: string | null;
  readonly submethod: string | null;
  readonly expression: string | null;
  readonly subexpression: string | null;
  /** The bound (`2021`, `MAXVALUE`, `NULL,1,2`); `DEFAULT` for a LIST DEFAULT partition (set by the introspector). */
  readonly description: string | null;
  readonly comment: string | null;
}

export interface EventRow {
  readonly event_schema: string;
  readonly event_name: string;
  readonly body: string;
  readonly event_type: string;
  readonly execute_at: string | null;
  readonly interval_value: string | null;
  readonly interval_field: string | null;
  readonly starts: string | null;
  readonly ends: string | null;
  readonly created: string;
  readonly status: string;
  readonly on_completion: string;
  readonly comment: string;
}

export interface CatalogRows {
  readonly schemas: readonly SchemaRow[];
  readonly tables: readonly TableRow[];
  readonly columns: readonly ColumnRow[];
  readonly checks: readonly CheckRow[];
  readonly indexes: readonly IndexRow[];
  readonly foreign_keys: readonly ForeignKeyRow[];
  readonly foreign_key_rules: readonly ForeignKeyRuleRow[];
  readonly views: readonly ViewRow[];
  readonly routines: readonly RoutineRow[];
  readonly parameters: readonly ParameterRow[];
  readonly triggers: readonly TriggerRow[];
  readonly events: readonly EventRow[];
  readonly partitions: readonly PartitionRow[];
}
