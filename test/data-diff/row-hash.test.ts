/**
 * The hash contract (src/data-diff/row-hash.ts) against real servers: for the same values stored on
 * PostgreSQL and MariaDB, each dialect's SQL row text is the reference `rowText` of the canonical
 * fields, and every row hash two servers share gives the same hash for every row, PG↔PG, PG↔MariaDB
 * and MariaDB↔MariaDB, equal to the reference's (md5, crc64). Columns of the same type on the same
 * dialect hash their own text (`native`), still equal between the two sides, and a changed value
 * changes it (a latin1 column is hashed as UTF-8 too). Plus the reference itself: CRC-32C's check value, the choice of a hash.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chooseRowHash, crc32c, hashRowText, keyBucket, rowText as referenceText, timestampField, type RowHashName } from '../../src/data-diff/row-hash.ts';
import type { SegmentSpec } from '../../src/data-diff/sql/data-dialect.ts';
import { readChecksum, readChecksums, readRows, rowText } from '../../src/data-diff/sql/data-sql.ts';
import { planSqlTables } from '../../src/data-diff/sql-side.ts';
import { mysqlData } from '../../src/data-diff/sql/mysql-data.ts';
import { postgresData } from '../../src/data-diff/sql/postgres-data.ts';
import { skipWithoutMariadb } from '../support/mariadb-server.ts';
import { openSqlServers, pairSpecs, type Endpoint, type Side, type SqlServers } from '../support/sql-endpoints.ts';

const skip = skipWithoutMariadb();

const PG_TABLE = `CREATE TABLE h (id bigint PRIMARY KEY, i int NOT NULL, n numeric(10,2), ts timestamp(3), b boolean, d date, t text, c char(5), u uuid)`;
const MY_TABLE = `CREATE TABLE h (id bigint PRIMARY KEY, i int NOT NULL, n decimal(10,2), ts datetime(3), b tinyint(1), d date, t text, c char(5) CHARACTER SET latin1, u char(36))
  DEFAULT CHARSET=utf8mb4`;
const COLUMNS = ['i', 'n', 'ts', 'b', 'd', 't', 'c', 'u'];
/** Each row on PostgreSQL and on MariaDB: the same values (NULLs, empty text, `|` and `-1` in text, non-ASCII). */
const ROWS: ReadonlyArray<readonly [string, string]> = [
  [`(1, 7, 12.30, '2024-01-02 03:04:05.678', true, '2024-01-02', 'plain', 'ab', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')`,
    `(1, 7, 12.30, '2024-01-02 03:04:05.678', 1, '2024-01-02', 'plain', 'ab', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11')`],
  [`(2, -5, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`, `(2, -5, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`],
  [`(3, 0, -0.50, '1999-12-31 23:59:59', false, '1999-12-31', '', '', NULL)`, `(3, 0, -0.50, '1999-12-31 23:59:59', 0, '1999-12-31', '', '', NULL)`],
  [`(4, 1, 0.01, '2024-01-02 03:04:05.100', true, '2000-02-29', 'a|b|-1|N', 'x|y', NULL)`, `(4, 1, 0.01, '2024-01-02 03:04:05.100', 1, '2000-02-29', 'a|b|-1|N', 'x|y', NULL)`],
  [`(5, 2, 1.00, '2024-01-02 03:04:05', true, '2024-01-02', 'ünïcödé 😀 中文', 'é', NULL)`, `(5, 2, 1.00, '2024-01-02 03:04:05', 1, '2024-01-02', 'ünïcödé 😀 中文', 'é', NULL)`],
  [`(6, 3, NULL, NULL, NULL, NULL, 'N', 'N', NULL)`, `(6, 3, NULL, NULL, NULL, NULL, 'N', 'N', NULL)`],
];
const FRAMED = new Set(['t', 'c']);

let servers: SqlServers;
const ep = (side: Side, table = 'h'): Endpoint => servers.ep(side, table);

/** Both sides' specs, every pair planned as data diff plans it (same-type pairs on one dialect may hash their own text). */
async function specs(a: Endpoint, b: Endpoint, hash: RowHashName, options: { timestampDigits?: number } = {}): Promise<[SegmentSpec, SegmentSpec]> {
  const [specA, specB] = await pairSpecs(a, b, ['id'], COLUMNS, options);
  return [{ ...specA, hash }, { ...specB, hash }];
}

/** Each row's hash, as the server computes it: the checksum of a range holding that row alone. */
async function rowHashes(e: Endpoint, spec: SegmentSpec): Promise<string[]> {
  const out: string[] = [];
  for (let id = 1; id <= ROWS.length; id++) out.push((await readChecksum(e.connection, e.dialect, { ...spec, range: { from: [String(id)], to: [String(id + 1)] } })).checksum);
  return out;
}

async function rowTexts(e: Endpoint, spec: SegmentSpec): Promise<string[]> {
  const rows = await e.connection.query(`SELECT ${rowText(e.dialect, spec)} AS t FROM ${e.dialect.qualifiedName(spec.table)} ORDER BY id`);
  return rows.map((row) => (Buffer.isBuffer(row['t']) ? row['t'].toString('utf8') : String(row['t'])));
}

test.before(async () => {
  servers = await openSqlServers('rh');
  for (const table of ['h', 'h_copy']) {
    await servers.pg.exec('rh', PG_TABLE.replace('TABLE h', `TABLE ${table}`));
    await servers.my.exec('rh', MY_TABLE.replace('TABLE h', `TABLE ${table}`));
    await servers.pg.exec('rh', `INSERT INTO ${table} VALUES ${ROWS.map(([p]) => p).join(', ')}`);
    await servers.my.exec('rh', `INSERT INTO ${table} VALUES ${ROWS.map(([, m]) => m).join(', ')}`);
  }
});

test.after(async () => {
  await servers?.close();
});

test('the reference: CRC-32C check value, crc64 and md5 of a row text, the framing, the choice of a hash', () => {
  assert.is(crc32c(Buffer.from('123456789')), 0xe3069283);
  assert.is(hashRowText('crc64', '123456789'), (0xcbf43926n << 32n) + 0xe3069283n);
  assert.is(hashRowText('md5', ''), BigInt('0xd41d8cd98f00b20'));
  assert.is(referenceText([{ text: '1', framing: 'plain' }, { text: null, framing: 'plain' }, { text: 'a|b', framing: 'framed' }, { text: null, framing: 'framed' }, { text: '', framing: 'framed' }]), '1|N|3|a|b|-1|0|');
  assert.equal(['2024-01-02 03:04:05.500', '2024-01-02 03:04:05.000', '2024-01-02 03:04:10', '10000-01-01 00:00:00', '2024-01-02 03:04:05.000100'].map(timestampField), [
    '2024-01-02 03:04:05.5', '2024-01-02 03:04:05', '2024-01-02 03:04:10', '10000-01-01 00:00:00', '2024-01-02 03:04:05.0001',
  ]);
  assert.is(chooseRowHash(['postgres-hashtextextended', 'md5', 'crc64'], ['postgres-hashtextextended', 'md5']), 'postgres-hashtextextended');
  assert.is(chooseRowHash(['postgres-hashtextextended', 'md5'], ['crc64', 'md5']), 'md5');
  // PostgreSQL 18 (md5 before crc64) with MariaDB (crc64 before md5): md5 is second on both, crc64 third on PostgreSQL.
  assert.is(chooseRowHash(['postgres-hashtextextended', 'md5', 'crc64'], ['crc64', 'md5']), 'md5');
  assert.is(chooseRowHash(['crc64', 'md5'], ['crc64', 'md5']), 'crc64');
  assert.is(chooseRowHash(['crc64', 'md5'], ['md5']), 'md5');
  // Equal worst ranks: the lower sum, then ROW_HASH_PREFERENCE's order.
  assert.is(chooseRowHash(['md5', 'crc64'], ['crc64', 'md5']), 'crc64');
  assert.is(chooseRowHash(['crc64', 'md5'], ['crc64', 'postgres-hashtextextended', 'md5']), 'crc64');
});

test('the servers offer the hashes of their versions (PostgreSQL 18, MariaDB 10.11)', async () => {
  assert.equal(await postgresData.rowHashes(servers.pgConnection), ['postgres-hashtextextended', 'md5', 'crc64']);
  assert.equal(await mysqlData.rowHashes(servers.myConnection), ['crc64', 'md5']);
});

test('PG↔MariaDB: the row texts are the reference text of the canonical fields on both servers (timestamps at 3, 2 and 0 digits); md5 and crc64 row hashes equal the reference', async () => {
  // Timestamps at their own 3 digits, and cut to 2 and to 0 (-timestampDigits).
  for (const [hash, options] of [['md5', {}], ['crc64', {}], ['crc64', { timestampDigits: 2 }], ['md5', { timestampDigits: 0 }]] as const) {
    const [a, b] = [ep('pg'), ep('my')];
    const [specA, specB] = await specs(a, b, hash, options);
    assert.ok(specA.columns.every((c) => c.plan.native !== true), 'no native text across dialects');
    const canonical = await readRows(a.connection, a.dialect, specA);
    assert.equal(await readRows(b.connection, b.dialect, specB), canonical);
    const expected = canonical.map((row) =>
      referenceText([
        { text: row.key[0]!, framing: 'plain' },
        ...row.values.map((text, i) => ({
          text: COLUMNS[i] === 'ts' && text !== null ? timestampField(text) : text,
          framing: FRAMED.has(COLUMNS[i]!) ? ('framed' as const) : ('plain' as const),
        })),
      ]),
    );
    assert.equal(await rowTexts(a, specA), expected);
    assert.equal(await rowTexts(b, specB), expected);
    const reference = expected.map((text) => hashRowText(hash, text).toString());
    assert.equal(await rowHashes(a, specA), reference, `${hash} PostgreSQL`);
    assert.equal(await rowHashes(b, specB), reference, `${hash} MariaDB`);
  }
});

test('PostgreSQL: a LATIN1 database hashes the UTF-8 bytes of its text too (md5 row hashes and key buckets equal the UTF8 database\'s and the reference)', async () => {
  // md5(text) hashes the database's encoding: a UTF8 database hashes its text as it is, any other one converts it first.
  // (Text keys' buckets always convert.)
  const latin1 = servers.pg.name('rh_latin1');
  await servers.pg.exec('postgres', `CREATE DATABASE "${latin1}" ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
  await servers.pg.exec('rh_latin1', `CREATE TABLE k (id text PRIMARY KEY, t text, c char(5)); INSERT INTO k VALUES ('é', 'ünï|cödé', 'é'), ('a', 'plain', NULL)`);
  const connection = await postgresData.connect(servers.pg.settings('rh_latin1'));
  try {
    await servers.pg.exec('rh', `CREATE TABLE k (id text PRIMARY KEY, t text, c char(5)); INSERT INTO k VALUES ('é', 'ünï|cödé', 'é'), ('a', 'plain', NULL)`);
    const a: Endpoint = { side: 'pg', dialect: postgresData, connection, table: 'k' };
    const b = ep('pg', 'k');
    // As data diff plans them: each side's server says whether its text is UTF-8 already.
    const utf8 = [await postgresData.textIsUtf8!(connection), await postgresData.textIsUtf8!(servers.pgConnection)];
    assert.equal(utf8, [false, true]);
    // And data diff's planning carries it to each side.
    const opened: { close(): Promise<void> }[] = [];
    try {
      const planned = await planSqlTables(
        { connection: servers.pg.settings('rh_latin1'), spec: { table: 'k', key: ['id'] } },
        { connection: servers.pg.settings('rh'), spec: { table: 'k' } },
        (name) => name,
        1,
        (side) => opened.push(side),
      );
      assert.equal([planned.source.textIsUtf8, planned.target.textIsUtf8, planned.source.rowHash], [false, true, 'postgres-hashtextextended']);
    } finally {
      await Promise.all(opened.map((side) => side.close()));
    }
    const [specA, specB] = (await pairSpecs(a, b, ['id'], ['t', 'c'])).map((spec, i) => ({ ...spec, hash: 'md5' as const, textIsUtf8: utf8[i] }));
    const hashes = async (e: Endpoint, spec: SegmentSpec) => {
      const out: string[] = [];
      for (const id of ['a', 'é']) out.push((await readChecksum(e.connection, e.dialect, { ...spec!, range: { from: [id], to: [`${id}\u0001`] } })).checksum);
      return out;
    };
    const rows: ReadonlyArray<ReadonlyArray<string | null>> = [['a', 'plain', null], ['é', 'ünï|cödé', 'é']];
    const reference = rows.map((fields) => hashRowText('md5', referenceText(fields.map((text) => ({ text, framing: 'framed' as const })))).toString());
    assert.equal(await hashes(a, specA!), reference, 'LATIN1 database');
    assert.equal(await hashes(b, specB!), reference, 'UTF8 database');
    // A text key's bucket hashes its UTF-8 bytes too.
    const buckets = async (e: Endpoint, spec: SegmentSpec) => [...(await readChecksums(e.connection, e.dialect, spec!, { modulus: 1021 })).keys()].sort((x, y) => x - y);
    const want = ['a', 'é'].map((id) => keyBucket([id], ['text'], 1021)).sort((x, y) => x - y);
    assert.equal(await buckets(a, specA!), want);
    assert.equal(await buckets(b, specB!), want);
  } finally {
    await connection.close();
    await servers.pg.dropDatabase('rh_latin1');
  }
});

for (const [name, side, hashes] of [
  ['PG↔PG', 'pg', ['postgres-hashtextextended', 'crc64', 'md5']],
  ['MariaDB↔MariaDB', 'my', ['crc64', 'md5']],
] as const) {
  test(`${name}: every shared hash gives the same row hashes on both sides, and a changed value changes its row's hash`, async () => {
    const [a, b] = [ep(side), ep(side, 'h_copy')];
    for (const hash of hashes) {
      const [specA, specB] = await specs(a, b, hash);
      if (side === 'pg') {
        // boolean and date of the same type hash their own text; a timestamp hashes its own text anyway.
        assert.equal(specA.columns.filter((c) => c.plan.native === true).map((c) => c.column.name), ['b', 'd']);
        assert.ok((await rowTexts(a, specA))[0]!.includes('|2024-01-02 03:04:05.678|true|2024-01-02|'), (await rowTexts(a, specA))[0]);
      } else {
        // DATETIME(3) at its own 3 digits and DATE print themselves: the fraction keeps its zeros.
        assert.equal(specA.columns.filter((c) => c.plan.native === true).map((c) => c.column.name), ['ts', 'd']);
        const texts = await rowTexts(a, specA);
        assert.ok(texts[0]!.includes('|2024-01-02 03:04:05.678|1|2024-01-02|'), texts[0]);
        assert.ok(texts[2]!.includes('|1999-12-31 23:59:59.000|0|1999-12-31|'), texts[2]);
      }
      const ha = await rowHashes(a, specA);
      assert.equal(await rowHashes(b, specB), ha, hash);
      assert.is(new Set(ha).size, ROWS.length, `${hash}: distinct rows, distinct hashes`);
      if (hash !== 'postgres-hashtextextended') {
        const reference = (await rowTexts(a, specA)).map((text) => hashRowText(hash, text).toString());
        assert.equal(ha, reference, `${hash}: the reference's hash of the server's row text`);
      }
      const exec = (sql: string) => (side === 'pg' ? servers.pg.exec('rh', sql) : servers.my.exec('rh', sql));
      for (const change of [
        'ts = ts + INTERVAL 1 SECOND'.replace('INTERVAL 1 SECOND', side === 'pg' ? "interval '1 millisecond'" : 'INTERVAL 1000 MICROSECOND'),
        side === 'pg' ? 'b = NOT b' : 'b = 1 - b',
        "t = CONCAT(t, '|')",
      ]) {
        await exec(`UPDATE h_copy SET ${change} WHERE id = 1`);
        const changed = await rowHashes(b, specB);
        assert.is.not(changed[0], ha[0], `${hash}: ${change}`);
        assert.equal(changed.slice(1), ha.slice(1));
        await exec('DELETE FROM h_copy WHERE id = 1');
        await exec(`INSERT INTO h_copy VALUES ${side === 'pg' ? ROWS[0]![0] : ROWS[0]![1]}`);
      }
      // NULL and the empty string, and text moving between two framed columns, hash differently.
      await exec(`UPDATE h_copy SET t = 'ab', c = 'plain' WHERE id = 1`);
      assert.is.not((await rowHashes(b, specB))[0], ha[0], `${hash}: t and c swapped`);
      await exec('DELETE FROM h_copy WHERE id = 1');
      await exec(`INSERT INTO h_copy VALUES ${side === 'pg' ? ROWS[0]![0] : ROWS[0]![1]}`);
      await exec(`UPDATE h_copy SET t = '' WHERE id = 2`);
      assert.is.not((await rowHashes(b, specB))[1], ha[1], `${hash}: NULL vs ''`);
      await exec(`UPDATE h_copy SET t = NULL WHERE id = 2`);
      assert.equal(await rowHashes(b, specB), ha, `${hash}: restored`);
    }
  });
}

if (skip) process.exit(0);
test.run();
