/**
 * A realistic PostgreSQL model covering every object kind, in dependency order, for the renderer's
 * live test: a table with a foreign key to another table, views on tables, an enum and a domain used
 * by columns, a function used by triggers, a sequence owned by a column. Values are written as the
 * normalizer delivers them (format_type, pg_get_expr / pg_get_*def with search_path = '').
 */
import type {
  CompositeType,
  Domain,
  EnumType,
  Extension,
  MaterializedView,
  Routine,
  SchemaDef,
  SchemaObject,
  Sequence,
  Table,
  View,
} from '../../src/model/objects.js';

export interface LiveObjects {
  /** Every object, in an order that creates dependencies first. */
  readonly ordered: readonly SchemaObject[];
  readonly customers: Table;
  readonly orders: Table;
  readonly events: Table;
  readonly customerOrders: View;
  readonly bigOrders: View;
  readonly orderStats: MaterializedView;
  readonly orderNoSeq: Sequence;
  readonly routines: readonly Routine[];
}

const noParts = { uniqueConstraints: [], checkConstraints: [], foreignKeys: [], indexes: [], triggers: [] } as const;

export function liveObjects(citextVersion: string): LiveObjects {
  const app: SchemaDef = { kind: 'schema', schema: 'app', name: 'app', comment: "the application's schema" };
  const sales: SchemaDef = { kind: 'schema', schema: 'Sales', name: 'Sales', comment: 'Mixed "Case"' };
  const citext: Extension = { kind: 'extension', schema: 'app', name: 'citext', version: citextVersion, comment: 'ci text' };

  const mood: EnumType = { kind: 'enum', schema: 'app', name: 'mood', values: ['sad', 'ok', 'happy'], comment: 'feelings' };
  const status: EnumType = { kind: 'enum', schema: 'Sales', name: 'Status', values: ['new', "it's done"] };
  const email: Domain = {
    kind: 'domain',
    schema: 'app',
    name: 'email_address',
    baseType: 'app.citext',
    nullable: false,
    comment: 'an address',
    checkConstraints: [
      { name: 'email_address_check', expression: "(strpos((VALUE)::text, '@'::text) > 1)", comment: "needs an '@'" },
    ],
  };
  const positive: Domain = {
    kind: 'domain',
    schema: 'app',
    name: 'positive_int',
    baseType: 'integer',
    nullable: true,
    default: '1',
    checkConstraints: [{ name: 'Positive', expression: '(VALUE > 0)' }],
  };
  const shortText: Domain = {
    kind: 'domain',
    schema: 'app',
    name: 'short_text',
    baseType: 'character varying(40)',
    collation: '"C"',
    nullable: true,
    checkConstraints: [],
  };
  const address: CompositeType = {
    kind: 'compositeType',
    schema: 'app',
    name: 'address',
    comment: 'postal',
    attributes: [
      { name: 'street', type: 'text', collation: '"C"', comment: 'street and number' },
      { name: 'zip', type: 'character varying(10)' },
      { name: 'Country', type: 'character(2)', comment: '' },
    ],
  };
  const orderNoSeq: Sequence = {
    kind: 'sequence',
    schema: 'app',
    name: 'order_no_seq',
    comment: 'order numbers',
    dataType: 'bigint',
    start: '1000',
    increment: '1',
    minValue: '1',
    maxValue: '9223372036854775807',
    cache: '1',
    cycle: false,
    ownedBy: 'Order.order_no',
  };
  const plainSeq: Sequence = { kind: 'sequence', schema: 'Sales', name: 'Plain Seq', cycle: true, increment: '-2', maxValue: '0' };

  const touch: Routine = {
    kind: 'function',
    schema: 'app',
    name: 'touch_updated_at()',
    baseName: 'touch_updated_at',
    arguments: [],
    returns: 'trigger',
    language: 'plpgsql',
    comment: 'sets updated_at',
    definition:
      'CREATE OR REPLACE FUNCTION app.touch_updated_at()\n' +
      ' RETURNS trigger\n' +
      ' LANGUAGE plpgsql\n' +
      'AS $function$\n' +
      'BEGIN\n' +
      '    NEW.updated_at := pg_catalog.now();\n' +
      '    RETURN NEW;\n' +
      'END\n' +
      '$function$\n',
  };
  const insertOrder: Routine = {
    kind: 'function',
    schema: 'Sales',
    name: 'Insert Order()',
    baseName: 'Insert Order',
    arguments: [],
    returns: 'trigger',
    language: 'plpgsql',
    definition:
      'CREATE OR REPLACE FUNCTION "Sales"."Insert Order"()\n' +
      ' RETURNS trigger\n' +
      ' LANGUAGE plpgsql\n' +
      'AS $function$\n' +
      'BEGIN\n' +
      '    INSERT INTO app."Order" (customer_id, price) VALUES (NEW.id, NEW.total);\n' +
      '    RETURN NEW;\n' +
      'END\n' +
      '$function$\n',
  };
  const archive: Routine = {
    kind: 'procedure',
    schema: 'app',
    name: 'archive_orders(date, integer)',
    baseName: 'archive_orders',
    arguments: [
      { name: 'before', mode: 'IN', type: 'date' },
      { name: 'moved', mode: 'INOUT', type: 'integer' },
    ],
    language: 'plpgsql',
    comment: 'moves old orders',
    definition:
      'CREATE OR REPLACE PROCEDURE app.archive_orders(IN before date, INOUT moved integer)\n' +
      ' LANGUAGE plpgsql\n' +
      'AS $procedure$\n' +
      'BEGIN\n' +
      '    moved := 0;\n' +
      'END\n' +
      '$procedure$\n',
  };
  const concatAll: Routine = {
    kind: 'aggregate',
    schema: 'app',
    name: 'concat_all(text)',
    baseName: 'concat_all',
    arguments: [{ mode: 'IN', type: 'text' }],
    returns: 'text',
    language: 'internal',
    comment: "concatenates 'text'",
    definition: "CREATE AGGREGATE app.concat_all(text) (SFUNC = textcat, STYPE = text, INITCOND = '')",
  };

  const customers: Table = {
    kind: 'table',
    schema: 'app',
    name: 'customers',
    comment: 'who orders',
    columns: [
      {
        name: 'id',
        type: 'integer',
        nullable: false,
        identity: {
          generation: 'always',
          sequence: { dataType: 'integer', start: '1000', increment: '1', minValue: '1', maxValue: '2147483647', cache: '1', cycle: false },
        },
        comment: 'surrogate key',
      },
      { name: 'legacy_no', type: 'bigint', nullable: false, identity: { generation: 'by default' } },
      { name: 'email', type: 'app.email_address', nullable: false },
      { name: 'name', type: 'character varying(200)', nullable: false, collation: '"C"', comment: "customer's name" },
      { name: 'nick', type: 'app.short_text', nullable: true },
      { name: 'mood', type: 'app.mood', nullable: true, default: "'ok'::app.mood" },
      { name: 'home', type: 'app.address', nullable: true },
      { name: 'score', type: 'app.positive_int', nullable: true },
      { name: 'parent_id', type: 'integer', nullable: true },
    ],
    primaryKey: { name: 'customers_pkey', columns: ['id'], comment: 'the key' },
    uniqueConstraints: [
      { name: 'customers_email_key', columns: ['email'], nullsNotDistinct: true, comment: 'one per address' },
      { name: 'customers_legacy_no_key', columns: ['legacy_no'], deferrable: true },
    ],
    checkConstraints: [{ name: 'customers_name_check', expression: "((name)::text <> ''::text)", noInherit: true }],
    foreignKeys: [
      {
        name: 'customers_parent_id_fkey',
        columns: ['parent_id'],
        referencedSchema: 'app',
        referencedTable: 'customers',
        referencedColumns: ['id'],
        onUpdate: 'NO ACTION',
        onDelete: 'SET NULL',
        match: 'FULL',
        deferrable: true,
        initiallyDeferred: true,
      },
    ],
    indexes: [
      {
        name: 'customers_lower_name_idx',
        unique: false,
        method: 'btree',
        keys: ['lower((name)::text) text_pattern_ops', 'id DESC'],
        comment: 'search by name',
      },
    ],
    triggers: [],
  };

  const orders: Table = {
    kind: 'table',
    schema: 'app',
    name: 'Order',
    comment: 'It\'s an "Order"',
    columns: [
      { name: 'order_no', type: 'bigint', nullable: false, default: "nextval('app.order_no_seq'::regclass)" },
      { name: 'customer_id', type: 'integer', nullable: false },
      { name: 'user', type: 'text', nullable: true, comment: 'reserved word' },
      { name: 'status', type: '"Sales"."Status"', nullable: false, default: '\'new\'::"Sales"."Status"' },
      { name: 'price', type: 'numeric(10,2)', nullable: false },
      { name: 'qty', type: 'integer', nullable: false, default: '1' },
      { name: 'total', type: 'numeric', nullable: true, generated: '(price * (qty)::numeric)' },
      { name: 'tags', type: 'text[]', nullable: false, default: "'{}'::text[]" },
      { name: 'say "hi"', type: 'text', nullable: true, collation: '"POSIX"' },
      { name: 'updated_at', type: 'timestamp with time zone', nullable: false, default: 'CURRENT_TIMESTAMP' },
    ],
    primaryKey: { name: 'Order_pkey', columns: ['order_no'] },
    uniqueConstraints: [{ name: 'Order_customer_id_order_no_key', columns: ['customer_id', 'order_no'], initiallyDeferred: true }],
    checkConstraints: [{ name: 'Order_qty_check', expression: '(qty > 0)', comment: 'at least one' }],
    foreignKeys: [
      {
        name: 'Order_customer_id_fkey',
        columns: ['customer_id'],
        referencedSchema: 'app',
        referencedTable: 'customers',
        referencedColumns: ['id'],
        onUpdate: 'CASCADE',
        onDelete: 'CASCADE',
        comment: 'owner',
      },
    ],
    indexes: [
      {
        name: 'Order_open_idx',
        unique: true,
        method: 'btree',
        keys: ['customer_id', '"user"'],
        include: ['say "hi"', 'price'],
        nullsNotDistinct: true,
        where: "(status = 'new'::\"Sales\".\"Status\")",
        comment: 'open orders',
      },
      { name: 'Order_tags_idx', unique: false, method: 'gin', keys: ['tags'] },
    ],
    triggers: [
      {
        name: 'Order_audit',
        timing: 'AFTER',
        events: ['DELETE'],
        level: 'STATEMENT',
        definition:
          'CREATE TRIGGER "Order_audit" AFTER DELETE ON app."Order" FOR EACH STATEMENT EXECUTE FUNCTION app.touch_updated_at()',
        enabled: false,
      },
      {
        name: 'order_touch',
        timing: 'BEFORE',
        events: ['UPDATE'],
        level: 'ROW',
        when: '(old.price IS DISTINCT FROM new.price)',
        definition:
          'CREATE TRIGGER order_touch BEFORE UPDATE ON app."Order" FOR EACH ROW ' +
          'WHEN ((old.price IS DISTINCT FROM new.price)) EXECUTE FUNCTION app.touch_updated_at()',
        enabled: true,
        comment: 'keeps updated_at',
      },
    ],
  };

  const events: Table = {
    kind: 'table',
    schema: 'Sales',
    name: 'events',
    columns: [
      { name: 'id', type: 'bigint', nullable: false },
      { name: 'created_at', type: 'timestamp with time zone', nullable: false },
      { name: 'payload', type: 'jsonb', nullable: true },
    ],
    primaryKey: { name: 'events_pkey', columns: ['id', 'created_at'] },
    ...noParts,
    partitionBy: 'RANGE (created_at)',
  };

  const orderTotal: Routine = {
    kind: 'function',
    schema: 'app',
    name: 'order_total(integer)',
    baseName: 'order_total',
    arguments: [{ name: 'customer', mode: 'IN', type: 'integer' }],
    returns: 'numeric',
    language: 'sql',
    comment: 'sum for a customer',
    definition:
      'CREATE OR REPLACE FUNCTION app.order_total(customer integer)\n' +
      ' RETURNS numeric\n' +
      ' LANGUAGE sql\n' +
      ' STABLE\n' +
      'AS $function$ SELECT COALESCE(sum(total), 0) FROM app."Order" WHERE customer_id = customer $function$\n',
  };

  const customerOrders: View = {
    kind: 'view',
    schema: 'app',
    name: 'customer_orders',
    comment: 'orders with their customer',
    definition:
      'SELECT c.id, c.name, o.order_no, o.total FROM (app.customers c JOIN app."Order" o ON ((o.customer_id = c.id)))',
    columns: [
      { name: 'id', type: 'integer', comment: 'customer id' },
      { name: 'name', type: 'character varying(200)' },
      { name: 'order_no', type: 'bigint' },
      { name: 'total', type: 'numeric' },
    ],
    triggers: [
      {
        name: 'customer_orders_insert',
        timing: 'INSTEAD OF',
        events: ['INSERT'],
        level: 'ROW',
        definition:
          'CREATE TRIGGER customer_orders_insert INSTEAD OF INSERT ON app.customer_orders FOR EACH ROW EXECUTE FUNCTION "Sales"."Insert Order"()',
        comment: 'routes inserts',
      },
    ],
  };
  const bigOrders: View = {
    kind: 'view',
    schema: 'Sales',
    name: 'Big Orders',
    definition: 'SELECT order_no, customer_id, price FROM app."Order" WHERE (price > (1000)::numeric)',
    columns: [
      { name: 'order_no', type: 'bigint' },
      { name: 'customer_id', type: 'integer' },
      { name: 'price', type: 'numeric(10,2)' },
    ],
    checkOption: 'LOCAL',
    securityBarrier: true,
    securityInvoker: true,
  };
  const orderStats: MaterializedView = {
    kind: 'materializedView',
    schema: 'app',
    name: 'order_stats',
    comment: 'per customer',
    definition: 'SELECT customer_id, count(*) AS orders, sum(total) AS total FROM app."Order" GROUP BY customer_id',
    columns: [
      { name: 'customer_id', type: 'integer', comment: 'the customer' },
      { name: 'orders', type: 'bigint' },
      { name: 'total', type: 'numeric' },
    ],
    indexes: [
      { name: 'order_stats_customer_id_idx', unique: true, method: 'btree', keys: ['customer_id'], comment: 'for refresh' },
    ],
    withData: true,
  };

  return {
    ordered: [
      app,
      sales,
      citext,
      mood,
      status,
      email,
      positive,
      shortText,
      address,
      orderNoSeq,
      plainSeq,
      touch,
      insertOrder,
      archive,
      concatAll,
      customers,
      orders,
      events,
      orderTotal,
      customerOrders,
      bigOrders,
      orderStats,
    ],
    customers,
    orders,
    events,
    customerOrders,
    bigOrders,
    orderStats,
    orderNoSeq,
    routines: [touch, insertOrder, archive, concatAll, orderTotal],
  };
}
