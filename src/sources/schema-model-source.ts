/**
 * `schemaModel`: the folder `[flyway] schemaModelLocation` names (default `schema-models/`), read by
 * the dialect as a database holding its objects would be introspected. A missing folder is an error
 * naming it; an empty one is an empty model (and needs no server).
 */
import type { SideInfo } from '../artifact/artifact.js';
import { ParityError } from '../errors.js';
import { readSchemaModelFiles, schemaModelFolder } from '../schema-model/folder.js';
import { projectDialect } from './project-dialect.js';
import { emptyModel, type LoadedSource, type SourceContext } from './source.js';

export async function loadSchemaModelSource(text: string, setting: string, context: SourceContext): Promise<LoadedSource> {
  const dialect = projectDialect(context.config);
  if (!dialect.schemaModel) throw new ParityError('UNSUPPORTED', `this version of parity reads no ${dialect.displayName} schema models`, { where: setting });
  const folder = schemaModelFolder(context.config);
  const files = readSchemaModelFiles(folder);
  context.onProgress?.(`reading schema model ${folder.shown} (${files.length} files)`);
  const model =
    files.length === 0
      ? emptyModel(dialect.name)
      : await dialect.schemaModel.readSqlFiles(files, {
          schemas: context.config.schemaModelSchemas,
          ...(context.unqualified ? { unqualified: true } : {}),
          ...(context.onProgress ? { onProgress: context.onProgress } : {}),
        });
  const side: SideInfo = { spec: text, type: 'schemaModel', description: `schema model ${folder.shown}`, preparationInfo: null };
  return { model, side };
}
