/**
 * The schema-model workflow through the built CLI, as a user runs it: diff a database against the
 * folder, `model`, diff again to zero; `-changes` subsets; stable bytes; a broken file's error and
 * exit code; missing and empty folders; all-or-nothing writes; and no embedded server or data
 * directory left behind, even after Ctrl-C.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { interruptBinaryWhen, runCli } from '../support/cli.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

let pg: TestPostgres;
let work: string;
/** TMPDIR of every CLI run: the embedded servers' data directories go here. */
let cliTmp: string;

// The example shop schema: its first migration and its repeatable view.
const shop = ['V1__init.sql', 'R__order_summaries.sql'].map((f) => fs.readFileSync(new URL(`../../migrations/${f}`, import.meta.url), 'utf8')).join('\n');
const run = (...args: string[]) => runCli(args, { cwd: work, env: { TMPDIR: cliTmp } });
/**
 * Most diffs read the schema model in a scratch database on the test server (the build environment);
 * the canonical-form test, the JSON error and the Ctrl-C tests go through the embedded server.
 */
const BUILD = '-buildEnvironment=build';
const models = () => path.join(work, 'schema-models');

interface DiffJson {
  differences: Array<{ id: string; differenceType: string; objectType: string; from: { name: string } | null; to: { name: string } | null }>;
}
interface ModelJson {
  schemaModelLocation: string;
  files: Array<{ action: string; file: string; changeId: string; objectType: string; schema: string; name: string }>;
}

/** Every file of the folder with its bytes and modification time. */
function snapshot(folder: string): Map<string, { text: string; mtimeMs: number }> {
  const out = new Map<string, { text: string; mtimeMs: number }>();
  if (!fs.existsSync(folder)) return out;
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(folder, full), { text: fs.readFileSync(full, 'utf8'), mtimeMs: fs.statSync(full).mtimeMs });
  }
  return out;
}

async function diffJson(...args: string[]): Promise<DiffJson> {
  const result = await run('diff', ...args, '-outputType=json');
  assert.is(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as DiffJson;
}

test.before(async () => {
  pg = await startPostgres();
  await pg.createDatabase('dev');
  await pg.exec('dev', shop);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-model-cli-'));
  cliTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-model-tmp-'));
  fs.chmodSync(cliTmp, 0o755);
  const dev = `[environments.dev]
url = "${pg.jdbcUrl('dev')}"
user = "${pg.user}"
password = "${pg.password}"
schemas = ["shop"]

[environments.build]
url = "${pg.jdbcUrl('postgres')}"
user = "${pg.user}"
password = "${pg.password}"
`;
  fs.writeFileSync(path.join(work, 'flyway.toml'), dev);
  // The same environment with the schema model elsewhere (for -configFiles=NAME.toml).
  const example = fileURLToPathSafe(new URL('../../schema-models', import.meta.url));
  for (const [name, location] of [['broken', 'broken'], ['missing', 'nowhere/models'], ['fresh', 'fresh/models'], ['example', example]]) {
    fs.writeFileSync(path.join(work, `${name}.toml`), `${dev}\n[flyway]\nschemaModelLocation = "${location}"\n`);
  }
  fs.mkdirSync(models());
});

test.after(async () => {
  await pg?.stop();
  const left = cliTmp && fs.existsSync(cliTmp) ? fs.readdirSync(cliTmp).filter((e) => e.startsWith('parity-pg-')) : [];
  if (work) fs.rmSync(work, { recursive: true, force: true });
  if (cliTmp) fs.rmSync(cliTmp, { recursive: true, force: true });
  assert.equal(left, [], 'embedded PostgreSQL data directories left behind');
});

test('an empty folder is an empty model (every object of dev is an Add) and needs no server', async () => {
  const json = await diffJson('-source=dev', '-target=schemaModel', '-artifactFilename=out/first.artifact');
  assert.equal(json.differences.map((d) => `${d.differenceType} ${d.objectType} ${d.from?.name}`).sort(), [
    'Add Enum order_status',
    'Add Function order_total(bigint)',
    'Add Schema shop',
    'Add Sequence invoice_number',
    'Add Table customers',
    'Add Table order_lines',
    'Add Table orders',
    'Add Table products',
    'Add View order_summaries',
  ]);
});

test('diff dev vs schemaModel, model, diff again: No differences found', async () => {
  const diff = await run('diff', '-source=dev', '-target=schemaModel', BUILD, '-artifactFilename=out/b.artifact');
  assert.is(diff.code, 0, diff.stderr);
  const model = await run('model', '-artifactFilename=out/b.artifact');
  assert.is(model.code, 0, model.stderr);
  assert.match(model.stdout, /^schema model updated: .*schema-models \(9 added, 0 updated, 0 deleted, 0 unchanged\)\n/);
  assert.match(model.stdout, /\| added  \| Tables\/shop\.customers\.sql\s+\| Table\s+\| shop\s+\| customers\s+\|/);
  assert.equal([...snapshot(models()).keys()].sort(), [
    'Functions/shop.order_total(bigint).sql',
    'Schemas/shop.sql',
    'Sequences/shop.invoice_number.sql',
    'Tables/shop.customers.sql',
    'Tables/shop.order_lines.sql',
    'Tables/shop.orders.sql',
    'Tables/shop.products.sql',
    'Types/shop.order_status.sql',
    'Views/shop.order_summaries.sql',
  ]);
  const again = await run('diff', '-source=dev', '-target=schemaModel', BUILD, '-artifactFilename=out/c.artifact');
  assert.is(again.code, 0, again.stderr);
  assert.match(again.stdout, /No differences found\./);
  // The files are what the repository's example folder holds, byte for byte.
  const example = snapshot(fileURLToPathSafe(new URL('../../schema-models', import.meta.url)));
  const written = snapshot(models());
  assert.equal([...written.keys()].sort(), [...example.keys()].sort());
  for (const [file, { text }] of written) assert.is(text, example.get(file)?.text, file);
});

function fileURLToPathSafe(url: URL): string {
  return decodeURIComponent(url.pathname);
}

test('-changes applies only the selected changes and touches only their files', async () => {
  await pg.exec(
    'dev',
    `CREATE TABLE shop.coupons (code text PRIMARY KEY, percent integer NOT NULL CHECK (percent BETWEEN 1 AND 100));
     ALTER TABLE shop.customers ADD COLUMN phone text;
     DROP VIEW shop.order_summaries;`,
  );
  const json = await diffJson('-source=dev', '-target=schemaModel', BUILD, '-artifactFilename=out/d.artifact');
  const byName = new Map(json.differences.map((d) => [(d.from ?? d.to)!.name, d]));
  assert.equal([...byName.keys()].sort(), ['coupons', 'customers', 'order_summaries']);
  assert.is(byName.get('coupons')!.differenceType, 'Add');
  assert.is(byName.get('customers')!.differenceType, 'Edit');
  assert.is(byName.get('order_summaries')!.differenceType, 'Delete');

  const before = snapshot(models());
  await new Promise((resolve) => setTimeout(resolve, 20));
  const subset = await run('model', '-artifactFilename=out/d.artifact', `-changes=${byName.get('coupons')!.id}`, '-outputType=json');
  assert.is(subset.code, 0, subset.stderr);
  const result = JSON.parse(subset.stdout) as ModelJson;
  assert.equal(result.files, [{ action: 'added', file: 'Tables/shop.coupons.sql', changeId: byName.get('coupons')!.id, objectType: 'Table', schema: 'shop', name: 'coupons' }]);
  const after = snapshot(models());
  for (const [file, state] of before) assert.equal(after.get(file), state, `${file} was touched`);
  assert.equal([...after.keys()].filter((f) => !before.has(f)), ['Tables/shop.coupons.sql']);

  const remaining = await diffJson('-source=dev', '-target=schemaModel', BUILD, '-artifactFilename=out/e.artifact');
  assert.equal(remaining.differences.map((d) => `${d.differenceType} ${(d.from ?? d.to)!.name}`).sort(), ['Delete order_summaries', 'Edit customers']);

  const rest = await run('model', '-artifactFilename=out/e.artifact', '-model.changes=' + remaining.differences.map((d) => d.id).join(','));
  assert.is(rest.code, 0, rest.stderr);
  assert.match(rest.stdout, /\(0 added, 1 updated, 1 deleted, 0 unchanged\)/);
  assert.not.ok(fs.existsSync(path.join(models(), 'Views')), 'the emptied Views folder is removed');
  assert.match(fs.readFileSync(path.join(models(), 'Tables', 'shop.customers.sql'), 'utf8'), /phone text/);
  const none = await run('diff', '-source=dev', '-target=schemaModel', BUILD, '-artifactFilename=out/f.artifact');
  assert.match(none.stdout, /No differences found\./);
});

test('the canonical form is stable: re-modelling the folder from itself changes no byte', async () => {
  const before = snapshot(models());
  const diff = await run('diff', '-source=schemaModel', '-target=empty', '-artifactFilename=out/self.artifact');
  assert.is(diff.code, 0, diff.stderr);
  const model = await run('model', '-artifactFilename=out/self.artifact', '-outputType=json');
  assert.is(model.code, 0, model.stderr);
  const result = JSON.parse(model.stdout) as ModelJson;
  assert.ok(result.files.length >= 9);
  assert.ok(result.files.every((f) => f.action === 'unchanged'), JSON.stringify(result.files));
  assert.equal(snapshot(models()), before);
});

test('a broken file: exit code 9, one line naming the file, line and server message', async () => {
  const broken = path.join(work, 'broken');
  fs.cpSync(models(), broken, { recursive: true });
  fs.writeFileSync(path.join(broken, 'Tables', 'shop.audit.sql'), 'CREATE TABLE shop.audit (\n    id bigint,\n    who shop.no_such_type\n);\n');
  const result = await run('diff', '-source=schemaModel', '-target=empty', '-configFiles=broken.toml', BUILD);
  assert.is(result.code, 9, result.stderr);
  assert.is(result.stdout, '');
  assert.is(result.stderr, 'ERROR: type "shop.no_such_type" does not exist (broken/Tables/shop.audit.sql:3)\n');
  const json = await run('diff', '-source=schemaModel', '-target=empty', '-configFiles=broken.toml', '-outputType=json');
  assert.is(json.code, 9);
  assert.equal(JSON.parse(json.stdout), {
    error: { errorCode: 'SCHEMA_MODEL_ERROR', message: 'type "shop.no_such_type" does not exist (broken/Tables/shop.audit.sql:3)' },
  });
});

test('a missing folder is an error naming it (exit 6); model creates it', async () => {
  const missing = await run('diff', '-source=schemaModel', '-target=dev', '-configFiles=missing.toml', BUILD);
  assert.is(missing.code, 6, missing.stderr);
  assert.match(missing.stderr, /^ERROR: schema model folder not found .*\(nowhere\/models\/\)\n$/);
  const diff = await run('diff', '-source=dev', '-target=empty', '-artifactFilename=out/g.artifact');
  assert.is(diff.code, 0, diff.stderr);
  const model = await run('model', '-artifactFilename=out/g.artifact', '-configFiles=fresh.toml');
  assert.is(model.code, 0, model.stderr);
  assert.ok(fs.existsSync(path.join(work, 'fresh', 'models', 'Tables', 'shop.coupons.sql')));
});

test('model refuses an artifact whose target is not the schema model', async () => {
  const diff = await run('diff', '-source=empty', '-target=dev', '-artifactFilename=out/h.artifact');
  assert.is(diff.code, 0, diff.stderr);
  const result = await run('model', '-artifactFilename=out/h.artifact');
  assert.is(result.code, 2);
  assert.match(result.stderr, /^ERROR: model applies a diff to the schema model as its target, but this artifact's target is environment dev/);
});

test('a write failure changes nothing (exit 7): a folder stands where a file must go', async () => {
  await pg.exec('dev', 'CREATE TABLE shop.wishlists (id int PRIMARY KEY); COMMENT ON TABLE shop.customers IS $$changed$$;');
  const diff = await run('diff', '-source=dev', '-target=schemaModel', BUILD, '-artifactFilename=out/i.artifact');
  assert.is(diff.code, 0, diff.stderr);
  fs.mkdirSync(path.join(models(), 'Tables', 'shop.wishlists.sql'));
  const before = snapshot(models());
  const result = await run('model', '-artifactFilename=out/i.artifact');
  assert.is(result.code, 7, result.stderr);
  assert.match(result.stderr, /^ERROR: cannot update the schema model, nothing was changed: .*\(schema-models\/Tables\/shop\.wishlists\.sql\)\n$/);
  assert.equal(snapshot(models()), before);
  fs.rmdirSync(path.join(models(), 'Tables', 'shop.wishlists.sql'));
  const retry = await run('model', '-artifactFilename=out/i.artifact');
  assert.is(retry.code, 0, retry.stderr);
  assert.match(retry.stdout, /\(1 added, 1 updated, 0 deleted, 0 unchanged\)/);
});

/** Starts `diff -source=schemaModel`, waits until `ready(dataDir)`, sends SIGINT; returns the exit code. */
function interrupt(ready: (dataDir: string) => boolean): Promise<number | null> {
  const args = ['diff', '-source=schemaModel', '-target=empty', '-configFiles=example.toml'];
  return interruptBinaryWhen(
    args,
    { cwd: work, env: { TMPDIR: cliTmp } },
    () => {
      const dataDir = fs.readdirSync(cliTmp).find((e) => e.startsWith('parity-pg-'));
      return dataDir !== undefined && ready(path.join(cliTmp, dataDir));
    },
    'the embedded server getting there',
  );
}

test('Ctrl-C while the embedded server is being initialised leaves nothing behind', async () => {
  const code = await interrupt(() => true);
  assert.is(code, 130);
  assert.equal(fs.readdirSync(cliTmp).filter((e) => e.startsWith('parity-pg-')), []);
});

test('Ctrl-C while the embedded server runs stops it and removes its data', async () => {
  let pid = 0;
  const code = await interrupt((dataDir) => {
    try {
      pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      return pid > 0;
    } catch {
      return false;
    }
  });
  assert.is(code, 130);
  assert.equal(fs.readdirSync(cliTmp).filter((e) => e.startsWith('parity-pg-')), []);
  let alive = true;
  for (let i = 0; i < 100 && alive; i++) {
    try {
      process.kill(pid, 0);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } catch {
      alive = false;
    }
  }
  assert.not.ok(alive, `postgres ${pid} still runs`);
});

test.run();
