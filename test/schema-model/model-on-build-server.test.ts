/**
 * `-source=schemaModel -buildEnvironment=NAME` on PostgreSQL: the folder is read in a scratch database
 * (`parity_schema_model_<random>`) on the build environment's server instead of a throwaway embedded
 * server. The same differences as the embedded path; the scratch database is gone afterwards, after a
 * broken file, and after Ctrl-C; a user without CREATEDB gets one line saying so (exit 5, no password);
 * a build environment of another dialect is a configuration error (exit 3).
 *
 * The file runs on a PostgreSQL server of its own (not the run's shared one): it checks that no
 * scratch database is left anywhere on the server, which other test files would disturb.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { interruptBinaryWhen, runCli } from '../support/cli.ts';
import { startOwnPostgres, type TestPostgres } from '../support/pg-server.ts';

let pg: TestPostgres;
let work: string;
const run = (...args: string[]) => runCli(args, { cwd: work, env: { PGPW: pg.password } });

const example = decodeURIComponent(new URL('../../schema-models', import.meta.url).pathname);

async function scratchDatabases(): Promise<string[]> {
  const rows = await pg.query<{ datname: string }>('postgres', "SELECT datname FROM pg_database WHERE starts_with(datname, 'parity_schema_model_')");
  return rows.map((r) => r.datname);
}

function environment(name: string, url: string, user = pg.user, password = '${env.PGPW}'): string {
  return `[environments.${name}]\nurl = "${url}"\nuser = "${user}"\npassword = "${password}"\n`;
}

test.before(async () => {
  pg = await startOwnPostgres();
  await pg.exec('postgres', "CREATE ROLE reader LOGIN PASSWORD 'reader-secret-pw' NOCREATEDB");
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-model-build-'));
  const environments = [
    environment('build', pg.jdbcUrl('postgres')),
    environment('readonly', pg.jdbcUrl('postgres'), 'reader', 'reader-secret-pw'),
    environment('mysqlbuild', 'jdbc:mysql://127.0.0.1:3306/build_db'),
  ].join('\n');
  fs.writeFileSync(path.join(work, 'flyway.toml'), `${environments}\n[flyway]\nschemaModelLocation = "${example}"\n`);
  fs.mkdirSync(path.join(work, 'broken', 'Tables'), { recursive: true });
  fs.writeFileSync(path.join(work, 'broken', 'Tables', 'public.t.sql'), 'CREATE TABLE public.t (\n    id int,\n    x no_such_type\n);\n');
  fs.writeFileSync(path.join(work, 'broken.toml'), `${environments}\n[flyway]\nschemaModelLocation = "broken"\n`);
  fs.mkdirSync(path.join(work, 'slow', 'Tables'), { recursive: true });
  for (let i = 0; i < 600; i++) fs.writeFileSync(path.join(work, 'slow', 'Tables', `public.t${i}.sql`), `CREATE TABLE public.t${i} (id int PRIMARY KEY, v text);\n`);
  fs.writeFileSync(path.join(work, 'slow.toml'), `${environments}\n[flyway]\nschemaModelLocation = "slow"\n`);
});

test.after(async () => {
  await pg?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('the example schema model read on the build server: the same JSON as on the embedded server, nothing left', async () => {
  const onBuild = await run('diff', '-source=schemaModel', '-target=empty', '-buildEnvironment=build', '-outputType=json', '-artifactFilename=build.artifact');
  assert.is(onBuild.code, 0, onBuild.stderr);
  const embedded = await run('diff', '-source=schemaModel', '-target=empty', '-outputType=json', '-artifactFilename=embedded.artifact');
  assert.is(embedded.code, 0, embedded.stderr);
  const differences = (text: string) => (JSON.parse(text) as { differences: unknown[] }).differences;
  assert.ok(differences(onBuild.stdout).length >= 9);
  assert.equal(differences(onBuild.stdout), differences(embedded.stdout));
  assert.equal(await scratchDatabases(), []);
});

test('a broken file: exit 9 with file:line, and the scratch database is dropped', async () => {
  const result = await run('diff', '-source=schemaModel', '-target=empty', '-configFiles=broken.toml', '-buildEnvironment=build');
  assert.is(result.code, 9, result.stderr);
  assert.is(result.stderr, 'ERROR: type "no_such_type" does not exist (broken/Tables/public.t.sql:3)\n');
  assert.equal(await scratchDatabases(), []);
});

test('a build user without CREATEDB: exit 5, one line saying what it needs, no password', async () => {
  const result = await run('diff', '-source=schemaModel', '-target=empty', '-buildEnvironment=readonly');
  assert.is(result.code, 5, result.stderr);
  assert.is(result.stderr.split('\n').filter(Boolean).length, 1, result.stderr);
  assert.match(result.stderr, /^ERROR: cannot create a scratch database for the schema model \(the build environment's user needs CREATEDB\): permission denied to create database \(postgres:\/\/reader@127\.0\.0\.1:\d+\/postgres\)\n$/);
  assert.not.match(result.stderr, 'reader-secret-pw');
  assert.equal(await scratchDatabases(), []);
});

test('a build environment of another dialect: exit 3 naming it', async () => {
  const result = await run('diff', '-source=schemaModel', '-target=empty', '-buildEnvironment=mysqlbuild');
  assert.is(result.code, 3, result.stderr);
  assert.match(result.stderr, /^ERROR: build environment "mysqlbuild" is a MySQL\/MariaDB database, but the schema model is PostgreSQL \(flyway\.toml: environments\.mysqlbuild\.url\)\n$/);
});

test('Ctrl-C while the files are applied drops the scratch database (exit 130)', async () => {
  const args = ['diff', '-source=schemaModel', '-target=empty', '-configFiles=slow.toml', '-buildEnvironment=build'];
  const code = await interruptBinaryWhen(args, { cwd: work, env: { PGPW: pg.password } }, async () => (await scratchDatabases()).length === 1, 'the scratch database appearing');
  assert.is(code, 130);
  assert.equal(await scratchDatabases(), []);
});

test.run();
