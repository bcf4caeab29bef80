/**
 * What every dialect's migrate session (src/dialects/<dialect>/<dialect>-migrate.ts) holds: the
 * connection's settings (for error messages without the password), the session options, the user
 * and the schema of the history table, and the history table's qualified name in the dialect's quoting.
 */
import type { ConnectionSettings } from '../config/connection.js';
import type { MigrateSessionOptions } from './schema-history.js';

export abstract class MigrateSessionBase {
  constructor(
    protected readonly settings: ConnectionSettings,
    protected readonly options: MigrateSessionOptions,
    /** The connected user: the `installed_by` of new rows. */
    readonly user: string,
    /** Schema that holds the history table. */
    readonly historySchema: string,
  ) {}

  /** `schema.table` quoted as the dialect quotes names. */
  protected abstract qualifiedName(schema: string, table: string): string;

  /** The history table, qualified. */
  protected get history(): string {
    return this.qualifiedName(this.historySchema, this.options.table);
  }
}
