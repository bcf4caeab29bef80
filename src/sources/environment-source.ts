/** A live database named by a configured environment, read in a READ ONLY transaction. */
import type { SideInfo } from '../artifact/artifact.js';
import { getEnvironment, type ParityConfig, type EnvironmentConfig } from '../config/config.js';
import { describeConnection, type ConnectionSettings } from '../config/connection.js';
import { parseDatabaseUrl } from '../config/url.js';
import type { Dialect } from '../dialects/dialect.js';
import { dialectByName, DIALECTS } from '../dialects/registry.js';
import type { LoadedSource, SourceContext } from './source.js';

/** Connection settings of an environment: its URL, with `user`/`password` settings taking precedence. */
export function environmentConnection(config: ParityConfig, environment: EnvironmentConfig): ConnectionSettings {
  const where = `${environment.definedIn}: environments.${environment.name}.url`;
  const fromUrl = parseDatabaseUrl(environment.url ?? '', DIALECTS, where);
  return {
    ...fromUrl,
    ...(environment.user !== undefined ? { user: environment.user } : {}),
    ...(environment.password !== undefined ? { password: environment.password } : {}),
  };
}

/** The one schema a URL names (MySQL: its database; PostgreSQL: `currentSchema`), if any. */
export function schemaNamedByUrl(dialect: Dialect, connection: ConnectionSettings): string | undefined {
  return dialect.schemaNamedByUrl?.(connection);
}

/**
 * The schemas of an environment: its own, else `[flyway] schemas`, else the one its URL names, else
 * the dialect's default.
 */
export function environmentSchemas(config: ParityConfig, environment: EnvironmentConfig, connection: ConnectionSettings): readonly string[] {
  if (environment.schemas.length > 0) return environment.schemas;
  if (config.migrations.schemas.length > 0) return config.migrations.schemas;
  const dialect = dialectByName(connection.dialect);
  const named = schemaNamedByUrl(dialect, connection);
  return named !== undefined ? [named] : dialect.defaultSchemas;
}

export async function loadEnvironmentSource(name: string, setting: string, context: SourceContext): Promise<LoadedSource> {
  const environment = getEnvironment(context.config, name, setting);
  const connection = environmentConnection(context.config, environment);
  const dialect = dialectByName(connection.dialect);
  const schemas = environmentSchemas(context.config, environment, connection);
  context.onProgress?.(`reading ${name} (${describeConnection(connection)})`);
  const model = await dialect.introspect(connection, {
    schemas,
    ...(context.onProgress ? { onProgress: context.onProgress } : {}),
    ...(context.unqualified ? { unqualified: true } : {}),
    ...(context.includePrivileges ? { privileges: true } : {}),
  });
  const side: SideInfo = {
    spec: name,
    type: 'environment',
    description: `environment ${name} (${describeConnection(connection)})`,
    preparationInfo: null,
  };
  return { model, side };
}
