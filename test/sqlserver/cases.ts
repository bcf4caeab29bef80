/**
 * Hand-built SQL Server objects for the golden tests: the example database's objects
 * (snapshots/sqlserver-example.json, the model of test/fixtures/catalog/sqlserver/sales) and changed
 * copies of them, one generate case per kind of change.
 */
import fs from 'node:fs';
import type { Column, Domain, Index, Routine, SchemaDef, SchemaObject, Sequence, Table, Trigger, View } from '../../src/model/objects.ts';

export const EXAMPLE: readonly SchemaObject[] = (JSON.parse(fs.readFileSync(new URL('../../snapshots/sqlserver-example.json', import.meta.url), 'utf8')) as { model: { objects: SchemaObject[] } }).model.objects;

export function example<T extends SchemaObject>(kind: T['kind'], schema: string, name: string): T {
  const object = EXAMPLE.find((o) => o.kind === kind && o.schema === schema && o.name === name);
  if (!object) throw new Error(`no ${kind} ${schema}.${name} in the example`);
  return object as T;
}

const orders = example<Table>('table', 'sales', 'orders');
const customers = example<Table>('table', 'sales', 'customers');
const lines = example<Table>('table', 'sales', 'order_lines');
const view = example<View>('view', 'sales', 'v_open_orders');
const tax = example<Routine>('function', 'dbo', 'fn_tax');
const ordersOf = example<Routine>('function', 'sales', 'fn_orders_of');
const closeOrder = example<Routine>('procedure', 'sales', 'usp_close_order');
const numbers = example<Sequence>('sequence', 'dbo', 'order_numbers');
const phone = example<Domain>('domain', 'dbo', 'Phone');
const salesSchema = example<SchemaDef>('schema', 'sales', 'sales');

const withColumns = (table: Table, map: (columns: readonly Column[]) => Column[]): Table => ({ ...table, columns: map(table.columns) });
const replaceColumn = (table: Table, name: string, change: (c: Column) => Column | undefined): Table =>
  withColumns(table, (cols) => cols.flatMap((c) => (c.name === name ? [change(c)].filter((x): x is Column => x !== undefined) : [c])));

/** One object of every kind, for the CREATE renderer. */
export const RENDER_CASES: Readonly<Record<string, SchemaObject>> = {
  schema_with_comment: salesSchema,
  schema_plain: { kind: 'schema', schema: 'Reporting Tools', name: 'Reporting Tools' },
  table_full: orders,
  table_identity_alias_type_rowversion: customers,
  table_nonclustered_pk_disabled_fk_and_index: lines,
  table_minimal_heap: { kind: 'table', schema: 'dbo', name: 'log]book', columns: [{ name: 'line', type: 'nvarchar(max)', nullable: true }], uniqueConstraints: [], checkConstraints: [], foreignKeys: [], indexes: [], triggers: [] },
  view_schemabinding: view,
  function_scalar: tax,
  function_inline_table: ordersOf,
  procedure_output_parameter: closeOrder,
  sequence_bigint: numbers,
  sequence_no_cache_cycle: example<Sequence>('sequence', 'sales', 'ticket_no'),
  domain_alias_type: phone,
};

export interface GenerateCase {
  readonly source: readonly SchemaObject[];
  readonly target: readonly SchemaObject[];
}

const auditTrigger = orders.triggers[0]!;
const newTrigger: Trigger = { ...auditTrigger, name: 'TR_orders_stamp', events: ['INSERT'], definition: 'CREATE TRIGGER sales.TR_orders_stamp ON sales.orders\nAFTER INSERT\nAS\nSET NOCOUNT ON;', enabled: true };
delete (newTrigger as { enabled?: boolean }).enabled;
const rushIndex: Index = { name: 'IX_orders_rush', unique: false, method: 'nonclustered', keys: ['[is_rush]', '[placed_on] DESC'], include: ['customer_id'], where: '[is_rush]=(1)' };

export const GENERATE_CASES: Readonly<Record<string, GenerateCase>> = {
  // The whole example into an empty database, and back (the undo drops it all).
  example_from_empty: { source: EXAMPLE, target: [] },
  // Columns: added (with a system-named default), dropped (named and system-named defaults first),
  // widened and narrowed (the index on it dropped and created around ALTER COLUMN), NOT NULL, a new
  // default, IDENTITY and computed columns recreated, a comment changed.
  column_changes: {
    source: [
      withColumns(
        replaceColumn(
          replaceColumn(
            replaceColumn(replaceColumn(replaceColumn(orders, 'status', (c) => ({ ...c, type: 'varchar(40)', default: "'open'" })), 'is_rush', () => undefined), 'note', (c) => ({ ...c, type: 'nvarchar(50)', nullable: false, comment: 'Short note' })),
            'total_with_tax',
            (c) => ({ ...c, generated: '[total]*(1.25)' }),
          ),
          'placed_on',
          (c) => ({ ...c, default: 'getdate()' }),
        ),
        (cols) => [...cols, { name: 'channel', type: 'varchar(10)', nullable: false, default: "'web'" }],
      ),
    ],
    target: [orders],
  },
  // Keys: a primary key made nonclustered, a unique constraint added, a CHECK added unchecked, a FK
  // disabled, another FK dropped.
  constraints: {
    source: [
      {
        ...customers,
        primaryKey: { ...customers.primaryKey!, extras: { clustered: false } },
        uniqueConstraints: [...customers.uniqueConstraints, { name: 'UQ_customers_name', columns: ['phone'], extras: { clustered: true } }],
        checkConstraints: [{ name: 'CK_customers_email', expression: "[email] like '%@%'", extras: { notTrusted: true } }],
      },
      { ...orders, foreignKeys: [{ ...orders.foreignKeys[0]!, extras: { disabled: true } }] },
      { ...lines, foreignKeys: [] },
    ],
    target: [customers, orders, lines],
  },
  // Indexes: added (filtered, INCLUDE, DESC), dropped, changed; triggers: added, changed, dropped.
  indexes_and_triggers: {
    source: [
      {
        ...orders,
        indexes: [...orders.indexes.filter((i) => i.name !== 'IX_orders_customer').map((i) => (i.name === 'IX_orders_status' ? { ...i, include: ['total', 'note'] } : i)), rushIndex],
        triggers: [{ ...auditTrigger, enabled: true }, newTrigger],
      },
      { ...lines, triggers: [] },
    ],
    target: [orders, { ...lines, triggers: [{ ...newTrigger, name: 'TR_lines_gone', definition: 'CREATE TRIGGER sales.TR_lines_gone ON sales.order_lines AFTER INSERT AS SET NOCOUNT ON;' }] }],
  },
  // Views and routines: ALTER with the new text; a scalar function that becomes table-valued is dropped
  // and created, and the view that calls it around it; a procedure added, another dropped.
  modules: {
    source: [
      orders,
      { ...view, definition: view.definition.replace('o.total', 'o.total, o.status') },
      { ...tax, definition: tax.definition.replace('0.2', '0.25') },
      { ...ordersOf, extras: { functionType: 'TF' }, definition: 'CREATE FUNCTION sales.fn_orders_of (@customer int)\nRETURNS @out TABLE (id bigint)\nAS\nBEGIN\n    INSERT @out SELECT id FROM sales.orders WHERE customer_id = @customer;\n    RETURN;\nEND' },
      { kind: 'view', schema: 'sales', name: 'v_calls', definition: 'CREATE VIEW sales.v_calls AS SELECT * FROM sales.fn_orders_of(1)' },
      { ...closeOrder, name: 'usp_reopen_order', baseName: 'usp_reopen_order', definition: closeOrder.definition.replace(/usp_close_order/g, 'usp_reopen_order').replace("'done'", "'new'") },
    ],
    target: [orders, view, tax, ordersOf, { kind: 'view', schema: 'sales', name: 'v_calls', definition: 'CREATE VIEW sales.v_calls AS SELECT * FROM sales.fn_orders_of(1)' }, closeOrder],
  },
  // A column's type changes under a SCHEMABINDING view: the view is dropped first and created after.
  view_around_column_type: {
    source: [replaceColumn(orders, 'total', (c) => ({ ...c, type: 'decimal(14,2)' })), view],
    target: [orders, view],
  },
  // Sequences altered in place, or recreated for a new type; alias types recreated; schema comments.
  sequences_types_schemas: {
    source: [
      { ...numbers, increment: '5', cache: '50', maxValue: '1000000' },
      { ...example<Sequence>('sequence', 'sales', 'ticket_no'), dataType: 'bigint' },
      { ...phone, baseType: 'nvarchar(30)' },
      { ...salesSchema, comment: 'Orders, customers and tickets' },
      { kind: 'schema', schema: 'archive', name: 'archive', comment: 'Old rows' },
    ],
    target: [numbers, example<Sequence>('sequence', 'sales', 'ticket_no'), phone, salesSchema],
  },
};
