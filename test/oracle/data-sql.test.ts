/**
 * Oracle's data diff SQL, offline (no Oracle server runs here): golden SQL of every query shape
 * (test/golden/oracle/data/*.sql: checksums whole and grouped, boundaries, rows over key ranges of one
 * and three columns, bucket filters, keyless distinct rows, counts, the sampling condition, the JOIN
 * and its counts) and of every kind's canonical text. These tests pin the SQL text only; what they
 * check beyond it is said per test (placeholders in order, one bind value per placeholder, the row
 * text's structure, no syntax Oracle lacks).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { DataDialect, PlannedColumn, SegmentSpec } from '../../src/data-diff/sql/data-dialect.ts';
import { boundariesQuery, checksumQuery, countQuery, distinctRowsQuery, rowText, rowsQuery } from '../../src/data-diff/sql/data-sql.ts';
import { countsQuery, joinQuery, type JoinSide } from '../../src/data-diff/sql/join-sql.ts';
import { oracleData } from '../../src/data-diff/sql/oracle-data.ts';
import { finerGrain, rangeGrain } from '../../src/data-diff/grain.ts';
import { postgresData } from '../../src/data-diff/sql/postgres-data.ts';
import { sampleCondition } from '../../src/data-diff/sampling.ts';
import type { PlannedSide } from '../../src/data-diff/sql-side.ts';
import { ParityError } from '../../src/errors.ts';
import { checkGolden, staleGoldenFiles } from '../support/golden.ts';
import { char, key, number, ora, planned, varchar2 } from '../support/oracle-data-columns.ts';

const goldenNames = new Set<string>();
function golden(name: string, sql: string, params: readonly string[] = []): void {
  goldenNames.add(name);
  checkGolden('oracle', 'data', name, `${sql}\n${params.length > 0 ? `-- params: ${JSON.stringify(params)}\n` : ''}`);
}

const table = { schema: 'HR', name: 'EMPLOYEES' };
const idKey = key(number('ID', 10, 0, false));
const compared: PlannedColumn[] = [
  planned(varchar2('NAME', 100)),
  planned(char('CODE', 3)),
  planned(number('SALARY', 12, 2)),
  planned(ora('HIRED', 'DATE')),
  planned(ora('PHOTO_HASH', 'RAW', { DATA_LENGTH: '16' })),
];
const spec = (extra: Partial<SegmentSpec> = {}): SegmentSpec => ({ table, keys: [idKey], columns: compared, range: {}, ...extra });
const threeKeys = [key(varchar2('REGION', 20, false)), key(number('YEAR', 4, 0, false)), key(char('CODE', 3, false))];

/** Placeholders :1..:n, each once, in order: node-oracledb binds an array by position of appearance. */
function assertPlaceholders(sql: string, params: readonly string[]): void {
  const found = [...sql.matchAll(/:(\d+)/g)].map((m) => Number(m[1]));
  assert.equal(found, params.map((_, i) => i + 1), 'one placeholder per bind value, numbered in order');
}

/** Syntax Oracle does not have must not appear in its queries. */
function assertOracleSyntax(sql: string): void {
  assert.not.match(sql, /\bLIMIT\b/, 'no LIMIT');
  assert.not.match(sql, /CONCAT_WS|concat_ws/, 'no CONCAT_WS');
  assert.not.match(sql, /GROUP BY \d/, 'no GROUP BY ordinal');
  assert.not.match(sql, /\) AS [a-z_]+ (FULL|LEFT|JOIN|WHERE)/, 'no AS before a table alias');
  assert.not.match(sql, /\$\d|\?/, 'no $n or ? placeholders');
  assert.not.match(sql, /\) (>=|<) \(/, 'no row-value comparison');
}

test('checksum of a whole slice: count and exact sum of 60-bit MD5 prefixes of the UTF-8 row text, as TM9 text', () => {
  const q = checksumQuery(oracleData, spec());
  golden('checksum', q.sql, q.params);
  assertOracleSyntax(q.sql);
  assert.match(q.sql, "STANDARD_HASH(UTL_I18N.STRING_TO_RAW(");
  assert.match(q.sql, "'AL32UTF8'), 'MD5')), 1, 15), 'XXXXXXXXXXXXXXX')");
  assert.match(q.sql, "TO_CHAR(NVL(SUM(");
  assert.equal(q.params, []);
});

test('checksum grouped by an integer key bucket: MOD(key, m), grouped by the expression', () => {
  const q = checksumQuery(oracleData, spec(), { modulus: 4096 });
  golden('checksum-grouped-integer', q.sql, q.params);
  assertOracleSyntax(q.sql);
  assert.match(q.sql, 'SELECT MOD("ID", 4096) AS b,');
  assert.match(q.sql, 'GROUP BY MOD("ID", 4096)');
});

test('checksum grouped by a range grain: key ranges by FLOOR of NUMBER arithmetic, edges below and above; a bucket filter as key intervals', () => {
  const grain = rangeGrain({ min: '-5', max: '1000' }, 7)!;
  const q = checksumQuery(oracleData, spec(), grain);
  golden('checksum-range-grain', q.sql, q.params);
  assertOracleSyntax(q.sql);
  assert.match(q.sql, `CASE WHEN "ID" < -5 THEN -1 WHEN "ID" > 1000 THEN ${grain.count} ELSE FLOOR(("ID" - (-5)) / ${grain.width}) END AS b`);
  const rows = rowsQuery(oracleData, { ...spec(), buckets: { ...finerGrain(grain, 4)!, members: [-1, 0, 1, 5] } });
  golden('rows-range-buckets', rows.sql, rows.params);
  assertOracleSyntax(rows.sql);
});

test('checksum grouped by a three-column key: MOD of the 28-bit MD5 prefix of `<chars>:<text>` fields', () => {
  const q = checksumQuery(oracleData, { ...spec(), keys: threeKeys }, { modulus: 1024 });
  golden('checksum-grouped-composite', q.sql, q.params);
  assertOracleSyntax(q.sql);
  assert.match(q.sql, "NVL2(\"REGION\", LENGTH4(\"REGION\") || ':' || \"REGION\", 'N')");
  assert.match(q.sql, "1, 7), 'XXXXXXX'), 1024)");
});

test('boundaries: ROW_NUMBER over the key order, MOD for the cut, no ordinals', () => {
  const q = boundariesQuery(oracleData, spec({ range: { from: ['100'], to: ['900'] } }), 8, 800);
  golden('boundaries', q.sql, q.params);
  assertOracleSyntax(q.sql);
  assertPlaceholders(q.sql, q.params);
  assert.match(q.sql, 'MOD((rn - 1) * 8, 800) < 8');
  assert.match(q.sql, '"ID" >= TO_NUMBER(:1) AND "ID" < TO_NUMBER(:2)');
});

test('rows over a one-column key range: canonical values, ordered by the key', () => {
  const q = rowsQuery(oracleData, spec({ range: { from: ['5'], to: ['10'] }, where: 'DEPT = 3' }));
  golden('rows-range-1', q.sql, q.params);
  assertOracleSyntax(q.sql);
  assertPlaceholders(q.sql, q.params);
  assert.equal(q.params, ['5', '10']);
  assert.ok(q.sql.endsWith('ORDER BY "ID"'));
});

test('rows over a three-column key range: written out column by column, a fresh placeholder per use', () => {
  const q = rowsQuery(oracleData, { ...spec(), keys: threeKeys, range: { from: ['EU', '2020', 'A'], to: ['US', '1999', 'Z'] } });
  golden('rows-range-3', q.sql, q.params);
  assertOracleSyntax(q.sql);
  assertPlaceholders(q.sql, q.params);
  // (a > x) OR (a = x AND b > y) OR (a = x AND b = y AND c >= z): 1 + 2 + 3 values per bound.
  assert.equal(q.params, ['EU', 'EU', '2020', 'EU', '2020', 'A', 'US', 'US', '1999', 'US', '1999', 'Z']);
  assert.match(q.sql, `(("REGION" > :1) OR ("REGION" = :2 AND "YEAR" > TO_NUMBER(:3)) OR ("REGION" = :4 AND "YEAR" = TO_NUMBER(:5) AND RTRIM("CODE", ' ') >= :6))`);
});

test('a bucket filter: the bucket expression IN the members; none is 1 = 0', () => {
  const q = checksumQuery(oracleData, spec({ buckets: { modulus: 64, members: [3, 17] } }));
  golden('bucket-filter', q.sql, q.params);
  assert.match(q.sql, 'WHERE MOD("ID", 64) IN (3, 17)');
  assert.match(checksumQuery(oracleData, spec({ buckets: { modulus: 64, members: [] } })).sql, 'WHERE 1 = 0');
});

test('a keyless table: distinct rows grouped by their texts, with their copies', () => {
  const q = distinctRowsQuery(oracleData, { ...spec(), keys: [], buckets: { modulus: 16, members: [1] } });
  golden('distinct-rows', q.sql, q.params);
  assertOracleSyntax(q.sql);
  assert.match(q.sql, 'COUNT(*) AS n FROM "HR"."EMPLOYEES"');
});

test('counts: the whole table, with a filter, and a query-mode derived table without AS', () => {
  golden('count', `${countQuery(oracleData, table)}\n${countQuery(oracleData, table, 'DEPT = 3')}\n${countQuery(oracleData, { schema: '', name: 'query', query: 'SELECT * FROM HR.T' })}`);
  assert.is(countQuery(oracleData, { schema: '', name: 'q', query: 'SELECT 1 AS x FROM DUAL' }), 'SELECT COUNT(*) AS n FROM (SELECT 1 AS x FROM DUAL) parity_query');
});

test('the sampling condition: the 28-bit key hash below the threshold', () => {
  const side = { dialect: oracleData, keys: threeKeys } as unknown as PlannedSide;
  const condition = sampleCondition(side, 0.25);
  golden('sampling', condition);
  assert.match(condition, /\) < 67108864$/);
});

test('the JOIN (FULL OUTER JOIN, FETCH FIRST, DECODE for NULL-safe difference) and its counts (FROM DUAL)', () => {
  const side = (name: string, where?: string): JoinSide => ({ table: { schema: 'HR', name }, keys: [idKey], columns: compared, keyIndexed: true, ...(where ? { where } : {}) });
  const join = joinQuery(oracleData, side('A', 'X = 1'), side('B'), 1001);
  const counts = countsQuery(oracleData, side('A', 'X = 1'), side('B'));
  golden('join', join);
  golden('join-counts', counts);
  assertOracleSyntax(join);
  assert.ok(join.endsWith('ORDER BY o0 FETCH FIRST 1001 ROWS ONLY'));
  assert.match(join, 'FULL OUTER JOIN');
  assert.match(join, 'DECODE(s.v0, t.v0, 0, 1) = 1');
  assert.ok(counts.endsWith(' FROM DUAL'));
});

test('every kind\'s canonical text', () => {
  const cases: Array<[string, PlannedColumn]> = [
    ['integer NUMBER(10)', planned(number('I', 10, 0))],
    ['integer INTEGER', planned(number('I', null, 0))],
    ['decimal NUMBER(12,4) at scale 4', planned(number('D', 12, 4))],
    ['decimal NUMBER(12,4) at scale 2', { column: number('D', 12, 4), plan: { kind: 'decimal', scale: 2 } }],
    ['decimal NUMBER own scale', planned(number('D', null, null))],
    ['float BINARY_DOUBLE', planned(ora('F', 'BINARY_DOUBLE'))],
    ['float BINARY_FLOAT at 3 digits', planned(ora('F', 'BINARY_FLOAT'), { floatDigits: 3 })],
    ['float FLOAT(126)', planned(ora('F', 'FLOAT', { DATA_PRECISION: '126' }))],
    ['boolean BOOLEAN', planned(ora('B', 'BOOLEAN'))],
    ['boolean NUMBER(1)', { column: number('B', 1, 0), plan: { kind: 'boolean' } }],
    ['timestamp DATE', planned(ora('T', 'DATE'))],
    ['timestamp TIMESTAMP(6)', planned(ora('T', 'TIMESTAMP(6)', { DATA_SCALE: '6' }))],
    ['timestamp TIMESTAMP(9) at 6', planned(ora('T', 'TIMESTAMP(9)', { DATA_SCALE: '9' }), { timestampDigits: 6 })],
    ['timestamp WITH TIME ZONE at 3', { column: ora('T', 'TIMESTAMP(6) WITH TIME ZONE'), plan: { kind: 'timestamp', timestampDigits: 3 } }],
    ['timestamp WITH LOCAL TIME ZONE', planned(ora('T', 'TIMESTAMP(6) WITH LOCAL TIME ZONE'))],
    ['uuid VARCHAR2(36)', { column: varchar2('U', 36), plan: { kind: 'uuid' } }],
    ['uuid CHAR(36)', { column: char('U', 36), plan: { kind: 'uuid' } }],
    ['char CHAR', planned(char('C', 5))],
    ['char NCHAR', planned(ora('C', 'NCHAR', { CHAR_LENGTH: '5' }))],
    ['text VARCHAR2', planned(varchar2('S', 50))],
    ['text NVARCHAR2', planned(ora('S', 'NVARCHAR2', { CHAR_LENGTH: '50' }))],
    ['text CLOB', planned(ora('S', 'CLOB'))],
    ['text NCLOB', planned(ora('S', 'NCLOB'))],
    ['text CHAR as text', { column: char('S', 5), plan: { kind: 'text' } }],
    ['json JSON', planned(ora('J', 'JSON'))],
    ['binary RAW', planned(ora('R', 'RAW', { DATA_LENGTH: '16' }))],
  ];
  const lines = cases.map(([name, p]) => {
    const normalized = oracleData.normalize(p.column, p.plan);
    assert.ok('sql' in normalized, `${name}: ${'refused' in normalized ? normalized.refused : ''}`);
    return `-- ${name}\n${(normalized as { sql: string }).sql}`;
  });
  golden('normalize', lines.join('\n'));
});

test('decimals: exactly `scale` fractional digits, a leading zero, half away from zero (ROUND), no exponent', () => {
  const sql = (oracleData.normalize(number('D', 12, 4), { kind: 'decimal', scale: 2 }) as { sql: string }).sql;
  // NUMBER(12,4): 8 integer digits and one for a carry (99999999.995 rounds to 100000000.00).
  assert.is(sql, `TO_CHAR(ROUND("D", 2), 'FM${'9'.repeat(8)}0.00')`);
  const unconstrained = (oracleData.normalize(number('D', null, null), { kind: 'decimal', scale: 3 }) as { sql: string }).sql;
  assert.is(unconstrained, `TO_CHAR(ROUND("D", 3), 'FM${'9'.repeat(38)}0.000')`);
  const own = (oracleData.normalize(number('D', null, null), { kind: 'decimal' }) as { sql: string }).sql;
  assert.is(own, `REGEXP_REPLACE(TO_CHAR("D", 'TM9'), '^(-?)\\.', '\\10.')`);
  // The leading-zero repair, applied by JS's regex engine to what TM9 prints: the same rule.
  const repair = (tm9: string) => tm9.replace(/^(-?)\./, '$10.');
  assert.equal(['.5', '-.25', '12.5', '-3', '0'].map(repair), ['0.5', '-0.25', '12.5', '-3', '0']);
});

test('timestamps are cut, not rounded, to the plan\'s digits, and taken to UTC', () => {
  const tz = (oracleData.normalize(ora('T', 'TIMESTAMP(6) WITH TIME ZONE'), { kind: 'timestamp', timestampDigits: 3 }) as { sql: string }).sql;
  assert.is(tz, `SUBSTR(TO_CHAR(SYS_EXTRACT_UTC("T"), 'YYYY-MM-DD HH24:MI:SS.FF9'), 1, 23)`);
  const date = (oracleData.normalize(ora('T', 'DATE'), { kind: 'timestamp', timestampDigits: 0 }) as { sql: string }).sql;
  assert.is(date, `TO_CHAR("T", 'YYYY-MM-DD HH24:MI:SS')`);
});

test('the row text on Oracle: one expression per column joined by || with `|`, framed fields told NULL from empty by the stored column', () => {
  const columns = [planned(varchar2('NAME', 100)), planned(char('CODE', 3, false)), planned(ora('BIN', 'RAW', { DATA_LENGTH: '8' })), planned(number('N', 5, 0))];
  const text = rowText(oracleData, { keys: [idKey], columns });
  golden('row-text', text);
  assert.not.match(text, 'NVL2', 'not CONCAT_WS semantics: an empty field stays');
  // Defaults for Oracle: NULL equals '' (nullEqualsEmpty), so a text's NULL is framed `0|`, as PostgreSQL's ''.
  assert.match(text, `COALESCE(LENGTH4("NAME"), 0) || '|' || "NAME"`);
  // Five fields (four separators), two of them framed (one more `|` each, between length and text).
  assert.is(text.split(` || '|' || `).length, 1 + 4 + 2, 'key, two framed fields, two plain fields');
});

test('a nullable framed field without nullEqualsEmpty: -1 when the stored column IS NULL (an all-blank CHAR is 0|)', () => {
  const code = { column: char('CODE', 3), plan: { kind: 'char' as const } };
  const text = rowText(oracleData, { keys: [idKey], columns: [code] });
  assert.is(text, `TO_CHAR("ID", 'TM9') || '|' || CASE WHEN "CODE" IS NULL THEN '-1' ELSE COALESCE(LENGTH4(RTRIM("CODE", ' ')), 0) || '|' || RTRIM("CODE", ' ') END`);
});

test('PostgreSQL keeps its CONCAT_WS row text (the hook is off by default)', () => {
  const pgColumn = { name: 't', dataType: 'text', columnType: 'text', precision: null, scale: null, datetimePrecision: null, length: null, nullable: true, collation: null };
  const pgKey = { column: { ...pgColumn, name: 'id', dataType: 'integer', columnType: 'integer', nullable: false }, plan: { kind: 'integer' as const, neverNull: true } };
  const text = rowText(postgresData as DataDialect, { keys: [pgKey], columns: [{ column: pgColumn, plan: { kind: 'text', nullEqualsEmpty: true } }] });
  assert.is(text, `concat_ws('|', id::text, length(COALESCE(t::text, '')), COALESCE(t::text, ''))`);
});

test('a relative tolerance\'s grid: significant digits from the value\'s own exponent (not LOG), no exponent in the text', () => {
  const decimal = oracleData.significant(number('D', 12, 4), 3);
  const double = oracleData.significant(ora('F', 'BINARY_DOUBLE'), 3);
  golden('significant', `${decimal}\n${double}`);
  assert.not.match(decimal, 'LOG(');
  assert.match(decimal, `ROUND("D", 3 - 1 - TO_NUMBER(SUBSTR(TO_CHAR(ABS("D"), 'FM9.${'9'.repeat(37)}EEEE'), INSTR(`);
  assert.ok(double.startsWith(`CASE WHEN "F" IS NAN THEN 'NaN'`));
  // The exponent is read after the E of the scientific text, as TO_NUMBER(SUBSTR(t, INSTR(t, 'E') + 1)) does.
  const exponent = (t: string) => Number(t.slice(t.indexOf('E') + 1));
  assert.equal(['1.E+03', '9.99E-01', '1.2345E+125', '5.E+00'].map(exponent), [3, -1, 125, 0]);
});

test('only md5 is offered; another hash or a float key is an error, not wrong SQL', async () => {
  assert.equal(await oracleData.rowHashes({} as never), ['md5']);
  assert.throws(() => oracleData.countAndChecksum('crc64', "'x'"), (e: unknown) => e instanceof ParityError && e.code === 'INTERNAL_ERROR');
  const f = ora('F', 'BINARY_DOUBLE');
  assert.throws(() => oracleData.keyOrder(f, { kind: 'float' }), (e: unknown) => e instanceof ParityError && e.code === 'UNSUPPORTED');
});

test('no golden file without its case', () => {
  assert.equal(staleGoldenFiles('oracle', 'data', goldenNames), []);
});

test.run();
