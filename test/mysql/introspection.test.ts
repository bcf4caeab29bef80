/**
 * MySQL/MariaDB introspection against a real MariaDB: every object kind, the MariaDB normalizations
 * (display widths, quoted defaults, current_timestamp(), json as longtext + check, IGNORED indexes,
 * implicit event starts), the schema-list rules, a query count independent of the table count,
 * driver errors as ParityErrors, and snapshot validation of the model (model-schema.ts in step).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readSnapshot, writeSnapshot } from '../../src/artifact/snapshot.ts';
import type { ConnectionSettings } from '../../src/config/connection.ts';
import { withMysqlConnection, withReadOnlySnapshot } from '../../src/dialects/mysql/mysql-connection.ts';
import { introspectMysql, readMysqlModel } from '../../src/dialects/mysql/mysql-introspector.ts';
import { ParityError } from '../../src/errors.ts';
import type { Column, DatabaseModel, Routine, SchemaDef, SchemaObject, Table, View } from '../../src/model/objects.ts';
import { skipWithoutMariadb, startMariadb, type TestMariadb } from '../support/mariadb-server.ts';

const ALL_KINDS = `
CREATE TABLE parent (id int(11) NOT NULL AUTO_INCREMENT, code varchar(20) NOT NULL, PRIMARY KEY (id), UNIQUE KEY uq_code (code));
CREATE TABLE kinds (
  id int unsigned NOT NULL,
  flag tinyint(1) NOT NULL DEFAULT 1,
  small smallint(6) DEFAULT NULL,
  padded int(5) unsigned zerofill,
  yr year(4),
  label varchar(40) DEFAULT 'it''s',
  ratio decimal(10,2) DEFAULT 1.50,
  token varchar(36) DEFAULT (uuid()),
  doc json,
  created timestamp(3) NOT NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3),
  seen datetime DEFAULT NOW(),
  doubled int AS (id * 2) VIRTUAL,
  stored_sum bigint AS (id + small) STORED,
  exact varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
  same_as_table varchar(10) CHARACTER SET latin1,
  state enum('a','b') NOT NULL DEFAULT 'a',
  tags set('x','y'),
  bits bit(3) DEFAULT b'101',
  positive int CHECK (positive > 0),
  parent_id int,
  spot point NOT NULL,
  body text,
  PRIMARY KEY (id),
  KEY ix_label (label(10), ratio DESC) COMMENT 'prefix',
  KEY ix_hidden (small) IGNORED,
  FULLTEXT KEY ft_body (body),
  SPATIAL KEY sp_spot (spot),
  CONSTRAINT ck_ratio CHECK (ratio < 100),
  CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=latin1 ROW_FORMAT=DYNAMIC COMMENT='every column kind';
CREATE VIEW v_kinds AS SELECT k.id, p.code FROM kinds k JOIN parent p ON p.id = k.parent_id WITH LOCAL CHECK OPTION;
CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW v_chain AS SELECT id FROM v_kinds;
CREATE FUNCTION f_add(a int(11), b varchar(10)) RETURNS varchar(20) DETERMINISTIC COMMENT 'adds' RETURN concat(a, b);
CREATE PROCEDURE p_touch(IN a int, OUT b bigint) MODIFIES SQL DATA SQL SECURITY INVOKER SET b = a + 1;
CREATE TRIGGER trg_kinds_bi BEFORE INSERT ON kinds FOR EACH ROW SET NEW.label = upper(NEW.label);
CREATE EVENT ev_later ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' ENDS '2031-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE COMMENT 'nightly' DO DELETE FROM kinds WHERE id = 0;
CREATE EVENT ev_now ON SCHEDULE EVERY 2 HOUR DO SELECT 1;
CREATE EVENT ev_once ON SCHEDULE AT '2035-06-01 12:00:00' ON COMPLETION PRESERVE DO SELECT 2;
`;

let server: TestMariadb;
let model: DatabaseModel;
/** The real name of this file's database `app` (database names are per test file: mariadb-server.ts). */
let APP: string;

const settings = (database: string, overrides: Partial<ConnectionSettings> = {}): ConnectionSettings => ({
  dialect: 'mysql',
  host: '127.0.0.1',
  port: server.port,
  database: server.name(database),
  user: server.user,
  password: server.password,
  params: {},
  ...overrides,
});

function find<K extends SchemaObject['kind']>(kind: K, name: string, from: DatabaseModel = model): Extract<SchemaObject, { kind: K }> {
  const object = from.objects.find((o) => o.kind === kind && o.name === name);
  assert.ok(object, `no ${kind} ${name} in the model`);
  return object as Extract<SchemaObject, { kind: K }>;
}

const column = (table: Table, name: string): Column => {
  const c = table.columns.find((x) => x.name === name);
  assert.ok(c, `no column ${name}`);
  return c!;
};

async function load(database: string, sql: string): Promise<void> {
  await server.createDatabase(database);
  const statements = sql.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean);
  await server.execAll(database, statements);
}

if (!skipWithoutMariadb()) {
  test.before(async () => {
    server = await startMariadb();
    APP = server.name('app');
    await load('app', ALL_KINDS);
    model = await introspectMysql(settings('app'), { schemas: [] });
  });

  test.after(async () => {
    await server?.stop();
  });

  test('the URL database is the default schema; objects of every kind, sorted', () => {
    assert.is(model.dialect, 'mysql');
    assert.equal(model.schemas, [APP]);
    assert.equal(
      model.objects.map((o) => `${o.kind}:${o.name}`),
      ['function:f_add', 'procedure:p_touch', `schema:${APP}`, 'table:kinds', 'table:parent', 'view:v_chain', 'view:v_kinds'],
    );
  });

  test('column types: display widths dropped, tinyint(1), zerofill and unsigned kept, json restored', () => {
    const kinds = find('table', 'kinds');
    const types = Object.fromEntries(kinds.columns.map((c) => [c.name, c.type]));
    assert.equal(
      [types['id'], types['flag'], types['small'], types['padded'], types['yr'], types['doc'], types['state'], types['bits'], types['spot']],
      ['int unsigned', 'tinyint(1)', 'smallint', 'int(5) unsigned zerofill', 'year', 'json', "enum('a','b')", 'bit(3)', 'point'],
    );
    // The json_valid() check MariaDB adds for json is not a constraint of the model, nor are its charset and collation.
    assert.equal(column(kinds, 'doc'), { name: 'doc', type: 'json', nullable: true });
    assert.ok(!kinds.checkConstraints.some((c) => c.name === 'doc'));
  });

  test('defaults: SQL literals, NULL as no default, current_timestamp(), ON UPDATE, expressions', () => {
    const kinds = find('table', 'kinds');
    assert.is(column(kinds, 'flag').default, '1');
    assert.is(column(kinds, 'small').default, undefined);
    assert.is(column(kinds, 'label').default, "'it''s'");
    assert.is(column(kinds, 'ratio').default, '1.50');
    assert.is(column(kinds, 'token').default, 'uuid()');
    assert.is(column(kinds, 'seen').default, 'current_timestamp()');
    assert.is(column(kinds, 'bits').default, "b'101'");
    assert.is(column(kinds, 'state').default, "'a'");
    const created = column(kinds, 'created');
    assert.equal([created.default, created.nullable, created.extras], ['current_timestamp(3)', false, { onUpdate: 'current_timestamp(3)' }]);
  });

  test('auto_increment, generated columns, charset and collation only where they differ from the table', () => {
    assert.equal(column(find('table', 'parent'), 'id').extras, { autoIncrement: true });
    const kinds = find('table', 'kinds');
    assert.equal(column(kinds, 'doubled'), { name: 'doubled', type: 'int', nullable: true, generated: '`id` * 2', extras: { generatedStorage: 'virtual' } });
    assert.equal(column(kinds, 'stored_sum').extras, { generatedStorage: 'stored' });
    assert.equal([column(kinds, 'exact').collation, column(kinds, 'exact').extras], ['utf8mb4_bin', { characterSet: 'utf8mb4' }]);
    assert.equal(column(kinds, 'same_as_table').collation, undefined);
    assert.equal(column(kinds, 'positive').extras, { check: '`positive` > 0' });
  });

  test('table options, keys, indexes, checks and foreign keys', () => {
    const kinds = find('table', 'kinds');
    assert.equal(kinds.extras, { engine: 'InnoDB', characterSet: 'latin1', collation: 'latin1_swedish_ci', rowFormat: 'DYNAMIC' });
    assert.is(kinds.comment, 'every column kind');
    assert.equal(kinds.primaryKey, { name: 'PRIMARY', columns: ['id'] });
    assert.equal(kinds.indexes, [
      { name: 'fk_parent', unique: false, method: 'btree', keys: ['`parent_id`'] },
      { name: 'ft_body', unique: false, method: 'fulltext', keys: ['`body`'] },
      { name: 'ix_hidden', unique: false, method: 'btree', keys: ['`small`'], extras: { invisible: true } },
      { name: 'ix_label', unique: false, method: 'btree', keys: ['`label`(10)', '`ratio` DESC'], comment: 'prefix' },
      { name: 'sp_spot', unique: false, method: 'spatial', keys: ['`spot`'] },
    ]);
    assert.equal(find('table', 'parent').indexes, [{ name: 'uq_code', unique: true, method: 'btree', keys: ['`code`'] }]);
    assert.equal(kinds.checkConstraints, [{ name: 'ck_ratio', expression: '`ratio` < 100' }]);
    assert.equal(kinds.foreignKeys, [
      { name: 'fk_parent', columns: ['parent_id'], referencedSchema: APP, referencedTable: 'parent', referencedColumns: ['id'], onUpdate: 'CASCADE', onDelete: 'SET NULL' },
    ]);
    assert.equal(kinds.triggers, [
      {
        name: 'trg_kinds_bi',
        timing: 'BEFORE',
        events: ['INSERT'],
        level: 'ROW',
        definition: `CREATE TRIGGER \`${APP}\`.\`trg_kinds_bi\` BEFORE INSERT ON \`${APP}\`.\`kinds\` FOR EACH ROW SET NEW.label = upper(NEW.label)`,
      },
    ]);
  });

  test('views: own-schema qualifiers removed, options, and the relations they read', () => {
    const v = find('view', 'v_kinds') as View;
    assert.is(v.definition, 'select `k`.`id` AS `id`,`p`.`code` AS `code` from (`kinds` `k` join `parent` `p` on(`p`.`id` = `k`.`parent_id`))');
    assert.is(v.checkOption, 'LOCAL');
    assert.equal(v.dependsOn, [
      { kind: 'table', schema: APP, name: 'kinds' },
      { kind: 'table', schema: APP, name: 'parent' },
    ]);
    const chain = find('view', 'v_chain') as View;
    assert.equal([chain.securityInvoker, chain.extras, chain.dependsOn], [true, { algorithm: 'MERGE' }, [{ kind: 'view', schema: APP, name: 'v_kinds' }]]);
  });

  test('routines: arguments, return type and a canonical definition', () => {
    const f = find('function', 'f_add') as Routine;
    assert.equal(f.arguments, [
      { name: 'a', mode: 'IN', type: 'int' },
      { name: 'b', mode: 'IN', type: 'varchar(10)' },
    ]);
    assert.equal([f.returns, f.comment, f.baseName], ['varchar(20)', 'adds', 'f_add']);
    assert.is(f.definition, `CREATE FUNCTION \`${APP}\`.\`f_add\`(\`a\` int, \`b\` varchar(10)) RETURNS varchar(20)\n    DETERMINISTIC\n    COMMENT 'adds'\nRETURN concat(a, b)`);
    const p = find('procedure', 'p_touch') as Routine;
    assert.is(p.definition, `CREATE PROCEDURE \`${APP}\`.\`p_touch\`(IN \`a\` int, OUT \`b\` bigint)\n    MODIFIES SQL DATA\n    SQL SECURITY INVOKER\nSET b = a + 1`);
  });

  test('schema and events: an implicit STARTS (the creation time) is left out', () => {
    const schema = find('schema', APP) as SchemaDef;
    assert.equal(schema.extras, { characterSet: 'latin1', collation: 'latin1_swedish_ci' });
    assert.equal(schema.events, [
      {
        name: 'ev_later',
        schedule: "EVERY 1 DAY STARTS '2030-01-01 00:00:00' ENDS '2031-01-01 00:00:00'",
        onCompletion: 'PRESERVE',
        status: 'DISABLE',
        body: 'DELETE FROM kinds WHERE id = 0',
        comment: 'nightly',
      },
      { name: 'ev_now', schedule: 'EVERY 2 HOUR', onCompletion: 'NOT PRESERVE', status: 'ENABLE', body: 'SELECT 1' },
      { name: 'ev_once', schedule: "AT '2035-06-01 12:00:00'", onCompletion: 'PRESERVE', status: 'ENABLE', body: 'SELECT 2' },
    ]);
  });

  test('the model passes snapshot validation (model-schema.ts is in step)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-mysql-snap-'));
    try {
      const file = path.join(dir, 'app.json');
      writeSnapshot(file, model);
      assert.equal(readSnapshot(file), model);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('named schemas are read, system databases never; the same query count for 1 and 40 tables', async () => {
    await load('one', 'CREATE TABLE t1 (id int PRIMARY KEY)');
    await load('many', Array.from({ length: 40 }, (_, i) => `CREATE TABLE t${i} (id int PRIMARY KEY, v varchar(5), KEY ix (v));`).join('\n'));
    const both = await introspectMysql(settings('app'), { schemas: [server.name('one'), 'mysql', server.name('many'), 'information_schema'] });
    assert.equal(both.schemas, [server.name('many'), server.name('one')]);
    assert.is(both.objects.filter((o) => o.kind === 'table').length, 41);
    const count = async (database: string) => {
      let queries = 0;
      await withMysqlConnection(settings(database), (connection) =>
        withReadOnlySnapshot(connection, (tx) =>
          readMysqlModel({ query: (sql: string, values?: unknown[]) => (queries++, tx.query(sql, values)) }, settings(database), [server.name(database)]),
        ),
      );
      return queries;
    };
    assert.is(await count('many'), await count('one'));
  });

  test('driver errors: wrong password, unknown database, refused connection; no password in messages', async () => {
    const attempt = async (s: ConnectionSettings): Promise<ParityError> => {
      try {
        await introspectMysql(s, { schemas: [] });
      } catch (error) {
        assert.instance(error, ParityError);
        return error as ParityError;
      }
      throw new Error('introspection should have failed');
    };
    const denied = await attempt(settings('app', { password: 'wrong-secret-pw' }));
    assert.is(denied.code, 'AUTHENTICATION_FAILED');
    assert.not.match(`${denied.message} ${denied.where}`, 'wrong-secret-pw');
    const missing = await attempt(settings('no_such_db'));
    assert.is(missing.code, 'CONNECTION_FAILED');
    assert.match(missing.message, 'no_such_db');
    assert.not.match(`${missing.message} ${missing.where}`, server.password);
    const refused = await attempt(settings('app', { port: 1 }));
    assert.is(refused.code, 'CONNECTION_FAILED');
  });

  test.run();
}
