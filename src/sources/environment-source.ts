/** A live database named by a configured environment, read in a READ ONLY transaction. */
import type { SideInfo } from '../artifact/artifact.js';
import { getEnvironment } from '../config/config.js';
import { describeConnection } from '../config/connection.js';
import { dialectByName } from '../dialects/registry.js';
import { environmentConnection, environmentSchemas } from './environment-connection.js';
import type { LoadedSource, SourceContext } from './source.js';

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
