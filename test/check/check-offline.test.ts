/**
 * `parity check -code -code.scope=all` without an environment (no database at all): every migration
 * of the project is checked with the project's dialect (the root `databaseType`, else PostgreSQL), the
 * JSON names no environment, `-code.failOnError=true` is exit 14, and every other check still needs
 * `-environment` (exit 2, one line). The words of a rule inside a comment or a string never count.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../support/cli.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-check-offline-'));

function project(name: string, toml: string, files: Record<string, string>): string {
  const dir = path.join(work, name);
  fs.mkdirSync(path.join(dir, 'migrations'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'flyway.toml'), toml);
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, 'migrations', file), text);
  return dir;
}

const FILES = {
  'V1__init.sql': "CREATE TABLE t (id int PRIMARY KEY, note text);\nINSERT INTO t VALUES (1, 'DROP TABLE t; TRUNCATE t');\n",
  'V2__drop.sql': '-- DROP TABLE t\nSELECT 1;\nDROP TABLE t;\n',
};

test.after(() => fs.rmSync(work, { recursive: true, force: true }));

for (const [dialect, toml] of [
  ['PostgreSQL (the default)', '[flyway]\nlocations = ["filesystem:migrations"]\n'],
  ['MySQL (databaseType)', 'databaseType = "MySql"\n[flyway]\nlocations = ["filesystem:migrations"]\n'],
] as const) {
  test(`${dialect}: -code -code.scope=all checks every migration without a database; exit 14 with -code.failOnError`, async () => {
    const dir = project(dialect.split(' ')[0]!, toml, FILES);
    const run = (...args: string[]) => runCli(['check', '-code', '-code.scope=all', '-reportFilename=out/r.html', ...args], { cwd: dir, env: {} });
    const result = await run('-outputType=json');
    assert.is(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout) as { environment: unknown; code: { scope: string; scripts: string[]; errors: number; violations: object[] } };
    assert.is(json.environment, null);
    assert.equal([json.code.scope, json.code.scripts, json.code.errors], ['all', ['migrations/V1__init.sql', 'migrations/V2__drop.sql'], 1]);
    assert.equal(json.code.violations, [{ file: 'migrations/V2__drop.sql', line: 3, rule: 'drop-table', severity: 'error', message: 'DROP TABLE t' }]);
    assert.ok(fs.existsSync(path.join(dir, 'out', 'r.html')) && fs.existsSync(path.join(dir, 'out', 'r.json')));
    const failing = await run('-code.failOnError=true');
    assert.is(failing.code, 14, failing.stderr);
    assert.match(failing.stdout, /\| migrations\/V2__drop\.sql \| 3 +\| drop-table \| error/);
  });
}

test('the other checks, and -code of the pending migrations, need -environment (exit 2, one line)', async () => {
  const dir = project('needs-env', '[flyway]\nlocations = ["filesystem:migrations"]\n', FILES);
  for (const args of [['-code'], ['-drift'], ['-changes'], ['-dryrun'], ['-code', '-code.scope=all', '-drift']]) {
    const result = await runCli(['check', ...args, '-reportFilename=out/r.html'], { cwd: dir, env: {} });
    assert.is(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, /^ERROR: missing required parameter -environment \(the environment to check\) \(parity check\)\n$/);
  }
});

test.run();
