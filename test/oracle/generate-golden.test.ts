/**
 * generate, Oracle: golden migration scripts (versioned + undo) for schema pairs built from the HR
 * fixture's model, one case per change kind of each object kind (test/golden/oracle/generate;
 * UPDATE_GOLDEN=1 rewrites them, review what it writes), plus the rules asserted directly: statement
 * order, `/` after PL/SQL, the non-transactional header, destructive warnings, refusals.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assembleModel } from '../../src/dialects/oracle/oracle-assembler.ts';
import { oracleDialect } from '../../src/dialects/oracle/oracle-dialect.ts';
import type { CatalogRows } from '../../src/dialects/oracle/oracle-rows.ts';
import { renderMigrationScripts, type MigrationScript } from '../../src/generate/generate.ts';
import type { Column, CompositeType, MaterializedView, Package, Routine, SchemaObject, Sequence, Synonym, Table, View } from '../../src/model/objects.ts';
import { readFixture } from '../support/catalog-fixtures.ts';
import { catchParityError } from '../support/parity-error.ts';
import { artifactOf, assertBefore, checkGolden, generateGoldenText, scriptsOf as scriptsOfArtifact, staleGoldenFiles, stepAt } from '../support/golden.ts';

const fixture = readFixture('oracle', 'hr');
const hr = assembleModel(fixture.rows as unknown as CatalogRows, fixture.schemas).objects;

function get<T extends SchemaObject>(name: string): T {
  const object = hr.find((o) => o.name === name);
  if (!object) throw new Error(`no ${name}`);
  return object as T;
}

/** The HR objects with `name` replaced by `replacement` (removed when undefined). */
function changed(replacements: Record<string, SchemaObject | undefined>): SchemaObject[] {
  return hr.flatMap((o) => (o.name in replacements ? (replacements[o.name] ? [replacements[o.name]!] : []) : [o]));
}

const employees = get<Table>('EMPLOYEES');
const departments = get<Table>('DEPARTMENTS');
const col = (table: Table, name: string): Column => table.columns.find((c) => c.name === name)!;
const withColumn = (table: Table, name: string, change: Partial<Column>): Table => ({ ...table, columns: table.columns.map((c) => (c.name === name ? { ...c, ...change } : c)) });

interface Case {
  readonly source: readonly SchemaObject[];
  readonly target: readonly SchemaObject[];
}

const cases: Record<string, Case> = {
  // Add of every kind (and, in the undo, Delete of every kind).
  create_schema_from_nothing: { source: hr, target: [] },
  table_columns: {
    source: changed({
      EMPLOYEES: {
        ...employees,
        columns: [
          ...employees.columns
            .filter((c) => c.name !== 'BADGE')
            .map((c) => {
              if (c.name === 'SALARY') return { ...c, type: 'NUMBER(10,2)', default: '1' };
              if (c.name === 'FIRST_NAME') return { ...c, nullable: false, comment: 'Given name' };
              if (c.name === 'ANNUAL_SALARY') return { ...c, generated: '"SALARY"*13' };
              if (c.name === 'SECRET_CODE') return { name: c.name, type: c.type, nullable: c.nullable };
              return c;
            }),
          { name: 'NICKNAME', type: 'VARCHAR2(30 CHAR)', nullable: true, default: "'none'", comment: 'Optional' },
        ],
      },
    }),
    target: hr,
  },
  identity_changes: {
    source: changed({
      EMPLOYEES: withColumn(employees, 'EMPLOYEE_ID', { identity: { generation: 'always', sequence: { ...col(employees, 'EMPLOYEE_ID').identity!.sequence, increment: '2' } } }),
    }),
    target: hr,
  },
  constraints_and_indexes: {
    source: changed({
      EMPLOYEES: {
        ...employees,
        checkConstraints: employees.checkConstraints.map((c) => (c.name === 'EMP_STATUS_CK' ? { name: c.name, expression: c.expression } : c)).filter((c) => c.name !== 'SYS_C008430'),
        foreignKeys: employees.foreignKeys.map((f) => (f.name === 'EMP_DEPT_FK' ? { ...f, onDelete: 'CASCADE' as const } : f)),
        indexes: [...employees.indexes.filter((i) => i.name !== 'EMP_MANAGER_IX'), { name: 'EMP_HIRED_IX', unique: false, method: 'NORMAL', keys: ['"HIRE_DATE"'] }].sort((a, b) => a.name.localeCompare(b.name)),
        uniqueConstraints: [...employees.uniqueConstraints, { name: 'EMP_NAME_UK', columns: ['LAST_NAME', 'FIRST_NAME'] }],
      },
      DEPARTMENTS: { ...departments, primaryKey: { name: 'DEPT_ID_PK', columns: ['DEPARTMENT_ID'] } },
    }),
    target: hr,
  },
  triggers: {
    source: changed({
      EMPLOYEES: {
        ...employees,
        triggers: employees.triggers.map((t) => (t.name === 'EMP_AUDIT_TRG' ? { ...t, enabled: true } : { ...t, definition: t.definition.replace(':new.salary := 0;', ':new.salary := 1;') })).map((t) => {
          const { enabled, ...rest } = t;
          return t.name === 'EMP_AUDIT_TRG' ? rest : { ...rest, ...(enabled === undefined ? {} : { enabled }) };
        }),
      },
      DEPARTMENTS: {
        ...departments,
        triggers: [{ name: 'DEPT_BI', timing: 'BEFORE', events: ['INSERT'], level: 'ROW', definition: 'CREATE OR REPLACE TRIGGER "HR"."DEPT_BI"\nbefore insert on departments\nfor each row\nBEGIN\n  NULL;\nEND;' }],
      },
    }),
    target: hr,
  },
  views: {
    source: changed({
      EMP_DETAILS: { ...get<View>('EMP_DETAILS'), definition: 'SELECT e.employee_id, e.first_name, d.department_name\n  FROM employees e JOIN departments d ON d.department_id = e.department_id', comment: 'Employees with a department' },
      ACTIVE_DEPARTMENTS: undefined,
      DEPT_HEADCOUNT: { ...get<MaterializedView>('DEPT_HEADCOUNT'), extras: { refresh: 'FORCE ON DEMAND', queryRewrite: true } },
    }),
    target: hr,
  },
  sequences_and_synonyms: {
    source: changed({
      INVOICE_SEQ: { ...get<Sequence>('INVOICE_SEQ'), increment: '10', cache: '100' },
      TICKET_SEQ: undefined,
      EMP: { ...get<Synonym>('EMP'), targetName: 'EMP_DETAILS' },
      REMOTE_ORDERS: undefined,
    }),
    target: hr,
  },
  plsql: {
    source: changed({
      GET_SALARY: { ...get<Routine>('GET_SALARY'), definition: get<Routine>('GET_SALARY').definition.replace('return v_salary;', 'return nvl(v_salary, 0);') },
      RAISE_SALARY: undefined,
      PAYROLL: { ...get<Package>('PAYROLL'), body: undefined } as Package,
      ADDRESS_T: { ...get<CompositeType>('ADDRESS_T'), extras: { ...get<CompositeType>('ADDRESS_T').extras, body: String(get<CompositeType>('ADDRESS_T').extras?.['body']).replace("', '", "' / '") } },
    }).map((o) => (o.kind === 'package' ? (JSON.parse(JSON.stringify(o)) as Package) : o)),
    target: hr,
  },
};

const scripts = new Map<string, [MigrationScript, MigrationScript]>();
function scriptsOf(name: string): [MigrationScript, MigrationScript] {
  let pair = scripts.get(name);
  if (!pair) {
    const c = cases[name]!;
    pair = scriptsOfArtifact(artifactOf(oracleDialect, c.source, c.target), name);
    scripts.set(name, pair);
  }
  return pair;
}

for (const name of Object.keys(cases)) {
  test(`golden: ${name}`, () => {
    const [v, u] = scriptsOf(name);
    checkGolden('oracle', 'generate', name, generateGoldenText(v, u));
  });
}

test('golden: no stale golden files', () => {
  assert.equal(staleGoldenFiles('oracle', 'generate', Object.keys(cases)), []);
});

test('the header says DDL is not transactional; PL/SQL units end with /', () => {
  const [v] = scriptsOf('create_schema_from_nothing');
  assert.match(v.text, '-- DDL is not transactional on this database: if a statement fails, the statements before it stay applied.');
  assert.match(v.text, 'END raise_salary;\n/\n');
  assert.match(v.text, 'CREATE USER "HR" NO AUTHENTICATION;\n');
  assert.not.match(v.text, /END;\n;/);
});

test('create order: user, types, sequences, tables, foreign keys, views, triggers, comments', () => {
  const [v, u] = scriptsOf('create_schema_from_nothing');
  assertBefore(v, 'CREATE USER "HR"', 'CREATE OR REPLACE TYPE "HR"."ADDRESS_T"');
  assertBefore(v, 'CREATE OR REPLACE TYPE "HR"."ADDRESS_T"', 'CREATE TABLE "HR"."EMPLOYEES"');
  assertBefore(v, 'CREATE SEQUENCE "HR"."INVOICE_SEQ"', 'CREATE TABLE "HR"."EMPLOYEES"');
  assertBefore(v, 'CREATE TABLE "HR"."DEPARTMENTS"', 'ADD CONSTRAINT "EMP_DEPT_FK"');
  assertBefore(v, 'ADD CONSTRAINT "EMP_DEPT_FK"', 'CREATE OR REPLACE VIEW "HR"."EMP_DETAILS"');
  assertBefore(v, 'CREATE OR REPLACE VIEW "HR"."EMP_DETAILS"', 'CREATE OR REPLACE TRIGGER "HR"."EMP_DETAILS_IO"');
  assert.not.match(v.steps.find((s) => s.sql.startsWith('CREATE TABLE "HR"."EMPLOYEES"'))!.sql, 'FOREIGN KEY', 'foreign keys are not inline in a script');
  // The undo: foreign keys first, tables before the user, the user last.
  assertBefore(u, 'DROP CONSTRAINT "EMP_DEPT_FK"', 'DROP TABLE "HR"."DEPARTMENTS"');
  assertBefore(u, 'DROP TABLE "HR"."EMPLOYEES"', 'DROP TYPE "HR"."ADDRESS_T"');
  assertBefore(u, 'DROP TYPE "HR"."ADDRESS_T"', 'DROP USER "HR"');
  assert.match(u.steps.find((s) => s.sql.startsWith('DROP TABLE "HR"."EMPLOYEES"'))!.destructive ?? '', 'drops table HR.EMPLOYEES and its data');
});

test('column changes: drop (destructive), MODIFY only what changed, a virtual column recreated, ADD with its comment', () => {
  const [v, u] = scriptsOf('table_columns');
  const sql = v.steps.map((s) => s.sql);
  assert.ok(sql.includes('ALTER TABLE "HR"."EMPLOYEES" DROP COLUMN "BADGE"'));
  assert.match(v.steps[stepAt(v, 'DROP COLUMN "BADGE"')]!.destructive ?? '', 'drops column BADGE of HR.EMPLOYEES');
  assert.ok(sql.includes('ALTER TABLE "HR"."EMPLOYEES" MODIFY ("SALARY" NUMBER(10,2) DEFAULT 1)'));
  assert.match(v.steps[stepAt(v, 'MODIFY ("SALARY"')]!.destructive ?? '', 'from NUMBER(8,2) to NUMBER(10,2)');
  assert.ok(sql.includes('ALTER TABLE "HR"."EMPLOYEES" MODIFY ("FIRST_NAME" NOT NULL)'));
  assert.ok(sql.includes('ALTER TABLE "HR"."EMPLOYEES" MODIFY ("SECRET_CODE" VISIBLE)'));
  assertBefore(v, 'DROP COLUMN "ANNUAL_SALARY"', 'ADD ("ANNUAL_SALARY" NUMBER GENERATED ALWAYS AS ("SALARY"*13) VIRTUAL)');
  assert.is(v.steps[stepAt(v, 'DROP COLUMN "ANNUAL_SALARY"')]!.destructive, undefined, 'a virtual column holds no data');
  assertBefore(v, `ADD ("NICKNAME" VARCHAR2(30 CHAR) DEFAULT 'none')`, `COMMENT ON COLUMN "HR"."EMPLOYEES"."NICKNAME" IS 'Optional'`);
  // The undo removes the comment with '' (= NULL) and the default with DEFAULT NULL.
  assert.ok(u.steps.some((s) => s.sql === `COMMENT ON COLUMN "HR"."EMPLOYEES"."FIRST_NAME" IS ''`));
  assert.ok(u.steps.some((s) => s.sql === 'ALTER TABLE "HR"."EMPLOYEES" MODIFY ("SALARY" NUMBER(8,2) DEFAULT 0)'));
});

test('identity: options changed in place (MODIFY ... AS IDENTITY)', () => {
  const [v, u] = scriptsOf('identity_changes');
  const sql = v.steps.map((s) => s.sql);
  assert.ok(sql.some((s) => s.startsWith('ALTER TABLE "HR"."EMPLOYEES" MODIFY ("EMPLOYEE_ID" GENERATED ALWAYS AS IDENTITY (START WITH 1000 INCREMENT BY 2')), sql.join('\n'));
  assert.ok(u.steps.some((s) => s.sql.startsWith('ALTER TABLE "HR"."EMPLOYEES" MODIFY ("EMPLOYEE_ID" GENERATED BY DEFAULT AS IDENTITY (START WITH 1000 INCREMENT BY 1')));
});

test('identity removed: DROP IDENTITY; identity added to an existing column: UNSUPPORTED (Oracle cannot, and recreating a key column loses its data and keys)', () => {
  const identityLess = withColumn(employees, 'EMPLOYEE_ID', { identity: undefined });
  const artifact = artifactOf(oracleDialect, changed({ EMPLOYEES: identityLess }), hr);
  const [v] = renderMigrationScripts({ artifact, changes: artifact.changes, types: ['versioned'], version: '2', description: 'x' });
  assert.ok(v!.steps.some((s) => s.sql === 'ALTER TABLE "HR"."EMPLOYEES" MODIFY "EMPLOYEE_ID" DROP IDENTITY'));
  const e = catchParityError(() => scriptsOfArtifact(artifactOf(oracleDialect, hr, changed({ EMPLOYEES: identityLess })), 'x'));
  assert.is(e.code, 'UNSUPPORTED');
  assert.match(e.message, 'making column EMPLOYEE_ID of HR.EMPLOYEES an identity column');
});

test('constraints and indexes: changed ones dropped then added; states; the primary key renamed', () => {
  const [v, u] = scriptsOf('constraints_and_indexes');
  assertBefore(v, 'ALTER TABLE "HR"."EMPLOYEES" DROP CONSTRAINT "EMP_DEPT_FK"', 'ADD CONSTRAINT "EMP_DEPT_FK" FOREIGN KEY ("DEPARTMENT_ID") REFERENCES "HR"."DEPARTMENTS" ("DEPARTMENT_ID") ON DELETE CASCADE');
  assertBefore(v, 'DROP CONSTRAINT "EMP_STATUS_CK"', `ADD CONSTRAINT "EMP_STATUS_CK" CHECK (STATUS IN ('A', 'I'))`);
  assert.ok(v.steps.some((s) => s.sql === 'ALTER TABLE "HR"."EMPLOYEES" DROP CONSTRAINT "SYS_C008430"'));
  assertBefore(v, 'DROP CONSTRAINT "DEPARTMENTS_PK"', 'ADD CONSTRAINT "DEPT_ID_PK" PRIMARY KEY ("DEPARTMENT_ID")');
  assert.ok(v.steps.some((s) => s.sql === 'DROP INDEX "HR"."EMP_MANAGER_IX"'));
  assert.ok(v.steps.some((s) => s.sql === 'CREATE INDEX "HR"."EMP_HIRED_IX" ON "HR"."EMPLOYEES" ("HIRE_DATE")'));
  // The undo puts back the NOVALIDATE and DISABLE states.
  assert.ok(u.steps.some((s) => s.sql.endsWith(`CHECK (STATUS IN ('A', 'I')) ENABLE NOVALIDATE`)));
  assert.ok(u.steps.some((s) => s.sql.endsWith('CHECK (COMMISSION_PCT <= 0.5) DISABLE')));
});

test('triggers: replaced in place (CREATE OR REPLACE enables), disabled after, dropped when gone', () => {
  const [v, u] = scriptsOf('triggers');
  assert.not.ok(v.steps.some((s) => s.sql.startsWith('ALTER TRIGGER')), 'CREATE OR REPLACE TRIGGER leaves it enabled');
  assert.ok(v.steps.some((s) => s.ownTerminators === true && s.sql.includes(':new.salary := 1;')));
  assert.not.ok(v.steps.some((s) => s.sql.startsWith('DROP TRIGGER "HR"."EMP_BI_TRG"')), 'a changed trigger is replaced, not dropped');
  assert.ok(u.steps.some((s) => s.sql === 'DROP TRIGGER "HR"."DEPT_BI"'));
  assert.ok(u.steps.some((s) => s.sql === 'ALTER TRIGGER "HR"."EMP_AUDIT_TRG" DISABLE'));
});

test('views: CREATE OR REPLACE in place (no drop around it), comments; a materialized view is recreated', () => {
  const [v] = scriptsOf('views');
  assert.not.ok(v.steps.some((s) => s.sql.startsWith('DROP VIEW "HR"."EMP_DETAILS"')));
  assert.ok(v.steps.some((s) => s.sql.startsWith('CREATE OR REPLACE VIEW "HR"."EMP_DETAILS"')));
  assert.ok(v.steps.some((s) => s.sql === `COMMENT ON TABLE "HR"."EMP_DETAILS" IS 'Employees with a department'`));
  assert.ok(v.steps.some((s) => s.sql === 'DROP VIEW "HR"."ACTIVE_DEPARTMENTS"'));
  assertBefore(v, 'DROP MATERIALIZED VIEW "HR"."DEPT_HEADCOUNT"', 'REFRESH FORCE ON DEMAND\nENABLE QUERY REWRITE');
});

test('sequences altered without START WITH; synonyms replaced in place', () => {
  const [v] = scriptsOf('sequences_and_synonyms');
  assert.ok(v.steps.some((s) => s.sql === 'ALTER SEQUENCE "HR"."INVOICE_SEQ" INCREMENT BY 10 MINVALUE 1 MAXVALUE 9999999999999999999999999999 CACHE 100 NOCYCLE NOORDER'));
  assert.ok(v.steps.some((s) => s.sql === 'DROP SEQUENCE "HR"."TICKET_SEQ"'));
  assert.ok(v.steps.some((s) => s.sql === 'CREATE OR REPLACE SYNONYM "HR"."EMP" FOR "HR"."EMP_DETAILS"'));
  assert.ok(v.steps.some((s) => s.sql === 'DROP SYNONYM "HR"."REMOTE_ORDERS"'));
});

test('PL/SQL: replaced in place; a package body that goes away is dropped alone; a type body replaced', () => {
  const [v, u] = scriptsOf('plsql');
  assert.ok(v.steps.some((s) => s.sql.includes('return nvl(v_salary, 0);') && s.ownTerminators === true));
  assert.ok(v.steps.some((s) => s.sql === 'DROP PROCEDURE "HR"."RAISE_SALARY"'));
  assert.ok(v.steps.some((s) => s.sql === 'DROP PACKAGE BODY "HR"."PAYROLL"'));
  assert.not.ok(v.steps.some((s) => s.sql.startsWith('CREATE OR REPLACE PACKAGE "HR"."PAYROLL"')), 'the unchanged spec stays');
  assert.ok(v.steps.some((s) => s.sql.startsWith('CREATE OR REPLACE TYPE BODY "HR"."ADDRESS_T"')));
  assert.not.ok(v.steps.some((s) => s.sql.startsWith('CREATE OR REPLACE TYPE "HR"."ADDRESS_T"')), 'the unchanged type spec stays');
  assert.ok(u.steps.some((s) => s.sql.startsWith('CREATE OR REPLACE PACKAGE BODY "HR"."PAYROLL"')));
});

test('a change ALTER TABLE cannot make (temporary table ON COMMIT) is UNSUPPORTED, not a silent drop', () => {
  const notes = get<Table>('SESSION_NOTES');
  const e = catchParityError(() => scriptsOfArtifact(artifactOf(oracleDialect, changed({ SESSION_NOTES: { ...notes, extras: { temporary: 'ON COMMIT DELETE ROWS' } } }), hr), 'x'));
  assert.is(e.code, 'UNSUPPORTED');
  assert.match(e.message, 'changing the temporary option of table HR.SESSION_NOTES needs the table recreated');
});

test.run();
