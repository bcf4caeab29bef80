/** The `model` command's output: which schema-model files were added, updated or deleted. */
import { OBJECT_TYPE_LABELS } from '../model/labels.js';
import { asciiTable } from './ascii-table.js';
import type { ModelUpdateResult } from '../schema-model/writer.js';

function counts(result: ModelUpdateResult): string {
  const count = (action: string) => result.files.filter((f) => f.action === action).length;
  return `${count('added')} added, ${count('updated')} updated, ${count('deleted')} deleted, ${count('unchanged')} unchanged`;
}

export function modelTable(result: ModelUpdateResult): string {
  if (result.files.length === 0) return `schema model ${result.folder.absolute}: no changes to apply`;
  const rows = result.files.map((file) => [file.action, file.file, OBJECT_TYPE_LABELS[file.objectKind], file.schema, file.name]);
  const table = asciiTable(['Action', 'File', 'Object Type', 'Schema', 'Name'], rows);
  return `schema model updated: ${result.folder.absolute} (${counts(result)})\n${table}`;
}

export interface ModelJson {
  readonly schemaModelLocation: string;
  readonly files: ReadonlyArray<{
    readonly action: string;
    readonly file: string;
    readonly changeId: string;
    readonly objectType: string;
    readonly schema: string;
    readonly name: string;
  }>;
}

export function modelJson(result: ModelUpdateResult): ModelJson {
  return {
    schemaModelLocation: result.folder.absolute,
    files: result.files.map((f) => ({
      action: f.action,
      file: f.file,
      changeId: f.changeId,
      objectType: OBJECT_TYPE_LABELS[f.objectKind],
      schema: f.schema,
      name: f.name,
    })),
  };
}
