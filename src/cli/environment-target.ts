/** The environment a single-database command (migrate, info) works on: -environment, else [flyway] environment, else `default`. */
import { getEnvironment } from '../config/config.js';
import { migrationTarget, type MigrationTarget } from '../migrations/environment-session.js';
import type { CommandContext } from './command.js';

export function chosenTarget(context: CommandContext, command: string): MigrationTarget {
  const config = context.config();
  const name = config.defaultEnvironment ?? 'default';
  const environment = getEnvironment(config, name, '-environment');
  return migrationTarget(config, environment, `parity ${command}`);
}
