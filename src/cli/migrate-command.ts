/**
 * `parity migrate [-environment=dev] [-target=VERSION | -cherryPick=V,...]`: apply the pending
 * migrations of `[flyway] locations` to an environment and record them in its schema history table.
 */
import { describeConnection } from '../config/connection.js';
import { ParityError } from '../errors.js';
import { migrateOptions, withMigrateSession } from '../migrations/environment-session.js';
import { readMigrations } from '../migrations/migration-files.js';
import { migrate } from '../migrations/migrator.js';
import { stableJsonOutput } from '../output/json-output.js';
import { migrateJson, migrateText } from '../output/migrate-report.js';
import { listArg, stringArg, type CommandSpec } from './command.js';
import { chosenTarget } from './environment-target.js';

export const migrateCommand: CommandSpec = {
  name: 'migrate',
  describe: 'Apply pending migrations to an environment and record them in its schema history',
  examples: [
    'parity migrate -environment=dev',
    'parity migrate -environment=dev -target=3',
    'parity migrate -environment=dev -cherryPick=2,4',
  ],
  options: {
    target: { type: 'string', describe: 'Migrate up to this version (default: latest)' },
    cherryPick: { type: 'string', describe: 'Comma-separated versions (or repeatable descriptions) to apply, and only those' },
    outOfOrder: { type: 'boolean', describe: 'Apply pending versions below the current version too' },
  },
  async run(context) {
    const config = context.config();
    const targetVersion = stringArg(context, 'target');
    const cherryPick = listArg(context, 'cherryPick');
    if (targetVersion !== undefined && cherryPick !== undefined) {
      throw new ParityError('INVALID_ARGUMENT', '-target and -cherryPick cannot be used together', { where: 'parity migrate' });
    }
    const set = readMigrations(config, context.output.warning);
    const target = chosenTarget(context, 'migrate');
    const plan = {
      ...(targetVersion !== undefined ? { targetVersion } : {}),
      ...(cherryPick !== undefined ? { cherryPick } : {}),
      outOfOrder: context.args['outOfOrder'] === true || config.migrations.outOfOrder,
      targetSetting: '-target',
      cherryPickSetting: '-cherryPick',
    };
    const { result, schemaName } = await withMigrateSession(config, target, async (session) => ({
      result: await migrate(session, set, migrateOptions(config, target, plan, context.onProgress)),
      schemaName: session.historySchema,
    }));
    context.output.endProgress();
    const report = { environment: target.name, database: describeConnection(target.connection), schemaName };
    context.output.result(context.global.outputType === 'json' ? stableJsonOutput(migrateJson(result, report)) : migrateText(result, report));
    return 0;
  },
};
