/**
 * Per-column samples (`-columnSamples`, src/data-diff/report.ts), without a database: for each column
 * with differing values, the rows with the lowest key hashes (so the same rows whatever order the
 * differences arrive in), at most N, none for a column without differences or with N = 0; shown in the
 * single-table and whole-database table outputs. The live tests (data-diff-matrix and others) check
 * the same rule on every dialect pair and algorithm against samples derived from the seeded changes.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ReportCollector, type ColumnSample } from '../../src/data-diff/report.ts';
import type { RowDifference } from '../../src/data-diff/row-compare.ts';
import { dataDiffTable } from '../../src/output/data-diff-report.ts';
import { runCli } from '../support/cli.ts';

const names = { key: ['id'], columns: ['a', 'b', 'c'] };

/** Row `id` differing in column a always, in b for even ids; c never differs. */
function difference(id: number): RowDifference {
  const columns = id % 2 === 0 ? [0, 1] : [0];
  return {
    kind: 'different',
    columns,
    source: { key: [String(id)], values: [`a${id}`, `b${id}`, 'c'] },
    target: { key: [String(id)], values: [`A${id}`, id % 2 === 0 ? null : `b${id}`, 'c'] },
  } as RowDifference;
}

function collect(ids: readonly number[], limit?: number) {
  const collector = new ReportCollector(names, { rows: 20 }, limit);
  for (const id of ids) collector.add(difference(id));
  return collector.finish({ sourceRows: 100, targetRows: 100, rowsDownloaded: 0, queries: 0, complete: true }, 0, 'hashdiff');
}

const ids = Array.from({ length: 40 }, (_, i) => i + 1);
const md5 = (text: string) => createHash('md5').update(text).digest('hex');

test('the rows with the lowest key hashes, at most 5 by default, the same in any order of arrival', () => {
  const report = collect(ids);
  const expected = (pool: number[]) => pool.sort((x, y) => (md5(String(x)) < md5(String(y)) ? -1 : 1)).slice(0, 5);
  assert.equal(report.columns['a']!.samples!.map((s) => Number(s.key['id'])), expected([...ids]));
  assert.equal(report.columns['b']!.samples!.map((s) => Number(s.key['id'])), expected(ids.filter((id) => id % 2 === 0)));
  assert.equal(report.columns['a']!.samples![0], { key: { id: report.columns['a']!.samples![0]!.key['id']! }, source: `a${report.columns['a']!.samples![0]!.key['id']}`, target: `A${report.columns['a']!.samples![0]!.key['id']}` } satisfies ColumnSample);
  assert.ok(report.columns['b']!.samples!.every((s) => s.target === null), 'NULL stays null');
  assert.is(report.columns['c']!.samples, undefined, 'no samples for a column without differences');
  assert.equal(collect([...ids].reverse()).columns, report.columns);
  assert.equal(collect([...ids].sort((x, y) => (String(x) < String(y) ? -1 : 1))).columns, report.columns);
});

test('-columnSamples: fewer, more than there are (all of them), or none', () => {
  assert.is(collect(ids, 2).columns['a']!.samples!.length, 2);
  assert.is(collect(ids, 100).columns['b']!.samples!.length, 20);
  assert.is(collect(ids, 0).columns['a']!.samples, undefined);
  assert.equal(collect(ids, 2).columns['a']!.samples, collect(ids).columns['a']!.samples!.slice(0, 2));
});

test('the table output lists them by column, most differing column first', () => {
  const text = dataDiffTable(collect([4, 7], 5));
  const section = text.slice(text.indexOf('Differing values by column (samples):'));
  const rows = section.split('\n').filter((line) => /^\| [abc] /.test(line)).map((line) => line.split('|').map((cell) => cell.trim()).filter(Boolean));
  assert.equal(rows.map((r) => r[0]), ['a', 'a', 'b']);
  assert.ok(rows.some((r) => r.join(' ') === 'b id=4 b4 NULL'), section);
});

test('-columnSamples must be a whole number from 0 to 1000 (exit 2, before anything connects)', async () => {
  // Two environments on a loopback port nothing listens on: the option is refused before any connection.
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-column-samples-'));
  fs.writeFileSync(path.join(cwd, 'flyway.toml'), ['a', 'b'].map((name) => `[environments.${name}]\nurl = "jdbc:postgresql://127.0.0.1:1/${name}"\n`).join(''));
  for (const bad of ['-1', 'x', '1001', '2.5']) {
    const result = await runCli(['dataDiff', '-source=a', '-target=b', `-columnSamples=${bad}`], { cwd, env: {} });
    assert.is(result.code, 2, result.stderr);
    assert.match(result.stderr, /^ERROR: -columnSamples must be a whole number from 0 to 1000, not ".*"/);
  }
  fs.rmSync(cwd, { recursive: true, force: true });
});

test.run();
