/**
 * The repository's own example: migrations/ (V1__init.sql, R__order_summaries.sql, U1__init.sql) and
 * schema-models/ describe the same shop schema. Migrating a real database with them and diffing it
 * against the schema model gives no differences, and so does `-source=migrations`; the README's first
 * command (run in the repository, with no database configured) lists exactly the example's objects.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../support/cli.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
let pg: TestPostgres;
let cliTmp: string;
const run = (...args: string[]) => runCli(args, { cwd: repo, env: { TMPDIR: cliTmp } });

interface DiffJson {
  differences: Array<{ differenceType: string; objectType: string; from: { schema: string; name: string; definition: string } | null }>;
}

test.before(async () => {
  pg = await startPostgres();
  cliTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-example-'));
  fs.chmodSync(cliTmp, 0o755);
});

test.after(async () => {
  await pg?.stop();
  const left = cliTmp ? fs.readdirSync(cliTmp).filter((e) => e.startsWith('parity-pg-')) : [];
  if (cliTmp) fs.rmSync(cliTmp, { recursive: true, force: true });
  assert.equal(left, [], 'embedded PostgreSQL data directories left behind');
});

/** `npx parity ARGS` in the repository, as the README's first command runs: the package's real binary, in its own process. */
function npxParity(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['parity', ...args], { cwd: repo, env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', TMPDIR: cliTmp } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('`npx parity diff -source=schemaModel -target=empty` in the repository lists exactly the example objects', async () => {
  const result = await npxParity('diff', '-source=schemaModel', '-target=empty', '-outputType=json', `-artifactFilename=${path.join(cliTmp, 'a.artifact')}`);
  assert.is(result.code, 0, result.stderr);
  const json = JSON.parse(result.stdout) as DiffJson;
  assert.equal(
    json.differences.map((d) => `${d.differenceType} ${d.objectType} ${d.from?.schema}.${d.from?.name}`),
    [
      'Add Enum shop.order_status',
      'Add Function shop.order_total(bigint)',
      'Add Schema shop.shop',
      'Add Sequence shop.invoice_number',
      'Add Table shop.customers',
      'Add Table shop.order_lines',
      'Add Table shop.orders',
      'Add Table shop.products',
      'Add View shop.order_summaries',
    ],
  );
  // Every file holds exactly the canonical DDL of its object.
  for (const difference of json.differences) {
    const folder = { Enum: 'Types', Function: 'Functions', Schema: 'Schemas', Sequence: 'Sequences', Table: 'Tables', View: 'Views' }[difference.objectType]!;
    const name = difference.objectType === 'Schema' ? difference.from!.name : `${difference.from!.schema}.${difference.from!.name}`;
    const text = fs.readFileSync(path.join(repo, 'schema-models', folder, `${name}.sql`), 'utf8');
    assert.is(text, `${difference.from!.definition}\n`, `${folder}/${name}.sql is not in canonical form`);
  }
});

/**
 * The test server as the build environment (`-url`/`-user`/`-password` define the `default` one):
 * the schema model is read in a scratch database there instead of an embedded server. The README's
 * own commands above and below run as written, on the embedded server.
 */
const onTestServer = () => [`-url=${pg.jdbcUrl('postgres')}`, `-user=${pg.user}`, `-password=${pg.password}`, '-buildEnvironment=default'];

test('the example snapshot snapshots/shop.json is the schema model', async () => {
  const result = await run('diff', '-source=snapshot:snapshots/shop.json', '-target=schemaModel', ...onTestServer(), `-artifactFilename=${path.join(cliTmp, 's.artifact')}`);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, 'No differences found.');
});

test('the example migrations, applied with parity migrate, diff to zero against schema-models/', async () => {
  await pg.createDatabase('shop');
  const url = pg.jdbcUrl('shop');
  const args = [`-url=${url}`, `-user=${pg.user}`, `-password=${pg.password}`, '-schemas=shop'];
  const migrated = await run('migrate', ...args, '-outputType=json');
  assert.is(migrated.code, 0, migrated.stderr);
  const migrateJson = JSON.parse(migrated.stdout) as { migrations: Array<{ version: string | null; description: string }> };
  assert.equal(migrateJson.migrations.map((m) => `${m.version ?? 'R'} ${m.description}`), ['1 init', 'R order summaries']);
  const info = await run('info', ...args);
  assert.is(info.code, 0, info.stderr);
  assert.match(info.stdout, /\| Versioned +\| 1 +\| init +\| SQL +\| [0-9-]+ [0-9:.]+ +\| Success +\| Yes +\|/);
  const forward = await run('diff', '-source=default', '-target=schemaModel', ...args, '-buildEnvironment=default', `-artifactFilename=${path.join(cliTmp, 'b.artifact')}`);
  assert.is(forward.code, 0, forward.stderr);
  assert.match(forward.stdout, /No differences found\./);
  const backward = await run('diff', '-source=schemaModel', '-target=default', ...args, '-buildEnvironment=default', `-artifactFilename=${path.join(cliTmp, 'c.artifact')}`);
  assert.is(backward.code, 0, backward.stderr);
  assert.match(backward.stdout, /No differences found\./);
});

test("the README's migrations command: the example migrations, built in an embedded PostgreSQL, equal the schema model", async () => {
  const result = await run('diff', '-source=migrations', '-target=schemaModel', `-artifactFilename=${path.join(cliTmp, 'm.artifact')}`);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /No differences found\./);
});

test("the repository's flyway.toml is the example project's: no environment, no password (a test run once wrote a throwaway server's into it)", () => {
  const toml = parse(fs.readFileSync(path.join(repo, 'flyway.toml'), 'utf8')) as { environments?: unknown; flyway?: Record<string, unknown> };
  assert.is(toml.environments, undefined);
  assert.equal(JSON.parse(JSON.stringify(toml.flyway)), { locations: ['filesystem:migrations'], schemaModelLocation: 'schema-models' });
  assert.not.match(fs.readFileSync(path.join(repo, 'flyway.toml'), 'utf8').replace(/^#.*$/gm, ''), /password/i);
});

test.run();
