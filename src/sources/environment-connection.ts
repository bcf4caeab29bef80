/**
 * A configured environment's connection settings and schemas, from the dialects' identities only
 * (identities.ts): `dataDiff` reads its environments without loading any dialect's schema side.
 */
import type { EnvironmentConfig, ParityConfig } from '../config/config.js';
import type { ConnectionSettings } from '../config/connection.js';
import { parseDatabaseUrl } from '../config/url.js';
import type { DialectIdentity } from '../dialects/dialect.js';
import { DIALECT_IDENTITIES, identityByName } from '../dialects/identities.js';

/** Connection settings of an environment: its URL, with `user`/`password` settings taking precedence. */
export function environmentConnection(config: ParityConfig, environment: EnvironmentConfig): ConnectionSettings {
  const where = `${environment.definedIn}: environments.${environment.name}.url`;
  const fromUrl = parseDatabaseUrl(environment.url ?? '', DIALECT_IDENTITIES, where);
  return {
    ...fromUrl,
    ...(environment.user !== undefined ? { user: environment.user } : {}),
    ...(environment.password !== undefined ? { password: environment.password } : {}),
  };
}

/** The one schema a URL names (MySQL: its database; PostgreSQL: `currentSchema`), if any. */
export function schemaNamedByUrl(dialect: DialectIdentity, connection: ConnectionSettings): string | undefined {
  return dialect.schemaNamedByUrl?.(connection);
}

/**
 * The schemas of an environment: its own, else `[flyway] schemas`, else the one its URL names, else
 * the dialect's default.
 */
export function environmentSchemas(config: ParityConfig, environment: EnvironmentConfig, connection: ConnectionSettings): readonly string[] {
  if (environment.schemas.length > 0) return environment.schemas;
  if (config.migrations.schemas.length > 0) return config.migrations.schemas;
  const dialect = identityByName(connection.dialect);
  const named = schemaNamedByUrl(dialect, connection);
  return named !== undefined ? [named] : dialect.defaultSchemas;
}
