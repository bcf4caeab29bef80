/**
 * Mistakes a demanding first user makes, each a one-line error with its documented exit code (never
 * exit 1, never a hang), and the password kept out of messages without garbling them:
 * - a malformed %-escape in a URL, a folder as -configFiles, a file as -workingDirectory, an output
 *   path below a file (artifact, snapshot, migrations, materialized data diff, schema model), an
 *   output path under /proc (where Node's recursive mkdir loops forever);
 * - a password that is a substring of the message, or equal to the user name;
 * - databaseType naming no dialect or another dialect than the environments', a MySQL snapshot
 *   against a PostgreSQL environment, a snapshot holding one object twice;
 * - -flyway.locations=, -key=id,id, a MySQL URL aimed at a PostgreSQL port (connectTimeout).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runBinary, runCli, type CliResult } from '../support/cli.ts';
import { environmentSection } from '../support/flyway-toml.ts';
import { freePort, startPostgres, type TestPostgres } from '../support/pg-server.ts';

const SHOP = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'snapshots', 'shop.json');

let pg: TestPostgres;
let work: string;
let closedPort: number;

const run = (...args: string[]) => runCli(args, { cwd: work, env: { PG_PW: pg.password } });

/** One line on stderr, nothing on stdout, the exit code; returns the line. */
function oneLine(result: CliResult, code: number, what: string): string {
  assert.is(result.code, code, `${what}: ${result.stderr}`);
  assert.is(result.stdout, '', `${what} wrote to stdout`);
  assert.ok(/^ERROR: [^\n]*\n$/.test(result.stderr), `${what}: not one line: ${result.stderr}`);
  return result.stderr.trimEnd();
}

test.before(async () => {
  pg = await startPostgres();
  await pg.createDatabase('app');
  await pg.exec(
    'app',
    "CREATE TABLE t (id integer PRIMARY KEY, v text); INSERT INTO t VALUES (1, 'a'), (2, 'b'); CREATE SCHEMA other; CREATE TABLE other.t (id integer PRIMARY KEY, v text); INSERT INTO other.t VALUES (1, 'a')",
  );
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-hardening-'));
  closedPort = await freePort();
  fs.writeFileSync(
    path.join(work, 'flyway.toml'),
    [
      environmentSection('app', pg.jdbcUrl('app'), pg.user, 'PG_PW'),
      environmentSection('two', pg.jdbcUrl('app'), pg.user, 'PG_PW').replace(/\n$/, '\nschemas = ["public", "other"]\n'),
      `[environments.down]\nurl = "jdbc:postgresql://127.0.0.1:${closedPort}/app"\nuser = "someone"\n`,
    ].join('\n'),
  );
  fs.writeFileSync(path.join(work, 'afile'), 'not a folder\n');
  fs.mkdirSync(path.join(work, 'afolder'));
  assert.is((await run('diff', `-source=snapshot:${SHOP}`, '-target=empty', '-artifactFilename=shop.artifact')).code, 0);
});

test.after(async () => {
  await pg?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('ordinary mistakes in settings: exit 2, 3 or 6 with one line naming the setting, never an internal error', async () => {
  const url = oneLine(await run('diff', '-source=x', '-target=empty', '-environment=x', `-url=postgres://u:pa%zzword@127.0.0.1:${closedPort}/db`), 3, 'malformed %');
  assert.is(url, `ERROR: the password in "postgres://u:***@127.0.0.1:${closedPort}/db" has a malformed %-escape (write % as %25) (command line: environments.x.url)`);
  const database = oneLine(await run('diff', '-source=x', '-target=empty', '-environment=x', `-url=postgres://u@127.0.0.1:${closedPort}/d%zz`), 3, 'malformed % in the database');
  assert.match(database, 'the database name in');
  assert.is(oneLine(await run('diff', '-source=app', '-target=empty', '-configFiles=afolder'), 3, 'folder as config'), 'ERROR: configuration file afolder is a folder (-configFiles names files, such as afolder/flyway.toml) (-configFiles)');
  assert.is(oneLine(await run('diff', '-source=empty', '-target=empty', '-workingDirectory=afile'), 2, 'file as working directory'), 'ERROR: working directory afile is a file, not a folder (-workingDirectory)');
  assert.is(oneLine(await run('diff', '-source=empty', '-target=empty', '-workingDirectory=nope'), 6, 'missing working directory'), 'ERROR: working directory nope not found (-workingDirectory)');
  // A TMPDIR that cannot hold the embedded server's data directory.
  fs.mkdirSync(path.join(work, 'schema-models', 'Tables'), { recursive: true });
  fs.writeFileSync(path.join(work, 'schema-models', 'Tables', 'public.x.sql'), 'CREATE TABLE public.x (id integer);\n');
  const badTmp = await runCli(['diff', '-source=schemaModel', '-target=empty', '-artifactFilename=m.artifact'], { cwd: work, env: { PG_PW: pg.password, TMPDIR: path.join(work, 'afile') } });
  assert.is(
    oneLine(badTmp, 7, 'TMPDIR a file'),
    `ERROR: cannot create the embedded PostgreSQL server's data directory in ${path.join(work, 'afile')}: a part of the path is a file, not a folder (TMPDIR)`,
  );
});

test('an output path below a file: exit 7 naming the file in the way, for every writer', async () => {
  const inTheWay = `${path.join(work, 'afile')} is a file, not a folder`;
  const cases: Array<[string, string[]]> = [
    ['artifact', ['diff', '-source=empty', '-target=empty', '-artifactFilename=afile/a.artifact']],
    ['snapshot', ['snapshot', '-source=app', '-filename=afile/deeper/s.json']],
    ['migration', ['generate', '-artifactFilename=shop.artifact', '-generate.location=afile/migrations']],
    ['materialized data diff', ['dataDiff', '-source=app', '-target=app', '-table=t', '-key=id', '-materialize=afile/d.jsonl']],
  ];
  for (const [what, args] of cases) assert.match(oneLine(await run(...args), 7, what), `ERROR: cannot write file: ${inTheWay} (`, what);
  const location = oneLine(await run('generate', '-artifactFilename=shop.artifact', '-generate.location=afile'), 7, 'location is a file');
  assert.match(location, `cannot write file: ${inTheWay}`);
  fs.writeFileSync(path.join(work, 'model.toml'), '[flyway]\nschemaModelLocation = "afile/models"\n');
  const model = oneLine(await run('model', '-artifactFilename=shop.artifact', '-configFiles=model.toml'), 7, 'schema model below a file');
  assert.match(model, `ERROR: cannot update the schema model, nothing was changed: ${inTheWay} (`);
  assert.equal(fs.readdirSync(work).filter((f) => f.startsWith('.')), [], 'a temporary file was left');
});

test('an output path under /proc fails at once with exit 7 (Node 20\'s recursive mkdir loops there forever)', async () => {
  const cases: Array<[string, string[]]> = [
    ['-artifactFilename', ['diff', '-source=empty', '-target=empty', '-artifactFilename=/proc/parity-test/x/a.artifact']],
    ['-filename', ['snapshot', '-source=empty', '-filename=/proc/parity-test/s.json']],
    ['-generate.location', ['generate', '-artifactFilename=shop.artifact', '-generate.location=/proc/parity-test/migrations']],
    ['-materialize', ['dataDiff', '-source=app', '-target=app', '-table=t', '-key=id', '-materialize=/proc/parity-test/d.jsonl']],
  ];
  const results = await Promise.all(cases.map(([, args]) => runBinary(args, { cwd: work, env: { PG_PW: pg.password }, timeoutMs: 30_000 })));
  results.forEach((result, i) => {
    const [what] = cases[i]!;
    assert.match(oneLine(result, 7, what), /^ERROR: cannot write file: cannot create folder \/proc\/parity-test \(no folder can be made there\) \(\/proc\/parity-test\//, what);
  });
});

test('the password is scrubbed where it can appear, without garbling the message or hiding the user name', async () => {
  // A one-letter password: every "e" of the message used to become a mask.
  const short = oneLine(await run('diff', '-source=down', '-target=empty', '-password=e', '-environment=down'), 4, 'password e');
  assert.is(short, `ERROR: cannot connect to PostgreSQL at 127.0.0.1:${closedPort}: connection refused (postgres://someone@127.0.0.1:${closedPort}/app)`);
  // A wrong password equal to the user name: the user name stays (masking it would tell the password).
  const same = oneLine(await run('diff', '-source=app', '-target=empty', '-environment=app', `-password=${pg.user}`), 4, 'password = user');
  assert.match(same, `PostgreSQL rejected the login of user "${pg.user}": password authentication failed for user "${pg.user}" (postgres://${pg.user}@127.0.0.1:${pg.port}/${pg.name('app')})`);
  // Where it does appear, it goes: in a URL, and as a whole value of a message.
  const inUrl = oneLine(await run('diff', '-source=x', '-target=empty', '-environment=x', '-url=postgres://u:Sup3rSecret9@127.0.0.1'), 3, 'password in a URL');
  assert.is(inUrl, 'ERROR: "postgres://u:***@127.0.0.1" names no database (command line: environments.x.url)');
  const asValue = oneLine(await run('diff', '-source=Sup3rSecret9', '-target=empty', '-password=Sup3rSecret9'), 3, 'password as a value');
  assert.match(asValue, 'ERROR: unknown environment "***" in -source');
});

test('databaseType: an unknown one is exit 3 for diff and snapshot too; one that contradicts the compared environment is exit 3', async () => {
  fs.writeFileSync(path.join(work, 'db2.toml'), `databaseType = "Db2"\n${environmentSection('app', pg.jdbcUrl('app'), pg.user, 'PG_PW')}`);
  const diff = oneLine(await run('diff', '-source=app', '-target=empty', '-configFiles=db2.toml'), 3, 'diff with Db2');
  assert.is(diff, 'ERROR: unknown databaseType "Db2" (parity knows: PostgreSQL, MySQL/MariaDB, SQL Server, Oracle) (db2.toml: databaseType)');
  assert.match(oneLine(await run('snapshot', '-source=app', '-filename=o.json', '-configFiles=db2.toml'), 3, 'snapshot with Db2'), 'unknown databaseType "Db2"');
  assert.not.ok(fs.existsSync(path.join(work, 'o.json')));
  // Oracle is a dialect now (it was the unknown example before): a PostgreSQL environment contradicts it.
  fs.writeFileSync(path.join(work, 'oracle.toml'), `databaseType = "Oracle"\n${environmentSection('app', pg.jdbcUrl('app'), pg.user, 'PG_PW')}`);
  const oracle = oneLine(await run('diff', '-source=app', '-target=empty', '-configFiles=oracle.toml'), 3, 'Oracle project, PostgreSQL environment');
  assert.is(oracle, 'ERROR: environment "app" is a PostgreSQL database, but databaseType "Oracle" makes this an Oracle project (oracle.toml: databaseType)');
  fs.writeFileSync(path.join(work, 'mysql.toml'), `databaseType = "MySql"\n${environmentSection('app', pg.jdbcUrl('app'), pg.user, 'PG_PW')}`);
  const mismatch = oneLine(await run('diff', '-source=app', '-target=empty', '-configFiles=mysql.toml'), 3, 'MySql project, PostgreSQL environment');
  assert.is(mismatch, 'ERROR: environment "app" is a PostgreSQL database, but databaseType "MySql" makes this a MySQL/MariaDB project (mysql.toml: databaseType)');
});

test('a MySQL snapshot against a two-schema PostgreSQL environment names the dialects; a snapshot holding one object twice is refused', async () => {
  fs.writeFileSync(path.join(work, 'mysql.json'), JSON.stringify({ format: 'parity-snapshot', formatVersion: 1, model: { dialect: 'mysql', schemas: [''], objects: [] } }));
  const dialects = oneLine(await run('diff', '-source=snapshot:mysql.json', '-target=two'), 8, 'MySQL snapshot vs PostgreSQL');
  assert.is(dialects, 'ERROR: cannot compare snapshot mysql.json (MySQL/MariaDB) with environment "two" (PostgreSQL): schemas of different database systems (-target)');
  const shop = JSON.parse(fs.readFileSync(SHOP, 'utf8')) as { model: { objects: unknown[] } };
  const table = shop.model.objects.findIndex((o) => (o as { kind: string }).kind === 'table');
  shop.model.objects.push(shop.model.objects[table]);
  fs.writeFileSync(path.join(work, 'twice.json'), JSON.stringify(shop));
  const twice = oneLine(await run('diff', '-source=snapshot:twice.json', '-target=empty'), 6, 'an object twice');
  assert.match(twice, new RegExp(`^ERROR: invalid snapshot: Table shop\\.\\w+ appears twice, at \\$\\.model\\.objects\\[${table}\\] and \\$\\.model\\.objects\\[${shop.model.objects.length - 1}\\] \\(.*twice\\.json\\)$`));
});

test('-flyway.locations= and -locations= set the migrations folder, as the README says -flyway.NAME= does', async () => {
  for (const [option, folder] of [['-flyway.locations=filesystem:flyway-located', 'flyway-located'], ['-locations=plain-located', 'plain-located']] as const) {
    const result = await run('generate', '-artifactFilename=shop.artifact', option);
    assert.is(result.code, 0, result.stderr);
    assert.equal(fs.readdirSync(path.join(work, folder)), ['V1__parity_generated.sql']);
  }
});

test('a boolean other than true or false is exit 2, never quietly false (a CI gate that never fails)', async () => {
  const differ = ['dataDiff', '-source=app', '-target=app', '-table=t', '-targetTable=other.t', '-key=id'];
  for (const value of ['1', 'yes', 'on']) {
    assert.is(oneLine(await run(...differ, `-failOnDifferences=${value}`), 2, value), `ERROR: -failOnDifferences must be true or false, not "${value}" (parity dataDiff)`);
  }
  for (const value of ['', '=true', '=TRUE']) assert.is((await run(...differ, `-failOnDifferences${value}`)).code, 12, value);
  assert.is((await run(...differ, '-failOnDifferences=false')).code, 0);
  const rebuild = await run('diff', '-source=migrations', '-target=empty', '-buildEnvironment=app', '-rebuild=yes');
  assert.is(oneLine(rebuild, 2, '-rebuild=yes'), 'ERROR: -rebuild must be true or false, not "yes" (parity diff)');
});

test('dataDiff: a column named twice in -key, -columns or -columnMap is exit 2', async () => {
  const cases: Array<[string, string]> = [
    ['-key=id,id', '-key names id more than once'],
    ['-columns=v,v', '-columns names v more than once'],
    ['-columnMap=v:w,v:x', '-columnMap names v more than once'],
    ['-columnMap=v:w,u:w', '-columnMap names w more than once'],
  ];
  for (const [option, message] of cases) {
    const args = ['dataDiff', '-source=app', '-target=app', '-table=t', ...(option.startsWith('-key') ? [] : ['-key=id']), option];
    assert.is(oneLine(await run(...args), 2, option), `ERROR: ${message} (parity dataDiff)`);
  }
});

test('a MySQL URL aimed at a PostgreSQL port: connectTimeout (milliseconds, as in JDBC) sets the wait, and the error says so', async () => {
  const started = Date.now();
  const result = await run('diff', '-source=x', '-target=empty', '-environment=x', `-url=jdbc:mysql://127.0.0.1:${pg.port}/app?connectTimeout=1500`, '-user=u');
  const seconds = (Date.now() - started) / 1000;
  const line = oneLine(result, 4, 'mysql at a postgres port');
  assert.is(line, `ERROR: cannot connect to MySQL at 127.0.0.1:${pg.port}: timed out after 1.5 s without an answer from a MySQL server (a host that does not answer, or another kind of server on that port; connectTimeout=MILLISECONDS in the URL sets the wait) (mysql://u@127.0.0.1:${pg.port}/app)`);
  assert.ok(seconds < 6, `took ${seconds} s`);
});

test.run();
