/**
 * Hand-built model objects for the PostgreSQL renderer's golden tests, one per case; the expected SQL
 * is test/golden/postgres/render/<case>.sql. Values are written the way the normalizer delivers them:
 * types as format_type prints them, expressions as pg_get_expr prints them with search_path = '',
 * identifiers raw.
 */
import type { SchemaObject, Table } from '../../src/model/objects.js';

const emptyTableParts = {
  uniqueConstraints: [],
  checkConstraints: [],
  foreignKeys: [],
  indexes: [],
  triggers: [],
} as const;

const tableFull: Table = {
  kind: 'table',
  schema: 'app',
  name: 'customers',
  comment: 'People who order things',
  columns: [
    {
      name: 'id',
      type: 'integer',
      nullable: false,
      identity: {
        generation: 'always',
        sequence: {
          dataType: 'integer',
          start: '1000',
          increment: '5',
          minValue: '1',
          maxValue: '2147483647',
          cache: '20',
          cycle: false,
        },
      },
      comment: 'surrogate key',
    },
    { name: 'legacy_no', type: 'bigint', nullable: true, identity: { generation: 'by default' } },
    { name: 'email', type: 'app.email_address', nullable: false },
    { name: 'name', type: 'character varying(200)', nullable: false, collation: '"C"', comment: "the customer's name" },
    { name: 'mood', type: 'app.mood', nullable: true, default: "'ok'::app.mood" },
    { name: 'tags', type: 'text[]', nullable: false, default: "'{}'::text[]" },
    { name: 'price', type: 'numeric(10,2)', nullable: false, default: '0' },
    { name: 'qty', type: 'integer', nullable: false, default: '1' },
    { name: 'total', type: 'numeric', nullable: true, generated: "(price * (qty)::numeric)" },
    { name: 'created_at', type: 'timestamp with time zone', nullable: false, default: 'CURRENT_TIMESTAMP' },
    { name: 'parent_id', type: 'integer', nullable: true },
  ],
  primaryKey: { name: 'customers_pkey', columns: ['id'], comment: 'the key' },
  uniqueConstraints: [
    { name: 'customers_email_key', columns: ['email'], nullsNotDistinct: true, comment: 'one account per address' },
    { name: 'customers_name_legacy_key', columns: ['name', 'legacy_no'], deferrable: true, initiallyDeferred: true },
    { name: 'customers_legacy_key', columns: ['legacy_no'], deferrable: true },
  ],
  checkConstraints: [
    { name: 'customers_price_check', expression: "(price >= (0)::numeric)", comment: 'no negative prices' },
    { name: 'customers_qty_check', expression: '(qty > 0)', noInherit: true },
  ],
  foreignKeys: [
    {
      name: 'customers_parent_fkey',
      columns: ['parent_id'],
      referencedSchema: 'app',
      referencedTable: 'customers',
      referencedColumns: ['id'],
      onUpdate: 'CASCADE',
      onDelete: 'SET NULL',
      match: 'FULL',
      deferrable: true,
      initiallyDeferred: true,
      comment: 'parent account',
    },
    {
      name: 'customers_region_fkey',
      columns: ['legacy_no', 'name'],
      referencedSchema: 'ref',
      referencedTable: 'regions',
      referencedColumns: ['no', 'name'],
      onUpdate: 'NO ACTION',
      onDelete: 'RESTRICT',
      match: 'SIMPLE',
    },
  ],
  indexes: [
    {
      name: 'customers_lower_email_idx',
      unique: true,
      method: 'btree',
      keys: ['lower((email)::text)', 'created_at DESC NULLS LAST'],
      include: ['name'],
      nullsNotDistinct: true,
      where: '(parent_id IS NULL)',
      comment: 'case-insensitive email',
    },
    { name: 'customers_name_idx', unique: false, method: 'btree', keys: ['name text_pattern_ops'] },
    { name: 'customers_tags_idx', unique: false, method: 'gin', keys: ['tags'] },
  ],
  triggers: [
    {
      name: 'customers_audit',
      timing: 'AFTER',
      events: ['DELETE', 'INSERT', 'UPDATE OF name, email'],
      level: 'ROW',
      definition:
        'CREATE TRIGGER customers_audit AFTER INSERT OR DELETE OR UPDATE OF name, email ON app.customers ' +
        'FOR EACH ROW EXECUTE FUNCTION app.audit()',
      enabled: false,
      comment: 'audit trail',
    },
    {
      name: 'customers_touch',
      timing: 'BEFORE',
      events: ['UPDATE'],
      level: 'ROW',
      when: '(old.* IS DISTINCT FROM new.*)',
      definition:
        'CREATE TRIGGER customers_touch BEFORE UPDATE ON app.customers FOR EACH ROW ' +
        'WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION app.touch();',
      enabled: true,
    },
  ],
};

export const goldenCases: Record<string, SchemaObject> = {
  schema: { kind: 'schema', schema: 'app', name: 'app', comment: "Application's own objects" },
  schema_quoted_no_comment: { kind: 'schema', schema: 'My "Sales"', name: 'My "Sales"' },
  schema_reserved: { kind: 'schema', schema: 'user', name: 'user', comment: '' },

  table_full: tableFull,
  table_quoted_names: {
    kind: 'table',
    schema: 'Sales',
    name: 'Order',
    comment: 'It\'s the "Order" table; O\'Reilly said so',
    columns: [
      { name: 'user', type: 'integer', nullable: false, comment: 'reserved word "user"' },
      { name: 'Total', type: 'numeric(12,2)', nullable: true },
      { name: 'say "hi"', type: 'text', nullable: true, collation: '"en-x-icu"', comment: "quote's" },
      { name: 'order', type: '"Sales"."Status"', nullable: true, default: '\'new\'::"Sales"."Status"' },
      { name: '$weird', type: 'text', nullable: true },
      { name: 'snake_case_ok', type: 'text', nullable: true },
    ],
    primaryKey: { name: 'Order_pkey', columns: ['user'] },
    uniqueConstraints: [{ name: 'Order "uq"', columns: ['say "hi"', 'Total'] }],
    checkConstraints: [{ name: 'select', expression: '("Total" > (0)::numeric)', comment: 'a "check"' }],
    foreignKeys: [
      {
        name: 'Order_user_fkey',
        columns: ['user'],
        referencedSchema: 'public',
        referencedTable: 'user',
        referencedColumns: ['id'],
        onUpdate: 'NO ACTION',
        onDelete: 'CASCADE',
      },
    ],
    indexes: [
      { name: 'Order Total', unique: false, method: 'btree', keys: ['"Total"'], comment: "index's comment" },
    ],
    triggers: [
      {
        name: 'Order Trigger',
        timing: 'BEFORE',
        events: ['INSERT'],
        level: 'STATEMENT',
        definition:
          'CREATE TRIGGER "Order Trigger" BEFORE INSERT ON "Sales"."Order" FOR EACH STATEMENT EXECUTE FUNCTION "Sales"."Check"()',
        comment: 'trigger "quoted"',
      },
    ],
  },
  table_partitioned: {
    kind: 'table',
    schema: 'app',
    name: 'events',
    columns: [
      { name: 'id', type: 'bigint', nullable: false },
      { name: 'created_at', type: 'timestamp with time zone', nullable: false },
      { name: 'payload', type: 'jsonb', nullable: true },
    ],
    primaryKey: { name: 'events_pkey', columns: ['id', 'created_at'] },
    ...emptyTableParts,
    partitionBy: 'RANGE (created_at)',
  },
  /** A partition: its bound, a constraint and an index of its own, defaults and NOT NULL of its own on parent columns. */
  table_partition: {
    kind: 'table',
    schema: 'app',
    name: 'events_2024',
    comment: 'last year',
    columns: [
      { name: 'payload', type: 'jsonb', nullable: false, default: "'{}'::jsonb", comment: 'never empty', extras: { inherited: true } },
      { name: 'id', type: 'bigint', nullable: true, extras: { inherited: true } },
    ],
    ...emptyTableParts,
    checkConstraints: [{ name: 'events_2024_id_check', expression: 'id > 0' }],
    indexes: [{ name: 'events_2024_payload_idx', unique: false, method: 'gin', keys: ['payload'] }],
    partitionOf: { schema: 'app', table: 'events', bound: "FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')" },
    partitionBy: 'HASH (id)',
  },
  /** A DEFAULT partition in another schema, with nothing of its own. */
  table_partition_default: {
    kind: 'table',
    schema: 'archive',
    name: 'events_rest',
    columns: [],
    ...emptyTableParts,
    partitionOf: { schema: 'app', table: 'events', bound: 'DEFAULT' },
  },
  /** Inheritance, UNLOGGED, storage parameters, NOT VALID and exclusion constraints, row-level security, policies, privileges. */
  table_inherits_rls_policies_privileges: {
    kind: 'table',
    schema: 'app',
    name: 'docs',
    columns: [
      { name: 'tenant', type: 'integer', nullable: false },
      { name: 'during', type: 'tstzrange', nullable: true },
      { name: 'label', type: 'text', nullable: true, default: "'x'::text", extras: { inherited: true } },
    ],
    ...emptyTableParts,
    checkConstraints: [{ name: 'docs_tenant_check', expression: 'tenant > 0' }],
    policies: [
      { name: 'all_rows', command: 'ALL', permissive: true, roles: ['PUBLIC'], using: "tenant = current_setting('app.tenant'::text)::integer", comment: 'one tenant' },
      { name: 'Readers', command: 'SELECT', permissive: false, roles: ['app_reader', 'Auditors'], using: 'label IS NOT NULL' },
      { name: 'writers', command: 'INSERT', permissive: true, roles: ['app_writer'], withCheck: 'tenant > 0' },
    ],
    privileges: [
      { grantee: 'app_reader', privilege: 'SELECT', grantable: true },
      { grantee: 'app_writer', privilege: 'INSERT' },
      { grantee: 'app_writer', privilege: 'SELECT' },
    ],
    extras: {
      inherits: ['app.base', '"Other"."Base"'],
      unlogged: true,
      storageParameters: ['fillfactor=70'],
      rowLevelSecurity: true,
      forceRowLevelSecurity: true,
      notValid: ['docs_tenant_check'],
      exclusionConstraints: [{ name: 'docs_during_excl', definition: 'EXCLUDE USING gist (during WITH &&)', comment: 'no overlap' }],
    },
  },
  table_empty: { kind: 'table', schema: 'public', name: 'nothing', columns: [], ...emptyTableParts },

  view_basic: {
    kind: 'view',
    schema: 'app',
    name: 'active_customers',
    definition: ' SELECT id, name FROM app.customers WHERE (parent_id IS NULL);',
    columns: [
      { name: 'id', type: 'integer' },
      { name: 'name', type: 'character varying(200)' },
    ],
  },
  view_options: {
    kind: 'view',
    schema: 'Sales',
    name: 'Big Orders',
    comment: "orders over 1'000",
    definition: 'SELECT "user", "Total" FROM "Sales"."Order" WHERE ("Total" > (1000)::numeric)',
    columns: [
      { name: 'user', type: 'integer', comment: 'who' },
      { name: 'Total', type: 'numeric(12,2)' },
    ],
    checkOption: 'LOCAL',
    securityBarrier: true,
    securityInvoker: true,
    triggers: [
      {
        name: 'big_orders_insert',
        timing: 'INSTEAD OF',
        events: ['INSERT'],
        level: 'ROW',
        definition:
          'CREATE TRIGGER big_orders_insert INSTEAD OF INSERT ON "Sales"."Big Orders" FOR EACH ROW EXECUTE FUNCTION "Sales".insert_order()',
        enabled: false,
        comment: 'route inserts',
      },
    ],
  },
  view_cascaded_invoker_only: {
    kind: 'view',
    schema: 'app',
    name: 'v',
    definition: 'SELECT 1 AS one',
    checkOption: 'CASCADED',
    securityBarrier: false,
    securityInvoker: true,
  },

  materialized_view: {
    kind: 'materializedView',
    schema: 'app',
    name: 'order_stats',
    comment: 'nightly',
    definition: 'SELECT customer_id, count(*) AS orders FROM app.orders GROUP BY customer_id',
    columns: [
      { name: 'customer_id', type: 'integer', comment: 'the customer' },
      { name: 'orders', type: 'bigint' },
    ],
    indexes: [
      { name: 'order_stats_customer_idx', unique: true, method: 'btree', keys: ['customer_id'], comment: 'for REFRESH CONCURRENTLY' },
    ],
    withData: true,
  },
  materialized_view_no_data: {
    kind: 'materializedView',
    schema: 'My Schema',
    name: 'Empty',
    definition: 'SELECT 1 AS x',
    indexes: [],
    withData: false,
  },

  sequence_full: {
    kind: 'sequence',
    schema: 'app',
    name: 'order_no_seq',
    comment: 'order numbers',
    dataType: 'bigint',
    start: '100',
    increment: '-1',
    minValue: '-9223372036854775808',
    maxValue: '100',
    cache: '10',
    cycle: true,
    ownedBy: 'orders.order_no',
  },
  sequence_minimal: { kind: 'sequence', schema: 'app', name: 'plain_seq' },
  sequence_quoted_owner: {
    kind: 'sequence',
    schema: 'My Schema',
    name: 'Order_id_seq',
    dataType: 'integer',
    cycle: false,
    ownedBy: '"My Schema"."Order"."id"',
  },

  function: {
    kind: 'function',
    schema: 'app',
    name: 'order_total(integer, numeric, VARIADIC text[])',
    baseName: 'order_total',
    arguments: [
      { name: 'customer', mode: 'IN', type: 'integer' },
      { name: 'discount', mode: 'IN', type: 'numeric', default: '0' },
      { name: 'total', mode: 'OUT', type: 'numeric' },
      { name: 'notes', mode: 'VARIADIC', type: 'text[]' },
    ],
    returns: 'numeric',
    language: 'sql',
    comment: "sum of a customer's orders",
    definition:
      'CREATE OR REPLACE FUNCTION app.order_total(customer integer, discount numeric DEFAULT 0, OUT total numeric, VARIADIC notes text[])\n' +
      ' RETURNS numeric\n' +
      ' LANGUAGE sql\n' +
      ' STABLE\n' +
      'AS $function$ SELECT sum(price) - discount FROM app.orders WHERE customer_id = customer $function$\n',
  },
  function_quoted_trigger: {
    kind: 'function',
    schema: 'Sales',
    name: 'Check()',
    baseName: 'Check',
    arguments: [],
    returns: 'trigger',
    language: 'plpgsql',
    definition:
      'CREATE OR REPLACE FUNCTION "Sales"."Check"()\n' +
      ' RETURNS trigger\n' +
      ' LANGUAGE plpgsql\n' +
      'AS $function$\n' +
      'BEGIN\n' +
      '    RETURN NEW;\n' +
      'END\n' +
      '$function$\n',
    comment: 'no-op',
  },
  procedure: {
    kind: 'procedure',
    schema: 'app',
    name: 'archive(date)',
    baseName: 'archive',
    arguments: [
      { name: 'before', mode: 'IN', type: 'date' },
      { name: 'moved', mode: 'INOUT', type: 'integer' },
    ],
    language: 'plpgsql',
    comment: 'move old orders away',
    definition:
      'CREATE OR REPLACE PROCEDURE app.archive(IN before date, INOUT moved integer)\n' +
      ' LANGUAGE plpgsql\n' +
      'AS $procedure$\n' +
      'BEGIN\n' +
      '    moved := 0;\n' +
      'END\n' +
      '$procedure$',
  },
  aggregate: {
    kind: 'aggregate',
    schema: 'app',
    name: 'concat_all(text)',
    baseName: 'concat_all',
    arguments: [{ mode: 'IN', type: 'text' }],
    returns: 'text',
    language: 'internal',
    comment: 'concatenates',
    definition: "CREATE AGGREGATE app.concat_all(text) (SFUNC = textcat, STYPE = text, INITCOND = '');",
  },
  aggregate_no_args: {
    kind: 'aggregate',
    schema: 'app',
    name: 'tally()',
    baseName: 'tally',
    arguments: [],
    returns: 'bigint',
    language: 'internal',
    comment: 'counts rows',
    definition: 'CREATE AGGREGATE app.tally(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = \'0\')',
  },

  enum: { kind: 'enum', schema: 'app', name: 'mood', values: ['sad', 'ok', 'happy'], comment: 'how it feels' },
  enum_quoted: { kind: 'enum', schema: 'Sales', name: 'Status', values: ["it's new", 'Done "ok"', ''] },
  enum_empty: { kind: 'enum', schema: 'app', name: 'nothing_yet', values: [] },

  domain_full: {
    kind: 'domain',
    schema: 'app',
    name: 'email_address',
    baseType: 'character varying(320)',
    collation: '"C"',
    default: "'nobody@example.com'::character varying",
    nullable: false,
    comment: 'an e-mail address',
    checkConstraints: [
      { name: 'email_address_at', expression: "((VALUE)::text ~~ '%@%'::text)", comment: "must have an '@'" },
      { name: 'Email Length', expression: '(length((VALUE)::text) > 3)' },
    ],
  },
  domain_minimal: { kind: 'domain', schema: 'app', name: 'positive', baseType: 'integer', nullable: true, checkConstraints: [] },

  composite: {
    kind: 'compositeType',
    schema: 'app',
    name: 'address',
    comment: 'postal address',
    attributes: [
      { name: 'street', type: 'text', collation: '"C"', comment: 'street and number' },
      { name: 'zip', type: 'character varying(10)' },
      { name: 'Country', type: 'character(2)', comment: "ISO's code" },
    ],
  },
  composite_empty: { kind: 'compositeType', schema: 'app', name: 'unit', attributes: [] },

  extension: { kind: 'extension', schema: 'app', name: 'citext', version: '1.8', comment: 'case-insensitive text' },
  extension_no_version: { kind: 'extension', schema: 'My Schema', name: 'uuid-ossp' },
};
