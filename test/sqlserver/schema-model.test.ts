/**
 * SQL Server schema-model folders without a server: what each file creates (by its GO batches), the
 * apply loop that retries batches waiting for an object another file creates (with the driver's real
 * RequestError objects), where a failure is reported, and what needs a build environment.
 */
import sql from 'mssql';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sqlserverDialect } from '../../src/dialects/sqlserver/sqlserver-dialect.ts';
import { applyBatches, batchObjectKey, objectKeySqlServer, readSqlServerFiles, schemasOfBatches } from '../../src/dialects/sqlserver/sqlserver-schema-model.ts';
import { splitBatches } from '../../src/dialects/sqlserver/sqlserver-script.ts';
import { ParityError } from '../../src/errors.ts';
import type { SqlFile } from '../../src/dialects/dialect.ts';
import { example } from './cases.ts';

const file = (path: string, text: string): SqlFile => ({ path, text });
const itemsOf = (...files: SqlFile[]) => files.flatMap((f) => splitBatches(f.text).map((batch) => ({ file: f, batch })));

function requestError(number: number, message: string, lineNumber = 1): Error {
  const inner = Object.assign(new Error(message), { info: { number, message, state: 1, class: 16, lineNumber, serverName: 'db', procName: '' } });
  return new sql.RequestError(inner, 'EREQUEST');
}

test('what a batch creates: kind, schema (dbo when unqualified) and name, brackets and comments understood', () => {
  assert.equal(
    [
      'CREATE TABLE [sales].[order lines] (id int)',
      '-- header\n/* more */\nCREATE OR ALTER VIEW sales.v AS SELECT 1',
      'create procedure usp_x as select 1',
      'CREATE PROC [dbo].[usp_y] AS SELECT 1',
      'CREATE TYPE dbo.Phone FROM nvarchar(20)',
      'CREATE SCHEMA [Reporting]',
      'CREATE TRIGGER sales.tr ON sales.orders AFTER INSERT AS SELECT 1',
      'ALTER TABLE dbo.t ADD c int',
    ].map(batchObjectKey),
    ['table:sales.order lines', 'view:sales.v', 'procedure:dbo.usp_x', 'procedure:dbo.usp_y', 'domain:dbo.phone', 'schema:reporting.reporting', 'trigger:sales.tr', undefined],
  );
});

test("fileObjects and objectKey agree, so `model` finds an object's file", async () => {
  const files = [file('Tables/sales.orders.sql', 'CREATE TABLE sales.orders (id int)\nGO\nCREATE INDEX IX ON sales.orders (id)\nGO'), file('Views/sales.v_open_orders.sql', 'CREATE VIEW sales.v_open_orders AS SELECT 1 AS a')];
  const objects = await sqlserverDialect.schemaModel!.fileObjects(files);
  assert.equal(objects.get('Tables/sales.orders.sql'), [objectKeySqlServer(example('table', 'sales', 'orders'))]);
  assert.equal(objects.get('Views/sales.v_open_orders.sql'), [objectKeySqlServer(example('view', 'sales', 'v_open_orders'))]);
});

test('the schemas a folder creates objects in, as written', () => {
  assert.equal(schemasOfBatches(itemsOf(file('a.sql', 'CREATE SCHEMA Sales\nGO\nCREATE TABLE Sales.t (id int)\nGO\nCREATE VIEW v AS SELECT 1 AS a'))), ['Sales', 'dbo']);
});

test('applying: a batch that waits for an object (208, 1767, 2715) is retried after the others', async () => {
  const created = new Set<string>();
  const applied: string[] = [];
  const run = async (text: string) => {
    if (text.includes('REFERENCES dbo.customers') && !created.has('customers')) throw requestError(1767, "Foreign key 'FK' references invalid table 'dbo.customers'.");
    if (text.includes('FROM dbo.orders') && !created.has('orders')) throw requestError(208, "Invalid object name 'dbo.orders'.");
    if (text.includes('phone dbo.Phone') && !created.has('Phone')) throw requestError(2715, "Column, parameter, or variable #1: Cannot find data type dbo.Phone.");
    applied.push(text.split(' ')[2]!);
    for (const name of ['customers', 'orders', 'Phone']) if (text.startsWith(`CREATE ${name === 'Phone' ? 'TYPE' : 'TABLE'} dbo.${name}`)) created.add(name);
  };
  const items = itemsOf(
    file('Views/dbo.v.sql', 'CREATE VIEW dbo.v AS SELECT id FROM dbo.orders'),
    file('Tables/dbo.orders.sql', 'CREATE TABLE dbo.orders (id int, customer_id int REFERENCES dbo.customers (id), phone dbo.Phone)'),
    file('Tables/dbo.customers.sql', 'CREATE TABLE dbo.customers (id int PRIMARY KEY)'),
    file('Types/dbo.Phone.sql', 'CREATE TYPE dbo.Phone FROM nvarchar(20)'),
  );
  const progress: string[] = [];
  await applyBatches(run, items, 'parity_schema_model_x', new AbortController().signal, (m) => progress.push(m));
  assert.equal(applied, ['dbo.customers', 'dbo.Phone', 'dbo.orders', 'dbo.v']);
  assert.equal(progress, ['applying 4 batches', 'applying 2 batches again (round 2)', 'applying 1 batches again (round 3)']);
});

test('applying: another error stops at once as SCHEMA_MODEL_ERROR at file:line (batch start + server line), without the scratch name', async () => {
  const items = itemsOf(file('Tables/dbo.t.sql', '-- t\nCREATE TABLE dbo.t (id int)\nGO\n\nCREATE TABLE dbo.u (\n  id int,\n  id int\n)\nGO'));
  const run = async (text: string) => {
    if (text.includes('dbo.u')) throw requestError(2705, "Column names in each table must be unique. Column name 'id' in table 'parity_schema_model_x.dbo.u' is specified more than once.", 3);
  };
  try {
    await applyBatches(run, items, 'parity_schema_model_x', new AbortController().signal);
    assert.unreachable();
  } catch (error) {
    assert.instance(error, ParityError);
    assert.is((error as ParityError).code, 'SCHEMA_MODEL_ERROR');
    assert.is((error as ParityError).where, 'Tables/dbo.t.sql:7');
    assert.is((error as ParityError).message, "SQL Server error 2705: Column names in each table must be unique. Column name 'id' in table 'schema model.dbo.u' is specified more than once.");
  }
});

test('applying: when nothing progresses, the first waiting batch is the error', async () => {
  const items = itemsOf(file('Views/dbo.v.sql', 'CREATE VIEW dbo.v AS SELECT * FROM dbo.missing'));
  try {
    await applyBatches(async () => Promise.reject(requestError(208, "Invalid object name 'dbo.missing'.")), items, 's', new AbortController().signal);
    assert.unreachable();
  } catch (error) {
    assert.equal([(error as ParityError).code, (error as ParityError).where], ['SCHEMA_MODEL_ERROR', 'Views/dbo.v.sql:1']);
  }
});

test('reading files: an empty folder needs no server; files without a build environment are CONFIG_ERROR', async () => {
  assert.equal(await readSqlServerFiles([], { schemas: [] }), { dialect: 'sqlserver', schemas: [], objects: [] });
  assert.equal(await readSqlServerFiles([file('README.sql', '-- nothing yet\nGO\n')], { schemas: ['dbo'] }), { dialect: 'sqlserver', schemas: ['dbo'], objects: [] });
  try {
    await readSqlServerFiles([file('Tables/dbo.t.sql', 'CREATE TABLE dbo.t (id int)')], { schemas: [] });
    assert.unreachable();
  } catch (error) {
    assert.equal([(error as ParityError).code, (error as ParityError).message], ['CONFIG_ERROR', 'reading a SQL Server schema model needs a SQL Server build environment: pass -buildEnvironment=NAME']);
  }
});

test.run();
