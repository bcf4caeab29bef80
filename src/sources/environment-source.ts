/** A live database named by a configured environment, read in a READ ONLY transaction. */
import type { SideInfo } from '../artifact/artifact.js';
import { getEnvironment, type ParityConfig, type EnvironmentConfig } from '../config/config.js';
import { describeConnection, type ConnectionSettings } from '../config/connection.js';
import { parseDatabaseUrl } from '../config/url.js';
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

export async function loadEnvironmentSource(name: string, setting: string, context: SourceContext): Promise<LoadedSource> {
  const environment = getEnvironment(context.config, name, setting);
  const connection = environmentConnection(context.config, environment);
  const dialect = dialectByName(connection.dialect);
  const schemas = environment.schemas.length > 0 ? environment.schemas : dialect.defaultSchemas;
  context.onProgress?.(`reading ${name} (${describeConnection(connection)})`);
  const model = await dialect.introspect(connection, {
    schemas,
    ...(context.onProgress ? { onProgress: context.onProgress } : {}),
  });
  const side: SideInfo = {
    spec: name,
    type: 'environment',
    description: `environment ${name} (${describeConnection(connection)})`,
    preparationInfo: null,
  };
  return { model, side };
}
