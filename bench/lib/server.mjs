// A private PostgreSQL 15 server for the benchmark: initdb into a fresh temp dir, listening on a free
// 127.0.0.1 port (password auth over TCP only), socket inside that dir, stopped and deleted by stop().
// The Debian binaries in /usr/lib/postgresql/15/bin are used so that pg_dump matches the server.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const PG_MAJOR = 15;
export const PG_BIN = `/usr/lib/postgresql/${PG_MAJOR}/bin`;
const DIR_PREFIX = 'parity-bench-pg-';

/** Runs a command; resolves { code, stdout, stderr }. Never rejects on a non-zero exit. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : -1), signal, stdout, stderr }));
  });
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True when the PostgreSQL 15 server binaries are installed. */
export function serverBinariesPresent() {
  return ['initdb', 'pg_ctl', 'postgres', 'pg_dump'].every((b) => fs.existsSync(path.join(PG_BIN, b)));
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Runs a server binary (of `bin`) as the `postgres` user when we are root (initdb refuses to run as root). */
function asServerUser(binary, args, bin = PG_BIN) {
  const full = path.join(bin, binary);
  if (isRoot()) return run('setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', full, ...args], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C' } });
  return run(full, args, { env: { ...process.env, LANG: 'C' } });
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Where the data directory goes: /dev/shm (tmpfs) when it has room, because creating tens of thousands
 * of relation files is 3-4x faster there; otherwise the ordinary temp dir. Catalog reads are served
 * from shared buffers either way, so this speeds up loading, not the measured commands.
 */
export function baseDir() {
  const shm = '/dev/shm';
  try {
    fs.accessSync(shm, fs.constants.W_OK);
    const stats = fs.statfsSync(shm);
    if (stats.bavail * stats.bsize > 6 * 1024 ** 3) return shm;
  } catch {
    /* no usable tmpfs */
  }
  return os.tmpdir();
}

/** Deletes data directories of earlier benchmark runs that crashed (no live postmaster, older than 1 h). */
function removeStaleDirs() {
  for (const tmp of new Set(['/dev/shm', os.tmpdir()])) {
    if (!fs.existsSync(tmp)) continue;
    removeStaleDirsIn(tmp);
  }
}

function removeStaleDirsIn(tmp) {
  for (const entry of fs.readdirSync(tmp)) {
    if (!entry.startsWith(DIR_PREFIX)) continue;
    const full = path.join(tmp, entry);
    try {
      if (Date.now() - fs.statSync(full).mtimeMs < 3600_000) continue;
      const pidFile = path.join(full, 'data', 'postmaster.pid');
      if (fs.existsSync(pidFile)) {
        const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
        if (pid > 0 && pidAlive(pid)) continue;
      }
      fs.rmSync(full, { recursive: true, force: true });
    } catch {
      /* another process may be removing it */
    }
  }
}

/**
 * Starts the server. Returns { port, user, password, dir, version, client(db), exec(db, sql), stop() }.
 * stop() is idempotent and safe to call from a signal handler.
 * Options: `base`, the folder the data directory is made in (default baseDir()); `settings`, extra
 * postgresql.conf lines appended after the benchmark's own (a later line wins); `bin`, the folder of
 * initdb, pg_ctl and postgres (default Debian's PostgreSQL 15: PG_BIN).
 */
export async function startServer({ log = () => {}, base = baseDir(), settings = [], bin = PG_BIN } = {}) {
  removeStaleDirs();
  const dir = fs.mkdtempSync(path.join(base, DIR_PREFIX));
  const dataDir = path.join(dir, 'data');
  const password = `bench-${Math.random().toString(36).slice(2, 12)}`;
  const user = 'postgres';
  let started = false;
  let stopped = false;

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      if (started || fs.existsSync(path.join(dataDir, 'postmaster.pid'))) {
        const result = await asServerUser('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop'], bin);
        if (result.code !== 0 && fs.existsSync(path.join(dataDir, 'postmaster.pid'))) {
          const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
          if (pid > 0) try { process.kill(pid, 'SIGQUIT'); } catch { /* already gone */ }
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  try {
    fs.writeFileSync(path.join(dir, 'pwfile'), `${password}\n`, { mode: 0o600 });
    if (isRoot()) {
      fs.chownSync(dir, uidOf('postgres'), gidOf('postgres'));
      fs.chownSync(path.join(dir, 'pwfile'), uidOf('postgres'), gidOf('postgres'));
    }
    log('initdb');
    const init = await asServerUser('initdb', [
      '-D', dataDir, '-U', user, '--pwfile', path.join(dir, 'pwfile'),
      '-E', 'UTF8', '--locale=C', '--auth-local=reject', '--auth-host=scram-sha-256', '--no-sync',
    ], bin);
    if (init.code !== 0) throw new Error(`initdb failed:\n${init.stderr || init.stdout}`);
    fs.rmSync(path.join(dir, 'pwfile'), { force: true });
    // TCP on 127.0.0.1 with a password only; the socket (in `dir`) accepts nobody.
    fs.writeFileSync(path.join(dataDir, 'pg_hba.conf'), 'host all all 127.0.0.1/32 scram-sha-256\n');
    const port = await freePort();
    const conf = [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${dir}'`,
      // pg_dump locks every table in one transaction: 10,000 tables need a bigger lock table than the default.
      'max_locks_per_transaction = 1024',
      // Benchmark server: durability off (only affects loading speed), no background autovacuum noise.
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      'autovacuum = off',
      'shared_buffers = 256MB',
      'max_wal_size = 4GB',
      'logging_collector = off',
      ...settings,
    ].join('\n');
    fs.appendFileSync(path.join(dataDir, 'postgresql.conf'), `\n# parity benchmark\n${conf}\n`);
    log(`starting PostgreSQL (${bin}) on 127.0.0.1:${port}`);
    const start = await asServerUser('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start'], bin);
    started = true;
    if (start.code !== 0) {
      const serverLog = fs.existsSync(path.join(dir, 'server.log')) ? fs.readFileSync(path.join(dir, 'server.log'), 'utf8') : '';
      throw new Error(`pg_ctl start failed:\n${start.stderr || start.stdout}\n${serverLog}`);
    }
    const connection = (database) => ({ host: '127.0.0.1', port, user, password, database });
    const withClient = async (database, fn) => {
      const client = new pg.Client(connection(database));
      await client.connect();
      try {
        return await fn(client);
      } finally {
        await client.end();
      }
    };
    const version = await withClient('postgres', async (c) => (await c.query('SHOW server_version')).rows[0].server_version);
    return { port, user, password, dir, version, connection, withClient, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function idOf(flag, name) {
  const line = fs.readFileSync(flag === 'u' ? '/etc/passwd' : '/etc/group', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`no ${flag === 'u' ? 'user' : 'group'} "${name}" on this machine (apt-get install -y postgresql creates it)`);
  return Number(line.split(':')[2]);
}
function uidOf(name) {
  return idOf('u', name);
}
function gidOf(name) {
  // the primary group of the user
  const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
  if (!line) return idOf('g', name);
  return Number(line.split(':')[3]);
}
