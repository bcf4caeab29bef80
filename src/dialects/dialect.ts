import type { ConnectionSettings } from '../config/connection.js';
import type { DatabaseModel, DialectName, SchemaObject } from '../model/objects.js';

export interface IntrospectOptions {
  /** Schemas to read; empty means the dialect's default (PostgreSQL: `public`). */
  readonly schemas: readonly string[];
  /** Called with short progress messages for long work (the CLI shows them on a terminal). */
  readonly onProgress?: (message: string) => void;
}

/**
 * A database dialect as a plug-in. Shared code talks to dialects only through this interface;
 * capability differences are properties here, never `if (dialect === ...)` elsewhere.
 */
export interface Dialect {
  readonly name: DialectName;
  /** Human name for messages and the README: `PostgreSQL`. */
  readonly displayName: string;
  /** URL schemes this dialect answers to, native and JDBC (`postgresql`, `postgres`). */
  readonly urlSchemes: readonly string[];
  readonly defaultPort: number;
  /** Schemas read when an environment names none. */
  readonly defaultSchemas: readonly string[];
  /**
   * Reads the schemas of a live database in one READ ONLY transaction, with set-based catalog
   * queries, and returns the normalized model.
   */
  introspect(connection: ConnectionSettings, options: IntrospectOptions): Promise<DatabaseModel>;
  /** Canonical DDL that creates `object` (all its parts included), used as the object's definition. */
  renderCreate(object: SchemaObject): string;
}
