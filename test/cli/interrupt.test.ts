/**
 * Ctrl-C (SIGINT) and SIGTERM leave nothing behind (src/interrupt.ts):
 * - the shared mechanism: temporary files of atomic writes are removed on a signal and at exit, and
 *   the process ends with 128 + the signal's number;
 * - `dataDiff -materialize` interrupted while it streams differences: no hidden `.<name>.*.tmp`;
 * - the embedded PostgreSQL interrupted at any moment of its start: no data directory and no
 *   `pg-password-*` file (the package writes the server's password there for initdb), over repeated
 *   runs at different moments, SIGINT and SIGTERM.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { interruptBinaryWhen } from '../support/cli.ts';
import { environmentSection } from '../support/flyway-toml.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

let pg: TestPostgres;
let work: string;

test.before(async () => {
  pg = await startPostgres();
  await pg.createDatabase('big');
  // Every one of 300,000 rows differs: the JOIN streams differences for seconds.
  await pg.exec(
    'big',
    `CREATE TABLE a (id integer PRIMARY KEY, v text); CREATE TABLE b (id integer PRIMARY KEY, v text);
     INSERT INTO a SELECT g, 'left ' || g FROM generate_series(1, 300000) g;
     INSERT INTO b SELECT g, 'right ' || g FROM generate_series(1, 300000) g;`,
  );
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-interrupt-'));
  fs.writeFileSync(path.join(work, 'flyway.toml'), environmentSection('big', pg.jdbcUrl('big'), pg.user, 'PG_PW'));
  fs.mkdirSync(path.join(work, 'schema-models', 'Tables'), { recursive: true });
  fs.writeFileSync(path.join(work, 'schema-models', 'Tables', 'public.t.sql'), 'CREATE TABLE public.t (id integer PRIMARY KEY);\n');
  // 400 more tables keep the run going for seconds after the embedded server has started (about 6 s
  // in all on an idle machine), so that every delay of the interrupt test below lands while it runs:
  // with one table, a quick machine had finished the whole diff before the 2 s signal (exit 0).
  const pad = Array.from({ length: 400 }, (_, i) => `CREATE TABLE public.pad_${i} (id integer PRIMARY KEY, v text, w integer);\n`).join('');
  fs.writeFileSync(path.join(work, 'schema-models', 'Tables', 'public.pad.sql'), pad);
});

test.after(async () => {
  await pg?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** Runs `script` (TypeScript, through tsx), sends `signal` once it prints `ready`; resolves with its exit code. */
function runScript(script: string, signal: NodeJS.Signals | undefined): Promise<number | null> {
  const file = path.join(work, `script-${Date.now()}.ts`);
  fs.writeFileSync(file, script);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk: Buffer) => {
      if (signal !== undefined && chunk.toString().includes('ready')) child.kill(signal);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      fs.rmSync(file, { force: true });
      resolve(code);
    });
  });
}

const writerScript = (dir: string, end: string) => `
import fs from 'node:fs';
import path from 'node:path';
import { temporaryBeside, writeFileAtomic } from ${JSON.stringify(path.join(ROOT, 'src', 'files.ts'))};
const dir = ${JSON.stringify(dir)};
const open = temporaryBeside(path.join(dir, 'a.json'));
fs.writeFileSync(open.path, 'half a file');
const done = temporaryBeside(path.join(dir, 'b.json'));
fs.writeFileSync(done.path, 'b');
fs.renameSync(done.path, path.join(dir, 'b.json'));
done.release();
writeFileAtomic(path.join(dir, 'c.json'), 'c');
${end}
`;

test('temporary files of atomic writes go on SIGINT (exit 130), SIGTERM (exit 143) and at exit; finished files stay', async () => {
  for (const [signal, expected] of [['SIGINT', 130], ['SIGTERM', 143], [undefined, 0]] as const) {
    const dir = fs.mkdtempSync(path.join(work, 'writes-'));
    const end = signal === undefined ? 'process.exit(0);' : "process.stdout.write('ready\\n');\nsetTimeout(() => {}, 60_000);";
    const code = await runScript(writerScript(dir, end), signal);
    assert.is(code, expected, String(signal));
    assert.equal(fs.readdirSync(dir).sort(), ['b.json', 'c.json'], String(signal));
  }
});

test('Ctrl-C or SIGTERM while dataDiff -materialize streams differences leaves no temporary file', async () => {
  for (const [signal, expected] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    const out = fs.mkdtempSync(path.join(work, 'out-'));
    const args = ['dataDiff', '-source=big', '-target=big', '-table=a', '-targetTable=b', '-key=id', '-algorithm=joindiff', `-materialize=${path.join(out, 'diff.jsonl')}`];
    const code = await interruptBinaryWhen(
      args,
      { cwd: work, env: { PG_PW: pg.password } },
      () => fs.readdirSync(out).some((f) => /^\.diff\.jsonl\..*\.tmp$/.test(f) && fs.statSync(path.join(out, f)).size > 0),
      'the materialized file being written',
      signal,
    );
    assert.is(code, expected, signal);
    assert.equal(fs.readdirSync(out), [], signal);
  }
});

test('the embedded PostgreSQL interrupted at any moment of its start leaves no data directory and no pg-password file', async () => {
  // Before the fix, a signal during initdb (roughly 0.3 to 1.5 s in) left the password file behind.
  const delays = [0, 250, 500, 750, 1000, 1300, 1600, 2000];
  for (const [i, delay] of delays.entries()) {
    const signal = i % 2 === 0 ? 'SIGINT' : 'SIGTERM';
    // The server runs as the postgres user (as root), which must reach its data directory.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-interrupt-tmp-'));
    fs.chmodSync(tmp, 0o755);
    let seen: number | undefined;
    const code = await interruptBinaryWhen(
      ['diff', '-source=schemaModel', '-target=empty', '-configFiles=flyway.toml'],
      { cwd: work, env: { TMPDIR: tmp, PG_PW: pg.password } },
      () => {
        if (seen === undefined && fs.readdirSync(tmp).some((e) => e.startsWith('parity-pg-'))) seen = Date.now();
        return seen !== undefined && Date.now() - seen >= delay;
      },
      'the embedded server starting',
      signal,
    );
    const what = `${signal} ${delay} ms after the data directory appeared`;
    assert.is(code, signal === 'SIGINT' ? 130 : 143, what);
    const left = fs.readdirSync(tmp).filter((e) => e.startsWith('pg-') || e.startsWith('parity-pg-'));
    assert.equal(left, [], what);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test.run();
