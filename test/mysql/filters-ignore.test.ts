/**
 * Filter files and `-ignore` through the CLI against a real MariaDB (issue 17):
 * - an excluded object never appears in the diff, the artifact, a snapshot, a generated script, the
 *   schema-model folder or a whole-database dataDiff; an include list narrows each of them;
 *   `[flyway] filterFile` applies when no `-filterFile` is given; a `schema` pattern matches a side
 *   compared without qualifiers by the database it reads, in diff and in generate alike;
 * - a malformed or missing filter file is one line with the documented exit code;
 * - `-ignore`: differences only in ignored properties are not reported, and a script for a change
 *   beside an ignored one leaves the ignored property as the target has it (read back from
 *   information_schema, none of parity's code).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { splitMysqlStatements } from '../../src/dialects/mysql/mysql-script.ts';
import { runCli, type CliResult } from '../support/cli.ts';
import { changeSummary, diffJson, type DiffJson } from '../support/diff-json.ts';
import { environmentSection } from '../support/flyway-toml.ts';
import { skipWithoutMariadb, startMariadb, type TestMariadb } from '../support/mariadb-server.ts';

const SOURCE = [
  'CREATE TABLE orders (id int PRIMARY KEY, total decimal(10,2))',
  'CREATE TABLE order_lines (id int PRIMARY KEY, order_id int)',
  'CREATE TABLE secret_audit (id int PRIMARY KEY, who varchar(20))',
  'CREATE VIEW secret_report AS SELECT id FROM secret_audit',
  'CREATE VIEW order_totals AS SELECT id, total FROM orders',
  'CREATE FUNCTION secret_fn(a int) RETURNS int DETERMINISTIC RETURN a + 1',
  'INSERT INTO orders VALUES (1, 10), (2, 20)',
  'INSERT INTO secret_audit VALUES (1, \'x\')',
];
const TARGET = [
  'CREATE TABLE orders (id int PRIMARY KEY)',
  'CREATE TABLE secret_audit (id int PRIMARY KEY)',
  'INSERT INTO orders VALUES (1), (2), (3)',
  'INSERT INTO secret_audit VALUES (1), (2)',
];

let server: TestMariadb;
let work: string;

const run = (...args: string[]): Promise<CliResult> => runCli(args, { cwd: work, env: { PW: server.password } });

function writeJson(name: string, value: unknown): string {
  fs.writeFileSync(path.join(work, name), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return name;
}

const read = (file: string) => fs.readFileSync(path.join(work, file), 'utf8');

function toml(extra = ''): void {
  fs.writeFileSync(
    path.join(work, 'flyway.toml'),
    [
      'databaseType = "MySql"',
      '[flyway]',
      'schemaModelLocation = "model"',
      extra,
      environmentSection('src', server.jdbcUrl('src'), server.user, 'PW'),
      environmentSection('tgt', server.jdbcUrl('tgt'), server.user, 'PW'),
      environmentSection('tgtq', server.jdbcUrl('tgt'), server.user, 'PW', [server.name('tgt')]),
      environmentSection('srcq', server.jdbcUrl('src'), server.user, 'PW', [server.name('src')]),
    ].join('\n'),
  );
}

if (!skipWithoutMariadb()) {
  test.before(async () => {
    server = await startMariadb();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-filters-'));
    await server.createDatabase('src');
    await server.createDatabase('tgt');
    await server.execAll('src', SOURCE);
    await server.execAll('tgt', TARGET);
    toml();
    writeJson('no-secrets.json', { exclude: [{ name: 'secret_*' }] });
    writeJson('orders-only.json', { include: [{ objectType: 'Table', name: 'order*' }] });
  });

  test.after(async () => {
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('diff: every object without a filter; an excluded object is in neither the output nor the artifact; an include list narrows', async () => {
    assert.equal(changeSummary(await diffJson(run, 'src', 'tgt')), [
      'Add Function |secret_fn',
      'Add Table |order_lines',
      'Add View |order_totals',
      'Add View |secret_report',
      'Edit Table |orders',
      'Edit Table |secret_audit',
    ]);
    const excluded = await run('diff', '-source=src', '-target=tgt', '-artifactFilename=out/no-secrets.artifact', '-filterFile=no-secrets.json', '-outputType=json');
    assert.is(excluded.code, 0, excluded.stderr);
    assert.equal(changeSummary(JSON.parse(excluded.stdout)), ['Add Table |order_lines', 'Add View |order_totals', 'Edit Table |orders']);
    assert.not.match(read('out/no-secrets.artifact'), 'secret', 'the artifact holds nothing of an excluded object');
    const narrowed = await run('diff', '-source=src', '-target=tgt', '-artifactFilename=out/orders.artifact', '-filterFile=orders-only.json', '-outputType=json');
    assert.equal(changeSummary(JSON.parse(narrowed.stdout)), ['Add Table |order_lines', 'Edit Table |orders']);
    assert.not.match(read('out/orders.artifact'), /secret|order_totals/);
  });

  test('[flyway] filterFile applies to diff and snapshot; -filterFile takes its place', async () => {
    toml('filterFile = "no-secrets.json"');
    try {
      assert.equal(changeSummary(await diffJson(run, 'src', 'tgt', 'out/configured.artifact')), ['Add Table |order_lines', 'Add View |order_totals', 'Edit Table |orders']);
      const snapshot = await run('snapshot', '-source=src', '-filename=out/src.json', '-outputType=json');
      assert.is(snapshot.code, 0, snapshot.stderr);
      assert.is(JSON.parse(snapshot.stdout).objects, 4, 'schema, orders, order_lines, order_totals');
      assert.not.match(read('out/src.json'), 'secret');
      const overridden = await run('diff', '-source=src', '-target=tgt', '-artifactFilename=out/o.artifact', '-filterFile=orders-only.json', '-outputType=json');
      assert.equal(changeSummary(JSON.parse(overridden.stdout)), ['Add Table |order_lines', 'Edit Table |orders']);
    } finally {
      toml();
    }
  });

  test('generate and model: an excluded object is not in the script or the folder', async () => {
    await diffJson(run, 'src', 'tgt', 'out/all.artifact');
    const generated = await run('generate', '-artifactFilename=out/all.artifact', '-generate.location=out/m', '-generate.version=1', '-filterFile=no-secrets.json');
    assert.is(generated.code, 0, generated.stderr);
    const script = read('out/m/V1__parity_generated.sql');
    assert.match(script, 'CREATE TABLE `order_lines`');
    assert.not.match(script, 'secret');
    const toEmpty = await run('diff', '-source=src', '-target=empty', '-artifactFilename=out/model.artifact');
    assert.is(toEmpty.code, 0, toEmpty.stderr);
    const modelled = await run('model', '-artifactFilename=out/model.artifact', '-filterFile=no-secrets.json', '-outputType=json');
    assert.is(modelled.code, 0, modelled.stderr);
    const files = (JSON.parse(modelled.stdout) as { files: Array<{ name: string }> }).files.map((f) => f.name).sort();
    assert.ok(files.includes('orders') && files.includes('order_totals'), files.join(', '));
    assert.equal(files.filter((name) => name.includes('secret')), []);
    const written = fs.readdirSync(path.join(work, 'model'), { recursive: true }).map(String).join(' ');
    assert.not.match(written, 'secret');
  });

  test('a schema pattern matches a side compared without qualifiers by the database it reads, in diff and generate', async () => {
    const file = writeJson('src-secrets.json', { exclude: [{ schema: server.name('src'), name: 'secret_*' }, { schema: 'elsewhere', name: 'order*' }] });
    const diffed = await run('diff', '-source=src', '-target=tgt', '-artifactFilename=out/s.artifact', `-filterFile=${file}`, '-outputType=json');
    assert.equal(changeSummary(JSON.parse(diffed.stdout)), ['Add Table |order_lines', 'Add View |order_totals', 'Edit Table |orders']);
    // The same filter on an artifact made without it: the artifact says which databases its sides read.
    const generated = await run('generate', '-artifactFilename=out/all.artifact', '-generate.location=out/s', '-generate.version=1', `-filterFile=${file}`);
    assert.is(generated.code, 0, generated.stderr);
    assert.not.match(read('out/s/V1__parity_generated.sql'), 'secret');
    // Compared with qualifiers, the schema is the object's own.
    const qualified = await run('diff', '-source=srcq', '-target=tgtq', '-artifactFilename=out/q.artifact', `-filterFile=${file}`, '-outputType=json');
    assert.is(qualified.code, 0, qualified.stderr);
    assert.equal(changeSummary(JSON.parse(qualified.stdout)).filter((line) => line.includes('secret')), []);
  });

  test('dataDiff without -table: the filter selects tables (views only when named stay so); with -table it is an error', async () => {
    const all = await run('dataDiff', '-source=src', '-target=tgt', '-outputType=json');
    assert.is(all.code, 0, all.stderr);
    const names = (output: string) => (JSON.parse(output) as { tables: Array<{ source: string | null; target: string | null }> }).tables.map((t) => (t.source ?? t.target)!.replace(/^[^.]*\./, '')).sort();
    assert.equal(names(all.stdout), ['order_lines', 'orders', 'secret_audit']);
    const filtered = await run('dataDiff', '-source=src', '-target=tgt', '-filterFile=no-secrets.json', '-outputType=json');
    assert.is(filtered.code, 0, filtered.stderr);
    assert.equal(names(filtered.stdout), ['order_lines', 'orders']);
    const narrowed = await run('dataDiff', '-source=src', '-target=tgt', '-filterFile=orders-only.json', '-outputType=json');
    assert.equal(names(narrowed.stdout), ['order_lines', 'orders']);
    const single = await run('dataDiff', '-source=src', '-target=tgt', '-table=orders', '-key=id', '-filterFile=no-secrets.json');
    assert.is(single.code, 2);
    assert.is(single.stderr.trim(), 'ERROR: -filterFile applies to whole-database runs: leave -table out (parity dataDiff)');
  });

  test('a malformed filter file is exit 3 and a missing one exit 6, each one line naming the file (and the JSON path)', async () => {
    writeJson('bad.json', { exclude: [{ objectType: 'Tabel' }] });
    const bad = await run('diff', '-source=src', '-target=tgt', '-artifactFilename=out/bad.artifact', '-filterFile=bad.json');
    assert.is(bad.code, 3);
    assert.match(bad.stderr, /^ERROR: invalid filter: unknown objectType "Tabel" \(object types: Schema, Table, [^)]*\) at \$\.exclude\[0\]\.objectType \(.*bad\.json\)\n$/);
    const missing = await run('snapshot', '-source=src', '-filename=out/x.json', '-filterFile=nope.json');
    assert.is(missing.code, 6);
    assert.is(missing.stderr, `ERROR: filter file not found (${path.join(work, 'nope.json')})\n`);
    toml('filterFile = "bad.json"');
    try {
      const configured = await run('generate', '-artifactFilename=out/all.artifact', '-generate.location=out/bad');
      assert.is(configured.code, 3);
      assert.match(configured.stderr, 'bad.json');
    } finally {
      toml();
    }
  });

  test('-ignore: differences only in ignored properties are not reported; a change beside one keeps the target\'s', async () => {
    await server.createDatabase('isrc');
    await server.createDatabase('itgt');
    await server.execAll('isrc', [
      "CREATE TABLE notes (id int PRIMARY KEY COMMENT 'key', body varchar(200) COMMENT 'the text') COMMENT='notes'",
      'CREATE TABLE parts (id int, y int) PARTITION BY HASH (id) PARTITIONS 4',
      "CREATE TABLE plain (id int PRIMARY KEY COMMENT 'new words')",
    ]);
    await server.execAll('itgt', [
      "CREATE TABLE notes (id int PRIMARY KEY, body varchar(100) COMMENT 'old words')",
      'CREATE TABLE parts (id int, y int)',
      'CREATE TABLE plain (id int PRIMARY KEY)',
    ]);
    fs.appendFileSync(path.join(work, 'flyway.toml'), `\n${environmentSection('isrc', server.jdbcUrl('isrc'), server.user, 'PW')}\n${environmentSection('itgt', server.jdbcUrl('itgt'), server.user, 'PW')}`);
    assert.equal(changeSummary(await diffJson(run, 'isrc', 'itgt', 'out/i0.artifact')), ['Edit Table |notes', 'Edit Table |parts', 'Edit Table |plain']);
    const ignored = await run('diff', '-source=isrc', '-target=itgt', '-artifactFilename=out/i.artifact', '-ignore=comments,partitions', '-outputType=json');
    assert.is(ignored.code, 0, ignored.stderr);
    const json = JSON.parse(ignored.stdout) as DiffJson;
    assert.equal(changeSummary(json), ['Edit Table |notes']);
    assert.match(json.differences[0]!.from!.definition ?? '', "`body` varchar(200) NULL COMMENT 'old words'");
    const generated = await run('generate', '-artifactFilename=out/i.artifact', '-generate.location=out/i', '-generate.version=1');
    assert.is(generated.code, 0, generated.stderr);
    await server.execAll('itgt', splitMysqlStatements(read('out/i/V1__parity_generated.sql')));
    const columns = await server.query<{ c: string; t: string; m: string }>(
      'mysql',
      'SELECT COLUMN_NAME AS c, COLUMN_TYPE AS t, COLUMN_COMMENT AS m FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
      [server.name('itgt'), 'notes'],
    );
    assert.equal(columns, [{ c: 'id', t: 'int(11)', m: '' }, { c: 'body', t: 'varchar(200)', m: 'old words' }]);
    const again = await run('diff', '-source=isrc', '-target=itgt', '-artifactFilename=out/i2.artifact', '-ignore=comments,partitions', '-outputType=json');
    assert.equal(JSON.parse(again.stdout).differences, []);
    const unknown = await run('diff', '-source=isrc', '-target=itgt', '-ignore=comments,colour');
    assert.is(unknown.code, 2);
    assert.match(unknown.stderr, /^ERROR: unknown -ignore category "colour" \(categories: comments, columnOrder, [^)]*partitions[^)]*\) \(-ignore\)\n$/);
  });

  test.run();
}
