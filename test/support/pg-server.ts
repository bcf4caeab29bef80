/**
 * A real PostgreSQL for a test file, with conveniences to create databases and run SQL.
 *
 * Under the test runner (test/run.mjs) every file shares the run's one embedded server
 * (test/support/shared-servers.ts, announced in PARITY_TEST_SERVERS); run on its own, a file starts a
 * throwaway server of its own (src/embedded/embedded-postgres.ts: free loopback port, private data
 * directory removed on stop, works as root, durability off). Either way the file's databases live in a
 * namespace of its own: `createDatabase('app')` creates `<prefix>app`, where the prefix
 * (PARITY_TEST_DB_PREFIX, set per file by the runner) keeps files that run at the same time apart.
 * Every method takes the file's own name; `name()` gives the real one, for URLs a test writes itself.
 * `stop()` drops the file's databases (shared server) or stops the server (its own).
 */
import pg from 'pg';
import type { ConnectionSettings } from '../../src/config/connection.ts';
import { freeLoopbackPort, startEmbeddedPostgres } from '../../src/embedded/embedded-postgres.ts';
import { databasePrefix, sharedServers } from './shared-servers-env.ts';

export interface TestPostgres {
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** The real name of this file's database `database` (system databases keep theirs). */
  name(database: string): string;
  /** Creates an empty database (or a copy of `template`, another of this file's databases); returns its native URL. */
  createDatabase(database: string, options?: { template?: string }): Promise<string>;
  /** Drops a database of this file if it exists (closing its connections). */
  dropDatabase(database: string): Promise<void>;
  /** Runs SQL (many statements allowed) in a database. */
  exec(database: string, sql: string): Promise<void>;
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(database: string, sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Creates NOLOGIN roles named `name(role)` (roles belong to the whole server, hence the file's
   * prefix), unless they exist; returns their real names.
   */
  createRoles(roles: readonly string[]): Promise<string[]>;
  /** Drops the roles `createRoles` made (call it once no database of the file uses them any more). */
  dropRoles(roles: readonly string[]): Promise<void>;
  /** Native URL of a database, with the password (tests only). */
  url(database: string): string;
  /** `jdbc:postgresql://127.0.0.1:PORT/<real name>`, for flyway.toml files (no password). */
  jdbcUrl(database: string): string;
  /** parity's connection settings for a database of this server. */
  settings(database: string): ConnectionSettings;
  stop(): Promise<void>;
}

export const freePort = freeLoopbackPort;

const SYSTEM_DATABASES = new Set(['postgres', 'template0', 'template1']);
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

interface ServerAddress {
  readonly port: number;
  readonly user: string;
  readonly password: string;
}

/**
 * The methods of TestPostgres on a running server, database names with `prefix`; `shutdown` stops a
 * server of the file's own (without one, `stop` drops the prefixed databases of the shared server).
 */
function onServer(address: ServerAddress, prefix: string, shutdown?: () => Promise<void>): TestPostgres {
  const { port, user, password } = address;
  const name = (database: string) => (SYSTEM_DATABASES.has(database) ? database : `${prefix}${database}`);
  const url = (database: string) => `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${name(database)}`;
  const withClient = async <R>(database: string, fn: (c: pg.Client) => Promise<R>): Promise<R> => {
    const client = new pg.Client({ connectionString: url(database) });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  const dropAll = async () => {
    const rows = await withClient('postgres', async (c) => (await c.query('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix])).rows as Array<{ datname: string }>);
    for (const { datname } of rows) await withClient('postgres', (c) => c.query(`DROP DATABASE IF EXISTS ${quote(datname)} WITH (FORCE)`));
  };
  return {
    port,
    user,
    password,
    name,
    url,
    jdbcUrl: (database) => `jdbc:postgresql://127.0.0.1:${port}/${name(database)}`,
    settings: (database) => ({ dialect: 'postgres', host: '127.0.0.1', port, database: name(database), user, password, params: {} }),
    async createDatabase(database, options = {}) {
      const template = options.template === undefined ? '' : ` TEMPLATE ${quote(name(options.template))}`;
      await withClient('postgres', (c) => c.query(`CREATE DATABASE ${quote(name(database))}${template}`));
      return url(database);
    },
    async dropDatabase(database) {
      await withClient('postgres', (c) => c.query(`DROP DATABASE IF EXISTS ${quote(name(database))} WITH (FORCE)`));
    },
    async exec(database, sql) {
      await withClient(database, (c) => c.query(sql));
    },
    async query(database, sql, params) {
      return withClient(database, async (c) => (await c.query(sql, params as unknown[])).rows);
    },
    async createRoles(roles) {
      const names = roles.map(name);
      for (const role of names) {
        await withClient('postgres', (c) => c.query(`DO $$ BEGIN CREATE ROLE ${quote(role)} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`));
      }
      return names;
    },
    async dropRoles(roles) {
      for (const role of roles.map(name)) await withClient('postgres', (c) => c.query(`DROP ROLE IF EXISTS ${quote(role)}`));
    },
    async stop() {
      if (shutdown) await shutdown();
      else await dropAll();
    },
  };
}

/**
 * The run's shared server, or (a file run on its own) a server of the file's own; either way the
 * file's databases carry its prefix, so a file behaves the same alone and under the runner.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const shared = sharedServers()?.postgres;
  if (shared) return onServer(shared, databasePrefix());
  return startOwnPostgres({ prefix: databasePrefix() });
}

/**
 * A server of this file's own, whatever the runner offers: for tests about server-wide state.
 * Database names get `prefix` (default: none, the server is the file's).
 */
export async function startOwnPostgres(options: { prefix?: string } = {}): Promise<TestPostgres> {
  const server = await startEmbeddedPostgres();
  const { port, user = 'postgres', password = '' } = server.connection;
  return onServer({ port, user, password }, options.prefix ?? '', () => server.stop());
}
