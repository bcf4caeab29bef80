/**
 * `parity migrate` and `parity info` against a real PostgreSQL, through the built CLI: Flyway version
 * order, the history table's shape and rows (checksums computed independently), repeatables, targets,
 * failures (rolled back or recorded as failed), validation, placeholders and a history written the way
 * Flyway writes it. Objects are checked with catalog queries written here, not with parity's reader.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { expectedFlywayChecksum, info, migrationProject, states, type MigrationProject } from '../support/migration-project.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

let pg: TestPostgres;
const projects: MigrationProject[] = [];

async function project(database: string, schemas: readonly string[] = ['app'], extraToml = ''): Promise<MigrationProject> {
  await pg.createDatabase(database);
  const created = migrationProject(pg, { dev: { database, schemas } }, extraToml);
  projects.push(created);
  return created;
}

interface HistoryRow {
  installed_rank: number;
  version: string | null;
  description: string;
  type: string;
  script: string;
  checksum: number | null;
  installed_by: string;
  success: boolean;
}

const history = (database: string, schema = 'app') =>
  pg.query<HistoryRow>(database, `SELECT installed_rank, version, description, type, script, checksum, installed_by, success FROM "${schema}".flyway_schema_history ORDER BY installed_rank`);

const relationExists = async (database: string, name: string) =>
  (await pg.query<{ present: boolean }>(database, 'SELECT to_regclass($1) IS NOT NULL AS present', [name]))[0]!.present;


test.before(async () => {
  pg = await startPostgres();
});

test.after(async () => {
  for (const p of projects) p.dispose();
  await pg?.stop();
});

test('migrate applies versions in Flyway order (1.9 < 1.10), then repeatables, and records rows as Flyway does', async () => {
  const p = await project('order_db');
  const files: Record<string, string> = {
    'V1__create_people.sql': 'CREATE TABLE people (id int PRIMARY KEY, name text);\n',
    'V1.10__add_index.sql': 'CREATE INDEX people_email ON people (email);\n',
    'V1_9__add_email.sql': 'ALTER TABLE people ADD COLUMN email text;\r\n',
    'R__people_view.sql': '\uFEFFCREATE OR REPLACE VIEW people_names AS SELECT name FROM people;\n',
  };
  for (const [name, sql] of Object.entries(files)) p.write(name, sql);
  const result = await p.run('migrate', '-environment=dev');
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /Successfully applied 4 migrations to schema "app", now at version v1\.10/);

  const rows = await history('order_db');
  assert.equal(
    rows.map((r) => [r.installed_rank, r.version, r.description, r.type, r.script, r.checksum, r.success]),
    [
      [1, null, '<< Flyway Schema Creation >>', 'SCHEMA', '"app"', null, true],
      [2, '1', 'create people', 'SQL', 'V1__create_people.sql', expectedFlywayChecksum(files['V1__create_people.sql']!), true],
      [3, '1.9', 'add email', 'SQL', 'V1_9__add_email.sql', expectedFlywayChecksum(files['V1_9__add_email.sql']!), true],
      [4, '1.10', 'add index', 'SQL', 'V1.10__add_index.sql', expectedFlywayChecksum(files['V1.10__add_index.sql']!), true],
      [5, null, 'people view', 'SQL', 'R__people_view.sql', expectedFlywayChecksum(files['R__people_view.sql']!), true],
    ],
  );
  assert.ok(rows.every((r) => r.installed_by === pg.user));

  // The table has Flyway's exact columns, key and index, so Flyway reads it.
  const columns = await pg.query<{ column_name: string; data_type: string; len: number | null; is_nullable: string }>(
    'order_db',
    `SELECT column_name, data_type, character_maximum_length AS len, is_nullable FROM information_schema.columns
     WHERE table_schema = 'app' AND table_name = 'flyway_schema_history' ORDER BY ordinal_position`,
  );
  assert.equal(
    columns.map((c) => `${c.column_name} ${c.data_type}${c.len ? `(${c.len})` : ''} ${c.is_nullable === 'YES' ? 'NULL' : 'NOT NULL'}`),
    [
      'installed_rank integer NOT NULL',
      'version character varying(50) NULL',
      'description character varying(200) NOT NULL',
      'type character varying(20) NOT NULL',
      'script character varying(1000) NOT NULL',
      'checksum integer NULL',
      'installed_by character varying(100) NOT NULL',
      'installed_on timestamp without time zone NOT NULL',
      'execution_time integer NOT NULL',
      'success boolean NOT NULL',
    ],
  );
  const indexes = await pg.query<{ indexname: string; indexdef: string }>('order_db', `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'app' AND tablename = 'flyway_schema_history' ORDER BY 1`);
  assert.equal(indexes.map((i) => i.indexname), ['flyway_schema_history_pk', 'flyway_schema_history_s_idx']);
  assert.match(indexes[0]!.indexdef, /UNIQUE INDEX .* \(installed_rank\)/);

  // The objects exist where the migrations put them (unqualified names land in the first schema).
  const columnNames = await pg.query<{ attname: string }>('order_db', `SELECT attname FROM pg_attribute WHERE attrelid = 'app.people'::regclass AND attnum > 0 ORDER BY attnum`);
  assert.equal(columnNames.map((c) => c.attname), ['id', 'name', 'email']);
  assert.ok(await relationExists('order_db', 'app.people_email'));
  assert.ok(await relationExists('order_db', 'app.people_names'));

  const again = await p.run('migrate', '-environment=dev');
  assert.is(again.code, 0, again.stderr);
  assert.match(again.stdout, /is up to date/);
  assert.is((await history('order_db')).length, 5);
});

test('-target stops at a version; info shows Pending, Outdated and Superseded; a changed repeatable runs again', async () => {
  const p = await project('target_db');
  p.write('V1__a.sql', 'CREATE TABLE a (id int);');
  p.write('V2__b.sql', 'CREATE TABLE b (id int);');
  p.write('V3__c.sql', 'CREATE TABLE c (id int);');
  p.write('R__v.sql', 'CREATE OR REPLACE VIEW v AS SELECT 1 AS one;');
  const first = await p.run('migrate', '-environment=dev', '-target=2', '-outputType=json');
  assert.is(first.code, 0, first.stderr);
  const firstJson = JSON.parse(first.stdout) as { targetSchemaVersion: string; migrationsExecuted: number; initialSchemaVersion: string | null };
  assert.equal([firstJson.initialSchemaVersion, firstJson.targetSchemaVersion, firstJson.migrationsExecuted], [null, '2', 3]);
  assert.not.ok(await relationExists('target_db', 'app.c'));
  assert.equal(states(await info(p)), ['<< Flyway Schema Creation >>:Success', '1:Success', '2:Success', '3:Pending', 'v:Success']);

  p.write('R__v.sql', 'CREATE OR REPLACE VIEW v AS SELECT 1 AS one, 2 AS two;');
  assert.equal(states(await info(p)), ['<< Flyway Schema Creation >>:Success', '1:Success', '2:Success', '3:Pending', 'v:Outdated', 'v:Pending']);
  const second = await p.run('migrate', '-environment=dev');
  assert.is(second.code, 0, second.stderr);
  const after = await info(p);
  assert.is(after.schemaVersion, '3');
  assert.equal(states(after), ['<< Flyway Schema Creation >>:Success', '1:Success', '2:Success', '3:Success', 'v:Superseded', 'v:Success']);
  const viewColumns = await pg.query<{ attname: string }>('target_db', `SELECT attname FROM pg_attribute WHERE attrelid = 'app.v'::regclass ORDER BY attnum`);
  assert.equal(viewColumns.map((c) => c.attname), ['one', 'two']);

  const table = await p.run('info', '-environment=dev');
  assert.is(table.code, 0, table.stderr);
  assert.match(table.stdout, /\| Category +\| Version +\| Description +\| Type +\| Installed On +\| State +\| Undoable \|/);
});

test('a failing script is rolled back, reported with file, line and server message, and stays pending', async () => {
  const p = await project('fail_db');
  p.write('V1__ok.sql', 'CREATE TABLE ok (id int);\n');
  p.write('V2__bad.sql', 'CREATE TABLE half (id int);\n\n-- the next statement fails\nINSERT INTO nope VALUES (1);\n');
  const result = await p.run('migrate', '-environment=dev');
  assert.is(result.code, 10, result.stderr);
  assert.match(result.stderr, /ERROR: migration of version "2 - bad" failed \(changes rolled back\): PostgreSQL error 42P01: relation "nope" does not exist \(migrations\/V2__bad\.sql:4\)/);
  assert.ok(await relationExists('fail_db', 'app.ok'));
  assert.not.ok(await relationExists('fail_db', 'app.half'), 'the failed script left a table behind');
  assert.equal((await history('fail_db')).map((r) => r.version), [null, '1']);
  assert.equal(states(await info(p)), ['<< Flyway Schema Creation >>:Success', '1:Success', '2:Pending']);

  p.write('V2__bad.sql', 'CREATE TABLE half (id int);\n');
  const fixed = await p.run('migrate', '-environment=dev');
  assert.is(fixed.code, 0, fixed.stderr);
  assert.ok(await relationExists('fail_db', 'app.half'));
});

test('a failing non-transactional script is recorded with success = false and blocks the next migrate', async () => {
  const p = await project('nontx_db');
  p.write('V1__ok.sql', 'CREATE TABLE ok (id int);\n');
  p.write('V2__concurrently.sql', 'CREATE INDEX CONCURRENTLY ok_missing ON app.missing (id);\n');
  const result = await p.run('migrate', '-environment=dev');
  assert.is(result.code, 10, result.stderr);
  assert.match(result.stderr, /recorded as failed in the schema history\): PostgreSQL error 42P01: relation "app\.missing" does not exist \(migrations\/V2__concurrently\.sql:1\)/);
  const rows = await history('nontx_db');
  assert.equal(rows.map((r) => [r.version, r.success]), [[null, true], ['1', true], ['2', false]]);
  assert.equal(states(await info(p)), ['<< Flyway Schema Creation >>:Success', '1:Success', '2:Failed']);
  const blocked = await p.run('migrate', '-environment=dev');
  assert.is(blocked.code, 11, blocked.stderr);
  assert.match(blocked.stderr, /detected failed migration to version 2 \(concurrently\)/);
});

test('transactional and CONCURRENTLY statements in one script need mixed = true', async () => {
  const p = await project('mixed_db');
  p.write('V1__mixed.sql', 'CREATE TABLE m (id int);\nCREATE INDEX CONCURRENTLY m_id ON m (id);\n');
  const refused = await p.run('migrate', '-environment=dev');
  assert.is(refused.code, 10, refused.stderr);
  assert.match(refused.stderr, /mixes CREATE INDEX CONCURRENTLY.*set mixed = true.*\(migrations\/V1__mixed\.sql:2\)/);
  assert.not.ok(await relationExists('mixed_db', 'app.m'));

  const allowed = await project('mixed_ok_db', ['app'], 'mixed = true');
  allowed.write('V1__mixed.sql', 'CREATE TABLE m (id int);\nCREATE INDEX CONCURRENTLY m_id ON m (id);\n');
  const result = await allowed.run('migrate', '-environment=dev');
  assert.is(result.code, 0, result.stderr);
  assert.ok(await relationExists('mixed_ok_db', 'app.m_id'));
});

test('validation: a changed applied script and a non-empty schema without history are refused', async () => {
  const p = await project('validate_db');
  p.write('V1__a.sql', 'CREATE TABLE a (id int);');
  p.write('V2__b.sql', 'CREATE TABLE b (id int);');
  assert.is((await p.run('migrate', '-environment=dev')).code, 0);
  p.write('V1__a.sql', 'CREATE TABLE a (id bigint);');
  const changed = await p.run('migrate', '-environment=dev');
  assert.is(changed.code, 11, changed.stderr);
  assert.match(changed.stderr, new RegExp(`migration checksum mismatch for version 1 \\(a\\): applied ${expectedFlywayChecksum('CREATE TABLE a (id int);')}, file ${expectedFlywayChecksum('CREATE TABLE a (id bigint);')}`));
  p.remove('V1__a.sql');
  const missing = await p.run('migrate', '-environment=dev');
  assert.is(missing.code, 11, missing.stderr);
  assert.match(missing.stderr, /applied migration not resolved locally: version 1/);

  const legacy = await project('legacy_db', ['public']);
  await pg.exec('legacy_db', 'CREATE TABLE public.old (id int)');
  legacy.write('V1__a.sql', 'CREATE TABLE a (id int);');
  const refused = await legacy.run('migrate', '-environment=dev');
  assert.is(refused.code, 11, refused.stderr);
  assert.match(refused.stderr, /found non-empty schema\(s\) "public" but no schema history table/);
  assert.not.ok(await relationExists('legacy_db', 'public.flyway_schema_history'));
});

test('a history written by Flyway is read by parity, which applies only what is pending', async () => {
  const p = await project('flyway_db');
  const v1 = 'CREATE TABLE app.t1 (id int);\n';
  p.write('V1__first.sql', v1);
  p.write('V2__second.sql', 'CREATE TABLE t2 (id int);\n');
  // What Flyway 10 leaves behind after migrating V1 (its createMetaDataTable.sql for PostgreSQL).
  await pg.exec(
    'flyway_db',
    `CREATE SCHEMA app;
     CREATE TABLE "app"."flyway_schema_history" ("installed_rank" INT NOT NULL, "version" VARCHAR(50), "description" VARCHAR(200) NOT NULL,
       "type" VARCHAR(20) NOT NULL, "script" VARCHAR(1000) NOT NULL, "checksum" INTEGER, "installed_by" VARCHAR(100) NOT NULL,
       "installed_on" TIMESTAMP NOT NULL DEFAULT now(), "execution_time" INTEGER NOT NULL, "success" BOOLEAN NOT NULL);
     ALTER TABLE "app"."flyway_schema_history" ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank");
     CREATE INDEX "flyway_schema_history_s_idx" ON "app"."flyway_schema_history" ("success");
     INSERT INTO app.flyway_schema_history VALUES (1, NULL, '<< Flyway Schema Creation >>', 'SCHEMA', '"app"', NULL, 'flyway', now(), 0, true);
     INSERT INTO app.flyway_schema_history VALUES (2, '1', 'first', 'SQL', 'V1__first.sql', ${expectedFlywayChecksum(v1)}, 'flyway', now(), 12, true);
     ${v1}`,
  );
  assert.equal(states(await info(p)), ['<< Flyway Schema Creation >>:Success', '1:Success', '2:Pending']);
  const result = await p.run('migrate', '-environment=dev');
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /Current version of schema "app": 1/);
  assert.equal((await history('flyway_db')).map((r) => [r.installed_rank, r.version, r.installed_by]), [
    [1, null, 'flyway'],
    [2, '1', 'flyway'],
    [3, '2', pg.user],
  ]);
});

test('placeholders come from [flyway.placeholders], -placeholders.x= and Flyway built-ins; the checksum is of the file as written', async () => {
  const p = await project('placeholder_db', ['app'], '[flyway.placeholders]\ntable_name = "things"\n');
  const script = 'CREATE TABLE ${table_name} (id int);\nCOMMENT ON TABLE ${table_name} IS \'${comment_text} in ${flyway:defaultSchema}\';\n';
  p.write('V1__placeholders.sql', script);
  const missing = await p.run('migrate', '-environment=dev');
  assert.is(missing.code, 2, missing.stderr);
  assert.match(missing.stderr, /no value provided for placeholder \$\{comment_text\}.*\(migrations\/V1__placeholders\.sql:2\)/);
  const result = await p.run('migrate', '-environment=dev', '-placeholders.comment_text=hello');
  assert.is(result.code, 0, result.stderr);
  const comment = await pg.query<{ comment: string }>('placeholder_db', `SELECT obj_description('app.things'::regclass, 'pg_class') AS comment`);
  assert.is(comment[0]!.comment, 'hello in app');
  assert.is((await history('placeholder_db'))[1]!.checksum, expectedFlywayChecksum(script));
});

test('duplicate versions and malformed names are errors that name the files', async () => {
  const p = await project('names_db');
  p.write('V1_1__a.sql', 'SELECT 1;');
  p.write('V1.1__b.sql', 'SELECT 1;');
  const duplicate = await p.run('migrate', '-environment=dev');
  assert.is(duplicate.code, 2, duplicate.stderr);
  assert.match(duplicate.stderr, /more than one migration with version 1\.1: migrations\/V1\.1__b\.sql and migrations\/V1_1__a\.sql/);
  p.remove('V1.1__b.sql');
  p.write('V2_oops.sql', 'SELECT 1;');
  const malformed = await p.run('info', '-environment=dev');
  assert.is(malformed.code, 2, malformed.stderr);
  assert.match(malformed.stderr, /invalid migration file name: .* \(migrations\/V2_oops\.sql\)/);
});

test.run();
