/** `parity diff -source=A -target=B [-artifactFilename=F]`: compare, save the artifact, report. */
import { writeArtifact } from '../artifact/artifact.js';
import { compareSources } from '../diff/compare.js';
import { removeQuietly } from '../files.js';
import { diffJson, diffTable } from '../output/diff-report.js';
import { stableJsonOutput } from '../output/json-output.js';
import { IGNORE_CATEGORIES, ignoreCategories } from '../diff/ignore.js';
import { DEFAULT_ARTIFACT_HELP, artifactPath, listArg, requireString, type CommandSpec } from './command.js';
import { SOURCE_OPTIONS, sourceContext } from './source-options.js';

export const diffCommand: CommandSpec = {
  name: 'diff',
  describe: 'Compare two comparison sources and save the differences as an artifact',
  examples: [
    'parity diff -source=dev -target=prod -artifactFilename=out/a.artifact',
    'parity diff -source=schemaModel -target=dev -outputType=json',
    'parity diff -source=migrations -target=snapshot:snapshots/prod.json -buildEnvironment=build -rebuild=true',
  ],
  options: {
    source: { type: 'string', describe: 'Source: environment name, snapshot:PATH, schemaModel, migrations or empty' },
    target: { type: 'string', describe: 'Target: same kinds as -source' },
    artifactFilename: { type: 'string', describe: `Where to write the diff artifact (${DEFAULT_ARTIFACT_HELP})` },
    ...SOURCE_OPTIONS,
    snapshotSchemas: { type: 'string', describe: 'Comma-separated schemas a snapshot:PATH side is restricted to (default: [flyway.diff] snapshotSchemas, else all it holds)' },
    ignore: { type: 'string', describe: `Comma-separated differences to leave out: ${Object.keys(IGNORE_CATEGORIES).join(', ')}` },
  },
  async run(context) {
    const sourceText = requireString(context, 'source', 'diff');
    const targetText = requireString(context, 'target', 'diff');
    const ignore = ignoreCategories(listArg(context, 'ignore') ?? []);
    const artifactFile = artifactPath(context, 'write');
    // The previous diff's artifact goes first: if this one fails, generate must not read a stale one.
    removeQuietly(artifactFile);
    const artifact = await compareSources(sourceText, targetText, sourceContext(context, { configuredSnapshotSchemas: true }), { ignore });
    writeArtifact(artifactFile, artifact);
    context.output.endProgress();
    if (context.global.outputType === 'json') {
      context.output.message(`diff artifact generated: ${artifactFile}`);
      context.output.result(stableJsonOutput(diffJson(artifact)));
    } else {
      context.output.result(`diff artifact generated: ${artifactFile}`);
      context.output.result(diffTable(artifact));
    }
    return 0;
  },
};
