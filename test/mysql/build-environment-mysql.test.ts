/**
 * `diff -source=migrations` for a MySQL project against a real MariaDB, through the built CLI: a build
 * environment with provisioner = "clean" (rebuild wipes every kind of object and keeps the database's
 * character set, collation and comment; databases a migrator created are dropped), pending-only builds,
 * the refusal to clean an environment without a provisioner, and the error when no build environment
 * is given (MySQL has no embedded server). Diffs are against `empty` and read as JSON by object type
 * and name only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../support/cli.ts';
import { skipWithoutMariadb, startMariadb, type TestMariadb } from '../support/mariadb-server.ts';
import { mysqlMigrationProject, type MigrationProject } from '../support/migration-project.ts';

let server: TestMariadb;
let p: MigrationProject;

interface DiffJson {
  differences: Array<{ differenceType: string; objectType: string; from: { name: string } | null; to: { name: string } | null }>;
  sourcePreparationInfo: Record<string, unknown> | null;
}

// The build environment's URL names its database, so it is read unqualified: its schema object is `''`.
const changes = (json: DiffJson) => json.differences.map((d) => `${d.differenceType} ${d.objectType} ${(d.from ?? d.to)!.name || "''"}`).sort();

async function diffJson(...args: string[]): Promise<DiffJson> {
  const result = await p.run('diff', ...args, '-target=empty', '-outputType=json');
  assert.is(result.code, 0, result.stderr);
  assert.not.ok(`${result.stdout}${result.stderr}`.includes(server.password), 'the password appeared in the output');
  return JSON.parse(result.stdout) as DiffJson;
}

/** Every object of a database, by kind, from information_schema (not parity's reader). */
async function objects(database: string): Promise<string[]> {
  const rows = await server.query<{ kind: string; name: string }>(
    'information_schema',
    `SELECT CONCAT(TABLE_TYPE, ' ', TABLE_NAME) AS o FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?
     UNION ALL SELECT CONCAT(ROUTINE_TYPE, ' ', ROUTINE_NAME) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?
     UNION ALL SELECT CONCAT('TRIGGER ', TRIGGER_NAME) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?
     UNION ALL SELECT CONCAT('EVENT ', EVENT_NAME) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?`,
    Array(4).fill(server.name(database)),
  );
  return rows.map((r) => Object.values(r)[0] as string).sort();
}

const OLD_OBJECTS = [
  'CREATE TABLE parent_old (id int PRIMARY KEY) ENGINE=InnoDB',
  'CREATE TABLE child_old (id int PRIMARY KEY, parent_id int, CONSTRAINT fk_old FOREIGN KEY (parent_id) REFERENCES parent_old (id))',
  'CREATE VIEW view_old AS SELECT id FROM child_old',
  'CREATE PROCEDURE proc_old() SELECT 1',
  'CREATE FUNCTION func_old() RETURNS int DETERMINISTIC RETURN 1',
  'CREATE TRIGGER trg_old BEFORE INSERT ON child_old FOR EACH ROW SET NEW.id = NEW.id',
  'CREATE EVENT ev_old ON SCHEDULE EVERY 1 DAY DISABLE DO SELECT 1',
  'CREATE SEQUENCE seq_old',
];

if (!skipWithoutMariadb()) {
  test.before(async () => {
    server = await startMariadb();
    await server.exec('mysql', `CREATE DATABASE ${server.name('build')} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin COMMENT 'the build database'`);
    await server.execAll('build', OLD_OBJECTS);
    await server.createDatabase('plain');
    await server.exec('mysql', `CREATE DATABASE ${server.name('app_dev')} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin COMMENT 'the build database'`);
    await server.exec('plain', 'CREATE TABLE keep_me (id int)');
    p = mysqlMigrationProject(server, {
      build: { database: 'build', provisioner: 'clean' },
      plain: { database: 'plain' },
      dev: { database: 'app_dev' },
      multi: { database: 'multi_one', schemas: ['multi_one', 'multi_two'], provisioner: 'clean' },
    });
    p.write('V1__first.sql', 'CREATE TABLE all_tables (id int);\n');
    p.write('V2__table1.sql', 'CREATE TABLE table_1 (id int PRIMARY KEY);\n');
    p.write('V3__view1.sql', 'CREATE VIEW view_1 AS SELECT id FROM table_1;\n');
    p.write('V4__table2.sql', 'CREATE TABLE table_2 (id int, one_id int, CONSTRAINT fk_one FOREIGN KEY (one_id) REFERENCES table_1 (id));\n');
    p.write('R__proc.sql', 'CREATE OR REPLACE PROCEDURE count_ones()\nBEGIN\n  SELECT COUNT(*) FROM table_1;\nEND;\n');
  });

  test.after(async () => {
    p?.dispose();
    await server?.stop();
  });

  test('-rebuild=true wipes every old object, keeps the database options, and builds exactly the migrations', async () => {
    assert.is((await objects('build')).length, 8);
    const json = await diffJson('-source=migrations', '-buildEnvironment=build', '-buildVersion=3', '-rebuild=true');
    assert.equal(changes(json), ['Add Procedure count_ones', "Add Schema ''", 'Add Table all_tables', 'Add Table table_1', 'Add View view_1']);
    assert.equal(json.sourcePreparationInfo, {
      sourceType: 'migrations',
      buildEnvironment: 'build',
      provisioner: 'clean',
      migrationState: { pending: 1, applied: 4, failed: 0, total: 5 },
      reprovisioned: true,
      targetSchemaVersion: '3',
      migrationsExecuted: 4,
    });
    assert.equal(await objects('build'), ['BASE TABLE all_tables', 'BASE TABLE flyway_schema_history', 'BASE TABLE table_1', 'PROCEDURE count_ones', 'VIEW view_1']);
    const [options] = await server.query<{ DEFAULT_CHARACTER_SET_NAME: string; DEFAULT_COLLATION_NAME: string; SCHEMA_COMMENT: string }>(
      'information_schema',
      'SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME, SCHEMA_COMMENT FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
      [server.name('build')],
    );
    assert.equal(options, { DEFAULT_CHARACTER_SET_NAME: 'utf8mb4', DEFAULT_COLLATION_NAME: 'utf8mb4_bin', SCHEMA_COMMENT: 'the build database' });
    // The database existed: no marker row, so a later clean re-creates it rather than dropping it.
    const history = await server.query<{ type: string }>('build', 'SELECT type FROM flyway_schema_history ORDER BY installed_rank');
    assert.equal(history.map((r) => r.type), ['SQL', 'SQL', 'SQL', 'SQL']);
  });

  test('without -rebuild only pending migrations run; a build environment past -buildVersion needs a rebuild', async () => {
    const json = await diffJson('-source=migrations', '-buildEnvironment=build', '-buildVersion=4');
    assert.equal(changes(json), ['Add Procedure count_ones', "Add Schema ''", 'Add Table all_tables', 'Add Table table_1', 'Add Table table_2', 'Add View view_1']);
    assert.equal([json.sourcePreparationInfo!['reprovisioned'], json.sourcePreparationInfo!['migrationsExecuted'], json.sourcePreparationInfo!['targetSchemaVersion']], [false, 1, '4']);

    const behind = await p.run('diff', '-source=migrations', '-target=empty', '-buildEnvironment=build', '-buildVersion=3');
    assert.is(behind.code, 11, behind.stderr);
    assert.match(behind.stderr, /build environment "build" cannot be built as asked: it is at version 4, above -buildVersion=3; pass -rebuild=true/);

    // A rebuild starts over: table_2 (with its foreign key to table_1) goes.
    const rebuilt = await diffJson('-source=migrations', '-buildEnvironment=build', '-buildCherryPick=2', '-rebuild=true');
    assert.equal(changes(rebuilt), ["Add Schema ''", 'Add Table table_1']);
    assert.equal(await objects('build'), ['BASE TABLE flyway_schema_history', 'BASE TABLE table_1']);
  });

  test('databases a migrator created (marker row) are dropped by clean and created again by the next build', async () => {
    const first = await diffJson('-source=migrations', '-buildEnvironment=multi', '-rebuild=true', '-buildVersion=1');
    assert.equal(changes(first).filter((c) => c.includes('Table')), ['Add Table all_tables']);
    const marker = async () => server.query<{ type: string; script: string }>('multi_one', 'SELECT type, script FROM flyway_schema_history ORDER BY installed_rank');
    assert.equal((await marker()).map((r) => [r.type, r.script]), [['SCHEMA', `"${server.name('multi_one')}","${server.name('multi_two')}"`], ['SQL', 'V1__first.sql'], ['SQL', 'R__proc.sql']]);
    await server.exec('multi_two', 'CREATE TABLE stray (id int)');
    const second = await diffJson('-source=migrations', '-buildEnvironment=multi', '-rebuild=true', '-buildVersion=1');
    assert.equal(changes(second).filter((c) => c.includes('Table')), ['Add Table all_tables']);
    // Dropped and created again, so the new history records their creation again; the stray table is gone.
    assert.equal((await marker()).map((r) => [r.type, r.script]), [['SCHEMA', `"${server.name('multi_one')}","${server.name('multi_two')}"`], ['SQL', 'V1__first.sql'], ['SQL', 'R__proc.sql']]);
    assert.equal(await objects('multi_two'), []);
  });

  test('parity refuses to clean an environment without provisioner = "clean", and leaves it untouched', async () => {
    const refused = await p.run('diff', '-source=migrations', '-target=empty', '-buildEnvironment=plain', '-rebuild=true');
    assert.is(refused.code, 3, refused.stderr);
    assert.match(refused.stderr, /refusing to clean environment "plain" for -rebuild=true: parity only cleans build environments configured with provisioner = "clean" \(flyway\.toml: environments\.plain\.provisioner\)/);
    assert.equal(await objects('plain'), ['BASE TABLE keep_me']);
    const notBuilt = await p.run('diff', '-source=migrations', '-target=empty', '-buildEnvironment=plain');
    assert.is(notBuilt.code, 11, notBuilt.stderr);
    assert.ok(notBuilt.stderr.includes(`found non-empty schema(s) "${server.name('plain')}" but no schema history table`), notBuilt.stderr);
    assert.equal(await objects('plain'), ['BASE TABLE keep_me']);
  });

  test('a failing migration in a build environment is exit 10 with file:line, and the failed row asks for a rebuild', async () => {
    p.write('V5__broken.sql', 'CREATE TABLE ok5 (id int);\nCREATE TABLE broken (id nosuchtype);\n');
    const broken = await p.run('diff', '-source=migrations', '-target=empty', '-buildEnvironment=build', '-rebuild=true');
    assert.is(broken.code, 10, broken.stderr);
    assert.match(broken.stderr, /MySQL error 4161 \(HY000\): Unknown data type: 'nosuchtype' \(migrations\/V5__broken\.sql:2\)/);
    const again = await p.run('diff', '-source=migrations', '-target=empty', '-buildEnvironment=build');
    assert.is(again.code, 11, again.stderr);
    assert.match(again.stderr, /detected failed migration to version 5 \(broken\).*; pass -rebuild=true to rebuild build environment "build"/);
    p.remove('V5__broken.sql');
  });

  test('without a build environment a MySQL project is a configuration error that says what to add', async () => {
    const result = await p.run('diff', '-source=migrations', '-target=empty');
    assert.is(result.code, 3, result.stderr);
    assert.match(
      result.stderr,
      /^ERROR: MySQL\/MariaDB has no embedded server to build migrations in: add a build environment to flyway\.toml \(\[environments\.build\] with url = "mysql:\/\/127\.0\.0\.1:3306\/build_db", user, password, provisioner = "clean"\) and pass -buildEnvironment=build/m,
    );
    // databaseType alone makes a project MySQL too.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-mysql-type-'));
    try {
      fs.writeFileSync(path.join(dir, 'flyway.toml'), 'databaseType = "MySql"\n\n[flyway]\nlocations = ["filesystem:migrations"]\n');
      fs.mkdirSync(path.join(dir, 'migrations'));
      fs.writeFileSync(path.join(dir, 'migrations', 'V1__a.sql'), 'CREATE TABLE a (id int);\n');
      const typed = await runCli(['diff', '-source=migrations', '-target=empty', '-outputType=json'], { cwd: dir });
      assert.is(typed.code, 3, typed.stderr);
      const error = (JSON.parse(typed.stdout) as { error: { errorCode: string; message: string } }).error;
      assert.is(error.errorCode, 'CONFIG_ERROR');
      assert.match(error.message, /MySQL\/MariaDB has no embedded server/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the migrations built in `build` compare with `app_dev` migrated by parity: no differences, though the databases are named differently', async () => {
    const migrated = await p.run('migrate', '-environment=dev');
    assert.is(migrated.code, 0, migrated.stderr);
    const result = await p.run('diff', '-source=migrations', '-buildEnvironment=build', '-rebuild=true', '-target=dev', '-outputType=json');
    assert.is(result.code, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as DiffJson).differences, []);
    await server.exec('app_dev', 'ALTER TABLE table_2 ADD COLUMN note text');
    const drifted = await p.run('diff', '-source=migrations', '-buildEnvironment=build', '-target=dev', '-outputType=json');
    assert.is(drifted.code, 0, drifted.stderr);
    const json = JSON.parse(drifted.stdout) as { differences: Array<{ differenceType: string; objectType: string; from: { schema: string; name: string } }> };
    assert.equal(json.differences.map((d) => `${d.differenceType} ${d.objectType} '${d.from.schema}'.${d.from.name}`), ["Edit Table ''.table_2"]);
  });

  test.run();
}
