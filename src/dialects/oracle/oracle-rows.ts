/**
 * The rows of the catalog queries in ./queries, one interface per query, exactly as node-oracledb
 * delivers them (thin mode, `outFormat: OUT_FORMAT_OBJECT`): keys are the upper-case column names,
 * NUMBER columns are JS numbers, VARCHAR2 and LONG columns are strings, and NULL (which is also what
 * Oracle stores for an empty string) is `null`. Bounds that do not fit a JS number are selected
 * through TO_CHAR (sequences.sql).
 */

export interface SchemaRow {
  readonly USERNAME: string;
}

export interface TableRow {
  readonly OWNER: string;
  readonly TABLE_NAME: string;
  /** `Y` for a global temporary table. */
  readonly TEMPORARY: string;
  /** `SYS$TRANSACTION` (ON COMMIT DELETE ROWS), `SYS$SESSION` (ON COMMIT PRESERVE ROWS), else null. */
  readonly DURATION: string | null;
  /** `IOT` for an index-organized table, else null. */
  readonly IOT_TYPE: string | null;
  readonly PARTITIONED: string;
  readonly COMMENTS: string | null;
}

export interface ColumnRow {
  readonly OWNER: string;
  readonly TABLE_NAME: string;
  readonly COLUMN_NAME: string;
  readonly INTERNAL_COLUMN_ID: number;
  /** `NUMBER`, `VARCHAR2`, `TIMESTAMP(6)`, `TIMESTAMP(6) WITH TIME ZONE`, `INTERVAL DAY(2) TO SECOND(6)`, a type name. */
  readonly DATA_TYPE: string;
  /** The owner of a user-defined type (`HR`, `SYS` for XMLTYPE), else null. */
  readonly DATA_TYPE_OWNER: string | null;
  readonly DATA_LENGTH: number;
  readonly DATA_PRECISION: number | null;
  readonly DATA_SCALE: number | null;
  readonly CHAR_LENGTH: number;
  /** `B` (BYTE) or `C` (CHAR) length semantics of a character column, else null. */
  readonly CHAR_USED: string | null;
  readonly NULLABLE: string;
  /** `YES` for an INVISIBLE column. */
  readonly HIDDEN_COLUMN: string;
  readonly VIRTUAL_COLUMN: string;
  readonly IDENTITY_COLUMN: string;
  readonly DEFAULT_ON_NULL: string;
  readonly COMMENTS: string | null;
  /** LONG: the default as written (trailing spaces and newline kept), or a virtual column's expression. */
  readonly DATA_DEFAULT: string | null;
}

export interface IdentityColumnRow {
  readonly OWNER: string;
  readonly TABLE_NAME: string;
  readonly COLUMN_NAME: string;
  readonly GENERATION_TYPE: string;
  readonly IDENTITY_OPTIONS: string;
}

export interface ConstraintRow {
  readonly OWNER: string;
  readonly TABLE_NAME: string;
  readonly CONSTRAINT_NAME: string;
  readonly CONSTRAINT_TYPE: 'P' | 'U' | 'C' | 'R' | 'V' | 'O';
  readonly SEARCH_CONDITION_VC: string | null;
  /** `CASCADE`, `SET NULL`, `NO ACTION` for a foreign key, else null. */
  readonly DELETE_RULE: string | null;
  readonly STATUS: string;
  readonly DEFERRABLE: string | null;
  readonly DEFERRED: string | null;
  readonly VALIDATED: string | null;
  /** `GENERATED NAME` (SYS_C...) or `USER NAME`. */
  readonly GENERATED: string | null;
  readonly INDEX_NAME: string | null;
}

export interface ConstraintColumnRow {
  readonly OWNER: string;
  readonly TABLE_NAME: string;
  readonly CONSTRAINT_NAME: string;
  readonly COLUMN_NAME: string;
  readonly POSITION: number | null;
}

export interface ForeignKeyColumnRow {
  readonly OWNER: string;
  readonly TABLE_NAME: string;
  readonly CONSTRAINT_NAME: string;
  readonly R_OWNER: string;
  readonly R_TABLE_NAME: string;
  readonly R_COLUMN_NAME: string;
  readonly POSITION: number;
}

export interface IndexRow {
  readonly TABLE_OWNER: string;
  readonly TABLE_NAME: string;
  readonly OWNER: string;
  readonly INDEX_NAME: string;
  readonly INDEX_TYPE: string;
  /** `UNIQUE` or `NONUNIQUE`. */
  readonly UNIQUENESS: string;
  readonly VISIBILITY: string;
  readonly COLUMN_POSITION: number;
  /** The column, or a hidden `SYS_NC00005$` for a function-based key. */
  readonly COLUMN_NAME: string;
  readonly DESCEND: string;
  /** LONG: the expression of a function-based key (`UPPER("LAST_NAME")`, `"HIRED"` for DESC), else null. */
  readonly COLUMN_EXPRESSION: string | null;
}

export interface ViewRow {
  readonly OWNER: string;
  readonly VIEW_NAME: string;
  readonly TEXT_LENGTH: number;
  readonly COMMENTS: string | null;
  /** LONG: the query as written. */
  readonly TEXT: string;
}

export interface MaterializedViewRow {
  readonly OWNER: string;
  readonly MVIEW_NAME: string;
  readonly REWRITE_ENABLED: string;
  /** `DEMAND`, `COMMIT`, `STATEMENT`, `NEVER`. */
  readonly REFRESH_MODE: string;
  /** `COMPLETE`, `FAST`, `FORCE`, `NEVER`. */
  readonly REFRESH_METHOD: string;
  /** `IMMEDIATE`, `DEFERRED`, `PREBUILT`. */
  readonly BUILD_MODE: string;
  readonly COMMENTS: string | null;
  /** LONG: the query as written. */
  readonly QUERY: string;
}

export interface DependencyRow {
  readonly OWNER: string;
  readonly NAME: string;
  readonly TYPE: string;
  readonly REFERENCED_OWNER: string;
  readonly REFERENCED_NAME: string;
  readonly REFERENCED_TYPE: string;
}

export interface SequenceRow {
  readonly SEQUENCE_OWNER: string;
  readonly SEQUENCE_NAME: string;
  readonly MIN_VALUE: string;
  readonly MAX_VALUE: string;
  readonly INCREMENT_BY: string;
  readonly CYCLE_FLAG: string;
  readonly ORDER_FLAG: string;
  readonly CACHE_SIZE: number;
}

export interface SynonymRow {
  readonly OWNER: string;
  readonly SYNONYM_NAME: string;
  readonly TABLE_OWNER: string | null;
  readonly TABLE_NAME: string;
  readonly DB_LINK: string | null;
}

export interface SourceRow {
  readonly OWNER: string;
  readonly NAME: string;
  readonly TYPE: 'PROCEDURE' | 'FUNCTION' | 'PACKAGE' | 'PACKAGE BODY' | 'TYPE' | 'TYPE BODY';
  readonly LINE: number;
  readonly TEXT: string;
}

export interface ArgumentRow {
  readonly OWNER: string;
  readonly OBJECT_NAME: string;
  readonly POSITION: number;
  readonly ARGUMENT_NAME: string | null;
  /** `IN`, `OUT`, `IN/OUT`. */
  readonly IN_OUT: string;
  readonly DATA_TYPE: string | null;
  readonly DEFAULTED: string;
}

export interface TypeRow {
  readonly OWNER: string;
  readonly TYPE_NAME: string;
  /** `OBJECT` or `COLLECTION`. */
  readonly TYPECODE: string;
}

export interface TypeAttributeRow {
  readonly OWNER: string;
  readonly TYPE_NAME: string;
  readonly ATTR_NAME: string;
  readonly ATTR_NO: number;
  readonly ATTR_TYPE_OWNER: string | null;
  readonly ATTR_TYPE_NAME: string;
  readonly LENGTH: number | null;
  readonly PRECISION: number | null;
  readonly SCALE: number | null;
}

export interface TriggerRow {
  readonly OWNER: string;
  readonly TRIGGER_NAME: string;
  /** `BEFORE EACH ROW`, `AFTER STATEMENT`, `INSTEAD OF`, `COMPOUND`, ... */
  readonly TRIGGER_TYPE: string;
  /** `INSERT OR UPDATE OR DELETE`. */
  readonly TRIGGERING_EVENT: string;
  readonly TABLE_OWNER: string;
  readonly BASE_OBJECT_TYPE: string;
  readonly TABLE_NAME: string;
  readonly WHEN_CLAUSE: string | null;
  readonly STATUS: string;
  readonly DESCRIPTION: string;
  /** LONG: the PL/SQL block. */
  readonly TRIGGER_BODY: string;
}

/** Every query's rows, by the query's file name. */
export interface CatalogRows {
  readonly schemas: readonly SchemaRow[];
  readonly tables: readonly TableRow[];
  readonly columns: readonly ColumnRow[];
  readonly identity_columns: readonly IdentityColumnRow[];
  readonly constraints: readonly ConstraintRow[];
  readonly constraint_columns: readonly ConstraintColumnRow[];
  readonly foreign_key_columns: readonly ForeignKeyColumnRow[];
  readonly indexes: readonly IndexRow[];
  readonly views: readonly ViewRow[];
  readonly materialized_views: readonly MaterializedViewRow[];
  readonly dependencies: readonly DependencyRow[];
  readonly sequences: readonly SequenceRow[];
  readonly synonyms: readonly SynonymRow[];
  readonly source: readonly SourceRow[];
  readonly arguments: readonly ArgumentRow[];
  readonly types: readonly TypeRow[];
  readonly type_attributes: readonly TypeAttributeRow[];
  readonly triggers: readonly TriggerRow[];
}

/** The queries in the order they run (each names a file in ./queries). */
export const CATALOG_QUERIES: readonly (keyof CatalogRows)[] = [
  'schemas',
  'tables',
  'columns',
  'identity_columns',
  'constraints',
  'constraint_columns',
  'foreign_key_columns',
  'indexes',
  'views',
  'materialized_views',
  'dependencies',
  'sequences',
  'synonyms',
  'source',
  'arguments',
  'types',
  'type_attributes',
  'triggers',
];
