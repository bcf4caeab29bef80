/** `parity model [-artifactFilename=F] [-changes=ID,...]`: apply a diff's changes to the schema-model folder. */
import { readArtifact } from '../artifact/artifact.js';
import { filterArtifactChanges, selectChanges } from '../artifact/select-changes.js';
import { dialectByName } from '../dialects/registry.js';
import { ParityError } from '../errors.js';
import { modelJson, modelTable } from '../output/model-report.js';
import { stableJsonOutput } from '../output/json-output.js';
import { schemaModelFolder } from '../schema-model/folder.js';
import { updateSchemaModel } from '../schema-model/writer.js';
import { DEFAULT_ARTIFACT_HELP, artifactPath, type CommandSpec } from './command.js';
import { FILTER_OPTIONS, objectFilter } from './source-options.js';

export const modelCommand: CommandSpec = {
  name: 'model',
  describe: 'Apply the changes of a diff artifact to the schema-model folder (the diff target)',
  examples: [
    'parity diff -source=dev -target=schemaModel -artifactFilename=out/b.artifact',
    'parity model -artifactFilename=out/b.artifact -changes=ID1,ID2',
  ],
  options: {
    artifactFilename: { type: 'string', describe: `The diff artifact to read (${DEFAULT_ARTIFACT_HELP})` },
    changes: { type: 'string', describe: 'Comma-separated change IDs to apply (default: all)' },
    ...FILTER_OPTIONS,
  },
  async run(context) {
    const config = context.config();
    const artifactFile = artifactPath(context, 'read');
    const artifact = readArtifact(artifactFile);
    // The folder takes the target's place: only a diff whose target is the schema model (or empty,
    // to start a folder from a database) says how to change it.
    if (artifact.target.type !== 'schemaModel' && artifact.target.type !== 'empty') {
      throw new ParityError(
        'INVALID_ARGUMENT',
        `model applies a diff to the schema model as its target, but this artifact's target is ${artifact.target.description}; run parity diff -source=${artifact.source.spec} -target=schemaModel first`,
        { where: artifactFile },
      );
    }
    const selected = selectChanges(artifact, typeof context.args['changes'] === 'string' ? context.args['changes'] : undefined, artifactFile);
    const filter = objectFilter(context);
    const changes = filter ? filterArtifactChanges(artifact, selected, filter) : selected;
    const result = await updateSchemaModel(schemaModelFolder(config), changes, dialectByName(artifact.dialect));
    context.output.endProgress();
    context.output.result(context.global.outputType === 'json' ? stableJsonOutput(modelJson(result)) : modelTable(result));
    return 0;
  },
};
