/** The engine's grains (src/data-diff/grain.ts): the first one from size and key span, finer ones that nest. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bucketCuts, finerGrain, firstGrain, membersWithin, rangeGrain } from '../../src/data-diff/grain.ts';
import { filterChunks } from '../../src/data-diff/sql/range-grain-sql.ts';
import { rangeBucket } from '../../src/data-diff/row-hash.ts';
import { WHOLE, type RangeGrain } from '../../src/data-diff/table-side.ts';

test('a range grain: about the wanted buckets, a width within 1/16 of the ideal, holding a large power of two', () => {
  for (const [min, max, wanted] of [
    ['1', '1000000', 62_500],
    ['2', '20000000', 4096],
    ['-5000', '5000', 7],
    ['9007199254740000', '9007199254750000', 100],
    ['0', '40', 12],
  ] as const) {
    const grain = rangeGrain({ min, max }, wanted)!;
    const values = Number(BigInt(max) - BigInt(min) + 1n);
    const ideal = Math.ceil(values / wanted);
    assert.ok(grain.width >= ideal && grain.width <= ideal * (1 + 1 / 16), `${min}..${max}: width ${grain.width} for ideal ${ideal}`);
    assert.ok(grain.count <= wanted, `${grain.count} buckets for ${wanted}`);
    assert.is(grain.count, Math.floor((values - 1) / grain.width) + 1);
    assert.is(rangeBucket(max, grain), grain.count - 1);
    assert.is(rangeBucket(min, grain), 0);
  }
  // Beyond the limits: keys past ±2^62, or 2^53 values or more, get no range grain.
  assert.is(rangeGrain({ min: '0', max: String(2n ** 53n) }, 100), undefined);
  assert.is(rangeGrain({ min: String(-(2n ** 62n) - 1n), max: '0' }, 100), undefined);
  assert.ok(rangeGrain({ min: '0', max: String(2n ** 53n - 2n) }, 100) !== undefined);
});

test('the edges: keys below the origin are bucket -1, above the last key bucket `count`', () => {
  const grain = rangeGrain({ min: '-10', max: '10' }, 3)!;
  assert.is(rangeBucket('-11', grain), -1);
  assert.is(rangeBucket('-9223372036854775808', grain), -1);
  assert.is(rangeBucket('11', grain), grain.count);
  assert.is(rangeBucket('9223372036854775807', grain), grain.count);
  assert.is(rangeBucket('-10', grain), 0);
  assert.is(rangeBucket(String(-10 + grain.width), grain), 1);
  assert.is(rangeBucket(String(-10 + grain.width - 1), grain), 0);
});

test('finer grains nest: every finer bucket lies in one bucket of the coarser grain, down to one key per bucket', () => {
  for (const factor of [32, 8, 10, 2]) {
    let grain: RangeGrain | null = rangeGrain({ min: '-1000', max: '1000000' }, 4096)!;
    let steps = 0;
    while (grain !== null) {
      const finer: RangeGrain | null = finerGrain(grain, factor);
      if (finer === null) {
        assert.is(grain.width, 1, 'only a width of 1 cannot be refined');
        break;
      }
      assert.ok(finer.width < grain.width && grain.width % finer.width === 0, `factor ${factor}: ${grain.width} -> ${finer.width}`);
      // At most `factor` times finer, but for the last step of a width without twos (below 32) to one key.
      assert.ok(finer.width * factor >= grain.width || (finer.width === 1 && grain.width < 32), `factor ${factor}: ${grain.width} -> ${finer.width}`);
      for (const key of ['-1000', '-999', '0', '4095', '4096', '999999', '1000000']) {
        assert.is(Math.floor((rangeBucket(key, finer) * finer.width) / grain.width), rangeBucket(key, grain), `${key}`);
      }
      grain = finer;
      steps++;
    }
    assert.ok(steps >= 2 && steps < 30, `${steps} refinements at factor ${factor}`);
  }
  assert.equal(finerGrain({ modulus: 101 }, 8), { modulus: 808 });
  assert.is(finerGrain({ modulus: 2 ** 26 }, 8), null);
});

test('the first grain: range buckets when the span is known, fewer and larger for a side reading them one SELECT each', () => {
  const span = { min: '1', max: '2000000' };
  assert.equal(firstGrain(10, span), WHOLE, 'a handful of rows: one bucket');
  const grouped = firstGrain(1_000_000, span) as RangeGrain;
  assert.ok(grouped.count > 60_000 && grouped.count <= 62_500, `${grouped.count} buckets of ~16 rows`);
  const union = firstGrain(1_000_000, span, 4096) as RangeGrain;
  assert.ok(union.count > 1800 && union.count <= 1954, `${union.count} buckets of ~512 rows`);
  assert.ok((firstGrain(100_000_000, span, 4096) as RangeGrain).count <= 4096, 'at most the union limit');
  assert.equal(firstGrain(1_000_000, undefined), { modulus: 62_501 }, 'no span: a modulus');
  assert.equal(firstGrain(1_000_000, { min: '0', max: String(2n ** 60n) }), { modulus: 62_501 }, 'a span too wide: a modulus');
});

test('a filter of many key ranges is read at most 32 runs per statement, in key order; cuts and members from bucket counts', () => {
  const grain = rangeGrain({ min: '0', max: '99999' }, 1000)!;
  // 100 runs: pairs of consecutive buckets, every tenth bucket.
  const members = [-1, ...Array.from({ length: 99 }, (_, i) => [i * 10, i * 10 + 1]).flat(), grain.count];
  const chunks = filterChunks({ ...grain, members });
  assert.equal(chunks.flatMap((c) => c.members), members, 'every member once, in order');
  const runs = (ms: readonly number[]) => ms.filter((b, i) => i === 0 || b !== ms[i - 1]! + 1).length;
  // -1, 0, 1 make one run: 100 runs.
  assert.equal(chunks.map((c) => runs(c.members)), [32, 32, 32, 4]);
  assert.ok(chunks.every((c) => 'width' in c && c.width === grain.width && c.origin === grain.origin));
  assert.equal(filterChunks({ modulus: 97, members: [1, 5, 9] }), [{ modulus: 97, members: [1, 5, 9] }], 'modulus filters stay whole');
  // Cuts: bucket starts splitting the rows into near-equal parts (bucket 40 holds half the rows).
  const rows = (b: number) => (b === 40 ? 990 : 10);
  const cuts = bucketCuts(grain, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], rows, 4);
  assert.ok(cuts.length >= 1 && cuts.length <= 3, JSON.stringify(cuts));
  assert.ok(cuts.every(([k]) => Number(k) % grain.width === 0), 'bucket starts');
  assert.equal(bucketCuts(grain, [5], rows, 4), [], 'one bucket cannot be cut');
  assert.equal(membersWithin(grain, members, { from: [String(grain.width * 10)], to: [String(grain.width * 30)] }), [10, 11, 20, 21]);
  assert.equal(membersWithin(grain, members, { to: ['0'] }), [-1]);
  assert.equal(membersWithin(grain, members, { from: ['99999'] }), [grain.count]);
});

test.run();
