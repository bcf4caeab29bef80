/**
 * The run's shared servers, held by one process the test runner (test/run.mjs) starts first:
 *   node --import tsx test/support/shared-servers.ts
 * starts one embedded PostgreSQL and (when mariadbd is installed) one private MariaDB, prints their
 * addresses as one JSON line on stdout (the runner hands it to every test file as PARITY_TEST_SERVERS),
 * and keeps them until its stdin closes: when the runner ends, or dies, or is interrupted. Then it stops
 * both and removes their data directories. SIGINT/SIGTERM do the same.
 */
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/embedded/embedded-postgres.ts';
import { findMariadbd, startOwnMariadb, type TestMariadb } from './mariadb-server.ts';
import type { SharedServers } from './shared-servers-env.ts';

let postgres: EmbeddedPostgres | undefined;
let mariadb: TestMariadb | undefined;
let stopping: Promise<void> | undefined;

function stopAll(): Promise<void> {
  stopping ??= Promise.allSettled([postgres?.stop(), mariadb?.stop()]).then(() => undefined);
  return stopping;
}

async function stopAndExit(code: number): Promise<never> {
  await stopAll();
  process.exit(code);
}

// The MariaDB and embedded-postgres modules install signal handlers of their own that also stop their
// servers; this one makes sure both are stopped before the process ends.
process.once('SIGINT', () => void stopAndExit(130));
process.once('SIGTERM', () => void stopAndExit(143));
process.stdin.on('end', () => void stopAndExit(0));
process.stdin.on('error', () => void stopAndExit(0));
process.stdin.resume();

try {
  const [pg, maria] = await Promise.all([startEmbeddedPostgres(), findMariadbd() === undefined ? undefined : startOwnMariadb()]);
  postgres = pg;
  mariadb = maria;
  const { port, user = 'postgres', password = '' } = pg.connection;
  const servers: SharedServers = {
    postgres: { port, user, password },
    ...(maria ? { mariadb: { port: maria.port, user: maria.user, password: maria.password } } : {}),
  };
  process.stdout.write(`${JSON.stringify(servers)}\n`);
} catch (error) {
  process.stderr.write(`cannot start the shared test servers: ${error instanceof Error ? error.message : String(error)}\n`);
  await stopAndExit(1);
}
