/**
 * SQL Server through the CLI, without a server: `diff` and `generate` from the shipped example
 * snapshot (snapshots/sqlserver-example.json) against `empty` and against a changed copy, `snapshot`
 * of it, and the errors a SQL Server project meets: `dataDiff` against a server that refuses the
 * connection (exit 4, as far as it can get here), a schema model without a build environment.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, type CliResult } from '../support/cli.ts';
import { changeSummary, diffJson } from '../support/diff-json.ts';
import { sqlserverDialect } from '../../src/dialects/sqlserver/sqlserver-dialect.ts';
import type { SchemaObject } from '../../src/model/objects.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-sqlserver-cli-'));
const example = fs.readFileSync(new URL('../../snapshots/sqlserver-example.json', import.meta.url), 'utf8');
const run = (...args: string[]): Promise<CliResult> => runCli(args, { cwd: work, env: { MSSQL_PASSWORD: 'pw-secret-1' } });

/** The example with `orders.status` widened, an index dropped and a column added. */
function changedCopy(): string {
  const snapshot = JSON.parse(example) as { model: { objects: Array<Record<string, unknown>> } };
  const orders = snapshot.model.objects.find((o) => o['kind'] === 'table' && o['name'] === 'orders') as { columns: Array<Record<string, unknown>>; indexes: Array<{ name: string }> };
  orders.columns = orders.columns.map((c) => (c['name'] === 'status' ? { ...c, type: 'varchar(40)' } : c));
  orders.columns.push({ name: 'channel', type: 'varchar(10)', nullable: true });
  orders.indexes = orders.indexes.filter((i) => i.name !== 'IX_orders_customer');
  return JSON.stringify(snapshot);
}

let refusedPort = 0;

test.before(async () => {
  fs.writeFileSync(path.join(work, 'example.json'), example);
  fs.writeFileSync(path.join(work, 'changed.json'), changedCopy());
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  refusedPort = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.writeFileSync(
    path.join(work, 'flyway.toml'),
    [
      'databaseType = "SqlServer"',
      '[environments.legacy]',
      `url = "jdbc:sqlserver://127.0.0.1:${refusedPort};databaseName=app;encrypt=false;loginTimeout=5"`,
      'user = "deploy"',
      'password = "${env.MSSQL_PASSWORD}"',
      '[environments.pg]',
      'url = "jdbc:postgresql://127.0.0.1:1/app"',
      '',
    ].join('\n'),
  );
});

test.after(() => fs.rmSync(work, { recursive: true, force: true }));

test('diff: the example against empty is one Add per object, dbo left out', async () => {
  const json = await diffJson(run, 'snapshot:example.json', 'empty', 'all.artifact');
  assert.equal(changeSummary(json), [
    'Add Domain dbo|Phone',
    'Add Function dbo|fn_tax',
    'Add Function sales|fn_orders_of',
    'Add Procedure sales|usp_close_order',
    'Add Schema sales|sales',
    'Add Sequence dbo|order_numbers',
    'Add Sequence sales|ticket_no',
    'Add Table sales|customers',
    'Add Table sales|order_lines',
    'Add Table sales|orders',
    'Add View sales|v_open_orders',
  ]);
  const table = json.differences.find((d) => d.to?.name === 'orders' || d.from?.name === 'orders')!;
  const definition = (table.from ?? table.to)!.definition!;
  assert.match(definition, 'CREATE TABLE [sales].[orders] (\n    [id] bigint IDENTITY(1000,1) NOT FOR REPLICATION NOT NULL,');
  assert.match(definition, '\nGO\n');
});

test('generate from the example: a V script of GO batches and its undo, written to the migrations folder', async () => {
  const result = await run('generate', '-artifactFilename=all.artifact', '-generate.location=migrations', '-generate.version=1', '-generate.description=example', '-generate.types=versioned,undo');
  assert.is(result.code, 0, result.stderr);
  const v = fs.readFileSync(path.join(work, 'migrations', 'V1__example.sql'), 'utf8');
  const u = fs.readFileSync(path.join(work, 'migrations', 'U1__example.sql'), 'utf8');
  assert.match(v, 'CREATE SCHEMA [sales]\nGO\n');
  assert.ok(v.indexOf('CREATE TABLE [sales].[orders]') < v.indexOf('CREATE VIEW sales.v_open_orders'));
  assert.match(u, 'DROP TABLE [sales].[orders]\nGO\n');
  assert.ok(u.indexOf('DROP TABLE [sales].[customers]') < u.indexOf('DROP SCHEMA [sales]'));
  assert.not.match(v, 'CREATE SCHEMA [sales];', 'no semicolon terminators: GO ends each batch');
});

test('diff and generate between two versions: an Edit of the table, ALTER COLUMN with the index rebuilt, ADD, DROP INDEX', async () => {
  const json = await diffJson(run, 'snapshot:changed.json', 'snapshot:example.json', 'edit.artifact');
  assert.equal(changeSummary(json), ['Edit Table sales|orders']);
  const result = await run('generate', '-artifactFilename=edit.artifact', '-generate.location=edit', '-generate.version=2', '-generate.description=widen');
  assert.is(result.code, 0, result.stderr);
  const v = fs.readFileSync(path.join(work, 'edit', 'V2__widen.sql'), 'utf8');
  assert.match(v, 'DROP INDEX [IX_orders_customer] ON [sales].[orders]\nGO');
  assert.match(v, 'ALTER TABLE [sales].[orders] DROP CONSTRAINT [DF_orders_status]\nGO\n\nALTER TABLE [sales].[orders] ALTER COLUMN [status] varchar(40) NOT NULL\nGO');
  assert.match(v, 'ALTER TABLE [sales].[orders] ADD [channel] varchar(10) NULL\nGO');
  assert.ok(v.indexOf('DROP INDEX [IX_orders_status]') < v.indexOf('ALTER COLUMN [status]'));
  assert.match(v, "ADD CONSTRAINT [DF_orders_status] DEFAULT ('new') FOR [status]");
});

test('snapshot of the example snapshot writes the same file', async () => {
  const result = await run('snapshot', '-source=snapshot:example.json', '-filename=again.json');
  assert.is(result.code, 0, result.stderr);
  assert.is(fs.readFileSync(path.join(work, 'again.json'), 'utf8'), example);
});

test('dataDiff against SQL Server gets as far as connecting: a refused connection is exit 4, one line, no password', async () => {
  const result = await run('dataDiff', '-source=legacy', '-target=legacy', '-table=orders', '-key=id');
  assert.is(result.code, 4, result.stdout + result.stderr);
  assert.is(result.stderr.trim().split('\n').filter((l) => l.startsWith('ERROR:')).length, 1, result.stderr);
  assert.match(result.stderr, `ERROR: cannot connect to SQL Server at 127.0.0.1:${refusedPort}: connection refused`);
  assert.not.match(result.stdout + result.stderr, 'pw-secret-1');
  assert.not.match(result.stderr, 'has no data diff');
});

test('a SQL Server that refuses the connection: exit 4, one line, no password', async () => {
  const result = await run('diff', '-source=legacy', '-target=empty');
  assert.is(result.code, 4, result.stderr);
  assert.is(result.stderr.trim().split('\n').filter((l) => l.startsWith('ERROR:')).length, 1);
  assert.match(result.stderr, `ERROR: cannot connect to SQL Server at 127.0.0.1:${refusedPort}: connection refused (sqlserver://deploy@127.0.0.1:${refusedPort}/app)`);
  assert.not.match(result.stdout + result.stderr, 'pw-secret-1');
  const info = await run('info', '-environment=legacy');
  assert.is(info.code, 4, info.stderr);
  assert.match(info.stderr, 'connection refused');
});

test('model: the example written into an empty schema-model folder, one file per object, each found again by what it creates', async () => {
  const project = path.join(work, 'model-project');
  fs.mkdirSync(path.join(project, 'schema-models'), { recursive: true });
  fs.writeFileSync(path.join(project, 'flyway.toml'), 'databaseType = "SqlServer"\n');
  fs.writeFileSync(path.join(project, 'example.json'), example);
  const inProject = (...args: string[]) => runCli(args, { cwd: project, env: {} });
  const diff = await inProject('diff', '-source=snapshot:example.json', '-target=schemaModel');
  assert.is(diff.code, 0, diff.stderr);
  const model = await inProject('model');
  assert.is(model.code, 0, model.stderr);
  const folder = path.join(project, 'schema-models');
  const files = fs.readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(folder, path.join(e.parentPath, e.name))).sort();
  assert.is(files.length, 11);
  assert.ok(files.includes(path.join('Tables', 'sales.orders.sql')) && files.includes(path.join('Domains', 'dbo.Phone.sql')), files.join(', '));
  const orders = fs.readFileSync(path.join(folder, 'Tables', 'sales.orders.sql'), 'utf8');
  assert.match(orders, /^CREATE TABLE \[sales\]\.\[orders\] \(\n/);
  assert.match(orders, '\nGO\n');
  const sqlFiles = files.map((f) => ({ path: f, text: fs.readFileSync(path.join(folder, f), 'utf8') }));
  const found = await sqlserverDialect.schemaModel!.fileObjects(sqlFiles);
  const objects = (JSON.parse(example) as { model: { objects: SchemaObject[] } }).model.objects;
  for (const object of objects) {
    const key = sqlserverDialect.schemaModel!.objectKey(object);
    assert.ok([...found.values()].some((keys) => keys?.includes(key)), `no file creates ${key}`);
  }
});

test('a SQL Server schema model without a build environment: CONFIG_ERROR (exit 3) saying what to configure', async () => {
  fs.mkdirSync(path.join(work, 'schema-models', 'Tables'), { recursive: true });
  fs.writeFileSync(path.join(work, 'schema-models', 'Tables', 'dbo.t.sql'), 'CREATE TABLE dbo.t (id int NOT NULL)\nGO\n');
  const result = await run('diff', '-source=schemaModel', '-target=empty');
  assert.is(result.code, 3, result.stderr);
  assert.match(result.stderr, 'ERROR: reading a SQL Server schema model needs a SQL Server server');
});

test.run();
