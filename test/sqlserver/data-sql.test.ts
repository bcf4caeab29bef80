/**
 * SQL Server's data diff SQL without a server (src/data-diff/sql/sqlserver-data.ts): golden T-SQL of
 * every query shape and of every kind's canonical text (these only pin the text: that SQL Server
 * runs it as intended is not proved here), the classification of every SQL Server type, and, where
 * the reference exists (src/data-diff/row-hash.ts), the parts that can be computed without a server:
 * the string expressions (row text framing, lengths, timestamp and decimal trimming, key fields) are
 * evaluated by a small T-SQL evaluator (tsql-eval.ts) and compared with the reference's texts, and
 * the integer arithmetic on HASHBYTES' bytes (signed BIGINT/INT, & -16, / 16, masks) is replayed in
 * BigInt and compared with the reference's md5 row hash and key bucket.
 */
import crypto from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { finerGrain, rangeGrain } from '../../src/data-diff/grain.ts';
import { hashRowText, keyBucket, rangeBucket, rowText as referenceText, timestampField } from '../../src/data-diff/row-hash.ts';
import { planPair } from '../../src/data-diff/sql/column-plan.ts';
import type { ColumnPlan, DataColumn, PlannedColumn, SegmentSpec } from '../../src/data-diff/sql/data-dialect.ts';
import { dataDialectFor } from '../../src/data-diff/sql/data-dialects.ts';
import { boundariesQuery, bucketSql, checksumQuery, countQuery, distinctRowsQuery, rangeCondition, rowText, rowsQuery } from '../../src/data-diff/sql/data-sql.ts';
import { countsQuery, joinQuery, type JoinSide } from '../../src/data-diff/sql/join-sql.ts';
import { postgresData } from '../../src/data-diff/sql/postgres-data.ts';
import { sqlserverColumn } from '../../src/data-diff/sql/sqlserver-catalog.ts';
import { sqlserverData, trimFraction } from '../../src/data-diff/sql/sqlserver-data.ts';
import { ParityError } from '../../src/errors.ts';
import { checkGolden, staleGoldenFiles } from '../support/golden.ts';
import { evalCondition, evalTsql, hashbytesShifted, type Value } from './tsql-eval.ts';

const d = sqlserverData;

/** A column as the catalog query returns it (max_length in bytes, -1 for max). */
function col(name: string, dataType: string, options: { maxLength?: number; precision?: number; scale?: number; nullable?: boolean; collation?: string } = {}): DataColumn {
  return sqlserverColumn({
    name,
    data_type: dataType,
    max_length: options.maxLength ?? 0,
    precision: options.precision ?? 0,
    scale: options.scale ?? 0,
    is_nullable: options.nullable ?? true,
    collation_name: options.collation ?? null,
  });
}

/** Planned as data diff plans a SQL Server column against itself. */
function planned(column: DataColumn, extra: Partial<ColumnPlan> = {}): PlannedColumn {
  const pair = planPair({ dialect: d, column }, { dialect: d, column });
  if ('refused' in pair) throw new Error(pair.refused);
  return { column, plan: { ...pair.plan, ...extra } };
}

const goldenNames = new Set<string>();
function golden(name: string, text: string): void {
  goldenNames.add(name);
  checkGolden('sqlserver', 'data-diff', name, text.endsWith('\n') ? text : `${text}\n`);
}

const ID = col('id', 'bigint', { precision: 19, nullable: false });
const COLUMNS = [
  col('qty', 'int', { precision: 10, nullable: false }),
  col('amount', 'decimal', { precision: 12, scale: 2 }),
  col('price', 'money', { precision: 19, scale: 4 }),
  col('ratio', 'float', { precision: 53 }),
  col('paid', 'bit', { precision: 1 }),
  col('created', 'datetime2', { scale: 3 }),
  col('at', 'datetimeoffset', { scale: 7 }),
  col('legacy', 'datetime', { scale: 3 }),
  col('day', 'date'),
  col('ref', 'uniqueidentifier'),
  col('code', 'nchar', { maxLength: 10 }),
  col('note', 'nvarchar', { maxLength: -1 }),
  col('blob', 'varbinary', { maxLength: -1 }),
];
const TABLE = { schema: 'sales', name: 'orders' };
const spec = (over: Partial<SegmentSpec> = {}): SegmentSpec => ({ table: TABLE, keys: [planned(ID)], columns: COLUMNS.map((c) => planned(c)), range: {}, ...over });

const THREE_KEYS = [col('region', 'nvarchar', { maxLength: 20, nullable: false }), col('n', 'int', { precision: 10, nullable: false }), col('u', 'uniqueidentifier', { nullable: false })].map((c) => planned(c, { neverNull: true }));

// ---------------------------------------------------------------------------------------------
// Registration and classification

test('registered: dataDialectFor(sqlserver) is the SQL Server data dialect, md5 its only row hash', async () => {
  assert.is(dataDialectFor('sqlserver'), sqlserverData);
  assert.equal([d.name, d.displayName, d.rowValueComparison, d.fullOuterJoin, d.crossDatabaseQueries], ['sqlserver', 'SQL Server', false, true, false]);
  assert.equal(await d.rowHashes({} as never), ['md5']);
  assert.throws(() => d.countAndChecksum('crc64', 'x'), /not available on SQL Server/);
});

test('classification of every SQL Server type: kinds, and refusals with a reason', () => {
  const kinds: Record<string, string> = {
    tinyint: 'integer', smallint: 'integer', int: 'integer', bigint: 'integer', bit: 'boolean',
    decimal: 'decimal', numeric: 'decimal', money: 'decimal', smallmoney: 'decimal', float: 'float', real: 'float',
    datetime: 'timestamp', datetime2: 'timestamp', smalldatetime: 'timestamp', datetimeoffset: 'timestamp', date: 'date',
    uniqueidentifier: 'uuid', char: 'char', nchar: 'char', varchar: 'text', nvarchar: 'text', text: 'text', ntext: 'text', sysname: 'text',
    binary: 'binary', varbinary: 'binary', image: 'binary',
  };
  for (const [type, kind] of Object.entries(kinds)) assert.equal(d.classify(col('c', type)), { kind }, type);
  const refused: Record<string, RegExp> = {
    time: /time of day/, timestamp: /rowversion/, rowversion: /rowversion/, xml: /normalized form/, sql_variant: /sql_variant/,
    geography: /spatial/, geometry: /spatial/, hierarchyid: /hierarchyid/, json: /json/, vector: /no safe mapping for type vector/,
  };
  for (const [type, reason] of Object.entries(refused)) {
    const c = d.classify(col('c', type));
    assert.ok('refused' in c && reason.test(c.refused), `${type}: ${JSON.stringify(c)}`);
  }
});

test('plans against PostgreSQL: the lower decimal scale, DATETIME at 3 digits, DATETIME2(7) at most 6, money as decimal(19,4)', () => {
  const pg = (name: string, dataType: string, extra: Partial<DataColumn> = {}): DataColumn => ({ name, dataType, columnType: dataType, precision: null, scale: null, datetimePrecision: null, length: null, nullable: true, collation: null, ...extra });
  const plan = (a: DataColumn, b: DataColumn) => planPair({ dialect: d, column: a }, { dialect: postgresData, column: b });
  assert.equal(plan(col('a', 'decimal', { precision: 12, scale: 4 }), pg('a', 'numeric', { scale: 2 })), { plan: { kind: 'decimal', scale: 2 } });
  assert.equal(plan(col('a', 'money', { precision: 19, scale: 4 }), pg('a', 'numeric', { scale: 6 })), { plan: { kind: 'decimal', scale: 4 } });
  assert.equal(plan(col('t', 'datetime', { scale: 3 }), pg('t', 'timestamp without time zone', { datetimePrecision: 6 })), { plan: { kind: 'timestamp', timestampDigits: 3 } });
  assert.equal(plan(col('t', 'datetime2', { scale: 7 }), pg('t', 'timestamp with time zone', { datetimePrecision: 6 })), { plan: { kind: 'timestamp', timestampDigits: 6 } });
  assert.equal(plan(col('t', 'smalldatetime'), pg('t', 'timestamp without time zone', { datetimePrecision: 6 })), { plan: { kind: 'timestamp', timestampDigits: 0 } });
  assert.equal(plan(col('u', 'uniqueidentifier'), pg('u', 'uuid')), { plan: { kind: 'uuid' } });
  assert.equal(plan(col('b', 'bit'), pg('b', 'boolean')), { plan: { kind: 'boolean' } });
  assert.equal(plan(col('c', 'nchar', { maxLength: 20 }), pg('c', 'text')), { plan: { kind: 'char' } });
  assert.ok('refused' in plan(col('x', 'xml'), pg('x', 'text')));
});

// ---------------------------------------------------------------------------------------------
// Canonical texts

test('golden: every kind\'s canonical text expression (normalize), and the row text of hashText', () => {
  const lines: string[] = [];
  const cases: Array<[DataColumn, Partial<ColumnPlan>]> = [
    ...COLUMNS.map((c): [DataColumn, Partial<ColumnPlan>] => [c, {}]),
    [col('tiny', 'tinyint', { precision: 3 }), {}],
    [col('small', 'smalldatetime'), {}],
    [col('created', 'datetime2', { scale: 7 }), { timestampDigits: 0 }],
    [col('real4', 'real', { precision: 24 }), { floatDigits: 3 }],
    [col('img', 'image', { maxLength: 16 }), {}],
    [col('uid_text', 'varchar', { maxLength: 36, collation: 'SQL_Latin1_General_CP1_CI_AS' }), { kind: 'uuid' }],
    [col('legacy_text', 'text', { maxLength: 16 }), {}],
    [col('flag_as_int', 'bit', { precision: 1 }), { kind: 'integer' }],
    [col('qty_as_decimal', 'int', { precision: 10 }), { kind: 'decimal', scale: 0 }],
    [col('code_as_text', 'char', { maxLength: 5 }), { kind: 'text' }],
  ];
  for (const [column, extra] of cases) {
    const p = planned(column, extra);
    const n = d.normalize(p.column, p.plan);
    assert.ok('sql' in n, column.name);
    lines.push(`-- ${column.name} ${column.columnType} as ${JSON.stringify(p.plan)}`, (n as { sql: string }).sql);
    const h = d.hashText?.(p.column, p.plan);
    if (h !== undefined) lines.push(`-- hashed as`, h);
  }
  golden('normalize', lines.join('\n'));
});

test('the canonical texts evaluate to the reference texts: decimals rounded half away from zero, timestamps truncated, uuid lower, char trimmed, hex lower', () => {
  const norm = (column: DataColumn, plan: ColumnPlan, value: Value) => {
    const n = d.normalize(column, plan);
    if (!('sql' in n)) throw new Error(n.refused);
    return evalTsql(n.sql, { [column.name]: value });
  };
  const amount = col('a', 'decimal', { precision: 12, scale: 4 });
  assert.equal(['12.3450', '-12.3450', '0.0049', '-0.0050', '99.9950'].map((v) => norm(amount, { kind: 'decimal', scale: 2 }, v)), ['12.35', '-12.35', '0.00', '-0.01', '100.00']);
  assert.is(norm(amount, { kind: 'decimal', scale: 4 }, '-0.5'), '-0.5000');
  assert.is(norm(col('n', 'int'), { kind: 'decimal', scale: 0 }, 42), '42');
  const created = col('t', 'datetime2', { scale: 7 });
  assert.is(norm(created, { kind: 'timestamp', timestampDigits: 3 }, '2024-01-02 03:04:05.6789999'), '2024-01-02 03:04:05.678');
  assert.is(norm(created, { kind: 'timestamp', timestampDigits: 0 }, '2024-01-02 03:04:05.9999999'), '2024-01-02 03:04:05');
  assert.is(norm(col('t', 'datetime2', { scale: 2 }), { kind: 'timestamp', timestampDigits: 2 }, '2024-01-02 03:04:05.5'), '2024-01-02 03:04:05.50');
  assert.is(norm(col('u', 'uniqueidentifier'), { kind: 'uuid' }, 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'), 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');
  assert.is(norm(col('c', 'nchar', { maxLength: 20 }), { kind: 'char' }, 'ab  \t  '), 'ab  \t');
  assert.is(norm(col('b', 'varbinary', { maxLength: -1 }), { kind: 'binary' }, Buffer.from([0, 0xab, 0x10])), '00ab10');
  assert.is(norm(col('d', 'date'), { kind: 'date' }, '0001-01-01'), '0001-01-01');
  assert.is(norm(col('x', 'nvarchar', { maxLength: -1 }), { kind: 'text' }, null), null);
});

test('trimFraction (decimal without a scale, the relative tolerance grid) evaluates as PostgreSQL trim_scale prints', () => {
  const reference = (t: string) => (t.includes('.') ? t.replace(/0+$/, '').replace(/\.$/, '') : t);
  for (const text of ['12.50', '3.000', '100', '-0.50', '0.00', '1000.001', '-120.0', '10', '0.0001000']) {
    assert.is(evalTsql(trimFraction('[t]'), { t: text }), reference(text), text);
  }
  assert.is(evalTsql(trimFraction('[t]'), { t: null }), null);
});

test('a timestamp enters the row text without its fraction\'s trailing zeros (timestampField), at every digit count', () => {
  for (const digits of [1, 2, 3, 6]) {
    const column = col('ts', 'datetime2', { scale: 7 });
    const plan: ColumnPlan = { kind: 'timestamp', timestampDigits: digits };
    const n = d.normalize(column, plan) as { sql: string };
    const hashed = d.hashText!(column, plan)!;
    for (const value of ['2024-01-02 03:04:05.1000000', '2024-01-02 03:04:05.0000000', '2024-01-02 03:04:05.1234567', '1999-12-31 23:59:59.0100000']) {
      const canonical = evalTsql(n.sql, { ts: value }) as string;
      assert.is(evalTsql(hashed, { ts: value }), timestampField(canonical), `${digits}: ${value}`);
    }
    assert.is(evalTsql(hashed, { ts: null }), null);
  }
  assert.is(d.hashText!(col('ts', 'datetime2', { scale: 0 }), { kind: 'timestamp', timestampDigits: 0 }), undefined, 'no fraction: the canonical text');
  assert.is(d.hashText!(col('n', 'int'), { kind: 'integer' }), undefined);
});

// ---------------------------------------------------------------------------------------------
// Row text and hashes against the reference

const md5 = (text: string) => crypto.createHash('md5').update(text, 'utf8').digest();

test('the row hash arithmetic (signed BIGINT of the first 8 bytes, & -16, / 16, & 2^60-1) is the reference md5 hash, for texts whose first byte has the sign bit set or not', () => {
  const sql = d.countAndChecksum('md5', '[t]');
  assert.match(sql, "((CAST(SUBSTRING(HASHBYTES('MD5', CAST(([t]) COLLATE Latin1_General_100_BIN2_UTF8 AS VARCHAR(MAX))), 1, 8) AS BIGINT) & -16) / 16) & CAST(1152921504606846975 AS BIGINT)");
  assert.is(1152921504606846975n, 2n ** 60n - 1n);
  let negative = 0;
  for (let i = 0; i < 2000; i++) {
    const text = `${i}|ünï😀|${'x'.repeat(i % 7)}`;
    const bytes = md5(text);
    if (bytes[0]! >= 0x80) negative++;
    assert.is(hashbytesShifted(bytes, 8), hashRowText('md5', text), text);
  }
  assert.ok(negative > 800, 'about half the hashes are negative BIGINTs');
  // The sum: DECIMAL(38,0) holds 10^38 - 1 > 2^66 hashes of at most 2^60 - 1.
  assert.ok(2n ** 66n * (2n ** 60n - 1n) < 10n ** 38n);
  assert.match(sql, /^CONVERT\(VARCHAR\(20\), COUNT_BIG\(\*\)\) AS n, CONVERT\(VARCHAR\(40\), COALESCE\(SUM\(CAST\(.* AS DECIMAL\(38, 0\)\)\), 0\)\) AS checksum$/);
});

test('the key hash arithmetic (signed INT of the first 4 bytes) is the reference bucket hash (28 bits), and its key fields are the reference\'s', () => {
  for (let i = 0; i < 2000; i++) {
    const text = `${String(i).length}:${i}${i % 3 === 0 ? '2:é😀' : ''}`;
    assert.is(hashbytesShifted(md5(text), 4), BigInt(parseInt(md5(text).toString('hex').slice(0, 7), 16)), text);
  }
  // The key fields of a composite key, evaluated, equal the reference's `<chars>:<text>` fields.
  const keys = [planned(col('region', 'nvarchar', { maxLength: 40, nullable: false })), planned(col('code', 'nchar', { maxLength: 20, nullable: false }))];
  const text = d.concat(keys.map((k) => d.encodeField((d.normalize(k.column, k.plan) as { sql: string }).sql, false)));
  for (const [region, code] of [['ünï😀 ', 'ab  '], ['', 'x'], ['a|b', '😀😀']] as const) {
    const fields = evalTsql(text, { region, code }) as string;
    const key = [region, code.replace(/ +$/, '')];
    assert.is(fields, key.map((k) => `${[...k].length}:${k}`).join(''), `${region}/${code}`);
    const expected = keyBucket(key, ['text', 'text'], 1000);
    assert.is(Number(hashbytesShifted(md5(fields), 4) % 1000n), expected);
  }
  const bucket = bucketSql(d, { keys, columns: [] }, { modulus: 1000 });
  assert.is(bucket, `((${d.keyHash(text)}) % 1000)`);
  // One integer key: the key itself, modulo with the sign of the dividend (% as MOD).
  assert.is(bucketSql(d, { keys: [planned(ID)], columns: [] }, { modulus: 97 }), '(([id]) % 97)');
});

test('the row text evaluates to the reference row text: plain and framed fields, NULL markers, lengths in code points with trailing spaces, `|` inside texts', () => {
  const columns = [
    col('qty', 'int', { precision: 10, nullable: false }),
    col('amount', 'decimal', { precision: 10, scale: 2 }),
    col('ts', 'datetime2', { scale: 3 }),
    col('paid', 'bit', { precision: 1 }),
    col('day', 'date'),
    col('note', 'nvarchar', { maxLength: -1 }),
    col('code', 'nchar', { maxLength: 10 }),
    col('ref', 'uniqueidentifier'),
    col('blob', 'varbinary', { maxLength: -1 }),
  ];
  const s = { keys: [planned(ID, { neverNull: true })], columns: columns.map((c) => planned(c)) };
  const framed = new Set(['note', 'code']);
  const rows: Array<Record<string, Value>> = [
    { id: 1, qty: 7, amount: '12.30', ts: '2024-01-02 03:04:05.678', paid: 1, day: '2024-01-02', note: 'plain', code: 'ab', ref: 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', blob: Buffer.from('ff00', 'hex') },
    { id: 2, qty: -5, amount: null, ts: null, paid: null, day: null, note: null, code: null, ref: null, blob: null },
    { id: 3, qty: 0, amount: '-0.50', ts: '1999-12-31 23:59:59', paid: 0, day: '1999-12-31', note: '', code: '', ref: null, blob: Buffer.alloc(0) },
    { id: 4, qty: 1, amount: '0.01', ts: '2024-01-02 03:04:05.100', paid: 1, day: '2000-02-29', note: 'a|b|-1|N', code: 'x|y', ref: null, blob: null },
    { id: 5, qty: 2, amount: '1.00', ts: '2024-01-02 03:04:05', paid: 1, day: '2024-01-02', note: 'ünïcödé 😀 中文  ', code: 'é', ref: null, blob: null },
  ];
  const canonical: Record<string, (v: Value) => string> = {
    amount: (v) => String(v),
    ts: (v) => timestampField(`${String(v).split('.')[0]}.${(String(v).split('.')[1] ?? '').padEnd(3, '0')}`),
    ref: (v) => String(v).toLowerCase(),
    code: (v) => String(v).replace(/ +$/, ''),
    blob: (v) => (v as Buffer).toString('hex'),
  };
  const sql = rowText(d, s);
  for (const row of rows) {
    const expected = referenceText([
      { text: String(row['id']), framing: 'plain' },
      ...columns.map((c) => ({ text: row[c.name] === null ? null : (canonical[c.name] ?? String)(row[c.name]!), framing: framed.has(c.name) ? ('framed' as const) : ('plain' as const) })),
    ]);
    const text = evalTsql(sql, row) as string;
    assert.is(text, expected, `row ${row['id']}`);
    assert.is(hashbytesShifted(md5(text), 8), hashRowText('md5', expected));
  }
});

test('nullEqualsEmpty: NULL and the empty string give the same field; without it they differ', () => {
  const note = col('note', 'nvarchar', { maxLength: -1 });
  const withIt = rowText(d, { keys: [planned(ID, { neverNull: true })], columns: [planned(note, { nullEqualsEmpty: true })] });
  assert.is(evalTsql(withIt, { id: 1, note: null }), evalTsql(withIt, { id: 1, note: '' }));
  const without = rowText(d, { keys: [planned(ID, { neverNull: true })], columns: [planned(note)] });
  assert.equal([evalTsql(without, { id: 1, note: null }), evalTsql(without, { id: 1, note: '' })], ['1|-1', '1|0|']);
  assert.is(evalTsql(d.encodeField('[note]', true), { note: null }), '0:');
  assert.is(evalTsql(d.encodeField('[note]', false), { note: null }), 'N');
});

test('range grain: a key range bucket in BIGINT arithmetic, as the reference; a bucket filter as key intervals', () => {
  const grain = rangeGrain({ min: '-5', max: '1000' }, 7)!;
  const bucket = bucketSql(d, { keys: [planned(ID)], columns: [] }, grain);
  const ids = [-9, -6, -5, -4, 0, grain.width - 6, grain.width - 5, grain.width - 4, 999, 1000, 1001, 5000];
  for (const id of ids) assert.is(Number(evalTsql(bucket, { id })), rangeBucket(String(id), grain), `bucket of ${id}`);
  const filter = { ...grain, members: [-1, 0, 2, 3, grain.count] };
  const condition = rangeCondition(d, { ...spec(), buckets: filter });
  assert.equal(condition.params, []);
  for (const id of ids) assert.is(evalCondition(condition.sql.replace(/^ WHERE /, ''), { id }), filter.members.includes(rangeBucket(String(id), grain)), `filter at ${id}`);
  golden('checksum-range-grain', checksumQuery(d, spec(), grain).sql);
  golden('rows-range-buckets', rowsQuery(d, { ...spec(), buckets: filter }).sql);
});

// ---------------------------------------------------------------------------------------------
// Query shapes (golden T-SQL)

test('golden: checksum of a whole slice and grouped by key bucket (GROUP BY the expression, % for MOD)', () => {
  golden('checksum', checksumQuery(d, spec()).sql);
  const grouped = checksumQuery(d, spec(), { modulus: 4093 });
  assert.match(grouped.sql, / GROUP BY \(\(\[id\]\) % 4093\)$/);
  golden('checksum-grouped', grouped.sql);
  golden('checksum-grouped-text-key', checksumQuery(d, spec({ keys: THREE_KEYS }), { modulus: 61 }).sql);
});

test('golden: key ranges with 1 and 3 key columns are written out column by column with @p placeholders', () => {
  const one = rangeCondition(d, { ...spec(), range: { from: ['10'], to: ['20'] } });
  assert.equal(one, { sql: ' WHERE [id] >= CAST(@p1 AS BIGINT) AND [id] < CAST(@p2 AS BIGINT)', params: ['10', '20'] });
  const three = rangeCondition(d, { ...spec({ keys: THREE_KEYS }), range: { from: ['eu', '5', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'], to: ['us', '1', '00000000-0000-0000-0000-000000000000'] } });
  assert.ok(!three.sql.includes(') >= ('), 'no row-value comparison');
  assert.is(three.params.length, 12, 'each use of a value is its own parameter');
  assert.equal(three.params.slice(0, 6), ['eu', 'eu', '5', 'eu', '5', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11']);
  golden('range-one-key', one.sql);
  golden('range-three-keys', three.sql);
});

test('golden: boundaries (ROW_NUMBER in key order, % for MOD), rows in key order, distinct rows grouped by bytes, count', () => {
  const ranged = spec({ range: { from: ['100'] }, where: "[region] = N'EU'" });
  const boundaries = boundariesQuery(d, ranged, 32, 50000);
  assert.match(boundaries.sql, / WHERE rn > 1 AND \(\(\(rn - 1\) \* 32\) % 50000\) < 32 ORDER BY rn$/);
  golden('boundaries', boundaries.sql);
  golden('boundaries-three-keys', boundariesQuery(d, spec({ keys: THREE_KEYS, range: { to: ['m', '1', '00000000-0000-0000-0000-000000000000'] } }), 4, 10).sql);
  const rows = rowsQuery(d, { ...ranged, buckets: { modulus: 4093, members: [1, 17] } });
  assert.match(rows.sql, / AND \(\(\[id\]\) % 4093\) IN \(1, 17\) AND \(\[region\] = N'EU'\) ORDER BY \[id\]$/);
  golden('rows-bucket-filter', rows.sql);
  golden('rows-three-keys', rowsQuery(d, spec({ keys: THREE_KEYS })).sql);
  const keyless = spec({ keys: [], columns: [planned(col('note', 'nvarchar', { maxLength: -1 })), planned(col('qty', 'int', { precision: 10 }))], buckets: { modulus: 64, members: [3] } });
  golden('distinct-rows', distinctRowsQuery(d, keyless).sql);
  golden('count', countQuery(d, TABLE, '[qty] > 0'));
  golden('count-query-mode', countQuery(d, { schema: '', name: 'query', query: 'SELECT id, qty FROM sales.orders' }));
});

test('golden: the sampling condition (key hash below the threshold) and the row limit (OFFSET/FETCH; ORDER BY (SELECT NULL) when unordered)', async () => {
  const { sampleCondition } = await import('../../src/data-diff/sampling.ts');
  const side = { name: 'source', dialect: d, table: TABLE, keys: THREE_KEYS, columns: [], keyIndexed: true } as never;
  const condition = sampleCondition(side, 0.01);
  assert.match(condition, / < 2684355$/);
  golden('sampling-condition', condition);
  assert.is(d.limit!(1, false), ' ORDER BY (SELECT NULL) OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY');
  assert.is(d.limit!(500, true), ' OFFSET 0 ROWS FETCH NEXT 500 ROWS ONLY');
  assert.is(d.modulo!('a', '7'), '((a) % 7)');
  assert.is(d.fromNothing, undefined, 'SQL Server selects expressions without FROM');
});

test('golden: the JOIN (FULL OUTER JOIN on UTF-8 bytes, differences written out without IS DISTINCT FROM) and the counts query', () => {
  const side = (schema: string, where?: string): JoinSide => ({ table: { schema, name: 'orders' }, keys: [planned(ID)], columns: [planned(COLUMNS[1]!), planned(COLUMNS[11]!)], keyIndexed: true, ...(where ? { where } : {}) });
  const join = joinQuery(d, side('old', '[qty] > 0'), side('new'), 1000);
  assert.match(join, / FULL OUTER JOIN /);
  assert.match(join, / ORDER BY o0 OFFSET 0 ROWS FETCH NEXT 1000 ROWS ONLY$/);
  assert.not.match(join, /IS DISTINCT FROM|LIMIT/);
  golden('join', join);
  const textKeys = (schema: string, keyIndexed = false): JoinSide => ({ table: { schema, name: 'orders' }, keys: THREE_KEYS, columns: [planned(COLUMNS[0]!)], keyIndexed });
  golden('join-three-keys', joinQuery(d, textKeys('old'), textKeys('new'), 10));
  // Both keys indexed, same types and collations: the stored keys are joined too (an index lookup).
  const indexed = joinQuery(d, textKeys('old', true), textKeys('new', true), 10);
  assert.match(indexed, ' ON s.r0 = t.r0 AND s.k0 = t.k0 AND s.r1 = t.r1 AND s.k1 = t.k1 AND s.r2 = t.r2 AND s.k2 = t.k2 WHERE ');
  golden('join-stored-keys', indexed);
  const other = (schema: string, collation: string): JoinSide => ({ ...textKeys(schema, true), keys: [planned(col('region', 'nvarchar', { maxLength: 20, nullable: false, collation }), { neverNull: true })] });
  assert.not.match(joinQuery(d, other('old', 'Latin1_General_CI_AS'), other('new', 'Latin1_General_CS_AS'), 10), 's.r0', 'other collations: texts only');
  assert.equal([d.rawKeyJoin!(col('a', 'int'), col('a', 'bigint'), { kind: 'integer' }), d.rawKeyJoin!(col('a', 'nchar', { maxLength: 10 }), col('a', 'nchar', { maxLength: 20 }), { kind: 'char' })], [true, false]);
  const counts = countsQuery(d, side('old', '[qty] > 0'), side('new'));
  assert.is(counts, 'SELECT (SELECT COUNT_BIG(*) FROM [old].[orders] WHERE [qty] > 0) AS source_rows, (SELECT COUNT_BIG(*) FROM [new].[orders]) AS target_rows');
  assert.is(countsQuery(postgresData, side('old'), side('new')), 'SELECT (SELECT COUNT(*) FROM old.orders) AS source_rows, (SELECT COUNT(*) FROM new.orders) AS target_rows', 'the default');
});

test('distinct: NULL equals NULL only, and byte texts that differ only in trailing spaces differ (evaluated in three-valued logic)', () => {
  const sql = d.distinct('[a]', '[b]');
  assert.is(sql, '([a] <> [b] OR ([a] IS NULL AND [b] IS NOT NULL) OR ([a] IS NOT NULL AND [b] IS NULL))');
  const values = [null, Buffer.from('x'), Buffer.from('x '), Buffer.from('y')];
  for (const a of values) {
    for (const b of values) {
      const expected = a === null || b === null ? a !== b : !a.equals(b);
      assert.is(evalCondition(sql, { a, b }) === true, expected, `${String(a)} / ${String(b)}`);
    }
  }
});

test('key ranges with 3 key columns, written out column by column, select exactly the keys in [from, to) in byte order of their canonical texts (evaluated)', () => {
  const regions = ['', 'a', 'a ', 'a\t', 'b', 'é', '😀', '\uffff'];
  const numbers = [-1, 0, 5];
  const uuids = ['00000000-0000-0000-0000-00000000000A', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'];
  const keys = regions.flatMap((region) => numbers.flatMap((n) => uuids.map((u) => ({ region, n, u }))));
  const bytes = (text: string) => Buffer.from(text, 'utf8');
  /** The reference: each key column by its canonical text's UTF-8 bytes, integers as numbers. */
  const compare = (k: { region: string; n: number; u: string }, bound: readonly string[]) =>
    Buffer.compare(bytes(k.region), bytes(bound[0]!)) || Math.sign(k.n - Number(bound[1])) || Buffer.compare(bytes(k.u.toLowerCase()), bytes(bound[2]!));
  const bounds: Array<[readonly string[] | undefined, readonly string[] | undefined]> = [
    [['a', '0', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'], ['é', '0', '00000000-0000-0000-0000-00000000000a']],
    [['a ', '5', '00000000-0000-0000-0000-00000000000a'], undefined],
    [undefined, ['a\t', '-1', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11']],
    // U+FFFF before U+1F600 in UTF-8 bytes (and code points); UTF-16 code units would order them the other way.
    [['\uffff', '0', '00000000-0000-0000-0000-00000000000a'], ['😀', '0', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11']],
  ];
  for (const [from, to] of bounds) {
    const condition = rangeCondition(d, { ...spec({ keys: THREE_KEYS }), range: { ...(from ? { from } : {}), ...(to ? { to } : {}) } });
    const params = Object.fromEntries(condition.params.map((v, i) => [`p${i + 1}`, v]));
    const selected = keys.filter((k) => evalCondition(condition.sql.replace(/^ WHERE /, ''), k, params) === true);
    const expected = keys.filter((k) => (from === undefined || compare(k, from) >= 0) && (to === undefined || compare(k, to) < 0));
    assert.equal(selected, expected, JSON.stringify([from, to]));
    assert.ok(expected.length > 0 && expected.length < keys.length, 'a proper part of the keys');
  }
  // One integer key: a plain comparison with the parameter cast to BIGINT.
  const one = rangeCondition(d, { ...spec(), range: { from: ['-3'], to: ['7'] } });
  const ids = [-5, -3, 0, 6, 7, 9].filter((id) => evalCondition(one.sql.replace(/^ WHERE /, ''), { id }, { p1: one.params[0]!, p2: one.params[1]! }) === true);
  assert.equal(ids, [-3, 0, 6]);
});

test('keys: integers compare as themselves, texts and UUIDs by UTF-8 bytes (VARBINARY: no space padding), the same order as code points; other kinds are refused', () => {
  assert.is(d.keyOrder(ID, { kind: 'integer' }), '[id]');
  const note = col('note', 'nvarchar', { maxLength: 200 });
  assert.is(d.keyOrder(note, { kind: 'text' }), 'CAST(CAST((CAST([note] AS NVARCHAR(MAX)) COLLATE Latin1_General_100_BIN2_UTF8) COLLATE Latin1_General_100_BIN2_UTF8 AS VARCHAR(MAX)) AS VARBINARY(MAX))');
  assert.is(d.keyParam(note, { kind: 'text' }, '@p1'), 'CAST(CAST((CAST(@p1 AS NVARCHAR(MAX))) COLLATE Latin1_General_100_BIN2_UTF8 AS VARCHAR(MAX)) AS VARBINARY(MAX))');
  assert.is(d.keyParam(ID, { kind: 'integer' }, '@p2'), 'CAST(@p2 AS BIGINT)');
  // The evaluated key texts, as bytes, sort as the code points do (UTF-16 code units would put U+FFFF after U+1F600).
  const keys = ['a', 'a ', 'a\t', 'b', '\uffff', '😀', 'é', ''];
  const bytes = keys.map((k) => evalTsql(d.keyOrder(note, { kind: 'text' }), { note: k }) as Buffer);
  const byBytes = keys.map((k, i) => [k, bytes[i]!] as const).sort((x, y) => Buffer.compare(x[1], y[1])).map(([k]) => k);
  const byCodePoint = [...keys].sort((x, y) => {
    const [a, b] = [[...x].map((c) => c.codePointAt(0)!), [...y].map((c) => c.codePointAt(0)!)];
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  });
  assert.equal(byBytes, byCodePoint);
  for (const kind of ['decimal', 'timestamp', 'float', 'binary'] as const) {
    assert.throws(() => d.keyOrder(col('k', 'decimal', { precision: 10, scale: 2 }), { kind }), (e: unknown) => e instanceof ParityError && e.code === 'UNSUPPORTED');
  }
});

test('golden: the relative tolerance grid (significant digits) of a decimal and a float', () => {
  golden('significant', [d.significant(col('amount', 'decimal', { precision: 12, scale: 2 }), 3), d.significant(col('ratio', 'float', { precision: 53 }), 4)].join('\n'));
});

test('no golden file of data-diff is left without its case', () => {
  assert.equal(staleGoldenFiles('sqlserver', 'data-diff', goldenNames), []);
});

test.run();
