/**
 * `parity migrate` and `parity info` against a real MariaDB, through the built CLI: Flyway version
 * order, the history table's shape (Flyway's MySQL DDL) and rows (checksums computed independently),
 * databases created with the marker row, repeatables and targets, failures (no transactional DDL: a
 * failed row that blocks the next migrate; a row-change-only script rolled back unless MyISAM kept its
 * changes), stored programs with and without DELIMITER, validation, a history written by Flyway, the URL forms, and passwords
 * kept out of every output. Objects are checked with information_schema queries written here.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, type CliResult } from '../support/cli.ts';
import { skipWithoutMariadb, startMariadb, type TestMariadb } from '../support/mariadb-server.ts';
import { expectedFlywayChecksum, info, mysqlMigrationProject, states, type MigrationProject, type ProjectEnvironment } from '../support/migration-project.ts';

let server: TestMariadb;
const projects: MigrationProject[] = [];

/** A project whose `dev` environment is `environment`; every run is checked for the password. */
function project(environment: ProjectEnvironment, extraToml = ''): MigrationProject {
  const created = mysqlMigrationProject(server, { dev: environment }, extraToml);
  projects.push(created);
  return {
    ...created,
    async run(...args: string[]): Promise<CliResult> {
      const result = await created.run(...args);
      assert.not.ok(`${result.stdout}${result.stderr}`.includes(server.password), 'the password appeared in the output');
      return result;
    },
  };
}

interface HistoryRow {
  installed_rank: number;
  version: string | null;
  description: string;
  type: string;
  script: string;
  checksum: number | null;
  installed_by: string;
  success: number;
}

const history = (database: string) =>
  server.query<HistoryRow>(database, `SELECT installed_rank, version, description, type, script, checksum, installed_by, success FROM flyway_schema_history ORDER BY installed_rank`);

const tableExists = async (database: string, name: string) =>
  (await server.query('information_schema', 'SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?', [server.name(database), name])).length > 0;

const databaseExists = async (name: string) => (await server.query('information_schema', 'SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [server.name(name)])).length > 0;


if (!skipWithoutMariadb()) {
  test.before(async () => {
    server = await startMariadb();
  });

  test.after(async () => {
    for (const p of projects) p.dispose();
    await server?.stop();
  });

  test('migrate creates the URL database (marker row) and Flyway’s history table, applies V in version order then R, records rows as Flyway does', async () => {
    assert.not.ok(await databaseExists('order_app'));
    const p = project({ database: 'order_app' });
    const files: Record<string, string> = {
      'V1__create_people.sql': 'CREATE TABLE people (id int PRIMARY KEY, name varchar(40));\n',
      'V1.10__add_index.sql': 'CREATE INDEX people_email ON people (email);\n',
      'V1_9__add_email.sql': 'ALTER TABLE people ADD COLUMN email varchar(80);\r\n',
      'R__people_view.sql': '\uFEFFCREATE OR REPLACE VIEW people_names AS SELECT name FROM people;\n',
    };
    for (const [name, sql] of Object.entries(files)) p.write(name, sql);
    const result = await p.run('migrate', '-environment=dev');
    assert.is(result.code, 0, result.stderr);
    assert.ok(result.stdout.includes(`Successfully applied 4 migrations to schema "${server.name('order_app')}", now at version v1.10`), result.stdout);

    const rows = await history('order_app');
    assert.equal(
      rows.map((r) => [r.installed_rank, r.version, r.description, r.type, r.script, r.checksum, r.success]),
      [
        [1, null, '<< Flyway Schema Creation >>', 'SCHEMA', `"${server.name('order_app')}"`, null, 1],
        [2, '1', 'create people', 'SQL', 'V1__create_people.sql', expectedFlywayChecksum(files['V1__create_people.sql']!), 1],
        [3, '1.9', 'add email', 'SQL', 'V1_9__add_email.sql', expectedFlywayChecksum(files['V1_9__add_email.sql']!), 1],
        [4, '1.10', 'add index', 'SQL', 'V1.10__add_index.sql', expectedFlywayChecksum(files['V1.10__add_index.sql']!), 1],
        [5, null, 'people view', 'SQL', 'R__people_view.sql', expectedFlywayChecksum(files['R__people_view.sql']!), 1],
      ],
    );
    // Flyway on MySQL records the user name without the host.
    assert.ok(rows.every((r) => r.installed_by === server.user));

    // Flyway's MySQL DDL: the same columns, key, index and engine, so Flyway reads the table.
    const columns = await server.query<{ COLUMN_NAME: string; COLUMN_TYPE: string; IS_NULLABLE: string; COLUMN_DEFAULT: string | null }>(
      'information_schema',
      `SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT FROM information_schema.COLUMNS
       WHERE TABLE_SCHEMA = '${server.name('order_app')}' AND TABLE_NAME = 'flyway_schema_history' ORDER BY ORDINAL_POSITION`,
    );
    assert.equal(
      columns.map((c) => `${c.COLUMN_NAME} ${c.COLUMN_TYPE} ${c.IS_NULLABLE === 'YES' ? 'NULL' : 'NOT NULL'}${c.COLUMN_DEFAULT !== null && c.COLUMN_DEFAULT !== 'NULL' ? ` DEFAULT ${c.COLUMN_DEFAULT}` : ''}`),
      [
        'installed_rank int(11) NOT NULL',
        'version varchar(50) NULL',
        'description varchar(200) NOT NULL',
        'type varchar(20) NOT NULL',
        'script varchar(1000) NOT NULL',
        'checksum int(11) NULL',
        'installed_by varchar(100) NOT NULL',
        'installed_on timestamp NOT NULL DEFAULT current_timestamp()',
        'execution_time int(11) NOT NULL',
        'success tinyint(1) NOT NULL',
      ],
    );
    const indexes = await server.query<{ INDEX_NAME: string; COLUMN_NAME: string; NON_UNIQUE: number }>(
      'information_schema',
      `SELECT INDEX_NAME, COLUMN_NAME, NON_UNIQUE FROM information_schema.STATISTICS
       WHERE TABLE_SCHEMA = '${server.name('order_app')}' AND TABLE_NAME = 'flyway_schema_history' ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
    );
    assert.equal(indexes.map((i) => [i.INDEX_NAME, i.COLUMN_NAME, Number(i.NON_UNIQUE)]), [
      ['flyway_schema_history_s_idx', 'success', 1],
      ['PRIMARY', 'installed_rank', 0],
    ]);
    const [engine] = await server.query<{ ENGINE: string }>('information_schema', `SELECT ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = '${server.name('order_app')}' AND TABLE_NAME = 'flyway_schema_history'`);
    assert.is(engine!.ENGINE, 'InnoDB');

    // The objects landed in the default database (unqualified names).
    const peopleColumns = await server.query<{ COLUMN_NAME: string }>('information_schema', `SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '${server.name('order_app')}' AND TABLE_NAME = 'people' ORDER BY ORDINAL_POSITION`);
    assert.equal(peopleColumns.map((c) => c.COLUMN_NAME), ['id', 'name', 'email']);
    assert.is((await server.query('information_schema', `SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '${server.name('order_app')}' AND INDEX_NAME = 'people_email'`)).length, 1);
    assert.ok(await tableExists('order_app', 'people_names'));

    const again = await p.run('migrate', '-environment=dev');
    assert.is(again.code, 0, again.stderr);
    assert.match(again.stdout, /is up to date/);
    assert.is((await history('order_app')).length, 5);
  });

  test('-target stops at a version; info shows Pending, Outdated and Superseded; a changed repeatable runs again', async () => {
    await server.createDatabase('target_db');
    const p = project({ database: 'target_db' });
    p.write('V1__a.sql', 'CREATE TABLE a (id int);');
    p.write('V2__b.sql', 'CREATE TABLE b (id int);');
    p.write('V3__c.sql', 'CREATE TABLE c (id int);');
    p.write('R__v.sql', 'CREATE OR REPLACE VIEW v AS SELECT 1 AS one;');
    assert.equal(states(await info(p)), ['1:Pending', '2:Pending', '3:Pending', 'v:Pending'], 'info on a database without history');
    assert.not.ok(await tableExists('target_db', 'flyway_schema_history'), 'info created the history table');
    const first = await p.run('migrate', '-environment=dev', '-target=2', '-outputType=json');
    assert.is(first.code, 0, first.stderr);
    const firstJson = JSON.parse(first.stdout) as { targetSchemaVersion: string; migrationsExecuted: number; initialSchemaVersion: string | null };
    assert.equal([firstJson.initialSchemaVersion, firstJson.targetSchemaVersion, firstJson.migrationsExecuted], [null, '2', 3]);
    assert.not.ok(await tableExists('target_db', 'c'));
    // The database existed: no marker row.
    assert.equal(states(await info(p)), ['1:Success', '2:Success', '3:Pending', 'v:Success']);

    p.write('R__v.sql', 'CREATE OR REPLACE VIEW v AS SELECT 1 AS one, 2 AS two;');
    assert.equal(states(await info(p)), ['1:Success', '2:Success', '3:Pending', 'v:Outdated', 'v:Pending']);
    const second = await p.run('migrate', '-environment=dev');
    assert.is(second.code, 0, second.stderr);
    const after = await info(p);
    assert.equal([after.schemaVersion, after.schemaName], ['3', server.name('target_db')]);
    assert.equal(states(after), ['1:Success', '2:Success', '3:Success', 'v:Superseded', 'v:Success']);
    const viewColumns = await server.query<{ COLUMN_NAME: string }>('information_schema', `SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '${server.name('target_db')}' AND TABLE_NAME = 'v' ORDER BY ORDINAL_POSITION`);
    assert.equal(viewColumns.map((c) => c.COLUMN_NAME), ['one', 'two']);

    const table = await p.run('info', '-environment=dev');
    assert.is(table.code, 0, table.stderr);
    assert.match(table.stdout, /\| Versioned +\| 1 +\| a +\| SQL +\| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? +\| Success +\|/);
  });

  test('a failing script keeps what ran before it (no transactional DDL), is recorded with success = 0, and blocks the next migrate', async () => {
    const p = project({ database: 'fail_db', schemas: ['fail_db'] });
    p.write('V1__ok.sql', 'CREATE TABLE ok (id int);\n');
    p.write('V2__bad.sql', 'CREATE TABLE half (id int);\n\n-- the next statement fails\nINSERT INTO nope VALUES (1);\n');
    const result = await p.run('migrate', '-environment=dev');
    assert.is(result.code, 10, result.stderr);
    assert.ok(
      result.stderr.includes(
        `ERROR: migration of version "2 - bad" failed (changes before the failure were kept; recorded as failed in the schema history): MySQL error 1146 (42S02): Table '${server.name('fail_db')}.nope' doesn't exist (migrations/V2__bad.sql:4)`,
      ),
      result.stderr,
    );
    assert.ok(await tableExists('fail_db', 'half'), 'DDL before the failure is kept on MySQL');
    assert.equal((await history('fail_db')).map((r) => [r.version, r.success]), [[null, 1], ['1', 1], ['2', 0]]);
    assert.equal(states(await info(p)), ['<< Flyway Schema Creation >>:Success', '1:Success', '2:Failed']);

    p.write('V2__bad.sql', 'CREATE TABLE half (id int);\n');
    const blocked = await p.run('migrate', '-environment=dev');
    assert.is(blocked.code, 11, blocked.stderr);
    assert.match(blocked.stderr, /validation failed: detected failed migration to version 2 \(bad\)/);
  });

  test('a syntax error is reported on the line the server names, inside a multi-line statement', async () => {
    const p = project({ database: 'syntax_db' });
    p.write('V1__syntax.sql', 'CREATE TABLE fine (id int);\n\nCREATE TABLE broken (\n  id int,\n  name varchar(10) oops oops\n);\n');
    const result = await p.run('migrate', '-environment=dev');
    assert.is(result.code, 10, result.stderr);
    assert.match(result.stderr, /MySQL error 1064 \(42000\): You have an error in your SQL syntax.*near 'oops \)' at line 3 \(migrations\/V1__syntax\.sql:5\)/);
  });

  test('a script of row changes only runs in one transaction: rolled back and pending on failure, unless a MyISAM table kept changes', async () => {
    const p = project({ database: 'dml_db' });
    p.write('V1__tables.sql', 'CREATE TABLE counts (id int PRIMARY KEY, n int) ENGINE=InnoDB;\nCREATE TABLE legacy (id int PRIMARY KEY) ENGINE=MyISAM;\n');
    p.write('V2__rows.sql', 'INSERT INTO counts VALUES (1, 1);\nUPDATE counts SET n = 2 WHERE id = 1;\nINSERT INTO counts VALUES (1, 3);\n');
    const failed = await p.run('migrate', '-environment=dev');
    assert.is(failed.code, 10, failed.stderr);
    assert.match(failed.stderr, /failed \(changes rolled back\): MySQL error 1062 \(23000\): Duplicate entry '1' for key 'PRIMARY' \(migrations\/V2__rows\.sql:3\)/);
    assert.equal(await server.query('dml_db', 'SELECT * FROM counts'), []);
    assert.equal(states(await info(p)), ['<< Flyway Schema Creation >>:Success', '1:Success', '2:Pending']);

    p.write('V2__rows.sql', 'INSERT INTO legacy VALUES (1);\nINSERT INTO counts VALUES (1, 1);\nINSERT INTO legacy VALUES (1);\n');
    const myisam = await p.run('migrate', '-environment=dev');
    assert.is(myisam.code, 10, myisam.stderr);
    assert.match(myisam.stderr, /changes before the failure were kept; recorded as failed.*Duplicate entry '1'.*\(migrations\/V2__rows\.sql:3\)/);
    assert.equal(await server.query('dml_db', 'SELECT * FROM legacy'), [{ id: 1 }], 'MyISAM keeps the row');
    assert.equal(await server.query('dml_db', 'SELECT * FROM counts'), [], 'InnoDB rolled back');
    assert.equal(states(await info(p)), ['<< Flyway Schema Creation >>:Success', '1:Success', '2:Failed']);

    const ok = project({ database: 'dml_ok_db' });
    ok.write('V1__table.sql', 'CREATE TABLE t (id int);\n');
    ok.write('V2__rows.sql', 'INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);\n');
    assert.is((await ok.run('migrate', '-environment=dev')).code, 0);
    assert.equal((await server.query('dml_ok_db', 'SELECT id FROM t ORDER BY id')).map((r) => r['id']), [1, 2]);
    assert.equal((await history('dml_ok_db')).map((r) => [r.version, r.success]), [[null, 1], ['1', 1], ['2', 1]]);
  });

  test('stored programs with BEGIN ... END bodies run without DELIMITER, with the sql_mode other clients give them', async () => {
    const p = project({ database: 'routines_db' });
    p.write(
      'V1__routines.sql',
      [
        'CREATE TABLE audit (id int AUTO_INCREMENT PRIMARY KEY, note varchar(40));',
        '',
        'CREATE PROCEDURE add_note(IN n varchar(40))',
        'BEGIN',
        '  IF n IS NOT NULL THEN',
        "    INSERT INTO audit (note) VALUES (CONCAT(n, ';'));",
        '  END IF;',
        'END;',
        '',
        'CREATE TRIGGER audit_upper BEFORE INSERT ON audit FOR EACH ROW',
        'BEGIN',
        '  SET NEW.note = UPPER(NEW.note);',
        'END;',
        '',
        'CALL add_note(\'hello\');',
        '',
      ].join('\n'),
    );
    const result = await p.run('migrate', '-environment=dev');
    assert.is(result.code, 0, result.stderr);
    assert.equal(await server.query('routines_db', 'SELECT note FROM audit'), [{ note: 'HELLO;' }]);
    const [mode] = await server.query<{ SQL_MODE: string }>('information_schema', `SELECT SQL_MODE FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '${server.name('routines_db')}' AND ROUTINE_NAME = 'add_note'`);
    assert.not.match(mode!.SQL_MODE, /IGNORE_SPACE/);
  });

  test('scripts with DELIMITER (as generate writes compound bodies) run with migrate as with the mariadb client; an error inside a block names its line', async () => {
    const script = [
      '-- Migration generated by parity.',
      'CREATE TABLE tickets (id int PRIMARY KEY, status varchar(40), zone varchar(20));',
      '',
      'DELIMITER $$',
      'CREATE TRIGGER t_before BEFORE INSERT ON tickets FOR EACH ROW begin',
      'set NEW.id = NEW.id + 10;',
      "set NEW.status = 'open; $ not $$ closed';",
      'end',
      '$$',
      'DELIMITER ;',
      '',
      'delimiter //',
      'CREATE PROCEDURE p_close(IN zone varchar(20))',
      'BEGIN',
      "    UPDATE tickets SET status = 'closed' WHERE tickets.zone = zone;",
      '    SELECT 1;',
      'END',
      '//',
      'DELIMITER ;',
      '',
      "INSERT INTO tickets (id, zone) VALUES (1, 'eu');",
      "CALL p_close('eu');",
      '',
    ].join('\n');
    const p = project({ database: 'delimiter_db' });
    p.write('V1__delimited.sql', script);
    const result = await p.run('migrate', '-environment=dev');
    assert.is(result.code, 0, result.stderr);
    assert.equal(await server.query('delimiter_db', 'SELECT id, status FROM tickets'), [{ id: 11, status: 'closed' }]);
    // The same file through the mariadb client: the same stored bodies, byte for byte.
    await server.createDatabase('delimiter_client');
    await server.runClient('delimiter_client', `${p.dir}/migrations/V1__delimited.sql`);
    const bodies = (database: string) =>
      server.query(
        'information_schema',
        `SELECT ACTION_STATEMENT AS body FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?
         UNION ALL SELECT ROUTINE_DEFINITION FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?`,
        [server.name(database), server.name(database)],
      );
    const migrated = await bodies('delimiter_db');
    assert.equal(migrated, await bodies('delimiter_client'));
    assert.equal(migrated, [
      { body: "begin\nset NEW.id = NEW.id + 10;\nset NEW.status = 'open; $ not $$ closed';\nend" },
      { body: "BEGIN\n    UPDATE tickets SET status = 'closed' WHERE tickets.zone = zone;\n    SELECT 1;\nEND" },
    ]);

    p.write('V2__broken.sql', 'SELECT 1;\nDELIMITER $$\nCREATE PROCEDURE p_broken()\nBEGIN\n  SELECT 1;\n  SELEC 2;\nEND\n$$\nDELIMITER ;\n');
    const broken = await p.run('migrate', '-environment=dev');
    assert.is(broken.code, 10, broken.stderr);
    assert.match(broken.stderr, /MySQL error 1064 \(42000\): You have an error in your SQL syntax.*near '2; END' at line 4 \(migrations\/V2__broken\.sql:6\)/);
  });

  test('validation: a changed applied script and a non-empty database without history are refused', async () => {
    const p = project({ database: 'validate_db' });
    p.write('V1__a.sql', 'CREATE TABLE a (id int);');
    p.write('V2__b.sql', 'CREATE TABLE b (id int);');
    assert.is((await p.run('migrate', '-environment=dev')).code, 0);
    p.write('V1__a.sql', 'CREATE TABLE a (id bigint);');
    const changed = await p.run('migrate', '-environment=dev');
    assert.is(changed.code, 11, changed.stderr);
    assert.match(changed.stderr, new RegExp(`migration checksum mismatch for version 1 \\(a\\): applied ${expectedFlywayChecksum('CREATE TABLE a (id int);')}, file ${expectedFlywayChecksum('CREATE TABLE a (id bigint);')}`));

    await server.createDatabase('legacy_db');
    await server.exec('legacy_db', 'CREATE TABLE old (id int)');
    const legacy = project({ database: 'legacy_db' });
    legacy.write('V1__a.sql', 'CREATE TABLE a (id int);');
    const refused = await legacy.run('migrate', '-environment=dev');
    assert.is(refused.code, 11, refused.stderr);
    const legacyDb = server.name('legacy_db');
    assert.ok(refused.stderr.includes(`found non-empty schema(s) "${legacyDb}" but no schema history table ${legacyDb}.flyway_schema_history`), refused.stderr);
    assert.not.ok(await tableExists('legacy_db', 'flyway_schema_history'));
    assert.not.ok(await tableExists('legacy_db', 'a'));
  });

  test('a history written by Flyway (its MySQL DDL) is read by parity, which applies only what is pending', async () => {
    await server.createDatabase('flyway_db');
    const v1 = 'CREATE TABLE t1 (id int);\n';
    await server.execAll('flyway_db', [
      `CREATE TABLE \`${server.name('flyway_db')}\`.\`flyway_schema_history\` (
         \`installed_rank\` INT NOT NULL, \`version\` VARCHAR(50), \`description\` VARCHAR(200) NOT NULL, \`type\` VARCHAR(20) NOT NULL,
         \`script\` VARCHAR(1000) NOT NULL, \`checksum\` INT, \`installed_by\` VARCHAR(100) NOT NULL,
         \`installed_on\` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, \`execution_time\` INT NOT NULL, \`success\` BOOL NOT NULL,
         CONSTRAINT \`flyway_schema_history_pk\` PRIMARY KEY (\`installed_rank\`)) ENGINE=InnoDB`,
      `CREATE INDEX \`flyway_schema_history_s_idx\` ON \`${server.name('flyway_db')}\`.\`flyway_schema_history\` (\`success\`)`,
      `INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
       VALUES (1, '1', 'first', 'SQL', 'V1__first.sql', ${expectedFlywayChecksum(v1)}, 'flyway', 12, 1)`,
      v1,
    ]);
    const p = project({ database: 'flyway_db' });
    p.write('V1__first.sql', v1);
    p.write('V2__second.sql', 'CREATE TABLE t2 (id int);\n');
    assert.equal(states(await info(p)), ['1:Success', '2:Pending']);
    const result = await p.run('migrate', '-environment=dev');
    assert.is(result.code, 0, result.stderr);
    assert.ok(result.stdout.includes(`Current version of schema "${server.name('flyway_db')}": 1`), result.stdout);
    assert.equal((await history('flyway_db')).map((r) => [r.installed_rank, r.version, r.installed_by]), [
      [1, '1', 'flyway'],
      [2, '2', server.user],
    ]);
  });

  test('jdbc:mariadb:// and mysql:// URLs; several databases with the history in [flyway] defaultSchema', async () => {
    const mariadb = project({ database: 'unused', url: server.jdbcUrl('url_a', 'mariadb') });
    mariadb.write('V1__a.sql', 'CREATE TABLE a (id int);');
    assert.is((await mariadb.run('migrate', '-environment=dev')).code, 0);
    assert.ok(await tableExists('url_a', 'a'));

    const native = project({ database: 'unused', url: `mysql://127.0.0.1:${server.port}/${server.name('url_b')}`, schemas: ['url_b', 'url_b_hist'] }, `defaultSchema = "${server.name('url_b_hist')}"`);
    native.write('V1__b.sql', `CREATE TABLE b (id int);\nCREATE TABLE ${server.name('url_b')}.qualified (id int);\n`);
    const result = await native.run('migrate', '-environment=dev');
    assert.is(result.code, 0, result.stderr);
    // Unqualified names land in the default schema, like the history table.
    assert.ok(await tableExists('url_b_hist', 'b'));
    assert.ok(await tableExists('url_b', 'qualified'));
    assert.equal((await history('url_b_hist')).map((r) => [r.type, r.script]), [
      ['SCHEMA', `"${server.name('url_b')}","${server.name('url_b_hist')}"`],
      ['SQL', 'V1__b.sql'],
    ]);
  });

  test('a wrong password is an authentication error (exit 4) that does not show the password', async () => {
    const p = project({ database: 'auth_db' });
    const wrongPassword = `wrong-${server.password}`;
    const result = await runCli(['info', '-environment=dev'], { cwd: p.dir, env: { MYSQL_TEST_PASSWORD: wrongPassword } });
    assert.is(result.code, 4, result.stderr);
    assert.match(result.stderr, /MySQL rejected the login of user "root"/);
    assert.not.ok(`${result.stdout}${result.stderr}`.includes(wrongPassword));
  });

  test.run();
}
