/**
 * generate, PostgreSQL: golden migration scripts for hand-built schema pairs
 * (test/golden/postgres/generate/<case>.sql holds the versioned script and its undo; UPDATE_GOLDEN=1
 * rewrites them, review what it writes), plus the ordering rules asserted directly, so a golden file
 * rewritten by mistake cannot hide a broken rule.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { postgresDialect } from '../../src/dialects/postgres/postgres-dialect.ts';
import type { MigrationScript } from '../../src/generate/generate.ts';
import { artifactOf, assertBefore, checkGolden, generateGoldenText, scriptsOf as scriptsOfArtifact, staleGoldenFiles, stepAt } from '../support/golden.ts';
import { generateCases, type GenerateCase } from './generate-golden.cases.ts';

function scriptsOf(name: string): [MigrationScript, MigrationScript] {
  const c = generateCases[name];
  if (!c) throw new Error(`no case ${name}`);
  return scriptsOfArtifact(artifactOf(postgresDialect, c.source, c.target), name);
}

for (const name of Object.keys(generateCases)) {
  test(`golden: ${name}`, () => {
    const [v, u] = scriptsOf(name);
    checkGolden('postgres', 'generate', name, generateGoldenText(v, u));
  });
}

test('golden: no stale golden files', () => {
  assert.equal(staleGoldenFiles('postgres', 'generate', Object.keys(generateCases)), [], 'golden files without a case');
});

const at = stepAt;
const before = assertBefore;

test('order: sequence, table, OWNED BY, trigger function, FK, trigger, comments', () => {
  const [v, u] = scriptsOf('table_add_serial_fk_trigger');
  before(v, 'CREATE SEQUENCE public.orders_id_seq', 'CREATE TABLE public.orders');
  before(v, 'CREATE TABLE public.orders', 'OWNED BY public.orders.id');
  before(v, 'CREATE TABLE public.orders', 'ADD CONSTRAINT orders_customer_fk');
  before(v, 'FUNCTION public.touch()', 'CREATE TRIGGER orders_touch');
  before(v, 'CREATE TRIGGER orders_touch', 'COMMENT ON TABLE public.orders');
  assert.not.match(v.steps.find((s) => s.sql.startsWith('CREATE TABLE'))!.sql, 'FOREIGN KEY', 'FKs are not inline');
  // The undo drops the table before the function and the sequence (IF EXISTS: it goes with the table).
  before(u, 'DROP TABLE public.orders', 'DROP FUNCTION public.touch()');
  before(u, 'DROP TABLE public.orders', 'DROP SEQUENCE IF EXISTS public.orders_id_seq');
});

test('order: foreign keys are dropped before the tables they reference', () => {
  const [v, u] = scriptsOf('table_drop_fk_before_table');
  before(v, 'ALTER TABLE public.keep DROP CONSTRAINT keep_b_fk', 'DROP TABLE public.b');
  before(v, 'ALTER TABLE public.a DROP CONSTRAINT a_b_fk', 'DROP TABLE public.b');
  before(v, 'ALTER TABLE public.a DROP CONSTRAINT a_b_fk', 'DROP TABLE public.a');
  // Undo: tables first, their FKs after every table exists.
  before(u, 'CREATE TABLE public.b', 'ADD CONSTRAINT a_b_fk');
  before(u, 'CREATE TABLE public.a', 'ADD CONSTRAINT keep_b_fk');
});

test('dependent views: dropped readers first, recreated in dependency order around the column change', () => {
  const [v] = scriptsOf('column_type_change_dependent_views');
  before(v, 'DROP VIEW public.v_items_top', 'DROP VIEW public.v_items;');
  before(v, 'DROP VIEW public.v_items', 'ALTER COLUMN id TYPE bigint');
  before(v, 'ALTER COLUMN id TYPE bigint', 'CREATE VIEW public.v_items ');
  before(v, 'CREATE VIEW public.v_items ', 'CREATE VIEW public.v_items_top');
  before(v, 'CREATE VIEW public.v_items_top', "COMMENT ON VIEW public.v_items_top IS 'first ten'");
  // The default is dropped before the type change and set again after it.
  before(v, 'ALTER COLUMN label DROP DEFAULT', 'ALTER COLUMN label TYPE character varying(20)');
  before(v, 'ALTER COLUMN label TYPE character varying(20)', "ALTER COLUMN label SET DEFAULT 'x'::character varying");
  const widening = v.steps.find((s) => s.sql.includes('ALTER COLUMN id TYPE bigint'))!;
  assert.is(widening.destructive, undefined, 'integer to bigint is not destructive');
  const narrowing = v.steps.find((s) => s.sql.includes('ALTER COLUMN label TYPE'))!;
  assert.match(narrowing.destructive ?? '', 'from text to character varying(20)');
});

test('views: CREATE OR REPLACE when only columns are appended, DROP + CREATE (with readers) otherwise', () => {
  const [v] = scriptsOf('view_replace_vs_recreate');
  at(v, 'CREATE OR REPLACE VIEW public.v_append');
  assert.not.ok(v.steps.some((s) => s.sql.startsWith('DROP VIEW public.v_append')));
  before(v, 'DROP VIEW public.v_reader', 'DROP VIEW public.v_shrink');
  before(v, 'CREATE VIEW public.v_shrink', 'CREATE VIEW public.v_reader');
});

test('enums: ADD VALUE with position for additions; removal recreates the type, destructively, around its views', () => {
  const [v, u] = scriptsOf('enum_add_vs_remove');
  at(v, "ALTER TYPE public.grows ADD VALUE 'b' AFTER 'a'");
  at(v, "ALTER TYPE public.grows ADD VALUE 'd' AFTER 'c'");
  before(v, 'DROP VIEW public.v_moods', 'ALTER TYPE public.shrinks RENAME TO parity_old_shrinks');
  before(v, 'DROP TYPE public.parity_old_shrinks', 'CREATE VIEW public.v_moods');
  assert.ok(v.steps.some((s) => (s.destructive ?? '').includes("without 'meh'")));
  // The undo of the additions removes them again: a recreate.
  at(u, 'ALTER TYPE public.grows RENAME TO parity_old_grows');
  at(u, "ALTER TYPE public.shrinks ADD VALUE 'meh' AFTER 'sad'");
});

test('functions: CREATE OR REPLACE for a body change, DROP + CREATE for a return type change around its view', () => {
  const [v] = scriptsOf('function_replace_vs_drop_create');
  at(v, 'CREATE OR REPLACE FUNCTION public.add(a integer, b integer)');
  assert.not.ok(v.steps.some((s) => s.sql === 'DROP FUNCTION public.add(integer, integer)'));
  before(v, 'DROP VIEW public.v_sum', 'DROP FUNCTION public.add(numeric, numeric)');
  before(v, 'DROP FUNCTION public.add(numeric, numeric)', 'CREATE OR REPLACE FUNCTION public.add(a numeric, b numeric)');
  before(v, 'CREATE OR REPLACE FUNCTION public.add(a numeric, b numeric)', 'CREATE VIEW public.v_sum');
});

test('types are created after the types they are built on, dropped before them', () => {
  const [v, u] = scriptsOf('types_in_dependency_order');
  before(v, 'CREATE DOMAIN public.a_base', 'CREATE DOMAIN public.m_code');
  before(v, 'CREATE DOMAIN public.m_code', 'CREATE TYPE public.z_inner');
  before(v, 'CREATE TYPE public.z_inner', 'CREATE TYPE public.a_outer');
  before(u, 'DROP TYPE public.a_outer', 'DROP TYPE public.z_inner');
  before(u, 'DROP TYPE public.z_inner', 'DROP DOMAIN public.m_code');
  before(u, 'DROP DOMAIN public.m_code', 'DROP DOMAIN public.a_base');
});

test('destructive statements carry a warning comment in the script', () => {
  const [v] = scriptsOf('quoted_identifiers');
  assert.match(v.text, /-- WARNING: destructive: drops column "Sales"\."Order Lines"\."select" and its data\nALTER TABLE "Sales"\."Order Lines" DROP COLUMN "select";/);
  const [, u] = scriptsOf('schema_extension_add_drop');
  assert.match(u.text, /-- WARNING: destructive: drops table app\.users and its data\nDROP TABLE app\.users;/);
  before(u, 'DROP TABLE app.users', 'DROP EXTENSION citext');
  before(u, 'DROP EXTENSION citext', 'DROP SCHEMA app');
});

test('scripts: header, one terminator per statement, no transaction control', () => {
  const [v, u] = scriptsOf('sequences_domains_composites');
  assert.match(v.text, /^-- Migration generated by parity\.\n-- Runs against: snapshot target\.json\n-- Makes it match: snapshot source\.json\n/);
  assert.match(u.text, /^-- Undo migration generated by parity: reverses V2__sequences_domains_composites\.sql\.\n-- Runs against: snapshot source\.json\n/);
  assert.not.match(v.text, /^(BEGIN|COMMIT)/m);
  for (const script of [v, u]) {
    for (const s of script.steps) assert.not.ok(s.sql.trimEnd().endsWith(';'), `unterminated statement expected: ${s.sql}`);
  }
  assert.is(v.text.match(/;\n/g)?.length, v.steps.length);
  assert.not.match(v.text, 'check_function_bodies', 'no routine, no setting');
  const [withRoutines] = scriptsOf('function_replace_vs_drop_create');
  assert.match(withRoutines.text, /\n\n-- Function bodies are checked when they run[^\n]*\nSET LOCAL check_function_bodies = false;\n\n/);
});


test('partitions: DETACH first, ATTACH after the parent and the table itself changed; sub-partitions after their parent', () => {
  const [v, u] = scriptsOf('partitions');
  before(v, 'DETACH PARTITION public.events_2024', 'DROP TABLE public.events_old');
  before(v, 'events_2024 ALTER COLUMN kind SET DEFAULT', 'ATTACH PARTITION public.events_2024');
  before(v, 'CREATE TABLE public.events_2025 PARTITION OF', 'CREATE TABLE public.events_2025_a PARTITION OF');
  // The table that joins already has what the parent gives it, under the names its copies get: nothing to add or drop.
  assert.not.match(v.text, /events_2023_(pkey|kind_idx)/);
  before(u, 'DETACH PARTITION public.events_2023', 'ATTACH PARTITION public.events_archive');
  before(u, 'DROP TABLE public.events_2025_a', 'DROP TABLE public.events_2025;');
  assert.equal(v.steps.filter((s) => s.destructive !== undefined).map((s) => s.sql), ['DROP TABLE public.events_old']);
});

test('a new partition key: partitions detached before the parent is dropped and attached after it is created; no rows are lost', () => {
  const [v] = scriptsOf('partition_key_change');
  before(v, 'DETACH PARTITION public.tickets_a', 'DROP TABLE public.tickets');
  before(v, 'CREATE INDEX tickets_id_idx', "ATTACH PARTITION public.tickets_a FOR VALUES IN ('a')");
  assert.match(v.text, "ATTACH PARTITION public.tickets_b FOR VALUES IN ('b', 'c');");
  assert.equal(v.steps.filter((s) => s.destructive !== undefined), []);
});

test('inheritance: a new child gets the parent columns and check first; a parent column dropped leaves the children that stay', () => {
  const [v, u] = scriptsOf('inheritance');
  before(v, 'cars ADD CONSTRAINT vehicles_wheels_check', 'ALTER TABLE public.cars INHERIT public.vehicles');
  before(v, 'ALTER TABLE public.boats NO INHERIT public.vehicles', 'ALTER TABLE public.vehicles ADD COLUMN color');
  before(u, 'ALTER TABLE public.cars NO INHERIT public.vehicles', 'ALTER TABLE public.cars DROP COLUMN color');
  assert.not.match(u.text, 'cars DROP COLUMN IF EXISTS');
});

test('policies: dropped early, created after the functions they call; ALTER POLICY where it can', () => {
  const [v] = scriptsOf('policies');
  before(v, 'DROP POLICY writers', 'CREATE POLICY writers');
  before(v, 'FUNCTION public.tenant()', 'CREATE POLICY tenant_rows');
  assert.match(v.text, 'ALTER POLICY readers ON public.docs TO app_reader, "Auditors" USING (body IS NOT NULL);');
});

test('privileges: default privileges revoked before anything is created, everything granted last', () => {
  const [v] = scriptsOf('privileges');
  before(v, 'REVOKE EXECUTE ON FUNCTIONS FROM app_writer', 'CREATE OR REPLACE FUNCTION app.balance');
  before(v, 'CREATE OR REPLACE FUNCTION app.balance', 'GRANT EXECUTE ON FUNCTION app.balance(integer) TO app_reader');
  assert.match(v.text, 'REVOKE EXECUTE ON FUNCTION app.balance(integer) FROM PUBLIC;');
  assert.is(v.steps[v.steps.length - 1]!.phase, 'grantPrivileges');
});

test.run();
