/** `parity snapshot -source=dev -filename=snapshots/dev.json`: save a model as stable JSON. */
import path from 'node:path';
import { writeSnapshot } from '../artifact/snapshot.js';
import { ParityError } from '../errors.js';
import { stableJsonOutput } from '../output/json-output.js';
import { loadSource } from '../sources/load-sources.js';
import { requireString, type CommandSpec } from './command.js';
import { SOURCE_OPTIONS, sourceContext } from './source-options.js';

export const snapshotCommand: CommandSpec = {
  name: 'snapshot',
  describe: 'Save the model of a comparison source as a JSON snapshot',
  examples: [
    'parity snapshot -source=prod -filename=snapshots/prod.json',
    'parity snapshot -source=schemaModel -filename=snapshots/model.json',
  ],
  options: {
    source: { type: 'string', describe: 'What to snapshot: environment name, snapshot:PATH, schemaModel or migrations (default: -environment)' },
    filename: { type: 'string', describe: 'The snapshot file to write' },
    ...SOURCE_OPTIONS,
    snapshotSchemas: { type: 'string', describe: 'Comma-separated schemas of the source to write, and only those (default: all it holds)' },
  },
  async run(context) {
    const config = context.config();
    const sourceArg = context.args['source'];
    const sourceText = typeof sourceArg === 'string' && sourceArg.trim() !== '' ? sourceArg : config.defaultEnvironment;
    if (sourceText === undefined) {
      throw new ParityError('INVALID_ARGUMENT', 'missing required parameter -source (or -environment)', { where: 'parity snapshot' });
    }
    const file = path.resolve(config.workingDirectory, requireString(context, 'filename', 'snapshot'));
    const loaded = await loadSource(sourceText, '-source', sourceContext(context, { configuredSnapshotSchemas: false }));
    writeSnapshot(file, loaded.model);
    context.output.endProgress();
    if (context.global.outputType === 'json') {
      context.output.result(stableJsonOutput({ snapshotFilename: file, source: loaded.side.description, schemas: loaded.model.schemas, objects: loaded.model.objects.length }));
    } else {
      context.output.result(`snapshot generated: ${file} (${loaded.model.objects.length} objects from ${loaded.side.description})`);
    }
    return 0;
  },
};
