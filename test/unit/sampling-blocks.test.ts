/**
 * Block sampling's pure parts (src/data-diff/sampling-blocks.ts): the effective sample size of a
 * ratio estimated from blocks, against values worked out by hand, and the merged key ranges.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { blockRanges, blocksShare, effectiveSize } from '../../src/data-diff/sampling-blocks.ts';

test('differences spread evenly over the blocks: no design effect, the effective size is the sampled rows', () => {
  // 100 blocks of 10 rows, one difference in each: the ratio is the same in every block.
  assert.is(effectiveSize(Array(100).fill(1), Array(100).fill(10), 10_000), 1000);
});

test('differences in whole blocks: the effective size falls towards the number of blocks', () => {
  // 100 blocks of 10 rows; 5 blocks entirely different. r = 0.05; spread = (5·9.5² + 95·0.5²)/99 = 4.7980;
  // block variance = (1 - 100/10000)·4.7980/(100·100) = 4.7500e-4; row variance = 0.05·0.95/1000 = 4.75e-5;
  // effect 10.0, so 1000 rows count as 100.
  const seen = [...Array(5).fill(10), ...Array(95).fill(0)];
  const size = effectiveSize(seen, Array(100).fill(10), 10_000);
  assert.ok(Math.abs(size - 100) < 0.5, String(size));
});

test('nothing seen, everything seen, one block: the sampled rows (no variance to measure)', () => {
  assert.is(effectiveSize(Array(10).fill(0), Array(10).fill(7), 1000), 70);
  assert.is(effectiveSize(Array(10).fill(7), Array(10).fill(7), 1000), 70);
  assert.is(effectiveSize([3], [7], 1000), 7);
});

test('blocks that touch merge into one range; the share is blocks over the total', () => {
  const blocks = { column: 'id', low: -10n, width: 5n, total: 40, chosen: [0, 1, 2, 7, 9, 10] };
  assert.equal(blockRanges(blocks), [
    [-10n, 5n],
    [25n, 30n],
    [35n, 45n],
  ]);
  assert.is(blocksShare(blocks), 6 / 40);
});

test.run();
