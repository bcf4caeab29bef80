/**
 * Oracle catalog rows -> model through the pure assembler (test/fixtures/catalog/oracle: rows shaped as
 * node-oracledb returns the ALL_* views, README.md there cites each view's documentation), then what
 * the model must say for each Oracle rule, checked one by one, and the introspector's own path
 * (query files, binds, the unqualified mode) over a connection that answers with the fixture rows.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ConnectionSettings } from '../../src/config/connection.ts';
import { assembleModel } from '../../src/dialects/oracle/oracle-assembler.ts';
import { loadQuery, readOracleModel, requestedSchemas } from '../../src/dialects/oracle/oracle-introspector.ts';
import { CATALOG_QUERIES, type CatalogRows } from '../../src/dialects/oracle/oracle-rows.ts';
import type { CompositeType, DatabaseModel, MaterializedView, Package, Routine, SchemaObject, Sequence, Synonym, Table, View } from '../../src/model/objects.ts';
import { catalogFixtureTests, readFixture } from '../support/catalog-fixtures.ts';

const names = catalogFixtureTests(test, 'oracle', (fixture) => assembleModel(fixture.rows as unknown as CatalogRows, fixture.schemas));

const hrRows = readFixture('oracle', 'hr');
const hr = assembleModel(hrRows.rows as unknown as CatalogRows, hrRows.schemas);

function find<K extends SchemaObject['kind']>(model: DatabaseModel, kind: K, name: string): Extract<SchemaObject, { kind: K }> {
  const object = model.objects.find((o) => o.kind === kind && o.name === name);
  assert.ok(object, `${kind} ${name}`);
  return object as Extract<SchemaObject, { kind: K }>;
}

const employees = find(hr, 'table', 'EMPLOYEES') as Table;
const column = (name: string) => employees.columns.find((c) => c.name === name)!;

test('there are Oracle fixtures, HR among them', () => {
  assert.ok(names.includes('hr') && names.includes('empty'));
});

test('NOT NULL checks (SYS_C..., "X" IS NOT NULL) are the columns nullable, not check constraints', () => {
  assert.equal(
    employees.checkConstraints.map((c) => c.name),
    ['EMP_SALARY_MIN', 'EMP_STATUS_CK', 'SYS_C008430'],
  );
  assert.is(column('LAST_NAME').nullable, false);
  assert.is(column('FIRST_NAME').nullable, true);
});

test('identity column: no default (the ISEQ$$ nextval), BY DEFAULT with the options Oracle lists', () => {
  const id = column('EMPLOYEE_ID');
  assert.is(id.default, undefined);
  assert.equal(id.identity, { generation: 'by default', sequence: { start: '1000', increment: '1', minValue: '1', maxValue: '9999999999999999999999999999', cache: '20' } });
});

test("defaults: sysdate\\n -> SYSDATE, 0 and 'HQ' trimmed, NULL and '' are none, ON NULL kept", () => {
  assert.is(column('HIRE_DATE').default, 'SYSDATE');
  assert.is(column('SALARY').default, '0');
  assert.is(column('COMMISSION_PCT').default, undefined);
  assert.is(column('EMAIL').default, undefined);
  assert.is(column('STATUS').default, "'A'");
  assert.equal(column('STATUS').extras, { defaultOnNull: true });
});

test('a virtual column holds its expression as `generated`, not as a default', () => {
  assert.is(column('ANNUAL_SALARY').generated, '"SALARY"*12');
  assert.is(column('ANNUAL_SALARY').default, undefined);
});

test('types: INTEGER, NUMBER(8,2), CHAR semantics, typed and INVISIBLE columns', () => {
  assert.equal(
    ['MANAGER_ID', 'SALARY', 'FIRST_NAME', 'HOME_ADDRESS', 'NOTES_XML', 'RECORDED_AT'].map((n) => column(n).type),
    ['INTEGER', 'NUMBER(8,2)', 'VARCHAR2(20 CHAR)', '"HR"."ADDRESS_T"', 'XMLTYPE', 'TIMESTAMP(3) WITH TIME ZONE'],
  );
  assert.equal(column('SECRET_CODE').extras, { invisible: true });
});

test('constraint states: ENABLE NOVALIDATE and DISABLE in extras; deferrable keys; FK actions', () => {
  const state = (name: string) => employees.checkConstraints.find((c) => c.name === name)?.extras;
  assert.equal(state('EMP_STATUS_CK'), { state: 'ENABLE NOVALIDATE' });
  assert.equal(state('SYS_C008430'), { state: 'DISABLE' });
  assert.is(state('EMP_SALARY_MIN'), undefined);
  const departments = find(hr, 'table', 'DEPARTMENTS') as Table;
  assert.equal(departments.uniqueConstraints[0], { name: 'DEPARTMENTS_NAME_UK', columns: ['DEPARTMENT_NAME'], deferrable: true, initiallyDeferred: true });
  const dept = employees.foreignKeys.find((f) => f.name === 'EMP_DEPT_FK')!;
  assert.equal([dept.onDelete, dept.onUpdate, dept.referencedSchema, dept.referencedTable, dept.referencedColumns], ['SET NULL', 'NO ACTION', 'HR', 'DEPARTMENTS', ['DEPARTMENT_ID']]);
  assert.is(employees.foreignKeys.find((f) => f.name === 'EMP_MANAGER_FK')!.deferrable, true);
});

test("indexes: a key's own index is the key's; function-based, DESC, bitmap, reverse and invisible", () => {
  assert.equal(
    employees.indexes.map((i) => [i.name, i.method, i.unique, i.keys, i.extras ?? null]),
    [
      ['EMP_DEPT_HIRED_IX', 'NORMAL', false, ['"DEPARTMENT_ID"', '"HIRE_DATE" DESC'], null],
      ['EMP_EMAIL_IX', 'NORMAL', true, ['"EMAIL"'], null],
      ['EMP_MANAGER_IX', 'NORMAL', false, ['"MANAGER_ID"'], { reverse: true, invisible: true }],
      ['EMP_NAME_UPPER_IX', 'NORMAL', false, ['UPPER("LAST_NAME")', 'UPPER("FIRST_NAME")'], null],
    ],
  );
  assert.equal((find(hr, 'table', 'DEPARTMENTS') as Table).indexes.map((i) => [i.name, i.method]), [['DEPT_LOCATION_BIX', 'BITMAP']]);
});

test('triggers: qualified header, WHEN folded, DISABLED kept; an INSTEAD OF trigger belongs to its view', () => {
  const [audit, bi] = employees.triggers;
  assert.equal([audit!.name, audit!.timing, audit!.level, audit!.events, audit!.enabled], ['EMP_AUDIT_TRG', 'AFTER', 'STATEMENT', ['DELETE', 'INSERT', 'UPDATE'], false]);
  assert.is(bi!.when, 'NEW.SALARY IS NULL');
  assert.is(bi!.definition, 'CREATE OR REPLACE TRIGGER "HR"."EMP_BI_TRG"\nbefore insert or update on employees\nfor each row\nWHEN (NEW.SALARY IS NULL)\nBEGIN\n  :new.salary := 0;\nEND;');
  const details = find(hr, 'view', 'EMP_DETAILS') as View;
  assert.equal(details.triggers?.map((t) => [t.name, t.timing]), [['EMP_DETAILS_IO', 'INSTEAD OF']]);
});

test('views: WITH READ ONLY and WITH CHECK OPTION from their constraints; text trimmed line by line; dependsOn', () => {
  const details = find(hr, 'view', 'EMP_DETAILS') as View;
  assert.equal(details.extras, { readOnly: true });
  assert.is(details.definition.split('\n')[0], "SELECT e.employee_id, e.first_name || ' ' || e.last_name AS full_name, d.department_name");
  assert.equal(details.dependsOn?.map((d) => d.name), ['DEPARTMENTS', 'EMPLOYEES']);
  assert.is((find(hr, 'view', 'ACTIVE_DEPARTMENTS') as View).checkOption, 'CASCADED');
});

test('a materialized view is not also a table; its index and its refresh options are its own', () => {
  assert.not.ok(hr.objects.some((o) => o.kind === 'table' && o.name === 'DEPT_HEADCOUNT'));
  const mview = find(hr, 'materializedView', 'DEPT_HEADCOUNT') as MaterializedView;
  assert.equal(mview.extras, { refresh: 'COMPLETE ON DEMAND' });
  assert.equal(mview.indexes.map((i) => i.name), ['DEPT_HEADCOUNT_IX']);
  assert.equal(mview.dependsOn?.map((d) => d.name), ['EMPLOYEES']);
});

test('sequences: bounds as text (28 digits), NOCACHE absent, ORDER in extras', () => {
  const ticket = find(hr, 'sequence', 'TICKET_SEQ') as Sequence;
  assert.equal(ticket, { kind: 'sequence', schema: 'HR', name: 'TICKET_SEQ', extras: { order: true }, increment: '5', minValue: '100', maxValue: '999999', cycle: true });
  assert.is((find(hr, 'sequence', 'INVOICE_SEQ') as Sequence).maxValue, '9999999999999999999999999999');
});

test('synonyms, with the database link', () => {
  assert.equal(find(hr, 'synonym', 'REMOTE_ORDERS') as Synonym, { kind: 'synonym', schema: 'HR', name: 'REMOTE_ORDERS', targetSchema: 'SALES', targetName: 'ORDERS', dbLink: 'SALESDB.EXAMPLE.COM' });
});

test('routines: the stored source with its header qualified, arguments and result from ALL_ARGUMENTS', () => {
  const fn = find(hr, 'function', 'GET_SALARY') as Routine;
  assert.equal([fn.returns, fn.arguments, fn.language], ['NUMBER', [{ name: 'P_EMPLOYEE_ID', mode: 'IN', type: 'NUMBER' }], 'PLSQL']);
  assert.match(fn.definition, /^CREATE OR REPLACE FUNCTION "HR"\."GET_SALARY"\(p_employee_id in number\)/);
  const proc = find(hr, 'procedure', 'RAISE_SALARY') as Routine;
  assert.is(proc.definition.split('\n')[0], 'CREATE OR REPLACE PROCEDURE "HR"."RAISE_SALARY" (p_employee_id IN NUMBER, p_pct IN NUMBER DEFAULT 5) AS');
});

test('a package holds its spec and its body', () => {
  const pkg = find(hr, 'package', 'PAYROLL') as Package;
  assert.match(pkg.definition, /^CREATE OR REPLACE PACKAGE "HR"\."PAYROLL" as\n/);
  assert.match(pkg.body!, /^CREATE OR REPLACE PACKAGE BODY "HR"\."PAYROLL" as\n/);
});

test('object types: attributes and the stored spec and body; a VARRAY type has no attributes', () => {
  const address = find(hr, 'compositeType', 'ADDRESS_T') as CompositeType;
  assert.equal(address.attributes, [
    { name: 'STREET', type: 'VARCHAR2(60)' },
    { name: 'CITY', type: 'VARCHAR2(30)' },
  ]);
  assert.match(String(address.extras?.['body']), /^CREATE OR REPLACE TYPE BODY "HR"\."ADDRESS_T" AS/);
  const phones = find(hr, 'compositeType', 'PHONE_LIST_T') as CompositeType;
  assert.equal([phones.attributes, phones.extras?.['typecode']], [[], 'COLLECTION']);
});

test('a global temporary table keeps its ON COMMIT', () => {
  assert.equal((find(hr, 'table', 'SESSION_NOTES') as Table).extras, { temporary: 'ON COMMIT PRESERVE ROWS' });
});

/** A connection that answers each catalog query with the fixture's rows for it, and records binds. */
function fixtureConnection(rows: Readonly<Record<string, readonly unknown[]>>, schemas: readonly string[]) {
  const byText = new Map(CATALOG_QUERIES.map((name) => [loadQuery(name, schemas.length), name]));
  const binds: unknown[] = [];
  return {
    binds,
    execute: async <T>(sql: string, bind?: Record<string, unknown> | unknown[]) => {
      const name = byText.get(sql);
      assert.ok(name, `unexpected query ${sql.slice(0, 60)}`);
      binds.push(bind);
      return { rows: (rows[name!] ?? []) as T[] };
    },
  };
}

const settings: ConnectionSettings = { dialect: 'oracle', host: 'db', port: 1521, database: 'FREEPDB1', user: 'hr', params: {} };

test('the introspector runs every query file with one bind per schema and builds the same model', async () => {
  const connection = fixtureConnection(hrRows.rows, ['HR']);
  const model = await readOracleModel(connection, settings, ['HR']);
  assert.equal(model, hr);
  assert.is(connection.binds.length, CATALOG_QUERIES.length);
  assert.equal(connection.binds[0], { s0: 'HR' });
  assert.match(loadQuery('tables', 2), /WHERE t\.OWNER IN \(:s0, :s1\)/);
  assert.not.match(loadQuery('tables', 1), /^--/m);
});

test('unqualified: objects in schema "", no schema object, owner-qualified texts lose the owner', async () => {
  const model = await readOracleModel(fixtureConnection(hrRows.rows, ['HR']), settings, ['HR'], undefined, true);
  assert.equal(model.schemas, ['']);
  assert.not.ok(model.objects.some((o) => o.kind === 'schema'));
  assert.ok(model.objects.every((o) => o.schema === ''));
  const table = model.objects.find((o) => o.name === 'EMPLOYEES') as Table;
  assert.is(table.foreignKeys[0]!.referencedSchema, '');
  assert.is(table.columns.find((c) => c.name === 'HOME_ADDRESS')!.type, '"ADDRESS_T"');
  assert.match((model.objects.find((o) => o.name === 'GET_SALARY') as Routine).definition, /^CREATE OR REPLACE FUNCTION "GET_SALARY"\(/);
});

test('schemas asked for are folded as Oracle folds names; the URL user is the default schema', () => {
  assert.equal(requestedSchemas(['hr', '"Sales"', 'HR'], settings), ['HR', 'Sales']);
  assert.equal(requestedSchemas([], settings), ['HR']);
  assert.equal(requestedSchemas([], { ...settings, params: { currentSchema: 'app' } }), ['APP']);
});

test.run();
