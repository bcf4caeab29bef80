/**
 * `parity check -changes -changesSource=schemaModel` (state-based projects) on a live PostgreSQL: the
 * schema model (source) against prod (target), read on the build environment's server. The
 * differences are exactly what the model has and prod has not (a new column, a new table, a table
 * prod has and the model has not), checked against prod's own catalog, and prod is left as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { catalogFingerprint } from '../support/catalog-fingerprint.ts';
import { runCli } from '../support/cli.ts';
import { migrationProject, type MigrationProject } from '../support/migration-project.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

let pg: TestPostgres;
let p: MigrationProject;

test.before(async () => {
  pg = await startPostgres();
  await pg.createDatabase('prod');
  await pg.createDatabase('build');
  await pg.exec('prod', 'CREATE TABLE customers (id int PRIMARY KEY, name text); CREATE TABLE legacy (id int PRIMARY KEY)');
  p = migrationProject(pg, { prod: { database: 'prod', schemas: ['public'] }, build: { database: 'build', schemas: ['public'] } }, 'schemaModelLocation = "model"\n');
  const model = path.join(p.dir, 'model', 'Tables');
  fs.mkdirSync(model, { recursive: true });
  fs.writeFileSync(path.join(model, 'public.customers.sql'), 'CREATE TABLE public.customers (id int PRIMARY KEY, name text, email text);\n');
  fs.writeFileSync(path.join(model, 'public.orders.sql'), 'CREATE TABLE public.orders (id int PRIMARY KEY, customer_id int REFERENCES public.customers (id));\n');
});

test.after(async () => {
  p?.dispose();
  await pg?.stop();
});

test('-changesSource=schemaModel: the model against prod, exactly its differences; prod untouched', async () => {
  const before = (await catalogFingerprint(pg.url('prod'), ['public'])).join('\n');
  const result = await runCli(['check', '-changes', '-changesSource=schemaModel', '-environment=prod', '-buildEnvironment=build', '-outputType=json', '-reportFilename=out/r.html'], {
    cwd: p.dir,
    env: { PGPASSWORD: pg.password },
  });
  assert.is(result.code, 0, result.stderr);
  const json = JSON.parse(result.stdout) as { changes: { differences: Array<{ differenceType: string; objectType: string; from: { name: string } | null; to: { name: string } | null }> } };
  const summary = json.changes.differences.map((d) => `${d.differenceType} ${d.objectType} ${(d.from ?? d.to)!.name}`).sort();
  assert.equal(summary, ['Add Table orders', 'Delete Table legacy', 'Edit Table customers']);
  // What prod's own catalog says, independently of parity: no email column, no orders table, a legacy table.
  assert.is(before.includes('email'), false);
  assert.is(/\borders\b/.test(before), false);
  assert.ok(/\blegacy\b/.test(before));
  assert.is((await catalogFingerprint(pg.url('prod'), ['public'])).join('\n'), before, 'prod is left as it was');
});

test.run();
