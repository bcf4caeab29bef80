import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { generateJson, generateWarnings, WARNING_LINES_PER_SCRIPT } from '../../src/output/generate-report.ts';
import type { GenerateResult } from '../../src/generate/generate.ts';

test('destructive warnings: at most a few lines per script on stderr, then how many more; the JSON keeps them all', () => {
  const undo = Array.from({ length: 2000 }, (_, i) => `U2__x.sql: drops table public.t${i} and its data`);
  const result: GenerateResult = {
    files: [{ type: 'undo', path: '/p/migrations/U2__x.sql' }],
    warnings: ['V2__x.sql: drops column public.a.b and its data', ...undo],
    changeCount: 2001,
  };
  const lines = generateWarnings(result);
  assert.is(lines.length, 1 + WARNING_LINES_PER_SCRIPT + 1);
  assert.is(lines[0], 'WARNING: V2__x.sql: drops column public.a.b and its data');
  assert.equal(lines.slice(1, 1 + WARNING_LINES_PER_SCRIPT), undo.slice(0, WARNING_LINES_PER_SCRIPT).map((w) => `WARNING: ${w}`));
  assert.is(lines.at(-1), `WARNING: U2__x.sql: ${2000 - WARNING_LINES_PER_SCRIPT} more destructive statements, each marked "-- WARNING: destructive" in the script`);
  assert.is(generateJson(result, '/p').warnings.length, 2001);
  // A few warnings are all shown.
  assert.equal(generateWarnings({ ...result, warnings: undo.slice(0, 3) }), undo.slice(0, 3).map((w) => `WARNING: ${w}`));
});

test.run();
