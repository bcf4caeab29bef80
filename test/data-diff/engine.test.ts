/** The engine against two in-memory sides: exact results, and only mismatching buckets and segments downloaded. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { diffTables, type EngineOptions } from '../../src/data-diff/engine.ts';
import { firstModulus } from '../../src/data-diff/grain.ts';
import { keyBucket } from '../../src/data-diff/row-hash.ts';
import { DownloadBudget } from '../../src/data-diff/download-budget.ts';
import { ReportCollector, type SampleSpec } from '../../src/data-diff/report.ts';
import { MAX_MODULUS, type KeyKind, type SideRow } from '../../src/data-diff/table-side.ts';
import { memorySide } from '../support/memory-side.ts';
import { splitColumnSamples } from '../support/data-diff-matrix.ts';

const COLUMNS = ['name', 'amount'];

function table(n: number, start = 1): SideRow[] {
  return Array.from({ length: n }, (_, i) => ({ key: [String(start + i)], values: [`name ${start + i}`, String((start + i) * 3)] }));
}

async function run(sourceRows: SideRow[], targetRows: SideRow[], options: Partial<EngineOptions> & { sample?: SampleSpec; estimate?: number; sides?: Parameters<typeof memorySide>[5] } = {}, kinds: KeyKind[] = ['integer']) {
  const source = memorySide(sourceRows, kinds, COLUMNS, undefined, options.estimate, options.sides);
  const target = memorySide(targetRows, kinds, COLUMNS, undefined, options.estimate, options.sides);
  const keyNames = kinds.map((_, i) => `k${i}`);
  const collector = new ReportCollector({ key: keyNames, columns: COLUMNS, numeric: [false, true] }, options.sample ?? { rows: 20 });
  const result = await diffTables(
    source,
    target,
    { keyKinds: kinds, keyNames, bisectionFactor: 8, bisectionThreshold: 16, threads: 4, budget: new DownloadBudget(Number.MAX_SAFE_INTEGER), ...options },
    { identical: (n) => collector.identical(n), difference: (d) => collector.add(d) },
  );
  return { result, report: collector.finish(result, 0, 'hashdiff'), source, target };
}

/** Integer-keyed sides that report `estimate` as the catalog's row estimate. */
async function runEstimated(src: SideRow[], tgt: SideRow[], estimate: number, bisectionThreshold: number) {
  const source = memorySide(src, ['integer'], COLUMNS, ['k0'], estimate);
  const target = memorySide(tgt, ['integer'], COLUMNS, ['k0'], estimate);
  const collector = new ReportCollector({ key: ['k0'], columns: COLUMNS }, { rows: 20 });
  const options = { keyKinds: ['integer'] as KeyKind[], keyNames: ['k0'], bisectionFactor: 8, bisectionThreshold, threads: 4, budget: new DownloadBudget(1e9) };
  const result = await diffTables(source, target, options, { identical: (c) => collector.identical(c), difference: (d) => collector.add(d) });
  return { result, report: collector.finish(result, 0, 'hashdiff'), source };
}

const keysOf = (samples: { key: Record<string, string | null> }[]) => samples.map((s) => s.key['k0']);

test('identical tables: no differences and no rows downloaded', async () => {
  const { result, report, source } = await run(table(5000), table(5000));
  assert.equal(report.summary, { sourceRows: 5000, targetRows: 5000, onlyInSource: 0, onlyInTarget: 0, differentRows: 0, identicalRows: 5000 });
  assert.is(result.sourceRows, 5000);
  assert.is(result.rowsDownloaded, 0);
  // Each side's key span (its smallest and largest key), then one checksum query per side.
  assert.is(result.queries, 4);
  assert.is(source.calls.rows, 0);
  assert.is(source.calls.stats, 1);
});

test('deletions, insertions and updates at the first key, the last key and in the middle, NULLs included', async () => {
  const src = table(3000);
  const tgt = table(3000).filter((r) => !['1', '1500', '3000'].includes(r.key[0]!));
  tgt.push({ key: ['3001'], values: ['new', '1'] }, { key: ['0'], values: ['zero', null] });
  const updated = new Map<string, SideRow>([
    ['2', { key: ['2'], values: ['changed', '6'] }],
    ['777', { key: ['777'], values: [null, '2331'] }],
    ['2999', { key: ['2999'], values: ['changed', '0'] }],
  ]);
  const target = tgt.map((r) => updated.get(r.key[0]!) ?? r);
  const { result, report } = await run(src, target);
  assert.equal(keysOf(report.samples.onlyInSource), ['1', '1500', '3000']);
  assert.equal(keysOf(report.samples.onlyInTarget), ['0', '3001']);
  assert.equal(keysOf(report.samples.different), ['2', '777', '2999']);
  assert.equal(report.samples.different[1], { key: { k0: '777' }, columns: { name: { source: 'name 777', target: null } } });
  // Shares of the 2,997 rows on both sides; amount is numeric: 2999 held 8997 and holds 0.
  const { stats, sampledIds } = splitColumnSamples(report.columns);
  assert.equal(stats, {
    name: { differentValues: 3, share: Number((3 / 2997).toPrecision(12)) },
    amount: { differentValues: 1, share: Number((1 / 2997).toPrecision(12)), maxAbsoluteDifference: 8997, meanAbsoluteDifference: 8997 },
  });
  assert.equal(sampledIds, { name: [2, 777, 2999], amount: [2999] });
  assert.equal(report.columns['amount']!.samples, [{ key: { k0: '2999' }, source: '8997', target: '0' }]);
  assert.equal(report.summary.identicalRows, 3000 - 3 - 3);
  assert.is(result.sourceRows, 3000);
  assert.is(result.targetRows, 2999);
  assert.ok(result.rowsDownloaded < 300, `downloaded ${result.rowsDownloaded}`);
});

test('a whole range missing and an empty side', async () => {
  const src = table(2000);
  const { report } = await run(src, src.filter((r) => Number(r.key[0]) < 400 || Number(r.key[0]) >= 1400));
  assert.is(report.summary.onlyInSource, 1000);
  assert.is(report.summary.identicalRows, 1000);
  assert.is(report.samples.onlyInSource.length, 20);
  assert.equal(keysOf(report.samples.onlyInSource).slice(0, 2), ['400', '401']);
  const empty = await run([], table(100));
  assert.is(empty.report.summary.onlyInTarget, 100);
});

test('text and composite keys: code point order, gaps, unicode', async () => {
  const kinds: KeyKind[] = ['text', 'integer'];
  const words = ['a', 'B', 'Z', 'é', 'z', '\u{1F600}', '\uFFFD', 'ab', 'aa'];
  const rows: SideRow[] = words.flatMap((w) => Array.from({ length: 50 }, (_, i) => ({ key: [w, String(i * 7 - 100)], values: [w, String(i)] })));
  const target = rows.filter((r) => !(r.key[0] === '\u{1F600}' && r.key[1] === '-2')).map((r) => (r.key[0] === 'é' && r.key[1] === '5' ? { key: r.key, values: [r.values[0]!, 'x'] } : r));
  const { report } = await run(rows, target, {}, kinds);
  assert.equal(report.samples.onlyInSource.map((s) => [s.key['k0'], s.key['k1']]), [['\u{1F600}', '-2']]);
  assert.equal(report.samples.different.map((s) => [s.key['k0'], s.key['k1']]), [['é', '5']]);
  assert.is(report.summary.identicalRows, rows.length - 2);
});

test('samples: a row count, a percentage, and the cap on rows downloaded', async () => {
  const src = table(2000);
  const tgt = src.map((r) => (Number(r.key[0]) % 10 === 0 ? { key: r.key, values: [r.values[0]!, 'changed'] } : r));
  const few = await run(src, tgt, { sample: { rows: 3 } });
  assert.is(few.report.summary.differentRows, 200);
  assert.equal(keysOf(few.report.samples.different), ['10', '20', '30']);
  const percent = await run(src, tgt, { sample: { percent: 10 } });
  const n = percent.report.samples.different.length;
  assert.ok(n > 5 && n < 50, `10% of 200 gave ${n}`);
  const capped = await run(src, tgt, { budget: new DownloadBudget(100) });
  assert.is(capped.result.complete, false);
  assert.ok(capped.result.rowsDownloaded <= 100);
  assert.ok(capped.report.summary.differentRows < 200);
});

test('range grains and modulus grains find the same differences; rows outside the key span are found in the edge buckets', async () => {
  const src = table(3000);
  const tgt = src.filter((r) => !['1', '1500'].includes(r.key[0]!)).map((r) => (r.key[0] === '2999' ? { key: r.key, values: ['changed', '0'] } : r));
  tgt.push({ key: ['-7'], values: ['below', '1'] }, { key: ['9000000'], values: ['above', '2'] });
  const expected = { sourceRows: 3000, targetRows: 3000, onlyInSource: 2, onlyInTarget: 2, differentRows: 1, identicalRows: 2997 };
  const ranged = await run(src, tgt);
  assert.equal(ranged.report.summary, expected);
  assert.ok(ranged.source.calls.grains.every((g) => 'width' in g), 'range grains when both sides tell their key span');
  const modulus = await run(src, tgt, { sides: { keySpan: false } });
  assert.equal(modulus.report.summary, expected);
  assert.ok(modulus.source.calls.grains.every((g) => 'modulus' in g), 'modulus grains otherwise');
  // Key ends read before rows were written beyond them: those rows fall in buckets -1 and `count`.
  const stale = await run(src, tgt, { sides: { span: { min: '100', max: '2900' } } });
  assert.equal(stale.report.summary, expected);
  assert.equal(keysOf(stale.report.samples.onlyInTarget), ['-7', '9000000']);
  assert.equal(keysOf(stale.report.samples.onlyInSource), ['1', '1500']);
  assert.equal(keysOf(stale.report.samples.different), ['2999']);
});

test('a side that reads range buckets one SELECT each: the first pass has at most its limit of buckets, about 512 rows each', async () => {
  const n = 20_000;
  const src = table(n);
  const tgt = src.map((r) => (['5', '12345'].includes(r.key[0]!) ? { key: r.key, values: ['x', 'y'] } : r));
  const { report, source } = await run(src, tgt, { estimate: n, sides: { unionLimit: 30 } });
  assert.equal(keysOf(report.samples.different), ['5', '12345']);
  const first = source.calls.grains[0]!;
  assert.ok('width' in first && first.count <= 30, JSON.stringify(first));
  const unlimited = await run(src, tgt, { estimate: n, sides: { unionLimit: 4096 } });
  assert.equal(keysOf(unlimited.report.samples.different), ['5', '12345']);
  const grain = unlimited.source.calls.grains[0]!;
  assert.ok('width' in grain && grain.count <= Math.ceil(n / 512) && grain.count > n / 512 / 1.1, JSON.stringify(grain));
});

test('memory bound: at most -threads segments are downloaded at once', async () => {
  const src = table(4000);
  const tgt = src.map((r) => (Number(r.key[0]) % 3 === 0 ? { key: r.key, values: ['x', 'y'] } : r));
  const { report, source, target } = await run(src, tgt, { threads: 3 });
  assert.is(report.summary.differentRows, 1333);
  assert.ok(source.calls.rows > 3);
  assert.ok(source.calls.maxOpenRows <= 3 && target.calls.maxOpenRows <= 3, `${source.calls.maxOpenRows} open downloads`);
  assert.ok(source.calls.maxOpenRows > 1, 'downloads run in parallel');
});

test('scattered differences: one grouped pass, one refinement, and only their buckets downloaded', async () => {
  const n = 100_000;
  const changed = new Set(['1', '4711', '77777', '83457', '99999', '100000']);
  const src = table(n);
  const tgt = src.map((r) => (changed.has(r.key[0]!) ? { key: r.key, values: ['x', 'y'] } : r));
  // The catalog's estimate sets the first pass's buckets: 100,000 / 16 rows each.
  const { result, report, source } = await runEstimated(src, tgt, n, 40);
  assert.equal(keysOf(report.samples.different), [...changed]);
  assert.is(report.summary.identicalRows, n - changed.size);
  // 6 buckets of ~16 rows mismatch (96 rows > 40): refined 8 times finer, then ~2 rows each downloaded.
  assert.is(source.calls.stats, 2);
  assert.is(source.calls.boundaries, 0);
  assert.is(source.calls.rows, 1);
  assert.ok(result.rowsDownloaded <= 2 * 6 * 4, `downloaded ${result.rowsDownloaded}`);
});

test('clustered differences: the range is split by row count, not refined', async () => {
  const n = 50_000;
  const src = table(n);
  const tgt = src.filter((r) => Number(r.key[0]) < 20_000 || Number(r.key[0]) >= 23_000);
  const { result, report, source } = await runEstimated(src, tgt, n, 500);
  assert.is(report.summary.onlyInSource, 3000);
  assert.is(report.summary.identicalRows, n - 3000);
  assert.equal(keysOf(report.samples.onlyInSource).slice(0, 2), ['20000', '20001']);
  // Range buckets: the cuts are bucket starts chosen from the counts already known, no query numbers rows.
  assert.is(source.calls.boundaries, 0);
  // Only the segments holding the missing range are downloaded: the 3,000 rows and little more.
  assert.ok(result.rowsDownloaded < 3000 * 1.5, `downloaded ${result.rowsDownloaded}`);
  // Modulus buckets (no key span): the side with more rows numbers them to find the cuts.
  const modulus = await run(src, tgt, { estimate: n, bisectionThreshold: 500, sides: { keySpan: false } });
  assert.is(modulus.report.summary.onlyInSource, 3000);
  assert.ok(modulus.source.calls.boundaries > 0);
});

test('dense differences (a third of the rows, at random): split by bucket counts, every difference found, on both grains', async () => {
  const n = 30_000;
  const src = table(n);
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const changed = new Set<string>();
  const tgt = src.flatMap((r) => {
    const x = random();
    if (x < 0.1) return [];
    if (x < 0.3) {
      changed.add(r.key[0]!);
      return [{ key: r.key, values: ['x', r.values[1]!] }];
    }
    return [r];
  });
  const missing = n - tgt.length;
  for (const sides of [{}, { keySpan: false }] as const) {
    const { report, result } = await run(src, tgt, { estimate: n, bisectionThreshold: 256, sides });
    assert.equal(report.summary, { sourceRows: n, targetRows: n - missing, onlyInSource: missing, onlyInTarget: 0, differentRows: changed.size, identicalRows: n - missing - changed.size }, JSON.stringify(sides));
    assert.is(result.complete, true);
  }
});

test('a stale estimate (or none): a small first guess still finds buckets, no estimate uses the most', async () => {
  const src = table(5000);
  const tgt = src.map((r) => (r.key[0] === '2500' ? { key: r.key, values: ['x', 'y'] } : r));
  const { result, report, source } = await runEstimated(src, tgt, 3, 16);
  assert.equal(keysOf(report.samples.different), ['2500']);
  assert.is(source.calls.stats, 2, 'the whole table, then its buckets');
  assert.is(source.calls.keySpan, 1, 'the key span is read when buckets are first wanted');
  assert.ok('width' in source.calls.grains[1]!, 'range buckets then');
  // A handful of rows: one checksum per side, no key span read.
  const tiny = await run(table(10), table(10), { estimate: 10 });
  assert.is(tiny.source.calls.keySpan, 0);
  assert.is(tiny.result.queries, 2);
  assert.ok(result.rowsDownloaded <= 2 * 16);
  assert.is(firstModulus(undefined), 65_535);
  assert.is(firstModulus(16), 1);
  assert.is(firstModulus(1600), 101);
  assert.is(firstModulus(10_000_000), 65_535);
});

test('key buckets: integer keys by MOD with the sign of the key, other keys by 28 bits of MD5', () => {
  assert.is(keyBucket(['17'], ['integer'], 5), 2);
  assert.is(keyBucket(['-17'], ['integer'], 5), -2);
  assert.is(keyBucket(['9223372036854775807'], ['integer'], 65_535), Number(9223372036854775807n % 65535n));
  assert.is(keyBucket(['anything'], ['text'], 1), 0);
  // md5('1:a1:7') = 'a3c0...' style: the first 7 hex digits, modulo.
  const md5 = createHash('md5').update('1:a1:7', 'utf8').digest('hex');
  assert.is(keyBucket(['a', '7'], ['text', 'integer'], 1000), parseInt(md5.slice(0, 7), 16) % 1000);
  assert.is(keyBucket(['é'], ['text'], MAX_MODULUS), parseInt(createHash('md5').update('1:é', 'utf8').digest('hex').slice(0, 7), 16));
});

test('a duplicate key in a downloaded segment is an error', async () => {
  const src = table(10);
  const dup = [...src, { key: ['5'], values: ['again', '1'] }];
  try {
    await run(src, dup);
    assert.unreachable();
  } catch (error) {
    assert.match((error as Error).message, /key \(k0\) is not unique in the target: k0=5/);
  }
});

test.run();
