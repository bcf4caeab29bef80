/**
 * Oracle through the CLI, offline: `diff` and `generate` from snapshots/oracle-example.json (the HR
 * fixture's model, shipped as the example), against `empty`, against itself and against an edited copy,
 * with the exact changes and the scripts' statements checked; then an Oracle environment in
 * flyway.toml: a refused connection (the real driver, thin mode, a closed local port), a bad URL, and
 * dataDiff getting as far as connecting.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { DatabaseModel, SchemaObject, Synonym, Table, View } from '../../src/model/objects.ts';
import { runCli, type CliResult } from '../support/cli.ts';
import { changeSummary, diffJson } from '../support/diff-json.ts';
import { environmentSection } from '../support/flyway-toml.ts';

const EXAMPLE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'snapshots', 'oracle-example.json');
const PASSWORD = 'Tiger-Sekr1t';

let work: string;
const run = (...args: string[]): Promise<CliResult> => runCli(args, { cwd: work, env: { ORA_PW: PASSWORD } });
const read = (file: string): string => fs.readFileSync(path.join(work, file), 'utf8');

test.before.each(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-oracle-cli-'));
});

test.after.each(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

function example(): { format: string; formatVersion: number; model: DatabaseModel } {
  return JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
}

/** Writes a copy of the example with `edit` applied to its objects; returns its `snapshot:` spec. */
function editedCopy(edit: (objects: SchemaObject[]) => SchemaObject[]): string {
  const file = example();
  const copy = { ...file, model: { ...file.model, objects: edit([...file.model.objects]) } };
  fs.writeFileSync(path.join(work, 'edited.json'), JSON.stringify(copy, null, 2));
  return 'snapshot:edited.json';
}

test('the example snapshot is an Oracle model of every kind the dialect reads', () => {
  const { model } = example();
  assert.is(model.dialect, 'oracle');
  assert.equal([...new Set(model.objects.map((o) => o.kind))].sort(), ['compositeType', 'function', 'materializedView', 'package', 'procedure', 'schema', 'sequence', 'synonym', 'table', 'view']);
});

test('diff example -> empty: every object is an Add, and generate writes both scripts with / after PL/SQL', async () => {
  const json = await diffJson(run, `snapshot:${EXAMPLE}`, 'empty', 'out/a.artifact');
  assert.equal(changeSummary(json), [
    'Add Composite Type HR|ADDRESS_T',
    'Add Composite Type HR|PHONE_LIST_T',
    'Add Function HR|GET_SALARY',
    'Add Materialized View HR|DEPT_HEADCOUNT',
    'Add Package HR|PAYROLL',
    'Add Procedure HR|RAISE_SALARY',
    'Add Schema HR|HR',
    'Add Sequence HR|INVOICE_SEQ',
    'Add Sequence HR|TICKET_SEQ',
    'Add Synonym HR|EMP',
    'Add Synonym HR|REMOTE_ORDERS',
    'Add Table HR|DEPARTMENTS',
    'Add Table HR|EMPLOYEES',
    'Add Table HR|SESSION_NOTES',
    'Add View HR|ACTIVE_DEPARTMENTS',
    'Add View HR|EMP_DETAILS',
  ]);
  const result = await run('generate', '-artifactFilename=out/a.artifact', '-generate.location=migrations', '-generate.description=hr', '-generate.types=versioned,undo');
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, 'generated: migrations/V1__hr.sql');
  const versioned = read('migrations/V1__hr.sql');
  assert.match(versioned, '-- DDL is not transactional on this database');
  assert.match(versioned, 'CREATE USER "HR" NO AUTHENTICATION;\n');
  assert.match(versioned, 'end payroll;\n/\n');
  assert.match(versioned, 'ALTER TABLE "HR"."EMPLOYEES" ADD CONSTRAINT "EMP_MANAGER_FK" FOREIGN KEY ("MANAGER_ID") REFERENCES "HR"."EMPLOYEES" ("EMPLOYEE_ID") DEFERRABLE;\n');
  const undo = read('migrations/U1__hr.sql');
  assert.match(undo, 'DROP USER "HR";\n');
  assert.match(result.stderr, 'WARNING: U1__hr.sql: drops table HR.EMPLOYEES and its data');
});

test('diff example -> itself: no differences', async () => {
  const json = await diffJson(run, `snapshot:${EXAMPLE}`, `snapshot:${EXAMPLE}`);
  assert.equal(json.differences, []);
});

test('diff example -> an edited copy: exactly the edits, and generate turns the copy into the example', async () => {
  const target = editedCopy((objects) =>
    objects
      .filter((o) => o.name !== 'REMOTE_ORDERS')
      .map((o) => {
        if (o.name === 'EMPLOYEES') {
          const t = o as Table;
          return { ...t, columns: t.columns.map((c) => (c.name === 'SALARY' ? { ...c, default: '100' } : c)) };
        }
        if (o.name === 'EMP') return { ...(o as Synonym), targetName: 'DEPARTMENTS' };
        if (o.name === 'EMP_DETAILS') return { ...(o as View), comment: 'old comment' };
        return o;
      }),
  );
  const json = await diffJson(run, `snapshot:${EXAMPLE}`, target, 'out/e.artifact');
  assert.equal(changeSummary(json), ['Add Synonym HR|REMOTE_ORDERS', 'Edit Synonym HR|EMP', 'Edit Table HR|EMPLOYEES', 'Edit View HR|EMP_DETAILS']);
  const result = await run('generate', '-artifactFilename=out/e.artifact', '-generate.location=m', '-generate.version=7', '-generate.description=fix');
  assert.is(result.code, 0, result.stderr);
  const script = read('m/V7__fix.sql');
  const statements = script.split('\n\n').filter((s) => !s.startsWith('--'));
  assert.equal(statements, [
    'ALTER TABLE "HR"."EMPLOYEES" MODIFY ("SALARY" DEFAULT 0);',
    'CREATE OR REPLACE SYNONYM "HR"."EMP" FOR "HR"."EMPLOYEES";',
    'CREATE OR REPLACE SYNONYM "HR"."REMOTE_ORDERS" FOR "SALES"."ORDERS"@SALESDB.EXAMPLE.COM;',
    `COMMENT ON TABLE "HR"."EMP_DETAILS" IS 'One row per employee';\n`,
  ]);
});

test('an Oracle environment that does not answer: exit 4, one line, the password nowhere', async () => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.writeFileSync(path.join(work, 'flyway.toml'), environmentSection('prod', `jdbc:oracle:thin:@//127.0.0.1:${port}/FREEPDB1`, 'hr', 'ORA_PW', ['HR']));
  const result = await run('snapshot', '-source=prod', '-filename=out/prod.json');
  assert.is(result.code, 4, result.stdout + result.stderr);
  assert.is(result.stderr.trim(), `ERROR: cannot connect to Oracle at 127.0.0.1:${port}: connection refused (oracle://hr@127.0.0.1:${port}/FREEPDB1)`);
  assert.not.match(result.stdout + result.stderr, PASSWORD);
});

test('migrate and info against an Oracle environment that does not answer: exit 4, the password nowhere', async () => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.writeFileSync(path.join(work, 'flyway.toml'), `[flyway]\nenvironment = "prod"\n\n${environmentSection('prod', `jdbc:oracle:thin:@127.0.0.1:${port}:ORCL`, 'hr', 'ORA_PW', ['HR'])}`);
  fs.mkdirSync(path.join(work, 'migrations'));
  fs.writeFileSync(path.join(work, 'migrations', 'V1__init.sql'), 'CREATE TABLE t (a NUMBER);\n');
  for (const command of ['migrate', 'info']) {
    const result = await run(command);
    assert.is(result.code, 4, `${command}: ${result.stdout}${result.stderr}`);
    assert.match(result.stderr, `ERROR: cannot connect to Oracle at 127.0.0.1:${port}: connection refused`);
    assert.not.match(result.stdout + result.stderr, PASSWORD);
  }
});

test('an Oracle URL parity cannot use (a TNS alias): exit 3 naming the setting', async () => {
  fs.writeFileSync(path.join(work, 'flyway.toml'), environmentSection('prod', 'jdbc:oracle:thin:@prod_alias', 'hr', 'ORA_PW'));
  const result = await run('snapshot', '-source=prod', '-filename=out/prod.json');
  assert.is(result.code, 3, result.stderr);
  assert.match(result.stderr, /^ERROR: "jdbc:oracle:thin:@prod_alias" is not an Oracle URL parity can use/);
  assert.match(result.stderr, 'environments.prod');
});

test('dataDiff against Oracle connects (its data side exists): a closed port is exit 4, one line, the password nowhere', async () => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const url = `jdbc:oracle:thin:@//127.0.0.1:${port}/FREEPDB1`;
  fs.writeFileSync(path.join(work, 'flyway.toml'), `${environmentSection('a', url, 'hr', 'ORA_PW')}\n${environmentSection('b', url, 'hr', 'ORA_PW')}`);
  const result = await run('dataDiff', '-source=a', '-target=b', '-table=HR.EMPLOYEES', '-key=EMPLOYEE_ID');
  assert.is(result.code, 4, result.stdout + result.stderr);
  assert.is(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, `ERROR: cannot connect to Oracle at 127.0.0.1:${port}: connection refused`);
  assert.not.match(result.stderr, 'has no data diff');
  assert.not.match(result.stdout + result.stderr, PASSWORD);
});

test.run();
