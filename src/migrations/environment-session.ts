/**
 * The pieces every migration command needs for one configured environment: its connection and
 * dialect, the schemas it manages (its own `schemas`, else `[flyway] schemas`, else the dialect's
 * default), a session on it that is always closed, and the migrate options the configuration gives.
 */
import type { EnvironmentConfig, ParityConfig } from '../config/config.js';
import type { ConnectionSettings } from '../config/connection.js';
import type { Dialect } from '../dialects/dialect.js';
import { dialectByName } from '../dialects/registry.js';
import { ParityError } from '../errors.js';
import { environmentConnection, environmentSchemas } from '../sources/environment-connection.js';
import type { MigrateOptions } from './migrator.js';
import type { PlanOptions } from './migration-plan.js';
import type { MigrateSession, MigrateSupport } from './schema-history.js';

export interface MigrationTarget {
  readonly name: string;
  readonly environment?: EnvironmentConfig;
  readonly connection: ConnectionSettings;
  readonly dialect: Dialect;
  readonly migrateSupport: MigrateSupport;
  /** Schemas the history belongs to; empty: the connection's default schema. */
  readonly schemas: readonly string[];
}

export function migrateSupportOf(dialect: Dialect, where: string): MigrateSupport {
  if (!dialect.migrate) throw new ParityError('UNSUPPORTED', `parity cannot run migrations on ${dialect.displayName} yet`, { where });
  return dialect.migrate;
}

export function migrationTarget(config: ParityConfig, environment: EnvironmentConfig, where: string): MigrationTarget {
  const connection = environmentConnection(config, environment);
  const dialect = dialectByName(connection.dialect);
  return {
    name: environment.name,
    environment,
    connection,
    dialect,
    migrateSupport: migrateSupportOf(dialect, where),
    schemas: environmentSchemas(config, environment, connection),
  };
}

/** Runs `fn` with a session on `target`; `readOnly`: one in which the server refuses every write. */
export async function withMigrateSession<T>(config: ParityConfig, target: MigrationTarget, fn: (session: MigrateSession) => Promise<T>, options: { readonly readOnly?: boolean } = {}): Promise<T> {
  const session = await target.migrateSupport.open(target.connection, {
    ...(options.readOnly ? { readOnly: true } : {}),
    schemas: target.schemas,
    ...(config.migrations.defaultSchema !== undefined ? { defaultSchema: config.migrations.defaultSchema } : {}),
    table: config.migrations.table,
    mixed: config.migrations.mixed,
  });
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}

export function migrateOptions(config: ParityConfig, target: MigrationTarget, plan: PlanOptions, onProgress?: (message: string) => void): MigrateOptions {
  return {
    ...plan,
    schemas: target.schemas,
    table: config.migrations.table,
    placeholders: config.migrations.placeholders,
    placeholderReplacement: config.migrations.placeholderReplacement,
    environment: target.name,
    database: target.connection.database,
    ...(onProgress ? { onProgress } : {}),
  };
}
