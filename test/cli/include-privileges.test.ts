/**
 * `-include=privileges`: privileges are left out unless asked for. Two databases that differ only in
 * GRANTs compare equal by default and differ with the parameter (also through a snapshot taken with
 * it, and a snapshot with privileges compared without them); the owner is never compared; an unknown
 * name is exit 2. Roles carry the file's database prefix (they belong to the whole server).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, type CliResult } from '../support/cli.ts';
import { changeSummary, type DiffJson } from '../support/diff-json.ts';
import { environmentSection } from '../support/flyway-toml.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

let server: TestPostgres;
let work: string;
let reader: string;
let owner: string;

const run = (...args: string[]): Promise<CliResult> => runCli(args, { cwd: work, env: { PW: server.password } });

async function diff(source: string, target: string, ...extra: string[]): Promise<DiffJson> {
  const result = await run('diff', `-source=${source}`, `-target=${target}`, '-artifactFilename=out/diff.artifact', '-outputType=json', ...extra);
  assert.is(result.code, 0, `${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout) as DiffJson;
}

const SCHEMA = `
  CREATE TABLE public.accounts (id integer PRIMARY KEY, balance numeric);
  CREATE FUNCTION public.balance_of(integer) RETURNS numeric LANGUAGE sql AS 'SELECT 0::numeric';
`;

test.before(async () => {
  server = await startPostgres();
  [reader, owner] = (await server.createRoles(['reader', 'owner'])) as [string, string];
  await server.createDatabase('granted');
  await server.exec('granted', `${SCHEMA} GRANT SELECT ON public.accounts TO ${reader}; REVOKE EXECUTE ON FUNCTION public.balance_of(integer) FROM PUBLIC;`);
  await server.createDatabase('plain');
  // Another owner: owners are not compared, with or without privileges.
  await server.exec('plain', `${SCHEMA} ALTER TABLE public.accounts OWNER TO ${owner};`);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-include-'));
  fs.writeFileSync(
    path.join(work, 'flyway.toml'),
    environmentSection('granted', server.jdbcUrl('granted'), server.user, 'PW') + environmentSection('plain', server.jdbcUrl('plain'), server.user, 'PW'),
  );
});

test.after(async () => {
  await server?.stop();
  await server?.dropRoles(['reader', 'owner']).catch(() => {});
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('privileges are not compared by default, nor owners', async () => {
  assert.equal((await diff('granted', 'plain')).differences, []);
});

test('-include=privileges compares them: the table and the function differ, each with its GRANT / REVOKE in the definition', async () => {
  const json = await diff('granted', 'plain', '-include=privileges');
  assert.equal(changeSummary(json), ['Edit Function public|balance_of(integer)', 'Edit Table public|accounts']);
  const table = json.differences.find((d) => d.objectType === 'Table')!;
  assert.match(table.from!.definition!, `GRANT SELECT ON TABLE public.accounts TO ${reader};`);
  assert.not.match(table.to!.definition!, 'GRANT');
  const fn = json.differences.find((d) => d.objectType === 'Function')!;
  assert.match(fn.from!.definition!, 'REVOKE EXECUTE ON FUNCTION public.balance_of(integer) FROM PUBLIC;');
});

test('a snapshot keeps privileges only with -include=privileges; a snapshot with them compares without them too', async () => {
  const plainSnapshot = await run('snapshot', '-source=granted', '-filename=out/plain.json');
  assert.is(plainSnapshot.code, 0, plainSnapshot.stderr);
  assert.not.match(fs.readFileSync(path.join(work, 'out/plain.json'), 'utf8'), '"privileges"');
  const withPrivileges = await run('snapshot', '-source=granted', '-filename=out/privileges.json', '-include=privileges');
  assert.is(withPrivileges.code, 0, withPrivileges.stderr);
  assert.match(fs.readFileSync(path.join(work, 'out/privileges.json'), 'utf8'), `"grantee": "${reader}"`);
  assert.equal(changeSummary(await diff('snapshot:out/privileges.json', 'plain', '-include=privileges')), [
    'Edit Function public|balance_of(integer)',
    'Edit Table public|accounts',
  ]);
  assert.equal((await diff('snapshot:out/privileges.json', 'plain')).differences, []);
  assert.equal((await diff('snapshot:out/privileges.json', 'granted', '-include=privileges')).differences, []);
});

test('an unknown -include name: exit 2, one line naming what it may be', async () => {
  const result = await run('diff', '-source=granted', '-target=plain', '-include=privileges,owners');
  assert.is(result.code, 2, result.stderr);
  assert.is(result.stderr, 'ERROR: -include names "owners", which is not one of: privileges (-include)\n');
});

test.run();
