/**
 * `main(argv, env, io)` touches nothing of the process: results and messages go to the `io` it is
 * given (progress only when that stderr is a terminal), the working directory is `io.cwd`, the temp
 * directory (the default artifact) comes from `env`, and the exit code is returned.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { main, tempDirectoryOf } from '../../src/cli/main.ts';
import { Output, type CliIo } from '../../src/output/streams.ts';

function capture(cwd: string, tty = false): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text), isTTY: tty },
    stderr: { write: (text: string) => (err += text), isTTY: tty },
    cwd,
    out: () => out,
    err: () => err,
  };
}

test('results to io.stdout, errors to io.stderr, the exit code returned; the process streams untouched', async () => {
  const writes: string[] = [];
  const originals = [process.stdout.write, process.stderr.write];
  process.stdout.write = ((chunk: string) => (writes.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => (writes.push(String(chunk)), true)) as typeof process.stderr.write;
  const exitCode = process.exitCode;
  let version: ReturnType<typeof capture>;
  let unknown: ReturnType<typeof capture>;
  let codes: number[];
  try {
    version = capture(os.tmpdir());
    unknown = capture(os.tmpdir());
    codes = [await main(['--version'], {}, version), await main(['nope'], {}, unknown)];
  } finally {
    [process.stdout.write, process.stderr.write] = originals as [typeof process.stdout.write, typeof process.stderr.write];
  }
  assert.equal(codes, [0, 2]);
  assert.match(version.out(), /^parity \d+\.\d+\.\d+\n$/);
  assert.is(version.err(), '');
  assert.is(unknown.out(), '');
  assert.match(unknown.err(), /^ERROR: unknown command "nope" \(commands: diff, .*\) \(parity\)\n$/);
  assert.equal(writes, [], 'main wrote to the process streams');
  assert.is(process.exitCode, exitCode, 'main set the process exit code');
});

test('relative paths start from io.cwd; the default artifact goes to the TMPDIR of env (a folder of the user, a file of the project)', async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-main-io-'));
  try {
    const tmp = path.join(work, 'tmp');
    fs.mkdirSync(tmp);
    fs.mkdirSync(path.join(work, 'project'));
    const io = capture(work);
    const code = await main(['diff', '-source=empty', '-target=empty', '-outputType=json'], { TMPDIR: tmp }, io);
    assert.is(code, 0, io.err());
    const folder = path.join(tmp, `parity.${process.getuid!()}`);
    const [artifact] = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
    assert.ok(artifact !== undefined, 'no artifact in the TMPDIR of env');
    assert.match(artifact!, new RegExp(`^${path.basename(work)}-[0-9a-f]{12}\\.artifact$`));
    assert.is(io.err(), `diff artifact generated: ${path.join(folder, artifact!)}\n`);
    assert.equal(JSON.parse(io.out()).differences, []);
    const named = capture(work);
    assert.is(await main(['diff', '-source=empty', '-target=empty', '-artifactFilename=out/a.artifact'], {}, named), 0, named.err());
    assert.ok(fs.existsSync(path.join(work, 'out', 'a.artifact')), '-artifactFilename is not relative to io.cwd');
    const moved = capture(work);
    assert.is(await main(['diff', '-source=empty', '-target=empty', '-workingDirectory=project', '-artifactFilename=out/b.artifact'], {}, moved), 0, moved.err());
    assert.ok(fs.existsSync(path.join(work, 'project', 'out', 'b.artifact')), 'a relative -workingDirectory does not start from io.cwd');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('every command has its own help with its parameters and examples: parity CMD --help and parity help CMD', async () => {
  const all = capture('/');
  assert.is(await main(['help'], {}, all), 0);
  const commands = [...all.out().matchAll(/^  (\w+) {2,}/gm)].map((m) => m[1]!);
  assert.equal(commands, ['diff', 'diffText', 'snapshot', 'model', 'generate', 'migrate', 'info', 'dataDiff', 'check']);
  for (const command of commands) {
    const io = capture('/');
    assert.is(await main([command, '--help'], {}, io), 0, io.err());
    assert.match(io.out(), new RegExp(`^Usage: parity ${command} `));
    assert.match(io.out(), command === 'info' ? '\nParameters:\n  (none of its own: only the parameters of every command)\n' : /\nParameters:\n {2}-/);
    assert.match(io.out(), new RegExp(`\nExamples:\n(?: {2}.*\n)* {2}parity ${command} `));
    const other = capture('/');
    assert.is(await main(['help', command], {}, other), 0);
    assert.is(other.out(), io.out());
  }
  const unknown = capture('/');
  assert.is(await main(['help', 'nope'], {}, unknown), 2);
});

test('tempDirectoryOf reads TMPDIR, TMP, TEMP in that order, else /tmp, without a trailing slash', () => {
  assert.is(tempDirectoryOf({ TMPDIR: '/a/', TMP: '/b', TEMP: '/c' }), '/a');
  assert.is(tempDirectoryOf({ TMP: '/b', TEMP: '/c' }), '/b');
  assert.is(tempDirectoryOf({ TEMP: '/c' }), '/c');
  assert.is(tempDirectoryOf({}), '/tmp');
  assert.is(tempDirectoryOf({ TMPDIR: '/' }), '/');
});

test('Output: progress and its clearing only on a terminal; colour only on a terminal without NO_COLOR', () => {
  const pipe = capture('/');
  const piped = new Output(pipe);
  assert.is(piped.progressReporter(), undefined);
  piped.endProgress();
  assert.is(piped.color, false);
  assert.is(pipe.err(), '');

  const terminal = capture('/', true);
  const shown = new Output(terminal);
  shown.endProgress();
  assert.is(terminal.err(), '', 'nothing to clear before any progress was shown');
  shown.progressReporter()!('reading');
  assert.match(terminal.err(), /^\r\x1b\[2K\[\d+\.\ds\] reading$/);
  shown.endProgress();
  assert.match(terminal.err(), /reading\r\x1b\[2K$/);
  assert.is(shown.color, true);
  assert.is(new Output(terminal, false).color, false);

  const warnings = capture('/');
  const warn = new Output(warnings).warning;
  warn('detached');
  assert.is(warnings.err(), 'WARNING: detached\n');
});

test.run();
