/**
 * Oracle schema-model folders offline: which object each statement creates (how `model` finds an
 * object's file), the apply loop that retries statements waiting for a missing object (errors built by
 * node-oracledb's lib/errors.js), and through the CLI: a folder written from the example snapshot,
 * read without a build environment (exit 3, one line), and with one that does not answer (exit 4).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { applyStatements, objectKeyOracle, oracleSchemaModel, statementObjectKey } from '../../src/dialects/oracle/oracle-schema-model.ts';
import { splitOracleScript } from '../../src/dialects/oracle/oracle-script.ts';
import { ParityError } from '../../src/errors.ts';
import { runCli } from '../support/cli.ts';
import { environmentSection } from '../support/flyway-toml.ts';

const require = createRequire(import.meta.url);
const errors = require('oracledb/lib/errors.js') as { transformErr(err: Error): Error };
const oraError = (errorNum: number, message: string): Error => errors.transformErr(Object.assign(new Error(message), { offset: 0, errorNum, isRecoverable: false }));

test('statement keys: what a statement creates, and indexes, triggers, ALTER TABLE and comments under their table', () => {
  const cases: [string, string | undefined][] = [
    ['CREATE TABLE employees (id NUMBER)', 'table:EMPLOYEES'],
    ['create global temporary table "Notes" (n varchar2(10))', 'table:Notes'],
    ['CREATE OR REPLACE EDITIONABLE PACKAGE BODY hr.payroll AS', 'package:PAYROLL'],
    ['CREATE OR REPLACE FORCE VIEW v_emp AS SELECT 1 x FROM dual', 'view:V_EMP'],
    ['CREATE MATERIALIZED VIEW mv AS SELECT 1 x FROM dual', 'materializedView:MV'],
    ['CREATE UNIQUE INDEX emp_ix ON employees (email)', 'table:EMPLOYEES'],
    ['CREATE OR REPLACE TRIGGER trg BEFORE INSERT ON "HR"."EMPLOYEES" FOR EACH ROW BEGIN NULL; END;', 'table:EMPLOYEES'],
    ['ALTER TABLE employees ADD CONSTRAINT fk FOREIGN KEY (d) REFERENCES departments (id)', 'table:EMPLOYEES'],
    ["COMMENT ON COLUMN employees.salary IS 'x'", 'table:EMPLOYEES'],
    ['CREATE TYPE BODY address_t AS', 'compositeType:ADDRESS_T'],
    ['CREATE OR REPLACE SYNONYM emp FOR employees', 'synonym:EMP'],
    ['INSERT INTO t VALUES (1)', undefined],
  ];
  for (const [text, key] of cases) assert.is(statementObjectKey(text), key, text);
  assert.is(objectKeyOracle({ kind: 'package', schema: '', name: 'PAYROLL', definition: 'x' }), 'package:PAYROLL');
});

test('fileObjects: each file lists the objects its statements create, once', async () => {
  const files = [
    { path: 'Tables/EMPLOYEES.sql', text: 'CREATE TABLE "EMPLOYEES" ("ID" NUMBER);\n\nCREATE INDEX "EMP_IX" ON "EMPLOYEES" ("ID");\n' },
    { path: 'Packages/PAYROLL.sql', text: 'CREATE OR REPLACE PACKAGE "PAYROLL" AS\n  PROCEDURE p;\nEND;\n/\n\nCREATE OR REPLACE PACKAGE BODY "PAYROLL" AS\n  PROCEDURE p IS BEGIN NULL; END;\nEND;\n/\n' },
  ];
  const map = await oracleSchemaModel.fileObjects(files);
  assert.equal(map.get('Tables/EMPLOYEES.sql'), ['table:EMPLOYEES']);
  assert.equal(map.get('Packages/PAYROLL.sql'), ['package:PAYROLL']);
});

const file = { path: 'Views/V.sql', text: '' };
const items = (texts: string[]) => texts.map((text, i) => ({ file, statement: { text, startLine: i * 2 + 1, plsql: false } }));

test('apply: a statement waiting for a missing object (ORA-00942) is retried after the others', async () => {
  const created = new Set<string>();
  const log: string[] = [];
  const run = async (text: string) => {
    log.push(text);
    if (text.startsWith('CREATE VIEW') && !created.has('T')) throw oraError(942, 'ORA-00942: table or view "parity_schema_model_ab12"."T" does not exist');
    if (text.startsWith('CREATE TABLE')) created.add('T');
  };
  await applyStatements(run, items(['CREATE VIEW v AS SELECT * FROM t', 'CREATE TABLE t (a NUMBER)']), 'parity_schema_model_ab12', new AbortController().signal);
  assert.equal(log, ['CREATE VIEW v AS SELECT * FROM t', 'CREATE TABLE t (a NUMBER)', 'CREATE VIEW v AS SELECT * FROM t']);
});

test('apply: any other error is a SCHEMA_MODEL_ERROR at file:line, without the scratch name or the Help line', async () => {
  const run = async (text: string) => {
    if (text.includes('oops')) throw oraError(904, 'ORA-00904: "parity_schema_model_ab12"."OOPS": invalid identifier');
  };
  try {
    await applyStatements(run, items(['CREATE TABLE t (a NUMBER)', 'CREATE VIEW v AS SELECT oops FROM t']), 'parity_schema_model_ab12', new AbortController().signal);
    assert.unreachable();
  } catch (error) {
    assert.instance(error, ParityError);
    const e = error as ParityError;
    assert.equal([e.code, e.where, e.message], ['SCHEMA_MODEL_ERROR', 'Views/V.sql:3', 'ORA-00904: "OOPS": invalid identifier']);
  }
});

test('apply: statements that wait for each other forever end with the first one\'s error', async () => {
  const run = async () => {
    throw oraError(942, 'ORA-00942: table or view "X" does not exist');
  };
  try {
    await applyStatements(run, items(['CREATE VIEW a AS SELECT * FROM x']), 's', new AbortController().signal);
    assert.unreachable();
  } catch (error) {
    assert.equal([(error as ParityError).code, (error as ParityError).where], ['SCHEMA_MODEL_ERROR', 'Views/V.sql:1']);
  }
});

test('a folder written by `model` from the example splits back into statements that each name their object', () => {
  const text = 'CREATE OR REPLACE TRIGGER "EMP_BI"\nbefore insert on employees\nfor each row\nBEGIN\n  :new.a := 1;\nEND;\n/\n\nALTER TRIGGER "EMP_BI" DISABLE;\n';
  assert.equal(
    splitOracleScript(text).map((s) => [s.plsql, statementObjectKey(s.text) ?? null]),
    [
      [true, 'table:EMPLOYEES'],
      [false, null],
    ],
  );
});

let work: string;
test.before.each(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-oracle-sm-'));
  fs.mkdirSync(path.join(work, 'schema-models', 'Tables'), { recursive: true });
  fs.writeFileSync(path.join(work, 'schema-models', 'Tables', 'T.sql'), 'CREATE TABLE "T" ("A" NUMBER);\n');
});
test.after.each(() => fs.rmSync(work, { recursive: true, force: true }));

test('CLI: an Oracle schema model without a build environment is exit 3 saying what to configure', async () => {
  fs.writeFileSync(path.join(work, 'flyway.toml'), environmentSection('prod', 'jdbc:oracle:thin:@//db.invalid:1521/S', 'hr', 'PW'));
  const result = await runCli(['diff', '-source=schemaModel', '-target=empty', '-artifactFilename=out/a.artifact'], { cwd: work, env: { PW: 'x' } });
  assert.is(result.code, 3, result.stdout + result.stderr);
  assert.is(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, /^ERROR: .*Oracle.*build environment/);
});

test('CLI: an Oracle schema model on a build environment that does not answer is exit 4', async () => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.writeFileSync(path.join(work, 'flyway.toml'), environmentSection('build', `jdbc:oracle:thin:@//127.0.0.1:${port}/FREEPDB1`, 'system', 'PW'));
  const result = await runCli(['diff', '-source=schemaModel', '-target=empty', '-buildEnvironment=build', '-artifactFilename=out/a.artifact'], { cwd: work, env: { PW: 'Sekr1t-pw' } });
  assert.is(result.code, 4, result.stdout + result.stderr);
  assert.match(result.stderr, `cannot connect to Oracle at 127.0.0.1:${port}: connection refused`);
  assert.not.match(result.stderr, 'Sekr1t-pw');
});

test.run();
