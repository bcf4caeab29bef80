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
import { snapshotText } from '../artifact/snapshot.js';
import { SNAPSHOT_HISTORY_TABLE } from '../migrations/snapshot-history.js';
import type { MigrateSession } from '../migrations/schema-history.js';
import { loadSource } from '../sources/load-sources.js';
import type { SourceContext } from '../sources/source.js';

/**
 * Reads the environment as `check -drift` reads it (privileges included; `check` leaves them out
 * unless asked) and stores it in the snapshot history table of `session`'s schema.
 */
async function saveEnvironmentSnapshot(session: MigrateSession, environment: string, version: string | null, context: SourceContext): Promise<void> {
  const loaded = await loadSource(environment, '-environment', { ...context, includePrivileges: true });
  context.onProgress?.(`saving a snapshot in ${session.historySchema}.${SNAPSHOT_HISTORY_TABLE}`);
  await session.saveSnapshot({ version, snapshot: snapshotText(loaded.model), installedBy: session.user });
}

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
    saveSnapshot: { type: 'boolean', describe: `After migrating, save a snapshot of the environment in ${SNAPSHOT_HISTORY_TABLE} next to the schema history (for check -drift)` },
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
    const save = context.args['saveSnapshot'] === true;
    const { result, schemaName } = await withMigrateSession(config, target, async (session) => {
      const migrated = await migrate(session, set, migrateOptions(config, target, plan, context.onProgress));
      // Still under the migration lock: no other migrate runs between the last script and the snapshot.
      if (save) await saveEnvironmentSnapshot(session, target.name, migrated.currentVersion, { config, tempDirectory: context.tempDirectory, ...(context.onProgress ? { onProgress: context.onProgress } : {}) });
      return { result: migrated, schemaName: session.historySchema };
    });
    context.output.endProgress();
    const report = { environment: target.name, database: describeConnection(target.connection), schemaName };
    const savedIn = save ? `${schemaName}.${SNAPSHOT_HISTORY_TABLE}` : undefined;
    if (context.global.outputType === 'json') {
      context.output.result(stableJsonOutput({ ...(migrateJson(result, report) as object), ...(savedIn ? { snapshotSavedIn: savedIn } : {}) }));
    } else {
      context.output.result(`${migrateText(result, report)}${savedIn ? `\nSnapshot saved in ${savedIn}` : ''}`);
    }
    return 0;
  },
};
