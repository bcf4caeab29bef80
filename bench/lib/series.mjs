// What bench/run.mjs and bench/lib/migrations-bench.mjs share: progress logging, a named series of
// timed runs of one command (medians of time and peak RSS), the rows of `parity diff`'s table output,
// and one extra run under `node --cpu-prof`, summarized.
import fs from 'node:fs';
import path from 'node:path';
import { summarizeProfile } from './cpu-profile.mjs';
import { median, timed } from './measure.mjs';

export function log(message) {
  const t = new Date().toISOString().slice(11, 19);
  process.stderr.write(`[bench ${t}] ${message}\n`);
}

export const mb = (kb) => kb / 1024;
export const fileMb = (file) => (fs.existsSync(file) ? fs.statSync(file).size / 1024 / 1024 : NaN);

/** Rows of the diff table printed by `parity diff` (table output): [change, objectType, schema, name]. */
export function diffRows(stdout) {
  const rows = [];
  for (const line of stdout.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length >= 7 && /^(Add|Edit|Delete)$/.test(cells[2])) rows.push(cells.slice(2, 6));
  }
  return rows;
}

/** A named series of runs of one command; measureOnce() adds runs, summarize() the medians. */
export function makeMeasurement(key, label, { baseline = false } = {}) {
  return { key, label, baseline, runs: [], errors: [], notes: [] };
}

export function summarize(m) {
  const okRuns = m.runs.filter((r) => r.ok);
  m.medianSeconds = median(okRuns.map((r) => r.seconds));
  m.medianRssMb = median(okRuns.map((r) => mb(r.rssKb)));
  m.maxRssMb = Math.max(...okRuns.map((r) => mb(r.rssKb)));
  m.ok = okRuns.length > 0 && m.errors.length === 0;
  return m;
}

export async function measureOnce(m, command, args, ctx, round) {
  const base = path.join(ctx.workDir, `${m.key}-run${round}`);
  const result = await timed(command, args, {
    cwd: ctx.workDir,
    env: ctx.env,
    outFile: `${base}.stdout`,
    errFile: `${base}.stderr`,
    timeFile: `${base}.time`,
    ...(ctx.timeoutMs ? { timeoutMs: ctx.timeoutMs } : {}),
  });
  m.runs.push(result);
  if (!result.ok) {
    m.errors.push(result.error);
    log(`  ${m.label}: FAILED (${result.error})`);
  } else {
    log(`  ${m.label} [run ${round}]: ${result.seconds.toFixed(2)} s, ${mb(result.rssKb).toFixed(0)} MB`);
  }
  return result;
}

/** A check of a run's output failed: the series is an error (shown as ERROR, fails its target, exit code 1). */
export function checkFailed(m, problem) {
  if (m.errors.includes(problem)) return;
  m.errors.push(problem);
  log(`  ${m.label}: CHECK FAILED: ${problem}`);
}

export function skipped(m, reason) {
  m.skipped = reason;
  log(`  ${m.label}: skipped (${reason})`);
}

/**
 * One extra, untimed run of `node --cpu-prof CLI args` in ctx.workDir, summarized (see cpu-profile.mjs).
 * `name` names the profile's folder and output files in the work dir.
 */
export async function profileRun(cli, ctx, label, args, name) {
  const dir = path.join(ctx.workDir, name);
  fs.mkdirSync(dir, { recursive: true });
  log(`  profiling ${label}`);
  const result = await timed(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, cli, ...args], {
    cwd: ctx.workDir, env: ctx.env, outFile: `${dir}.stdout`, errFile: `${dir}.stderr`, timeFile: `${dir}.time`,
  });
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!result.ok || !file) return { label, error: result.error ?? 'no profile written' };
  try {
    return { label, seconds: result.seconds, ...summarizeProfile(path.join(dir, file), { top: 8 }) };
  } catch (error) {
    return { label, error: `cannot read the profile: ${error.message}` };
  }
}
