/**
 * MySQL schema-model files without a server: what each statement creates or changes (the owners
 * `model` finds an object's file by), which statements are refused, `file:line` positions, and the
 * folder layout of an unqualified model (schema '': no prefix in file names).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { SqlFile } from '../../src/dialects/dialect.ts';
import { mysqlSchemaModel } from '../../src/dialects/mysql/mysql-schema-model.ts';
import { splitMysqlScript } from '../../src/dialects/mysql/mysql-script.ts';
import { analyzeMysqlFiles } from '../../src/dialects/mysql/mysql-sql-statements.ts';
import type { SchemaObject, Table } from '../../src/model/objects.ts';
import { objectFilePath } from '../../src/schema-model/layout.ts';

const file = (path: string, text: string): SqlFile => ({ path, text });

test('owners: tables with their indexes and triggers, views, routines, events and ALTER DATABASE', async () => {
  const files = [
    file('Tables/orders.sql', 'CREATE TABLE `orders` (id int);\nCREATE INDEX ix ON orders (id);\nCREATE DEFINER=`root`@`localhost` TRIGGER t BEFORE INSERT ON `orders` FOR EACH ROW BEGIN SET NEW.id = 1; END;\nALTER TABLE orders ADD COLUMN x int AS (id + 1);'),
    file('Views/v.sql', 'CREATE OR REPLACE ALGORITHM=MERGE DEFINER=CURRENT_USER() SQL SECURITY INVOKER VIEW `v` AS SELECT 1;'),
    file('Functions/f.sql', 'SET NAMES utf8mb4;\nCREATE DEFINER=root@localhost FUNCTION IF NOT EXISTS `F`(a int) RETURNS int RETURN a;'),
    file('Procedures/p.sql', 'CREATE PROCEDURE p() BEGIN IF 1 THEN SELECT 1; END IF; END;'),
    file('Schemas/db.sql', 'ALTER DATABASE CHARACTER SET utf8mb4;\nCREATE EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1;'),
    file('Tables/with_rows.sql', 'CREATE TABLE kinds (id int);\nINSERT INTO kinds VALUES (1);'),
    file('misc.sql', 'DROP TABLE IF EXISTS a, b;\nRENAME TABLE a TO b;'),
  ];
  const owners = await mysqlSchemaModel.fileObjects(files);
  assert.equal(Object.fromEntries(owners), {
    'Tables/orders.sql': ['table:orders'],
    'Views/v.sql': ['view:v'],
    'Functions/f.sql': ['function:f'],
    'Procedures/p.sql': ['procedure:p'],
    'Schemas/db.sql': ['schema'],
    'Tables/with_rows.sql': ['table:kinds', 'data:kinds'],
    'misc.sql': ['unknown:misc.sql#0', 'unknown:misc.sql#1'],
  });
  assert.is(analyzeMysqlFiles(files).filter((s) => s.refusal).length, 0);
});

test('objectKey matches the owners fileObjects reports', () => {
  const key = (kind: SchemaObject['kind'], name: string) => mysqlSchemaModel.objectKey({ kind, schema: '', name } as SchemaObject);
  assert.is(key('table', 'orders'), 'table:orders');
  assert.is(key('view', 'v'), 'view:v');
  assert.is(key('function', 'F'), 'function:f');
  assert.is(key('procedure', 'p'), 'procedure:p');
  assert.is(key('schema', ''), 'schema');
});

test('statements start where their first word is: lines for messages', () => {
  const script = '-- header\n\nCREATE TABLE a (id int);\n/* note */ CREATE TABLE b (\n  id int\n);\n';
  const statements = splitMysqlScript(script);
  assert.equal(statements.map((s) => s.text.slice(0, 14)), ['CREATE TABLE a', 'CREATE TABLE b']);
  assert.equal(analyzeMysqlFiles([file('x.sql', script)]).map((s) => s.startLine), [3, 4]);
});

test('refusals name the statement and the line of the qualified name', () => {
  const refusals = analyzeMysqlFiles([
    file('a.sql', 'CREATE TABLE ok (id int);\nCREATE TRIGGER t BEFORE INSERT\n  ON other.ok FOR EACH ROW SET NEW.id = 1;'),
    file('b.sql', 'DROP TABLE ok, other.gone;\nALTER DATABASE app CHARACTER SET latin1;\nDROP DATABASE app;\nSELECT 1;'),
  ]).map((s) => s.refusal && `${s.file.path}:${s.refusal.line} ${s.refusal.message.split(':')[0]}`);
  assert.equal(refusals, [
    undefined,
    'a.sql:3 `other`.`ok` is qualified with a database',
    'b.sql:1 `other`.`gone` is qualified with a database',
    'b.sql:2 ALTER DATABASE with a name',
    'b.sql:3 DROP DATABASE',
    'b.sql:4 SELECT is not a statement a schema model holds (only DDL on database objects, DML on tables and session statements)',
  ]);
});

test('layout: objects of an unqualified model (schema "") have no prefix; qualified ones keep theirs', () => {
  // The layout looks only at kind, schema and name.
  const table = (schema: string, name: string) => ({ kind: 'table', schema, name }) as Table;
  assert.is(objectFilePath(table('', 'orders')), 'Tables/orders.sql');
  assert.is(objectFilePath(table('', 'a.b')), 'Tables/a.b.sql');
  assert.is(objectFilePath(table('', 'x/y')), 'Tables/x%2Fy.sql');
  assert.is(objectFilePath(table('sales', 'orders')), 'Tables/sales.orders.sql');
  assert.is(objectFilePath(table('a.b', 'c')), 'Tables/a%2Eb.c.sql');
  assert.is(objectFilePath({ kind: 'view', schema: '', name: 'v', definition: 'SELECT 1' }), 'Views/v.sql');
});

test.run();
