/**
 * dataDiff through the built CLI against a real PostgreSQL (two databases on one server): identical
 * tables cost no downloaded row; seeded deletions, insertions and updates are found exactly; the
 * materialized file; and the errors users meet. The interim PostgreSQL side's checksum is checked
 * against the reference row hash.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../support/cli.ts';
import { splitColumnSamples } from '../support/data-diff-matrix.ts';
import { environmentSection } from '../support/flyway-toml.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

let pg: TestPostgres;
let work: string;
const run = (...args: string[]) => runCli(['dataDiff', '-source=a', '-target=b', ...args], { cwd: work, env: { APP_PASSWORD: pg.password } });

interface Report {
  summary: Record<string, number>;
  columns: Record<string, { differentValues: number; share: number; maxAbsoluteDifference?: number; meanAbsoluteDifference?: number }>;
  samples: { onlyInSource: { key: Record<string, string> }[]; onlyInTarget: { key: Record<string, string> }[]; different: { key: Record<string, string>; columns: Record<string, { source: string | null; target: string | null }> }[] };
  stats: { rowsDownloaded: number; queries: number; seconds: number; complete: boolean };
}

async function json(...args: string[]): Promise<Report> {
  const result = await run(...args, '-outputType=json');
  assert.is(result.code, 0, result.stdout + result.stderr);
  return JSON.parse(result.stdout) as Report;
}

const TABLE = `
  CREATE TABLE orders (id integer PRIMARY KEY, customer text, amount numeric(10,2), placed timestamptz, note text);
  INSERT INTO orders SELECT i, 'customer ' || (i % 97), i * 1.25, timestamptz '2024-01-01 00:00:00+00' + i * interval '1 minute', CASE WHEN i % 7 = 0 THEN NULL ELSE 'n' || i END
    FROM generate_series(1, 12000) i;
  CREATE TABLE tagged (tag text, n integer, v text, PRIMARY KEY (tag, n));
  INSERT INTO tagged SELECT chr(65 + i % 26) || 'é' || (i % 13), i, 'v' || i FROM generate_series(1, 3000) i;
  CREATE TABLE dup (id integer, v text);
  INSERT INTO dup VALUES (1, 'a'), (2, 'b'), (2, 'c');
`;

test.before(async () => {
  pg = await startPostgres();
  for (const db of ['a', 'b']) {
    await pg.createDatabase(db);
    await pg.exec(db, TABLE);
  }
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-dd-'));
  const env = (db: string) => environmentSection(db, pg.jdbcUrl(db), pg.user, 'APP_PASSWORD');
  fs.writeFileSync(path.join(work, 'flyway.toml'), env('a') + env('b'));
});

test.after(async () => {
  await pg?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('identical tables of 12,000 rows: no differences, no rows downloaded', async () => {
  const report = await json('-table=public.orders', '-key=id');
  assert.equal(report.summary, { sourceRows: 12000, targetRows: 12000, onlyInSource: 0, onlyInTarget: 0, differentRows: 0, identicalRows: 12000 });
  assert.equal(Object.keys(report.columns), ['customer', 'amount', 'placed', 'note']);
  assert.is(report.stats.rowsDownloaded, 0);
  // Each side's key span (MIN and MAX of the integer key), then one checksum query per side.
  assert.is(report.stats.queries, 4);
  const table = await run('-table=orders', '-key=id');
  assert.is(table.code, 0);
  assert.match(table.stdout, /No differences found\./);
});

test('seeded deletions, insertions and updates are found exactly', async () => {
  await pg.exec(
    'b',
    `DELETE FROM orders WHERE id IN (1, 6000, 12000) OR id BETWEEN 3000 AND 3099;
     INSERT INTO orders VALUES (0, 'new', 1, now(), 'x'), (12001, 'new', 2, now(), NULL);
     UPDATE orders SET amount = amount + 1 WHERE id IN (2, 11999);
     UPDATE orders SET note = NULL WHERE id = 5000;
     UPDATE orders SET note = '' WHERE id = 5001;
     UPDATE orders SET customer = 'changed', placed = placed + interval '1 second' WHERE id = 8000;`,
  );
  const materialized = path.join(work, 'out', 'orders.jsonl');
  const report = await json('-table=orders', '-key=id', '-bisectionFactor=8', '-bisectionThreshold=200', '-sample=200', `-materialize=${materialized}`);
  assert.equal(report.summary, { sourceRows: 12000, targetRows: 11899, onlyInSource: 103, onlyInTarget: 2, differentRows: 5, identicalRows: 11892 });
  // Shares of the 11,897 rows on both sides (12,000 less the 103 deleted); amount grew by 1 in two rows.
  const share = (n: number) => Number((n / 11_897).toPrecision(12));
  const { stats, sampledIds } = splitColumnSamples(report.columns);
  assert.equal(stats, {
    customer: { differentValues: 1, share: share(1) },
    amount: { differentValues: 2, share: share(2), maxAbsoluteDifference: 1, meanAbsoluteDifference: 1 },
    placed: { differentValues: 1, share: share(1) },
    note: { differentValues: 2, share: share(2) },
  });
  assert.equal(sampledIds, { customer: [8000], amount: [2, 11999], placed: [8000], note: [5000, 5001] });
  const ids = (list: { key: Record<string, string> }[]) => list.map((s) => Number(s.key['id']));
  assert.equal(ids(report.samples.onlyInSource), [1, ...Array.from({ length: 100 }, (_, i) => 3000 + i), 6000, 12000]);
  assert.equal(ids(report.samples.onlyInTarget), [0, 12001]);
  assert.equal(ids(report.samples.different), [2, 5000, 5001, 8000, 11999]);
  assert.equal(report.samples.different[1]!.columns, { note: { source: 'n5000', target: null } });
  assert.equal(report.samples.different[2]!.columns, { note: { source: 'n5001', target: '' } });
  assert.ok(report.stats.rowsDownloaded < 3000, `downloaded ${report.stats.rowsDownloaded}`);
  const lines = fs.readFileSync(materialized, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; key: { id: string } });
  assert.is(lines.length, 110);
  assert.equal(lines[0], { type: 'onlyInTarget', key: { id: '0' }, row: { customer: 'new', amount: '1.00', placed: lines[0] && (lines[0] as unknown as { row: { placed: string } }).row.placed, note: 'x' } });
  assert.equal(lines.filter((l) => l.type === 'different').map((l) => Number(l.key.id)), [2, 5000, 5001, 8000, 11999]);
  assert.equal(fs.readdirSync(path.dirname(materialized)), ['orders.jsonl']);

  const csv = path.join(work, 'out', 'orders.csv');
  await json('-table=orders', '-key=id', '-columns=note', `-materialize=${csv}`);
  const csvLines = fs.readFileSync(csv, 'utf8').trim().split('\n');
  assert.is(csvLines[0], 'type,id,note_source,note_target');
  assert.ok(csvLines.includes('different,5001,n5001,""'), csvLines.join('\n'));

  const failing = await run('-table=orders', '-key=id', '-failOnDifferences');
  assert.is(failing.code, 12);
  assert.match(failing.stdout, /Only in source \(20 of 103\)/);
  assert.match(failing.stdout, /\| id=5000 +\| note +\| n5000 +\| NULL +\|/);
  const window = await json('-table=orders', '-key=id', '-updateColumn=placed', '-minAge=1h');
  assert.is(window.summary.onlyInTarget, 0, 'rows placed now() are younger than -minAge');
  assert.is(window.summary.onlyInSource, 103);
  const recent = await json('-table=orders', '-key=id', '-updateColumn=placed', '-maxAge=1h');
  assert.equal([recent.summary.sourceRows, recent.summary.targetRows, recent.summary.onlyInTarget], [0, 2, 2]);
  const filtered = await json('-table=orders', '-key=id', '-where=id > 12000 OR id < 1');
  assert.equal(filtered.summary.onlyInTarget, 2);
  assert.equal(filtered.summary.sourceRows, 0);
});

test('composite text keys, -columns and -columnMap, -targetTable', async () => {
  await pg.exec('b', `UPDATE tagged SET v = 'changed' WHERE n = 1500; DELETE FROM tagged WHERE n = 2999; ALTER TABLE tagged RENAME COLUMN v TO value; ALTER TABLE tagged RENAME TO tagged2;`);
  const report = await json('-table=tagged', '-targetTable=public.tagged2', '-key=tag,n', '-columnMap=v:value', '-bisectionThreshold=100');
  assert.is(report.summary.differentRows, 1);
  assert.is(report.summary.onlyInSource, 1);
  assert.equal(report.samples.different[0]!.columns, { v: { source: 'v1500', target: 'changed' } });
  assert.equal(report.samples.onlyInSource[0]!.key, { tag: `${String.fromCharCode(65 + (2999 % 26))}é${2999 % 13}`, n: '2999' });
});

test('errors: no such table, unknown column, key not unique, bad options', async () => {
  const noTable = await run('-table=nope', '-key=id');
  assert.is(noTable.code, 2);
  assert.is(noTable.stderr, 'ERROR: source table nope not found on the PostgreSQL server (-source)\n');
  const unknown = await run('-table=orders', '-key=id', '-columns=amount,nope');
  assert.is(unknown.code, 2);
  assert.match(unknown.stderr, /unknown column "nope" in source table orders/);
  const dup = await run('-table=dup', '-key=id', '-outputType=json');
  assert.is(dup.code, 2);
  assert.match(JSON.parse(dup.stdout).error.message, /key \(id\) is not unique in source table dup: id=2 appears more than once/);
  await pg.exec('a', 'CREATE TABLE kinds (id integer PRIMARY KEY, v text)');
  await pg.exec('b', 'CREATE TABLE kinds (id text PRIMARY KEY, v text)');
  const kinds = await run('-table=kinds', '-key=id');
  assert.is(kinds.code, 2);
  assert.is(kinds.stderr, 'ERROR: incompatible key types for id: no safe comparison between integer (integer) and text (text) (-key)\n');
  const badSample = await run('-table=orders', '-key=id', '-sample=lots');
  assert.is(badSample.code, 2);
  assert.match(badSample.stderr, /-sample must be a number of rows/);
  const noKey = await run('-table=orders');
  assert.is(noKey.code, 2);
  assert.match(noKey.stderr, /missing required parameter -key/);
});

test.run();
