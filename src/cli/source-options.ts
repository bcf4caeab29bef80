/**
 * The parameters that shape how comparison sources are loaded (shared by diff and snapshot):
 * the build-environment settings of a `migrations` source (and of a `schemaModel` source whose dialect
 * has no server of its own) and `-includeFlywayObjects`.
 */
import type { SourceContext } from '../sources/source.js';
import { listArg, stringArg, type CommandContext, type OptionSpec } from './command.js';

export const SOURCE_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  buildEnvironment: {
    type: 'string',
    describe: 'For a migrations source: the environment to build in (default: an embedded PostgreSQL); for a schemaModel source: the server its scratch database is created on (default for PostgreSQL: an embedded server)',
  },
  buildVersion: { type: 'string', describe: 'For a migrations source: migrate the build environment up to this version' },
  buildCherryPick: { type: 'string', describe: 'For a migrations source: comma-separated versions to apply, and only those' },
  rebuild: { type: 'boolean', describe: 'For a migrations source: clean the build environment (provisioner = "clean") and re-apply' },
  includeFlywayObjects: { type: 'boolean', describe: 'Compare the schema history table too (default: false)' },
};

export function sourceContext(context: CommandContext): SourceContext {
  const cherryPick = listArg(context, 'buildCherryPick');
  const buildEnvironment = stringArg(context, 'buildEnvironment');
  const buildVersion = stringArg(context, 'buildVersion');
  return {
    config: context.config(),
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
  };
}
