/**
 * `parity dataDiff -algorithm=joindiff` (the same-database fast path) through the built CLI, on
 * PostgreSQL (two schemas of one database) and MariaDB (two databases of one server): identical
 * tables, seeded deletions, insertions and updates (first and last key, NULL <-> value, a range, a
 * composite key) found exactly, with the same JSON (apart from `stats`) and the same materialized
 * file as hashdiff; `auto` chooses by connection; `-algorithm=joindiff` across servers or databases is
 * a one-line error; filters; `-maxRowsDownloaded`. On MariaDB, the JOIN over 100,000 rows is read
 * through the primary keys (EXPLAIN: eq_ref, no block nested loop), also with an INT key against a
 * BIGINT one, and keys of different collations go through indexed temporary tables.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { PlannedColumn } from '../../src/data-diff/sql/data-dialect.ts';
import { joinQuery, type JoinSide } from '../../src/data-diff/sql/join-sql.ts';
import { mysqlData } from '../../src/data-diff/sql/mysql-data.ts';
import { runCli } from '../support/cli.ts';
import { splitColumnSamples } from '../support/data-diff-matrix.ts';
import { environmentSection } from '../support/flyway-toml.ts';
import { skipWithoutMariadb, startMariadb, type TestMariadb } from '../support/mariadb-server.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

interface Report {
  summary: Record<string, number>;
  columns: Record<string, { differentValues: number; share: number; maxAbsoluteDifference?: number; meanAbsoluteDifference?: number }>;
  samples: {
    onlyInSource: { key: Record<string, string>; row: Record<string, string | null> }[];
    onlyInTarget: { key: Record<string, string>; row: Record<string, string | null> }[];
    different: { key: Record<string, string>; columns: Record<string, { source: string | null; target: string | null }> }[];
  };
  stats: { rowsDownloaded: number; queries: number; seconds: number; complete: boolean; algorithm: string };
}

let pg: TestPostgres;
let maria: TestMariadb;
let work: string;

const run = (...args: string[]) => runCli(['dataDiff', ...args], { cwd: work, env: { PG_PW: pg.password, MARIA_PW: maria.password } });

async function json(...args: string[]): Promise<Report> {
  const result = await run(...args, '-outputType=json');
  assert.is(result.code, 0, result.stdout + result.stderr);
  return JSON.parse(result.stdout) as Report;
}

/** Runs both algorithms; their JSON must be equal apart from `stats`. Returns the joindiff report. */
async function bothAgree(...args: string[]): Promise<Report> {
  const join = await json(...args, '-algorithm=joindiff');
  const hash = await json(...args, '-algorithm=hashdiff', '-bisectionThreshold=64', '-bisectionFactor=8');
  assert.is(join.stats.algorithm, 'joindiff');
  assert.is(hash.stats.algorithm, 'hashdiff');
  const { stats: _j, ...joined } = join;
  const { stats: _h, ...hashed } = hash;
  assert.equal(joined, hashed);
  return join;
}

const ids = (list: { key: Record<string, string> }[]) => list.map((s) => Number(s.key['id']));

const PG_TABLES = `
  CREATE TABLE orders (id bigint PRIMARY KEY, customer text, amount numeric(10,2), placed timestamptz, paid boolean, note text);
  INSERT INTO orders SELECT i, 'customer ' || (i % 97), i * 1.25, timestamptz '2024-01-01 00:00:00+00' + i * interval '1 minute',
    i % 3 = 0, CASE WHEN i % 7 = 0 THEN NULL ELSE 'n' || i || ' é' END FROM generate_series(1, 12000) i;
  CREATE TABLE tagged (tag text, n integer, v text, PRIMARY KEY (tag, n));
  INSERT INTO tagged SELECT chr(65 + i % 26) || 'é' || (i % 13), i, 'v' || i FROM generate_series(1, 3000) i;
`;

const MARIA_TABLES = [
  `CREATE TABLE orders (id BIGINT PRIMARY KEY, customer VARCHAR(40), amount DECIMAL(10,2), placed TIMESTAMP(6) NULL, paid TINYINT(1), note TEXT) CHARACTER SET utf8mb4`,
  `INSERT INTO orders SELECT seq, CONCAT('customer ', seq % 97), seq * 1.25, TIMESTAMP '2024-01-01 00:00:00' + INTERVAL seq MINUTE, seq % 3 = 0,
    IF(seq % 7 = 0, NULL, CONCAT('n', seq, ' é')) FROM seq_1_to_12000`,
  `CREATE TABLE tagged (tag VARCHAR(20), n INT, v TEXT, PRIMARY KEY (tag, n)) CHARACTER SET utf8mb4`,
  `INSERT INTO tagged SELECT CONCAT(CHAR(65 + seq % 26), 'é', seq % 13), seq, CONCAT('v', seq) FROM seq_1_to_3000`,
];

/** The same seeded changes on either server, as statements on the target. */
const CHANGES = [
  'DELETE FROM orders WHERE id IN (1, 6000, 12000) OR id BETWEEN 3000 AND 3099',
  "INSERT INTO orders (id, customer, amount, note) VALUES (0, 'new', 1, 'x'), (12001, 'new', 2, NULL)",
  'UPDATE orders SET amount = amount + 1 WHERE id IN (2, 11999)',
  'UPDATE orders SET note = NULL WHERE id = 5000',
  "UPDATE orders SET note = '' WHERE id = 5001",
  "UPDATE orders SET note = 'was null' WHERE id = 7",
  "UPDATE orders SET customer = 'changed', paid = NOT paid WHERE id = 8000",
  "UPDATE tagged SET v = 'changed' WHERE n = 1500",
  'DELETE FROM tagged WHERE n = 2999',
];

function checkSeeded(report: Report): void {
  assert.equal(report.summary, { sourceRows: 12000, targetRows: 11899, onlyInSource: 103, onlyInTarget: 2, differentRows: 6, identicalRows: 11891 });
  // Shares of the 11,897 rows on both sides (12,000 less the 103 deleted); amount grew by 1 in two rows.
  const share = (n: number) => Number((n / 11_897).toPrecision(12));
  const { stats, sampledIds } = splitColumnSamples(report.columns);
  assert.equal(stats, {
    customer: { differentValues: 1, share: share(1) },
    amount: { differentValues: 2, share: share(2), maxAbsoluteDifference: 1, meanAbsoluteDifference: 1 },
    placed: { differentValues: 0, share: 0 },
    paid: { differentValues: 1, share: share(1) },
    note: { differentValues: 3, share: share(3) },
  });
  // -columnSamples (default 5): every row where each column differs, none for placed.
  assert.equal(sampledIds, { customer: [8000], amount: [2, 11999], paid: [8000], note: [7, 5000, 5001] });
  const noteSamples = (report.columns['note'] as unknown as { samples: object[] }).samples;
  assert.ok(noteSamples.some((s) => JSON.stringify(s) === JSON.stringify({ key: { id: '7' }, source: null, target: 'was null' })), JSON.stringify(noteSamples));
  assert.equal(ids(report.samples.onlyInSource), [1, ...Array.from({ length: 100 }, (_, i) => 3000 + i), 6000, 12000]);
  assert.equal(ids(report.samples.onlyInTarget), [0, 12001]);
  assert.equal(ids(report.samples.different), [2, 7, 5000, 5001, 8000, 11999]);
  assert.equal(report.samples.different[1]!.columns, { note: { source: null, target: 'was null' } });
  assert.equal(report.samples.different[2]!.columns, { note: { source: 'n5000 é', target: null } });
  assert.equal(report.samples.different[3]!.columns, { note: { source: 'n5001 é', target: '' } });
  assert.equal(report.samples.onlyInTarget[0]!.row, { customer: 'new', amount: '1.00', placed: null, paid: null, note: 'x' });
}

if (!skipWithoutMariadb()) {
  test.before(async () => {
    [pg, maria] = await Promise.all([startPostgres(), startMariadb()]);
    await pg.createDatabase('app');
    await pg.createDatabase('other');
    await pg.exec('app', `${PG_TABLES} CREATE SCHEMA b; SET search_path = b; ${PG_TABLES}`);
    await pg.exec('other', PG_TABLES);
    for (const db of ['a', 'b']) {
      await maria.createDatabase(db);
      await maria.execAll(db, ['SET time_zone = "+00:00"', ...MARIA_TABLES]);
    }
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-join-'));
    fs.writeFileSync(
      path.join(work, 'flyway.toml'),
      [
        environmentSection('pg', pg.jdbcUrl('app'), pg.user, 'PG_PW'),
        environmentSection('pgother', pg.jdbcUrl('other'), pg.user, 'PG_PW'),
        environmentSection('ma', maria.jdbcUrl('a', 'mariadb'), maria.user, 'MARIA_PW'),
        environmentSection('mb', maria.jdbcUrl('b', 'mariadb'), maria.user, 'MARIA_PW'),
      ].join('\n'),
    );
  });

  test.after(async () => {
    await Promise.allSettled([pg?.stop(), maria?.stop()]);
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  // PostgreSQL: public.orders (the connection's current schema) against b.orders; MariaDB: a.orders
  // against b.orders, each named without its database (each side's URL database).
  const PG = ['-source=pg', '-target=pg', '-table=orders', '-targetTable=b.orders', '-key=id'];
  const MARIA = ['-source=ma', '-target=mb', '-table=orders', '-key=id'];

  test('identical tables: joindiff finds no differences, downloads nothing; auto is hashdiff on one server too', async () => {
    for (const args of [PG, MARIA]) {
      assert.is((await json(...args)).stats.algorithm, 'hashdiff');
      assert.is((await json(...args, '-algorithm=auto')).stats.algorithm, 'hashdiff');
      const report = await json(...args, '-algorithm=joindiff');
      assert.is(report.stats.algorithm, 'joindiff');
      assert.equal(report.summary, { sourceRows: 12000, targetRows: 12000, onlyInSource: 0, onlyInTarget: 0, differentRows: 0, identicalRows: 12000 });
      assert.equal(Object.keys(report.columns), ['customer', 'amount', 'placed', 'paid', 'note']);
      assert.equal([report.stats.rowsDownloaded, report.stats.queries, report.stats.complete], [0, 2, true]);
      const table = await run(...args, '-algorithm=joindiff');
      assert.is(table.code, 0, table.stderr);
      assert.match(table.stdout, /No differences found\.\n\njoindiff: 0 rows downloaded, 2 queries/);
    }
  });

  test('auto across two servers or two PostgreSQL databases is hashdiff; -algorithm=joindiff there is a one-line error', async () => {
    const cross = await json('-source=pg', '-target=ma', '-table=orders', '-key=id', '-columns=customer,note');
    assert.is(cross.stats.algorithm, 'hashdiff');
    assert.is(cross.summary.differentRows, 0);
    const databases = await json('-source=pg', '-target=pgother', '-table=orders', '-key=id');
    assert.is(databases.stats.algorithm, 'hashdiff');

    const servers = await run('-source=pg', '-target=ma', '-table=orders', '-key=id', '-algorithm=joindiff');
    assert.is(servers.code, 2);
    assert.is(
      servers.stderr,
      `ERROR: -algorithm=joindiff needs both tables readable from one connection, but the two tables are on different kinds of server: ` +
        `postgres://${pg.user}@127.0.0.1:${pg.port}/${pg.name('app')} vs mysql://${maria.user}@127.0.0.1:${maria.port}/${maria.name('a')} (-algorithm)\n`,
    );
    const other = await run('-source=pg', '-target=pgother', '-table=orders', '-key=id', '-algorithm=joindiff', '-outputType=json');
    assert.is(other.code, 2);
    const message = (JSON.parse(other.stdout) as { error: { message: string } }).error.message;
    assert.match(message, `the two tables are not in one database: postgres://${pg.user}@127.0.0.1:${pg.port}/${pg.name('app')} vs postgres://${pg.user}@127.0.0.1:${pg.port}/${pg.name('other')}`);
    for (const output of [servers.stdout + servers.stderr, other.stdout]) {
      assert.not.match(output, pg.password);
      assert.not.match(output, maria.password);
    }
    const bad = await run(...PG, '-algorithm=fast');
    assert.is(bad.code, 2);
    assert.is(bad.stderr, 'ERROR: -algorithm must be auto, joindiff, hashdiff, not "fast" (parity dataDiff)\n');
  });

  test('seeded deletions, insertions and updates: found exactly, the same JSON and materialized file as hashdiff', async () => {
    await pg.exec('app', `SET search_path = b; ${CHANGES.join(';\n')}`);
    await maria.execAll('b', CHANGES);
    for (const [dialect, args] of [['pg', PG], ['maria', MARIA]] as const) {
      const report = await bothAgree(...args, '-sample=1000');
      checkSeeded(report);
      assert.is(report.stats.rowsDownloaded, 111, dialect);
      const files = await Promise.all(
        ['joindiff', 'hashdiff'].map(async (algorithm) => {
          const file = path.join(work, 'out', `${dialect}-${algorithm}.jsonl`);
          await json(...args, `-algorithm=${algorithm}`, `-materialize=${file}`);
          return fs.readFileSync(file, 'utf8');
        }),
      );
      assert.is(files[0]!.trim().split('\n').length, 111);
      assert.is(files[0], files[1]);

      const tagged = await bothAgree(...args.slice(0, 2), '-table=tagged', ...(dialect === 'pg' ? ['-targetTable=b.tagged'] : []), '-key=tag,n');
      assert.equal([tagged.summary.onlyInSource, tagged.summary.differentRows, tagged.summary.identicalRows], [1, 1, 2998]);
      assert.equal(tagged.samples.onlyInSource[0]!.key, { tag: `${String.fromCharCode(65 + (2999 % 26))}é${2999 % 13}`, n: '2999' });
      assert.equal(tagged.samples.different[0]!.columns, { v: { source: 'v1500', target: 'changed' } });
    }
    // A case-insensitive collation joins 'abc' to 'ABC' on the stored keys; their texts still differ.
    await maria.exec('a', "CREATE TABLE ci (name VARCHAR(10) PRIMARY KEY, v INT) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
    await maria.exec('b', "CREATE TABLE ci (name VARCHAR(10) PRIMARY KEY, v INT) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
    await maria.exec('a', "INSERT INTO ci VALUES ('abc', 1), ('x', 2), ('é', 3)");
    await maria.exec('b', "INSERT INTO ci VALUES ('ABC', 1), ('x', 2), ('e', 3)");
    const ci = await bothAgree('-source=ma', '-target=mb', '-table=ci', '-key=name');
    assert.equal(ci.samples.onlyInSource.map((r) => r.key['name']), ['abc', 'é']);
    assert.equal(ci.samples.onlyInTarget.map((r) => r.key['name']), ['ABC', 'e']);
  });

  test('-where and -sourceWhere filter each side; -maxRowsDownloaded stops the JOIN with the first differences', async () => {
    for (const args of [PG, MARIA]) {
      const where = await bothAgree(...args, '-where=id < 10 OR id > 11998');
      assert.equal(where.summary, { sourceRows: 11, targetRows: 11, onlyInSource: 2, onlyInTarget: 2, differentRows: 3, identicalRows: 6 });
      const sourceOnly = await bothAgree(...args, '-sourceWhere=id <= 6000', '-columns=note');
      assert.equal([sourceOnly.summary.sourceRows, sourceOnly.summary.onlyInTarget, sourceOnly.summary.onlyInSource], [6000, 6001, 102]);

      const capped = await json(...args, '-maxRowsDownloaded=10', '-algorithm=joindiff');
      assert.equal(capped.stats.complete, false);
      assert.is(capped.stats.rowsDownloaded, 10);
      assert.equal(ids(capped.samples.onlyInTarget), [0]);
      assert.equal(ids(capped.samples.different), [2, 7]);
      assert.equal(ids(capped.samples.onlyInSource), [1, 3000, 3001, 3002, 3003, 3004, 3005]);
      assert.equal(capped.summary.identicalRows, 0, 'identical rows are not counted when the JOIN stopped');
      const table = await run(...args, '-maxRowsDownloaded=10', '-algorithm=joindiff');
      assert.match(table.stderr, /the diff stopped after 10 rows downloaded/);
      const exact = await json(...args, '-maxRowsDownloaded=111', '-algorithm=joindiff');
      assert.is(exact.stats.complete, true);
      const failing = await run(...args, '-failOnDifferences');
      assert.is(failing.code, 12);
      await bothAgree(...args, '-sample=10%');
      const broken = await run(...args, '-where=nope > 1', '-algorithm=joindiff');
      assert.is(broken.code, 5, broken.stderr);
      assert.match(broken.stderr, /^ERROR: [^\n]*nope[^\n]*\n$/);
    }
  });

  test('MariaDB, 100,000 rows: the JOIN goes through the primary keys (INT against BIGINT too), other keys through indexed temporary tables', async () => {
    const statements = (type: string) => [
      `CREATE TABLE big (id ${type} PRIMARY KEY, v VARCHAR(40)) CHARACTER SET utf8mb4`,
      `INSERT INTO big SELECT seq, CONCAT('v', seq) FROM seq_1_to_100000`,
      `CREATE TABLE named (name VARCHAR(30) PRIMARY KEY, v INT) CHARACTER SET utf8mb4 COLLATE ${type === 'INT' ? 'utf8mb4_bin' : 'utf8mb4_general_ci'}`,
      `INSERT INTO named SELECT CONCAT('name ', seq), seq FROM seq_1_to_20000`,
    ];
    await maria.execAll('a', statements('BIGINT'));
    await maria.execAll('b', [...statements('INT'), "UPDATE big SET v = 'x' WHERE id % 1000 = 0", 'DELETE FROM big WHERE id = 50000', "UPDATE named SET v = 0 WHERE name = 'name 77'"]);

    const big = await json('-source=ma', '-target=mb', '-table=big', '-key=id', '-algorithm=joindiff');
    assert.equal([big.summary.onlyInSource, big.summary.differentRows, big.summary.identicalRows], [1, 99, 99_900]);
    const named = await bothAgree('-source=ma', '-target=mb', '-table=named', '-key=name');
    assert.equal(named.samples.different.map((d) => d.key['name']), ['name 77']);

    // The query's plan, as parity builds it: no block nested loop over 100,000 x 100,000 rows.
    const column = (name: string, columnType: string, collation: string | null = null) => ({
      name, dataType: columnType.replace(/\(.*/, '').toLowerCase(), columnType, precision: null, scale: null, datetimePrecision: null, length: null, nullable: false, collation,
    });
    const side = (schema: string, table: string, key: PlannedColumn, keyIndexed = true): JoinSide => ({
      table: { schema, name: table }, keys: [key], columns: [{ column: column('v', 'varchar(40)', 'utf8mb4_general_ci'), plan: { kind: 'text' } }], keyIndexed,
    });
    const explain = async (source: JoinSide, target: JoinSide) =>
      (await maria.query<{ table: string; type: string; Extra: string }>('a', `EXPLAIN ${joinQuery(mysqlData, source, target, 1000)}`)).map((r) => `${r.table} ${r.type} ${r.Extra}`);
    const stored = await explain(side(maria.name('a'), 'big', { column: column('id', 'bigint(20)'), plan: { kind: 'integer' } }), side(maria.name('b'), 'big', { column: column('id', 'int(11)'), plan: { kind: 'integer' } }));
    assert.is(stored.filter((line) => line.startsWith('big eq_ref')).length, 2, stored.join('\n'));
    assert.not.ok(stored.some((line) => /BNL|nested/i.test(line)), stored.join('\n'));
    const text = (collation: string) => ({ column: { ...column('name', 'varchar(30)', collation), dataType: 'varchar' }, plan: { kind: 'text' as const } });
    const materialized = await explain(side(maria.name('a'), 'named', text('utf8mb4_general_ci'), true), side(maria.name('b'), 'named', text('utf8mb4_bin'), true));
    assert.ok(materialized.some((line) => line.startsWith('<derived') && / ref /.test(` ${line} `)), materialized.join('\n'));
    assert.not.ok(materialized.some((line) => /BNL|nested/i.test(line)), materialized.join('\n'));
  });

  test.run();
}
