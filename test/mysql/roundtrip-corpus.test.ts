/**
 * The MySQL round-trip corpus: for every schema pair in test/mysql/roundtrip-cases/*.sql, against two
 * MariaDB servers (source: the run's shared one; target: one of this file's own, so both sides hold a
 * database of the same name c<N>) and through the CLI only,
 *
 *   1. load the source into S.c<N> and the target into T.c<N> with the `mariadb` client (independent
 *      of parity; case files may use DELIMITER), and `parity snapshot` the target as it is;
 *   2. `parity diff` must report exactly the differences the case's `-- expect:` lists;
 *   3. `parity generate` writes V1 and U1; neither controls transactions, and each uses DELIMITER
 *      exactly around the statements that hold a `;` of their own (compound bodies), one statement a
 *      block (see assertDelimiters);
 *   4. V is split into statements (src/dialects/mysql/mysql-script.ts, what `parity migrate` uses) and
 *      applied one call each to T.c<N>: `diff` finds nothing, and an independent fingerprint
 *      (test/support/mysql-fingerprint.ts: mysqldump + information_schema, none of parity's code)
 *      equals the source's;
 *   5. U applied the same way: `diff` against the snapshot finds nothing and the fingerprint equals
 *      the original target's;
 *   6. steps 4 and 5 again with V and U run by the `mariadb` command-line client (`mariadb ... < V1__case.sql`,
 *      as a user applies a reviewed script), with the same checks.
 * Source and target fingerprints must differ before anything is applied.
 *
 * Case file format:
 *   -- expect: Edit Table app.orders; Add View app.v; Edit Schema app
 *   -- source
 *   CREATE TABLE ...;
 *   -- target
 *   CREATE TABLE ...;
 * `app` stands for the case's database. ROUNDTRIP_CASES=fk,view runs some cases; ROUNDTRIP_KEEP=1
 * keeps the scripts; ROUNDTRIP_CONCURRENCY=N (default 2).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { splitMysqlStatements } from '../../src/dialects/mysql/mysql-script.ts';
import { runCli, type CliResult } from '../support/cli.ts';
import { skipWithoutMariadb, startMariadb, startOwnMariadb, type TestMariadb } from '../support/mariadb-server.ts';
import { mysqlFingerprint } from '../support/mysql-fingerprint.ts';
import { parseRoundtripCase, type RoundtripCase } from '../support/roundtrip-case-file.ts';
import { databasePrefix } from '../support/shared-servers-env.ts';

const OBJECT_TYPES = ['Table', 'View', 'Function', 'Procedure', 'Schema'];

type Case = RoundtripCase;

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

const cases: Case[] = fs
  .readdirSync(casesDir)
  .filter((f) => f.endsWith('.sql'))
  .sort()
  .map((file, index) => parseRoundtripCase(fs.readFileSync(new URL(file, casesDir), 'utf8'), file, index + 1, OBJECT_TYPES))
  .filter((c) => filter.length === 0 || filter.some((f) => c.file.includes(f)));

let source: TestMariadb;
let target: TestMariadb;
let work: string;

const run = (...args: string[]): Promise<CliResult> =>
  runCli(args, { cwd: work, env: { SRC_PW: source.password, TGT_PW: target.password } });

const qualified = (c: Case) => c.n % 2 === 0;

function flywayToml(): string {
  const lines: string[] = [];
  for (const c of cases) {
    for (const [env, server, pw] of [[`s_${c.n}`, source, 'SRC_PW'], [`t_${c.n}`, target, 'TGT_PW']] as const) {
      lines.push(`[environments.${env}]`, `url = "${server.jdbcUrl(`c${c.n}`, 'mariadb')}"`, 'user = "root"', `password = "\${env.${pw}}"`);
      // Even cases name their database in `schemas` (compared qualified, scripts name it); odd ones
      // leave it to the URL (compared unqualified, scripts run in the session's database).
      lines.push(...(qualified(c) ? [`schemas = ["${server.name(`c${c.n}`)}"]`] : []), '');
    }
  }
  return lines.join('\n');
}

/** Loads a case's SQL with the `mariadb` command-line client (it understands DELIMITER). */
async function load(server: TestMariadb, database: string, sql: string, label: string): Promise<void> {
  await server.createDatabase(database);
  if (sql.trim() === '') return;
  const file = path.join(work, `${database}-${server.port}.sql`);
  fs.writeFileSync(file, sql);
  try {
    await server.runClient(database, file);
  } catch (error) {
    throw new Error(`the case's ${label} SQL fails: ${(error as Error).message}`);
  }
}

/** The script's code: strings, quoted names and comments blanked out (test-side, none of parity's lexer). */
function codeOnly(sql: string): string {
  return sql.replace(/'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*"|`(?:[^`]|``)*`|\/\*[\s\S]*?\*\/|(?:--\s|#)[^\n]*/g, ' ');
}

/**
 * The DELIMITER contract of generated scripts: every `DELIMITER x` line opens a block of exactly one
 * statement that holds a `;` of its own, closed by a line `x` and a line `DELIMITER ;`; and no
 * statement outside such blocks holds a compound body (`BEGIN ... END` with `;` inside).
 */
function assertDelimiters(script: string, label: string): void {
  const block = /^DELIMITER (\S+)\n([\s\S]*?)\n(\S+)\nDELIMITER ;$/gm;
  const blocks = [...script.matchAll(block)];
  const delimiterLines = script.split('\n').filter((line) => /^\s*DELIMITER\b/i.test(line)).length;
  assert.is(delimiterLines, blocks.length * 2, `${label}: a DELIMITER line outside a DELIMITER x / x / DELIMITER ; block`);
  for (const [, open, statement, close] of blocks) {
    assert.is(close, open, `${label}: a block opened with ${open} is closed with ${close}`);
    assert.not.ok(statement!.includes(open!), `${label}: a block holds its delimiter ${open} (more than one statement)`);
    assert.ok(codeOnly(statement!).includes(';'), `${label}: a statement without a ; of its own is wrapped in DELIMITER:\n${statement}`);
  }
  const outside = codeOnly(script.replace(block, ''));
  assert.not.match(outside, /\bBEGIN\b[^;]*;[\s\S]*?\bEND\b/i, `${label}: a compound body is not wrapped in DELIMITER`);
}

/** Applies a generated script statement by statement, one driver call each. */
async function applyScript(database: string, script: string, label: string): Promise<void> {
  assert.not.match(script, /^\s*(BEGIN|START TRANSACTION|COMMIT)\s*;/im, `${label} controls the transaction itself`);
  assertDelimiters(script, label);
  try {
    await target.execAll(database, splitMysqlStatements(script));
  } catch (error) {
    throw new Error(`${label} failed: ${(error as Error).message}\n--- ${label} ---\n${script}`);
  }
}

/** Applies a generated script file with the `mariadb` command-line client. */
async function applyWithClient(database: string, file: string, label: string): Promise<void> {
  try {
    await target.runClient(database, file);
  } catch (error) {
    throw new Error(`${label} failed: ${(error as Error).message}\n--- ${label} ---\n${fs.readFileSync(file, 'utf8')}`);
  }
}

function summarize(json: DiffJson, database: string): string[] {
  const plain = (name: string | undefined) => (name === database || name === '' ? 'app' : name);
  return json.differences
    .map((d) => {
      const side = d.from ?? d.to;
      const name = d.objectType === 'Schema' ? 'app' : `${plain(side?.schema)}.${side?.name}`;
      return `${d.differenceType} ${d.objectType} ${name}`;
    })
    .sort();
}

async function diffJson(from: string, to: string, artifact: string): Promise<DiffJson> {
  const result = await run('diff', `-source=${from}`, `-target=${to}`, `-artifactFilename=${artifact}`, '-outputType=json');
  assert.is(result.code, 0, `diff ${from} ${to} exited ${result.code}: ${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout) as DiffJson;
}

async function assertNoDifferences(from: string, to: string, artifact: string, context: string): Promise<void> {
  const json = await diffJson(from, to, artifact);
  if (json.differences.length === 0) return;
  const details = json.differences.map((d) => {
    const side = d.from ?? d.to;
    return `  ${d.differenceType} ${d.objectType} ${side?.schema}.${side?.name}\n    source: ${d.from?.definition ?? '-'}\n    target: ${d.to?.definition ?? '-'}`;
  });
  assert.unreachable(`${context}: diff ${from} → ${to} still finds differences:\n${details.join('\n')}`);
}

function assertSamePrint(expected: readonly string[], actual: readonly string[], context: string): void {
  const missing = expected.filter((line) => !actual.includes(line));
  const unexpected = actual.filter((line) => !expected.includes(line));
  assert.equal({ missing, unexpected }, { missing: [], unexpected: [] }, `${context}: the mysqldump fingerprint differs`);
}

async function runCase(c: Case): Promise<void> {
  const db = `c${c.n}`;
  const [s, t] = [`s_${c.n}`, `t_${c.n}`];
  const dir = path.join(work, 'cases', String(c.n));
  fs.mkdirSync(dir, { recursive: true });
  try {
    await load(source, db, c.source, 'source');
    await load(target, db, c.target, 'target');
    const sourcePrint = await mysqlFingerprint(source, db);
    const targetPrint = await mysqlFingerprint(target, db);
    assert.not.equal(sourcePrint, targetPrint, 'source and target have the same fingerprint: the case tests nothing');
    const snapshot = path.join(dir, 'target.json');
    const saved = await run('snapshot', `-source=${t}`, `-filename=${snapshot}`);
    assert.is(saved.code, 0, `snapshot exited ${saved.code}: ${saved.stderr}`);

    const artifact = path.join(dir, 'diff.artifact');
    const first = await diffJson(s, t, artifact);
    assert.equal(summarize(first, source.name(db)), c.expect, 'the first diff does not report the expected differences');
    const schemas = new Set(first.differences.map((d) => (d.from ?? d.to)?.schema));
    assert.equal([...schemas], [qualified(c) ? source.name(db) : ''], 'objects are qualified with the database exactly when `schemas` names it');

    const location = path.join(dir, 'scripts');
    const generated = await run('generate', `-artifactFilename=${artifact}`, `-generate.location=${location}`, '-generate.description=case', '-generate.types=versioned,undo', '-generate.version=1');
    assert.is(generated.code, 0, `generate exited ${generated.code}: ${generated.stdout}${generated.stderr}`);
    const versioned = fs.readFileSync(path.join(location, 'V1__case.sql'), 'utf8');
    const undo = fs.readFileSync(path.join(location, 'U1__case.sql'), 'utf8');
    assert.match(versioned, /DDL is not transactional/, 'the V script does not say that MySQL DDL is not transactional');
    if (!qualified(c)) {
      const statements = (script: string) => script.split('\n').filter((line) => !line.startsWith('--')).join('\n');
      assert.not.match(statements(versioned + undo), `\`${source.name(db)}\`.`, 'an unqualified comparison wrote a script that names the database');
    }

    await applyScript(db, versioned, 'V script');
    await assertNoDifferences(s, t, path.join(dir, 'after-v.artifact'), 'after V');
    assertSamePrint(sourcePrint, await mysqlFingerprint(target, db), 'after V');

    await applyScript(db, undo, 'U script');
    await assertNoDifferences(`snapshot:${snapshot}`, t, path.join(dir, 'after-u.artifact'), 'after U');
    assertSamePrint(targetPrint, await mysqlFingerprint(target, db), 'after U');

    await applyWithClient(db, path.join(location, 'V1__case.sql'), 'V script (mariadb client)');
    await assertNoDifferences(s, t, path.join(dir, 'after-v-client.artifact'), 'after V (mariadb client)');
    assertSamePrint(sourcePrint, await mysqlFingerprint(target, db), 'after V (mariadb client)');

    await applyWithClient(db, path.join(location, 'U1__case.sql'), 'U script (mariadb client)');
    await assertNoDifferences(`snapshot:${snapshot}`, t, path.join(dir, 'after-u-client.artifact'), 'after U (mariadb client)');
    assertSamePrint(targetPrint, await mysqlFingerprint(target, db), 'after U (mariadb client)');
  } finally {
    await source.dropDatabase(db).catch(() => {});
    await target.dropDatabase(db).catch(() => {});
  }
}

const CONCURRENCY = Math.max(1, Number(process.env['ROUNDTRIP_CONCURRENCY'] ?? 2));
const outcomes: Array<Promise<void>> = [];

function startAll(): void {
  const queue = cases.map((c, index) => ({ c, index }));
  const resolvers = cases.map(() => {
    let settle!: { resolve: () => void; reject: (e: unknown) => void };
    const promise = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    promise.catch(() => {});
    return { promise, settle };
  });
  resolvers.forEach((r, index) => (outcomes[index] = r.promise));
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      const { settle } = resolvers[item.index]!;
      await runCase(item.c).then(settle.resolve, settle.reject);
    }
  };
  for (let i = 0; i < CONCURRENCY; i++) void worker();
}

if (!skipWithoutMariadb()) {
  test.before(async () => {
    // The same database names on both servers: the target is a server of this file's own, with the prefix the shared one gives.
    const started = await Promise.allSettled([startMariadb(), startOwnMariadb({ prefix: databasePrefix() })]);
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) {
      console.error(`could not start MariaDB: ${String(failed.reason)}`);
      await Promise.allSettled(started.map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
      throw failed.reason;
    }
    [source, target] = started.map((r) => (r as PromiseFulfilledResult<TestMariadb>).value) as [TestMariadb, TestMariadb];
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-mysql-roundtrip-'));
    fs.writeFileSync(path.join(work, 'flyway.toml'), flywayToml());
    startAll();
  });

  test.after(async () => {
    await Promise.allSettled(outcomes);
    await Promise.allSettled([source?.stop(), target?.stop()]);
    if (!work) return;
    if (process.env['ROUNDTRIP_KEEP']) console.log(`ROUNDTRIP_KEEP: scripts and artifacts kept in ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  });

  test('the corpus has at least 40 cases', () => {
    if (filter.length > 0) return;
    assert.ok(cases.length >= 40, `only ${cases.length} cases`);
  });

  cases.forEach((c, index) => {
    test(`case ${c.file}`, async () => {
      try {
        await outcomes[index];
      } catch (error) {
        if (error instanceof Error && error.message.includes('\n')) error.stack = error.message.split('\n')[0];
        throw error;
      }
    });
  });

  test.run();
}
