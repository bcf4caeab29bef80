// A private MariaDB server for the benchmark, the recipe of test/support/mariadb-server.ts: Debian's
// `mariadbd` on a fresh data directory (mariadb-install-db --no-defaults, owned by the `mysql` user), a
// free 127.0.0.1 port, a socket, pid file and --tmpdir inside that directory, no syncs; a root password
// for TCP. stop() ends it (SIGTERM, SIGKILL after 30 s) and deletes the directory.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { baseDir, freePort, run } from './server.mjs';

export const MARIADBD = '/usr/sbin/mariadbd';
export const MYSQLDUMP = '/usr/bin/mysqldump';
const INSTALL_DB = '/usr/bin/mariadb-install-db';
const DIR_PREFIX = 'parity-bench-mariadb-';

/** What is missing to run the MySQL series, as apt-get hints (empty when everything is there). */
export function mariadbProblems() {
  const problems = [];
  for (const file of [MARIADBD, INSTALL_DB, MYSQLDUMP]) {
    if (!fs.existsSync(file)) problems.push(`${file} is missing (the MySQL series needs Debian's MariaDB): apt-get install -y mariadb-server`);
  }
  if (spawnSync('id', ['mysql']).status !== 0) problems.push('there is no `mysql` user to run mariadbd as: apt-get install -y mariadb-server');
  return problems;
}

export function mysqldumpVersion() {
  return spawnSync(MYSQLDUMP, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

/** Deletes directories of earlier runs that crashed: older than 1 h, with no live server. */
function removeStaleDirs() {
  for (const tmp of new Set(['/dev/shm', os.tmpdir()])) {
    if (!fs.existsSync(tmp)) continue;
    for (const entry of fs.readdirSync(tmp)) {
      if (!entry.startsWith(DIR_PREFIX)) continue;
      const full = path.join(tmp, entry);
      try {
        if (Date.now() - fs.statSync(full).mtimeMs < 3600_000) continue;
        const pid = Number(fs.readFileSync(path.join(full, 'pid'), 'utf8').trim());
        if (pid > 0 && fs.existsSync(`/proc/${pid}`)) continue;
      } catch {
        /* no pid file: the server is not running */
      }
      fs.rmSync(full, { recursive: true, force: true });
    }
  }
}

const idOf = (flag) => Number(spawnSync('id', [flag, 'mysql'], { encoding: 'utf8' }).stdout.trim());

/**
 * Starts the server. Returns { port, user, password, dir, version, connect(db, options), withConnection(db, fn), stop() };
 * stop() is idempotent and safe to call from a signal handler.
 * Options: `base`, the folder the directory is made in (default baseDir()); `args`, extra mariadbd
 * options after the benchmark's own (a later one wins).
 */
export async function startMariadb({ log = () => {}, base = baseDir(), args = [] } = {}) {
  removeStaleDirs();
  const dir = fs.mkdtempSync(path.join(base, DIR_PREFIX));
  let child;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  try {
    const uid = idOf('-u');
    const gid = idOf('-g');
    fs.chownSync(dir, uid, gid);
    // A private tmpdir: servers sharing /tmp have been seen to delete each other's internal temporary tables.
    const tmp = path.join(dir, 'tmp');
    fs.mkdirSync(tmp);
    fs.chownSync(tmp, uid, gid);
    const data = path.join(dir, 'data');
    log('mariadb-install-db');
    const install = await run(INSTALL_DB, ['--no-defaults', '--user=mysql', `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db']);
    if (install.code !== 0) throw new Error(`mariadb-install-db failed:\n${install.stderr || install.stdout}`);
    const port = await freePort();
    const socket = path.join(dir, 's');
    const serverLog = path.join(dir, 'server.log');
    const logFd = fs.openSync(serverLog, 'a');
    log(`starting MariaDB on 127.0.0.1:${port}`);
    child = spawn(MARIADBD, [
      '--no-defaults', '--user=mysql', `--datadir=${data}`, '--bind-address=127.0.0.1', `--port=${port}`,
      `--socket=${socket}`, `--pid-file=${path.join(dir, 'pid')}`, `--tmpdir=${tmp}`,
      '--innodb-buffer-pool-size=256M',
      // Benchmark data need not survive a crash: no syncs (only speeds up loading).
      '--innodb-flush-method=nosync', '--innodb-flush-log-at-trx-commit=0', '--innodb-doublewrite=0',
      '--skip-name-resolve', '--event-scheduler=OFF',
      ...args,
    ], { stdio: ['ignore', logFd, logFd] });
    fs.closeSync(logFd);

    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`mariadbd exited with ${child.exitCode}:\n${fs.readFileSync(serverLog, 'utf8')}`);
      try {
        await (await mysql.createConnection({ socketPath: socket, user: 'root' })).end();
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`mariadbd did not start within 60 s:\n${fs.readFileSync(serverLog, 'utf8')}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    const password = `bench-${Math.random().toString(36).slice(2, 12)}`;
    const admin = await mysql.createConnection({ socketPath: socket, user: 'root' });
    try {
      for (const host of ['localhost', '127.0.0.1', '::1']) await admin.query('ALTER USER IF EXISTS ?@? IDENTIFIED BY ?', ['root', host, password]);
    } finally {
      await admin.end();
    }
    // The creation context stored programs keep, as the `mariadb` client has it (mysql2 would add IGNORE_SPACE).
    const connect = (database, options = {}) => mysql.createConnection({
      host: '127.0.0.1', port, user: 'root', password, database, charset: 'utf8mb4_general_ci', flags: ['-IGNORE_SPACE'], ...options,
    });
    const withConnection = async (database, fn, options) => {
      const connection = await connect(database, options);
      try {
        return await fn(connection);
      } finally {
        await connection.end();
      }
    };
    const version = await withConnection('mysql', async (c) => (await c.query('SELECT VERSION() AS v'))[0][0].v);
    return { port, user: 'root', password, dir, version, connect, withConnection, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
