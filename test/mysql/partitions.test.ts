/**
 * MySQL/MariaDB partitions against a real MariaDB (issue 17):
 * - introspection of every method (RANGE, RANGE COLUMNS, LIST, LIST COLUMNS with DEFAULT, HASH,
 *   LINEAR HASH, KEY, LINEAR KEY, subpartitions) into the model, expected values written here;
 *   MariaDB's `0` for a DEFAULT partition told apart from `VALUES IN (0)` with one SHOW CREATE TABLE
 *   for such a table only;
 * - a diff that reports partition changes (which showed 0 differences before), and the generated
 *   script applied to a target holding rows: every row the new definition has room for is still there
 *   (counted per partition with `SELECT ... PARTITION (p)`, none of parity's code), exactly the rows of
 *   the documented destructive statements are gone, and a second diff finds nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ConnectionSettings } from '../../src/config/connection.ts';
import { withMysqlConnection, withReadOnlySnapshot } from '../../src/dialects/mysql/mysql-connection.ts';
import { introspectMysql, readMysqlModel } from '../../src/dialects/mysql/mysql-introspector.ts';
import { splitMysqlStatements } from '../../src/dialects/mysql/mysql-script.ts';
import type { DatabaseModel, Table } from '../../src/model/objects.ts';
import { runCli, type CliResult } from '../support/cli.ts';
import { changeSummary, diffJson } from '../support/diff-json.ts';
import { environmentSection } from '../support/flyway-toml.ts';
import { skipWithoutMariadb, startMariadb, type TestMariadb } from '../support/mariadb-server.ts';

const METHODS = [
  'CREATE TABLE r (id int, d date) PARTITION BY RANGE (YEAR(d)) (PARTITION p2020 VALUES LESS THAN (2021) COMMENT \'old\', PARTITION pmax VALUES LESS THAN MAXVALUE)',
  "CREATE TABLE rc (id int, d date) PARTITION BY RANGE COLUMNS(d, id) (PARTITION a VALUES LESS THAN ('2020-01-01', 5), PARTITION b VALUES LESS THAN (MAXVALUE, MAXVALUE))",
  "CREATE TABLE rd (d date) PARTITION BY RANGE (TO_DAYS(d)) (PARTITION x VALUES LESS THAN (TO_DAYS('2020-01-01')))",
  'CREATE TABLE l (id int, r int) PARTITION BY LIST (r) (PARTITION e VALUES IN (2, NULL, 1), PARTITION zero VALUES IN (0))',
  'CREATE TABLE ld (id int, r int) PARTITION BY LIST (r) (PARTITION e VALUES IN (1), PARTITION rest DEFAULT)',
  "CREATE TABLE lc1 (c varchar(3)) PARTITION BY LIST COLUMNS(c) (PARTITION x VALUES IN ('b', 'a'), PARTITION other DEFAULT)",
  "CREATE TABLE lc (a int, b varchar(3)) PARTITION BY LIST COLUMNS(a, b) (PARTITION x VALUES IN ((1,'a'),(2,'b')), PARTITION other DEFAULT)",
  'CREATE TABLE h (id int) PARTITION BY HASH (id) PARTITIONS 3',
  'CREATE TABLE lh (d date) PARTITION BY LINEAR HASH (YEAR(d)) (PARTITION one, PARTITION two)',
  'CREATE TABLE k (id int PRIMARY KEY) PARTITION BY KEY () PARTITIONS 2',
  'CREATE TABLE lk (a int, b int) PARTITION BY LINEAR KEY (a, b) PARTITIONS 2',
  'CREATE TABLE s (id int, d date) PARTITION BY RANGE (YEAR(d)) SUBPARTITION BY HASH (id) SUBPARTITIONS 2 (PARTITION p0 VALUES LESS THAN (2000), PARTITION p1 VALUES LESS THAN MAXVALUE)',
  'CREATE TABLE sn (id int, r int) PARTITION BY LIST (r) SUBPARTITION BY KEY (id) (PARTITION a VALUES IN (1) (SUBPARTITION a0, SUBPARTITION a1))',
  'CREATE TABLE plain (id int)',
];

/** The target: partitioned tables holding rows. */
const TARGET = [
  'CREATE TABLE sales (id int NOT NULL, d date NOT NULL, PRIMARY KEY (id, d)) PARTITION BY RANGE (YEAR(d)) (PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2021 VALUES LESS THAN (2022), PARTITION pmax VALUES LESS THAN MAXVALUE)',
  "INSERT INTO sales VALUES (1, '2019-05-01'), (2, '2020-05-01'), (3, '2021-05-01'), (4, '2030-05-01')",
  'CREATE TABLE regions (id int, r int) PARTITION BY LIST (r) (PARTITION e VALUES IN (1, 2), PARTITION w VALUES IN (3), PARTITION rest DEFAULT)',
  'INSERT INTO regions VALUES (1, 1), (2, 2), (3, 3), (4, 9)',
  "CREATE TABLE codes (id int, c varchar(5)) PARTITION BY LIST COLUMNS(c) (PARTITION a VALUES IN ('a', 'b'), PARTITION z VALUES IN ('z'))",
  "INSERT INTO codes VALUES (1, 'a'), (2, 'b'), (3, 'z')",
  'CREATE TABLE h (id int, v int) PARTITION BY HASH (id) PARTITIONS 4',
  'INSERT INTO h VALUES (1, 1), (2, 2), (3, 3), (4, 4), (5, 5)',
  'CREATE TABLE bucketed (id int, v int) PARTITION BY HASH (id) PARTITIONS 3',
  'INSERT INTO bucketed VALUES (1, 1), (2, 2)',
];

/** The source: the same tables partitioned otherwise (no rows). */
const SOURCE = [
  // 2019 is split off p2020; p2021 and pmax become p2022 < 2023: 2021 stays, 2030 has no partition.
  'CREATE TABLE sales (id int NOT NULL, d date NOT NULL, PRIMARY KEY (id, d)) PARTITION BY RANGE (YEAR(d)) (PARTITION p2019 VALUES LESS THAN (2020), PARTITION p2020 VALUES LESS THAN (2021), PARTITION p2022 VALUES LESS THAN (2023))',
  // 2 moves to w, 9 from the DEFAULT partition to n.
  'CREATE TABLE regions (id int, r int) PARTITION BY LIST (r) (PARTITION e VALUES IN (1), PARTITION w VALUES IN (3, 2), PARTITION n VALUES IN (9), PARTITION rest DEFAULT)',
  // 'b' has no partition any more.
  "CREATE TABLE codes (id int, c varchar(5)) PARTITION BY LIST COLUMNS(c) (PARTITION a VALUES IN ('a'), PARTITION z VALUES IN ('z'))",
  'CREATE TABLE h (id int, v int) PARTITION BY HASH (id) PARTITIONS 2',
  'CREATE TABLE bucketed (id int, v int, bucket int NOT NULL DEFAULT 1) PARTITION BY LIST (bucket) (PARTITION b0 VALUES IN (0), PARTITION b1 VALUES IN (1))',
];

let server: TestMariadb;
let work: string;
let model: DatabaseModel;

const run = (...args: string[]): Promise<CliResult> => runCli(args, { cwd: work, env: { PW: server.password } });

const settings = (database: string): ConnectionSettings => server.settings(database);

function table(name: string): Table {
  const found = model.objects.find((o) => o.kind === 'table' && o.name === name);
  assert.ok(found, `no table ${name}`);
  return found as Table;
}

const partitioning = (name: string) => {
  const t = table(name);
  return { partitionBy: t.partitionBy, subpartitionBy: t.subpartitionBy, partitions: t.partitions };
};

/** Rows per partition, counted by the server (`SELECT COUNT(*) FROM t PARTITION (p)`). */
async function rowsPerPartition(database: string, tableName: string): Promise<Record<string, number>> {
  const partitions = await server.query<{ p: string }>(
    'mysql',
    'SELECT PARTITION_NAME AS p FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY PARTITION_ORDINAL_POSITION',
    [server.name(database), tableName],
  );
  const out: Record<string, number> = {};
  for (const { p } of partitions) {
    const [row] = await server.query<{ n: number | string }>(database, `SELECT COUNT(*) AS n FROM \`${tableName}\` PARTITION (\`${p}\`)`);
    out[p] = Number(row!.n);
  }
  return out;
}

if (!skipWithoutMariadb()) {
  test.before(async () => {
    server = await startMariadb();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-mysql-partitions-'));
    const env = (name: string) => environmentSection(name, server.jdbcUrl(name), server.user, 'PW');
    fs.writeFileSync(path.join(work, 'flyway.toml'), [env('src'), env('tgt')].join('\n'));
    await server.createDatabase('methods');
    await server.execAll('methods', METHODS);
    model = await introspectMysql(settings('methods'), { schemas: [] });
  });

  test.after(async () => {
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('RANGE, RANGE COLUMNS and LIST bounds as the server stores them (expressions evaluated, LIST values sorted, DEFAULT told apart from IN (0))', () => {
    assert.equal(partitioning('r'), {
      partitionBy: 'RANGE (year(`d`))',
      subpartitionBy: undefined,
      partitions: [{ name: 'p2020', values: 'LESS THAN (2021)', comment: 'old' }, { name: 'pmax', values: 'LESS THAN MAXVALUE' }],
    });
    assert.equal(partitioning('rc').partitionBy, 'RANGE COLUMNS(`d`,`id`)');
    assert.equal(partitioning('rc').partitions, [{ name: 'a', values: "LESS THAN ('2020-01-01',5)" }, { name: 'b', values: 'LESS THAN (MAXVALUE,MAXVALUE)' }]);
    assert.equal(partitioning('rd').partitions, [{ name: 'x', values: 'LESS THAN (737790)' }]);
    assert.equal(partitioning('l').partitions, [{ name: 'e', values: 'IN (NULL,1,2)' }, { name: 'zero', values: 'IN (0)' }]);
    assert.equal(partitioning('ld').partitions, [{ name: 'e', values: 'IN (1)' }, { name: 'rest', values: 'DEFAULT' }]);
    assert.equal(partitioning('lc1').partitions, [{ name: 'x', values: "IN ('a','b')" }, { name: 'other', values: 'DEFAULT' }]);
    assert.equal(partitioning('lc'), {
      partitionBy: 'LIST COLUMNS(`a`,`b`)',
      subpartitionBy: undefined,
      partitions: [{ name: 'x', values: "IN ((1,'a'),(2,'b'))" }, { name: 'other', values: 'DEFAULT' }],
    });
  });

  test('HASH and KEY partitions by name, the server-named ones too; subpartitions', () => {
    assert.equal(partitioning('h'), { partitionBy: 'HASH (`id`)', subpartitionBy: undefined, partitions: [{ name: 'p0' }, { name: 'p1' }, { name: 'p2' }] });
    assert.equal(partitioning('lh').partitions, [{ name: 'one' }, { name: 'two' }]);
    assert.equal(partitioning('lh').partitionBy, 'LINEAR HASH (year(`d`))');
    assert.equal(partitioning('k').partitionBy, 'KEY ()');
    assert.equal(partitioning('lk').partitionBy, 'LINEAR KEY (`a`,`b`)');
    assert.equal(partitioning('s'), {
      partitionBy: 'RANGE (year(`d`))',
      subpartitionBy: 'HASH (`id`)',
      partitions: [
        { name: 'p0', values: 'LESS THAN (2000)', subpartitions: ['p0sp0', 'p0sp1'] },
        { name: 'p1', values: 'LESS THAN MAXVALUE', subpartitions: ['p1sp0', 'p1sp1'] },
      ],
    });
    assert.equal(partitioning('sn').partitions, [{ name: 'a', values: 'IN (1)', subpartitions: ['a0', 'a1'] }]);
    assert.equal(partitioning('plain'), { partitionBy: undefined, subpartitionBy: undefined, partitions: undefined });
  });

  test('the canonical DDL of a partitioned table creates the same partitions', async () => {
    await server.createDatabase('again');
    const { mysqlDialect } = await import('../../src/dialects/mysql/mysql-dialect.ts');
    const tables = model.objects.filter((o) => o.kind === 'table').map((o) => ({ ...o, schema: '' }));
    await server.execAll('again', tables.map((t) => mysqlDialect.renderCreate(t).replace(/;$/, '')));
    const again = await introspectMysql(settings('again'), { schemas: [] });
    const strip = (m: DatabaseModel) => m.objects.filter((o) => o.kind === 'table').map((o) => ({ ...o, schema: '' }));
    assert.equal(strip(again), strip(model));
  });

  test('one SHOW CREATE TABLE for each table with a LIST partition described 0, and no other extra query', async () => {
    const count = async (database: string) => {
      const statements: string[] = [];
      await withMysqlConnection(settings(database), (connection) =>
        withReadOnlySnapshot(connection, (tx) =>
          readMysqlModel({ query: (sql: string, values?: unknown[]) => (statements.push(sql), tx.query(sql, values)) }, settings(database), [server.name(database)]),
        ),
      );
      return statements;
    };
    await server.createDatabase('noparts');
    await server.execAll('noparts', ['CREATE TABLE t (id int)']);
    const plain = await count('noparts');
    const methods = await count('methods');
    const extra = methods.filter((sql) => !plain.includes(sql));
    assert.equal(extra.map((sql) => sql.replace(/`[^`]*`\./, '')), ['SHOW CREATE TABLE `l`', 'SHOW CREATE TABLE `ld`']);
  });

  test('a diff reports partition changes; the script keeps every row the source has room for and drops only the ones its warnings name', async () => {
    await server.createDatabase('src');
    await server.createDatabase('tgt');
    await server.execAll('src', SOURCE);
    await server.execAll('tgt', TARGET);
    assert.equal(changeSummary(await diffJson(run, 'src', 'tgt')), ['Edit Table |bucketed', 'Edit Table |codes', 'Edit Table |h', 'Edit Table |regions', 'Edit Table |sales']);

    const generated = await run('generate', '-artifactFilename=out/diff.artifact', '-generate.location=out/m', '-generate.version=1', '-outputType=json');
    assert.is(generated.code, 0, generated.stderr);
    const warnings = (JSON.parse(generated.stdout) as { warnings: string[] }).warnings;
    assert.equal(warnings.map((w) => w.replace(/^V1__parity_generated\.sql: /, '')).sort(), [
      "drops the rows of codes with the values 'b' (no partition holds them any more)",
      'drops the rows of sales past its new last partition (VALUES LESS THAN (2023))',
    ]);
    const script = fs.readFileSync(path.join(work, 'out/m/V1__parity_generated.sql'), 'utf8');
    await server.execAll('tgt', splitMysqlStatements(script));

    assert.equal(await rowsPerPartition('tgt', 'sales'), { p2019: 1, p2020: 1, p2022: 1 });
    assert.equal(await server.query('tgt', 'SELECT id FROM sales ORDER BY id'), [{ id: 1 }, { id: 2 }, { id: 3 }]);
    assert.equal(await rowsPerPartition('tgt', 'regions'), { e: 1, w: 2, n: 1, rest: 0 });
    assert.equal(await rowsPerPartition('tgt', 'codes'), { a: 1, z: 1 });
    assert.equal(Object.values(await rowsPerPartition('tgt', 'h')).reduce((a, b) => a + b, 0), 5);
    assert.equal(await rowsPerPartition('tgt', 'bucketed'), { b0: 0, b1: 2 });
    assert.equal((await diffJson(run, 'src', 'tgt', 'out/again.artifact')).differences, []);
  });

  test.run();
}
