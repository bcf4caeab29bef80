/**
 * The parts of a table in the object model (objects.ts): columns, keys and constraints, indexes,
 * triggers, row-level security policies and partitions. Plain readonly data, as the rest of the model;
 * objects.ts re-exports them, so the model is imported from one place.
 */
import type { Extras } from './objects.js';

export interface Column {
  readonly name: string;
  /** Canonical type text, e.g. `integer`, `character varying(20)`, `numeric(10,2)`, `text[]`. */
  readonly type: string;
  readonly nullable: boolean;
  /** Default expression in canonical form; omitted when there is none. */
  readonly default?: string;
  readonly identity?: Identity;
  /** Expression of a stored generated column. */
  readonly generated?: string;
  /** Collation as SQL text, quoted and qualified as needed (`"C"`, `myschema.mycoll`). */
  readonly collation?: string;
  readonly comment?: string;
  readonly extras?: Extras;
}

export interface Identity {
  readonly generation: 'always' | 'by default';
  readonly sequence?: SequenceOptions;
}

export interface SequenceOptions {
  readonly dataType?: string;
  readonly start?: string;
  readonly increment?: string;
  readonly minValue?: string;
  readonly maxValue?: string;
  readonly cache?: string;
  readonly cycle?: boolean;
}

export interface PrimaryKey {
  readonly name: string;
  readonly columns: readonly string[];
  /** Non-key columns stored in the constraint's index (INCLUDE). */
  readonly include?: readonly string[];
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
  readonly comment?: string;
  /** Dialect-specific properties (SQL Server: `clustered`, `notForReplication`, `disabled`, `notTrusted`; Oracle: `state`, `DISABLE` or `ENABLE NOVALIDATE`). */
  readonly extras?: Extras;
}

export interface UniqueConstraint {
  readonly name: string;
  readonly columns: readonly string[];
  readonly include?: readonly string[];
  readonly nullsNotDistinct?: boolean;
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
  readonly comment?: string;
  /** Dialect-specific properties (SQL Server: `clustered`, `notForReplication`, `disabled`, `notTrusted`; Oracle: `state`, `DISABLE` or `ENABLE NOVALIDATE`). */
  readonly extras?: Extras;
}

export interface CheckConstraint {
  readonly name: string;
  /** Canonical boolean expression, without the surrounding `CHECK (...)`. */
  readonly expression: string;
  readonly noInherit?: boolean;
  readonly comment?: string;
  /** Dialect-specific properties (SQL Server: `clustered`, `notForReplication`, `disabled`, `notTrusted`; Oracle: `state`, `DISABLE` or `ENABLE NOVALIDATE`). */
  readonly extras?: Extras;
}

export type ReferentialAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';

export interface ForeignKey {
  readonly name: string;
  readonly columns: readonly string[];
  readonly referencedSchema: string;
  readonly referencedTable: string;
  readonly referencedColumns: readonly string[];
  readonly onUpdate: ReferentialAction;
  readonly onDelete: ReferentialAction;
  /** The columns an ON DELETE SET NULL / SET DEFAULT sets (all referencing columns when absent). */
  readonly onDeleteColumns?: readonly string[];
  readonly match?: 'FULL' | 'PARTIAL' | 'SIMPLE';
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
  readonly comment?: string;
  /** Dialect-specific properties (SQL Server: `clustered`, `notForReplication`, `disabled`, `notTrusted`; Oracle: `state`, `DISABLE` or `ENABLE NOVALIDATE`). */
  readonly extras?: Extras;
}

export interface Index {
  readonly name: string;
  readonly unique: boolean;
  /** Access method, e.g. `btree`, `gin`, `hash`. */
  readonly method: string;
  /** Key parts in order: a quoted column name or a parenthesized expression, with opclass/order. */
  readonly keys: readonly string[];
  readonly include?: readonly string[];
  /** Partial index predicate, canonical form. */
  readonly where?: string;
  readonly nullsNotDistinct?: boolean;
  readonly comment?: string;
  readonly extras?: Extras;
}

export interface Trigger {
  readonly name: string;
  readonly timing: 'BEFORE' | 'AFTER' | 'INSTEAD OF';
  /** Sorted event list: `INSERT`, `UPDATE`, `UPDATE OF a, b`, `DELETE`, `TRUNCATE`. */
  readonly events: readonly string[];
  readonly level: 'ROW' | 'STATEMENT';
  readonly when?: string;
  /** The full canonical CREATE TRIGGER statement as the server prints it. */
  readonly definition: string;
  readonly enabled?: boolean;
  readonly comment?: string;
}

/**
 * A row-level security policy of a table (PostgreSQL CREATE POLICY). Expressions are canonical SQL
 * text without the parentheses USING (...) and WITH CHECK (...) put around them.
 */
export interface Policy {
  readonly name: string;
  readonly command: 'ALL' | 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';
  /** False for AS RESTRICTIVE. */
  readonly permissive: boolean;
  /** Role names (not quoted) or `PUBLIC`, sorted. */
  readonly roles: readonly string[];
  readonly using?: string;
  readonly withCheck?: string;
  readonly comment?: string;
}

/** The table a partition belongs to and the values it holds. */
export interface PartitionOf {
  readonly schema: string;
  readonly table: string;
  /** As the server prints it: `FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`, `FOR VALUES IN (1, 2)`, `DEFAULT`. */
  readonly bound: string;
}

/** A partition of a MySQL/MariaDB table (`PARTITION p2024 VALUES LESS THAN (2025) COMMENT 'x'`). */
export interface TablePartition {
  readonly name: string;
  /**
   * The bound as the server prints it, canonical: `LESS THAN (2025)`, `LESS THAN MAXVALUE`,
   * `LESS THAN ('2024-01-01',MAXVALUE)` (RANGE [COLUMNS]); `IN (NULL,1,2)` (LIST [COLUMNS]). Absent for
   * HASH and KEY partitions.
   */
  readonly values?: string;
  readonly comment?: string;
  /** Subpartition names in order, when the table has `subpartitionBy`. */
  readonly subpartitions?: readonly string[];
}
