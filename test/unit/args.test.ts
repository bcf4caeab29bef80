import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { helpText, normalizeTokens, parseArgs } from '../../src/cli/args.ts';
import type { CommandSpec } from '../../src/cli/command.ts';
import { ParityError } from '../../src/errors.ts';

const diff: CommandSpec = {
  name: 'diff',
  describe: 'd',
  examples: ['parity diff -source=dev -target=prod'],
  options: { source: { type: 'string', describe: 'the source' }, target: { type: 'string', describe: '' }, rebuild: { type: 'boolean', describe: 'rebuild it' } },
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

test('values that look like numbers stay strings; the last of a repeated parameter counts; an empty value is kept', async () => {
  const parsed = await parseArgs(['diff', '-source=001', '-target=2'], [diff]);
  assert.is(parsed.values['source'], '001');
  assert.is(parsed.values['target'], '2');
  const repeated = await parseArgs(['diff', '-source=a', '-rebuild=false', '-source=b', '-rebuild', '-target='], [diff]);
  assert.equal(repeated.values, { source: 'b', rebuild: true, target: '' });
  assert.equal((await parseArgs(['diff', '-rebuild', '-rebuild=false'], [diff])).values, { rebuild: false });
});

test('unknown flags, other namespaces, stray words and unknown commands are errors', async () => {
  assert.is((await parseError(['diff', '-sourse=dev'])).message, 'unknown parameter sourse');
  assert.is((await parseError(['diff', '-source=dev', '-Rebuild'])).message, 'unknown parameter Rebuild');
  assert.is((await parseError(['diff', '-source'])).message, '-source needs a value (-source=...)');
  assert.is((await parseError(['diff', '-source'])).where, 'parity diff');
  assert.match((await parseError(['diff', '-generate.location=x'])).message, 'does not apply to the diff command');
  assert.match((await parseError(['diff', 'dev'])).message, 'unexpected argument');
  assert.match((await parseError(['dif'])).message, 'unknown command "dif"');
  for (const argv of [['diff', '-sourse=dev'], ['dif']]) assert.is((await parseError(argv)).code, 'INVALID_ARGUMENT');
});

test('booleans: the bare flag and true/false in any case; anything else is an error naming the parameter, never false', async () => {
  assert.is((await parseArgs(['diff', '-rebuild'], [diff])).values['rebuild'], true);
  assert.is((await parseArgs(['diff', '-rebuild=true'], [diff])).values['rebuild'], true);
  assert.is((await parseArgs(['diff', '-diff.rebuild=TRUE'], [diff])).values['rebuild'], true);
  assert.is((await parseArgs(['diff', '--rebuild=False'], [diff])).values['rebuild'], false);
  assert.is((await parseArgs(['diff', '-X=true'], [diff])).values['X'], true);
  for (const value of ['1', 'yes', '0', 'no', '', 'on', 'truee']) {
    const error = await parseError(['diff', `-rebuild=${value}`]);
    assert.is(error.code, 'INVALID_ARGUMENT');
    assert.is(error.message, `-rebuild must be true or false, not "${value}"`);
    assert.is(error.where, 'parity diff');
  }
  assert.is((await parseError(['diff', '-X=1'])).message, '-X must be true or false, not "1"');
});

test('a value written after a space is not repeated in the error (it may be a password)', async () => {
  const error = await parseError(['diff', '-password', 'S3cretValue']);
  assert.is(error.message, 'unexpected argument after -password (parameters look like -name=value, without spaces)');
  assert.not.match(error.message, 'S3cretValue');
});

test('per-command help: parity CMD --help, -h, -? and parity help CMD; an unknown topic is an error', async () => {
  for (const argv of [['diff', '--help'], ['diff', '-h'], ['diff', '-source=x', '-?'], ['help', 'diff'], ['--help', 'diff']]) {
    const parsed = await parseArgs(argv, [diff]);
    assert.is(parsed.command, 'help', argv.join(' '));
    assert.is(parsed.topic, 'diff', argv.join(' '));
  }
  assert.is((await parseArgs(['help'], [diff])).topic, undefined);
  assert.match((await parseError(['help', 'nope'])).message, 'unknown command "nope" (commands: diff)');
  const text = helpText([diff], 'diff');
  assert.match(text, /^Usage: parity diff \[-name=value \.\.\.\]\n\nd\n/);
  assert.match(text, /\n  -source= +the source\n/);
  assert.match(text, /\n  -rebuild\[=true\|false\] +rebuild it\n/);
  assert.match(text, /\nParameters of every command:\n  -configFiles= /);
  assert.match(text, /\nExamples:\n  parity diff -source=dev -target=prod$/);
  assert.match(helpText([diff]), "Run 'parity <command> --help'");
});

test('normalizeTokens keeps = inside values', () => {
  assert.equal(normalizeTokens(['-password=a=b'], 'diff'), ['--password=a=b']);
});

test.run();
