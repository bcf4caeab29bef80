/**
 * `parity dataDiff` through the built CLI on every pair of real servers (PG↔PG, PG↔MariaDB,
 * MariaDB↔PG, MariaDB↔MariaDB) and every key shape: integer (of different widths, unsigned), UUID (PG
 * uuid against MariaDB's UUID type and CHAR(36) in upper or mixed case), text under a non-binary
 * collation (MariaDB utf8mb4_general_ci / unicode_ci, PostgreSQL ICU) and under a binary one
 * (utf8mb4_bin / nopad_bin), and composite (integer + text); keys hold non-ASCII and mixed case text.
 * The tables and the seeded changes: test/support/data-diff-matrix.ts.
 *
 * Pairs on one server run both algorithms (hashdiff and the joindiff fast path), others hashdiff.
 * base against copy: no difference and no row downloaded. base against changed, with a small
 * bisection (-bisectionThreshold=64 -bisectionFactor=4): exactly the seeded changes (the whole
 * -materialize file, in key order, and the per-column counts). Then the errors: a key that is not
 * unique (either side, either server), a key column holding NULL (either side, single or composite,
 * with or without a unique index, every pair and algorithm), no such table or column, incompatible and
 * unusable key types; text keys that a collation calls equal are distinct keys; which text keys an
 * index can serve.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { describeTable } from '../../src/data-diff/sql/catalog.ts';
import { planPair } from '../../src/data-diff/sql/column-plan.ts';
import type { DataConnection, DataDialect, PlannedColumn } from '../../src/data-diff/sql/data-dialect.ts';
import { checksumQuery } from '../../src/data-diff/sql/data-sql.ts';
import { mysqlData } from '../../src/data-diff/sql/mysql-data.ts';
import { postgresData } from '../../src/data-diff/sql/postgres-data.ts';
import { runCli } from '../support/cli.ts';
import { environmentSection } from '../support/flyway-toml.ts';
import { mariaText, pgText, ROWS, seed, SHAPES, tableName, tableStatements, withColumnSamples, type Expected, type Server, type Shape, type Table } from '../support/data-diff-matrix.ts';
import { skipWithoutMariadb, startMariadb, type TestMariadb } from '../support/mariadb-server.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

const SMALL_BISECTION = ['-bisectionThreshold=64', '-bisectionFactor=4'];

interface Report {
  summary: Record<string, number>;
  columns: Record<string, { differentValues: number }>;
  stats: { rowsDownloaded: number; complete: boolean; algorithm: string };
}

const PAIRS: ReadonlyArray<readonly [Server, Server]> = [
  ['pg', 'pg'],
  ['pg', 'maria'],
  ['maria', 'pg'],
  ['maria', 'maria'],
];
const label = ([s, t]: readonly [Server, Server]) => `${s === 'pg' ? 'PG' : 'MariaDB'}↔${t === 'pg' ? 'PG' : 'MariaDB'}`;

let pg: TestPostgres;
let maria: TestMariadb;
let work: string;
const expectations = new Map<Shape, Expected>();

const cli = (...args: string[]) => runCli(['dataDiff', ...args], { cwd: work, env: { PG_PW: pg.password, MARIA_PW: maria.password } });

async function dataDiff(...args: string[]): Promise<Report> {
  const result = await cli(...args, '-outputType=json');
  assert.is(result.code, 0, `${args.join(' ')}\n${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout) as Report;
}

/** A run that fails: its exit code and its one line on stderr, or with -outputType=json the error on stdout. */
async function failure(...args: string[]): Promise<{ code: number; line: string; error?: unknown }> {
  const result = await cli(...args);
  if (args.includes('-outputType=json')) {
    assert.is(result.stderr, '');
    return { code: result.code, line: '', error: (JSON.parse(result.stdout) as { error: unknown }).error };
  }
  assert.is(result.stdout, '');
  assert.ok(/^[^\n]*\n$/.test(result.stderr), `one line: ${result.stderr}`);
  return { code: result.code, line: result.stderr.trimEnd() };
}

/** Keys equal under MariaDB's general_ci (case, accents) or any PAD SPACE collation, distinct as bytes. */
const NAMES = ['abc', 'ABC', 'Abc', 'abc ', 'ärger', 'Ärger', 'arger', 'e', 'é', 'É'];

if (!skipWithoutMariadb()) {
  test.before(async () => {
    await setUp().catch((error: unknown) => {
      // uvu does not report an error thrown by a before hook: print it.
      console.error(String(error instanceof Error ? error.stack : error).slice(0, 3000));
      throw error;
    });
  });

  async function setUp(): Promise<void> {
    [pg, maria] = await Promise.all([startPostgres(), startMariadb()]);
    await Promise.all([pg.createDatabase('dd'), maria.createDatabase('dd')]);
    for (const shape of SHAPES) {
      const { base, expected } = seed(shape);
      expectations.set(shape, expected);
      const tables = [['base', base], ['copy', base], ['changed', expected.changed]] as const;
      await Promise.all([
        pg.exec('dd', tables.flatMap(([table, rows]) => tableStatements('pg', shape, table, rows)).join(';\n')),
        maria.execAll('dd', tables.flatMap(([table, rows]) => tableStatements('maria', shape, table, rows))),
      ]);
    }
    // dups: no primary key, a duplicate key (2 on PostgreSQL, 3 on MariaDB); names: no primary key, distinct keys.
    const dups = (twice: number) => `INSERT INTO dups (id, note, amount) VALUES (1, 'x', 1), (2, 'dup', 2), (3, 'Dup', 3), (${twice}, 'dup', 4)`;
    const names = (literal: (v: string) => string) => `INSERT INTO names (name, note) VALUES ${NAMES.map((n, i) => `(${literal(n)}, 'n${i}')`).join(', ')}`;
    await pg.exec('dd', `CREATE TABLE dups (id integer, note varchar(40), amount numeric(12,2)); ${dups(2)};
      CREATE TABLE names (name varchar(40), note text); ${names(pgText)}`);
    await maria.execAll('dd', [
      'CREATE TABLE dups (id INT, note VARCHAR(40), amount DECIMAL(12,2)) DEFAULT CHARSET=utf8mb4',
      dups(3),
      'CREATE TABLE names (name VARCHAR(40), note TEXT) DEFAULT CHARSET=utf8mb4',
      names(mariaText),
    ]);
    // Keys holding NULL: no key (nullkey), a unique index (nullkey_u), composite (nullkey2), and targets without NULLs.
    const nullKeys = (text: string) => [
      'CREATE TABLE nullkey (k INT, v VARCHAR(10))',
      "INSERT INTO nullkey VALUES (1, 'a'), (NULL, 'x'), (3, 'c')",
      'CREATE TABLE nullkey_t (k INT NOT NULL PRIMARY KEY, v VARCHAR(10))',
      "INSERT INTO nullkey_t VALUES (1, 'a'), (3, 'c')",
      'CREATE TABLE nullkey_u (k INT UNIQUE, v VARCHAR(10))',
      "INSERT INTO nullkey_u VALUES (1, 'a'), (NULL, 'x'), (3, 'c')",
      `CREATE TABLE nullkey2 (a INT, b ${text}, v VARCHAR(10), UNIQUE (a, b))`,
      "INSERT INTO nullkey2 VALUES (1, 'x', 'a'), (2, NULL, 'b')",
      `CREATE TABLE nullkey2_t (a INT NOT NULL, b ${text} NOT NULL, v VARCHAR(10), PRIMARY KEY (a, b))`,
      "INSERT INTO nullkey2_t VALUES (1, 'x', 'a')",
    ];
    await pg.exec('dd', nullKeys('varchar(10)').join(';\n'));
    await maria.execAll('dd', nullKeys('VARCHAR(10)'));
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-dd-matrix-'));
    fs.writeFileSync(
      path.join(work, 'flyway.toml'),
      [
        environmentSection('pg', pg.jdbcUrl('dd'), pg.user, 'PG_PW'),
        environmentSection('maria', maria.jdbcUrl('dd', 'mariadb'), maria.user, 'MARIA_PW'),
      ].join('\n'),
    );
  }

  test.after(async () => {
    await Promise.allSettled([pg?.stop(), maria?.stop()]);
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  for (const shape of SHAPES) {
    const key = `-key=${shape.keyNames.join(',')}`;
    const tables = (target: Table) => [`-table=${tableName(shape, 'base')}`, `-targetTable=${tableName(shape, target)}`, key, ...SMALL_BISECTION];

    // One server on both sides: both algorithms (auto would pick joindiff); two servers: hashdiff.
    for (const [pair, algorithm] of PAIRS.flatMap((p) => (p[0] === p[1] ? ['hashdiff', 'joindiff'] : ['hashdiff']).map((a) => [p, a] as const))) {
      const sides = [`-source=${pair[0]}`, `-target=${pair[1]}`, `-algorithm=${algorithm}`];

      test(`${label(pair)} ${algorithm}, ${shape.name} key: the same ${ROWS} rows in other types and collations are equal, no row downloaded`, async () => {
        const report = await dataDiff(...sides, ...tables('copy'));
        assert.equal(report.summary, { sourceRows: ROWS, targetRows: ROWS, onlyInSource: 0, onlyInTarget: 0, differentRows: 0, identicalRows: ROWS });
        assert.is(report.stats.rowsDownloaded, 0);
        assert.is(report.stats.algorithm, algorithm);
      });

      test(`${label(pair)} ${algorithm}, ${shape.name} key: seeded deletions, insertions and updates are found exactly`, async () => {
        const expected = expectations.get(shape)!;
        const file = path.join(work, `${shape.slug}-${pair.join('-')}-${algorithm}.jsonl`);
        const report = await dataDiff(...sides, ...tables('changed'), `-materialize=${file}`);
        assert.equal(report.summary, expected.summary);
        assert.equal(report.columns, withColumnSamples(expected.columns, expected.lines));
        assert.ok(report.stats.complete);
        assert.ok(report.stats.rowsDownloaded < ROWS, `${report.stats.rowsDownloaded} rows downloaded`);
        const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as object);
        assert.equal(lines, expected.lines);
      });
    }
  }

  test('a key that is not unique (no primary key): one-line error naming the key, the side and the table, on either server', async () => {
    const intBase = tableName(SHAPES[0]!, 'base');
    const cases: Array<[string[], string]> = [
      [['-source=pg', '-target=maria', '-table=dups'], 'key (id) is not unique in source table dups: id=2 appears more than once'],
      [['-source=maria', '-target=pg', '-table=dups'], 'key (id) is not unique in source table dups: id=3 appears more than once'],
      [['-source=pg', '-target=maria', `-table=${intBase}`, '-targetTable=dups'], 'key (id) is not unique in target table dups: id=3 appears more than once'],
      [['-source=maria', '-target=pg', `-table=${intBase}`, '-targetTable=dups'], 'key (id) is not unique in target table dups: id=2 appears more than once'],
    ];
    for (const [args, message] of cases) {
      const result = await failure(...args, '-key=id');
      assert.equal(result, { code: 2, line: `ERROR: ${message} (-key)` }, args.join(' '));
    }
    // Text keys are grouped by bytes: 'dup' twice is a duplicate, 'Dup' is another key.
    const text = await failure('-source=maria', '-target=pg', '-table=dups', '-key=note');
    assert.equal(text, { code: 2, line: 'ERROR: key (note) is not unique in source table dups: note=dup appears more than once (-key)' });
    const json = await failure('-source=maria', '-target=maria', '-table=dups', '-key=id', '-outputType=json');
    assert.equal(json, { code: 2, line: '', error: { errorCode: 'INVALID_ARGUMENT', message: 'key (id) is not unique in source table dups: id=3 appears more than once (-key)' } });
  });

  test('a key column holding NULL: exit 2 naming the column, the side and the table, from every pair and algorithm; -where leaves such rows out', async () => {
    const nullIn = (column: string, side: string, table: string) =>
      `ERROR: key column ${column} is NULL in a row of ${side} table ${table}: a row without a key cannot be matched; leave such rows out (-where="${column} IS NOT NULL") or use NOT NULL key columns (-key)`;
    for (const pair of PAIRS) {
      for (const algorithm of pair[0] === pair[1] ? ['hashdiff', 'joindiff'] : ['hashdiff']) {
        const sides = [`-source=${pair[0]}`, `-target=${pair[1]}`, `-algorithm=${algorithm}`];
        const what = `${label(pair)} ${algorithm}`;
        assert.equal(await failure(...sides, '-table=nullkey', '-targetTable=nullkey_t', '-key=k'), { code: 2, line: nullIn('k', 'source', 'nullkey') }, what);
        assert.equal(await failure(...sides, '-table=nullkey_t', '-targetTable=nullkey_u', '-key=k'), { code: 2, line: nullIn('k', 'target', 'nullkey_u') }, what);
        assert.equal(await failure(...sides, '-table=nullkey_u', '-targetTable=nullkey_t', '-key=k'), { code: 2, line: nullIn('k', 'source', 'nullkey_u') }, what);
        assert.equal(await failure(...sides, '-table=nullkey2', '-targetTable=nullkey2_t', '-key=a,b'), { code: 2, line: nullIn('b', 'source', 'nullkey2') }, what);
        const report = await dataDiff(...sides, '-table=nullkey', '-targetTable=nullkey_t', '-key=k', '-where=k IS NOT NULL');
        assert.equal(report.summary, { sourceRows: 2, targetRows: 2, onlyInSource: 0, onlyInTarget: 0, differentRows: 0, identicalRows: 2 }, what);
      }
    }
  });

  test('text keys without a primary key that differ only in case, accents or trailing spaces are distinct keys', async () => {
    for (const pair of PAIRS) {
      const report = await dataDiff(`-source=${pair[0]}`, `-target=${pair[1]}`, '-table=names', '-key=name');
      assert.equal(report.summary, { sourceRows: NAMES.length, targetRows: NAMES.length, onlyInSource: 0, onlyInTarget: 0, differentRows: 0, identicalRows: NAMES.length }, label(pair));
    }
  });

  test('no such table, on either side and server: the side, the table and the server', async () => {
    const intBase = tableName(SHAPES[0]!, 'base');
    const cases: Array<[string[], string]> = [
      [['-source=pg', '-target=maria', '-table=nope'], 'source table nope not found on the PostgreSQL server (-source)'],
      [['-source=maria', '-target=pg', '-table=nope'], 'source table nope not found on the MySQL server (-source)'],
      [['-source=maria', '-target=pg', `-table=${intBase}`, '-targetTable=nope'], 'target table nope not found on the PostgreSQL server (-target)'],
      [['-source=pg', '-target=maria', `-table=${intBase}`, '-targetTable=public.nope'], 'target table public.nope not found on the MySQL server (-target)'],
    ];
    for (const [args, message] of cases) assert.equal(await failure(...args, '-key=id'), { code: 2, line: `ERROR: ${message}` }, args.join(' '));
    const column = await failure('-source=maria', '-target=pg', `-table=${intBase}`, '-key=nope');
    assert.equal(column, { code: 2, line: `ERROR: source column nope not found in table ${intBase} (-source)` });
  });

  test('incompatible key types: exit 2 naming both types; a key type that cannot be a key: exit 8', async () => {
    const [int, uuid, text] = [0, 1, 2].map((n) => tableName(SHAPES[n]!, 'base'));
    const cases: Array<[string[], string]> = [
      [['-source=pg', '-target=maria', `-table=${int}`, `-targetTable=${uuid}`, '-key=id'], 'no safe comparison between integer (integer) and uuid (uuid)'],
      [['-source=maria', '-target=pg', `-table=${uuid}`, `-targetTable=${int}`, '-key=id'], 'no safe comparison between uuid (uuid) and integer (integer)'],
      [['-source=maria', '-target=maria', `-table=${int}`, `-targetTable=${text}`, '-key=id', '-columnMap=id:name'], 'no safe comparison between int(11) (integer) and varchar(40) (text)'],
    ];
    for (const [args, message] of cases) assert.equal(await failure(...args), { code: 2, line: `ERROR: incompatible key types for id: ${message} (-key)` }, args.join(' '));
    const decimal = await failure('-source=pg', '-target=maria', `-table=${int}`, '-key=amount', '-outputType=json');
    assert.equal(decimal, {
      code: 8,
      line: '',
      error: { errorCode: 'UNSUPPORTED', message: 'key column amount (numeric(12,2)) is decimal; keys can be integer, uuid, char or text columns (-key)' },
    });
  });

  test('text keys: the range queries can use the key\'s index only under a byte-order collation (the documented limitation)', async () => {
    /** The plan of one range query on a text key column, with `enable_seqscan = off` on PostgreSQL so an index that can serve is used. */
    const explain = async (dialect: DataDialect, connection: DataConnection, table: string): Promise<string> => {
      const { description } = await describeTable(dialect, connection, { schema: '', name: table }, ['name']);
      const column = description.columns.find((c) => c.name === 'name')!;
      const pair = planPair({ dialect, column }, { dialect, column });
      assert.ok('plan' in pair);
      const keys: PlannedColumn[] = [{ column, plan: pair.plan }];
      const query = checksumQuery(dialect, { table: description.table, keys, columns: [], range: { from: ['apple'], to: ['banana'] } });
      const rows = await connection.query(`EXPLAIN ${query.sql}`, query.params);
      return JSON.stringify(rows);
    };
    const my = await mysqlData.connect(maria.settings('dd'));
    const pgc = await postgresData.connect(pg.settings('dd'));
    try {
      const [generalCi, bin, nopadBin] = [tableName(SHAPES[2]!, 'base'), tableName(SHAPES[3]!, 'base'), tableName(SHAPES[3]!, 'copy')];
      // MariaDB: only utf8mb4_nopad_bin orders as bytes; general_ci and the PAD SPACE utf8mb4_bin compare through CAST(... AS BINARY).
      assert.match(await explain(mysqlData, my, nopadBin), /"possible_keys":"PRIMARY"/);
      for (const table of [generalCi, bin]) assert.match(await explain(mysqlData, my, table), /"possible_keys":null/, table);
      // PostgreSQL: a column declared COLLATE "C" is served by its index; one of the database's default
      // collation is not, even in a database whose default is C.
      await pg.exec('dd', 'CREATE TABLE c_keys (name text COLLATE "C" PRIMARY KEY); CREATE TABLE default_keys (name text PRIMARY KEY)');
      await pgc.query('SET enable_seqscan = off');
      assert.match(await explain(postgresData, pgc, 'c_keys'), /Index Cond/);
      assert.not.match(await explain(postgresData, pgc, 'default_keys'), /Index Cond/);
    } finally {
      await Promise.all([my.close(), pgc.close()]);
    }
  });

  test.run();
}
