/**
 * The order of a migration script: one table of phases, each with the reason it sits where it does.
 * Every statement a dialect renders is tagged with a phase; the planner sorts statements by phase and
 * keeps the order it emitted them in within a phase (dependency order for views, drop-before-create
 * for one object, ...).
 *
 * The shape: first clear the way (drop what blocks a change: triggers, views, foreign keys, tables),
 * then create and alter in dependency order (schemas, extensions, types, sequences, routines, tables,
 * foreign keys, views, triggers, comments), then drop what the new schema no longer uses, now that
 * nothing refers to it any more (routines, sequences, types, extensions, schemas).
 */

export const PHASES = [
  // ---- Clearing the way ----
  // A trigger that changes or goes away is dropped first: it refers to its function, which may be
  // replaced or dropped, and to columns that may change.
  'dropTriggers',
  // Row-level security policies that change or go away, or that read a column that changes: the
  // database refuses to change the type of a column a policy uses.
  'dropPolicies',
  // Views and materialized views that are deleted, recreated, or read something altered in a way the
  // database refuses while views depend on it (column type change, column drop, view replaced by
  // DROP + CREATE, routine replaced by DROP + CREATE). Readers first: reverse dependency order.
  'dropViews',
  // Foreign keys that change or go away, and those of tables that go away: before the tables, columns
  // and unique keys they reference are dropped or changed.
  'dropForeignKeys',
  // A sequence that stays but changes or loses its owner is released first: dropping the owning
  // table or column would otherwise drop the sequence with it.
  'releaseSequenceOwners',
  // Routines whose arguments or result use the row type of a table that goes away: before the table,
  // which cannot be dropped while a routine signature refers to its row type.
  'dropRoutinesBeforeTables',
  // Partitions that leave their parent, move, get a new bound or whose parent is recreated, and
  // inheritance children that leave a parent: detached before the parent is dropped (which would drop
  // a partition with it) or altered (which the partition must not follow), keeping their rows.
  'detachPartitions',
  // Tables only in the target. No foreign key and no view refers to them any more (dropped above);
  // their indexes, triggers, constraints and owned sequences go with them.
  'dropTables',

  // ---- Creating and altering, in dependency order ----
  // Everything else lives in a schema.
  'createSchemas',
  // Default privileges that go away, before the script creates objects that would get them.
  'revokeDefaultPrivileges',
  // Extensions provide types (citext) and functions that types, tables and views use.
  'createExtensions',
  // Enums first among types: domains and composite types may be built on them.
  'createEnums',
  // New enum values, or an enum recreated (value removed or reordered), before tables use them.
  'alterEnums',
  // Domains may be over enums; composite types and tables may use domains.
  'createDomains',
  'alterDomains',
  // Composite types may have enum and domain attributes; tables may have composite columns.
  'createCompositeTypes',
  'alterCompositeTypes',
  // Sequences before the tables whose defaults call nextval().
  'createSequences',
  'alterSequences',
  // Functions that column defaults, generated columns, check constraints or index expressions call
  // must exist before the table is created or altered.
  'createTableRoutines',
  // Tables, without foreign keys (they may reference each other in any order).
  'createTables',
  // Columns, primary keys, unique and check constraints, indexes of tables in both: drops of parts
  // first, then alters, then additions.
  'alterTables',
  // Partitions and inheritance children are created, attached (ATTACH PARTITION, INHERIT) and given
  // their own column defaults once their parents have their final columns, keys and indexes, which
  // the database copies to them.
  'attachPartitions',
  // OWNED BY needs the owning column, which exists now.
  'setSequenceOwners',
  // Other functions and procedures after tables: SQL bodies are checked against the tables they read,
  // and `RETURNS SETOF table` needs the table's row type. Views may call them, so before views.
  'createRoutines',
  // Aggregates after the state and final functions they are built from.
  'createAggregates',
  // Foreign keys once every referenced table and its unique key exist.
  'addForeignKeys',
  // Views and materialized views, in dependency order (a view after the views it reads).
  'createViews',
  // Triggers once their tables or views and their trigger functions exist.
  'createTriggers',
  // Policies once their tables and the functions, tables and views their expressions use exist.
  'createPolicies',
  // Comments once the objects they describe exist.
  'comments',
  // Privileges (and default privileges given) once every object exists: a default privilege given
  // earlier would also reach the objects the script creates.
  'grantPrivileges',

  // ---- Dropping what is no longer used ----
  // Aggregates before the functions they are built from.
  'dropAggregates',
  // After the views that called them were dropped and the defaults and checks that called them changed.
  'dropRoutines',
  // After the defaults that called nextval() changed.
  'dropSequences',
  // Types after the columns, attributes and routines that used them changed or went away; composite
  // types and domains before the enums and domains they are built on.
  'dropCompositeTypes',
  'dropDomains',
  'dropEnums',
  // Extensions after every object that used their types and functions.
  'dropExtensions',
  // Schemas last, when they are empty (never CASCADE: that would drop what the diff did not list).
  'dropSchemas',
] as const;

export type Phase = (typeof PHASES)[number];

const PHASE_INDEX: ReadonlyMap<Phase, number> = new Map(PHASES.map((phase, index) => [phase, index]));

/** The position of a phase in the script (smaller runs earlier). */
export function phaseIndex(phase: Phase): number {
  const index = PHASE_INDEX.get(phase);
  if (index === undefined) throw new Error(`unknown migration phase ${phase}`);
  return index;
}
