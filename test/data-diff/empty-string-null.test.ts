/**
 * The shared row text of a dialect that stores '' as NULL (`emptyStringIsNull`, Oracle), checked live
 * on PostgreSQL standing in for such a server: its canonical texts wrapped in NULLIF(..., '') (an empty
 * text is NULL, as in Oracle) and `concat(...)` as the concatenation (NULL-skipping, as Oracle's `||`).
 * For rows holding NULL, '', all-blank CHARs, `|` and non-ASCII text, the text it builds must be
 * exactly PostgreSQL's own row text (concat_ws) and the reference (row-hash.ts `rowText`), with and
 * without nullEqualsEmpty; and values read back as NULL under nullEqualsEmpty are ''.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { rowText as referenceText, type RowField } from '../../src/data-diff/row-hash.ts';
import type { ColumnPlan, DataConnection, DataDialect, PlannedColumn } from '../../src/data-diff/sql/data-dialect.ts';
import { readRows, rowText } from '../../src/data-diff/sql/data-sql.ts';
import { postgresData } from '../../src/data-diff/sql/postgres-data.ts';
import { dataColumn } from '../support/data-columns.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

/** PostgreSQL made to behave as a server where '' is NULL. */
const emptyIsNull: DataDialect = {
  ...postgresData,
  emptyStringIsNull: true,
  normalize(column, plan) {
    const own = postgresData.normalize(column, plan);
    return 'sql' in own ? { sql: `NULLIF(${own.sql}, '')` } : own;
  },
  hashText: undefined,
  nativeText: undefined,
  concat: (parts) => `concat(${parts.join(', ')})`,
};


const ROWS: Array<[number, string | null, string | null, string | null, number | null]> = [
  [1, null, null, null, null],
  [2, '', '   ', '\\x', 7],
  [3, 'a|b', 'x  ', '\\x00ff', -1],
  [4, 'é€😀', ' y ', null, 0],
  [5, 'N', null, '\\x', null],
];

let server: TestPostgres;
let connection: DataConnection;

test.before(async () => {
  server = await startPostgres();
  await server.createDatabase('e');
  await server.exec('e', 'CREATE TABLE t (id int PRIMARY KEY, s text, c char(3), b bytea, n int)');
  for (const row of ROWS) await server.query('e', 'INSERT INTO t VALUES ($1, $2, $3, $4::bytea, $5)', row);
  connection = await postgresData.connect(server.settings('e'));
});

test.after(async () => {
  await connection?.close();
  await server?.stop();
});

function spec(nullEqualsEmpty: boolean): { keys: PlannedColumn[]; columns: PlannedColumn[] } {
  const text = (kind: ColumnPlan['kind']): ColumnPlan => (nullEqualsEmpty ? { kind, nullEqualsEmpty: true } : { kind });
  return {
    keys: [{ column: dataColumn('id', 'integer', 'integer', { nullable: false }), plan: { kind: 'integer', neverNull: true } }],
    columns: [
      { column: dataColumn('s', 'text', 'text'), plan: text('text') },
      { column: dataColumn('c', 'character', 'character(3)'), plan: text('char') },
      { column: dataColumn('b', 'bytea', 'bytea'), plan: text('binary') },
      { column: dataColumn('n', 'integer', 'integer'), plan: { kind: 'integer' } },
    ],
  };
}

/** The reference row text of a row under the plans. */
function expected(row: (typeof ROWS)[number], nullEqualsEmpty: boolean): string {
  const [id, s, c, b, n] = row;
  const empty = (v: string | null) => (nullEqualsEmpty ? (v ?? '') : v);
  const hex = b === null ? null : b.slice(2);
  const fields: RowField[] = [
    { text: String(id), framing: 'plain' },
    { text: empty(s), framing: 'framed' },
    { text: empty(c === null ? null : c.replace(/ +$/, '')), framing: 'framed' },
    // A plain field: NULL is `N` unless nullEqualsEmpty makes it ''.
    { text: empty(hex), framing: 'plain' },
    { text: n === null ? null : String(n), framing: 'plain' },
  ];
  return referenceText(fields);
}

for (const nullEqualsEmpty of [false, true]) {
  test(`the row text where '' is NULL equals PostgreSQL's and the reference (nullEqualsEmpty ${nullEqualsEmpty})`, async () => {
    const s = spec(nullEqualsEmpty);
    const sql = `SELECT id, ${rowText(emptyIsNull, s)} AS emulated, ${rowText(postgresData, s)} AS native FROM t ORDER BY id`;
    const rows = await connection.query(sql);
    assert.is(rows.length, ROWS.length);
    for (const [i, row] of rows.entries()) {
      const want = expected(ROWS[i]!, nullEqualsEmpty);
      assert.is(row['native'], want, `PostgreSQL's own text, row ${row['id']}`);
      assert.is(row['emulated'], want, `'' as NULL, row ${row['id']}`);
    }
  });
}

test('values read back as NULL under nullEqualsEmpty are empty strings (as PostgreSQL returns them)', async () => {
  const s = spec(true);
  const rows = await readRows(connection, emptyIsNull, { table: { schema: '', name: 't' }, keys: s.keys, columns: s.columns, range: {} });
  const native = await readRows(connection, postgresData, { table: { schema: '', name: 't' }, keys: s.keys, columns: s.columns, range: {} });
  assert.equal(rows, native);
  assert.equal(rows[0]!.values, ['', '', '', null]);
});

test.run();
