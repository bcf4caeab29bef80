/**
 * `parity check` against a real MariaDB, through the CLI: a database migrated by parity, changed by
 * hand, with pending migrations that break the MySQL rules; a build environment (MySQL has no
 * embedded server) with provisioner = "clean". Changes are exactly the pending migrations, drift is
 * exactly the hand change (exit 13), each rule is at its file:line and none fires for the same words
 * in a comment or a string, and a user that can only SELECT gets the same report (check never
 * writes), with the database's fingerprint and history unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../support/cli.ts';
import { skipWithoutMariadb, startMariadb, type TestMariadb } from '../support/mariadb-server.ts';
import { mysqlFingerprint } from '../support/mysql-fingerprint.ts';
import { mysqlMigrationProject, type MigrationProject } from '../support/migration-project.ts';

let server: TestMariadb;
let p: MigrationProject;
const READER_PASSWORD = 'check-reader-pw';
let reader: string;

const V1 = `CREATE TABLE customers (id int PRIMARY KEY, name varchar(40), email varchar(80));
CREATE TABLE orders (id int PRIMARY KEY, customer_id int, note text);
`;

const V2 = `-- DROP TABLE orders; DELETE FROM customers (a comment)
CREATE TABLE audit (id int, note varchar(80));
ALTER TABLE audit ADD COLUMN at datetime;
ALTER TABLE customers MODIFY COLUMN name varchar(10);
ALTER TABLE customers ADD COLUMN phone varchar(20), ALGORITHM=INSTANT;
ALTER TABLE orders
  DROP COLUMN note;
INSERT INTO audit (id, note) VALUES (1, 'UPDATE orders SET x = 1; TRUNCATE customers');
UPDATE customers SET email = NULL;
DELETE FROM audit WHERE id = 1;
CREATE INDEX customers_email ON customers (email);
`;

const V3 = `TRUNCATE TABLE audit;
DROP TABLE audit;
`;

interface CheckJson {
  environment: { schemaVersion: string | null } | null;
  pending: Array<{ version: string | null }>;
  changes?: { differences: Array<{ differenceType: string; objectType: string; from: { name: string; definition: string | null } | null; to: { name: string; definition: string | null } | null }> };
  drift?: { driftFound: boolean; differences: Array<{ differenceType: string; objectType: string; from: { name: string; definition: string | null } | null; to: { name: string; definition: string | null } | null }> };
  code?: { violations: Array<{ file: string; line: number; rule: string; severity: string; message: string }> };
  dryrun?: { script: string };
}

const shape = (d: { differenceType: string; objectType: string; from: { name: string } | null; to: { name: string } | null }) => `${d.differenceType} ${d.objectType} ${(d.from ?? d.to)!.name}`;
const historyRows = () => server.query('prod', 'SELECT installed_rank, version, checksum, success FROM flyway_schema_history ORDER BY installed_rank');
const cli = (...args: string[]) => runCli(args, { cwd: p.dir, env: { MYSQL_TEST_PASSWORD: server.password, READER_PASSWORD } });

async function check(...args: string[]): Promise<{ code: number; json: CheckJson; stderr: string }> {
  const result = await cli('check', ...args, '-outputType=json');
  assert.ok(result.stdout.trim().startsWith('{'), `${result.stdout}\n${result.stderr}`);
  return { code: result.code, json: JSON.parse(result.stdout) as CheckJson, stderr: result.stderr };
}

if (!skipWithoutMariadb()) {
  test.before(async () => {
    server = await startMariadb();
    await server.createDatabase('prod');
    await server.createDatabase('build');
    reader = server.name('reader');
    p = mysqlMigrationProject(server, { prod: { database: 'prod' }, build: { database: 'build', provisioner: 'clean' } });
    fs.appendFileSync(path.join(p.dir, 'flyway.toml'), `\n[environments.prodro]\nurl = "${server.jdbcUrl('prod')}"\nuser = "${reader}"\npassword = "\${env.READER_PASSWORD}"\n`);
    p.write('V1__create.sql', V1);
    const migrated = await cli('migrate', '-environment=prod');
    assert.is(migrated.code, 0, migrated.stderr);
    await server.exec('prod', 'ALTER TABLE customers ADD COLUMN hacked int');
    await server.exec('', `CREATE USER IF NOT EXISTS '${reader}'@'%' IDENTIFIED BY '${READER_PASSWORD}'`);
    await server.exec('', `GRANT SELECT ON \`${server.name('prod')}\`.* TO '${reader}'@'%'`);
    p.write('V2__risky.sql', V2);
    p.write('V3__cleanup.sql', V3);
  });

  test.after(async () => {
    p?.dispose();
    await server?.exec('', `DROP USER IF EXISTS '${reader}'@'%'`).catch(() => {});
    await server?.stop();
  });

  test('changes are the pending migrations only, drift is the hand change (exit 13), built in a build environment', async () => {
    const { code, json, stderr } = await check('-changes', '-drift', '-environment=prod', '-buildEnvironment=build', '-rebuild=true', '-failOnDrift=true');
    assert.is(code, 13, `${stderr}${JSON.stringify(json)}`);
    assert.equal(json.pending.map((m) => m.version), ['2', '3']);
    assert.equal(json.changes!.differences.map(shape).sort(), ['Edit Table customers', 'Edit Table orders']);
    const customers = json.changes!.differences.find((d) => d.to?.name === 'customers')!;
    assert.match(customers.from!.definition!, /`phone` varchar\(20\)/);
    assert.not.match(customers.from!.definition!, /hacked/);
    assert.equal(json.drift!.differences.map(shape), ['Edit Table customers']);
    assert.match(json.drift!.differences[0]!.from!.definition!, /`hacked` int/);
  });

  test('code: each MySQL rule at its file:line, none in comments or strings', async () => {
    const { code, json, stderr } = await check('-code', '-environment=prod', '-code.failOnError=true');
    assert.is(code, 14, stderr);
    assert.equal(
      json.code!.violations.map((v) => `${v.file}:${v.line} ${v.rule} ${v.severity}`),
      [
        'migrations/V2__risky.sql:4 alter-without-algorithm warning',
        'migrations/V2__risky.sql:4 narrowing-type-change error',
        'migrations/V2__risky.sql:6 alter-without-algorithm warning',
        'migrations/V2__risky.sql:6 drop-column error',
        'migrations/V2__risky.sql:9 update-without-where error',
        'migrations/V2__risky.sql:11 alter-without-algorithm warning',
        'migrations/V3__cleanup.sql:1 truncate error',
        'migrations/V3__cleanup.sql:2 drop-table error',
      ],
    );
    assert.match(json.code!.violations[1]!.message, /from varchar\(40\) to varchar\(10\)/);
  });

  test('check never writes: a SELECT-only user gets the same report; fingerprint and history unchanged', async () => {
    const fingerprint = await mysqlFingerprint(server, 'prod');
    const history = await historyRows();
    const owner = await check('-changes', '-drift', '-code', '-dryrun', '-environment=prod', '-buildEnvironment=build', '-rebuild=true');
    const readOnly = await check('-changes', '-drift', '-code', '-dryrun', '-environment=prodro', '-buildEnvironment=build', '-rebuild=true');
    assert.is(readOnly.code, 0, readOnly.stderr);
    assert.equal(readOnly.json.changes, owner.json.changes);
    assert.equal(readOnly.json.drift, owner.json.drift);
    assert.equal(readOnly.json.code, owner.json.code);
    assert.match(readOnly.json.dryrun!.script, /-- Executing: migrations\/V2__risky\.sql/);
    assert.equal(await mysqlFingerprint(server, 'prod'), fingerprint);
    assert.equal(await historyRows(), history);
    const connection = await (await import('mysql2/promise')).createConnection({ host: '127.0.0.1', port: server.port, user: reader, password: READER_PASSWORD, database: server.name('prod') });
    try {
      await connection.query('CREATE TABLE written (id int)').then(
        () => assert.unreachable('the SELECT-only user could create a table'),
        (error: Error) => assert.match(error.message, /denied/),
      );
    } finally {
      await connection.end();
    }
  });

  test.run();
}
