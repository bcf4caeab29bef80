/**
 * `parity check` against a real PostgreSQL, through the CLI: a database migrated by parity and then
 * changed by hand, with pending migrations that break each built-in rule. Changes are exactly what
 * the pending migrations do (the hand change never leaks in), drift is exactly the hand change (with
 * -failOnDrift's exit code, and none on an untouched copy), each rule is reported at its file:line and
 * none for the same words in a comment, a string or a function body, the dry run holds the scripts
 * with placeholders replaced and never runs them, and a login role that can only SELECT gets the same
 * report: check never writes (any write would fail for that role), which a catalog fingerprint and
 * the history rows, read here before and after, confirm.
 */
import fs from 'node:fs';
import path from 'node:path';
import pgDriver from 'pg';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pathToFileURL } from 'node:url';
import { catalogFingerprint } from '../support/catalog-fingerprint.ts';
import { launchChromium, skipWithoutChromium } from '../support/chromium.ts';
import { runCli } from '../support/cli.ts';
import { migrationProject, type MigrationProject } from '../support/migration-project.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

let pg: TestPostgres;
let p: MigrationProject;
let reader: string;
const READER_PASSWORD = 'check-reader-pw';

const V1 = `CREATE TABLE customers (id int PRIMARY KEY, name varchar(40), email varchar(80));
CREATE TABLE orders (id int PRIMARY KEY, customer_id int, note text);
`;

/** Each line's rule, if any, is in the test below; the first line and the INSERT/SELECT break none. */
const V2 = `-- DROP TABLE orders; UPDATE customers SET name = 'x' (a comment: no violation)
CREATE TABLE audit (id int, at timestamptz, tag text DEFAULT '\${tag}');
CREATE INDEX audit_at ON audit (at);
CREATE INDEX customers_name ON customers (name);
ALTER TABLE customers ALTER COLUMN name TYPE varchar(10);
ALTER TABLE customers
    ALTER COLUMN email SET NOT NULL;
ALTER TABLE orders ADD CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
INSERT INTO audit VALUES (1, now()); SELECT 'DELETE FROM orders; TRUNCATE customers';
UPDATE orders SET note = 'x';
DELETE FROM audit WHERE id = 1;
ALTER TABLE orders DROP COLUMN note;
`;

const V3 = `TRUNCATE audit;
DROP TABLE audit;
CREATE SCHEMA scratch; DROP SCHEMA scratch;
DO $$ BEGIN DELETE FROM orders; DROP TABLE IF EXISTS nothing_here; END $$;
CREATE FUNCTION f() RETURNS void LANGUAGE sql AS 'DELETE FROM orders';
`;

interface CheckJson {
  environment: { name: string; schemaVersion: string | null } | null;
  pending: Array<{ version: string | null; script: string }>;
  changes?: { differences: Array<{ differenceType: string; objectType: string; from: { schema: string; name: string; definition: string | null } | null; to: { schema: string; name: string; definition: string | null } | null }> };
  drift?: { driftFound: boolean; comparedWith: string; differences: Array<{ differenceType: string; objectType: string; from: { name: string; definition: string | null } | null; to: { name: string; definition: string | null } | null }> };
  code?: { errors: number; warnings: number; violations: Array<{ file: string; line: number; rule: string; severity: string; message: string }> };
  dryrun?: { script: string };
}

const historyRows = (database: string) => pg.query(database, 'SELECT installed_rank, version, checksum, success FROM public.flyway_schema_history ORDER BY installed_rank');
const shape = (d: { differenceType: string; objectType: string; from: { name: string } | null; to: { name: string } | null }) => `${d.differenceType} ${d.objectType} ${(d.from ?? d.to)!.name}`;

test.before(async () => {
  pg = await startPostgres();
  await pg.createDatabase('prod');
  await pg.createDatabase('clean');
  [reader] = (await pg.createRoles(['reader'])) as [string];
  p = migrationProject(pg, { prod: { database: 'prod' }, clean: { database: 'clean' } }, '[flyway.placeholders]\ntag = "from-placeholder"\n');
  // A second environment on prod whose user can only read.
  fs.appendFileSync(path.join(p.dir, 'flyway.toml'), `\n[environments.prodro]\nurl = "${pg.jdbcUrl('prod')}"\nuser = "${reader}"\npassword = "\${env.READER_PASSWORD}"\n`);
  p.write('V1__create.sql', V1);
  for (const env of ['prod', 'clean']) {
    const migrated = await cli('migrate', `-environment=${env}`);
    assert.is(migrated.code, 0, migrated.stderr);
  }
  // The hand change: drift.
  await pg.exec('prod', 'ALTER TABLE customers ADD COLUMN hacked int');
  await pg.exec('postgres', `ALTER ROLE "${reader}" LOGIN PASSWORD '${READER_PASSWORD}'`);
  await pg.exec('prod', `GRANT USAGE ON SCHEMA public TO "${reader}"; GRANT SELECT ON ALL TABLES IN SCHEMA public TO "${reader}"`);
  p.write('V2__risky.sql', V2);
  p.write('V3__cleanup.sql', V3);
});

test.after(async () => {
  p?.dispose();
  await pg?.stop();
  await pg?.dropRoles(['reader']).catch(() => {});
});

const cli = (...args: string[]) => runCli(args, { cwd: p.dir, env: { PGPASSWORD: pg.password, READER_PASSWORD } });

async function check(...args: string[]): Promise<{ code: number; json: CheckJson; stderr: string }> {
  const result = await cli('check', ...args, '-outputType=json');
  assert.ok(result.stdout.trim().startsWith('{'), `${result.stdout}\n${result.stderr}`);
  return { code: result.code, json: JSON.parse(result.stdout) as CheckJson, stderr: result.stderr };
}

test('changes are exactly what the pending migrations do; drift is exactly the hand change; -failOnDrift exits 13', async () => {
  const { code, json, stderr } = await check('-changes', '-drift', '-environment=prod', '-failOnDrift=true');
  assert.is(code, 13, stderr);
  assert.equal(json.environment?.schemaVersion, '1');
  assert.equal(json.pending.map((m) => m.version), ['2', '3']);
  assert.equal(json.changes!.differences.map(shape).sort(), ['Add Function f()', 'Edit Table customers', 'Edit Table orders']);
  const customers = json.changes!.differences.find((d) => d.to?.name === 'customers')!;
  assert.match(customers.from!.definition!, /character varying\(10\)/);
  assert.match(customers.to!.definition!, /character varying\(40\)/);
  assert.not.match(customers.from!.definition!, /hacked/, 'drift leaked into changes');
  assert.equal(json.drift!.driftFound, true);
  assert.equal(json.drift!.differences.map(shape), ['Edit Table customers']);
  const drifted = json.drift!.differences[0]!;
  assert.match(drifted.from!.definition!, /hacked integer/);
  assert.not.match(drifted.to!.definition!, /hacked/);
  assert.match(json.drift!.comparedWith, /migrations built in an embedded PostgreSQL/);
  // The report files, beside the project.
  const report = JSON.parse(fs.readFileSync(path.join(p.dir, 'report.json'), 'utf8')) as CheckJson;
  assert.equal(report, json);
  assert.ok(fs.readFileSync(path.join(p.dir, 'report.html'), 'utf8').includes('id="drift"'));
});

test('an untouched database has no drift: exit 0 with -failOnDrift', async () => {
  const { code, json, stderr } = await check('-drift', '-environment=clean', '-failOnDrift=true', '-reportFilename=clean.html');
  assert.is(code, 0, stderr);
  assert.equal(json.drift!.driftFound, false);
  assert.equal(json.drift!.differences, []);
  assert.ok(fs.existsSync(path.join(p.dir, 'clean.json')));
});

test('code: every rule at its file:line, none in comments, strings or bodies; -code.failOnError exits 14', async () => {
  const { code, json, stderr } = await check('-code', '-environment=prod', '-code.failOnError=true');
  assert.is(code, 14, stderr);
  const got = json.code!.violations.map((v) => `${v.file}:${v.line} ${v.rule} ${v.severity}`);
  assert.equal(got, [
    'migrations/V2__risky.sql:4 index-without-concurrently warning',
    'migrations/V2__risky.sql:5 narrowing-type-change error',
    'migrations/V2__risky.sql:5 type-change-rewrite warning',
    'migrations/V2__risky.sql:6 set-not-null warning',
    'migrations/V2__risky.sql:8 constraint-without-not-valid warning',
    'migrations/V2__risky.sql:9 volatile-default warning',
    'migrations/V2__risky.sql:11 update-without-where error',
    'migrations/V2__risky.sql:13 drop-column error',
    'migrations/V3__cleanup.sql:1 truncate error',
    'migrations/V3__cleanup.sql:2 drop-table error',
    'migrations/V3__cleanup.sql:3 drop-schema error',
  ]);
  assert.is(json.code!.errors, 6);
  assert.is(json.code!.warnings, 5);
  const narrowing = json.code!.violations.find((v) => v.rule === 'narrowing-type-change')!;
  assert.match(narrowing.message, /from character varying\(40\) to character varying\(10\)/);
  // Without -code.failOnError the same findings exit 0.
  assert.is((await check('-code', '-environment=prod')).code, 0);
});

test('user rules from -rulesLocation: matches in code only, at the line of the match', async () => {
  fs.mkdirSync(path.join(p.dir, 'rules'), { recursive: true });
  fs.writeFileSync(
    path.join(p.dir, 'rules', 'team.toml'),
    `[[rules]]\nid = "no-uuid"\ndescription = "use bigint keys"\nregex = "\\\\buuid\\\\b"\nseverity = "warning"\n\n[[rules]]\nid = "no-orders-truncate"\ndescription = "never truncate orders"\nregex = "TRUNCATE\\\\s+customers"\n`,
  );
  const { json, stderr } = await check('-code', '-environment=prod', '-rulesLocation=rules');
  const user = json.code!.violations.filter((v) => v.rule === 'no-uuid' || v.rule === 'no-orders-truncate').map((v) => `${v.file}:${v.line} ${v.rule} ${v.severity} ${v.message}`);
  // "TRUNCATE customers" appears only inside a string literal (line 10): not a match.
  assert.equal(user, ['migrations/V2__risky.sql:9 no-uuid warning use bigint keys'], stderr);
});

test('dryrun: the pending scripts in order, placeholders replaced, history rows as comments, nothing run', async () => {
  const before = await historyRows('prod');
  const { json } = await check('-dryrun', '-environment=prod');
  const script = json.dryrun!.script;
  assert.ok(script.indexOf('-- Executing: migrations/V2__risky.sql') < script.indexOf('-- Executing: migrations/V3__cleanup.sql'));
  assert.ok(script.includes("tag text DEFAULT 'from-placeholder'"), script);
  assert.not.ok(script.includes('${tag}'));
  assert.match(script, /-- INSERT INTO public\.flyway_schema_history \(installed_rank, version, description, type, script, checksum, installed_by, execution_time, success\) VALUES \(2, '2', 'risky', 'SQL', 'V2__risky\.sql', -?\d+, '[^']+', <execution time>, true\)/);
  assert.match(script, /VALUES \(3, '3', 'cleanup'/);
  assert.equal(await historyRows('prod'), before);
  assert.ok((await pg.query('prod', "SELECT to_regclass('public.audit') IS NULL AS absent"))[0]!['absent']);
});

test('check never writes to prod: a role that can only SELECT gets the same report, and the catalog is unchanged', async () => {
  const fingerprint = await catalogFingerprint(pg.url('prod'), ['public']);
  const history = await historyRows('prod');
  const owner = await check('-changes', '-drift', '-code', '-dryrun', '-environment=prod');
  const readOnly = await check('-changes', '-drift', '-code', '-dryrun', '-environment=prodro');
  assert.is(readOnly.code, 0, readOnly.stderr);
  assert.equal(readOnly.json.changes, owner.json.changes);
  assert.equal(readOnly.json.drift!.differences, owner.json.drift!.differences);
  assert.equal(readOnly.json.code, owner.json.code);
  const body = (script: string) => script.slice(script.indexOf('-- Executing')).replace(/installed_by.*/g, '');
  assert.equal(body(readOnly.json.dryrun!.script), body(owner.json.dryrun!.script));
  assert.equal(await catalogFingerprint(pg.url('prod'), ['public']), fingerprint);
  assert.equal(await historyRows('prod'), history);
  // The role really cannot write: any write check made would have failed.
  const client = new pgDriver.Client({ host: '127.0.0.1', port: pg.port, database: pg.name('prod'), user: reader, password: READER_PASSWORD });
  await client.connect();
  try {
    await client.query('CREATE TABLE public.written (id int)').then(
      () => assert.unreachable('the read-only role could create a table'),
      (error: Error) => assert.match(error.message, /permission denied/),
    );
  } finally {
    await client.end();
  }
});

if (!skipWithoutChromium()) {
  test('the HTML report in Chromium: the JSON numbers, a click opens the diff of a change, violations and the dry run, no request, no console error', async () => {
    const { json } = await check('-changes', '-drift', '-code', '-dryrun', '-environment=prod', '-reportFilename=out/full.html');
    const file = path.join(p.dir, 'out', 'full.html');
    assert.equal(JSON.parse(fs.readFileSync(path.join(p.dir, 'out', 'full.json'), 'utf8')), json);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href);
      const tileValue = async (key: string) => Number((await page.locator(`[data-summary="${key}"] .n`).innerText()).replace(/,/g, ''));
      assert.is(await tileValue('pending'), json.pending.length);
      assert.is(await tileValue('changes'), json.changes!.differences.length);
      assert.is(await tileValue('drift'), json.drift!.differences.length);
      assert.is(await tileValue('errors'), json.code!.errors);
      assert.is(await tileValue('warnings'), json.code!.warnings);
      const details = page.locator('#changes details').first();
      assert.is(await details.evaluate((d) => (d as HTMLDetailsElement).open), false);
      await page.locator('#changes tr[data-drill="c-0"] td').nth(2).click();
      assert.is(await details.evaluate((d) => (d as HTMLDetailsElement).open), true);
      assert.match(await details.locator('pre.diff').innerText(), /^[-+].*(character varying|CREATE)/m);
      assert.is(await page.locator('#violations tbody tr').count(), json.code!.violations.length);
      assert.match(await page.locator('#violations tbody tr').first().innerText(), /V2__risky\.sql\s+4\s+index-without-concurrently/);
      assert.is((await page.locator('#dryrun pre').innerText()).trimEnd(), json.dryrun!.script.trimEnd());
      assert.match(await page.locator('#environment').innerText(), /prod postgres:\/\/.*at version 1/);
      assert.equal(errors, []);
      assert.equal(requests, [pathToFileURL(file).href]);
      assert.not.ok(fs.readFileSync(file, 'utf8').includes(pg.password));
    } finally {
      await browser.close();
    }
  });
}

test('migrate -saveSnapshot=true stores the snapshot next to the history; drift compares with it, and -deployedSnapshot=FILE names one', async () => {
  await pg.createDatabase('saved');
  fs.appendFileSync(path.join(p.dir, 'flyway.toml'), `\n[environments.saved]\nurl = "${pg.jdbcUrl('saved')}"\nuser = "${pg.user}"\npassword = "\${env.PGPASSWORD}"\n`);
  const migrated = await cli('migrate', '-environment=saved', '-saveSnapshot=true', '-target=1');
  assert.is(migrated.code, 0, migrated.stderr);
  assert.match(migrated.stdout, /Snapshot saved in public\.parity_snapshot_history/);
  const rows = await pg.query<{ version: string; snapshot: string }>('saved', 'SELECT version, snapshot FROM public.parity_snapshot_history');
  assert.equal(rows.map((r) => r.version), ['1']);
  assert.ok(rows[0]!.snapshot.includes('"customers"'));
  // An object the migrations never made but the saved snapshot holds is not drift: the snapshot is what was deployed.
  const none = await check('-drift', '-environment=saved', '-failOnDrift=true');
  assert.is(none.code, 0, none.stderr);
  assert.match(none.json.drift!.comparedWith, /the snapshot saved in saved: public\.parity_snapshot_history \(version 1/);
  assert.equal(none.json.drift!.differences, []);
  await pg.exec('saved', 'CREATE INDEX customers_email ON customers (email)');
  const some = await check('-drift', '-environment=saved', '-failOnDrift=true');
  assert.is(some.code, 13);
  assert.equal(some.json.drift!.differences.map(shape), ['Edit Table customers']);
  // -deployedSnapshot=FILE: a snapshot of the environment as it is now: no drift.
  const snap = await cli('snapshot', '-source=saved', '-filename=now.json');
  assert.is(snap.code, 0, snap.stderr);
  const file = await check('-drift', '-environment=saved', '-deployedSnapshot=now.json', '-failOnDrift=true');
  assert.is(file.code, 0, file.stderr);
  assert.match(file.json.drift!.comparedWith, /snapshot now\.json/);
  // A snapshot saved at another version is not used unless asked for.
  await pg.exec('saved', 'DROP INDEX customers_email');
  assert.is((await cli('migrate', '-environment=saved', '-target=2')).code, 0);
  const stale = await check('-drift', '-environment=saved');
  assert.match(stale.stderr, /WARNING: the snapshot saved in public\.parity_snapshot_history is of version 1, but saved is at version 2: drift is checked against the migrations built/);
  assert.match(stale.json.drift!.comparedWith, /migrations built in an embedded PostgreSQL/);
  assert.equal(stale.json.drift!.differences, []);
});

test.run();
