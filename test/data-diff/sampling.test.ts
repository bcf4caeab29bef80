/**
 * Sampling (`-samplingRatio`, `-samplingMaxRows`, src/data-diff/sampling.ts), live: 20,000 rows with
 * 1,000 deleted, 500 inserted and 2,000 changed on the target. The test picks the sampled keys itself
 * (the first 28 bits of MD5 of `<length>:<id>` below the threshold) and counts what the sample must
 * hold: parity's counts equal those exactly, PostgreSQL against PostgreSQL and against MariaDB (both
 * sides pick the same keys) and on both algorithms; the true counts fall inside the reported
 * intervals at several ratios; a rerun gives the same answer; small and keyless tables are compared
 * whole; every output says "sampled"; mistakes are exit 2.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../support/cli.ts';
import { environmentSection } from '../support/flyway-toml.ts';
import { skipWithoutMariadb, startMariadb, type TestMariadb } from '../support/mariadb-server.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

const ROWS = 20_000;
const deleted = (id: number) => id % 20 === 0;
const changed = (id: number) => id % 10 === 3;
const INSERTED = Array.from({ length: 500 }, (_, i) => ROWS + 1 + i);
const TRUE_COUNTS = { onlyInSource: 1000, onlyInTarget: 500, differentRows: 2000, identicalRows: 17_000 };

let pgServer: TestPostgres;
let maria: TestMariadb;
let work: string;

const TARGET_CHANGES = `DELETE FROM big WHERE id % 20 = 0;
  INSERT INTO big SELECT i, 1, 'new' FROM generate_series(${ROWS + 1}, ${ROWS + 500}) i;
  UPDATE big SET amount = amount + 1 WHERE id % 10 = 3;
  DELETE FROM small WHERE id = 1;`;
const TABLES = `CREATE TABLE big (id integer PRIMARY KEY, amount numeric(10,2), note text);
  INSERT INTO big SELECT i, i * 1.25, 'n' || i FROM generate_series(1, ${ROWS}) i;
  CREATE TABLE small (id integer PRIMARY KEY, v text); INSERT INTO small SELECT i, 'v' || i FROM generate_series(1, 50) i;
  CREATE TABLE bag (v text); INSERT INTO bag SELECT 'x' || (i % 7) FROM generate_series(1, 200) i;`;

/** Whether the test's own hash puts key `id` in a sample of `ratio`. */
function inSample(id: number, ratio: number): boolean {
  const text = `${String(id).length}:${id}`;
  return parseInt(createHash('md5').update(text).digest('hex').slice(0, 7), 16) < Math.round(ratio * 2 ** 28);
}

/** What the sample of `ratio` holds, counted by the test. */
function sampledCounts(ratio: number) {
  return countsOf((id) => inSample(id, ratio));
}

/** What a sample holding the keys `sampled` says yes to holds, counted by the test. */
function countsOf(sampled: (id: number) => boolean) {
  const ids = Array.from({ length: ROWS }, (_, i) => i + 1).filter(sampled);
  const onlyInSource = ids.filter(deleted).length;
  const differentRows = ids.filter((id) => !deleted(id) && changed(id)).length;
  return {
    sourceRows: ids.length,
    targetRows: ids.length - onlyInSource + INSERTED.filter(sampled).length,
    onlyInSource,
    onlyInTarget: INSERTED.filter(sampled).length,
    differentRows,
    identicalRows: ids.length - onlyInSource - differentRows,
  };
}

/** The key blocks of a block sample, checked for shape: ascending, disjoint, whole blocks of `width` from the lowest key (1). */
function checkedRanges(report: Report): Array<[number, number]> {
  const blocks = report.sampling!.blocks!;
  const width = Number(blocks.width);
  const ranges = blocks.ranges.map(([from, to]) => [Number(from), Number(to)] as [number, number]);
  let covered = 0;
  ranges.forEach(([from, to], i) => {
    assert.ok((from - 1) % width === 0 && (to - from) % width === 0 && to > from, `range ${from}-${to} is not whole blocks of ${width}`);
    if (i > 0) assert.ok(from > ranges[i - 1]![1], `ranges ${i - 1} and ${i} touch or overlap`);
    assert.ok(from >= 1 && from <= ROWS + INSERTED.length, `range ${from}-${to} outside the keys`);
    covered += (to - from) / width;
  });
  assert.is(covered, blocks.sampled);
  assert.is(report.sampling!.ratio, blocks.sampled / blocks.of);
  return ranges;
}

const inRanges = (ranges: ReadonlyArray<readonly [number, number]>) => (id: number) => ranges.some(([from, to]) => id >= from && id < to);

function assertInside(report: Report, truth: Record<string, number>): void {
  for (const [name, value] of Object.entries(truth)) {
    const e = report.sampling!.estimates[name]!;
    assert.ok(e.low <= value && value <= e.high, `${name}: ${value} outside ${e.low}-${e.high} (estimate ${e.estimate})`);
    assert.ok(e.low <= e.estimate && e.estimate <= e.high, `${name}: ${JSON.stringify(e)}`);
  }
}

interface Estimate { estimate: number; low: number; high: number }
interface Report {
  summary: Record<string, number>;
  sampling?: {
    selection: string;
    rows: string;
    ratio: number;
    confidence: number;
    method: string;
    sourceRows: number;
    targetRows: number;
    estimates: Record<string, Estimate>;
    blocks?: { column: string; width: string; sampled: number; of: number; ranges: Array<[string, string]> };
  };
  stats: { seconds: number; algorithm: string };
}

const KEY_HASH = '-samplingMethod=keyHash';

const run = (...args: string[]) => runCli(['dataDiff', ...args], { cwd: work, env: { PW: pgServer.password, MPW: maria.password } });

async function json(...args: string[]): Promise<Report> {
  const result = await run(...args, '-outputType=json');
  assert.is(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as Report;
}

if (!skipWithoutMariadb()) {
  test.before(async () => {
    [pgServer, maria] = await Promise.all([startPostgres(), startMariadb()]);
    await pgServer.createDatabase('src');
    await pgServer.createDatabase('dst');
    // src also holds the changed copy in schema b, for the JOIN on one connection (joindiff).
    await pgServer.exec('src', `${TABLES} CREATE SCHEMA b; SET search_path = b; ${TABLES} ${TARGET_CHANGES}`);
    await pgServer.exec('dst', `${TABLES} ${TARGET_CHANGES}`);
    await maria.createDatabase('dst');
    await maria.execAll('dst', [
      'CREATE TABLE big (id INT PRIMARY KEY, amount DECIMAL(10,2), note TEXT)',
      `INSERT INTO big SELECT seq, seq * 1.25, CONCAT('n', seq) FROM seq_1_to_${ROWS} WHERE seq % 20 <> 0`,
      `INSERT INTO big SELECT seq, 1, 'new' FROM seq_${ROWS + 1}_to_${ROWS + 500}`,
      'UPDATE big SET amount = amount + 1 WHERE id % 10 = 3',
    ]);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-sampling-'));
    const env = (name: string) => environmentSection(name, pgServer.jdbcUrl(name), pgServer.user, 'PW');
    fs.writeFileSync(path.join(work, 'flyway.toml'), env('src') + env('dst') + environmentSection('maria', maria.jdbcUrl('dst', 'mariadb'), maria.user, 'MPW'));
  });

  test.after(async () => {
    await Promise.allSettled([pgServer?.stop(), maria?.stop()]);
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  for (const ratio of [0.02, 0.1, 0.3]) {
    test(`-samplingRatio=${ratio * 100}%: exactly the sample the test picks, on PG and MariaDB targets and both algorithms; the true counts inside the intervals`, async () => {
      const expected = sampledCounts(ratio);
      const runs = [
        await json('-source=src', '-target=dst', '-table=big', '-key=id', `-samplingRatio=${ratio * 100}%`, '-samplingThreshold=0', '-algorithm=hashdiff', KEY_HASH),
        await json('-source=src', '-target=src', '-table=public.big', '-targetTable=b.big', '-key=id', `-samplingRatio=${ratio}`, '-samplingThreshold=0', '-algorithm=joindiff', KEY_HASH),
        await json('-source=src', '-target=maria', '-table=big', '-key=id', `-samplingRatio=${ratio * 100}%`, '-samplingThreshold=0', KEY_HASH),
      ];
      for (const report of runs) {
        assert.equal(report.summary, expected, report.stats.algorithm);
        const sampling = report.sampling!;
        assert.is(sampling.ratio, Math.round(ratio * 2 ** 28) / 2 ** 28);
        assert.equal([sampling.sourceRows, sampling.targetRows, sampling.confidence, sampling.rows], [ROWS, ROWS - 1000 + 500, 0.95, 'counted']);
        for (const [name, truth] of Object.entries(TRUE_COUNTS)) {
          const e = sampling.estimates[name]!;
          assert.ok(e.low <= truth && truth <= e.high, `${name}: ${truth} outside ${e.low}-${e.high} (estimate ${e.estimate})`);
          assert.ok(e.low <= e.estimate && e.estimate <= e.high, `${name}: ${JSON.stringify(e)}`);
        }
      }
      const again = await json('-source=src', '-target=dst', '-table=big', '-key=id', `-samplingRatio=${ratio * 100}%`, '-samplingThreshold=0', '-algorithm=hashdiff', KEY_HASH);
      assert.equal({ ...again, stats: undefined }, { ...runs[0]!, stats: undefined }, 'a rerun picks the same rows');
    });
  }

  for (const ratio of [0.02, 0.1, 0.3]) {
    test(`key blocks at ${ratio * 100}%: exactly the rows of the reported blocks, the same blocks on PG and MariaDB and both algorithms; the true counts inside the intervals`, async () => {
      const runs = [
        await json('-source=src', '-target=dst', '-table=big', '-key=id', `-samplingRatio=${ratio * 100}%`, '-samplingThreshold=0', '-algorithm=hashdiff'),
        await json('-source=src', '-target=src', '-table=public.big', '-targetTable=b.big', '-key=id', `-samplingRatio=${ratio}`, '-samplingThreshold=0', '-algorithm=joindiff'),
        await json('-source=src', '-target=maria', '-table=big', '-key=id', `-samplingRatio=${ratio * 100}%`, '-samplingThreshold=0', '-samplingMethod=blocks'),
      ];
      const ranges = checkedRanges(runs[0]!);
      assert.ok(Math.abs(runs[0]!.sampling!.ratio - ratio) <= 1 / runs[0]!.sampling!.blocks!.of, `share ${runs[0]!.sampling!.ratio} for ${ratio}`);
      for (const report of runs) {
        assert.is(report.sampling!.selection, 'blocks');
        assert.match(report.sampling!.method, /design effect/);
        assert.equal(report.sampling!.blocks, runs[0]!.sampling!.blocks, 'the same blocks on every pair');
        assert.equal(report.summary, countsOf(inRanges(ranges)), report.stats.algorithm);
        // A block sample reads only its blocks: the tables' rows are estimated too.
        assert.is(report.sampling!.rows, 'estimated');
        assertInside(report, { ...TRUE_COUNTS, sourceRows: ROWS, targetRows: ROWS - 1000 + 500 });
        assert.equal([report.sampling!.sourceRows, report.sampling!.targetRows], [report.sampling!.estimates['sourceRows']!.estimate, report.sampling!.estimates['targetRows']!.estimate]);
      }
      const again = await json('-source=src', '-target=dst', '-table=big', '-key=id', `-samplingRatio=${ratio * 100}%`, '-samplingThreshold=0', '-algorithm=hashdiff');
      assert.equal({ ...again, stats: undefined }, { ...runs[0]!, stats: undefined }, 'a rerun picks the same blocks');
    });
  }

  test('key blocks with clustered differences: the design effect widens the intervals beyond a row sample\'s, and they still hold the truth', async () => {
    // 20,000 rows; the target lacks ids 5001-6000 and has ids 12001-12400 changed: two runs of keys.
    const setup = 'CREATE TABLE runs (id integer PRIMARY KEY, v integer); INSERT INTO runs SELECT i, i FROM generate_series(1, 20000) i;';
    await pgServer.exec('src', setup);
    await pgServer.exec('dst', `${setup} DELETE FROM runs WHERE id BETWEEN 5001 AND 6000; UPDATE runs SET v = -v WHERE id BETWEEN 12001 AND 12400;`);
    const truth = { onlyInSource: 1000, onlyInTarget: 0, differentRows: 400, identicalRows: 18_600 };
    const blocks = await json('-source=src', '-target=dst', '-table=runs', '-key=id', '-samplingRatio=10%', '-samplingThreshold=0');
    const rows = await json('-source=src', '-target=dst', '-table=runs', '-key=id', '-samplingRatio=10%', '-samplingThreshold=0', KEY_HASH);
    const ranges = blocks.sampling!.blocks!.ranges.map(([from, to]) => [Number(from), Number(to)] as const);
    const sampled = inRanges(ranges);
    const ids = Array.from({ length: 20_000 }, (_, i) => i + 1).filter(sampled);
    const gone = ids.filter((id) => id >= 5001 && id <= 6000).length;
    const changedRun = ids.filter((id) => id >= 12001 && id <= 12400).length;
    assert.equal(blocks.summary, { sourceRows: ids.length, targetRows: ids.length - gone, onlyInSource: gone, onlyInTarget: 0, differentRows: changedRun, identicalRows: ids.length - gone - changedRun });
    assertInside(blocks, truth);
    assertInside(rows, truth);
    const width = (r: Report, name: string) => r.sampling!.estimates[name]!.high - r.sampling!.estimates[name]!.low;
    for (const name of ['onlyInSource', 'differentRows']) {
      assert.ok(width(blocks, name) > 1.5 * width(rows, name), `${name}: blocks ${width(blocks, name)} vs rows ${width(rows, name)}`);
    }
    // The whole-database test below counts the tables of these databases.
    await pgServer.exec('src', 'DROP TABLE runs');
    await pgServer.exec('dst', 'DROP TABLE runs');
  });

  test('-samplingMaxRows chooses the ratio from the row count; a higher confidence widens the intervals', async () => {
    const report = await json('-source=src', '-target=dst', '-table=big', '-key=id', '-samplingMaxRows=2000', '-samplingThreshold=0', KEY_HASH);
    assert.is(report.sampling!.ratio, Math.round((2000 / ROWS) * 2 ** 28) / 2 ** 28);
    assert.equal(report.summary, sampledCounts(2000 / ROWS));
    const wide = await json('-source=src', '-target=dst', '-table=big', '-key=id', '-samplingMaxRows=2000', '-samplingThreshold=0', '-samplingConfidence=99%', KEY_HASH);
    const width = (r: Report) => r.sampling!.estimates['differentRows']!.high - r.sampling!.estimates['differentRows']!.low;
    assert.ok(width(wide) > width(report), `${width(wide)} > ${width(report)}`);
  });

  test('whole database: the large table sampled, the small one (below -samplingThreshold) and the keyless one compared whole; every output says so', async () => {
    const report = (await json('-source=src', '-target=dst', '-samplingRatio=10%', '-samplingThreshold=1000', KEY_HASH)) as unknown as { summary: Record<string, number>; tables: Array<{ source: string; summary: Record<string, number>; sampling?: object }> };
    const byName = new Map(report.tables.map((t) => [t.source, t]));
    assert.equal(byName.get('public.big')!.summary, sampledCounts(0.1));
    assert.ok(byName.get('public.big')!.sampling);
    assert.is(byName.get('public.small')!.sampling, undefined);
    assert.equal([byName.get('public.small')!.summary['sourceRows'], byName.get('public.small')!.summary['onlyInSource']], [50, 1]);
    assert.is(byName.get('public.bag')!.sampling, undefined);
    assert.is(report.summary['sampled'], 1);
    const table = await run('-source=src', '-target=dst', '-samplingRatio=10%', '-samplingThreshold=1000', KEY_HASH);
    assert.is(table.code, 0, table.stderr);
    assert.match(table.stdout, /\| public\.big +\| public\.big +\| different \(sampled 10%\) /);
    assert.match(table.stdout, /1 sampled \(their counts are those of the sample; estimates below\)/);
    assert.match(table.stdout, /sampled 10% of the keys by key hash \(\d+ of 20000 source rows\); estimates for the whole table:/);
    const single = await run('-source=src', '-target=dst', '-table=big', '-key=id', '-samplingRatio=10%', '-samplingThreshold=0', '-reportFilename=out/r.html');
    assert.is(single.code, 0, single.stderr);
    assert.match(single.stdout, /Rows \(in the sample\)/);
    assert.match(single.stdout, /Sampled: sampled 10% of the keys in 98 blocks of 21 id values \(\d+ of about \d+ source rows\)/);
    assert.match(single.stdout, /\| in source +\| \d+ +\| \d+ +\| \d+ - \d+ +\|/);
    assert.match(single.stdout, /\| with different values \| \d+ +\| \d+ +\| \d+ - \d+ +\|/);
    const html = fs.readFileSync(path.join(work, 'out', 'r.html'), 'utf8');
    assert.ok(html.includes('<span class="tag sampled">sampled 10%</span>'));
    assert.ok(html.includes('<h4>Sampled: 10% of the keys in 98 blocks of 21 id values</h4>'), html.slice(html.indexOf('Sampled:'), html.indexOf('Sampled:') + 100));
  });

  test('mistakes are exit 2 with one line', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['-samplingRatio=1%', '-samplingMaxRows=10'], /^ERROR: give -samplingRatio or -samplingMaxRows, not both/],
      [['-samplingRatio=0'], /^ERROR: -samplingRatio must be a share above 0 and at most 100%, such as 1% or 0\.01, not "0"/],
      [['-samplingRatio=150%'], /^ERROR: -samplingRatio must be a share/],
      [['-samplingThreshold=10'], /^ERROR: -samplingThreshold applies to sampled runs/],
      [['-samplingRatio=1%', '-samplingConfidence=10%'], /^ERROR: -samplingConfidence must be from 50% to 99\.99%/],
      [['-samplingMaxRows=0'], /^ERROR: -samplingMaxRows must be a whole number of at least 1/],
      [['-samplingRatio=1%', '-samplingMethod=random'], /^ERROR: -samplingMethod must be one of blocks, keyHash, not "random"/],
      [['-samplingMethod=keyHash'], /^ERROR: -samplingMethod applies to sampled runs/],
    ];
    for (const [args, message] of cases) {
      const result = await run('-source=src', '-target=dst', '-table=big', '-key=id', ...args);
      assert.is(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.ok(/^[^\n]*\n$/.test(result.stderr), result.stderr);
    }
  });

  test.run();
}
