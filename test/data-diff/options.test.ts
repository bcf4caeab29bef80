/** dataDiff's parameter values: durations, samples, and the key ordering the sides must follow. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { durationMs, sampleSpec } from '../../src/cli/data-diff-options.ts';
import { compareKeys, compareText, splitRange } from '../../src/data-diff/keys.ts';
import { ParityError } from '../../src/errors.ts';

test('durations and samples', () => {
  assert.is(durationMs('minAge', '5min'), 300_000);
  assert.is(durationMs('maxAge', '1h'), 3_600_000);
  assert.is(durationMs('maxAge', '30s'), 30_000);
  assert.throws(() => durationMs('maxAge', '5 parsecs'), (e: unknown) => e instanceof ParityError && /-maxAge must be a duration/.test(e.message));
  assert.equal(sampleSpec(undefined), { rows: 20 });
  assert.equal(sampleSpec('5'), { rows: 5 });
  assert.equal(sampleSpec('0.5%'), { percent: 0.5 });
  assert.throws(() => sampleSpec('150%'));
});

test('keys: integers numerically, text by code point (UTF-8 byte order), tuples column by column', () => {
  assert.is(compareKeys(['9'], ['10'], ['integer']), -1);
  assert.is(compareKeys(['-5'], ['3'], ['integer']), -1);
  assert.is(compareKeys(['9007199254740993'], ['9007199254740992'], ['integer']), 1);
  assert.is(compareText('Z', 'a'), -1);
  assert.is(compareText('\uFFFD', '\u{1F600}'), -1, 'a supplementary character sorts after the BMP, as in UTF-8');
  assert.is(compareText('ab', 'a'), 1);
  assert.is(compareKeys(['a', '10'], ['a', '9'], ['text', 'integer']), 1);
  assert.equal(splitRange({}, [['5'], ['9']]), [{ to: ['5'] }, { from: ['5'], to: ['9'] }, { from: ['9'] }]);
});

test.run();
