/** `snapshot:PATH`: a model saved by `parity snapshot`, read (and validated) from the file. */
import path from 'node:path';
import { readSnapshot } from '../artifact/snapshot.js';
import type { LoadedSource, SourceContext } from './source.js';

export function loadSnapshotSource(file: string, text: string, context: SourceContext): LoadedSource {
  context.onProgress?.(`reading snapshot ${file}`);
  const model = readSnapshot(path.resolve(context.config.workingDirectory, file));
  return { model, side: { spec: text, type: 'snapshot', description: `snapshot ${file}`, preparationInfo: null } };
}
