/**
 * The database drivers load on first use (src/dialects/drivers.ts), not when parity starts (issue 16:
 * importing all four cost ~0.5 s of every run). The built binary runs with a preloaded script that
 * lists, when the process exits, the packages in Node's module cache (all four drivers are CommonJS,
 * also when imported from ESM): `--version` loads none, a PostgreSQL-only dataDiff or diff loads `pg`
 * and none of mssql, oracledb, mysql2. Nor do those runs load ajv or json-stable-stringify
 * (src/artifact/json-file.ts requires them when a snapshot or artifact is read or JSON written).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXIT_CODES } from '../../src/cli/exit-codes.ts';
import { runBinary } from '../support/cli.ts';

const DEFERRED = ['mssql', 'oracledb', 'mysql2', 'pg', 'ajv', 'json-stable-stringify'];
const MARK = 'LOADED-PACKAGES:';

let work: string;

test.before(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-lazy-drivers-'));
  // Both environments on a loopback port nothing listens on: the run fails when it connects.
  fs.writeFileSync(path.join(work, 'flyway.toml'), ['a', 'b'].map((name) => `[environments.${name}]\nurl = "jdbc:postgresql://127.0.0.1:1/${name}"\n`).join(''));
  fs.writeFileSync(
    path.join(work, 'preload.cjs'),
    `const fs = require('node:fs');
const Module = require('node:module');
process.on('exit', () => {
  const names = new Set();
  for (const file of Object.keys(Module._cache)) {
    const m = /[\\\\/]node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)[\\\\/]/.exec(file);
    if (m) names.add(m[1]);
  }
  fs.writeSync(2, ${JSON.stringify(MARK)} + JSON.stringify([...names].sort()) + '\\n');
});
`,
  );
});

test.after(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

/** Runs the binary with the preload; returns the exit code, its stderr without the list, and which of DEFERRED it loaded. */
async function loadedDeferred(...args: string[]): Promise<{ code: number; stderr: string; loaded: string[] }> {
  const result = await runBinary(args, { cwd: work, env: { NODE_OPTIONS: `--require ${path.join(work, 'preload.cjs')}` }, timeoutMs: 30_000 });
  const line = result.stderr.split('\n').find((l) => l.startsWith(MARK));
  assert.ok(line !== undefined, `no package list: ${result.stderr}`);
  const packages = JSON.parse(line.slice(MARK.length)) as string[];
  return { code: result.code, stderr: result.stderr.replace(`${line}\n`, ''), loaded: DEFERRED.filter((d) => packages.includes(d)) };
}

test('--version loads no database driver, nor ajv or json-stable-stringify', async () => {
  const run = await loadedDeferred('--version');
  assert.is(run.code, 0, run.stderr);
  assert.equal(run.loaded, []);
});

test('a PostgreSQL dataDiff loads pg and no other driver, nor ajv or json-stable-stringify (it reaches the connection: exit 4)', async () => {
  const run = await loadedDeferred('dataDiff', '-source=a', '-target=b', '-table=t', '-key=id');
  assert.is(run.code, EXIT_CODES.CONNECTION_FAILED, run.stderr);
  assert.match(run.stderr, /^ERROR: /);
  assert.equal(run.loaded, ['pg']);
});

test('a PostgreSQL diff loads pg and no other driver, nor ajv or json-stable-stringify (it reaches the connection: exit 4)', async () => {
  const run = await loadedDeferred('diff', '-source=a', '-target=b');
  assert.is(run.code, EXIT_CODES.CONNECTION_FAILED, run.stderr);
  assert.equal(run.loaded, ['pg']);
});

test.run();
