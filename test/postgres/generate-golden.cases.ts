/**
 * Hand-built schema pairs for the generate golden tests: each case is a source model and a target
 * model (what the diff would read), as plain model objects. The test diffs them with the real differ,
 * builds the artifact and renders the versioned and undo scripts.
 */
import type {
  Column,
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
} from '../../src/model/objects.ts';

export interface GenerateCase {
  readonly source: readonly SchemaObject[];
  readonly target: readonly SchemaObject[];
}

const col = (name: string, type: string, extra: Partial<Column> = {}): Column => ({ name, type, nullable: true, ...extra });

const table = (schema: string, name: string, columns: Column[], extra: Partial<Table> = {}): Table => ({
  kind: 'table',
  schema,
  name,
  columns,
  uniqueConstraints: [],
  checkConstraints: [],
  foreignKeys: [],
  indexes: [],
  triggers: [],
  ...extra,
});

const view = (schema: string, name: string, definition: string, columns: [string, string][], dependsOn: [SchemaObject['kind'], string, string][], extra: Partial<View> = {}): View => ({
  kind: 'view',
  schema,
  name,
  definition,
  columns: columns.map(([n, t]) => ({ name: n, type: t })),
  dependsOn: dependsOn.map(([kind, s, n]) => ({ kind, schema: s, name: n })),
  ...extra,
});

const fn = (schema: string, baseName: string, args: [string, string][], returns: string, body: string, extra: Partial<Routine> = {}): Routine => {
  const argText = args.map(([n, t]) => `${n} ${t}`).join(', ');
  const language = extra.language ?? 'sql';
  return {
    kind: 'function',
    schema,
    name: `${baseName}(${args.map(([, t]) => t).join(', ')})`,
    baseName,
    arguments: args.map(([n, t]) => ({ name: n, mode: 'IN' as const, type: t })),
    returns,
    language,
    definition: `CREATE OR REPLACE FUNCTION ${schema}.${baseName}(${argText})\n RETURNS ${returns}\n LANGUAGE ${language}\nAS $function$${body}$function$`,
    ...extra,
  };
};

const enumType = (schema: string, name: string, values: string[]): EnumType => ({ kind: 'enum', schema, name, values });
const sequence = (schema: string, name: string, extra: Partial<Sequence> = {}): Sequence => ({ kind: 'sequence', schema, name, ...extra });
const schemaDef = (name: string, comment?: string): SchemaDef => ({ kind: 'schema', schema: name, name, ...(comment ? { comment } : {}) });

const partition = (name: string, parent: string, bound: string, extra: Partial<Table> = {}): Table =>
  table('public', name, [], { partitionOf: { schema: 'public', table: parent, bound }, ...extra });

const customers = table('public', 'customers', [col('id', 'integer', { nullable: false }), col('email', 'text', { nullable: false })], {
  primaryKey: { name: 'customers_pkey', columns: ['id'] },
});

export const generateCases: Record<string, GenerateCase> = {
  /** A new table with a serial column, FK, index, trigger and comments; its sequence comes first, OWNED BY after. */
  table_add_serial_fk_trigger: {
    source: [
      customers,
      sequence('public', 'orders_id_seq', { dataType: 'integer', ownedBy: 'orders.id' }),
      fn('public', 'touch', [], 'trigger', 'BEGIN RETURN NEW; END', { language: 'plpgsql' }),
      table(
        'public',
        'orders',
        [
          col('id', 'integer', { nullable: false, default: "nextval('public.orders_id_seq'::regclass)" }),
          col('customer_id', 'integer', { nullable: false, comment: 'who ordered' }),
          col('total', 'numeric(10,2)', { default: '0' }),
        ],
        {
          comment: 'orders of customers',
          primaryKey: { name: 'orders_pkey', columns: ['id'] },
          foreignKeys: [
            { name: 'orders_customer_fk', columns: ['customer_id'], referencedSchema: 'public', referencedTable: 'customers', referencedColumns: ['id'], onUpdate: 'NO ACTION', onDelete: 'CASCADE' },
          ],
          indexes: [{ name: 'orders_customer_idx', unique: false, method: 'btree', keys: ['customer_id'] }],
          triggers: [
            {
              name: 'orders_touch',
              timing: 'BEFORE',
              events: ['UPDATE'],
              level: 'ROW',
              definition: 'CREATE TRIGGER orders_touch BEFORE UPDATE ON public.orders FOR EACH ROW EXECUTE FUNCTION public.touch()',
            },
          ],
        },
      ),
    ],
    target: [customers],
  },

  /** Two tables go, one referencing the other, and a kept table loses its FK to one of them: FKs first. */
  table_drop_fk_before_table: {
    source: [table('public', 'keep', [col('id', 'integer'), col('b_id', 'integer')])],
    target: [
      table('public', 'keep', [col('id', 'integer'), col('b_id', 'integer')], {
        foreignKeys: [{ name: 'keep_b_fk', columns: ['b_id'], referencedSchema: 'public', referencedTable: 'b', referencedColumns: ['id'], onUpdate: 'NO ACTION', onDelete: 'NO ACTION' }],
      }),
      table('public', 'a', [col('id', 'integer'), col('b_id', 'integer')], {
        foreignKeys: [{ name: 'a_b_fk', columns: ['b_id'], referencedSchema: 'public', referencedTable: 'b', referencedColumns: ['id'], onUpdate: 'NO ACTION', onDelete: 'NO ACTION' }],
      }),
      table('public', 'b', [col('id', 'integer', { nullable: false })], { primaryKey: { name: 'b_pkey', columns: ['id'] } }),
    ],
  },

  /** A column type change under two views (one reading the other): both dropped before, recreated after in order. */
  column_type_change_dependent_views: {
    source: [
      table('public', 'items', [col('id', 'bigint', { nullable: false }), col('label', 'character varying(20)', { default: "'x'::character varying" })]),
      view('public', 'v_items', 'SELECT items.id, items.label FROM public.items', [['id', 'bigint'], ['label', 'character varying(20)']], [['table', 'public', 'items']]),
      view('public', 'v_items_top', 'SELECT v_items.id FROM public.v_items WHERE v_items.id < 10', [['id', 'bigint']], [['view', 'public', 'v_items']], { comment: 'first ten' }),
    ],
    target: [
      table('public', 'items', [col('id', 'integer', { nullable: false }), col('label', 'text', { default: "'x'::text" })]),
      view('public', 'v_items', 'SELECT items.id, items.label FROM public.items', [['id', 'integer'], ['label', 'text']], [['table', 'public', 'items']]),
      view('public', 'v_items_top', 'SELECT v_items.id FROM public.v_items WHERE v_items.id < 10', [['id', 'integer']], [['view', 'public', 'v_items']], { comment: 'first ten' }),
    ],
  },

  /** Column add/drop, default, NOT NULL, identity, collation and a generated column with an index on it. */
  column_alters: {
    source: [
      table(
        'public',
        'people',
        [
          col('id', 'integer', { nullable: false, identity: { generation: 'always', sequence: { start: '100' } } }),
          col('name', 'text', { nullable: false, collation: '"C"' }),
          col('name_upper', 'text', { generated: 'upper(name)' }),
          col('active', 'boolean', { nullable: false, default: 'true' }),
          col('nickname', 'text'),
        ],
        { indexes: [{ name: 'people_upper_idx', unique: false, method: 'btree', keys: ['name_upper'] }] },
      ),
    ],
    target: [
      table(
        'public',
        'people',
        [
          col('id', 'integer', { nullable: false, default: "nextval('public.people_id_seq'::regclass)" }),
          col('name', 'text'),
          col('name_upper', 'text', { generated: 'lower(name)' }),
          col('active', 'boolean', { default: 'false' }),
          col('legacy', 'text'),
        ],
        { indexes: [{ name: 'people_upper_idx', unique: false, method: 'btree', keys: ['name_upper'] }] },
      ),
    ],
  },

  /** Primary key, unique, check and FK changes; an index changes, another only gets a comment. */
  constraints_and_indexes: {
    source: [
      customers,
      table('public', 'lines', [col('id', 'integer', { nullable: false }), col('no', 'integer', { nullable: false }), col('customer_id', 'integer'), col('qty', 'integer')], {
        primaryKey: { name: 'lines_pkey', columns: ['id', 'no'] },
        uniqueConstraints: [{ name: 'lines_no_key', columns: ['no'], deferrable: true }],
        checkConstraints: [{ name: 'lines_qty_check', expression: 'qty > 0' }],
        foreignKeys: [
          { name: 'lines_customer_fk', columns: ['customer_id'], referencedSchema: 'public', referencedTable: 'customers', referencedColumns: ['id'], onUpdate: 'NO ACTION', onDelete: 'SET NULL' },
        ],
        indexes: [
          { name: 'lines_qty_idx', unique: false, method: 'btree', keys: ['qty DESC'], where: 'qty > 1' },
          { name: 'lines_customer_idx', unique: false, method: 'btree', keys: ['customer_id'], comment: 'lookups' },
        ],
      }),
    ],
    target: [
      customers,
      table('public', 'lines', [col('id', 'integer', { nullable: false }), col('no', 'integer', { nullable: false }), col('customer_id', 'integer'), col('qty', 'integer')], {
        primaryKey: { name: 'lines_pkey', columns: ['id'] },
        checkConstraints: [{ name: 'lines_qty_check', expression: 'qty >= 0' }],
        foreignKeys: [
          { name: 'lines_customer_fk', columns: ['customer_id'], referencedSchema: 'public', referencedTable: 'customers', referencedColumns: ['id'], onUpdate: 'NO ACTION', onDelete: 'CASCADE' },
        ],
        indexes: [
          { name: 'lines_qty_idx', unique: false, method: 'btree', keys: ['qty'] },
          { name: 'lines_customer_idx', unique: false, method: 'btree', keys: ['customer_id'] },
        ],
      }),
    ],
  },

  /** One view only appends a column (CREATE OR REPLACE); another loses one (DROP + CREATE, with its reader). */
  view_replace_vs_recreate: {
    source: [
      table('public', 't', [col('a', 'integer'), col('b', 'integer')]),
      view('public', 'v_append', 'SELECT t.a, t.b FROM public.t', [['a', 'integer'], ['b', 'integer']], [['table', 'public', 't']]),
      view('public', 'v_shrink', 'SELECT t.a FROM public.t', [['a', 'integer']], [['table', 'public', 't']]),
      view('public', 'v_reader', 'SELECT v_shrink.a FROM public.v_shrink', [['a', 'integer']], [['view', 'public', 'v_shrink']]),
    ],
    target: [
      table('public', 't', [col('a', 'integer'), col('b', 'integer')]),
      view('public', 'v_append', 'SELECT t.a FROM public.t', [['a', 'integer']], [['table', 'public', 't']]),
      view('public', 'v_shrink', 'SELECT t.a, t.b FROM public.t', [['a', 'integer'], ['b', 'integer']], [['table', 'public', 't']]),
      view('public', 'v_reader', 'SELECT v_shrink.a FROM public.v_shrink', [['a', 'integer']], [['view', 'public', 'v_shrink']]),
    ],
  },

  /** Enum values: added in the middle and at the end (ADD VALUE), versus a value removed (recreate). */
  enum_add_vs_remove: {
    source: [
      enumType('public', 'grows', ['a', 'b', 'c', 'd']),
      enumType('public', 'shrinks', ['sad', 'happy']),
      view('public', 'v_moods', "SELECT 'sad'::public.shrinks AS m", [['m', 'public.shrinks']], []),
    ],
    target: [
      enumType('public', 'grows', ['a', 'c']),
      enumType('public', 'shrinks', ['sad', 'meh', 'happy']),
      view('public', 'v_moods', "SELECT 'sad'::public.shrinks AS m", [['m', 'public.shrinks']], []),
    ],
  },

  /** Overloads: a body change is CREATE OR REPLACE, a return type change DROP + CREATE around the view calling it. */
  function_replace_vs_drop_create: {
    source: [
      fn('public', 'add', [['a', 'integer'], ['b', 'integer']], 'integer', 'SELECT a + b + 0'),
      fn('public', 'add', [['a', 'numeric'], ['b', 'numeric']], 'double precision', 'SELECT (a + b)::double precision'),
      view('public', 'v_sum', 'SELECT public.add(1.0, 2.0) AS s', [['s', 'double precision']], []),
    ],
    target: [
      fn('public', 'add', [['a', 'integer'], ['b', 'integer']], 'integer', 'SELECT a + b'),
      fn('public', 'add', [['a', 'numeric'], ['b', 'numeric']], 'numeric', 'SELECT a + b'),
      view('public', 'v_sum', 'SELECT public.add(1.0, 2.0) AS s', [['s', 'numeric']], []),
    ],
  },

  /** Sequence options and owner, domain constraints and default, composite type attributes. */
  sequences_domains_composites: {
    source: [
      sequence('public', 'ticket_no', { increment: '5', minValue: '10', cache: '20' }),
      { kind: 'domain', schema: 'public', name: 'percent', baseType: 'integer', nullable: false, default: '0', checkConstraints: [{ name: 'percent_range', expression: 'VALUE >= 0 AND VALUE <= 100' }] } satisfies Domain,
      { kind: 'compositeType', schema: 'public', name: 'address', attributes: [{ name: 'street', type: 'text' }, { name: 'zip', type: 'character varying(10)' }] } satisfies CompositeType,
    ],
    target: [
      sequence('public', 'ticket_no', { cycle: true }),
      { kind: 'domain', schema: 'public', name: 'percent', baseType: 'integer', nullable: true, checkConstraints: [{ name: 'percent_range', expression: 'VALUE >= 0' }] } satisfies Domain,
      { kind: 'compositeType', schema: 'public', name: 'address', attributes: [{ name: 'street', type: 'text' }, { name: 'city', type: 'text' }, { name: 'zip', type: 'character(5)' }] } satisfies CompositeType,
    ],
  },

  /** A new schema with an extension and a table using its type; an old schema with its table goes. */
  schema_extension_add_drop: {
    source: [
      schemaDef('app', 'application'),
      { kind: 'extension', schema: 'app', name: 'citext', version: '1.8' } satisfies Extension,
      table('app', 'users', [col('email', 'app.citext', { nullable: false })]),
    ],
    target: [schemaDef('legacy'), table('legacy', 'old_users', [col('email', 'text')])],
  },

  /** Names that need quotes: mixed case, spaces, reserved words, quotes in names. */
  quoted_identifiers: {
    source: [
      schemaDef('Sales'),
      table('Sales', 'Order Lines', [col('LineId', 'bigint', { nullable: false }), col('user', 'text'), col('say "hi"', 'text', { comment: "it's" })], {
        primaryKey: { name: 'PK Order Lines', columns: ['LineId'] },
        indexes: [{ name: 'IX User', unique: false, method: 'btree', keys: ['"user"'] }],
      }),
    ],
    target: [schemaDef('Sales'), table('Sales', 'Order Lines', [col('LineId', 'bigint', { nullable: false }), col('select', 'integer')])],
  },

  /** Types built on types created in the same phase: the ones they use come first, whatever their names. */
  types_in_dependency_order: {
    source: [
      { kind: 'compositeType', schema: 'public', name: 'a_outer', attributes: [{ name: 'inner', type: 'public.z_inner[]' }, { name: 'n', type: 'numeric(10,2)' }] } satisfies CompositeType,
      { kind: 'compositeType', schema: 'public', name: 'z_inner', attributes: [{ name: 'code', type: 'public.m_code' }] } satisfies CompositeType,
      { kind: 'domain', schema: 'public', name: 'm_code', baseType: 'public.a_base', nullable: true, checkConstraints: [] } satisfies Domain,
      { kind: 'domain', schema: 'public', name: 'a_base', baseType: 'character varying(8)', nullable: true, checkConstraints: [] } satisfies Domain,
    ],
    target: [],
  },

  /** A materialized view whose query changes is recreated with its indexes; one whose index changes is altered. */
  materialized_views: {
    source: [
      table('public', 'visits', [col('page', 'text'), col('ms', 'integer')]),
      { kind: 'materializedView', schema: 'public', name: 'mv_stats', definition: 'SELECT visits.page, count(*) AS hits, avg(visits.ms) AS avg_ms FROM public.visits GROUP BY visits.page', columns: [{ name: 'page', type: 'text' }, { name: 'hits', type: 'bigint' }, { name: 'avg_ms', type: 'numeric' }], dependsOn: [{ kind: 'table', schema: 'public', name: 'visits' }], indexes: [{ name: 'mv_stats_hits_idx', unique: false, method: 'btree', keys: ['hits DESC'] }] } satisfies MaterializedView,
      { kind: 'materializedView', schema: 'public', name: 'mv_pages', definition: 'SELECT DISTINCT visits.page FROM public.visits', columns: [{ name: 'page', type: 'text' }], dependsOn: [{ kind: 'table', schema: 'public', name: 'visits' }], indexes: [{ name: 'mv_pages_idx', unique: true, method: 'btree', keys: ['page'] }] } satisfies MaterializedView,
    ],
    target: [
      table('public', 'visits', [col('page', 'text'), col('ms', 'integer')]),
      { kind: 'materializedView', schema: 'public', name: 'mv_stats', definition: 'SELECT visits.page, count(*) AS hits FROM public.visits GROUP BY visits.page', columns: [{ name: 'page', type: 'text' }, { name: 'hits', type: 'bigint' }], dependsOn: [{ kind: 'table', schema: 'public', name: 'visits' }], indexes: [{ name: 'mv_stats_page_idx', unique: false, method: 'btree', keys: ['page'] }] } satisfies MaterializedView,
      { kind: 'materializedView', schema: 'public', name: 'mv_pages', definition: 'SELECT DISTINCT visits.page FROM public.visits', columns: [{ name: 'page', type: 'text' }], dependsOn: [{ kind: 'table', schema: 'public', name: 'visits' }], indexes: [{ name: 'mv_pages_idx', unique: false, method: 'btree', keys: ['page'] }] } satisfies MaterializedView,
    ],
  },

  /**
   * Partitions: a new one with a default of its own and one sub-partitioned; a bound that changes
   * (DETACH + ATTACH); a table of its own that joins (its key and index are the names its copies of the
   * parent's get, so ATTACH adopts them); a partition that leaves (DETACH: it keeps the copies); a
   * dropped one. Parent and sub-partitions in the order they depend on each other.
   */
  partitions: {
    source: [
      table('public', 'events', [col('id', 'bigint', { nullable: false }), col('at', 'date', { nullable: false }), col('kind', 'text', { default: "'x'::text" })], {
        partitionBy: 'RANGE (at)',
        primaryKey: { name: 'events_pkey', columns: ['id', 'at'] },
        indexes: [{ name: 'events_kind_idx', unique: false, method: 'btree', keys: ['kind'] }],
      }),
      partition('events_2023', 'events', "FOR VALUES FROM ('2023-01-01') TO ('2024-07-01')"),
      partition('events_2024', 'events', "FOR VALUES FROM ('2024-07-01') TO ('2025-01-01')", {
        columns: [col('kind', 'text', { default: "'y'::text", extras: { inherited: true } })],
      }),
      partition('events_2025', 'events', "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')", { partitionBy: 'LIST (kind)' }),
      partition('events_2025_a', 'events_2025', "FOR VALUES IN ('a')"),
      partition('events_2025_rest', 'events_2025', 'DEFAULT'),
      table('public', 'events_archive', [col('id', 'bigint', { nullable: false }), col('at', 'date', { nullable: false }), col('kind', 'text', { default: "'x'::text" })], {
        primaryKey: { name: 'events_archive_pkey', columns: ['id', 'at'] },
        indexes: [{ name: 'events_archive_kind_idx', unique: false, method: 'btree', keys: ['kind'] }],
      }),
    ],
    target: [
      table('public', 'events', [col('id', 'bigint', { nullable: false }), col('at', 'date', { nullable: false }), col('kind', 'text', { default: "'x'::text" })], {
        partitionBy: 'RANGE (at)',
        primaryKey: { name: 'events_pkey', columns: ['id', 'at'] },
        indexes: [{ name: 'events_kind_idx', unique: false, method: 'btree', keys: ['kind'] }],
      }),
      table('public', 'events_2023', [col('id', 'bigint', { nullable: false }), col('at', 'date', { nullable: false }), col('kind', 'text', { default: "'x'::text" })], {
        primaryKey: { name: 'events_2023_pkey', columns: ['id', 'at'] },
        indexes: [{ name: 'events_2023_kind_idx', unique: false, method: 'btree', keys: ['kind'] }],
      }),
      partition('events_2024', 'events', "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"),
      partition('events_archive', 'events', "FOR VALUES FROM ('2020-01-01') TO ('2023-01-01')"),
      partition('events_old', 'events', "FOR VALUES FROM ('2010-01-01') TO ('2020-01-01')"),
    ],
  },

  /** A new partition key: the parent is recreated, its partitions detached before and attached after (no rows lost). */
  partition_key_change: {
    source: [
      table('public', 'tickets', [col('id', 'integer', { nullable: false }), col('queue', 'text', { nullable: false }), col('team', 'text', { nullable: false })], {
        partitionBy: 'LIST (team)',
        indexes: [{ name: 'tickets_id_idx', unique: false, method: 'btree', keys: ['id'] }],
      }),
      partition('tickets_a', 'tickets', "FOR VALUES IN ('a')"),
      partition('tickets_b', 'tickets', "FOR VALUES IN ('b', 'c')"),
    ],
    target: [
      table('public', 'tickets', [col('id', 'integer', { nullable: false }), col('queue', 'text', { nullable: false }), col('team', 'text', { nullable: false })], {
        partitionBy: 'LIST (queue)',
        indexes: [{ name: 'tickets_id_idx', unique: false, method: 'btree', keys: ['id'] }],
      }),
      partition('tickets_a', 'tickets', "FOR VALUES IN ('a')"),
      partition('tickets_b', 'tickets', "FOR VALUES IN ('b')"),
    ],
  },

  /**
   * Inheritance: a table becomes a child (the parent's columns and check constraint first, then INHERIT),
   * a child leaves (NO INHERIT), the parent gains a column (its children follow).
   */
  inheritance: {
    source: [
      table('public', 'vehicles', [col('id', 'integer', { nullable: false }), col('wheels', 'integer', { default: '4' }), col('color', 'text')], {
        checkConstraints: [{ name: 'vehicles_wheels_check', expression: 'wheels >= 0' }],
      }),
      table('public', 'cars', [col('doors', 'integer')], { extras: { inherits: ['public.vehicles'] } }),
      table('public', 'boats', [col('id', 'integer', { nullable: false }), col('wheels', 'integer', { default: '4' }), col('color', 'text'), col('sails', 'integer')], {
        checkConstraints: [{ name: 'vehicles_wheels_check', expression: 'wheels >= 0' }],
      }),
    ],
    target: [
      table('public', 'vehicles', [col('id', 'integer', { nullable: false }), col('wheels', 'integer', { default: '4' })], {
        checkConstraints: [{ name: 'vehicles_wheels_check', expression: 'wheels >= 0' }],
      }),
      table('public', 'cars', [col('id', 'integer', { nullable: false }), col('doors', 'integer')]),
      table('public', 'boats', [col('sails', 'integer')], { extras: { inherits: ['public.vehicles'] } }),
    ],
  },

  /** Row-level security and policies: created, altered in place, replaced (new command), dropped. */
  policies: {
    source: [
      fn('public', 'tenant', [], 'integer', "SELECT current_setting('app.tenant')::integer", { language: 'sql' }),
      table('public', 'docs', [col('id', 'integer'), col('tenant', 'integer'), col('body', 'text')], {
        extras: { rowLevelSecurity: true, forceRowLevelSecurity: true },
        policies: [
          { name: 'tenant_rows', command: 'ALL', permissive: true, roles: ['PUBLIC'], using: 'tenant = public.tenant()', comment: 'one tenant' },
          { name: 'readers', command: 'SELECT', permissive: false, roles: ['app_reader', 'Auditors'], using: 'body IS NOT NULL' },
          { name: 'writers', command: 'INSERT', permissive: true, roles: ['app_writer'], withCheck: 'tenant > 0' },
        ],
      }),
    ],
    target: [
      table('public', 'docs', [col('id', 'integer'), col('tenant', 'integer'), col('body', 'text')], {
        policies: [
          { name: 'readers', command: 'SELECT', permissive: false, roles: ['app_reader'], using: 'true' },
          { name: 'writers', command: 'ALL', permissive: true, roles: ['app_writer'], using: 'true' },
          { name: 'old', command: 'DELETE', permissive: true, roles: ['PUBLIC'], using: 'false' },
        ],
      }),
    ],
  },

  /** Privileges (-include=privileges): GRANT / REVOKE per grantee, a routine's EXECUTE for PUBLIC, default privileges. */
  privileges: {
    source: [
      { ...schemaDef('app'), privileges: [{ grantee: 'app_reader', privilege: 'USAGE' }], defaultPrivileges: [{ role: 'owner', objectType: 'TABLES', grantee: 'app_reader', privilege: 'SELECT' }] },
      table('app', 'accounts', [col('id', 'integer')], {
        privileges: [
          { grantee: 'app_reader', privilege: 'SELECT', grantable: true },
          { grantee: 'app_writer', privilege: 'INSERT' },
          { grantee: 'app_writer', privilege: 'SELECT' },
        ],
      }),
      { ...fn('app', 'balance', [['id', 'integer']], 'numeric', 'SELECT 0::numeric'), privileges: [{ grantee: 'app_reader', privilege: 'EXECUTE' }] },
      { ...sequence('app', 'ticket_no'), privileges: [{ grantee: 'PUBLIC', privilege: 'USAGE' }] },
    ],
    target: [
      { ...schemaDef('app'), privileges: [], defaultPrivileges: [{ role: 'owner', objectType: 'FUNCTIONS', grantee: 'app_writer', privilege: 'EXECUTE' }] },
      table('app', 'accounts', [col('id', 'integer')], { privileges: [{ grantee: 'app_writer', privilege: 'DELETE' }, { grantee: 'app_writer', privilege: 'SELECT' }] }),
      { ...sequence('app', 'ticket_no'), privileges: [] },
    ],
  },
};
