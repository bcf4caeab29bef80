/** `parity diffText -artifactFilename=F [-changes=ID,...]`: unified diffs of changed objects' DDL. */
import { readArtifact } from '../artifact/artifact.js';
import { selectChanges } from '../artifact/select-changes.js';
import { stableJsonOutput } from '../output/json-output.js';
import { changeTextDiff, renderTextDiffs } from '../output/text-diff.js';
import { DEFAULT_ARTIFACT_HELP, artifactPath, type CommandSpec } from './command.js';

export const diffTextCommand: CommandSpec = {
  name: 'diffText',
  describe: 'Show a unified text diff of each changed object from a diff artifact',
  examples: [
    'parity diffText -artifactFilename=out/a.artifact',
    'parity diffText -artifactFilename=out/a.artifact -changes=ID1,ID2 -outputType=json',
  ],
  options: {
    artifactFilename: { type: 'string', describe: `The diff artifact to read (${DEFAULT_ARTIFACT_HELP})` },
    changes: { type: 'string', describe: 'Comma-separated change IDs (default: all changes)' },
  },
  async run(context) {
    const file = artifactPath(context, 'read');
    const artifact = readArtifact(file);
    const changesArg = context.args['changes'];
    const changes = selectChanges(artifact, typeof changesArg === 'string' ? changesArg : undefined, file);
    const labels = { source: artifact.source.description, target: artifact.target.description };
    const diffs = changes.map((change) => changeTextDiff(change, labels));
    if (context.global.outputType === 'json') context.output.result(stableJsonOutput({ differences: diffs }));
    else context.output.result(renderTextDiffs(diffs, context.output.color));
    return 0;
  },
};
