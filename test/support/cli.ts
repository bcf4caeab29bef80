/**
 * Running parity from tests, two ways with the same result shape:
 * - `runCli`: `main(argv, env, io)` in this process (src/cli/main.ts), with captured stdout/stderr:
 *   what almost every test uses, about seven times cheaper than a process.
 * - `runBinary`: the built binary (dist/cli/bin.js) in its own process, for the black-box tests that
 *   are about the process itself: exit codes, signals, what reaches the real streams.
 * Both give the CLI a clean environment: PATH, HOME, TMPDIR and what the test passes, nothing else of
 * the test process's (so a FLYWAY_* variable of the person running the tests cannot leak in).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { main } from '../../src/cli/main.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
/** The built `parity` binary. */
export const CLI = path.join(root, 'dist', 'cli', 'bin.js');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly cwd: string;
  readonly env?: Record<string, string>;
}

export interface BinaryOptions extends CliOptions {
  /** Kill the binary (SIGKILL) after this long: the result then has code -1 and says so on stderr. */
  readonly timeoutMs?: number;
}

function cliEnvironment(options: CliOptions): Record<string, string> {
  const tmp = process.env['TMPDIR'];
  return { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ...(tmp ? { TMPDIR: tmp } : {}), ...options.env };
}

/** Runs `parity <args>` in process. */
export async function runCli(args: readonly string[], options: CliOptions): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, cliEnvironment(options), {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: options.cwd,
  });
  return { code, stdout, stderr };
}

/**
 * Starts the built binary, polls `ready()` every 25 ms (for up to 30 s) and, once it holds, sends
 * `signal` (SIGINT, as Ctrl-C would, unless told otherwise); resolves with the exit code. Rejects when
 * `ready()` never held (the test would otherwise prove nothing about an interruption).
 */
export async function interruptBinaryWhen(
  args: readonly string[],
  options: CliOptions,
  ready: () => boolean | Promise<boolean>,
  what: string,
  signal: NodeJS.Signals = 'SIGINT',
): Promise<number | null> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env: cliEnvironment(options), stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (let i = 0; i < 1200; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    if (await ready()) {
      child.kill(signal);
      return exited;
    }
  }
  child.kill('SIGKILL');
  await exited;
  throw new Error(`${what} never happened`);
}

/** Runs the built binary as a user would, in its own process. */
export function runBinary(args: readonly string[], options: BinaryOptions): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env: cliEnvironment(options) });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), options.timeoutMs);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: timedOut ? -1 : (code ?? -1), stdout, stderr: timedOut ? `${stderr}(killed after ${options.timeoutMs} ms)` : stderr });
    });
  });
}
