/**
 * The snapshot history table: where `migrate -saveSnapshot=true` keeps the model of the database it
 * just migrated, next to the schema history table (in the same schema), for `check -drift` to compare
 * the database with later. Flyway keeps its snapshots in `flyway_snapshot_history` in the default
 * schema; parity's rows hold parity's JSON snapshot (artifact/snapshot.ts), which Flyway cannot read,
 * so the table has a name of its own. Only the newest snapshot is kept (Flyway's default history limit).
 */

export const SNAPSHOT_HISTORY_TABLE = 'parity_snapshot_history';

/** One saved snapshot. */
export interface SavedSnapshot {
  /** The schema version the database was at when the snapshot was taken (null: none yet). */
  readonly version: string | null;
  /** The snapshot file's text (stable JSON). */
  readonly snapshot: string;
  readonly installedBy: string;
  /** ISO-8601 time as the database recorded it (UTC). */
  readonly installedOn: string;
}

export type NewSavedSnapshot = Omit<SavedSnapshot, 'installedOn'>;
