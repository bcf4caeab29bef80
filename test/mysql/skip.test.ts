/**
 * Without mariadbd, MySQL test files print one `SKIPPED:` line and exit 0, except under CI=true,
 * where a missing server fails. Checked in child processes with MARIADBD naming no file.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const script = "import { skipWithoutMariadb } from './test/support/mariadb-server.ts'; if (!skipWithoutMariadb()) console.log('RUN');";

function child(env: Record<string, string>): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout };
}

test('no mariadbd, no CI: one SKIPPED line and exit 0', () => {
  const result = child({ MARIADBD: '/nonexistent/mariadbd' });
  assert.is(result.status, 0);
  assert.is(result.stdout, 'SKIPPED: mariadbd not installed (apt-get install -y mariadb-server)\n');
});

test('no mariadbd under CI=true: a failure', () => {
  const result = child({ MARIADBD: '/nonexistent/mariadbd', CI: 'true' });
  assert.is.not(result.status, 0);
  assert.not.match(result.stdout, 'SKIPPED');
});

test('a mariadbd that exists: the tests run', () => {
  const result = child({ MARIADBD: process.execPath });
  assert.equal(result, { status: 0, stdout: 'RUN\n' });
});

test.run();
