/**
 * What the shared migration planner asks of a dialect: statements for creating, dropping and altering
 * one object, each tagged with the phase it belongs to (change-order.ts), and two questions about
 * dependents. Dialects implement this as `Dialect.migration`; shared code never checks which dialect
 * it talks to.
 */
import type { DependentObjects } from '../artifact/artifact.js';
import type { Change } from '../diff/changes.js';
import type { MaterializedView, SchemaObject, View } from '../model/objects.js';
import type { Phase } from './change-order.js';

export interface MigrationStep {
  readonly phase: Phase;
  /** One statement, without its terminator (the script adds terminators in one place). */
  readonly sql: string;
  /**
   * Set when the statement can lose data (drops a table or column, narrows a type, recreates a type
   * whose values went away): a short description, written as a warning comment above the statement
   * and listed on stderr.
   */
  readonly destructive?: string;
  /**
   * Set when the statement holds `;` of its own (a MySQL stored program with a compound body, a
   * PL/SQL block): a hint for the dialect's `terminate`, which decides how such a step is written
   * (MySQL: between `DELIMITER` lines; Oracle: followed by `/`).
   */
  readonly ownTerminators?: boolean;
}

export interface PreambleStatement {
  readonly sql: string;
  readonly reason: string;
}

export interface MigrationContext {
  /** Every change in the script (for an undo script: the inverted changes). */
  readonly changes: readonly Change[];
  /** The artifact's dependent objects of each side (for an undo script: swapped). */
  readonly dependentObjects?: DependentObjects;
}

/** Objects whose definition reads other objects and that are dropped and recreated around changes. */
export type DependentObject = View | MaterializedView;

export interface MigrationRenderer {
  /**
   * The text of one step in a script, terminator included: terminators are chosen per step, in this
   * one place (PostgreSQL: `sql;`; MySQL: `sql;`, or a compound body between `DELIMITER` lines;
   * SQL Server: the statement as a batch, `GO` on the next line; Oracle: `sql;`, or a PL/SQL block
   * followed by `/`). Also writes the preamble's statements. Default: `sql;` (`terminateStatement`).
   */
  terminate?(step: Pick<MigrationStep, 'sql' | 'ownTerminators'>): string;
  /**
   * True when DDL is transactional, so a migration tool that runs the script in one transaction
   * applies all of it or nothing (the script header says which).
   */
  readonly transactionalDdl: boolean;
  /**
   * Statements to put at the top of a script with these steps, before them (session settings the
   * script relies on), each with the reason, written as a comment line above it.
   */
  preamble(steps: readonly MigrationStep[]): PreambleStatement[];
  /** Statements that create `object` with all its parts (indexes, constraints, triggers, comments). */
  create(object: SchemaObject, context: MigrationContext): MigrationStep[];
  /** Statements that drop `object` (its parts go with it). */
  drop(object: SchemaObject, context: MigrationContext): MigrationStep[];
  /**
   * Statements that turn the change's target object into its source object (an `Edit`), with
   * part-level ALTERs where the database allows them. Not called for views and materialized views
   * whose `alterKeepsDependents` is false: the planner drops and recreates those itself.
   */
  alter(change: Change, context: MigrationContext): MigrationStep[];
  /**
   * Whether `alter(change)` leaves the views that read the object valid. When false, every view and
   * materialized view that reads it, directly or through other views, is dropped before and
   * recreated after; for a view or materialized view it also means "replace by DROP + CREATE".
   */
  alterKeepsDependents(change: Change, context: MigrationContext): boolean;
  /**
   * Objects (by schema and name) that must be created before `object` although the phase order puts
   * them in the same phase: a composite type's attribute types, a domain's base type, a parent table.
   * Among the objects a script creates, the planner creates these first (and alters them first, among
   * the objects it alters). For a table, the tables named are its parents, whose related tables the
   * diff keeps in the artifact (diff/compare.ts). Optional: none by default.
   */
  createdBefore?(object: SchemaObject): readonly { readonly schema: string; readonly name: string }[];
  /**
   * Whether `dependent` reads `object` in a way its `dependsOn` list does not show (it calls the
   * routine, casts to the type). Relations are matched through `dependsOn` by the planner.
   */
  reads(dependent: DependentObject, object: SchemaObject): boolean;
}

/** A step as the dialect terminates it (MigrationRenderer.terminate; default `sql;`). */
export function terminateStatement(migration: MigrationRenderer, step: Pick<MigrationStep, 'sql' | 'ownTerminators'>): string {
  return migration.terminate ? migration.terminate(step) : `${step.sql};`;
}
