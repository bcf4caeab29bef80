import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { normalizeTokens, parseArgs } from '../../src/cli/args.ts';
import type { CommandSpec } from '../../src/cli/command.ts';
import { ParityError } from '../../src/errors.ts';

const diff: CommandSpec = {
  name: 'diff',
  describe: 'd',
  options: { source: { type: 'string', describe: '' }, target: { type: 'string', describe: '' } },
  run: async () => 0,
};

async function parseError(argv: string[]): Promise<ParityError> {
  try {
    await parseArgs(argv, [diff]);
  } catch (error) {
    if (error instanceof ParityError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

test('Flyway-style, double-dash and namespaced forms all parse', async () => {
  const parsed = await parseArgs(['diff', '-source=dev', '--target=snapshot:a=b.json', '-diff.source=dev2', '-outputType=json', '-X'], [diff]);
  assert.is(parsed.command, 'diff');
  assert.is(parsed.values['source'], 'dev2');
  assert.is(parsed.values['target'], 'snapshot:a=b.json');
  assert.is(parsed.values['outputType'], 'json');
  assert.is(parsed.values['X'], true);
});

test('values that look like numbers stay strings', async () => {
  const parsed = await parseArgs(['diff', '-source=001', '-target=2'], [diff]);
  assert.is(parsed.values['source'], '001');
});

test('unknown flags, other namespaces, stray words and unknown commands are errors', async () => {
  assert.match((await parseError(['diff', '-sourse=dev'])).message, 'unknown parameter');
  assert.match((await parseError(['diff', '-generate.location=x'])).message, 'does not apply to the diff command');
  assert.match((await parseError(['diff', 'dev'])).message, 'unexpected argument');
  assert.match((await parseError(['dif'])).message, 'unknown command "dif"');
  for (const argv of [['diff', '-sourse=dev'], ['dif']]) assert.is((await parseError(argv)).code, 'INVALID_ARGUMENT');
});

test('normalizeTokens keeps = inside values', () => {
  assert.equal(normalizeTokens(['-password=a=b'], 'diff'), ['--password=a=b']);
});

test.run();
