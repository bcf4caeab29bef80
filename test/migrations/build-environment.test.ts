/**
 * `diff -source=migrations` against a real PostgreSQL, through the built CLI: a configured build
 * environment (rebuild, build version, cherry pick, pending-only, refusal to clean an environment
 * without a provisioner), the embedded default, preparation info, the schema history table kept out of
 * diffs unless asked for. (The README's migrations command on the repository itself is tested in
 * test/schema-model/example.test.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DATA_DIR_PREFIX } from '../../src/embedded/embedded-postgres.ts';
import { runCli } from '../support/cli.ts';
import { migrationProject, type MigrationProject } from '../support/migration-project.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

let pg: TestPostgres;
let p: MigrationProject;

interface DiffJson {
  differences: Array<{ differenceType: string; objectType: string; from: { schema: string; name: string } | null; to: { schema: string; name: string } | null }>;
  sourcePreparationInfo: Record<string, unknown> | null;
  targetPreparationInfo: Record<string, unknown> | null;
}

const changes = (json: DiffJson) =>
  json.differences.map((d) => `${d.differenceType} ${d.objectType} ${(d.from ?? d.to)!.schema}.${(d.from ?? d.to)!.name}`).sort();

async function diffJson(...args: string[]): Promise<DiffJson> {
  const result = await p.run('diff', ...args, '-outputType=json');
  assert.is(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as DiffJson;
}

const relationExists = async (database: string, name: string) =>
  (await pg.query<{ present: boolean }>(database, 'SELECT to_regclass($1) IS NOT NULL AS present', [name]))[0]!.present;

test.before(async () => {
  pg = await startPostgres();
  for (const db of ['build', 'prod', 'plain']) await pg.createDatabase(db);
  await pg.exec('build', 'CREATE SCHEMA app; CREATE TABLE app.table_3 (id int);');
  await pg.exec('prod', 'CREATE SCHEMA app;');
  await pg.exec('plain', 'CREATE SCHEMA app; CREATE TABLE app.keep_me (id int);');
  p = migrationProject(pg, { build: { database: 'build', provisioner: 'clean' }, prod: { database: 'prod' }, plain: { database: 'plain' } }, 'schemas = ["app"]');
  p.write('V1__first.sql', 'CREATE TABLE all_tables (id int);\n');
  p.write('V2__table1.sql', 'CREATE TABLE table_1 (id int PRIMARY KEY);\n');
  p.write('V3__view1.sql', 'CREATE VIEW view_1 AS SELECT id FROM table_1;\n');
  p.write('V4__table2.sql', 'CREATE TABLE table_2 (id int);\n');
});

test.after(async () => {
  p?.dispose();
  await pg?.stop();
});

test('-rebuild=true cleans the build environment and -buildVersion stops at a version', async () => {
  const json = await diffJson('-source=migrations', '-target=prod', '-buildEnvironment=build', '-buildVersion=3', '-rebuild=true');
  assert.equal(changes(json), ['Add Table app.all_tables', 'Add Table app.table_1', 'Add View app.view_1']);
  assert.equal(json.sourcePreparationInfo, {
    sourceType: 'migrations',
    buildEnvironment: 'build',
    provisioner: 'clean',
    migrationState: { pending: 1, applied: 3, failed: 0, total: 4 },
    reprovisioned: true,
    targetSchemaVersion: '3',
    migrationsExecuted: 3,
  });
  assert.is(json.targetPreparationInfo, null);
  assert.not.ok(await relationExists('build', 'app.table_3'), 'clean left table_3');
  assert.not.ok(await relationExists('build', 'app.table_2'));
});

test('without -rebuild only pending migrations run; a build environment past -buildVersion needs a rebuild', async () => {
  const json = await diffJson('-source=migrations', '-target=prod', '-buildEnvironment=build', '-buildVersion=4');
  assert.equal(changes(json), ['Add Table app.all_tables', 'Add Table app.table_1', 'Add Table app.table_2', 'Add View app.view_1']);
  assert.equal([json.sourcePreparationInfo!['reprovisioned'], json.sourcePreparationInfo!['migrationsExecuted'], json.sourcePreparationInfo!['targetSchemaVersion']], [false, 1, '4']);

  const behind = await p.run('diff', '-source=migrations', '-target=prod', '-buildEnvironment=build', '-buildVersion=3');
  assert.is(behind.code, 11, behind.stderr);
  assert.match(behind.stderr, /build environment "build" cannot be built as asked: it is at version 4, above -buildVersion=3; pass -rebuild=true/);
});

test('-buildCherryPick applies exactly the listed versions', async () => {
  const json = await diffJson('-source=migrations', '-target=prod', '-buildEnvironment=build', '-buildCherryPick=2,4', '-rebuild=true');
  assert.equal(changes(json), ['Add Table app.table_1', 'Add Table app.table_2']);
  assert.equal([json.sourcePreparationInfo!['migrationsExecuted'], json.sourcePreparationInfo!['targetSchemaVersion']], [2, '4']);
  const versions = await pg.query<{ version: string | null }>('build', 'SELECT version FROM app.flyway_schema_history ORDER BY installed_rank');
  assert.equal(versions.map((v) => v.version), ['2', '4']);
});

test('parity refuses to clean an environment without provisioner = "clean", and leaves it untouched', async () => {
  const refused = await p.run('diff', '-source=migrations', '-target=prod', '-buildEnvironment=plain', '-rebuild=true');
  assert.is(refused.code, 3, refused.stderr);
  assert.match(refused.stderr, /refusing to clean environment "plain" for -rebuild=true: parity only cleans build environments configured with provisioner = "clean" \(flyway\.toml: environments\.plain\.provisioner\)/);
  assert.ok(await relationExists('plain', 'app.keep_me'));
  // Without -rebuild, a non-empty environment that migrations did not build is refused too.
  const notBuilt = await p.run('diff', '-source=migrations', '-target=prod', '-buildEnvironment=plain');
  assert.is(notBuilt.code, 11, notBuilt.stderr);
  assert.match(notBuilt.stderr, /found non-empty schema\(s\) "app" but no schema history table/);
  assert.ok(await relationExists('plain', 'app.keep_me'));
  assert.not.ok(await relationExists('plain', 'app.flyway_schema_history'));
});

test('the schema history table is left out of diffs unless -includeFlywayObjects=true', async () => {
  assert.equal(changes(await diffJson('-source=build', '-target=prod')), ['Add Table app.table_1', 'Add Table app.table_2']);
  assert.equal(changes(await diffJson('-source=build', '-target=prod', '-includeFlywayObjects=true')), [
    'Add Table app.flyway_schema_history',
    'Add Table app.table_1',
    'Add Table app.table_2',
  ]);
});

test('with no build environment the migrations are built in an embedded PostgreSQL that is removed afterwards', async () => {
  // The CLI gets a temporary folder of its own (TMPDIR), so servers of test files running alongside
  // (they use the same prefix in the shared /tmp) cannot be mistaken for leftovers, and the test can
  // watch the embedded data directory appear while the CLI runs.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-buildenv-tmp-'));
  fs.chmodSync(tmp, 0o755); // as root the server runs as another user, who must reach its data directory
  const dataDirs = () => fs.readdirSync(tmp).filter((name) => name.startsWith(DATA_DIR_PREFIX));
  const seen = new Set<string>();
  const run = async (...args: string[]) => {
    const watcher = setInterval(() => dataDirs().forEach((name) => seen.add(name)), 25);
    try {
      return await runCli(args, { cwd: p.dir, env: { PGPASSWORD: pg.password, TMPDIR: tmp } });
    } finally {
      clearInterval(watcher);
    }
  };
  try {
    const result = await run('diff', '-source=migrations', '-target=prod', '-outputType=json');
    assert.is(result.code, 0, result.stderr || result.stdout);
    const json = JSON.parse(result.stdout) as DiffJson;
    assert.equal(changes(json), ['Add Table app.all_tables', 'Add Table app.table_1', 'Add Table app.table_2', 'Add View app.view_1']);
    assert.equal(json.sourcePreparationInfo, {
      sourceType: 'migrations',
      buildEnvironment: null,
      provisioner: null,
      migrationState: { pending: 0, applied: 4, failed: 0, total: 4 },
      reprovisioned: true,
      targetSchemaVersion: '4',
      migrationsExecuted: 4,
    });
    assert.is(seen.size, 1, 'the embedded server should have used a data directory in the temporary folder');
    assert.equal(dataDirs(), [], 'an embedded data directory was left behind');

    p.write('V5__broken.sql', 'CREATE TABLE ok (id int);\nCREATE TABLE broken (id nosuchtype);\n');
    const broken = await run('diff', '-source=migrations', '-target=prod');
    assert.is(broken.code, 10, broken.stderr);
    assert.match(broken.stderr, /type "nosuchtype" does not exist \(migrations\/V5__broken\.sql:2\)/);
    p.remove('V5__broken.sql');
    assert.is(seen.size, 2, 'the failed build should have started its own embedded server');
    assert.equal(dataDirs(), [], 'a failed build left its embedded data directory behind');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test.run();
