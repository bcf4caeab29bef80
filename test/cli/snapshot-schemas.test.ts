/**
 * `-snapshotSchemas` (Flyway's `[flyway.diff] snapshotSchemas`, issue 21): a snapshot side of `diff`
 * restricted to some of its schemas, as `schemas` restricts an environment; and `snapshot` writing only
 * some schemas of its source. Snapshots are written by `parity snapshot` from live PostgreSQL databases
 * (two schemas in `prod`, one in `dev`); the MySQL cases use hand-made snapshot files. The restricted
 * diff is proved by a round trip (generate, apply to dev, diff again = 0) checked with the independent
 * catalog fingerprint, and the restricted snapshot by its bytes and by catalog queries.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { catalogFingerprint } from '../support/catalog-fingerprint.ts';
import { runCli, type CliResult } from '../support/cli.ts';
import { environmentSection } from '../support/flyway-toml.ts';
import { changeSummary, diffJson, type DiffJson } from '../support/diff-json.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

const PROD = `
CREATE SCHEMA sales;
CREATE TYPE sales.status AS ENUM ('new', 'paid');
CREATE TABLE sales.customers (id int PRIMARY KEY, name text NOT NULL, vip boolean DEFAULT false);
CREATE TABLE sales.orders (
  id bigint PRIMARY KEY,
  customer_id int REFERENCES sales.customers (id),
  state sales.status DEFAULT 'new',
  total numeric(10,2)
);
CREATE VIEW sales.big_orders AS SELECT id, total FROM sales.orders WHERE total > 100;
CREATE SCHEMA hr;
CREATE TYPE hr.grade AS ENUM ('junior', 'senior');
CREATE TABLE hr.staff (id int PRIMARY KEY, grade hr.grade, key_account int REFERENCES sales.customers (id));
`;

const DEV = `
CREATE SCHEMA sales;
CREATE TABLE sales.customers (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE sales.legacy (id int);
CREATE SCHEMA sales_review;
CREATE TABLE sales_review.customers (id int PRIMARY KEY, name text NOT NULL);
`;

/** What dev lacks of prod's `sales` (snapshot of prod -> dev). */
const SALES_CHANGES = ['Add Enum sales|status', 'Add Table sales|orders', 'Add View sales|big_orders', 'Delete Table sales|legacy', 'Edit Table sales|customers'];
/** And of prod's `hr`, which dev does not read at all. */
const HR_CHANGES = ['Add Enum hr|grade', 'Add Schema hr|hr', 'Add Table hr|staff'];

let server: TestPostgres;
let work: string;

const run = (...args: string[]): Promise<CliResult> => runCli(args, { cwd: work, env: { PW: server.password } });
const read = (file: string): string => fs.readFileSync(path.join(work, file), 'utf8');
const sorted = (lines: readonly string[]): string[] => [...lines].sort();

const environment = (name: string, url: string, schemas?: readonly string[]): string => environmentSection(name, url, server.user, 'PW', schemas);

/** `diff -outputType=json` with extra parameters; exit 0 asserted. */
async function diffWith(source: string, target: string, ...extra: string[]): Promise<DiffJson> {
  const result = await run('diff', `-source=${source}`, `-target=${target}`, '-artifactFilename=out/diff.artifact', '-outputType=json', ...extra);
  assert.is(result.code, 0, result.stdout + result.stderr);
  return JSON.parse(result.stdout) as DiffJson;
}

/** A failing run: the exit code, and stderr as exactly one `ERROR:` line (returned). */
function oneLineError(result: CliResult, code: number): string {
  assert.is(result.code, code, result.stdout + result.stderr);
  const lines = result.stderr.trimEnd().split('\n');
  assert.is(lines.length, 1, result.stderr);
  assert.match(lines[0]!, /^ERROR: /);
  return lines[0]!;
}

function writeSnapshotFile(file: string, model: unknown): void {
  fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
  fs.writeFileSync(path.join(work, file), JSON.stringify({ format: 'parity-snapshot', formatVersion: 1, model }));
}

function mysqlTable(schema: string, name: string): Record<string, unknown> {
  return {
    kind: 'table', schema, name,
    columns: [{ name: 'id', type: 'int', nullable: false }],
    uniqueConstraints: [], checkConstraints: [], foreignKeys: [], indexes: [], triggers: [],
  };
}

test.before(async () => {
  server = await startPostgres();
  await server.createDatabase('prod');
  await server.exec('prod', PROD);
  await server.createDatabase('dev');
  await server.exec('dev', DEV);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-snapshot-schemas-'));
  fs.writeFileSync(
    path.join(work, 'flyway.toml'),
    [
      environment('prod', server.jdbcUrl('prod'), ['sales', 'hr']),
      environment('prod_sales', server.jdbcUrl('prod'), ['sales']),
      environment('prod_sales_url', `${server.jdbcUrl('prod')}?currentSchema=sales`),
      environment('dev', server.jdbcUrl('dev'), ['sales']),
      environment('review', server.jdbcUrl('dev'), ['sales_review']),
    ].join('\n'),
  );
  fs.writeFileSync(path.join(work, 'diff-sales.toml'), '[flyway.diff]\nsnapshotSchemas = ["sales"]\n');
  fs.writeFileSync(path.join(work, 'diff-crm.toml'), '[flyway.diff]\nsnapshotSchemas = ["crm"]\n');
  const saved = await run('snapshot', '-source=prod', '-filename=out/prod.json');
  assert.is(saved.code, 0, saved.stderr);
  const devSaved = await run('snapshot', '-source=dev', '-filename=out/dev.json');
  assert.is(devSaved.code, 0, devSaved.stderr);
});

test.after(async () => {
  await server?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('a two-schema snapshot against a one-schema environment: without the parameter every schema counts, with it only the chosen one', async () => {
  assert.equal((JSON.parse(read('out/prod.json')) as { model: { schemas: string[] } }).model.schemas, ['hr', 'sales']);

  const whole = await diffWith('snapshot:out/prod.json', 'dev');
  assert.equal(changeSummary(whole), sorted([...SALES_CHANGES, ...HR_CHANGES]));
  const restricted = await diffWith('snapshot:out/prod.json', 'dev', '-snapshotSchemas=sales');
  assert.equal(changeSummary(restricted), sorted(SALES_CHANGES));
  // The same objects keep the same IDs: the restricted diff is the whole one without hr's changes.
  assert.equal(restricted.differences, whole.differences.filter((d) => (d.from ?? d.to)!.schema === 'sales'));

  // The other direction, and both spellings of the parameter.
  assert.equal(changeSummary(await diffWith('dev', 'snapshot:out/prod.json')).filter((c) => c.includes(' hr|')), ['Delete Enum hr|grade', 'Delete Schema hr|hr', 'Delete Table hr|staff']);
  assert.equal((await diffWith('dev', 'snapshot:out/prod.json', '-diff.snapshotSchemas=sales')).differences.filter((d) => (d.from ?? d.to)!.schema === 'hr'), []);
  assert.equal(changeSummary(await diffWith('snapshot:out/prod.json', 'dev', '-flyway.snapshotSchemas=sales')), sorted(SALES_CHANGES));

  // Only hr, against empty: every object of hr and nothing of sales.
  assert.equal(changeSummary(await diffWith('snapshot:out/prod.json', 'empty', '-snapshotSchemas=hr')), HR_CHANGES);
});

test('[flyway.diff] snapshotSchemas in flyway.toml restricts the snapshot side too; -snapshotSchemas wins over it', async () => {
  const configured = await diffWith('snapshot:out/prod.json', 'dev', '-configFiles=flyway.toml,diff-sales.toml');
  assert.equal(changeSummary(configured), sorted(SALES_CHANGES));
  const overridden = await diffWith('snapshot:out/prod.json', 'empty', '-configFiles=flyway.toml,diff-sales.toml', '-snapshotSchemas=hr');
  assert.equal(changeSummary(overridden), HR_CHANGES);
  // A project-wide setting is not an error (nor a warning) when neither side is a snapshot.
  const environments = await run('diff', '-source=prod_sales', '-target=dev', '-artifactFilename=out/env.artifact', '-configFiles=flyway.toml,diff-sales.toml');
  assert.is(environments.code, 0, environments.stderr);
  assert.not.match(environments.stderr, /snapshotSchemas/);
  // The snapshot command does not read the diff namespace.
  const snap = await run('snapshot', '-source=snapshot:out/prod.json', '-filename=out/copy.json', '-configFiles=flyway.toml,diff-sales.toml');
  assert.is(snap.code, 0, snap.stderr);
  assert.is(read('out/copy.json'), read('out/prod.json'));
});

test('a schema the snapshot does not hold is a one-line error (exit 2) naming the schemas it holds', async () => {
  const line = oneLineError(await run('diff', '-source=snapshot:out/prod.json', '-target=dev', '-snapshotSchemas=sales,crm'), 2);
  assert.is(line, 'ERROR: snapshot out/prod.json holds no schema "crm" (it holds hr, sales) (-snapshotSchemas)');
  // On the target side, and from flyway.toml (where: the file and setting).
  const target = oneLineError(await run('diff', '-source=dev', '-target=snapshot:out/prod.json', '-configFiles=flyway.toml,diff-crm.toml'), 2);
  assert.is(target, 'ERROR: snapshot out/prod.json holds no schema "crm" (it holds hr, sales) (diff-crm.toml: flyway.diff.snapshotSchemas)');
  // Both sides snapshots: each must hold every schema named.
  const both = oneLineError(await run('diff', '-source=snapshot:out/prod.json', '-target=snapshot:out/dev.json', '-snapshotSchemas=hr'), 2);
  assert.is(both, 'ERROR: snapshot out/dev.json holds no schema "hr" (it holds sales) (-snapshotSchemas)');
  assert.equal((await diffWith('snapshot:out/prod.json', 'snapshot:out/dev.json', '-snapshotSchemas=sales')).differences.length, SALES_CHANGES.length);
  // JSON output: the error object on stdout.
  const json = await run('diff', '-source=snapshot:out/prod.json', '-target=dev', '-snapshotSchemas=crm', '-outputType=json');
  assert.is(json.code, 2);
  assert.equal(JSON.parse(json.stdout), { error: { errorCode: 'INVALID_ARGUMENT', message: 'snapshot out/prod.json holds no schema "crm" (it holds hr, sales) (-snapshotSchemas)' } });
  // A list that names nothing is not "no restriction".
  assert.is(oneLineError(await run('diff', '-source=snapshot:out/prod.json', '-target=dev', '-snapshotSchemas=,'), 2), 'ERROR: -snapshotSchemas names no schema (-snapshotSchemas)');
});

test('given on the command line with no snapshot side: a warning, and the diff runs', async () => {
  const result = await run('diff', '-source=prod_sales', '-target=dev', '-artifactFilename=out/env.artifact', '-snapshotSchemas=sales');
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stderr, /-snapshotSchemas is not used: neither -source nor -target is a snapshot/);
});

test('the artifact, diffText and generate describe the restricted side', async () => {
  await diffWith('snapshot:out/prod.json', 'dev', '-snapshotSchemas=sales');
  const artifact = JSON.parse(read('out/diff.artifact')) as { source: { description: string }; target: { description: string } };
  assert.is(artifact.source.description, 'snapshot out/prod.json (snapshotSchemas: sales)');
  assert.not.match(artifact.target.description, /snapshotSchemas/);
  const text = await run('diffText', '-artifactFilename=out/diff.artifact');
  assert.is(text.code, 0, text.stderr);
  assert.match(text.stdout, /\+\+\+ snapshot out\/prod\.json \(snapshotSchemas: sales\)/);
});

test('snapshot -snapshotSchemas writes only those schemas: the same bytes as a snapshot of them alone, from a snapshot or a live source', async () => {
  const alone = await run('snapshot', '-source=prod_sales', '-filename=out/sales-alone.json');
  assert.is(alone.code, 0, alone.stderr);
  const cut = await run('snapshot', '-source=snapshot:out/prod.json', '-snapshotSchemas=sales', '-filename=out/sales-cut.json');
  assert.is(cut.code, 0, cut.stderr);
  assert.match(cut.stdout, /from snapshot out\/prod\.json \(snapshotSchemas: sales\)\)/);
  const live = await run('snapshot', '-source=prod', '-snapshot.snapshotSchemas=sales', '-filename=out/sales-live.json', '-outputType=json');
  assert.is(live.code, 0, live.stderr);
  const output = JSON.parse(live.stdout) as { source: string; schemas: string[]; objects: number };
  assert.match(output.source, /^environment prod \(postgres:\/\/.*\) \(snapshotSchemas: sales\)$/);
  assert.equal(output.schemas, ['sales']);
  assert.is(read('out/sales-cut.json'), read('out/sales-alone.json'));
  assert.is(read('out/sales-live.json'), read('out/sales-alone.json'));

  // Independently of parity's introspection: the tables and views written are the catalog's in sales.
  const model = (JSON.parse(read('out/sales-cut.json')) as { model: { schemas: string[]; objects: Array<{ kind: string; schema: string; name: string }> } }).model;
  assert.equal(model.schemas, ['sales']);
  assert.equal(new Set(model.objects.map((o) => o.schema)), new Set(['sales']));
  const relations = await server.query<{ relname: string }>('prod', `SELECT relname FROM pg_class WHERE relnamespace = 'sales'::regnamespace AND relkind IN ('r', 'v') ORDER BY relname`);
  assert.equal(model.objects.filter((o) => o.kind === 'table' || o.kind === 'view').map((o) => o.name).sort(), relations.map((r) => r.relname));
  assert.is(output.objects, model.objects.length);

  const missing = oneLineError(await run('snapshot', '-source=prod', '-snapshotSchemas=crm', '-filename=out/none.json'), 2);
  assert.is(missing, 'ERROR: environment "prod" holds no schema "crm" (it holds hr, sales) (-snapshotSchemas)');
  assert.not.ok(fs.existsSync(path.join(work, 'out/none.json')));
});

test('restricted to one schema against one schema of another name: an unqualified comparison, which needs an unqualified snapshot', async () => {
  const qualified = oneLineError(await run('diff', '-source=snapshot:out/prod.json', '-target=review', '-snapshotSchemas=sales'), 2);
  assert.match(qualified, /^ERROR: snapshot out\/prod\.json was taken with schema qualifiers \(schema "sales"\) but environment "review" is compared without them: take the snapshot again from an environment whose URL names its one schema and that has no schemas setting \(-source\)$/);
  // Doing what the message says works.
  const saved = await run('snapshot', '-source=prod_sales_url', '-filename=out/sales-unqualified.json');
  assert.is(saved.code, 0, saved.stderr);
  assert.equal(changeSummary(await diffWith('snapshot:out/sales-unqualified.json', 'review')), ['Add Enum |status', 'Add Table |orders', 'Add View |big_orders', 'Edit Table |customers']);
  // An unqualified snapshot has no schema names to choose from.
  const unqualified = oneLineError(await run('diff', '-source=snapshot:out/sales-unqualified.json', '-target=review', '-snapshotSchemas=sales'), 2);
  assert.is(unqualified, 'ERROR: snapshot out/sales-unqualified.json was read without schema qualifiers (its one schema has no name), so snapshotSchemas cannot choose schemas from it (-snapshotSchemas)');
});

test('MySQL snapshots: a qualified one is restricted like any other; an unqualified one (a database named by its URL) is an error', async () => {
  writeSnapshotFile('out/mysql-two.json', {
    dialect: 'mysql',
    schemas: ['app', 'audit'],
    objects: [mysqlTable('app', 'orders'), mysqlTable('audit', 'events')],
  });
  assert.equal(changeSummary(await diffWith('snapshot:out/mysql-two.json', 'empty', '-snapshotSchemas=app')), ['Add Table app|orders']);
  assert.equal(changeSummary(await diffWith('snapshot:out/mysql-two.json', 'empty')), ['Add Table app|orders', 'Add Table audit|events']);
  writeSnapshotFile('out/mysql-url.json', { dialect: 'mysql', schemas: [''], objects: [mysqlTable('', 'orders')] });
  const line = oneLineError(await run('diff', '-source=snapshot:out/mysql-url.json', '-target=empty', '-snapshotSchemas=app'), 2);
  assert.is(line, 'ERROR: snapshot out/mysql-url.json was read without schema qualifiers (its one schema has no name), so snapshotSchemas cannot choose schemas from it (-snapshotSchemas)');
});

test('round trip: the restricted diff generates a migration that makes dev\'s sales equal prod\'s, and creates nothing of hr', async () => {
  const before = await diffWith('snapshot:out/prod.json', 'dev', '-snapshotSchemas=sales');
  assert.equal(changeSummary(before), sorted(SALES_CHANGES));
  const generated = await run('generate', '-artifactFilename=out/diff.artifact', '-generate.location=out/scripts', '-generate.description=sales', '-generate.version=1');
  assert.is(generated.code, 0, generated.stdout + generated.stderr);
  const script = read('out/scripts/V1__sales.sql');
  assert.not.match(script, /\bhr\b/, 'the script touches nothing of hr');
  await server.exec('dev', script);

  assert.equal((await diffWith('snapshot:out/prod.json', 'dev', '-snapshotSchemas=sales')).differences, []);
  assert.equal(await catalogFingerprint(server.url('dev'), ['sales']), await catalogFingerprint(server.url('prod'), ['sales']));
  const hr = await server.query('dev', `SELECT 1 FROM pg_namespace WHERE nspname = 'hr'`);
  assert.is(hr.length, 0);
  // Without the parameter, what is left is exactly hr.
  assert.equal(changeSummary(await diffWith('snapshot:out/prod.json', 'dev')), HR_CHANGES);
});

test.run();
