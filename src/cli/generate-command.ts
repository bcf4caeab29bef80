/**
 * `parity generate -artifactFilename=F -generate.location=D -generate.description=X
 * -generate.types=versioned,undo [-generate.version=5] [-changes=ID,...]`: write the migration that
 * makes the artifact's target match its source, and its undo.
 */
import path from 'node:path';
import { readArtifact } from '../artifact/artifact.js';
import type { ParityConfig } from '../config/config.js';
import { ParityError } from '../errors.js';
import { generateMigrations, type ScriptType } from '../generate/generate.js';
import { sanitizeDescription } from '../generate/versioning.js';
import { generateJson, generateText, generateWarnings } from '../output/generate-report.js';
import { stableJsonOutput } from '../output/json-output.js';
import { DEFAULT_ARTIFACT_HELP, artifactPath, stringArg, type CommandSpec } from './command.js';
import { FILTER_OPTIONS, objectFilter } from './source-options.js';

const TYPES: readonly ScriptType[] = ['versioned', 'undo'];

function parseTypes(text: string | undefined): ScriptType[] {
  const names = (text ?? 'versioned').split(',').map((t) => t.trim()).filter(Boolean);
  const unknown = names.filter((name) => !TYPES.includes(name as ScriptType));
  if (unknown.length > 0 || names.length === 0) {
    throw new ParityError('INVALID_ARGUMENT', `-generate.types must list versioned and/or undo, not "${text ?? ''}"`, { where: 'parity generate' });
  }
  return TYPES.filter((type) => names.includes(type));
}

/** The first `[flyway] locations` entry; only `filesystem:` locations (or plain paths) can be written. */
function defaultLocation(config: ParityConfig): string {
  const first = config.locations[0] ?? 'filesystem:migrations';
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]+):/.exec(first);
  if (scheme === null) return first;
  if (scheme[1] === 'filesystem') return first.slice('filesystem:'.length);
  throw new ParityError('INVALID_ARGUMENT', `cannot write migrations to location "${first}"; give a folder with -generate.location`, { where: 'flyway.locations' });
}

export const generateCommand: CommandSpec = {
  name: 'generate',
  describe: 'Write a migration (and its undo) that makes the target of a diff artifact match its source',
  examples: [
    'parity generate -artifactFilename=out/a.artifact -generate.description=add_orders -generate.types=versioned,undo',
    'parity generate -artifactFilename=out/a.artifact -generate.location=migrations -generate.version=5',
  ],
  options: {
    artifactFilename: { type: 'string', describe: `The diff artifact to read (${DEFAULT_ARTIFACT_HELP})` },
    location: { type: 'string', describe: 'Folder to write into (default: the first [flyway] locations entry)' },
    description: { type: 'string', describe: 'Description in the file name (default: parity_generated)' },
    types: { type: 'string', describe: 'Scripts to write: versioned, undo (default: versioned)' },
    version: { type: 'string', describe: 'Version of the scripts (default: the highest in the folder + 1)' },
    changes: { type: 'string', describe: 'Comma-separated change IDs (default: all changes)' },
    ...FILTER_OPTIONS,
  },
  async run(context) {
    const config = context.config();
    const workingDirectory = config.workingDirectory;
    const artifactFile = artifactPath(context, 'read');
    const types = parseTypes(stringArg(context, 'types'));
    const location = path.resolve(workingDirectory, stringArg(context, 'location') ?? defaultLocation(config));
    const artifact = readArtifact(artifactFile);
    const version = stringArg(context, 'version');
    const changeIds = stringArg(context, 'changes');
    const filter = objectFilter(context);
    const result = generateMigrations({
      artifact,
      artifactFile,
      location,
      description: sanitizeDescription(stringArg(context, 'description') ?? 'parity_generated'),
      types,
      ...(version !== undefined ? { version } : {}),
      ...(changeIds !== undefined ? { changeIds } : {}),
      ...(filter ? { objectFilter: filter } : {}),
    });
    if (context.global.outputType === 'json') {
      context.output.result(stableJsonOutput(generateJson(result, workingDirectory)));
    } else {
      for (const line of generateWarnings(result)) context.output.message(line);
      context.output.result(generateText(result, workingDirectory));
    }
    return 0;
  },
};
