/**
 * SQL Server T-SQL without a server: golden CREATE text per object kind (test/golden/sqlserver/render)
 * and golden migration scripts with their undo for every kind of change
 * (test/golden/sqlserver/generate); UPDATE_GOLDEN=1 rewrites them (review what it writes). The rules
 * are asserted directly too: every statement its own batch, `GO` alone on its line, the scripts split
 * back into exactly their statements, defaults dropped before their column changes, no sp_rename.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sqlserverDialect } from '../../src/dialects/sqlserver/sqlserver-dialect.ts';
import { splitBatches } from '../../src/dialects/sqlserver/sqlserver-script.ts';
import type { MigrationScript } from '../../src/generate/generate.ts';
import type { SchemaObject } from '../../src/model/objects.ts';
import { artifactOf, assertBefore, checkGolden, generateGoldenText, scriptsOf as scriptsOfArtifact, staleGoldenFiles, stepAt } from '../support/golden.ts';
import { GENERATE_CASES, RENDER_CASES } from './cases.ts';

function scriptsOf(name: string): [MigrationScript, MigrationScript] {
  const c = GENERATE_CASES[name]!;
  return scriptsOfArtifact(artifactOf(sqlserverDialect, c.source, c.target), name);
}

for (const [name, object] of Object.entries(RENDER_CASES)) {
  test(`render golden: ${name}`, () => checkGolden('sqlserver', 'render', name, `${sqlserverDialect.renderCreate(object)}\n`));
}

for (const name of Object.keys(GENERATE_CASES)) {
  test(`generate golden: ${name}; both scripts split back into their statements at GO`, () => {
    const [v, u] = scriptsOf(name);
    checkGolden('sqlserver', 'generate', name, generateGoldenText(v, u));
    for (const script of [v, u]) {
      const body = script.text.split('\n\n').filter((block) => !block.split('\n').every((line) => line.startsWith('--')));
      const batches = splitBatches(script.text).map((b) => b.text.split('\n').filter((line) => !line.startsWith('--')).join('\n').trim());
      const preamble = batches.filter((b) => b.startsWith('SET ')).length;
      assert.equal(batches.slice(preamble), script.steps.map((s) => s.sql), `${script.fileName} does not split into its statements`);
      assert.ok(body.length > 0);
      assert.not.match(script.text, /sp_rename/i, 'no renames');
      assert.is((script.text.match(/^GO$/gm) ?? []).length, script.steps.length + preamble, `${script.fileName}: one GO per statement`);
    }
  });
}

test('no stale golden files', () => {
  assert.equal(staleGoldenFiles('sqlserver', 'render', Object.keys(RENDER_CASES)), []);
  assert.equal(staleGoldenFiles('sqlserver', 'generate', Object.keys(GENERATE_CASES)), []);
});

test('every object kind SQL Server has is rendered by a case', () => {
  const kinds = new Set(Object.values(RENDER_CASES).map((o) => o.kind));
  for (const kind of ['schema', 'table', 'view', 'function', 'procedure', 'sequence', 'domain'] as const) assert.ok(kinds.has(kind), kind);
});

const index = stepAt;
const before = assertBefore;

test('order from empty: schema, alias type, sequences, tables, functions, foreign keys, views, triggers, comments; undo in reverse', () => {
  const [v, u] = scriptsOf('example_from_empty');
  before(v, 'CREATE SCHEMA [sales]', 'CREATE TYPE [dbo].[Phone]');
  before(v, 'CREATE TYPE [dbo].[Phone]', 'CREATE TABLE [sales].[customers]');
  before(v, 'CREATE SEQUENCE [dbo].[order_numbers]', 'CREATE TABLE [sales].[orders]');
  before(v, 'CREATE TABLE [sales].[orders]', 'ADD CONSTRAINT [FK_orders_customers]');
  before(v, 'CREATE TABLE [sales].[customers]', 'ADD CONSTRAINT [FK_orders_customers]');
  before(v, 'CREATE FUNCTION sales.fn_orders_of', 'CREATE VIEW sales.v_open_orders');
  before(v, 'CREATE VIEW sales.v_open_orders', 'CREATE TRIGGER sales.TR_orders_audit');
  before(v, 'CREATE TRIGGER sales.TR_orders_audit', 'DISABLE TRIGGER [sales].[TR_orders_audit] ON [sales].[orders]');
  before(v, 'ADD CONSTRAINT [FK_order_lines_orders]', 'NOCHECK CONSTRAINT [FK_order_lines_orders]');
  assert.match(v.text, 'ALTER TABLE [sales].[order_lines] WITH NOCHECK ADD CONSTRAINT [FK_order_lines_orders]');
  assert.match(v.text, /^-- Views, functions[^\n]*\nSET ANSI_NULLS ON\nGO\n/m);
  before(u, 'ALTER TABLE [sales].[orders] DROP CONSTRAINT [FK_orders_customers]', 'DROP TABLE [sales].[customers]');
  before(u, 'DROP VIEW [sales].[v_open_orders]', 'DROP TABLE [sales].[orders]');
  before(u, 'DROP TABLE [sales].[customers]', 'DROP TYPE [dbo].[Phone]');
  before(u, 'DROP TYPE [dbo].[Phone]', 'DROP SCHEMA [sales]');
  assert.not.match(v.text, 'CREATE SCHEMA [dbo]', 'dbo exists in every database');
  assert.match(v.text, 'No BEGIN/COMMIT here');
});

test('columns: a default constraint is dropped before its column changes or goes; a system-named one is looked up at run time', () => {
  const [v] = scriptsOf('column_changes');
  before(v, 'DROP CONSTRAINT [DF_orders_status]', 'ALTER COLUMN [status] varchar(40) NOT NULL');
  before(v, 'ALTER COLUMN [status] varchar(40) NOT NULL', "ADD CONSTRAINT [DF_orders_status] DEFAULT ('open') FOR [status]");
  const dropRush = v.steps.findIndex((s) => s.sql.includes("c.name = N'is_rush'"));
  assert.ok(dropRush >= 0 && dropRush < index(v, 'DROP COLUMN [is_rush]'), 'the system-named default of is_rush is found and dropped first');
  assert.match(v.steps[dropRush]!.sql, "IF @default IS NOT NULL EXEC (N'ALTER TABLE [sales].[orders] DROP CONSTRAINT ' + QUOTENAME(@default))");
  assert.is(v.steps.find((s) => s.sql.includes('ALTER COLUMN [status]'))!.destructive, undefined, 'varchar(20) to varchar(40) widens');
  assert.match(v.steps.find((s) => s.sql.includes('ALTER COLUMN [note]'))!.destructive ?? '', 'from nvarchar(100) to nvarchar(50)');
  before(v, 'DROP INDEX [IX_orders_status] ON [sales].[orders]', 'ALTER COLUMN [status]');
  before(v, 'ALTER COLUMN [status]', 'CREATE NONCLUSTERED INDEX [IX_orders_status]');
  assert.match(v.text, 'ALTER TABLE [sales].[orders] ADD [channel] varchar(10) NOT NULL DEFAULT (\'web\')');
  assert.match(v.text, 'ALTER TABLE [sales].[orders] ADD [total_with_tax] AS ([total]*(1.25)) PERSISTED');
  assert.match(v.text, "ADD DEFAULT (getdate()) FOR [placed_on]");
  assert.match(v.text, "EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Short note', @level0type = N'SCHEMA', @level0name = N'sales', @level1type = N'TABLE', @level1name = N'orders', @level2type = N'COLUMN', @level2name = N'note'");
});

test('constraints: dropped first, added after the columns; unchecked ones WITH NOCHECK; clustered-ness changes recreate the key', () => {
  const [v, u] = scriptsOf('constraints');
  before(v, 'ALTER TABLE [sales].[customers] DROP CONSTRAINT [PK_customers]', 'ADD CONSTRAINT [PK_customers] PRIMARY KEY NONCLUSTERED ([id])');
  assert.match(v.text, "ALTER TABLE [sales].[customers] WITH NOCHECK ADD CONSTRAINT [CK_customers_email] CHECK ([email] like '%@%')");
  assert.match(v.text, 'ADD CONSTRAINT [UQ_customers_name] UNIQUE CLUSTERED ([phone])');
  before(v, 'ALTER TABLE [sales].[orders] DROP CONSTRAINT [FK_orders_customers]', 'ALTER TABLE [sales].[orders] WITH NOCHECK ADD CONSTRAINT [FK_orders_customers]');
  before(v, 'WITH NOCHECK ADD CONSTRAINT [FK_orders_customers]', 'ALTER TABLE [sales].[orders] NOCHECK CONSTRAINT [FK_orders_customers]');
  assert.is(v.steps.find((s) => s.sql.includes('DROP CONSTRAINT [FK_order_lines_orders]'))?.phase, 'dropForeignKeys');
  assert.match(u.text, 'ADD CONSTRAINT [PK_customers] PRIMARY KEY CLUSTERED ([id])');
});

test('indexes and triggers: drop before create, filtered index with INCLUDE, a trigger enabled again is recreated', () => {
  const [v] = scriptsOf('indexes_and_triggers');
  assert.match(v.text, 'CREATE NONCLUSTERED INDEX [IX_orders_rush] ON [sales].[orders] ([is_rush], [placed_on] DESC) INCLUDE ([customer_id]) WHERE [is_rush]=(1)');
  assert.match(v.text, 'DROP INDEX [IX_orders_customer] ON [sales].[orders]');
  before(v, 'DROP INDEX [IX_orders_status]', 'CREATE NONCLUSTERED INDEX [IX_orders_status]');
  before(v, 'DROP TRIGGER [sales].[TR_orders_audit]', 'CREATE TRIGGER sales.TR_orders_audit');
  assert.not.match(v.text, 'DISABLE TRIGGER');
  assert.match(v.text, 'DROP TRIGGER [sales].[TR_lines_gone]');
  assert.is(v.steps.find((s) => s.sql.startsWith('DROP TRIGGER'))!.phase, 'dropTriggers');
});

test('modules: ALTER keeps the author\'s text; scalar to table-valued drops and creates, with the view that calls it around', () => {
  const [v] = scriptsOf('modules');
  assert.match(v.text, 'ALTER VIEW sales.v_open_orders\nWITH SCHEMABINDING');
  assert.match(v.text, 'ALTER FUNCTION dbo.fn_tax (@amount decimal(12,2))');
  before(v, 'DROP VIEW [sales].[v_calls]', 'DROP FUNCTION [sales].[fn_orders_of]');
  before(v, 'DROP FUNCTION [sales].[fn_orders_of]', 'RETURNS @out TABLE');
  before(v, 'RETURNS @out TABLE', 'CREATE VIEW sales.v_calls');
  assert.match(v.text, 'CREATE PROCEDURE sales.usp_reopen_order');
  assert.match(v.text, 'DROP PROCEDURE [sales].[usp_close_order]');
});

test('a SCHEMABINDING view is dropped before its column changes type and created after', () => {
  const [v] = scriptsOf('view_around_column_type');
  before(v, 'DROP VIEW [sales].[v_open_orders]', 'ALTER COLUMN [total] decimal(14,2)');
  before(v, 'ALTER COLUMN [total] decimal(14,2)', 'CREATE VIEW sales.v_open_orders');
  // The CHECK and the index that name the column go before ALTER COLUMN and come back after it.
  before(v, 'DROP CONSTRAINT [CK_orders_total]', 'ALTER COLUMN [total] decimal(14,2)');
  before(v, 'ALTER COLUMN [total] decimal(14,2)', 'ADD CONSTRAINT [CK_orders_total] CHECK ([total]>=(0))');
  before(v, 'DROP INDEX [IX_orders_status]', 'ALTER COLUMN [total] decimal(14,2)');
  // The index comes back with its MS_Description, which went with it.
  before(v, 'CREATE NONCLUSTERED INDEX [IX_orders_status]', "@value = N'Open orders by status', @level0type = N'SCHEMA', @level0name = N'sales', @level1type = N'TABLE', @level1name = N'orders', @level2type = N'INDEX', @level2name = N'IX_orders_status'");
});

test('sequences, alias types and schema comments', () => {
  const [v] = scriptsOf('sequences_types_schemas');
  assert.match(v.text, 'ALTER SEQUENCE [dbo].[order_numbers] INCREMENT BY 5 MAXVALUE 1000000 CACHE 50');
  before(v, 'DROP SEQUENCE [sales].[ticket_no]', 'CREATE SEQUENCE [sales].[ticket_no] AS bigint');
  before(v, 'DROP TYPE [dbo].[Phone]', 'CREATE TYPE [dbo].[Phone] FROM nvarchar(30) NOT NULL');
  assert.match(v.text, "EXEC sys.sp_updateextendedproperty @name = N'MS_Description', @value = N'Orders, customers and tickets', @level0type = N'SCHEMA', @level0name = N'sales'");
  before(v, 'CREATE SCHEMA [archive]', "@value = N'Old rows'");
});

test('names are bracketed with ] doubled, strings N-quoted with \' doubled', () => {
  const text = sqlserverDialect.renderCreate(RENDER_CASES['table_minimal_heap'] as SchemaObject);
  assert.match(text, 'CREATE TABLE [dbo].[log]]book]');
  const commented = sqlserverDialect.renderCreate({ kind: 'schema', schema: 's', name: 's', comment: "it's" });
  assert.match(commented, "@value = N'it''s'");
});

test.run();
