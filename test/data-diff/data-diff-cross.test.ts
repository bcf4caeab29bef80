/**
 * `parity dataDiff` between PostgreSQL and MariaDB, through the built CLI: the same 5,000 rows stored
 * in each dialect's own types (numeric vs DECIMAL at a lower scale, timestamptz vs TIMESTAMP(3),
 * boolean vs TINYINT(1), uuid vs upper-case CHAR(36), char padding, NULLs) compare equal with zero rows
 * downloaded, both ways; seeded deletions, insertions and updates (first and last key, NULL) are found
 * exactly; a column with no safe mapping (interval vs TIME) is reported, not compared.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../support/cli.ts';
import { environmentSection } from '../support/flyway-toml.ts';
import { skipWithoutMariadb, startMariadb, type TestMariadb } from '../support/mariadb-server.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

const ROWS = 5000;

interface Report {
  summary: Record<string, number>;
  columns: Record<string, { differentValues: number }>;
  skippedColumns?: Record<string, string>;
  samples: { onlyInSource: { key: Record<string, string> }[]; onlyInTarget: { key: Record<string, string> }[]; different: { key: Record<string, string> }[] };
  stats: { rowsDownloaded: number; queries: number };
}

let pg: TestPostgres;
let maria: TestMariadb;
let work: string;

async function dataDiff(source: string, target: string, ...args: string[]): Promise<Report> {
  const table = args.some((a) => a.startsWith('-table=')) ? [] : ['-table=orders'];
  const result = await runCli(['dataDiff', `-source=${source}`, `-target=${target}`, ...table, '-key=id', '-outputType=json', ...args], {
    cwd: work,
    env: { PG_PW: pg.password, MARIA_PW: maria.password },
  });
  assert.is(result.code, 0, result.stdout + result.stderr);
  return JSON.parse(result.stdout) as Report;
}

/** Row i's values, the same logical data for both dialects. */
function row(i: number) {
  const uuid = `${i.toString(16).padStart(8, '0')}-0000-4000-8000-${(i * 7919).toString(16).padStart(12, '0')}`;
  const seconds = 1_700_000_000 + i * 3607;
  const placed = new Date(seconds * 1000 + (i % 1000)).toISOString().replace('T', ' ').replace('Z', '');
  return { id: i, amount: `${(i * 1.37).toFixed(2)}`, placed, paid: i % 3 === 0, ref: uuid, code: `c${i % 17}`, note: i % 11 === 0 ? null : `note ${i} 'q' é` };
}

const literal = (v: string) => `'${v.replace(/'/g, "''")}'`;

if (!skipWithoutMariadb()) {
  test.before(async () => {
    [pg, maria] = await Promise.all([startPostgres(), startMariadb()]);
    await pg.createDatabase('app');
    await maria.createDatabase('app');
    await pg.exec('app', 'CREATE TABLE orders (id bigint PRIMARY KEY, amount numeric(12,4), placed timestamptz(6), paid boolean, ref uuid, code char(8), note text, wait interval)');
    await maria.exec(
      'app',
      'CREATE TABLE orders (id BIGINT PRIMARY KEY, amount DECIMAL(12,2), placed TIMESTAMP(3) NULL, paid TINYINT(1), ref CHAR(36), code CHAR(8), note TEXT, wait TIME) CHARACTER SET utf8mb4',
    );
    const rows = Array.from({ length: ROWS }, (_, i) => row(i + 1));
    for (let start = 0; start < rows.length; start += 1000) {
      const chunk = rows.slice(start, start + 1000);
      const pgValues = chunk.map((r) => `(${r.id}, ${r.amount}, ${literal(`${r.placed}+00`)}, ${r.paid}, ${literal(r.ref)}, ${literal(r.code)}, ${r.note === null ? 'NULL' : literal(r.note)}, '1 hour')`);
      await pg.exec('app', `INSERT INTO orders VALUES ${pgValues.join(', ')}`);
      const mariaValues = chunk.map((r) => `(${r.id}, ${r.amount}, ${literal(r.placed)}, ${r.paid ? 1 : 0}, ${literal(r.ref.toUpperCase())}, ${literal(r.code)}, ${r.note === null ? 'NULL' : literal(r.note)}, '01:00:00')`);
      await maria.execAll('app', ['SET time_zone = "+00:00"', `INSERT INTO orders VALUES ${mariaValues.join(', ')}`]);
    }
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-dd-cross-'));
    fs.writeFileSync(
      path.join(work, 'flyway.toml'),
      [
        environmentSection('pg', pg.jdbcUrl('app'), pg.user, 'PG_PW'),
        environmentSection('maria', maria.jdbcUrl('app', 'mariadb'), maria.user, 'MARIA_PW'),
      ].join('\n'),
    );
  });

  test.after(async () => {
    await Promise.allSettled([pg?.stop(), maria?.stop()]);
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('the same rows in each dialect\'s types: no differences, no rows downloaded, both ways; interval vs TIME is reported', async () => {
    for (const [source, target] of [['pg', 'maria'], ['maria', 'pg']] as const) {
      const report = await dataDiff(source, target);
      assert.equal(report.summary, { sourceRows: ROWS, targetRows: ROWS, onlyInSource: 0, onlyInTarget: 0, differentRows: 0, identicalRows: ROWS }, `${source} -> ${target}`);
      assert.is(report.stats.rowsDownloaded, 0);
      assert.equal(Object.keys(report.columns), ['amount', 'placed', 'paid', 'ref', 'code', 'note']);
      assert.equal(Object.keys(report.skippedColumns ?? {}), ['wait']);
    }
  });

  test('seeded deletions, insertions and updates are found exactly', async () => {
    await maria.execAll('app', [
      'DELETE FROM orders WHERE id IN (1, 2500)',
      "INSERT INTO orders (id, amount, code) VALUES (9001, 1.00, 'new')",
      'UPDATE orders SET amount = amount + 0.01 WHERE id = 77',
      'UPDATE orders SET note = NULL WHERE id = 5000',
      "UPDATE orders SET placed = '2001-01-01 00:00:00.000' WHERE id = 1234",
    ]);
    const report = await dataDiff('pg', 'maria', '-bisectionThreshold=64', '-bisectionFactor=8');
    assert.equal(report.summary, { sourceRows: ROWS, targetRows: ROWS - 1, onlyInSource: 2, onlyInTarget: 1, differentRows: 3, identicalRows: ROWS - 5 });
    assert.equal(report.samples.onlyInSource.map((s) => s.key['id']), ['1', '2500']);
    assert.equal(report.samples.onlyInTarget.map((s) => s.key['id']), ['9001']);
    assert.equal(report.samples.different.map((s) => s.key['id']), ['77', '1234', '5000']);
    assert.equal(
      Object.fromEntries(Object.entries(report.columns).map(([c, v]) => [c, v.differentValues])),
      { amount: 1, placed: 1, paid: 0, ref: 0, code: 0, note: 1 },
    );
    assert.ok(report.stats.rowsDownloaded < ROWS / 4, `downloaded ${report.stats.rowsDownloaded} rows`);
  });

  test('-nullEqualsEmpty and -floatDigits: NULL meets the empty string, floats meet at the declared tolerance', async () => {
    await pg.exec('app', "CREATE TABLE opts (id int PRIMARY KEY, note text, bytes bytea, n int, ratio double precision); INSERT INTO opts VALUES (1, '', '', 0, 1.0001), (2, NULL, NULL, NULL, 2.5), (3, 'x', 'x', 3, 3.14159)");
    await maria.execAll('app', [
      'CREATE TABLE opts (id INT PRIMARY KEY, note TEXT, bytes BLOB, n INT, ratio DOUBLE) DEFAULT CHARSET=utf8mb4',
      "INSERT INTO opts VALUES (1, NULL, NULL, 0, 1.0002), (2, '', '', NULL, 2.5), (3, 'x', 'x', 3, 3.14161)",
    ]);
    const counts = (report: Report) => Object.fromEntries(Object.entries(report.columns).map(([c, v]) => [c, v.differentValues]));
    const strict = await dataDiff('pg', 'maria', '-table=opts');
    assert.equal(counts(strict), { note: 2, bytes: 2, n: 0, ratio: 2 });
    const tolerant = await dataDiff('pg', 'maria', '-table=opts', '-nullEqualsEmpty', '-floatDigits=3');
    assert.equal(counts(tolerant), { note: 0, bytes: 0, n: 0, ratio: 0 });
    assert.is(tolerant.summary.identicalRows, 3);
    const bad = await runCli(['dataDiff', '-source=pg', '-target=maria', '-table=opts', '-key=id', '-floatDigits=16'], { cwd: work, env: { PG_PW: pg.password, MARIA_PW: maria.password } });
    assert.is(bad.code, 2);
    assert.match(bad.stderr, /-floatDigits must be a whole number from 0 to 15, not "16"/);
  });

  test.run();
}
