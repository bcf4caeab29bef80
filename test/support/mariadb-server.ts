/**
 * A real MariaDB for tests: `mariadbd` from the Debian package, started on a private data directory
 * and a free loopback port, with a root password, reached over TCP 127.0.0.1 (the system service is
 * never used).
 *
 * Under the test runner every file shares the run's one server (test/support/shared-servers.ts);
 * run on its own, a file starts a server of its own. As with PostgreSQL (pg-server.ts) the file's
 * databases live in a namespace of its own: every method takes the file's name (`app`) and works on
 * `<prefix>app`; `name()` gives the real one. `stop()` drops the file's databases (shared server) or
 * ends the server (SIGTERM, then its directory is removed; so does process exit).
 *
 * Where mariadbd is not installed, `skipWithoutMariadb()` prints the one `SKIPPED:` line the test
 * runner counts and the file exits 0; under CI=true a missing server is a failure instead.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import type { ConnectionSettings } from '../../src/config/connection.ts';
import { freeLoopbackPort } from '../../src/embedded/embedded-postgres.ts';
import { databasePrefix, sharedServers, type SharedServerAddress } from './shared-servers-env.ts';

const run = promisify(execFile);

export interface TestMariadb {
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** The real name of this file's database `database` (`mysql`, `information_schema` and `''` keep theirs). */
  name(database: string): string;
  /** Native URL with the password (tests only). */
  url(database: string): string;
  /** `jdbc:mysql://127.0.0.1:PORT/<real name>` (or `jdbc:mariadb:`), for flyway.toml files (no password). */
  jdbcUrl(database: string, scheme?: 'mysql' | 'mariadb'): string;
  /** parity's connection settings for a database of this server (`''`: none, the server itself). */
  settings(database: string): ConnectionSettings;
  /** `CREATE DATABASE` (dropping an old one of that name first). */
  createDatabase(name: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  /** Runs one statement. */
  exec(database: string, sql: string): Promise<void>;
  /** Runs each statement of a list, one call each. */
  execAll(database: string, statements: readonly string[]): Promise<void>;
  query<T = Record<string, unknown>>(database: string, sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs a SQL file with the `mariadb` command-line client (which reads DELIMITER itself), as a user
   * applying a script would: `mariadb --no-defaults ... <database> < file`. Rejects with the client's
   * stderr when it exits non-zero.
   */
  runClient(database: string, file: string): Promise<void>;
  connect(database: string): Promise<mysql.Connection>;
  stop(): Promise<void>;
}

/** The mariadbd binary (MARIADBD names one explicitly), or undefined when MariaDB is not installed. */
export function findMariadbd(): string | undefined {
  const explicit = process.env['MARIADBD'];
  if (explicit !== undefined) return fs.existsSync(explicit) ? explicit : undefined;
  const dirs = [...(process.env['PATH'] ?? '').split(':'), '/usr/sbin', '/usr/local/sbin'];
  for (const dir of dirs) {
    const file = path.join(dir, 'mariadbd');
    if (dir && fs.existsSync(file)) return file;
  }
  return undefined;
}

/**
 * True (after printing the skip line) when this test file must not run for lack of mariadbd; throws
 * under CI=true, where a missing server is a failure.
 */
export function skipWithoutMariadb(): boolean {
  if (findMariadbd() !== undefined) return false;
  if (process.env['CI'] === 'true') throw new Error('mariadbd is not installed, and CI=true requires it (apt-get install -y mariadb-server)');
  console.log('SKIPPED: mariadbd not installed (apt-get install -y mariadb-server)');
  return true;
}

async function waitForServer(socket: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mariadbd exited with ${child.exitCode}:\n${fs.readFileSync(log, 'utf8')}`);
    try {
      const connection = await mysql.createConnection({ socketPath: socket, user: 'root' });
      await connection.end();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`mariadbd did not start within 60 s:\n${fs.readFileSync(log, 'utf8')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * The run's shared server, or (a file run on its own) a server of the file's own; either way the
 * file's databases carry its prefix, so a file behaves the same alone and under the runner.
 */
export async function startMariadb(): Promise<TestMariadb> {
  const shared = sharedServers()?.mariadb;
  if (shared) return onServer(shared, databasePrefix());
  return startOwnMariadb({ prefix: databasePrefix() });
}

/**
 * A server of this file's own, whatever the runner offers: for tests about server-wide state
 * (scratch databases, users) or that need two servers. Database names get `prefix` (default: none,
 * the server is the file's). A start that fails (a port taken between choosing and binding it, a slow
 * machine) is retried twice with a new directory and port before the error is thrown.
 */
export async function startOwnMariadb(options: { prefix?: string } = {}): Promise<TestMariadb> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options.prefix ?? '');
    } catch (error) {
      if (attempt >= 3) throw error;
      console.error(`mariadbd start attempt ${attempt} failed, retrying: ${(error as Error).message.split('\n')[0]}`);
    }
  }
}

async function startOnce(prefix: string): Promise<TestMariadb> {
  const binary = findMariadbd();
  if (binary === undefined) throw new Error('mariadbd is not installed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-mariadb-'));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  let child: ChildProcess | undefined;
  const removeHandlers = () => {
    process.removeListener('exit', killOnExit);
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('SIGINT', onSignal);
  };
  const killOnExit = () => {
    child?.kill('SIGKILL');
    cleanup();
  };
  // A test process stopped by a signal runs no 'exit' handlers: stop the server first, then exit.
  const onSignal = (signal: NodeJS.Signals) => {
    killOnExit();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  try {
    const { stdout } = await run('id', ['-u', 'mysql']);
    const { stdout: gid } = await run('id', ['-g', 'mysql']);
    fs.chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
    // A private tmpdir: servers sharing /tmp have been seen to delete each other's internal temporary tables.
    const tmp = path.join(dir, 'tmp');
    fs.mkdirSync(tmp);
    fs.chownSync(tmp, Number(stdout.trim()), Number(gid.trim()));
    const data = path.join(dir, 'data');
    await run('mariadb-install-db', ['--no-defaults', '--user=mysql', `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db']);
    const port = await freeLoopbackPort();
    const socket = path.join(dir, 's');
    const log = path.join(dir, 'server.log');
    const logFd = fs.openSync(log, 'a');
    child = spawn(
      binary,
      [
        '--no-defaults',
        '--user=mysql',
        `--datadir=${data}`,
        '--bind-address=127.0.0.1',
        `--port=${port}`,
        `--socket=${socket}`,
        `--pid-file=${path.join(dir, 'pid')}`,
        `--tmpdir=${tmp}`,
        '--innodb-buffer-pool-size=64M',
        // Test data need not survive a crash: skip the syncs that make DDL slow.
        '--innodb-flush-method=nosync',
        '--innodb-flush-log-at-trx-commit=0',
        '--innodb-doublewrite=0',
        '--skip-name-resolve',
        '--event-scheduler=OFF',
      ],
      { stdio: ['ignore', logFd, logFd] },
    );
    fs.closeSync(logFd);
    process.once('exit', killOnExit);
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
    await waitForServer(socket, child, log);

    const password = 'parity-test-pw';
    const admin = await mysql.createConnection({ socketPath: socket, user: 'root' });
    try {
      // Only the local accounts: one named after the machine's host name cannot be altered with
      // --skip-name-resolve, and TCP from 127.0.0.1 uses root@127.0.0.1.
      for (const host of ['localhost', '127.0.0.1', '::1']) {
        await admin.query('ALTER USER IF EXISTS ?@? IDENTIFIED BY ?', ['root', host, password]);
      }
    } finally {
      await admin.end();
    }

    const server = child;
    return onServer({ port, user: 'root', password }, prefix, async () => {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);
        if (server.exitCode === null) server.kill('SIGKILL');
      }
      removeHandlers();
      cleanup();
    });
  } catch (error) {
    killOnExit();
    removeHandlers();
    throw error;
  }
}

const SYSTEM_DATABASES = new Set(['', 'mysql', 'information_schema', 'performance_schema', 'sys']);

/**
 * The methods of TestMariadb on a running server, database names with `prefix`; `shutdown` ends a
 * server of the file's own (without one, `stop` drops the prefixed databases of a shared server).
 */
function onServer(address: SharedServerAddress, prefix: string, shutdown?: () => Promise<void>): TestMariadb {
  const { port, user, password } = address;
  const name = (database: string) => (SYSTEM_DATABASES.has(database) ? database : `${prefix}${database}`);
  const connect = (database: string) =>
    // The creation context a stored program keeps (character set, sql_mode) as the `mariadb` client
    // with --default-character-set=utf8mb4 has it: mysql2 would otherwise add IGNORE_SPACE.
    mysql.createConnection({
      host: '127.0.0.1',
      port,
      user,
      password,
      database: name(database),
      dateStrings: true,
      multipleStatements: false,
      charset: 'utf8mb4_general_ci',
      flags: ['-IGNORE_SPACE'],
    });
  const withConnection = async <R>(database: string, fn: (c: mysql.Connection) => Promise<R>): Promise<R> => {
    const connection = await connect(database);
    try {
      return await fn(connection);
    } finally {
      await connection.end();
    }
  };
  const drop = (real: string) => withConnection('mysql', (c) => c.query(`DROP DATABASE IF EXISTS \`${real}\``));
  return {
    port,
    user,
    password,
    name,
    url: (database) => `mysql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${name(database)}`,
    jdbcUrl: (database, scheme = 'mysql') => `jdbc:${scheme}://127.0.0.1:${port}/${name(database)}`,
    settings: (database) => ({ dialect: 'mysql', host: '127.0.0.1', port, database: name(database), user, password, params: {} }),
    async createDatabase(database) {
      await drop(name(database));
      await withConnection('mysql', (c) => c.query(`CREATE DATABASE \`${name(database)}\``));
    },
    async dropDatabase(database) {
      await drop(name(database));
    },
    async exec(database, sql) {
      await withConnection(database, (c) => c.query(sql));
    },
    async execAll(database, statements) {
      await withConnection(database, async (c) => {
        for (const statement of statements) {
          try {
            await c.query(statement);
          } catch (error) {
            throw new Error(`${(error as Error).message}\n  in: ${statement}`);
          }
        }
      });
    },
    async query<T>(database: string, sql: string, params?: unknown[]) {
      return withConnection(database, async (c) => (await c.query(sql, params))[0] as T[]);
    },
    async runClient(database, file) {
      const command = `mariadb --no-defaults --default-character-set=utf8mb4 -h127.0.0.1 -P${port} -u"$DB_USER" -p"$PW" "$DB" < "$FILE"`;
      try {
        await run('sh', ['-c', command], { env: { PATH: process.env['PATH'] ?? '', PW: password, DB_USER: user, DB: name(database), FILE: file } });
      } catch (error) {
        throw new Error(`mariadb < ${path.basename(file)} failed: ${(error as { stderr?: string }).stderr ?? String(error)}`);
      }
    },
    connect,
    async stop() {
      if (shutdown) {
        await shutdown();
        return;
      }
      const rows = await withConnection('mysql', async (c) => (await c.query('SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE LEFT(SCHEMA_NAME, ?) = ?', [prefix.length, prefix]))[0] as Array<{ name: string }>);
      for (const { name: real } of rows) await drop(real);
    },
  };
}
