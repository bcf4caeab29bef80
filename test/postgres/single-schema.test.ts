/**
 * Comparing one schema with a copy of it under another name (issue 5, part 4), on one real PostgreSQL
 * database and through the built CLI only: environments reading `sales_src` and `sales_dst` (or a URL
 * with `currentSchema=sales_dst`) are compared without the schema qualifier, the generated script names
 * no schema and, run with search_path = sales_dst, makes the copy equal to the original. Equality is
 * also checked with the independent catalog fingerprint (test/support/catalog-fingerprint.ts) after
 * replacing each schema's name by the same placeholder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { catalogFingerprint } from '../support/catalog-fingerprint.ts';
import { runCli, type CliResult } from '../support/cli.ts';
import { environmentSection } from '../support/flyway-toml.ts';
import { changeSummary, diffJson } from '../support/diff-json.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

const DB = 'single';

const SOURCE = `
CREATE SCHEMA sales_src;
SET search_path = sales_src;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE SEQUENCE order_no START 100;
CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, feeling mood DEFAULT 'ok');
CREATE TABLE orders (
  id bigint PRIMARY KEY DEFAULT nextval('order_no'),
  customer_id int REFERENCES customers (id),
  total numeric(10,2) CHECK (total >= 0),
  note text
);
CREATE INDEX orders_customer ON orders (customer_id);
COMMENT ON TABLE orders IS 'one row per order';
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.note := coalesce(NEW.note, 'new'); RETURN NEW; END$$;
CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();
CREATE VIEW big_orders AS SELECT o.id, c.name, c.feeling FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.total > 100;
`;

const TARGET = `
CREATE SCHEMA sales_dst;
SET search_path = sales_dst;
CREATE SEQUENCE order_no START 100;
CREATE TABLE customers (id int PRIMARY KEY, name text);
CREATE TABLE orders (
  id bigint PRIMARY KEY DEFAULT nextval('order_no'),
  customer_id int REFERENCES customers (id),
  total numeric(10,2) CHECK (total >= 0)
);
CREATE TABLE legacy (id int);
`;

let server: TestPostgres;
let work: string;

const run = (...args: string[]): Promise<CliResult> => runCli(args, { cwd: work, env: { PW: server.password } });

const environment = (name: string, url: string, schemas?: readonly string[]): string => environmentSection(name, url, server.user, 'PW', schemas);

const diff = (source: string, target: string) => diffJson(run, source, target);
const summary = changeSummary;

/** The fingerprint of one schema with its name replaced, so copies under two names compare. */
async function print(schema: string): Promise<string[]> {
  const lines = await catalogFingerprint(server.url(DB), [schema]);
  return lines.map((line) => line.replace(new RegExp(`\\b${schema}\\b`, 'g'), 'SCHEMA')).sort();
}

test.before(async () => {
  server = await startPostgres();
  await server.createDatabase(DB);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-single-schema-'));
  const base = server.jdbcUrl(DB);
  fs.writeFileSync(
    path.join(work, 'flyway.toml'),
    [
      environment('src', base, ['sales_src']),
      environment('dst', base, ['sales_dst']),
      environment('dst_url', `${base}?currentSchema=sales_dst`),
      environment('both', base, ['sales_src', 'sales_dst']),
    ].join('\n'),
  );
});

test.after(async () => {
  await server?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('app vs app_copy: compared without the qualifier, the script runs in the target schema, both converge', async () => {
  await server.exec(DB, SOURCE);
  await server.exec(DB, TARGET);
  assert.not.equal(await print('sales_src'), await print('sales_dst'));

  assert.equal(summary(await diff('src', 'dst')), [
    'Add Enum |mood',
    'Add Function |touch()',
    'Add View |big_orders',
    'Delete Table |legacy',
    'Edit Table |customers',
    'Edit Table |orders',
  ]);
  const generated = await run('generate', '-artifactFilename=out/diff.artifact', '-generate.location=out/scripts', '-generate.description=copy', '-generate.version=1', '-generate.types=versioned,undo');
  assert.is(generated.code, 0, generated.stdout + generated.stderr);
  const script = fs.readFileSync(path.join(work, 'out/scripts/V1__copy.sql'), 'utf8');
  assert.not.match(script, /sales_src|sales_dst/, 'the script names no schema');

  await server.exec(DB, `SET search_path = sales_dst;\n${script}`);
  assert.equal((await diff('src', 'dst')).differences, []);
  assert.equal(await print('sales_dst'), await print('sales_src'), 'the copy equals the original (independent fingerprint)');

  // A URL naming the schema (pgJDBC's currentSchema) reads it unqualified too, with no schemas setting.
  assert.equal((await diff('src', 'dst_url')).differences, []);

  // And the undo script takes the copy back to where it was.
  await server.exec(DB, `SET search_path = sales_dst;\n${fs.readFileSync(path.join(work, 'out/scripts/U1__copy.sql'), 'utf8')}`);
  assert.is(summary(await diff('src', 'dst')).length, 6);
});

test('one side of several schemas cannot be compared with an unqualified one: a clear error', async () => {
  const result = await run('diff', '-source=dst_url', '-target=both', '-artifactFilename=out/x.artifact');
  assert.is(result.code, 2, result.stderr);
  assert.match(result.stderr, /environment "both" holds 2 schemas \(sales_src, sales_dst\) but environment "dst_url" is compared without schema qualifiers/);
  assert.match(result.stderr, /\(-target\)/);
});

test('a snapshot of the unqualified side compares with it; the same schema name on both sides stays qualified', async () => {
  const saved = await run('snapshot', '-source=dst_url', '-filename=out/dst.json');
  assert.is(saved.code, 0, saved.stderr);
  const snapshot = JSON.parse(fs.readFileSync(path.join(work, 'out/dst.json'), 'utf8')) as { model: { schemas: string[] } };
  assert.equal(snapshot.model.schemas, ['']);
  assert.equal((await diff('snapshot:out/dst.json', 'dst')).differences, []);
  const same = await diff('src', 'src');
  assert.equal(same.differences, []);
  const qualified = await run('snapshot', '-source=src', '-filename=out/src.json');
  assert.is(qualified.code, 0, qualified.stderr);
  assert.equal((JSON.parse(fs.readFileSync(path.join(work, 'out/src.json'), 'utf8')) as { model: { schemas: string[] } }).model.schemas, ['sales_src']);
  const mixed = await run('diff', '-source=snapshot:out/src.json', '-target=dst', '-artifactFilename=out/y.artifact');
  assert.is(mixed.code, 2, mixed.stderr);
  assert.match(mixed.stderr, /snapshot out\/src\.json was taken with schema qualifiers \(schema "sales_src"\)/);
});

test.run();
