// Runs one command under GNU time (`/usr/bin/time -f '%e %M'`): elapsed seconds and the maximum
// resident set size of the command's process in KB. stdout/stderr of the command go to files.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export const GNU_TIME = '/usr/bin/time';

export function timePresent() {
  return fs.existsSync(GNU_TIME);
}

/** Children currently running, so a signal handler can end them; once `aborted`, nothing new starts. */
export const running = new Set();
export const control = { aborted: false };

/**
 * Runs `command args` under GNU time. Returns { ok, code, seconds, rssKb, stdout, stderr, error }.
 * stdout/stderr are read back from `outFile`/`errFile` (kept so the caller can inspect big output).
 */
export function timed(command, args, { cwd, env, outFile, errFile, timeFile, timeoutMs = 20 * 60_000 }) {
  if (control.aborted) return Promise.resolve({ ok: false, code: -1, seconds: NaN, rssKb: NaN, stdout: '', stderr: '', error: 'interrupted' });
  return new Promise((resolve) => {
    const out = fs.openSync(outFile, 'w');
    const err = fs.openSync(errFile, 'w');
    fs.rmSync(timeFile, { force: true });
    // Own process group (detached), so a timeout or a signal handler can end time and its command together.
    const child = spawn(GNU_TIME, ['-f', '%e %M', '-o', timeFile, command, ...args], { cwd, env, stdio: ['ignore', out, err], detached: true });
    running.add(child);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    const finish = (code, spawnError) => {
      clearTimeout(timer);
      running.delete(child);
      fs.closeSync(out);
      fs.closeSync(err);
      const stdout = fs.readFileSync(outFile, 'utf8');
      const stderr = fs.readFileSync(errFile, 'utf8');
      let seconds = NaN;
      let rssKb = NaN;
      if (fs.existsSync(timeFile)) {
        // GNU time writes "Command exited with non-zero status N" before the format line on failure.
        const lines = fs.readFileSync(timeFile, 'utf8').trim().split('\n');
        const match = /^(\d+(?:\.\d+)?) (\d+)$/.exec(lines[lines.length - 1] ?? '');
        if (match) {
          seconds = Number(match[1]);
          rssKb = Number(match[2]);
        }
      }
      const ok = !spawnError && !timedOut && code === 0;
      let error;
      if (spawnError) error = String(spawnError.message ?? spawnError);
      else if (timedOut) error = `timed out after ${Math.round(timeoutMs / 1000)} s`;
      else if (code !== 0) error = `exit code ${code}: ${errorSummary(stderr.trim() || stdout.trim())}`;
      resolve({ ok, code, seconds, rssKb, stdout, stderr, error });
    };
    child.on('error', (e) => finish(-1, e));
    child.on('close', (code) => finish(code ?? -1));
  });
}

/** The line that says what went wrong: parity's `ERROR: ...` line, or the thrown error of a crash. */
function errorSummary(text) {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /^ERROR:/.test(l)) ?? lines.find((l) => /^(\w*Error\b|Error \[)/.test(l)) ?? lines.slice(0, 3).join(' / ');
  return (line ?? '').slice(0, 600);
}

/** Ends a child started by timed() together with the command it runs. */
export function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
}

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
