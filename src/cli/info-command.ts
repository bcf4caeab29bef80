/** `parity info [-environment=dev]`: every migration with its state (reads only; creates nothing). */
import { describeConnection } from '../config/connection.js';
import { withMigrateSession } from '../migrations/environment-session.js';
import { readMigrations } from '../migrations/migration-files.js';
import { currentVersion, migrationInfo } from '../migrations/migration-info.js';
import { stableJsonOutput } from '../output/json-output.js';
import { infoJson, infoText } from '../output/migrate-report.js';
import type { CommandSpec } from './command.js';
import { chosenTarget } from './environment-target.js';

export const infoCommand: CommandSpec = {
  name: 'info',
  describe: 'Show every migration of an environment with its state (Success, Pending, Failed, ...)',
  examples: [
    'parity info -environment=dev',
    'parity info -environment=dev -outputType=json',
  ],
  options: {},
  async run(context) {
    const config = context.config();
    const set = readMigrations(config, context.output.warning);
    const target = chosenTarget(context, 'info');
    const { history, schemaName } = await withMigrateSession(config, target, async (session) => ({
      history: (await session.historyExists()) ? await session.readHistory() : [],
      schemaName: session.historySchema,
    }));
    const infos = migrationInfo(set, history);
    const version = currentVersion(history);
    const report = { environment: target.name, database: describeConnection(target.connection), schemaName };
    context.output.result(context.global.outputType === 'json' ? stableJsonOutput(infoJson(infos, version, report)) : infoText(infos, version, report));
    return 0;
  },
};
