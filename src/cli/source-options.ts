/**
 * The parameters that shape how comparison sources are loaded (shared by diff and snapshot):
 * the build-environment settings of a `migrations` source (and of a `schemaModel` source whose dialect
 * has no server of its own), `-includeFlywayObjects`, `-include`, `-filterFile` (which generate, model
 * and dataDiff take too), and `-snapshotSchemas` (each command describes the last itself: diff applies
 * it to snapshot sides, snapshot to what it writes).
 */
import type { ParityConfig } from '../config/config.js';
import { readFilterFile } from '../filters/filter-file.js';
import type { ObjectFilter } from '../filters/object-filter.js';
import { ParityError } from '../errors.js';
import type { SchemaSelection, SourceContext } from '../sources/source.js';
import { listArg, stringArg, type CommandContext, type OptionSpec } from './command.js';

/** `-filterFile`: diff, snapshot, generate, model and dataDiff take it. */
export const FILTER_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  filterFile: { type: 'string', describe: 'JSON filter file: the objects (by object type, schema and name) the command includes or excludes (default: [flyway] filterFile)' },
};

/** The command's object filter: `-filterFile`, else `[flyway] filterFile`, else none. */
export function objectFilter(context: CommandContext): ObjectFilter | undefined {
  const file = stringArg(context, 'filterFile');
  if (file !== undefined) return readFilterFile(file, context.workingDirectory());
  const configured = context.config().filterFile;
  return configured && readFilterFile(configured.path, context.config().workingDirectory);
}

export const SOURCE_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  buildEnvironment: {
    type: 'string',
    describe: 'For a migrations source: the environment to build in (default: an embedded PostgreSQL); for a schemaModel source: the server its scratch database is created on (default for PostgreSQL: an embedded server)',
  },
  buildVersion: { type: 'string', describe: 'For a migrations source: migrate the build environment up to this version' },
  buildCherryPick: { type: 'string', describe: 'For a migrations source: comma-separated versions to apply, and only those' },
  rebuild: { type: 'boolean', describe: 'For a migrations source: clean the build environment (provisioner = "clean") and re-apply' },
  includeFlywayObjects: { type: 'boolean', describe: 'Compare the schema history table too (default: false)' },
  include: { type: 'string', describe: 'Comma-separated things to compare that are left out by default: privileges (GRANTs and default privileges)' },
  ...FILTER_OPTIONS,
};

/** What `-include=` may name. */
const INCLUDABLE = ['privileges'] as const;

/** `-include=privileges`: the names given, each one parity knows. */
function includes(context: CommandContext): Set<string> {
  const listed = listArg(context, 'include') ?? [];
  for (const name of listed) {
    if (!(INCLUDABLE as readonly string[]).includes(name)) {
      throw new ParityError('INVALID_ARGUMENT', `-include names "${name}", which is not one of: ${INCLUDABLE.join(', ')}`, { where: '-include' });
    }
  }
  return new Set(listed);
}

/**
 * `-snapshotSchemas=a,b`, else `configured` (diff: `[flyway.diff] snapshotSchemas`); duplicates
 * dropped. Given but naming no schema (`-snapshotSchemas=,`) is an error rather than an empty side.
 */
function snapshotSchemas(context: CommandContext, configured: ParityConfig['snapshotSchemas']): SchemaSelection | undefined {
  const listed = listArg(context, 'snapshotSchemas');
  if (listed === undefined) return configured && { schemas: configured.schemas, setting: configured.definedIn, fromCommandLine: false };
  if (listed.length === 0) throw new ParityError('INVALID_ARGUMENT', '-snapshotSchemas names no schema', { where: '-snapshotSchemas' });
  return { schemas: [...new Set(listed)], setting: '-snapshotSchemas', fromCommandLine: true };
}

/** The source context of a command; `configuredSnapshotSchemas`: diff reads `[flyway.diff] snapshotSchemas`. */
export function sourceContext(context: CommandContext, options: { readonly configuredSnapshotSchemas: boolean }): SourceContext {
  const config = context.config();
  const cherryPick = listArg(context, 'buildCherryPick');
  const buildEnvironment = stringArg(context, 'buildEnvironment');
  const buildVersion = stringArg(context, 'buildVersion');
  const selection = snapshotSchemas(context, options.configuredSnapshotSchemas ? config.snapshotSchemas : undefined);
  const filter = objectFilter(context);
  return {
    config,
    tempDirectory: context.tempDirectory,
    ...(context.onProgress ? { onProgress: context.onProgress } : {}),
    onWarning: context.output.warning,
    build: {
      rebuild: context.args['rebuild'] === true,
      ...(buildEnvironment !== undefined ? { buildEnvironment } : {}),
      ...(buildVersion !== undefined ? { buildVersion } : {}),
      ...(cherryPick !== undefined ? { buildCherryPick: cherryPick } : {}),
    },
    includeFlywayObjects: context.args['includeFlywayObjects'] === true,
    includePrivileges: includes(context).has('privileges'),
    ...(selection ? { snapshotSchemas: selection } : {}),
    ...(filter ? { objectFilter: filter } : {}),
  };
}
