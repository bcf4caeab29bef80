/**
 * The round-trip corpus: for every schema pair in test/postgres/roundtrip-cases/*.sql, against a
 * real PostgreSQL 18 and through the built CLI only,
 *
 *   1. create the source (s_N), the target (t_N) and an untouched copy of the target (t0_N);
 *   2. `parity diff` s_N → t_N must report exactly the differences the case's `-- expect:` lists;
 *   3. `parity generate` writes V1__*.sql (target → source) and U1__*.sql (undo);
 *   4. V applied to t_N (in one transaction): `diff` s_N → t_N finds nothing, and an independent
 *      catalog fingerprint (test/support/catalog-fingerprint.ts, none of parity's code) of t_N
 *      equals the source's;
 *   5. U applied to t_N: `diff` t_N → t0_N finds nothing and the fingerprints are equal again.
 *
 * A round trip alone cannot see what the tool cannot see (a tool that ignores comments still
 * converges), hence the exact expectation in 2 and the fingerprints in 4 and 5. Before anything is
 * applied, the fingerprints of source and target must differ, so each case is visible to the check.
 *
 * Case file format (one pair per file):
 *   -- expect: Edit Table public.orders; Add View app.v_orders; Delete Function public.f(integer)
 *   -- source
 *   CREATE TABLE ...;
 *   -- target
 *   CREATE TABLE ...;
 * `-- expect:` may be repeated; entries are `<Add|Edit|Delete> <Object Type> <schema>.<name>` with
 * names unquoted, exactly as `diff -outputType=json` reports them (a schema: `Add Schema app`).
 * `-- options: -include=privileges` adds parameters to every `diff` of the case. `-- roles: reader,
 * writer` names roles the case uses: roles belong to the whole server, so each is created (before the
 * cases run, dropped after) with the file's database prefix, and every whole-word occurrence of the
 * name in the case's SQL is replaced by the prefixed name.
 *
 * Run only some cases: ROUNDTRIP_CASES=enum,view node --import tsx test/postgres/roundtrip-corpus.test.ts
 * (ROUNDTRIP_KEEP=1 keeps the generated scripts and artifacts; ROUNDTRIP_CONCURRENCY=N, default 3.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { catalogFingerprint } from '../support/catalog-fingerprint.ts';
import { runCli, type CliResult } from '../support/cli.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

/** Schemas every environment covers; cases use these (and may leave some of them out). */
const SCHEMAS = ['public', 'app', 'Sales'];

const OBJECT_TYPES = [
  'Materialized View',
  'Composite Type',
  'Table',
  'View',
  'Sequence',
  'Function',
  'Procedure',
  'Aggregate',
  'Enum',
  'Domain',
  'Extension',
  'Schema',
];

interface Case {
  readonly file: string;
  readonly n: number;
  readonly expect: readonly string[];
  readonly source: string;
  readonly target: string;
  readonly options: readonly string[];
  readonly roles: readonly string[];
}

interface DiffJson {
  differences: Array<{
    differenceType: string;
    objectType: string;
    from: { schema: string; name: string; definition: string | null } | null;
    to: { schema: string; name: string; definition: string | null } | null;
  }>;
}

const casesDir = new URL('./roundtrip-cases/', import.meta.url);
const filter = (process.env['ROUNDTRIP_CASES'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);

function parseCase(file: string, n: number): Case {
  const text = fs.readFileSync(new URL(file, casesDir), 'utf8');
  const expect: string[] = [];
  const options: string[] = [];
  const roles: string[] = [];
  const sections: Record<'source' | 'target', string[]> = { source: [], target: [] };
  let current: 'source' | 'target' | undefined;
  for (const line of text.split('\n')) {
    const expectLine = /^--\s*expect:(.*)$/.exec(line);
    if (expectLine) {
      expect.push(...expectLine[1]!.split(';').map((e) => e.trim()).filter(Boolean));
      continue;
    }
    const optionsLine = /^--\s*options:(.*)$/.exec(line);
    if (optionsLine) {
      options.push(...optionsLine[1]!.trim().split(/\s+/).filter(Boolean));
      continue;
    }
    const rolesLine = /^--\s*roles:(.*)$/.exec(line);
    if (rolesLine) {
      roles.push(...rolesLine[1]!.split(',').map((r) => r.trim()).filter(Boolean));
      continue;
    }
    const marker = /^--\s*(source|target)\s*$/.exec(line);
    if (marker) {
      current = marker[1] as 'source' | 'target';
      continue;
    }
    if (current) sections[current].push(line);
  }
  const pattern = new RegExp(`^(Add|Edit|Delete) (${OBJECT_TYPES.join('|')}) (\\S.*)$`);
  for (const entry of expect) {
    if (!pattern.test(entry)) throw new Error(`${file}: malformed expectation "${entry}"`);
  }
  if (expect.length === 0) throw new Error(`${file}: no -- expect: line`);
  return { file, n, expect: expect.sort(), source: sections.source.join('\n'), target: sections.target.join('\n'), options, roles };
}

const cases: Case[] = fs
  .readdirSync(casesDir)
  .filter((f) => f.endsWith('.sql'))
  .sort()
  .map((file, index) => parseCase(file, index + 1))
  .filter((c) => filter.length === 0 || filter.some((f) => c.file.includes(f)));

let server: TestPostgres;
let work: string;

const run = (...args: string[]): Promise<CliResult> => runCli(args, { cwd: work, env: { PGPW: server.password } });

function flywayToml(): string {
  const lines: string[] = [];
  for (const c of cases) {
    for (const db of [`s_${c.n}`, `t_${c.n}`, `t0_${c.n}`]) {
      lines.push(
        `[environments.${db}]`,
        `url = "${server.jdbcUrl(db)}"`,
        `user = "${server.user}"`,
        'password = "${env.PGPW}"',
        `schemas = [${SCHEMAS.map((s) => JSON.stringify(s)).join(', ')}]`,
        '',
      );
    }
  }
  return lines.join('\n');
}

/** Runs a script in one transaction; on failure, names the statement the server rejected. */
async function applyScript(database: string, sql: string, label: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.url(database) });
  await client.connect();
  try {
    await client.query('BEGIN');
    try {
      await client.query(sql);
    } catch (error) {
      const e = error as { message: string; position?: string; where?: string };
      let where = '';
      if (e.position) {
        const at = Number(e.position) - 1;
        const start = sql.lastIndexOf(';', at) + 1;
        const end = sql.indexOf(';', at);
        where = `\n  at: ${sql.slice(start, end < 0 ? undefined : end + 1).trim()}`;
      }
      if (e.where) where += `\n  context: ${e.where}`;
      throw new Error(`${label} failed: ${e.message}${where}\n--- ${label} ---\n${sql}`);
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

function summarize(json: DiffJson): string[] {
  return json.differences
    .map((d) => {
      const side = d.from ?? d.to;
      // A schema is its own schema: named once.
      const name = d.objectType === 'Schema' ? side?.name : `${side?.schema}.${side?.name}`;
      return `${d.differenceType} ${d.objectType} ${name}`;
    })
    .sort();
}

async function diffJson(source: string, target: string, artifact: string, options: readonly string[]): Promise<DiffJson> {
  const result = await run('diff', `-source=${source}`, `-target=${target}`, `-artifactFilename=${artifact}`, '-outputType=json', ...options);
  assert.is(result.code, 0, `diff ${source} ${target} exited ${result.code}: ${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout) as DiffJson;
}

/** `diff` in table mode must say "No differences found."; otherwise the JSON diff explains what is left. */
async function assertNoDifferences(source: string, target: string, artifact: string, context: string, options: readonly string[]): Promise<void> {
  const result = await run('diff', `-source=${source}`, `-target=${target}`, `-artifactFilename=${artifact}`, ...options);
  assert.is(result.code, 0, `diff ${source} ${target} exited ${result.code}: ${result.stderr}`);
  if (result.stdout.includes('No differences found.')) return;
  const json = await diffJson(source, target, artifact, options);
  const details = json.differences.map((d) => {
    const side = d.from ?? d.to;
    return `  ${d.differenceType} ${d.objectType} ${side?.schema}.${side?.name}\n    source: ${d.from?.definition ?? '-'}\n    target: ${d.to?.definition ?? '-'}`;
  });
  assert.unreachable(`${context}: diff ${source} → ${target} still finds differences:\n${details.join('\n')}`);
}

/** The fingerprint of `actualDb` must equal `expected` (the fingerprint of `expectedDb`). */
async function assertFingerprint(expected: readonly string[], expectedDb: string, actualDb: string, context: string): Promise<void> {
  const actual = await catalogFingerprint(server.url(actualDb), SCHEMAS);
  const actualSet = new Set(actual);
  const expectedSet = new Set(expected);
  const missing = expected.filter((line) => !actualSet.has(line));
  const unexpected = actual.filter((line) => !expectedSet.has(line));
  assert.equal(
    { [`missing from ${actualDb}`]: missing, [`unexpected in ${actualDb}`]: unexpected },
    { [`missing from ${actualDb}`]: [], [`unexpected in ${actualDb}`]: [] },
    `${context}: catalog fingerprint of ${actualDb} differs from ${expectedDb}`,
  );
}

const databasesOf = (c: Case) => [`s_${c.n}`, `t_${c.n}`, `t0_${c.n}`];

async function dropDatabases(c: Case): Promise<void> {
  for (const db of databasesOf(c)) await server.dropDatabase(db);
}

/** The case's SQL with its role names replaced by the file's prefixed role names. */
function withRoles(c: Case, sql: string): string {
  let out = sql;
  for (const role of c.roles) out = out.replace(new RegExp(`\\b${role}\\b`, 'g'), server.name(role));
  return out;
}

const allRoles = () => [...new Set(cases.flatMap((c) => c.roles))];

/** Creates and loads a case's three databases (the untouched target t0_N is a copy of t_N: CREATE DATABASE ... TEMPLATE). */
async function prepare(c: Case): Promise<void> {
  await dropDatabases(c);
  const load = async (db: string, sql: string, label: string) => {
    await server.createDatabase(db);
    if (sql.trim() === '') return;
    try {
      await server.exec(db, withRoles(c, sql));
    } catch (error) {
      throw new Error(`${c.file}: the case's ${label} SQL fails: ${(error as Error).message}`);
    }
  };
  await load(`s_${c.n}`, c.source, 'source');
  await load(`t_${c.n}`, c.target, 'target');
  await server.createDatabase(`t0_${c.n}`, { template: `t_${c.n}` });
}

/** One case, start to end; rejects with the first failed check. */
async function runCase(c: Case): Promise<void> {
  const [s, t, t0] = databasesOf(c) as [string, string, string];
  try {
    await prepare(c);
    const dir = path.join(work, 'cases', String(c.n));
    const artifact = path.join(dir, 'diff.artifact');

    // The check must see the case's difference at all.
    const sourcePrint = await catalogFingerprint(server.url(s), SCHEMAS);
    const targetPrint = await catalogFingerprint(server.url(t0), SCHEMAS);
    assert.not.equal(sourcePrint, targetPrint, 'source and target have the same catalog fingerprint: the case tests nothing');

    // 1. The first diff reports exactly the expected changes.
    const first = await diffJson(s, t, artifact, c.options);
    assert.equal(summarize(first), c.expect, 'the first diff does not report the expected differences');

    // 2. generate: a versioned script and its undo.
    const description = `case_${c.n}`;
    const location = path.join(dir, 'scripts');
    const generated = await run(
      'generate',
      `-artifactFilename=${artifact}`,
      `-generate.location=${location}`,
      `-generate.description=${description}`,
      '-generate.types=versioned,undo',
      '-generate.version=1',
    );
    assert.is(generated.code, 0, `generate exited ${generated.code}: ${generated.stdout}${generated.stderr}`);
    const read = (name: string) => {
      const file = path.join(location, name);
      const listing = fs.existsSync(location) ? fs.readdirSync(location).join(', ') : '(no folder)';
      assert.ok(fs.existsSync(file), `generate did not write ${name} (found: ${listing})`);
      return fs.readFileSync(file, 'utf8');
    };
    const versioned = read(`V1__${description}.sql`);
    const undo = read(`U1__${description}.sql`);
    for (const [name, script] of [['V', versioned], ['U', undo]] as const) {
      assert.not.match(script, /^\s*(BEGIN|START TRANSACTION|COMMIT)\s*;/im, `${name} script controls the transaction itself`);
    }

    // 3. Apply V to the target: it now matches the source, for parity and for the catalogs.
    await applyScript(t, versioned, 'V script');
    await assertNoDifferences(s, t, path.join(dir, 'after-v.artifact'), 'after V', c.options);
    await assertFingerprint(sourcePrint, s, t, 'after V');

    // 4. Apply U: back to the original target.
    await applyScript(t, undo, 'U script');
    await assertNoDifferences(t, t0, path.join(dir, 'after-u.artifact'), 'after U', c.options);
    await assertFingerprint(targetPrint, t0, t, 'after U');
  } finally {
    await dropDatabases(c).catch(() => {});
  }
}

/**
 * Cases run a few at a time (most of a case's time is spent waiting for CLI processes); each case's
 * test awaits its own outcome, so failures are still reported per case, in order.
 */
const CONCURRENCY = Math.max(1, Number(process.env['ROUNDTRIP_CONCURRENCY'] ?? 3));
const outcomes: Array<Promise<void>> = [];

function startAll(): void {
  let next = 0;
  const gates: Array<() => void> = [];
  let running = 0;
  const release = () => {
    running--;
    gates.shift()?.();
  };
  const acquire = () =>
    new Promise<void>((resolve) => {
      if (running < CONCURRENCY) {
        running++;
        resolve();
      } else {
        gates.push(() => {
          running++;
          resolve();
        });
      }
    });
  for (const c of cases) {
    const outcome = acquire().then(() => runCase(c).finally(release));
    outcome.catch(() => {}); // reported by the case's own test
    outcomes[next++] = outcome;
  }
}

test.before(async () => {
  // The embedded server already runs without fsync, synchronous_commit and full_page_writes.
  server = await startPostgres();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-roundtrip-'));
  fs.writeFileSync(path.join(work, 'flyway.toml'), flywayToml());
  await server.createRoles(allRoles());
  startAll();
});

test.after(async () => {
  await Promise.allSettled(outcomes);
  // Every case dropped its databases: nothing holds privileges of the roles any more.
  if (server) await server.dropRoles(allRoles());
  await server?.stop();
  if (!work) return;
  if (process.env['ROUNDTRIP_KEEP']) console.log(`ROUNDTRIP_KEEP: scripts and artifacts kept in ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
});

test('the corpus has at least 60 cases', () => {
  if (filter.length > 0) return;
  assert.ok(cases.length >= 60, `only ${cases.length} cases`);
});

cases.forEach((c, index) => {
  test(`case ${c.file}`, async () => {
    try {
      await outcomes[index];
    } catch (error) {
      // uvu prints the stack after the message, and a stack starts with the whole message again.
      if (error instanceof Error && error.message.includes('\n')) error.stack = error.message.split('\n')[0];
      throw error;
    }
  });
});

test.run();
