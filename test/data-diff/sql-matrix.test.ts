/**
 * Data diff SQL against real servers: the same logical values stored in each type on PostgreSQL and on
 * MariaDB normalize to identical row texts and identical per-range count + checksum, PG↔PG, PG↔MariaDB
 * and MariaDB↔MariaDB, over 10,000 generated rows (checksums beyond 2^53 stay exact); one changed value
 * changes the checksum; boundaries split ranges with gaps into near-equal parts identically on both
 * servers for integer, UUID, text and composite keys; key buckets (and bucket filters) agree between
 * the servers and with the reference; refusals and describe errors.
 */
import crypto from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { planPair } from '../../src/data-diff/sql/column-plan.ts';
import type { DataConnection, DataDialect, KeyRange } from '../../src/data-diff/sql/data-dialect.ts';
import { checksumQuery, keySpanQuery, readBoundaries, readChecksum, readChecksums, readRows } from '../../src/data-diff/sql/data-sql.ts';
import { unionRanges } from '../../src/data-diff/sql/range-grain-sql.ts';
import { openSqlSides } from '../../src/data-diff/sql-side.ts';
import { finerGrain, rangeGrain } from '../../src/data-diff/grain.ts';
import { keyBucket, rangeBucket } from '../../src/data-diff/row-hash.ts';
import type { KeyKind } from '../../src/data-diff/table-side.ts';
import { requireColumns } from '../../src/data-diff/sql/catalog.ts';
import { mysqlData } from '../../src/data-diff/sql/mysql-data.ts';
import { postgresData } from '../../src/data-diff/sql/postgres-data.ts';
import { skipWithoutMariadb, type TestMariadb } from '../support/mariadb-server.ts';
import type { TestPostgres } from '../support/pg-server.ts';
import { describeEndpoint, openSqlServers, pairSpecs, type Endpoint, type Side, type SqlServers } from '../support/sql-endpoints.ts';

const ROWS = 10_000;
const COLUMNS = ['i', 'big', 'n4', 'n2', 'f8', 'f4', 'b', 'tz', 'ts', 'd', 'u', 'c', 't', 'bin'];

const PG_TABLE = `CREATE TABLE m (id bigint PRIMARY KEY, i int, big bigint, n4 numeric(12,4), n2 numeric(12,4), f8 double precision,
  f4 real, b boolean, tz timestamptz(6), ts timestamp(6), d date, u uuid, c char(10), t text, bin bytea, j jsonb, iv interval)`;
const MY_TABLE = `CREATE TABLE m (id bigint PRIMARY KEY, i int, big bigint, n4 decimal(12,4), n2 decimal(12,2), f8 double,
  f4 float, b bool, tz timestamp(6) NULL, ts datetime(3), d date, u char(36), c char(10), t text, bin blob, j json, tm time)
  DEFAULT CHARSET=utf8mb4`;

interface Value {
  readonly pg: string;
  readonly my: string;
}
const same = (sql: string): Value => ({ pg: sql, my: sql });
const NULL = same('NULL');
const lit = (text: string): Value => ({ pg: `'${text.replace(/'/g, "''")}'`, my: `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'` });

function uuidOf(n: number): string {
  const h = crypto.createHash('md5').update(String(n)).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const TEXTS = ['', `it's "quoted"`, 'ünïcödé 😀 中文', 'back\\slash', 'trailing  ', 'plain'];

/** One row's values, the same logical values on both sides. */
function rowValues(r: number): Value[] {
  const neg = r % 2 === 0 ? '-' : '';
  const n4 = `${neg}${Math.floor((r * 12345) / 10000)}.${String((r * 12345) % 10000).padStart(4, '0')}`;
  const micros = String((r * 7919) % 1_000_000).padStart(6, '0');
  const seconds = new Date(Date.UTC(2024, 0, 1) + r * 3_601_000).toISOString().slice(0, 19).replace('T', ' ');
  const hour = Number(seconds.slice(11, 13));
  // tz: the same instant, written with a +02:00 offset on PostgreSQL and in UTC on MariaDB (session UTC).
  const local = new Date(Date.parse(`${seconds.replace(' ', 'T')}Z`) + 2 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  const uuid = uuidOf(r);
  const bytes = crypto.createHash('sha1').update(String(r)).digest('hex').slice(0, (r % 20) * 2);
  return [
    same(String((r % 1000) - 500)),
    same((2n ** 62n - BigInt(r) * 1_000_003n).toString()),
    same(n4),
    same(n4), // numeric(12,4) on PostgreSQL, decimal(12,2) on MariaDB: rounded by the server on insert
    same(String(r / 7)),
    same(String(r / 8 + 0.1)),
    r % 3 === 0 ? NULL : same(r % 2 === 0 ? 'TRUE' : 'FALSE'),
    r % 11 === 0 ? NULL : { pg: `'${local}.${micros}+02:00'`, my: `'${seconds}.${micros}'` },
    { pg: `'${seconds}.${micros}'`, my: `'${seconds}.${micros.slice(0, 3)}'` }, // a migration that truncated to 3 digits
    same(`'${seconds.slice(0, 10)}'`),
    { pg: `'${uuid}'`, my: `'${r % 2 === 0 ? uuid.toUpperCase() : uuid}'` },
    r % 13 === 0 ? NULL : lit(`c${r % 100}${hour % 2 === 0 ? '' : ' x'}`),
    r % 7 === 0 ? NULL : lit(`${TEXTS[r % TEXTS.length]}${r % 4 === 0 ? '' : r}`),
    r % 17 === 0 ? NULL : { pg: `decode('${bytes}', 'hex')`, my: `UNHEX('${bytes}')` },
  ];
}

async function insertRows(side: Side, exec: (sql: string) => Promise<void>, table: string, from: number, to: number): Promise<void> {
  for (let start = from; start <= to; start += 1000) {
    const tuples: string[] = [];
    for (let r = start; r <= Math.min(to, start + 999); r++) tuples.push(`(${[String(r * 3), ...rowValues(r).map((v) => v[side])].join(', ')})`);
    await exec(`INSERT INTO ${table} (id, ${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`);
  }
}

let servers: SqlServers;
let pg: TestPostgres;
let my: TestMariadb;
let pgConnection: DataConnection;
let myConnection: DataConnection;
const ep = (side: Side, table: string): Endpoint => servers.ep(side, table);
const describe = describeEndpoint;
const specs = pairSpecs;

const PAIRS: ReadonlyArray<readonly [string, Side, string, Side, string]> = [
  ['PG↔PG', 'pg', 'm', 'pg', 'm_copy'],
  ['PG↔MariaDB', 'pg', 'm', 'my', 'm'],
  ['MariaDB↔MariaDB', 'my', 'm', 'my', 'm_copy'],
];

const skip = skipWithoutMariadb();

test.before(async () => {
  servers = await openSqlServers('dd');
  ({ pg, my, pgConnection, myConnection } = servers);
  await pg.exec('dd', PG_TABLE);
  await my.exec('dd', MY_TABLE);
  await insertRows('pg', (sql) => pg.exec('dd', sql), 'm', 1, ROWS);
  await insertRows('my', (sql) => my.exec('dd', sql), 'm', 1, ROWS);
  // A row of NULLs (key only) on both sides.
  await pg.exec('dd', 'INSERT INTO m (id) VALUES (1)');
  await my.exec('dd', 'INSERT INTO m (id) VALUES (1)');
  await pg.exec('dd', 'CREATE TABLE m_copy (LIKE m INCLUDING ALL); INSERT INTO m_copy SELECT * FROM m');
  await my.execAll('dd', ['CREATE TABLE m_copy LIKE m', 'INSERT INTO m_copy SELECT * FROM m']);
});

test.after(async () => {
  await servers?.close();
});

const TOLERANCE = { floatDigits: 3 };

for (const [name, sa, ta, sb, tb] of PAIRS) {
  test(`${name}: normalized rows are identical`, async () => {
    const [a, b] = [ep(sa, ta), ep(sb, tb)];
    const [specA, specB] = await specs(a, b, ['id'], COLUMNS, TOLERANCE);
    const range: KeyRange = { to: ['400'] };
    const [rowsA, rowsB] = await Promise.all([
      readRows(a.connection, a.dialect, { ...specA, range }),
      readRows(b.connection, b.dialect, { ...specB, range }),
    ]);
    assert.is(rowsA.length, 134);
    assert.equal(rowsA, rowsB);
  });

  test(`${name}: count and checksum are identical over ${ROWS} rows and sub-ranges, and exact`, async () => {
    const [a, b] = [ep(sa, ta), ep(sb, tb)];
    const [specA, specB] = await specs(a, b, ['id'], COLUMNS, TOLERANCE);
    for (const range of [{}, { from: ['3'], to: ['9000'] }, { from: ['29997'] }, { to: ['2'] }] as KeyRange[]) {
      const [ca, cb] = await Promise.all([readChecksum(a.connection, a.dialect, { ...specA, range }), readChecksum(b.connection, b.dialect, { ...specB, range })]);
      assert.equal(ca, cb, JSON.stringify(range));
      if (range.from === undefined && range.to === undefined) {
        assert.is(ca.count, String(ROWS + 1));
        assert.ok(BigInt(ca.checksum) > 2n ** 53n, `checksum ${ca.checksum} is beyond 2^53`);
      }
    }
  });
}

test('a changed value changes the checksum, on each server', async () => {
  for (const side of ['pg', 'my'] as const) {
    const [a, b] = [ep(side, 'm'), ep(side, 'm_copy')];
    const [specA, specB] = await specs(a, b, ['id'], COLUMNS, TOLERANCE);
    const exec = (sql: string) => (side === 'pg' ? pg.exec('dd', sql) : my.exec('dd', sql));
    // The big integer changes by 1: invisible to a DOUBLE sum at this magnitude.
    await exec('UPDATE m_copy SET big = big + 1 WHERE id = 15000');
    const [ca, cb] = await Promise.all([readChecksum(a.connection, a.dialect, specA), readChecksum(b.connection, b.dialect, specB)]);
    assert.is(ca.count, cb.count);
    assert.is.not(ca.checksum, cb.checksum, side);
    await exec('UPDATE m_copy SET big = big - 1 WHERE id = 15000');
    // NULL and the empty string differ unless nullEqualsEmpty.
    await exec("UPDATE m_copy SET t = '' WHERE id = 21");
    const text = async (options: object) => {
      const [x, y] = await specs(a, b, ['id'], ['t'], options);
      const [c1, c2] = await Promise.all([readChecksum(a.connection, a.dialect, x), readChecksum(b.connection, b.dialect, y)]);
      return c1.checksum === c2.checksum;
    };
    assert.is(await text({}), false, 'NULL vs empty string differ');
    assert.is(await text({ nullEqualsEmpty: true }), true, 'NULL equals empty with nullEqualsEmpty');
    await exec('UPDATE m_copy SET t = NULL WHERE id = 21');
  }
});

test('timestamptz vs TIMESTAMP at 6 digits, timestamp(6) vs DATETIME(3) at 3 digits, truncated', async () => {
  const [specA, specB] = await specs(ep('pg', 'm'), ep('my', 'm'), ['id'], ['tz', 'ts']);
  assert.is(specA.columns[0]!.plan.timestampDigits, 6);
  assert.is(specA.columns[1]!.plan.timestampDigits, 3);
  const [row] = await readRows(pgConnection, postgresData, { ...specA, range: { from: ['3'], to: ['4'] } });
  // r = 1: 2024-01-01 01:00:01 UTC, micros 007919; ts truncated to .007
  assert.equal(row?.values, ['2024-01-01 01:00:01.007919', '2024-01-01 01:00:01.007']);
});

test('the normalized text of each type', async () => {
  const [specA] = await specs(ep('pg', 'm'), ep('my', 'm'), ['id'], COLUMNS, TOLERANCE);
  const [row] = await readRows(pgConnection, postgresData, { ...specA, range: { from: ['6'], to: ['7'] } });
  assert.equal(row?.values, [
    '-498', '4611686018425387898', '-2.4690', '-2.47', '0.286', '0.350', '1', '2024-01-01 02:00:02.015838', '2024-01-01 02:00:02.015',
    '2024-01-01', uuidOf(2), 'c2', 'ünïcödé 😀 中文2', crypto.createHash('sha1').update('2').digest('hex').slice(0, 4),
  ]);
});

test('negative values rounding to zero render without a sign on both servers', async () => {
  const [p] = await pgConnection.query(`SELECT round((-0.001)::numeric, 2)::text AS d, round((-0.0000001)::float8::numeric, 6)::text AS f`);
  const [m] = await myConnection.query(`SELECT CAST(CAST(-0.001 AS DECIMAL(65, 2)) AS CHAR) AS d, CAST(CAST(-1e-7 AS DECIMAL(65, 6)) AS CHAR) AS f`);
  assert.equal(p, { d: '0.00', f: '0.000000' });
  assert.equal(m, p);
});

test('JSON is canonical on PostgreSQL (json vs jsonb); MariaDB JSON compares as stored text; refusals', async () => {
  await pg.exec('dd', `CREATE TABLE js (id int PRIMARY KEY, a json, b jsonb);
    INSERT INTO js VALUES (1, '{"b": 1,  "a": [1, 2], "a": "dup", "cc": null}', '{"cc":null,"b":1,"a":"dup"}')`);
  const d = await describe(ep('pg', 'js'));
  const [a, b] = requireColumns(d, ['a', 'b']);
  const pair = planPair({ dialect: postgresData, column: a! }, { dialect: postgresData, column: b! });
  assert.ok('plan' in pair && pair.plan.kind === 'json');
  const plan = { kind: 'json' } as const;
  const [row] = await readRows(pgConnection, postgresData, {
    table: { schema: '', name: 'js' },
    keys: [{ column: d.columns[0]!, plan: { kind: 'integer' } }],
    columns: [{ column: a!, plan }, { column: b!, plan }],
    range: {},
  });
  assert.equal(row?.values, ['{"a": "dup", "b": 1, "cc": null}', '{"a": "dup", "b": 1, "cc": null}']);

  const pgm = await describe(ep('pg', 'm'));
  const mym = await describe(ep('my', 'm'));
  const [iv] = requireColumns(pgm, ['iv']);
  const [tm, jm] = requireColumns(mym, ['tm', 'j']);
  assert.ok('refused' in postgresData.classify(iv!), 'interval is refused');
  assert.ok('refused' in mysqlData.classify(tm!), 'time is refused');
  assert.equal(mysqlData.classify(jm!), { kind: 'text' });
  const mismatch = planPair({ dialect: postgresData, column: requireColumns(pgm, ['d'])[0]! }, { dialect: mysqlData, column: requireColumns(mym, ['ts'])[0]! });
  assert.ok('refused' in mismatch, 'date vs datetime is refused');
});

test('describe: key uniqueness, missing table and column', async () => {
  assert.is((await describe(ep('pg', 'm'))).keyUnique, true);
  assert.is((await describe(ep('my', 'm'))).keyUnique, true);
  assert.is((await describe(ep('pg', 'm'), ['i'])).keyUnique, false);
  assert.is((await describe(ep('my', 'm'), ['ID'])).keyUnique, true);
  assert.is((await describe(ep('my', 'm'), ['id', 'i'])).keyUnique, false);
  for (const side of ['pg', 'my'] as const) {
    try {
      await describe(ep(side, 'nope'));
      assert.unreachable();
    } catch (error) {
      assert.match((error as Error).message, /table nope not found/);
    }
    try {
      await describe(ep(side, 'm'), ['missing']);
      assert.unreachable();
    } catch (error) {
      assert.match((error as Error).message, /column missing not found in table m/);
    }
  }
});

/** Key tables: the same 10,000 keys with gaps, as integer, UUID, text and composite keys. */
const KEY_TABLES = {
  k_int: { pg: 'id bigint PRIMARY KEY', my: 'id bigint PRIMARY KEY', keys: ['id'], value: (i: number) => [same(String(i * 3 + (i > 5000 ? 1_000_000 : 0)))] },
  k_uuid: { pg: 'id uuid PRIMARY KEY', my: 'id char(36) PRIMARY KEY', keys: ['id'], value: (i: number) => [{ pg: `'${uuidOf(i)}'`, my: `'${i % 2 ? uuidOf(i).toUpperCase() : uuidOf(i)}'` }] },
  k_text: { pg: 'id text PRIMARY KEY', my: 'id varchar(40) PRIMARY KEY', keys: ['id'], value: (i: number) => [lit(textKey(i))] },
  k_comp: {
    pg: 'g int, name text, PRIMARY KEY (g, name)',
    my: 'g int, name varchar(40), PRIMARY KEY (g, name)',
    keys: ['g', 'name'],
    value: (i: number) => [same(String(i % 10)), lit(textKey(i))],
  },
};

function textKey(i: number): string {
  return `${['a', 'B', '_', 'é', 'Z', '😀', 'b', ' '][i % 8]}${i * 7}`;
}

test('boundaries split 10,000 rows with gaps into near-equal parts identically on both servers', async () => {
  for (const [table, def] of Object.entries(KEY_TABLES)) {
    const columns = def.keys.join(', ');
    await pg.exec('dd', `CREATE TABLE ${table} (${def.pg}, v int)`);
    await my.exec('dd', `CREATE TABLE ${table} (${def.my}, v int) DEFAULT CHARSET=utf8mb4`);
    for (const side of ['pg', 'my'] as const) {
      const tuples = Array.from({ length: ROWS }, (_, n) => `(${def.value(n + 1).map((v) => v[side]).join(', ')}, ${n})`);
      const sql = `INSERT INTO ${table} (${columns}, v) VALUES ${tuples.join(', ')}`;
      await (side === 'pg' ? pg.exec('dd', sql) : my.exec('dd', sql));
    }
    const [a, b] = [ep('pg', table), ep('my', table)];
    const [specA, specB] = await specs(a, b, def.keys, ['v']);
    const parts = 7;
    const [ba, bb] = await Promise.all([
      readBoundaries(a.connection, a.dialect, specA, parts, ROWS),
      readBoundaries(b.connection, b.dialect, specB, parts, ROWS),
    ]);
    assert.is(ba.length, parts - 1, table);
    assert.equal(ba, bb, table);
    const edges = [undefined, ...ba, undefined];
    for (let p = 0; p < parts; p++) {
      const range: KeyRange = { ...(edges[p] ? { from: edges[p] } : {}), ...(edges[p + 1] ? { to: edges[p + 1] } : {}) };
      const [ca, cb] = await Promise.all([readChecksum(a.connection, a.dialect, { ...specA, range }), readChecksum(b.connection, b.dialect, { ...specB, range })]);
      assert.equal(ca, cb, `${table} part ${p}`);
      assert.ok(Math.abs(Number(ca.count) - ROWS / parts) <= 1, `${table} part ${p} has ${ca.count} rows`);
    }
    // A sub-range split again, and the user's where filter ANDed in.
    const sub = { ...specA, range: { from: ba[1]!, to: ba[3]! }, where: 'v % 3 = 0' };
    const subB = { ...specB, range: sub.range, where: sub.where };
    const [sa, sb] = await Promise.all([readChecksum(a.connection, a.dialect, sub), readChecksum(b.connection, b.dialect, subB)]);
    assert.equal(sa, sb);
    assert.ok(Number(sa.count) > 0, `${table}: ${JSON.stringify(sub.range)} ${JSON.stringify(sa)}`);
    const [ra, rb] = await Promise.all([
      readBoundaries(a.connection, a.dialect, sub, 3, Number(sa.count)),
      readBoundaries(b.connection, b.dialect, subB, 3, Number(sb.count)),
    ]);
    assert.is(ra.length, 2);
    assert.equal(ra, rb, `${table} sub-range`);
  }
});

test('key buckets: the same buckets, counts and checksums on both servers, as the reference computes them', async () => {
  // The key tables of the test above, plus negative integer keys (MOD keeps the key's sign on both).
  await pg.exec('dd', 'CREATE TABLE k_neg (id bigint PRIMARY KEY, v int)');
  await my.exec('dd', 'CREATE TABLE k_neg (id bigint PRIMARY KEY, v int)');
  const negatives = Array.from({ length: 500 }, (_, n) => `(${(n - 250) * 7919}, ${n})`).join(', ');
  await pg.exec('dd', `INSERT INTO k_neg VALUES ${negatives}`);
  await my.exec('dd', `INSERT INTO k_neg VALUES ${negatives}`);
  const kinds: Record<string, KeyKind[]> = { k_int: ['integer'], k_uuid: ['text'], k_text: ['text'], k_comp: ['integer', 'text'], k_neg: ['integer'] };
  for (const [table, keyKinds] of Object.entries(kinds)) {
    const keys = table === 'k_comp' ? ['g', 'name'] : ['id'];
    const [a, b] = [ep('pg', table), ep('my', table)];
    const [specA, specB] = await specs(a, b, keys, ['v']);
    const modulus = 97;
    const [ba, bb] = await Promise.all([readChecksums(a.connection, a.dialect, specA, { modulus }), readChecksums(b.connection, b.dialect, specB, { modulus })]);
    assert.equal([...ba].sort(), [...bb].sort(), table);
    // The reference: each row's key through keyBucket gives the server's bucket counts.
    const expected = new Map<number, number>();
    for (const row of await readRows(a.connection, a.dialect, specA)) expected.set(keyBucket(row.key, keyKinds, modulus), (expected.get(keyBucket(row.key, keyKinds, modulus)) ?? 0) + 1);
    assert.equal(new Map([...ba].map(([bucket, c]) => [bucket, Number(c.count)])), expected, table);
    if (table === 'k_neg') assert.ok([...ba.keys()].some((bucket) => bucket < 0), 'negative keys have negative buckets');
    // A bucket filter: the rows of three buckets, and those buckets refined 8 times finer.
    const members = [...ba.keys()].sort((x, y) => x - y).slice(0, 3);
    const filter = { modulus, members };
    const [ra, rb] = await Promise.all([readRows(a.connection, a.dialect, { ...specA, buckets: filter }), readRows(b.connection, b.dialect, { ...specB, buckets: filter })]);
    assert.equal(ra, rb, table);
    assert.is(ra.length, members.reduce((sum, m) => sum + expected.get(m)!, 0), table);
    const [fa, fb] = await Promise.all([
      readChecksums(a.connection, a.dialect, { ...specA, buckets: filter }, { modulus: modulus * 8 }),
      readChecksums(b.connection, b.dialect, { ...specB, buckets: filter }, { modulus: modulus * 8 }),
    ]);
    assert.equal([...fa].sort(), [...fb].sort(), table);
    assert.ok([...fa.keys()].every((bucket) => members.includes(bucket % modulus)), table);
    assert.is([...fa.values()].reduce((sum, c) => sum + Number(c.count), 0), ra.length, table);
  }
});

test('range grains: the same buckets on both servers, grouped or one SELECT per bucket, as the reference computes them', async () => {
  // Single integer keys (k_int has a gap of a million, k_neg negative keys): buckets of key ranges from
  // the span's smallest key. MariaDB reads them one SELECT each (UNION ALL) when the key is indexed,
  // and with GROUP BY otherwise; both must give what PostgreSQL's GROUP BY gives, and the reference.
  // k_dense: every key from -300 to 300, so every bucket boundary has a key on each side of it.
  const dense = Array.from({ length: 601 }, (_, n) => `(${n - 300}, ${n})`).join(', ');
  await pg.exec('dd', `CREATE TABLE k_dense (id int PRIMARY KEY, v int); INSERT INTO k_dense VALUES ${dense}`);
  await my.execAll('dd', ['CREATE TABLE k_dense (id int PRIMARY KEY, v int)', `INSERT INTO k_dense VALUES ${dense}`]);
  for (const table of ['k_int', 'k_neg', 'k_dense']) {
    const [a, b] = [ep('pg', table), ep('my', table)];
    const [specA, specB] = await specs(a, b, ['id'], ['v']);
    const [[spanRow]] = await Promise.all([a.connection.query(keySpanQuery(a.dialect, specA))]);
    const full = { min: String(spanRow!['lo']), max: String(spanRow!['hi']) };
    // A span one bucket short at both ends as well: rows outside it fall in the edge buckets -1 and `count`.
    const inset = table === 'k_dense' ? 20n : 5000n;
    for (const span of [full, { min: String(BigInt(full.min) + inset), max: String(BigInt(full.max) - inset) }]) {
      const grain = rangeGrain(span, 12)!;
      const indexed = { ...specB, keyIndexed: true };
      const union = checksumQuery(b.dialect, indexed, grain).sql;
      assert.match(union, / UNION ALL /, `${table}: MariaDB reads range buckets one SELECT each`);
      assert.not.match(checksumQuery(b.dialect, specB, grain).sql, / UNION ALL /, `${table}: not without the key's index`);
      const [pa, pb, pg2] = await Promise.all([
        readChecksums(a.connection, a.dialect, specA, grain),
        readChecksums(b.connection, b.dialect, indexed, grain),
        readChecksums(b.connection, b.dialect, specB, grain),
      ]);
      assert.equal([...pb].sort(), [...pa].sort(), `${table} ${span.min}: MariaDB UNION ALL = PostgreSQL GROUP BY`);
      assert.equal([...pg2].sort(), [...pa].sort(), `${table} ${span.min}: MariaDB GROUP BY = PostgreSQL GROUP BY`);
      const expected = new Map<number, number>();
      for (const row of await readRows(a.connection, a.dialect, specA)) expected.set(rangeBucket(row.key[0]!, grain), (expected.get(rangeBucket(row.key[0]!, grain)) ?? 0) + 1);
      assert.equal(new Map([...pa].map(([bucket, c]) => [bucket, Number(c.count)])), expected, `${table} ${span.min}: the reference`);
      if (span !== full) assert.ok(expected.has(-1) && expected.has(grain.count), 'rows below and above the span');
      // Three buckets' rows (an edge bucket among them when there is one), then those buckets 4 times finer.
      const members = [...pa.keys()].sort((x, y) => x - y).filter((_, i) => i % 4 === 0).slice(0, 3);
      const filter = { ...grain, members };
      const [ra, rb] = await Promise.all([readRows(a.connection, a.dialect, { ...specA, buckets: filter }), readRows(b.connection, b.dialect, { ...indexed, buckets: filter })]);
      assert.equal(rb, ra, `${table} ${span.min}: the rows of three buckets`);
      assert.is(ra.length, members.reduce((sum, m) => sum + expected.get(m)!, 0));
      const finer = finerGrain(grain, 4)!;
      const [fa, fb] = await Promise.all([readChecksums(a.connection, a.dialect, { ...specA, buckets: filter }, finer), readChecksums(b.connection, b.dialect, { ...indexed, buckets: filter }, finer)]);
      assert.equal([...fb].sort(), [...fa].sort(), `${table} ${span.min}: finer buckets`);
      assert.is([...fa.values()].reduce((sum, c) => sum + Number(c.count), 0), ra.length);
      assert.ok(
        [...fa.keys()].every((bucket) => {
          const coarse = bucket < 0 ? -1 : bucket >= finer.count ? grain.count : Math.floor((bucket * finer.width) / grain.width);
          return members.includes(coarse);
        }),
        'finer buckets lie inside the filter',
      );
    }
  }
});

test('a MariaDB pass of many range buckets is spread over the side\'s connections: the merged parts equal one query and PostgreSQL', async () => {
  // k_dense (created above): 601 keys, a grain of ~300 buckets; a MariaDB side of 3 connections reads it in
  // 3 statements of ~100 SELECTs each (at least 64 per part), PostgreSQL in one GROUP BY.
  const opened: { close(): Promise<void> }[] = [];
  const sides = await openSqlSides(
    { connection: pg.settings('dd'), spec: { table: 'k_dense', key: ['id'] } },
    { connection: my.settings('dd'), spec: { table: 'k_dense' } },
    (name) => name,
    3,
    (side) => opened.push(side),
  );
  try {
    const span = await sides.target.keySpan!();
    assert.equal(span, { min: '-300', max: '300' });
    const grain = rangeGrain(span!, 300)!;
    const [a, b] = [ep('pg', 'k_dense'), ep('my', 'k_dense')];
    const [, specB] = await specs(a, b, ['id'], ['v']);
    const ranges = unionRanges(b.dialect, { ...specB, keyIndexed: true }, grain, 3);
    assert.is(ranges.length, 3, JSON.stringify(ranges));
    // Over 2,048 buckets per statement: more statements than connections.
    const many = rangeGrain({ min: '0', max: '999999' }, 5000)!;
    assert.is(unionRanges(b.dialect, { ...specB, keyIndexed: true }, many, 1).length, Math.ceil((many.count + 2) / 2048));
    assert.is(unionRanges(b.dialect, { ...specB, keyIndexed: true }, rangeGrain({ min: '0', max: '999' }, 100)!, 4).length, 1, 'fewer than 2 × 64 buckets: one statement');
    assert.equal(ranges[0]!.from, undefined);
    assert.equal(ranges[2]!.to, undefined);
    const [source, target] = await Promise.all([sides.source.stats({ range: {} }, grain), sides.target.stats({ range: {} }, grain)]);
    assert.is(target.size, grain.count);
    assert.equal([...target].sort(), [...source].sort());
    // One statement (md5 here: the sides chose their shared hash) has the same buckets and counts.
    const single = await readChecksums(b.connection, b.dialect, { ...specB, keyIndexed: true }, grain);
    assert.equal([...target].map(([bucket, c]) => [bucket, c.count]).sort(), [...single].map(([bucket, c]) => [bucket, Number(c.count)]).sort());
    // Rows so wide that one SELECT per bucket would pass 2 MiB of SQL: GROUP BY instead, the same buckets.
    const wide = { ...specB, keyIndexed: true, columns: Array.from({ length: 600 }, () => specB.columns).flat() };
    const wideSql = checksumQuery(b.dialect, wide, grain).sql;
    assert.not.match(wideSql, / UNION ALL /);
    assert.match(wideSql, / GROUP BY /);
    const wb = await readChecksums(b.connection, b.dialect, wide, grain);
    assert.is(wb.size, grain.count);
    assert.is([...wb.values()].reduce((sum, c) => sum + Number(c.count), 0), 601);
    // A filter of 100 key ranges is read 32 ranges per statement: the rows in key order and the finer
    // buckets, as one statement reads them.
    const members = Array.from({ length: 100 }, (_, i) => 2 * i);
    const slice = { range: {}, buckets: { ...grain, members } };
    const chunked: string[] = [];
    for await (const row of sides.target.rows(slice)) chunked.push(row.key[0]!);
    const whole = (await readRows(b.connection, b.dialect, { ...specB, buckets: slice.buckets })).map((row) => row.key[0]!);
    assert.is(chunked.length, 300);
    assert.equal(chunked, whole);
    const finer = finerGrain(grain, 2)!;
    const [fineSource, fineTarget] = await Promise.all([sides.source.stats(slice, finer), sides.target.stats(slice, finer)]);
    assert.equal([...fineTarget].sort(), [...fineSource].sort());
    assert.is([...fineTarget.values()].reduce((sum, c) => sum + c.count, 0), 300);
    // A sub-range: its parts stay inside it.
    const inner = await sides.target.stats({ range: { from: ['-100'], to: ['200'] } }, grain);
    assert.is([...inner.values()].reduce((sum, c) => sum + c.count, 0), 300);
  } finally {
    await sides.source.close();
    await sides.target.close();
    await Promise.all(opened.map((side) => side.close()));
  }
});

test('the shape hooks of dialects without row values, MOD or LIMIT: key ranges written out, `%`, the same results', async () => {
  // SQL Server and Oracle write key ranges column by column and SQL Server writes `%` for MOD: the
  // same queries through those hooks, on these servers, must find exactly what the native forms find.
  const written = (dialect: DataDialect): DataDialect => ({ ...dialect, rowValueComparison: false, modulo: (a, m) => `((${a}) % (${m}))` });
  for (const [table, keys] of [['k_comp', ['g', 'name']], ['k_int', ['id']], ['k_text', ['id']]] as const) {
    for (const side of ['pg', 'my'] as const) {
      const native = ep(side, table);
      const other = { ...native, dialect: written(native.dialect) };
      const [spec] = await specs(native, native, keys, ['v']);
      const parts = 5;
      const [bn, bo] = [await readBoundaries(native.connection, native.dialect, spec, parts, ROWS), await readBoundaries(other.connection, other.dialect, spec, parts, ROWS)];
      assert.is(bn.length, parts - 1, `${table} ${side}`);
      assert.equal(bo, bn, `${table} ${side} boundaries`);
      const range: KeyRange = { from: bn[1]!, to: bn[3]! };
      const [cn, co] = [await readChecksums(native.connection, native.dialect, { ...spec, range }, { modulus: 31 }), await readChecksums(other.connection, other.dialect, { ...spec, range }, { modulus: 31 })];
      assert.equal([...co].sort(), [...cn].sort(), `${table} ${side} checksums`);
      assert.is([...cn.values()].reduce((sum, c) => sum + Number(c.count), 0), Math.round((2 * ROWS) / parts), `${table} ${side} rows in two of ${parts} parts`);
      const [rn, ro] = [await readRows(native.connection, native.dialect, { ...spec, range }), await readRows(other.connection, other.dialect, { ...spec, range })];
      assert.equal(ro, rn, `${table} ${side} rows`);
      assert.equal(rn[0]!.key, bn[1], `${table} ${side}: the range starts at its lower bound`);
    }
  }
});

if (skip) process.exit(0);
test.run();
