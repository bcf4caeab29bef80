/**
 * Oracle's catalog for data diff, offline: the three catalog queries (golden SQL, binds per scope),
 * their rows shaped as node-oracledb returns them (upper-case column names lower-cased by the data
 * connection, NUMBER columns as strings through its fetch type handler, NULL as null; the columns
 * as Oracle Database Reference documents ALL_TABLES, ALL_VIEWS, ALL_TAB_COLUMNS, ALL_CONSTRAINTS,
 * ALL_CONS_COLUMNS, ALL_INDEXES and ALL_IND_COLUMNS) assembled into CatalogTables; a query's result
 * metadata (thin mode's fields) into DataColumns; the classification of every Oracle type; and how
 * Oracle columns plan against PostgreSQL's (NULL equals '' by default).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { DataColumn, DataConnection } from '../../src/data-diff/sql/data-dialect.ts';
import { columnsQuery, oracleResultColumn, relationsQuery, uniqueKeysQuery } from '../../src/data-diff/sql/oracle-catalog.ts';
import { lowerCaseKeys, oracleData } from '../../src/data-diff/sql/oracle-data.ts';
import { postgresData } from '../../src/data-diff/sql/postgres-data.ts';
import { dataColumn } from '../support/data-columns.ts';
import { checkGolden } from '../support/golden.ts';
import { char, columnRow, number, ora, planAgainst, varchar2 } from '../support/oracle-data-columns.ts';

test('catalog queries: golden SQL; the current schema without -schemas; one bind per placeholder, in order', () => {
  const scopes = { current: { schemas: [] }, schemas: { schemas: ['HR', 'Sales'] }, table: { schemas: ['HR'], table: 'EMPLOYEES' } };
  const text: string[] = [];
  for (const [name, scope] of Object.entries(scopes)) {
    for (const [what, query] of Object.entries({ relations: relationsQuery(scope), columns: columnsQuery(scope), keys: uniqueKeysQuery(scope) })) {
      text.push(`-- ${what}, ${name}: ${JSON.stringify(query.params)}\n${query.sql}`);
      const placeholders = [...query.sql.matchAll(/:(\d+)/g)].map((m) => Number(m[1]));
      assert.equal(placeholders, query.params.map((_, i) => i + 1), `${what} ${name}`);
    }
  }
  checkGolden('oracle', 'data-catalog', 'queries', `${text.join('\n\n')}\n`);
  assert.match(relationsQuery(scopes.current).sql, "t.OWNER IN (SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA'))");
  assert.equal(uniqueKeysQuery(scopes.table).params, ['HR', 'EMPLOYEES', 'HR', 'EMPLOYEES']);
});

/** A DataConnection answering the three catalog queries with driver-shaped rows. */
function catalogConnection(rows: { relations: object[]; columns: object[]; keys: object[] }, seen: string[][] = []): DataConnection {
  return {
    async query(sql, params = []) {
      seen.push([...params]);
      const set = sql.includes('ALL_TAB_COLUMNS') ? rows.columns : sql.includes('ALL_CONSTRAINTS') ? rows.keys : rows.relations;
      return (set as Record<string, unknown>[]).map(lowerCaseKeys);
    },
    stream: () => (async function* () {})(),
    describeResult: async () => [],
    close: async () => {},
  };
}

const HR_ROWS = {
  relations: [
    { OWNER: 'HR', TABLE_NAME: 'EMPLOYEES', IS_VIEW: '0', NUM_ROWS: '107' },
    { OWNER: 'HR', TABLE_NAME: 'JOB_HISTORY', IS_VIEW: '0', NUM_ROWS: null },
    { OWNER: 'HR', TABLE_NAME: 'EMP_DETAILS_VIEW', IS_VIEW: '1', NUM_ROWS: null },
  ],
  columns: [
    { ...columnRow('EMPLOYEE_ID', 'NUMBER', { DATA_PRECISION: '6', DATA_SCALE: '0', NULLABLE: 'N' }), TABLE_NAME: 'EMPLOYEES' },
    { ...columnRow('EMAIL', 'VARCHAR2', { DATA_LENGTH: '25', CHAR_LENGTH: '25', CHAR_USED: 'B', NULLABLE: 'N' }), TABLE_NAME: 'EMPLOYEES' },
    { ...columnRow('SALARY', 'NUMBER', { DATA_PRECISION: '8', DATA_SCALE: '2' }), TABLE_NAME: 'EMPLOYEES' },
    { ...columnRow('HIRE_DATE', 'DATE', { DATA_LENGTH: '7', NULLABLE: 'N' }), TABLE_NAME: 'EMPLOYEES' },
    { ...columnRow('UPDATED', 'TIMESTAMP(3) WITH TIME ZONE', { DATA_LENGTH: '13', DATA_SCALE: '3' }), TABLE_NAME: 'EMPLOYEES' },
    { ...columnRow('EMPLOYEE_ID', 'NUMBER', { DATA_PRECISION: '6', DATA_SCALE: '0', NULLABLE: 'N' }), TABLE_NAME: 'JOB_HISTORY' },
    { ...columnRow('START_DATE', 'DATE', { DATA_LENGTH: '7', NULLABLE: 'N' }), TABLE_NAME: 'JOB_HISTORY' },
    { ...columnRow('NOTE', 'NVARCHAR2', { DATA_LENGTH: '200', CHAR_LENGTH: '100', CHAR_USED: 'C' }), TABLE_NAME: 'JOB_HISTORY' },
    { ...columnRow('EMPLOYEE_ID', 'NUMBER', { DATA_PRECISION: '6', DATA_SCALE: '0', NULLABLE: 'N' }), TABLE_NAME: 'EMP_DETAILS_VIEW' },
  ],
  keys: [
    // In the query's order (owner, table, key name, position).
    { OWNER: 'HR', TABLE_NAME: 'EMPLOYEES', KEY_NAME: 'EMP_EMAIL_UK', IS_PRIMARY: '0', COLUMN_NAME: 'EMAIL', POSITION: '1' },
    { OWNER: 'HR', TABLE_NAME: 'EMPLOYEES', KEY_NAME: 'EMP_EMP_ID_PK', IS_PRIMARY: '1', COLUMN_NAME: 'EMPLOYEE_ID', POSITION: '1' },
    // A function-based unique index (UPPER(EMAIL)): its part is NULL, the index is no key.
    { OWNER: 'HR', TABLE_NAME: 'EMPLOYEES', KEY_NAME: 'HR.EMP_EMAIL_UPPER_UX', IS_PRIMARY: '0', COLUMN_NAME: null, POSITION: '1' },
    { OWNER: 'HR', TABLE_NAME: 'JOB_HISTORY', KEY_NAME: 'JHIST_EMP_ID_ST_DATE_PK', IS_PRIMARY: '1', COLUMN_NAME: 'EMPLOYEE_ID', POSITION: '1' },
    { OWNER: 'HR', TABLE_NAME: 'JOB_HISTORY', KEY_NAME: 'JHIST_EMP_ID_ST_DATE_PK', IS_PRIMARY: '1', COLUMN_NAME: 'START_DATE', POSITION: '2' },
  ],
};

test('catalog rows -> tables: views, estimates (NUM_ROWS; none when never analyzed), keys in order, function-based index left out', async () => {
  const seen: string[][] = [];
  const tables = await oracleData.readCatalog(catalogConnection(HR_ROWS, seen), { schemas: ['HR'] });
  assert.equal(seen, [['HR', 'HR'], ['HR'], ['HR', 'HR']], 'the scope bound to each query (each UNION branch its own)');
  assert.equal(
    tables.map((t) => [t.table.name, t.view, t.estimatedRows, t.primaryKey, t.uniqueIndexes]),
    [
      // Sorted by bytes: `L` before `_`.
      ['EMPLOYEES', false, 107, ['EMPLOYEE_ID'], [['EMAIL'], ['EMPLOYEE_ID']]],
      ['EMP_DETAILS_VIEW', true, undefined, [], []],
      ['JOB_HISTORY', false, undefined, ['EMPLOYEE_ID', 'START_DATE'], [['EMPLOYEE_ID', 'START_DATE']]],
    ],
  );
  const employees = tables.find((t) => t.table.name === 'EMPLOYEES')!;
  assert.equal(employees.table, { schema: 'HR', name: 'EMPLOYEES' });
  assert.equal(
    employees.columns.map((c) => [c.name, c.dataType, c.columnType, c.precision, c.scale, c.datetimePrecision, c.length, c.nullable]),
    [
      ['EMPLOYEE_ID', 'number', 'number(6)', 6, 0, null, null, false],
      ['EMAIL', 'varchar2', 'varchar2(25 byte)', null, null, null, 25, false],
      ['SALARY', 'number', 'number(8,2)', 8, 2, null, null, true],
      ['HIRE_DATE', 'date', 'date', null, null, 0, null, false],
      ['UPDATED', 'timestamp with time zone', 'timestamp(3) with time zone', null, 3, 3, null, true],
    ],
  );
  const note = tables.find((t) => t.table.name === 'JOB_HISTORY')!.columns[2]!;
  assert.equal([note.dataType, note.columnType, note.length], ['nvarchar2', 'nvarchar2(100)', 100]);
});

test('ALL_TAB_COLUMNS types -> declared types: INTEGER, NUMBER(*,s), FLOAT(b), CHAR semantics, RAW, INTERVAL', () => {
  const cases: Array<[DataColumn, string, string]> = [
    [number('A', null, 0), 'number', 'number(*,0)'],
    [number('A', null, null), 'number', 'number'],
    [number('A', null, 2), 'number', 'number(*,2)'],
    [number('A', 5, -2), 'number', 'number(5,-2)'],
    [ora('A', 'FLOAT', { DATA_PRECISION: '126' }), 'float', 'float(126)'],
    [varchar2('A', 20), 'varchar2', 'varchar2(20 char)'],
    [char('A', 3), 'char', 'char(3 byte)'],
    [ora('A', 'RAW', { DATA_LENGTH: '16' }), 'raw', 'raw(16)'],
    [ora('A', 'INTERVAL DAY(2) TO SECOND(6)'), 'interval day to second', 'interval day(2) to second(6)'],
    [ora('A', 'TIMESTAMP(9)', { DATA_SCALE: '9' }), 'timestamp', 'timestamp(9)'],
    [ora('A', 'TIMESTAMP(0) WITH LOCAL TIME ZONE', { DATA_SCALE: '0' }), 'timestamp with local time zone', 'timestamp(0) with local time zone'],
  ];
  for (const [column, dataType, columnType] of cases) assert.equal([column.dataType, column.columnType], [dataType, columnType], columnType);
  assert.is(ora('A', 'TIMESTAMP(9)').datetimePrecision, 9);
  assert.is(ora('A', 'TIMESTAMP(0) WITH LOCAL TIME ZONE').datetimePrecision, 0);
});

test('every Oracle type classified: kinds', () => {
  const kinds: Array<[DataColumn, string]> = [
    [number('A', 1, 0), 'integer'],
    [number('A', 38, 0), 'integer'],
    [number('A', null, 0), 'integer'],
    [number('A', 5, -2), 'integer'],
    [number('A', 12, 4), 'decimal'],
    [number('A', null, null), 'decimal'],
    [number('A', null, 3), 'decimal'],
    [ora('A', 'FLOAT', { DATA_PRECISION: '63' }), 'float'],
    [ora('A', 'BINARY_FLOAT'), 'float'],
    [ora('A', 'BINARY_DOUBLE'), 'float'],
    [ora('A', 'BOOLEAN'), 'boolean'],
    [ora('A', 'DATE'), 'timestamp'],
    [ora('A', 'TIMESTAMP(6)'), 'timestamp'],
    [ora('A', 'TIMESTAMP(6) WITH TIME ZONE'), 'timestamp'],
    [ora('A', 'TIMESTAMP(6) WITH LOCAL TIME ZONE'), 'timestamp'],
    [char('A', 1), 'char'],
    [ora('A', 'NCHAR', { CHAR_LENGTH: '1' }), 'char'],
    [varchar2('A', 10), 'text'],
    [ora('A', 'NVARCHAR2', { CHAR_LENGTH: '10' }), 'text'],
    [ora('A', 'CLOB'), 'text'],
    [ora('A', 'NCLOB'), 'text'],
    [ora('A', 'JSON'), 'json'],
    [ora('A', 'RAW', { DATA_LENGTH: '16' }), 'binary'],
  ];
  for (const [column, kind] of kinds) assert.equal(oracleData.classify(column), { kind }, column.columnType);
});

test('every Oracle type classified: refusals with their reasons', () => {
  const refused: Array<[string, RegExp]> = [
    ['BLOB', /2000 bytes/],
    ['LONG', /LONG columns/],
    ['LONG RAW', /LONG RAW/],
    ['INTERVAL YEAR(2) TO MONTH', /intervals/],
    ['INTERVAL DAY(2) TO SECOND(6)', /intervals/],
    ['ROWID', /address/],
    ['UROWID', /address/],
    ['XMLTYPE', /XMLType/],
    ['BFILE', /outside the database/],
    ['SDO_GEOMETRY', /spatial/],
    ['VECTOR', /vectors/],
    ['ADDRESS_T', /no safe mapping for type address_t/],
  ];
  for (const [type, reason] of refused) {
    const result = oracleData.classify(ora('A', type));
    assert.ok('refused' in result, type);
    assert.match((result as { refused: string }).refused, reason, type);
  }
});

test('query mode: result metadata (thin mode) -> DataColumns', () => {
  const described = [
    oracleResultColumn({ name: 'ID', dbTypeName: 'NUMBER', precision: 10, scale: 0, nullable: false }),
    oracleResultColumn({ name: 'AMOUNT', dbTypeName: 'NUMBER', precision: 12, scale: 2 }),
    oracleResultColumn({ name: 'COMPUTED', dbTypeName: 'NUMBER', precision: 0, scale: -127 }),
    oracleResultColumn({ name: 'RATIO', dbTypeName: 'NUMBER', precision: 126, scale: -127 }),
    oracleResultColumn({ name: 'AT', dbTypeName: 'TIMESTAMP WITH TIME ZONE', precision: 3 }),
    oracleResultColumn({ name: 'DAY', dbTypeName: 'DATE' }),
    oracleResultColumn({ name: 'NAME', dbTypeName: 'VARCHAR2', byteSize: 40 }),
    oracleResultColumn({ name: 'BYTES', dbTypeName: 'RAW', byteSize: 16 }),
  ];
  assert.equal(
    described.map((c) => [c.name, c.dataType, c.columnType, c.datetimePrecision, c.nullable, oracleData.classify(c)]),
    [
      ['ID', 'number', 'number(10)', null, false, { kind: 'integer' }],
      ['AMOUNT', 'number', 'number(12,2)', null, true, { kind: 'decimal' }],
      ['COMPUTED', 'number', 'number', null, true, { kind: 'decimal' }],
      ['RATIO', 'float', 'float(126)', null, true, { kind: 'float' }],
      ['AT', 'timestamp with time zone', 'timestamp(3) with time zone', 3, true, { kind: 'timestamp' }],
      ['DAY', 'date', 'date', 0, true, { kind: 'timestamp' }],
      ['NAME', 'varchar2', 'varchar2(40 byte)', null, true, { kind: 'text' }],
      ['BYTES', 'raw', 'raw(16)', null, true, { kind: 'binary' }],
    ],
  );
});

const pg = dataColumn;

test('against PostgreSQL: NULL equals the empty string by default for text-like pairs; -nullEqualsEmpty=false turns it off', () => {
  const text = planAgainst(postgresData, pg('t', 'text'), varchar2('T', 20));
  assert.equal(text, { plan: { kind: 'text', nullEqualsEmpty: true } });
  const off = planAgainst(postgresData, pg('t', 'text'), varchar2('T', 20), { nullEqualsEmpty: false });
  assert.equal(off, { plan: { kind: 'text' } });
  const bin = planAgainst(postgresData, pg('b', 'bytea'), ora('B', 'RAW', { DATA_LENGTH: '16' }));
  assert.equal(bin, { plan: { kind: 'binary', nullEqualsEmpty: true } });
  // Numbers have no empty value; PostgreSQL against itself keeps its default.
  assert.equal(planAgainst(postgresData, pg('n', 'integer'), number('N', 10, 0)), { plan: { kind: 'integer' } });
  const pgOnly = { dialect: postgresData, column: pg('t', 'text') };
  assert.equal((postgresData.classify(pgOnly.column) as { kind: string }).kind, 'text');
});

test('against PostgreSQL: the lower decimal scale, DATE as a timestamp of whole seconds, a date refused with a reason', () => {
  assert.equal(planAgainst(postgresData, pg('n', 'numeric', 'numeric(12,4)', { precision: 12, scale: 4 }), number('N', 12, 2)), { plan: { kind: 'decimal', scale: 2 } });
  assert.equal(planAgainst(postgresData, pg('t', 'timestamp with time zone', 'timestamp(6) with time zone', { datetimePrecision: 6 }), ora('T', 'DATE')), { plan: { kind: 'timestamp', timestampDigits: 0 } });
  assert.equal(planAgainst(postgresData, pg('t', 'timestamp without time zone', 'timestamp(6) without time zone', { datetimePrecision: 6 }), ora('T', 'TIMESTAMP(3)')), { plan: { kind: 'timestamp', timestampDigits: 3 } });
  const date = planAgainst(postgresData, pg('d', 'date'), ora('D', 'DATE'));
  assert.ok('refused' in date);
  assert.match((date as { refused: string }).refused, 'no safe comparison between date (date) and date (timestamp)');
  // A boolean against NUMBER(1): compared as 0/1.
  assert.equal(planAgainst(postgresData, pg('b', 'boolean'), number('B', 1, 0)), { plan: { kind: 'boolean' } });
});

test.run();
