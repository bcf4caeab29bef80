/**
 * What the test runner tells each test file about the run's shared servers (test/run.mjs starts them
 * through test/support/shared-servers.ts): PARITY_TEST_SERVERS holds their addresses as JSON, and
 * PARITY_TEST_DB_PREFIX the prefix of this file's database names on them.
 */

export interface SharedServerAddress {
  readonly port: number;
  readonly user: string;
  readonly password: string;
}

export interface SharedServers {
  readonly postgres?: SharedServerAddress;
  /** Absent when mariadbd is not installed (then the MySQL tests skip, or fail under CI=true). */
  readonly mariadb?: SharedServerAddress;
}

/** The run's shared servers, or undefined when this file runs on its own (`node --import tsx FILE`). */
export function sharedServers(): SharedServers | undefined {
  const text = process.env['PARITY_TEST_SERVERS'];
  return text ? (JSON.parse(text) as SharedServers) : undefined;
}

/** The prefix of this file's database names: `f07_` under the runner (one per file), `f00_` alone. */
export function databasePrefix(): string {
  return process.env['PARITY_TEST_DB_PREFIX'] ?? 'f00_';
}
