/**
 * What every dialect's migrate session (src/dialects/<dialect>/<dialect>-migrate.ts) holds: the
 * connection's settings (for error messages without the password), the session options, the user
 * and the schema of the history table; the history table's qualified name in the dialect's quoting;
 * and `guarded`, which turns a driver's failure into the dialect's one-line ParityError.
 */
import type { ConnectionSettings } from '../config/connection.js';
import type { MigrateSessionOptions } from './schema-history.js';

/** The two dialect functions every session needs. */
export interface SessionDialect {
  /** `schema.table` quoted as the dialect quotes names. */
  qualifiedName(schema: string, table: string): string;
  /** A driver's error as the dialect's ParityError (passwords scrubbed). */
  toParityError(error: unknown, settings: ConnectionSettings): unknown;
}

export abstract class MigrateSessionBase {
  constructor(
    private readonly dialect: SessionDialect,
    protected readonly settings: ConnectionSettings,
    protected readonly options: MigrateSessionOptions,
    /** The connected user: the `installed_by` of new rows. */
    readonly user: string,
    /** Schema that holds the history table. */
    readonly historySchema: string,
  ) {}

  /** The history table, qualified. */
  protected get history(): string {
    return this.dialect.qualifiedName(this.historySchema, this.options.table);
  }

  /** Runs a driver call; its failure is thrown as the dialect's ParityError. */
  protected async guarded<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw this.dialect.toParityError(error, this.settings);
    }
  }
}
