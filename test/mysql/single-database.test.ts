/**
 * `app` against `app_copy` on one MariaDB server (issue 5, part 4), through the built CLI only: two
 * environments whose URLs name the databases (no `schemas` setting) are compared without the database
 * qualifier; the generated script names no database and, run in `app_copy`, makes it equal to `app`
 * (checked by parity and by the independent mysqldump fingerprint, test/support/mysql-fingerprint.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { splitMysqlStatements } from '../../src/dialects/mysql/mysql-script.ts';
import { runCli, type CliResult } from '../support/cli.ts';
import { changeSummary, diffJson } from '../support/diff-json.ts';
import { skipWithoutMariadb, startMariadb, type TestMariadb } from '../support/mariadb-server.ts';
import { mysqlFingerprint } from '../support/mysql-fingerprint.ts';

const SOURCE = [
  'CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200), UNIQUE KEY customers_email (email))',
  'CREATE TABLE orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, customer_id INT, total DECIMAL(10,2) NOT NULL DEFAULT 0, note TEXT, CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id))',
  "CREATE VIEW big_orders AS SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.total > 100",
  "CREATE TRIGGER orders_note BEFORE INSERT ON orders FOR EACH ROW SET NEW.note = COALESCE(NEW.note, 'new')",
  'CREATE FUNCTION order_count(c int) RETURNS INT READS SQL DATA RETURN (SELECT COUNT(*) FROM orders WHERE customer_id = c)',
  'CREATE EVENT purge_notes ON SCHEDULE EVERY 1 DAY STARTS \'2030-01-01 00:00:00\' DO UPDATE orders SET note = NULL WHERE total = 0',
];

const TARGET = [
  'CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50))',
  'CREATE TABLE orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, customer_id INT, total DECIMAL(10,2) NOT NULL DEFAULT 0)',
  'CREATE TABLE legacy (id INT)',
];

let server: TestMariadb;
let work: string;

const run = (...args: string[]): Promise<CliResult> => runCli(args, { cwd: work, env: { PW: server.password } });

const diff = (source: string, target: string) => diffJson(run, source, target);
const summary = changeSummary;

/** The independent fingerprint with the database's own name replaced, so copies under two names compare. */
async function print(database: string): Promise<string[]> {
  const lines = await mysqlFingerprint(server, database);
  return lines.map((line) => line.replace(new RegExp(`\\b${server.name(database)}\\b`, 'g'), 'DB')).sort();
}

if (!skipWithoutMariadb()) {
  test.before(async () => {
    server = await startMariadb();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-single-database-'));
    const env = (name: string, database: string) =>
      [`[environments.${name}]`, `url = "${server.jdbcUrl(database)}"`, `user = "${server.user}"`, 'password = "${env.PW}"', ''].join('\n');
    fs.writeFileSync(path.join(work, 'flyway.toml'), [env('app', 'app'), env('copy', 'app_copy')].join('\n'));
  });

  test.after(async () => {
    await server?.stop();
    if (work && !process.env['KEEP']) fs.rmSync(work, { recursive: true, force: true });
  });

  test('app vs app_copy on one server: no database qualifier, the script runs in app_copy, both converge', async () => {
    await server.createDatabase('app');
    await server.createDatabase('app_copy');
    await server.execAll('app', SOURCE);
    await server.execAll('app_copy', TARGET);
    assert.not.equal(await print('app_copy'), await print('app'));

    assert.equal(summary(await diff('app', 'copy')), [
      'Add Function |order_count',
      'Add View |big_orders',
      'Delete Table |legacy',
      'Edit Schema |',
      'Edit Table |customers',
      'Edit Table |orders',
    ]);
    const generated = await run('generate', '-artifactFilename=out/diff.artifact', '-generate.location=out/scripts', '-generate.description=copy', '-generate.version=1', '-generate.types=versioned,undo');
    assert.is(generated.code, 0, generated.stdout + generated.stderr);
    const script = fs.readFileSync(path.join(work, 'out/scripts/V1__copy.sql'), 'utf8');
    assert.not.match(script, new RegExp(`\`${server.name('app')}(_copy)?\`\\.`), 'the script qualifies nothing with a database');

    await server.execAll('app_copy', splitMysqlStatements(script));
    assert.equal((await diff('app', 'copy')).differences, []);
    assert.equal(await print('app_copy'), await print('app'), 'app_copy equals app (independent fingerprint)');

    // A snapshot of a URL-named database is unqualified too, and compares with the copy of another name.
    const saved = await run('snapshot', '-source=app', '-filename=out/app.json');
    assert.is(saved.code, 0, saved.stderr);
    const snapshot = JSON.parse(fs.readFileSync(path.join(work, 'out/app.json'), 'utf8')) as { model: { schemas: string[] } };
    assert.equal(snapshot.model.schemas, ['']);
    assert.equal((await diff('snapshot:out/app.json', 'copy')).differences, []);

    await server.execAll('app_copy', splitMysqlStatements(fs.readFileSync(path.join(work, 'out/scripts/U1__copy.sql'), 'utf8')));
    assert.is((await diff('app', 'copy')).differences.length, 6, 'the undo script takes app_copy back');
  });

  test.run();
}
