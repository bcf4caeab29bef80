/**
 * `schemaModel`: the folder `[flyway] schemaModelLocation` names (default `schema-models/`), read by
 * the dialect as a database holding its objects would be introspected. A missing folder is an error
 * naming it; an empty one is an empty model (and needs no server). With `-buildEnvironment=NAME` the
 * folder is read in a scratch database on that environment's server; without, a dialect with a
 * throwaway server of its own (PostgreSQL's embedded one) uses it, and one without
 * (`SchemaModelSupport.needsBuildEnvironment`) says what to configure.
 */
import type { SideInfo } from '../artifact/artifact.js';
import { getEnvironment } from '../config/config.js';
import type { ConnectionSettings } from '../config/connection.js';
import type { Dialect } from '../dialects/dialect.js';
import { dialectByName } from '../dialects/registry.js';
import { ParityError } from '../errors.js';
import { readSchemaModelFiles, schemaModelFolder } from '../schema-model/folder.js';
import { buildEnvironmentHint } from './build-source.js';
import { environmentConnection } from './environment-connection.js';
import { projectDialect } from './project-dialect.js';
import { emptyModel, type LoadedSource, type SourceContext } from './source.js';

/**
 * The build environment's connection when one is named (`-buildEnvironment`); none named: undefined,
 * or, for a dialect that needs one, the error saying what to configure.
 */
function buildConnection(dialect: Dialect, setting: string, context: SourceContext): ConnectionSettings | undefined {
  const name = context.build?.buildEnvironment;
  if (name === undefined) {
    if (!dialect.schemaModel?.needsBuildEnvironment) return undefined;
    throw new ParityError('CONFIG_ERROR', `reading a ${dialect.displayName} schema model needs a ${dialect.displayName} server: ${buildEnvironmentHint(dialect)}`, { where: setting });
  }
  const environment = getEnvironment(context.config, name, '-buildEnvironment');
  const connection = environmentConnection(context.config, environment);
  if (connection.dialect !== dialect.name) {
    throw new ParityError(
      'CONFIG_ERROR',
      `build environment "${name}" is a ${dialectByName(connection.dialect).displayName} database, but the schema model is ${dialect.displayName}`,
      { where: `${environment.definedIn}: environments.${name}.url` },
    );
  }
  return connection;
}

export async function loadSchemaModelSource(text: string, setting: string, context: SourceContext): Promise<LoadedSource> {
  const dialect = projectDialect(context.config);
  if (!dialect.schemaModel) throw new ParityError('UNSUPPORTED', `this version of parity reads no ${dialect.displayName} schema models`, { where: setting });
  const folder = schemaModelFolder(context.config);
  const files = readSchemaModelFiles(folder);
  context.onProgress?.(`reading schema model ${folder.shown} (${files.length} files)`);
  let model = emptyModel(dialect.name);
  if (files.length > 0) {
    const server = buildConnection(dialect, setting, context);
    model = await dialect.schemaModel.readSqlFiles(files, {
      schemas: context.config.schemaModelSchemas,
      ...(context.unqualified ? { unqualified: true } : {}),
      ...(context.includePrivileges ? { privileges: true } : {}),
      ...(context.onProgress ? { onProgress: context.onProgress } : {}),
      ...(server ? { buildConnection: server } : {}),
      ...(context.tempDirectory !== undefined ? { tempDirectory: context.tempDirectory } : {}),
    });
  }
  const side: SideInfo = { spec: text, type: 'schemaModel', description: `schema model ${folder.shown}`, preparationInfo: null };
  return { model, side };
}
