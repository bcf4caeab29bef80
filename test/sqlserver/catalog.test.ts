/**
 * SQL Server catalog rows -> model (test/fixtures/catalog/sqlserver, rows as SQL Server and the mssql
 * driver return them; README.md there names the sources), and the facts of the mapping asserted
 * directly, so a model file rewritten by mistake cannot hide a broken rule.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assembleModel, moduleKind } from '../../src/dialects/sqlserver/sqlserver-assembler.ts';
import { loadQuery, readSqlServerModel } from '../../src/dialects/sqlserver/sqlserver-introspector.ts';
import { CATALOG_QUERIES, type CatalogRows } from '../../src/dialects/sqlserver/sqlserver-rows.ts';
import type { Domain, Routine, Sequence, Table, View } from '../../src/model/objects.ts';
import { catalogFixtureTests, readFixture } from '../support/catalog-fixtures.ts';

const assemble = (name: string) => {
  const fixture = readFixture('sqlserver', name);
  return assembleModel(fixture.rows as unknown as CatalogRows, fixture.schemas);
};
const sales = assemble('sales');
const find = <T>(kind: string, schema: string, name: string): T => {
  const object = sales.objects.find((o) => o.kind === kind && o.schema === schema && o.name === name);
  assert.ok(object, `no ${kind} ${schema}.${name}`);
  return object as T;
};

const names = catalogFixtureTests(test, 'sqlserver', (fixture) => assembleModel(fixture.rows as unknown as CatalogRows, fixture.schemas));

test('the fixtures cover a full database and a heap', () => {
  assert.equal(names, ['heap_columnstore', 'sales']);
});

test('every fixture has rows for every catalog query, and no other', () => {
  for (const name of names) assert.equal(Object.keys(readFixture('sqlserver', name).rows).sort(), [...CATALOG_QUERIES].sort(), name);
});

test('types: bytes become characters for nvarchar, -1 is max, alias types are qualified, rowversion keeps its catalog name', () => {
  const customers = find<Table>('table', 'sales', 'customers');
  assert.equal(
    customers.columns.map((c) => c.type),
    ['int', 'nvarchar(200)', 'nvarchar(max)', 'datetime2(3)', '[dbo].[Phone]', 'timestamp'],
  );
  const lines = find<Table>('table', 'sales', 'order_lines');
  assert.equal(
    lines.columns.map((c) => c.type),
    ['bigint', 'smallint', 'char(12)', 'money', 'float', 'varbinary(max)'],
  );
});

test('defaults lose the parentheses SQL Server adds; only user-given constraint names are kept', () => {
  const orders = find<Table>('table', 'sales', 'orders');
  const status = orders.columns.find((c) => c.name === 'status')!;
  assert.is(status.default, "'new'");
  assert.equal(status.extras, { defaultName: 'DF_orders_status' });
  const total = orders.columns.find((c) => c.name === 'total')!;
  assert.is(total.default, '0');
  assert.is(total.extras, undefined, 'DF__orders__total__3A81B327 is system-named');
  assert.is(find<Table>('table', 'sales', 'customers').columns[3]!.default, 'sysutcdatetime()');
});

test('IDENTITY seeds as text whatever the driver gave (bigint as a string, int as a number); NOT FOR REPLICATION in extras', () => {
  const customers = find<Table>('table', 'sales', 'customers');
  assert.equal(customers.columns[0]!.identity, { generation: 'always', sequence: { start: '1', increment: '1' } });
  const orders = find<Table>('table', 'sales', 'orders');
  assert.equal(orders.columns[0]!.identity, { generation: 'always', sequence: { start: '1000', increment: '1' } });
  assert.equal(orders.columns[0]!.extras, { identityNotForReplication: true });
});

test('computed PERSISTED columns, collations that differ from the database, comments', () => {
  const orders = find<Table>('table', 'sales', 'orders');
  const tax = orders.columns.find((c) => c.name === 'total_with_tax')!;
  assert.is(tax.generated, '[total]*(1.2)');
  assert.equal(tax.extras, { persisted: true });
  assert.is(orders.columns.find((c) => c.name === 'note')!.collation, 'Latin1_General_CS_AS');
  assert.is(find<Table>('table', 'sales', 'customers').comment, 'People who order');
  assert.is(find<Table>('table', 'sales', 'customers').columns[2]!.comment, 'Full name as the customer typed it');
});

test('keys: clustered is the default of a primary key, nonclustered of a unique constraint; a nonclustered PK says so', () => {
  const customers = find<Table>('table', 'sales', 'customers');
  assert.equal(customers.primaryKey, { name: 'PK_customers', columns: ['id'] });
  assert.equal(customers.uniqueConstraints, [{ name: 'UQ_customers_email', columns: ['email'] }]);
  const lines = find<Table>('table', 'sales', 'order_lines');
  assert.equal(lines.primaryKey, { name: 'PK_order_lines', columns: ['order_id', 'line_no'], extras: { clustered: false } });
  assert.equal(
    lines.indexes.map((i) => [i.name, i.method, i.unique, i.extras ?? null]),
    [
      ['CX_order_lines_sku', 'clustered', false, null],
      ['UX_order_lines_sku_old', 'nonclustered', true, { disabled: true }],
    ],
  );
});

test('indexes: key order with DESC, INCLUDE columns, filter without parentheses, comment', () => {
  const orders = find<Table>('table', 'sales', 'orders');
  assert.equal(orders.indexes.find((i) => i.name === 'IX_orders_status'), {
    name: 'IX_orders_status',
    unique: false,
    method: 'nonclustered',
    keys: ['[status]', '[placed_on] DESC'],
    include: ['total'],
    where: "[status]<>'done'",
    comment: 'Open orders by status',
  });
});

test('foreign keys: actions with spaces, NOT FOR REPLICATION; disabled (and so untrusted) says disabled only', () => {
  const orders = find<Table>('table', 'sales', 'orders');
  assert.equal(orders.foreignKeys[0], {
    name: 'FK_orders_customers',
    columns: ['customer_id'],
    referencedSchema: 'sales',
    referencedTable: 'customers',
    referencedColumns: ['id'],
    onUpdate: 'NO ACTION',
    onDelete: 'CASCADE',
    extras: { notForReplication: true },
  });
  assert.equal(find<Table>('table', 'sales', 'order_lines').foreignKeys[0]!.extras, { disabled: true });
});

test('checks: expression without the outer parentheses; an untrusted one is marked', () => {
  const orders = find<Table>('table', 'sales', 'orders');
  assert.equal(orders.checkConstraints, [
    { name: 'CK_orders_status', expression: "[status]='done' OR [status]='new'", extras: { notTrusted: true } },
    { name: 'CK_orders_total', expression: '[total]>=(0)' },
  ]);
});

test('triggers: statement-level, AFTER, events sorted, disabled, module text with LF line ends', () => {
  const [trigger] = find<Table>('table', 'sales', 'orders').triggers;
  assert.equal({ ...trigger, definition: undefined }, { name: 'TR_orders_audit', timing: 'AFTER', events: ['INSERT', 'UPDATE'], level: 'STATEMENT', enabled: false, definition: undefined });
  assert.not.match(trigger!.definition, '\r');
  assert.ok(trigger!.definition.startsWith('CREATE TRIGGER sales.TR_orders_audit ON sales.orders\nAFTER INSERT, UPDATE'));
});

test('views: text normalized (no CR, no trailing blanks), CHECK OPTION, SCHEMABINDING, what they read', () => {
  const view = find<View>('view', 'sales', 'v_open_orders');
  assert.is(view.definition, "CREATE VIEW sales.v_open_orders\nWITH SCHEMABINDING\nAS\nSELECT o.id, o.customer_id, o.total\nFROM sales.orders AS o\nWHERE o.status <> 'done'\nWITH CHECK OPTION");
  assert.is(view.checkOption, 'CASCADED');
  assert.equal(view.extras, { schemaBinding: true });
  assert.equal(view.dependsOn, [{ kind: 'table', schema: 'sales', name: 'orders' }]);
});

test('routines: one name each (no overloads), scalar return type, TABLE for table-valued, OUTPUT parameters INOUT', () => {
  const tax = find<Routine>('function', 'dbo', 'fn_tax');
  assert.equal([tax.baseName, tax.returns, tax.arguments, tax.extras], ['fn_tax', 'decimal(12,2)', [{ name: '@amount', mode: 'IN', type: 'decimal(12,2)' }], { functionType: 'FN' }]);
  const tvf = find<Routine>('function', 'sales', 'fn_orders_of');
  assert.equal([tvf.returns, tvf.extras], ['TABLE', { functionType: 'IF' }]);
  const proc = find<Routine>('procedure', 'sales', 'usp_close_order');
  assert.equal(proc.arguments.map((a) => a.mode), ['IN', 'INOUT']);
  assert.is(proc.returns, undefined);
  assert.is(proc.comment, 'Marks an order done');
});

test('sequences from sql_variant values; NO CACHE is cache 1; alias types are domains', () => {
  assert.equal(find<Sequence>('sequence', 'dbo', 'order_numbers'), {
    kind: 'sequence', schema: 'dbo', name: 'order_numbers', dataType: 'bigint', start: '1', increment: '1', minValue: '1', maxValue: '9223372036854775807', cycle: false,
  });
  const ticket = find<Sequence>('sequence', 'sales', 'ticket_no');
  assert.equal([ticket.start, ticket.increment, ticket.cache, ticket.cycle], ['100', '10', '1', true]);
  assert.equal(find<Domain>('domain', 'dbo', 'Phone'), { kind: 'domain', schema: 'dbo', name: 'Phone', baseType: 'nvarchar(20)', nullable: false, checkConstraints: [] });
});

test('a heap has no clustered index; a columnstore index is its method; nvarchar(4000), real, datetimeoffset(7)', () => {
  const heap = assemble('heap_columnstore');
  const staging = heap.objects.find((o) => o.kind === 'table') as Table;
  assert.is(staging.primaryKey, undefined);
  assert.equal(staging.indexes.map((i) => [i.method, i.keys]), [['nonclustered columnstore', ['[line]', '[amount]']]]);
  assert.equal(staging.columns.map((c) => c.type), ['nvarchar(4000)', 'datetime', 'numeric(18,0)', 'real', 'datetimeoffset(7)', 'uniqueidentifier']);
  assert.equal(staging.columns[5]!.extras, { defaultName: 'DF_staging_guid' });
});

test('sys.objects.type is char(2): padded codes are read', () => {
  assert.equal(['V ', 'FN', 'IF', 'TF', 'P ', 'TR', 'U '].map(moduleKind), ['view', 'function', 'function', 'function', 'procedure', 'trigger', undefined]);
});

test('queries: the schemas go in as N-literals (quotes doubled), every query file exists and filters by schema', async () => {
  for (const name of CATALOG_QUERIES) {
    const text = loadQuery(name, ['dbo', "o'brien"]);
    assert.match(text, "IN (N'dbo', N'o''brien')", name);
  }
  const seen: string[] = [];
  const rows = readFixture('sqlserver', 'sales').rows as Record<string, unknown[]>;
  const model = await readSqlServerModel(async (sql) => {
    const name = CATALOG_QUERIES.find((q) => sql === loadQuery(q, ['dbo', 'sales']))!;
    seen.push(name);
    return rows[name]!;
  }, ['dbo', 'sales']);
  assert.equal(seen, [...CATALOG_QUERIES]);
  assert.equal(model, sales);
});

test.run();
