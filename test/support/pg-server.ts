/**
 * A real PostgreSQL for tests: the same throwaway embedded server parity uses to read schema models
 * (src/embedded/embedded-postgres.ts: free loopback port, private data directory removed on stop,
 * works as root, durability off), plus conveniences to create databases and run SQL.
 */
import pg from 'pg';
import { freeLoopbackPort, startEmbeddedPostgres } from '../../src/embedded/embedded-postgres.ts';

export interface TestPostgres {
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** Creates an empty database and returns its native URL (with the password: tests only). */
  createDatabase(name: string): Promise<string>;
  /** Runs SQL (many statements allowed) in a database. */
  exec(database: string, sql: string): Promise<void>;
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(database: string, sql: string, params?: unknown[]): Promise<T[]>;
  url(database: string): string;
  stop(): Promise<void>;
}

export const freePort = freeLoopbackPort;

export async function startPostgres(): Promise<TestPostgres> {
  const server = await startEmbeddedPostgres();
  const { port, user = 'postgres', password = '' } = server.connection;
  const url = (database: string) => `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const withClient = async <R>(database: string, fn: (c: pg.Client) => Promise<R>): Promise<R> => {
    const client = new pg.Client({ connectionString: url(database) });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    port,
    user,
    password,
    url,
    async createDatabase(name) {
      await withClient('postgres', (c) => c.query(`CREATE DATABASE "${name}"`));
      return url(name);
    },
    async exec(database, sql) {
      await withClient(database, (c) => c.query(sql));
    },
    async query(database, sql, params) {
      return withClient(database, async (c) => (await c.query(sql, params as unknown[])).rows);
    },
    stop: () => server.stop(),
  };
}
