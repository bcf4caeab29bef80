/**
 * `schemaModel`: the folder `[flyway] schemaModelLocation` names (default `schema-models/`), read by
 * the dialect as a database holding its objects would be introspected. A missing folder is an error
 * naming it; an empty one is an empty model (and needs no server).
 */
import type { SideInfo } from '../artifact/artifact.js';
import { DIALECTS } from '../dialects/registry.js';
import { ParityError } from '../errors.js';
import { readSchemaModelFiles, schemaModelFolder } from '../schema-model/folder.js';
import { emptyModel, type LoadedSource, type SourceContext } from './source.js';

export async function loadSchemaModelSource(text: string, setting: string, context: SourceContext): Promise<LoadedSource> {
  // A folder does not say which dialect it is written for: the first dialect with schema models reads it.
  const dialect = DIALECTS.find((d) => d.schemaModel !== undefined);
  if (!dialect?.schemaModel) throw new ParityError('UNSUPPORTED', 'no dialect in this version of parity reads schema models', { where: setting });
  const folder = schemaModelFolder(context.config);
  const files = readSchemaModelFiles(folder);
  context.onProgress?.(`reading schema model ${folder.shown} (${files.length} files)`);
  const model =
    files.length === 0
      ? emptyModel(dialect.name)
      : await dialect.schemaModel.readSqlFiles(files, {
          schemas: context.config.schemaModelSchemas,
          ...(context.onProgress ? { onProgress: context.onProgress } : {}),
        });
  const side: SideInfo = { spec: text, type: 'schemaModel', description: `schema model ${folder.shown}`, preparationInfo: null };
  return { model, side };
}
