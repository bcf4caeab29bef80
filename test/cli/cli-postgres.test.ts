/**
 * Black-box tests of the built CLI against a real PostgreSQL: the README's commands, JSON shape,
 * ID stability, artifacts, and every documented error with its exit code. No password may appear
 * in any output or file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runBinary as runCli, type CliResult } from '../support/cli.ts';
import { freePort, startPostgres, type TestPostgres } from '../support/pg-server.ts';

let pg: TestPostgres;
let work: string;
const env = () => ({ APP_PASSWORD: pg.password });
const fixture = fs.readFileSync(new URL('../fixtures/postgres/all-kinds.sql', import.meta.url), 'utf8');

interface DiffJson {
  differences: Array<{ id: string; differenceType: string; objectType: string; from: { schema: string; name: string; definition: string | null } | null; to: unknown }>;
  sourcePreparationInfo: unknown;
  targetPreparationInfo: unknown;
}

const run = (...args: string[]) => runCli(args, { cwd: work, env: env() });

function assertNoPassword(result: CliResult): void {
  assert.not.ok(result.stdout.includes(pg.password), 'password in stdout');
  assert.not.ok(result.stderr.includes(pg.password), 'password in stderr');
}

test.before(async () => {
  pg = await startPostgres();
  await pg.createDatabase('app');
  await pg.exec('app', fixture);
  await pg.createDatabase('other');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-cli-'));
  const closedPort = await freePort();
  fs.writeFileSync(
    path.join(work, 'flyway.toml'),
    `
[environments.dev]
url = "${pg.jdbcUrl('app')}"
user = "${pg.user}"
password = "\${env.APP_PASSWORD}"
schemas = ["public", "hr"]

[environments.native]
url = "postgres://${pg.user}:\${env.APP_PASSWORD}@127.0.0.1:${pg.port}/${pg.name('app')}"
schemas = ["public", "hr"]

[environments.other]
url = "${pg.jdbcUrl('other')}"
user = "${pg.user}"
password = "\${env.APP_PASSWORD}"

[environments.badpw]
url = "${pg.jdbcUrl('app')}"
user = "${pg.user}"
password = "wrong-password-123"

[environments.down]
url = "jdbc:postgresql://127.0.0.1:${closedPort}/app"
user = "${pg.user}"
password = "\${env.APP_PASSWORD}"

[environments.nodb]
url = "${pg.jdbcUrl('does_not_exist')}"
user = "${pg.user}"
password = "\${env.APP_PASSWORD}"
`,
  );
});

test.after(async () => {
  await pg?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('diff -source=dev -target=empty lists every object kind as Add, in a table', async () => {
  const result = await run('diff', '-source=dev', '-target=empty', '-artifactFilename=out/a.artifact');
  assert.is(result.code, 0, result.stderr);
  assertNoPassword(result);
  assert.match(result.stdout, /diff artifact generated: .*out\/a\.artifact/);
  assert.match(result.stdout, /\| Id\s+\| Change \| Object Type\s+\| Schema \| Name/);
  for (const type of ['Schema', 'Table', 'View', 'Materialized View', 'Sequence', 'Function', 'Procedure', 'Enum', 'Domain', 'Composite Type', 'Extension']) {
    assert.match(result.stdout, new RegExp(`\\| Add\\s+\\| ${type}\\s+\\|`), `no ${type} in table`);
  }
  assert.ok(fs.existsSync(path.join(work, 'out', 'a.artifact')));
});

test('JSON output has the documented shape and is identical across runs and URL forms', async () => {
  const first = await run('diff', '-source=dev', '-target=empty', '-outputType=json', '-artifactFilename=out/b.artifact');
  assert.is(first.code, 0, first.stderr);
  const json = JSON.parse(first.stdout) as DiffJson;
  assert.equal(Object.keys(json), ['differences', 'sourcePreparationInfo', 'targetPreparationInfo']);
  assert.ok(json.differences.length >= 15);
  for (const difference of json.differences) {
    assert.match(difference.id, /^[A-Za-z0-9_-]{27}$/);
    assert.is(difference.differenceType, 'Add');
    assert.is(difference.to, null);
    assert.ok(difference.from && typeof difference.from.definition === 'string' && difference.from.definition.length > 0);
  }
  const names = json.differences.map((d) => `${d.objectType}:${d.from?.schema}.${d.from?.name}`);
  for (const expected of ['Table:public.Order Lines', 'Function:public.add(integer, integer)', 'Function:public.add(numeric, numeric)', 'Procedure:hr.raise(numeric)', 'Sequence:public.invoice_no', 'Extension:public.citext']) {
    assert.ok(names.includes(expected), `missing ${expected} in ${names.join(', ')}`);
  }
  const second = await run('diff', '-source=native', '-target=empty', '-outputType=json', '-artifactFilename=out/c.artifact');
  assert.is(second.stdout, first.stdout);
});

test('snapshot, then snapshot vs live = no differences, and the same IDs as live', async () => {
  const snap = await run('snapshot', '-source=dev', '-filename=snapshots/dev.json');
  assert.is(snap.code, 0, snap.stderr);
  assertNoPassword(snap);
  const text = fs.readFileSync(path.join(work, 'snapshots', 'dev.json'), 'utf8');
  assert.not.ok(text.includes(pg.password));
  const again = await run('snapshot', '-snapshot.source=dev', '-snapshot.filename=snapshots/dev2.json');
  assert.is(again.code, 0, again.stderr);
  assert.is(fs.readFileSync(path.join(work, 'snapshots', 'dev2.json'), 'utf8'), text, 'snapshots of the same database differ');

  const same = await run('diff', '-source=snapshot:snapshots/dev.json', '-target=dev', '-artifactFilename=out/dev.artifact');
  assert.is(same.code, 0, same.stderr);
  assert.match(same.stdout, 'No differences found.');

  const live = JSON.parse((await run('diff', '-source=dev', '-target=empty', '-outputType=json')).stdout) as DiffJson;
  const fromSnapshot = JSON.parse((await run('diff', '-source=snapshot:snapshots/dev.json', '-target=empty', '-outputType=json')).stdout) as DiffJson;
  assert.equal(fromSnapshot.differences.map((d) => d.id), live.differences.map((d) => d.id));
  const reverse = JSON.parse((await run('diff', '-source=empty', '-target=dev', '-outputType=json')).stdout) as DiffJson;
  assert.equal(new Set(reverse.differences.map((d) => d.id)), new Set(live.differences.map((d) => d.id)));
  assert.ok(reverse.differences.every((d) => d.differenceType === 'Delete' && d.from === null && d.to !== null));
});

test('an edited object shows as Edit; the artifact keeps both definitions', async () => {
  await pg.exec('other', fixture);
  await pg.exec('other', `ALTER TABLE public.customers ADD COLUMN vip boolean DEFAULT false; DROP VIEW public.big_spenders; CREATE TABLE hr.extra (id int);`);
  fs.appendFileSync(path.join(work, 'flyway.toml'), '');
  const result = await run('diff', '-source=other', '-target=dev', '-schemas=public,hr', '-environment=other', '-outputType=json', '-artifactFilename=out/e.artifact');
  assert.is(result.code, 0, result.stderr);
  const json = JSON.parse(result.stdout) as DiffJson;
  const summary = json.differences.map((d) => `${d.differenceType} ${d.objectType} ${(d.from ?? (d.to as { name: string })).name}`).sort();
  assert.equal(summary, ['Add Table extra', 'Delete View big_spenders', 'Edit Table customers']);
  const artifact = JSON.parse(fs.readFileSync(path.join(work, 'out', 'e.artifact'), 'utf8')) as { changes: Array<{ differenceType: string; sourceDefinition?: string; targetDefinition?: string; parts: Array<{ partKind: string; name: string }> }> };
  const edit = artifact.changes.find((c) => c.differenceType === 'Edit')!;
  assert.match(edit.sourceDefinition ?? '', 'vip');
  assert.not.match(edit.targetDefinition ?? '', 'vip');
  assert.equal(edit.parts.map((p) => `${p.partKind}:${p.name}`), ['column:vip']);
});

test('diffText shows a unified diff per selected change, in text and JSON', async () => {
  const json = JSON.parse((await run('diff', '-source=other', '-target=dev', '-environment=other', '-schemas=public,hr', '-outputType=json', '-artifactFilename=out/t.artifact')).stdout) as DiffJson;
  const edit = json.differences.find((d) => d.differenceType === 'Edit')!;
  const added = json.differences.find((d) => d.differenceType === 'Add')!;
  const text = await run('diffText', '-artifactFilename=out/t.artifact', `-changes=${edit.id}`);
  assert.is(text.code, 0, text.stderr);
  const lines = text.stdout.split('\n');
  assert.is(lines[0], `${edit.id} Edit Table public.customers`);
  assert.match(lines[1] ?? '', new RegExp(`^--- environment dev \\(postgres://postgres@127\\.0\\.0\\.1:\\d+/${pg.name('app')}\\): Table public\\.customers`));
  assert.match(lines[2] ?? '', /^\+\+\+ environment other \(.*\): Table public\.customers/);
  assert.ok(lines.includes('+    vip boolean DEFAULT false,'), text.stdout);
  assert.not.match(text.stdout, 'big_spenders');
  const both = JSON.parse((await run('diffText', '-artifactFilename=out/t.artifact', `-diffText.changes=${added.id},${edit.id}`, '-outputType=json')).stdout) as { differences: Array<{ id: string; diff: string }> };
  assert.equal(new Set(both.differences.map((d) => d.id)), new Set([added.id, edit.id]));
  const addDiff = both.differences.find((d) => d.id === added.id)!.diff;
  assert.match(addDiff, '+CREATE TABLE hr.extra (');
  assert.not.match(addDiff, /^-[^-]/m);
  const unknown = await run('diffText', '-artifactFilename=out/t.artifact', '-changes=nope');
  assert.is(unknown.code, 2);
  assert.match(unknown.stderr, /^ERROR: no change with ID nope in the artifact \(.*t\.artifact\)$/m);
  const missing = await run('diffText', '-artifactFilename=out/none.artifact');
  assert.is(missing.code, 6);
});

test('errors: one line, documented exit code, no password', async () => {
  const cases: Array<[string[], number, RegExp]> = [
    [['diff', '-source=nope', '-target=empty'], 3, /^ERROR: unknown environment "nope" in -source \(configured: .*\) \(flyway\.toml\)$/],
    [['diff', '-source=badpw', '-target=empty'], 4, new RegExp(`^ERROR: .*password authentication failed.* \\(postgres://postgres@127\\.0\\.0\\.1:\\d+/${pg.name('app')}\\)$`)],
    [['diff', '-source=down', '-target=empty'], 4, /^ERROR: .*(connect|refused).*127\.0\.0\.1/],
    [['diff', '-source=nodb', '-target=empty'], 4, /^ERROR: .*does_not_exist/],
    [['diff', '-source=snapshot:missing.json', '-target=empty'], 6, /^ERROR: snapshot file not found \(.*missing\.json\)$/],
    [['diff', '-source=foo:bar', '-target=empty'], 2, /^ERROR: unknown comparison source kind "foo:"/],
    [['diff', '-source=dev', '-target=empty', '-frobnicate=1'], 2, /^ERROR: unknown parameter frobnicate/],
    [['diff', '-source=dev'], 2, /^ERROR: missing required parameter -target/],
    [['diff', '-source=dev', '-target=empty', '-outputType=xml'], 2, /^ERROR: -outputType must be json or table/],
  ];
  for (const [args, code, pattern] of cases) {
    const result = await run(...args);
    assert.is(result.code, code, `${args.join(' ')}: ${result.stderr}`);
    assert.is(result.stdout, '', `${args.join(' ')} wrote to stdout`);
    assert.is(result.stderr.trimEnd().split('\n').length, 1, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr.trimEnd(), pattern);
    assertNoPassword(result);
    assert.not.ok(result.stderr.includes('wrong-password-123'));
  }
});

test('a malformed snapshot names the file and JSON path; JSON errors go to stdout', async () => {
  fs.mkdirSync(path.join(work, 'snapshots'), { recursive: true });
  fs.writeFileSync(path.join(work, 'snapshots', 'bad.json'), JSON.stringify({ format: 'parity-snapshot', formatVersion: 1, model: { dialect: 'postgres', schemas: [], objects: [{ kind: 'table', schema: 'public', name: 't' }] } }));
  const result = await run('diff', '-source=snapshot:snapshots/bad.json', '-target=empty', '-outputType=json');
  assert.is(result.code, 6);
  const json = JSON.parse(result.stdout) as { error: { errorCode: string; message: string } };
  assert.is(json.error.errorCode, 'INVALID_SNAPSHOT');
  assert.match(json.error.message, /missing property "columns" at \$\.model\.objects\[0\].*bad\.json/);
});

test('a password given on the command line never shows, even in a failure', async () => {
  const result = await run('diff', '-source=default', '-target=empty', `-url=${pg.jdbcUrl('app')}`, '-user=postgres', `-password=${pg.password}`);
  assert.is(result.code, 0, result.stderr);
  assertNoPassword(result);
  const failing = await run('diff', '-source=default', '-target=empty', `-url=${pg.jdbcUrl('app')}?password=Sup3rSecretCli`, '-user=nobody');
  assert.is(failing.code, 4);
  assert.not.ok((failing.stdout + failing.stderr).includes('Sup3rSecretCli'));
});

test.run();
