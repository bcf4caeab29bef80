/**
 * generate, end to end against one real PostgreSQL, through the built CLI only. For each schema pair
 * (generate-roundtrip.cases.ts):
 *
 *   1. load the source into src_N, the target into tgt_N and into orig_N (an untouched copy);
 *   2. `diff -source=src_N -target=tgt_N` reports exactly the expected changes;
 *   3. `generate -generate.types=versioned,undo` writes V1 and U1;
 *   4. V1 applied to tgt_N in one transaction (as Flyway runs it): `diff` src_N / tgt_N finds nothing;
 *   5. U1 applied to tgt_N: `diff` tgt_N / orig_N finds nothing.
 *
 * Then the command's own contract: version numbering, refusing to overwrite, -changes, JSON output,
 * warnings on stderr, nothing to generate.
 *
 * Run some round trips only: GENERATE_CASES=enum,view node --import tsx test/postgres/generate-roundtrip.test.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, type CliResult } from '../support/cli.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';
import { roundTripCases } from './generate-roundtrip.cases.ts';

let server: TestPostgres;
let work: string;

const run = (...args: string[]): Promise<CliResult> => runCli(args, { cwd: work, env: { PARITY_TEST_PW: server.password } });

const environments = (n: number) => ({ src: `src_${n}`, tgt: `tgt_${n}`, orig: `orig_${n}` });

function flywayToml(): string {
  const names = ['cli_src', 'cli_tgt', ...roundTripCases.flatMap((_, n) => Object.values(environments(n)))];
  return names
    .map((db) =>
      [
        `[environments.${db}]`,
        `url = "${server.jdbcUrl(db)}"`,
        `user = "${server.user}"`,
        'password = "${env.PARITY_TEST_PW}"',
        'schemas = ["public", "app", "legacy", "Sales"]',
        '',
      ].join('\n'),
    )
    .join('\n');
}

interface DiffJson {
  differences: Array<{ id: string; differenceType: string; objectType: string; from: { schema: string; name: string } | null; to: { schema: string; name: string } | null }>;
}

function summary(json: DiffJson): string[] {
  return json.differences
    .map((d) => {
      const side = (d.from ?? d.to)!;
      return `${d.differenceType} ${d.objectType} ${d.objectType === 'Schema' ? side.name : `${side.schema}.${side.name}`}`;
    })
    .sort();
}

async function diff(source: string, target: string, artifact: string): Promise<DiffJson> {
  const result = await run('diff', `-source=${source}`, `-target=${target}`, `-artifactFilename=${artifact}`, '-outputType=json');
  assert.is(result.code, 0, `diff ${source} ${target}: ${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout) as DiffJson;
}

async function assertNoDifferences(source: string, target: string, artifact: string, when: string): Promise<void> {
  const result = await run('diff', `-source=${source}`, `-target=${target}`, `-artifactFilename=${artifact}`);
  assert.is(result.code, 0, result.stderr);
  if (result.stdout.includes('No differences found.')) return;
  assert.unreachable(`${when}: ${source} and ${target} still differ:\n${result.stdout}`);
}

/** Runs a script in one transaction, as Flyway does; a failure names the script and shows it. */
async function apply(database: string, script: string, label: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.url(database) });
  await client.connect();
  try {
    await client.query('BEGIN');
    try {
      await client.query(script);
    } catch (error) {
      throw new Error(`${label} failed on ${database}: ${(error as Error).message}\n${script}`);
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

async function load(database: string, sql: string): Promise<void> {
  await server.dropDatabase(database);
  await server.createDatabase(database);
  if (sql.trim() !== '') await server.exec(database, sql);
}

test.before(async () => {
  server = await startPostgres();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-generate-'));
  fs.writeFileSync(path.join(work, 'flyway.toml'), flywayToml());
});

test.after(async () => {
  await server?.stop();
  // KEEP_WORK=1 leaves the generated scripts for reading.
  if (work && process.env['KEEP_WORK'] === '1') console.log(`scripts kept in ${work}`);
  else if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** GENERATE_CASES=enum,view runs only the round trips whose name contains one of the words. */
const only = (process.env['GENERATE_CASES'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);

roundTripCases.forEach((c, n) => {
  if (only.length > 0 && !only.some((word) => c.name.includes(word))) return;
  test(`round trip: ${c.name}`, async () => {
    const { src, tgt, orig } = environments(n);
    await load(src, c.source);
    await load(tgt, c.target);
    await load(orig, c.target);
    const dir = path.join(work, 'cases', c.name);
    const artifact = path.join(dir, 'diff.artifact');

    assert.equal(summary(await diff(src, tgt, artifact)), [...c.expect].sort(), 'first diff');

    const location = path.join(dir, 'migrations');
    const generated = await run('generate', `-artifactFilename=${artifact}`, `-generate.location=${location}`, `-generate.description=${c.name}`, '-generate.types=versioned,undo');
    assert.is(generated.code, 0, `generate: ${generated.stdout}${generated.stderr}`);
    const versioned = fs.readFileSync(path.join(location, `V1__${c.name}.sql`), 'utf8');
    const undo = fs.readFileSync(path.join(location, `U1__${c.name}.sql`), 'utf8');

    await apply(tgt, versioned, 'V1');
    await assertNoDifferences(src, tgt, path.join(dir, 'after-v.artifact'), 'after V1');
    await apply(tgt, undo, 'U1');
    await assertNoDifferences(tgt, orig, path.join(dir, 'after-u.artifact'), 'after U1');

    for (const db of [src, tgt, orig]) await server.dropDatabase(db);
  });
});

// ---------------------------------------------------------------------------------------------
// The command's contract

const CLI_SOURCE = `
  CREATE TABLE public.keep (id integer PRIMARY KEY, note text);
  CREATE TABLE public.added (id integer);`;
const CLI_TARGET = `
  CREATE TABLE public.keep (id integer PRIMARY KEY, note text, legacy text);
  CREATE TABLE public.gone (id integer);`;

test('generate: versions, file names, stdout, stderr warnings, refusal to overwrite', async () => {
  await load('cli_src', CLI_SOURCE);
  await load('cli_tgt', CLI_TARGET);
  const first = await run('diff', '-source=cli_src', '-target=cli_tgt', '-artifactFilename=out/cli.artifact');
  assert.is(first.code, 0, first.stderr);
  fs.mkdirSync(path.join(work, 'migrations'), { recursive: true });
  fs.writeFileSync(path.join(work, 'migrations', 'V1.9__old.sql'), '');
  fs.writeFileSync(path.join(work, 'migrations', 'V1.10__older.sql'), '');

  // Default location (the first [flyway] locations entry: migrations) and the next major version.
  const result = await run('generate', '-artifactFilename=out/cli.artifact', '-generate.description=Add the "added" table!', '-generate.types=versioned,undo');
  assert.is(result.code, 0, result.stderr);
  assert.is(result.stdout, 'generated: migrations/V2__Add_the_added_table.sql\ngenerated: migrations/U2__Add_the_added_table.sql\n');
  assert.match(result.stderr, /^WARNING: V2__Add_the_added_table\.sql: drops column public\.keep\.legacy and its data$/m);
  assert.match(result.stderr, /^WARNING: V2__Add_the_added_table\.sql: drops table public\.gone and its data$/m);
  assert.match(result.stderr, /^WARNING: U2__Add_the_added_table\.sql: drops table public\.added and its data$/m);

  // The same version again is refused; an explicit new one is used as given.
  const again = await run('generate', '-artifactFilename=out/cli.artifact', '-generate.version=2.0');
  assert.is(again.code, 2, again.stdout + again.stderr);
  assert.match(again.stderr, /ERROR: migration version 2\.0 already exists: [UV]2__Add_the_added_table\.sql/);
  const explicit = await run('generate', '-artifactFilename=out/cli.artifact', '-generate.version=2.1', '-generate.description=x');
  assert.is(explicit.code, 0, explicit.stderr);
  assert.match(explicit.stdout, 'generated: migrations/V2.1__x.sql');
  assert.not.ok(fs.existsSync(path.join(work, 'migrations', 'U2.1__x.sql')), 'undo only when asked for');

  const bad = await run('generate', '-artifactFilename=out/cli.artifact', '-generate.types=versioned,repeatable');
  assert.is(bad.code, 2);
  assert.match(bad.stderr, 'ERROR: -generate.types must list versioned and/or undo');
});

test('generate: -changes selects changes; JSON output; nothing to generate', async () => {
  const listed = await run('diff', '-source=cli_src', '-target=cli_tgt', '-artifactFilename=out/json.artifact', '-outputType=json');
  const json = JSON.parse(listed.stdout) as DiffJson;
  const added = json.differences.find((d) => d.differenceType === 'Add')!;
  const location = path.join(work, 'selected');
  const result = await run('generate', '-artifactFilename=out/json.artifact', `-generate.location=${location}`, `-changes=${added.id}`, '-generate.types=undo,versioned', '-outputType=json');
  assert.is(result.code, 0, result.stderr);
  assert.is(result.stderr, '', 'JSON mode keeps warnings in the JSON');
  const output = JSON.parse(result.stdout) as { files: string[]; warnings: string[] };
  assert.equal(output.files, ['selected/V1__parity_generated.sql', 'selected/U1__parity_generated.sql']);
  assert.equal(output.warnings, ['U1__parity_generated.sql: drops table public.added and its data']);
  const script = fs.readFileSync(path.join(location, 'V1__parity_generated.sql'), 'utf8');
  assert.match(script, 'CREATE TABLE public.added');
  assert.not.match(script, 'gone');

  const unknown = await run('generate', '-artifactFilename=out/json.artifact', '-changes=nope');
  assert.is(unknown.code, 2);
  assert.match(unknown.stderr, 'no change with ID nope');

  await run('diff', '-source=cli_src', '-target=cli_src', '-artifactFilename=out/same.artifact');
  const none = await run('generate', '-artifactFilename=out/same.artifact', '-generate.location=nothing');
  assert.is(none.code, 0, none.stderr);
  assert.match(none.stdout, 'No changes to generate');
  assert.not.ok(fs.existsSync(path.join(work, 'nothing')), 'nothing written');
  const noneJson = await run('generate', '-artifactFilename=out/same.artifact', '-generate.location=nothing', '-outputType=json');
  assert.equal(JSON.parse(noneJson.stdout), { files: [], warnings: [] });
});

test.run();
