/**
 * MySQL/MariaDB schema-model folders against a real MariaDB: the workflow through the built CLI (diff a
 * database against the folder, `model`, diff again to zero; an edited column rewrites one file; a
 * dropped view removes its file), reading hand-written folders (any file order, retries for missing
 * objects), errors (a rejected statement with `file:line`, a database-qualified name, no build
 * environment: exit 3), and no scratch database left behind.
 *
 * The file runs on a MariaDB server of its own (not the run's shared one): it checks server-wide state
 * that other test files would disturb (no `parity_schema_model_*` database left anywhere, a user).
 *
 * UNQUALIFIED: tests marked so depend on `IntrospectOptions.unqualified` in the MySQL introspector (and
 * environments naming one database being read unqualified): objects in schema '' and file names
 * without a database prefix.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { SqlFile } from '../../src/dialects/dialect.ts';
import { introspectMysql } from '../../src/dialects/mysql/mysql-introspector.ts';
import { readMysqlSqlFiles } from '../../src/dialects/mysql/mysql-schema-model.ts';
import { SCRATCH_PREFIX } from '../../src/schema-model/scratch-database.ts';
import { analyzeMysqlFiles } from '../../src/dialects/mysql/mysql-sql-statements.ts';
import { diffModels } from '../../src/diff/differ.ts';
import { ParityError } from '../../src/errors.ts';
import type { DatabaseModel } from '../../src/model/objects.ts';
import { interruptBinaryWhen, runCli } from '../support/cli.ts';
import { skipWithoutMariadb, startOwnMariadb, type TestMariadb } from '../support/mariadb-server.ts';
import { mysqlFingerprint } from '../support/mysql-fingerprint.ts';

if (skipWithoutMariadb()) process.exit(0);

const APP = `
CREATE TABLE customers (id int NOT NULL AUTO_INCREMENT, name varchar(100) NOT NULL, email varchar(200), PRIMARY KEY (id), UNIQUE KEY uq_email (email));
CREATE TABLE orders (
  id bigint NOT NULL AUTO_INCREMENT,
  customer_id int NOT NULL,
  total decimal(10,2) NOT NULL DEFAULT 0.00,
  created timestamp NOT NULL DEFAULT current_timestamp(),
  PRIMARY KEY (id),
  KEY ix_customer (customer_id),
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
);
CREATE VIEW order_totals AS SELECT c.id, c.name, sum(o.total) AS total FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name;
CREATE FUNCTION order_count(c int) RETURNS int READS SQL DATA RETURN (SELECT count(*) FROM orders WHERE customer_id = c);
CREATE PROCEDURE touch_order(IN o bigint) MODIFIES SQL DATA UPDATE orders SET total = total WHERE id = o;
CREATE TRIGGER trg_orders_bi BEFORE INSERT ON orders FOR EACH ROW SET NEW.total = greatest(NEW.total, 0);
`;

/** Splits a script at `;` ending a line (APP's statements hold no such `;` inside). */
const statementsOf = (sql: string) => sql.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean);

let server: TestMariadb;
let work: string;
const run = (...args: string[]) => runCli(args, { cwd: work });
const models = () => path.join(work, 'schema-models');

interface DiffJson {
  differences: Array<{ id: string; differenceType: string; objectType: string; from: { schema: string; name: string } | null; to: { schema: string; name: string } | null }>;
}

/** Every file of a folder (relative path → text). */
function filesOf(folder: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!fs.existsSync(folder)) return out;
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(folder, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
  }
  return out;
}

async function scratchDatabases(): Promise<string[]> {
  const rows = await server.query<{ Database: string }>('mysql', 'SHOW DATABASES');
  return rows.map((r) => r.Database).filter((d) => d.startsWith(SCRATCH_PREFIX));
}

async function diffJson(...args: string[]): Promise<DiffJson> {
  const result = await run('diff', ...args, '-outputType=json');
  assert.is(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as DiffJson;
}

/** `Add Table orders`, without the database itself (kind schema), sorted. */
function summary(json: DiffJson): string[] {
  return json.differences
    .filter((d) => d.objectType !== 'Schema')
    .map((d) => `${d.differenceType} ${d.objectType} ${(d.from ?? d.to)!.name}`)
    .sort();
}

const read = (files: SqlFile[]) => readMysqlSqlFiles(files, { schemas: [], buildConnection: server.settings('') });

async function readError(files: SqlFile[]): Promise<ParityError> {
  try {
    await read(files);
  } catch (error) {
    if (error instanceof ParityError) return error;
    throw error;
  }
  throw new Error('expected a ParityError');
}

function changes(source: DatabaseModel, target: DatabaseModel): string[] {
  return diffModels(source, target)
    .filter((c) => c.objectKind !== 'schema')
    .map((c) => `${c.differenceType} ${c.objectKind} ${c.schema}.${c.name}`);
}

test.before(async () => {
  server = await startOwnMariadb();
  await server.createDatabase('app');
  await server.execAll('app', statementsOf(APP));
  await server.createDatabase('other_db');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-mysql-model-'));
  const dev = `databaseType = "MySql"

[environments.dev]
url = "jdbc:mysql://127.0.0.1:${server.port}/app"
user = "${server.user}"
password = "${server.password}"
`;
  const build = `
[environments.build]
url = "jdbc:mysql://127.0.0.1:${server.port}/build_db"
user = "${server.user}"
password = "${server.password}"
`;
  fs.writeFileSync(path.join(work, 'flyway.toml'), dev + build);
  fs.writeFileSync(path.join(work, 'nobuild.toml'), dev);
  fs.writeFileSync(path.join(work, 'broken.toml'), `${dev}${build}\n[flyway]\nschemaModelLocation = "broken"\n`);
  fs.mkdirSync(models());
});

test.after(async () => {
  if (server) assert.equal(await scratchDatabases(), [], 'scratch databases left behind');
  await server?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('an empty folder is an empty model and needs no build environment: every object of dev is an Add', async () => {
  const json = await diffJson('-source=dev', '-target=schemaModel', '-configFiles=nobuild.toml');
  assert.equal(summary(json), [
    'Add Function order_count',
    'Add Procedure touch_order',
    'Add Table customers',
    'Add Table orders',
    'Add View order_totals',
  ]);
});

test('diff, model (one unqualified file per object), diff again: no differences, no scratch database left', async () => {
  const diff = await run('diff', '-source=dev', '-target=schemaModel', '-buildEnvironment=build', '-artifactFilename=out/a.artifact');
  assert.is(diff.code, 0, diff.stderr);
  const model = await run('model', '-artifactFilename=out/a.artifact');
  assert.is(model.code, 0, model.stderr);
  const written = filesOf(models());
  const objects = [...written.keys()].filter((f) => !f.startsWith('Schemas/')).sort();
  assert.equal(objects, ['Functions/order_count.sql', 'Procedures/touch_order.sql', 'Tables/customers.sql', 'Tables/orders.sql', 'Views/order_totals.sql']);
  // Each file creates exactly its object (the trigger goes with its table), without a database name.
  const owners = new Map<string, string[]>();
  for (const s of analyzeMysqlFiles([...written].map(([file, text]) => ({ path: file, text })))) {
    owners.set(s.file.path, [...new Set([...(owners.get(s.file.path) ?? []), s.owner ?? '?'])]);
  }
  assert.equal(owners.get('Tables/orders.sql'), ['table:orders']);
  assert.equal(owners.get('Tables/customers.sql'), ['table:customers']);
  assert.equal(owners.get('Views/order_totals.sql'), ['view:order_totals']);
  assert.equal(owners.get('Functions/order_count.sql'), ['function:order_count']);
  assert.equal(owners.get('Procedures/touch_order.sql'), ['procedure:touch_order']);
  assert.match(written.get('Tables/orders.sql')!, /^CREATE TABLE `orders` \(/);
  assert.match(written.get('Tables/orders.sql')!, /CREATE TRIGGER `trg_orders_bi`/);
  for (const [file, text] of written) assert.not.match(text, /`app`\./, `${file} names the database`);

  const again = await run('diff', '-source=dev', '-target=schemaModel', '-buildEnvironment=build');
  assert.is(again.code, 0, again.stderr);
  assert.match(again.stdout, /No differences found\./);
  assert.equal(await scratchDatabases(), []);
});

test('an edited column is an Edit Table; model rewrites only that file; then a dropped view removes its file', async () => {
  await server.exec('app', 'ALTER TABLE customers MODIFY name varchar(150) NOT NULL');
  const json = await diffJson('-source=dev', '-target=schemaModel', '-buildEnvironment=build', '-artifactFilename=out/b.artifact');
  assert.equal(summary(json), ['Edit Table customers']);
  const before = filesOf(models());
  const model = await run('model', '-artifactFilename=out/b.artifact');
  assert.is(model.code, 0, model.stderr);
  assert.match(model.stdout, /\(0 added, 1 updated, 0 deleted, 0 unchanged\)/);
  const after = filesOf(models());
  for (const [file, text] of before) if (file !== 'Tables/customers.sql') assert.is(after.get(file), text, `${file} was rewritten`);
  assert.match(after.get('Tables/customers.sql')!, /`name` varchar\(150\) NOT NULL/);
  assert.match((await run('diff', '-source=dev', '-target=schemaModel', '-buildEnvironment=build')).stdout, /No differences found\./);

  await server.exec('app', 'DROP VIEW order_totals');
  const dropped = await diffJson('-source=dev', '-target=schemaModel', '-buildEnvironment=build', '-artifactFilename=out/c.artifact');
  assert.equal(summary(dropped), ['Delete View order_totals']);
  const removed = await run('model', '-artifactFilename=out/c.artifact');
  assert.is(removed.code, 0, removed.stderr);
  assert.not.ok(fs.existsSync(path.join(models(), 'Views')), 'the emptied Views folder is removed');
  assert.match((await run('diff', '-source=dev', '-target=schemaModel', '-buildEnvironment=build')).stdout, /No differences found\./);
  assert.equal(await scratchDatabases(), []);
});

test("the database's own options and events: Edit Schema (unnamed), written to Schemas/database.sql, read back equal", async () => {
  await server.exec('app', 'ALTER DATABASE app CHARACTER SET latin1 COLLATE latin1_swedish_ci');
  await server.exec('app', "CREATE EVENT purge_orders ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DO DELETE FROM orders WHERE id < 0");
  try {
    const json = await run('diff', '-source=dev', '-target=schemaModel', '-buildEnvironment=build', '-artifactFilename=out/d.artifact', '-outputType=json');
    assert.is(json.code, 0, json.stderr);
    const differences = (JSON.parse(json.stdout) as { differences: Array<{ differenceType: string; objectType: string; from: { schema: string; name: string } }> }).differences;
    assert.equal(differences.map((d) => `${d.differenceType} ${d.objectType} '${d.from.schema}' '${d.from.name}'`), ["Edit Schema '' ''"]);
    const model = await run('model', '-artifactFilename=out/d.artifact');
    assert.is(model.code, 0, model.stderr);
    const text = fs.readFileSync(path.join(models(), 'Schemas', 'database.sql'), 'utf8');
    assert.match(text, /^ALTER DATABASE CHARACTER SET latin1 COLLATE latin1_swedish_ci;/);
    assert.match(text, /CREATE EVENT `purge_orders` ON SCHEDULE EVERY 1 DAY/);
    assert.match((await run('diff', '-source=dev', '-target=schemaModel', '-buildEnvironment=build')).stdout, /No differences found\./);
  } finally {
    await server.exec('app', 'DROP EVENT purge_orders');
    await server.exec('app', 'ALTER DATABASE app CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci');
  }
});

/** Objects whose DDL the mysql client cuts at the first `;` unless it is written between DELIMITER lines, and table options and keys that used to be lost. */
const COMPOUND = `
CREATE TABLE tickets (id int NOT NULL, \`type\` varchar(10), \`status\` varchar(10), \`zone\` varchar(10), parent_id int,
    PRIMARY KEY (id) COMMENT 'ticket number', FOREIGN KEY (parent_id) REFERENCES tickets (id))
    ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8;
DELIMITER $$
CREATE TRIGGER t_before BEFORE INSERT ON tickets FOR EACH ROW begin
set NEW.status = coalesce(NEW.status, 'open');
set NEW.zone = 'costs $$; not free';
end$$
CREATE FUNCTION f_kind(t_id int) RETURNS varchar(40) READS SQL DATA
BEGIN
    DECLARE type varchar(10);
    SELECT t.type INTO type FROM tickets t WHERE t.id = t_id;
    RETURN type;
END$$
CREATE PROCEDURE p_close(IN zone varchar(10))
BEGIN
    UPDATE tickets SET status = 'closed' WHERE tickets.zone = zone;
    UPDATE tickets SET status = 'done' WHERE status IS NULL;
END$$
CREATE EVENT ev_purge ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE DO
BEGIN
    DELETE FROM tickets WHERE status = 'done';
    DELETE FROM tickets WHERE status = 'closed';
END$$
DELIMITER ;
`;

test('compound bodies: model writes them between DELIMITER lines, the mariadb client runs the files unchanged, and they read back equal', async () => {
  await server.createDatabase('compound');
  const source = path.join(work, 'compound.sql');
  fs.writeFileSync(source, COMPOUND);
  await server.runClient('compound', source);
  const environment = (name: string, database: string) =>
    `[environments.${name}]\nurl = "jdbc:mysql://127.0.0.1:${server.port}/${database}"\nuser = "${server.user}"\npassword = "${server.password}"\n\n`;
  fs.writeFileSync(path.join(work, 'compound.toml'), `${environment('comp', server.name('compound'))}${environment('build', 'build_db')}[flyway]\nschemaModelLocation = "compound-model"\n`);
  const folder = path.join(work, 'compound-model');
  fs.mkdirSync(folder);
  const config = ['-configFiles=compound.toml', '-buildEnvironment=build'];
  const diff = await run('diff', '-source=comp', '-target=schemaModel', ...config, '-artifactFilename=out/compound.artifact');
  assert.is(diff.code, 0, diff.stderr);
  const model = await run('model', '-artifactFilename=out/compound.artifact', '-configFiles=compound.toml');
  assert.is(model.code, 0, model.stderr);
  const written = filesOf(folder);
  assert.match(written.get('Tables/tickets.sql')!, /\nDELIMITER \$\$\$\nCREATE TRIGGER `t_before` BEFORE INSERT ON `tickets` FOR EACH ROW begin\n[\s\S]*\nend\n\$\$\$\nDELIMITER ;\n$/);
  assert.match(written.get('Tables/tickets.sql')!, /PRIMARY KEY \(`id`\) COMMENT 'ticket number'/);
  assert.match(written.get('Tables/tickets.sql')!, /ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8;/);
  assert.match(written.get('Functions/f_kind.sql')!, /^DELIMITER \$\$\nCREATE FUNCTION `f_kind`/);
  assert.match(written.get('Procedures/p_close.sql')!, /^DELIMITER \$\$\nCREATE PROCEDURE `p_close`/);
  assert.match(written.get('Schemas/database.sql')!, /DELIMITER \$\$\nCREATE EVENT `ev_purge`/);

  // Read back by parity (its splitter reads DELIMITER): no differences.
  const again = await run('diff', '-source=comp', '-target=schemaModel', ...config);
  assert.is(again.code, 0, again.stderr);
  assert.match(again.stdout, /No differences found\./);
  // Run by the mariadb client, file by file as written: the same database, by an independent fingerprint.
  await server.createDatabase('compound_copy');
  const order = ['Tables/tickets.sql', 'Functions/f_kind.sql', 'Procedures/p_close.sql', 'Schemas/database.sql'];
  assert.equal([...written.keys()].sort(), [...order].sort());
  for (const file of order) await server.runClient('compound_copy', path.join(folder, file));
  assert.equal(await mysqlFingerprint(server, 'compound_copy'), await mysqlFingerprint(server, 'compound'));
  await server.dropDatabase('compound_copy');
  await server.dropDatabase('compound');
});

test('a non-empty folder without a build environment: exit 3, one line saying what to add', async () => {
  const result = await run('diff', '-source=dev', '-target=schemaModel', '-configFiles=nobuild.toml');
  assert.is(result.code, 3, result.stderr);
  assert.is(result.stderr.split('\n').filter(Boolean).length, 1, result.stderr);
  assert.match(result.stderr, /^ERROR: reading a MySQL\/MariaDB schema model needs a MySQL\/MariaDB server: add a build environment to flyway\.toml \(\[environments\.build\] with url = "mysql:\/\/127\.0\.0\.1:3306\/build_db", user, password\) and pass -buildEnvironment=build \(-target\)\n$/);
});

test('a statement the server rejects: exit 9, the server message and file:line; nothing left behind', async () => {
  const broken = path.join(work, 'broken', 'Tables');
  fs.mkdirSync(broken, { recursive: true });
  fs.writeFileSync(path.join(broken, 'audit.sql'), '-- the audit trail\nCREATE TABLE audit (\n    id bigint,\n    who varchar(10) NOT NULL DEFAULT,\n    PRIMARY KEY (id)\n);\n');
  const result = await run('diff', '-source=schemaModel', '-target=empty', '-configFiles=broken.toml', '-buildEnvironment=build');
  assert.is(result.code, 9, result.stderr);
  assert.match(result.stderr, /^ERROR: You have an error in your SQL syntax; .* at line 3 \(broken\/Tables\/audit\.sql:4\)\n$/);
  assert.equal(await scratchDatabases(), []);
});

// UNQUALIFIED: the comparison with the reference database.
test('hand-written files in any order: views before their tables, triggers in their own file, retried until they apply', async () => {
  const files: SqlFile[] = [
    { path: 'm/a_view.sql', text: 'CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;\nCREATE VIEW v_on_v AS SELECT id FROM big_orders;\n' },
    { path: 'm/b_trigger.sql', text: 'CREATE TRIGGER trg_orders_bi BEFORE INSERT ON orders FOR EACH ROW SET NEW.total = greatest(NEW.total, 0);\n' },
    { path: 'm/c_function.sql', text: 'CREATE FUNCTION order_count(c int) RETURNS int READS SQL DATA RETURN (SELECT count(*) FROM orders WHERE customer_id = c);' },
    { path: 'm/d_view_fn.sql', text: 'CREATE VIEW counts AS SELECT id, order_count(id) AS n FROM customers;' },
    {
      path: 'm/z_tables.sql',
      text:
        'SET NAMES utf8mb4;\n' +
        'CREATE TABLE orders (id bigint NOT NULL, customer_id int NOT NULL, total decimal(10,2) NOT NULL, PRIMARY KEY (id), CONSTRAINT fk_c FOREIGN KEY (customer_id) REFERENCES customers (id));\n' +
        'CREATE TABLE customers (id int NOT NULL, PRIMARY KEY (id));\n',
    },
  ];
  const model = await read(files);
  assert.equal(
    model.objects.filter((o) => o.kind !== 'schema').map((o) => `${o.kind} ${o.name}`),
    ['function order_count', 'table customers', 'table orders', 'view big_orders', 'view counts', 'view v_on_v'],
  );
  // The same DDL run in order in a database of its own reads back equal (UNQUALIFIED: both sides in schema '').
  await server.createDatabase('ref');
  await server.execAll('ref', ['SET FOREIGN_KEY_CHECKS = 0', ...[files[4]!, files[2]!, files[1]!, files[0]!, files[3]!].flatMap((f) => statementsOf(f.text)).filter((s) => !s.startsWith('SET'))]);
  const reference = await introspectMysql(server.settings('ref'), { schemas: ['ref'], unqualified: true });
  assert.equal(changes(reference, model), []);
  assert.equal(await scratchDatabases(), []);
});

test('names qualified with another database, USE and CREATE DATABASE are refused before anything runs', async () => {
  const qualified = await readError([
    { path: 'm/t.sql', text: 'CREATE TABLE ok (id int);' },
    { path: 'm/u.sql', text: '-- elsewhere\n\nCREATE TABLE\n  `other_db`.`t` (id int);' },
  ]);
  assert.is(qualified.code, 'SCHEMA_MODEL_ERROR');
  assert.is(qualified.where, 'm/u.sql:4');
  assert.match(qualified.message, /`other_db`\.`t` is qualified with a database: a MySQL schema model holds one database/);
  assert.equal(await server.query('other_db', 'SHOW TABLES'), [], 'nothing was created in other_db');
  for (const [text, pattern] of [
    ['USE other_db', /^USE: /],
    ['CREATE DATABASE x', /^CREATE DATABASE: /],
    ['CREATE INDEX ix ON other_db.t (id)', /`other_db`\.`t` is qualified/],
    ['INSERT INTO other_db.t VALUES (1)', /`other_db`\.`t` is qualified/],
    ['ALTER TABLE ok RENAME TO other_db.ok', /`other_db`\.`ok` is qualified/],
    ["CREATE USER 'x'@'%'", /^CREATE USER is not about an object of a database/],
    ['GRANT ALL ON *.* TO root', /^GRANT is not a statement a schema model holds/],
  ] as const) {
    const error = await readError([{ path: 'x.sql', text }]);
    assert.match(error.message, pattern, text);
  }
  assert.equal(await scratchDatabases(), []);
});

test('a statement waiting for an object no file creates fails with the server message', async () => {
  const error = await readError([{ path: 'm/v.sql', text: '\nCREATE VIEW v AS SELECT * FROM nowhere;' }]);
  assert.is(error.code, 'SCHEMA_MODEL_ERROR');
  assert.is(error.where, 'm/v.sql:2');
  assert.match(error.message, /Table 'nowhere' doesn't exist/);
  assert.not.match(error.message, new RegExp(SCRATCH_PREFIX));
  assert.equal(await scratchDatabases(), []);
});

test('a build environment user who may not create databases: a DATABASE_ERROR saying so, nothing created', async () => {
  await server.exec('mysql', "CREATE USER IF NOT EXISTS 'reader'@'127.0.0.1' IDENTIFIED BY 'pw'");
  await server.exec('mysql', "GRANT SELECT ON app.* TO 'reader'@'127.0.0.1'");
  try {
    await readMysqlSqlFiles([{ path: 't.sql', text: 'CREATE TABLE t (id int);' }], { schemas: [], buildConnection: { ...server.settings(''), user: 'reader', password: 'pw' } });
    assert.unreachable('the read should fail');
  } catch (error) {
    assert.instance(error, ParityError);
    assert.is((error as ParityError).code, 'DATABASE_ERROR');
    assert.match((error as ParityError).message, /^cannot create a scratch database for the schema model \(the build environment's user needs CREATE and DROP\): Access denied/);
  }
  assert.equal(await scratchDatabases(), []);
});

test('Ctrl-C while the files are applied drops the scratch database (exit 130)', async () => {
  const slow = path.join(work, 'slow');
  fs.mkdirSync(path.join(slow, 'Tables'), { recursive: true });
  for (let i = 0; i < 400; i++) fs.writeFileSync(path.join(slow, 'Tables', `t${i}.sql`), `CREATE TABLE t${i} (id int PRIMARY KEY, v varchar(20));\n`);
  fs.writeFileSync(path.join(work, 'slow.toml'), fs.readFileSync(path.join(work, 'flyway.toml'), 'utf8') + '\n[flyway]\nschemaModelLocation = "slow"\n');
  const args = ['diff', '-source=schemaModel', '-target=empty', '-configFiles=slow.toml', '-buildEnvironment=build'];
  const code = await interruptBinaryWhen(args, { cwd: work }, async () => (await scratchDatabases()).length === 1, 'the scratch database appearing');
  assert.is(code, 130);
  assert.equal(await scratchDatabases(), []);
});

test.run();
