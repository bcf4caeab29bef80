// The live-database series both the PostgreSQL and the MySQL benchmark run on a loaded database named by
// the `bench` environment of ctx.workDir/flyway.toml: `parity snapshot`, the dump tool (the baseline) and
// `parity diff -source=bench -target=empty`, interleaved round by round; then `parity diff` of two
// snapshots of the same database (identical) and of a snapshot taken after a few changes; checks of
// what the commands produced; and, when asked, one extra run of each parity command under --cpu-prof.
import fs from 'node:fs';
import path from 'node:path';
import { timed } from './measure.mjs';
import { checkFailed, diffRows, fileMb, log, makeMeasurement, measureOnce, profileRun, skipped, summarize } from './series.mjs';

/**
 * A work dir with a flyway.toml whose `bench` environment is `url` (the password from BENCH_PASSWORD),
 * and the context the commands run in: { workDir, env } with that password also in `passwordVariable`
 * (the dump tool's: PGPASSWORD, MYSQL_PWD).
 */
export function benchProject({ workDir, url, user, password, passwordVariable, schemas }) {
  fs.mkdirSync(workDir, { recursive: true });
  fs.writeFileSync(path.join(workDir, 'flyway.toml'), [
    '[environments.bench]',
    `url = "${url}"`,
    `user = "${user}"`,
    'password = "${env.BENCH_PASSWORD}"',
    ...(schemas ? [`schemas = [${schemas.map((s) => `"${s}"`).join(', ')}]`] : []),
    '',
  ].join('\n'));
  return {
    workDir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', LANG: 'C', BENCH_PASSWORD: password, [passwordVariable]: password },
  };
}

/**
 * Measures one loaded database. Options:
 *   cli, ctx ({ workDir, env }), runs, label (for progress, e.g. "size 1000"), profile (boolean)
 *   baseline: { key, label, command, args(round), file(round) }: the dump tool, writing file(round) in the work dir
 *   applyChanges(): makes the few changes of the "a few changes" pair (after the live measurements)
 *   changesExpected: how many objects those changes touch
 *   expectedTopLevel: the least number of differences of the diff against empty (a note when fewer)
 *   expectedObjects: when given, the exact object count of every snapshot and difference count of the diff against empty
 *   strict: a failed check (counts, byte-identical snapshots, differences of the pairs) makes its series an error
 *   slowSeconds: when a live command's first run takes longer, that size gets one round only, the "identical" pair
 *     diffs the snapshot against a copy of itself, and the "a few changes" pair and the profile are left out
 *     (each would need more runs of the slow command)
 * Returns { measurements (summarized, in the report's order), profiles }.
 */
export async function measureLive({ cli, ctx, runs, label, profile, baseline, applyChanges, changesExpected, expectedTopLevel, expectedObjects, strict = false, slowSeconds = Infinity }) {
  const problem = (m, text) => (strict ? checkFailed(m, text) : m.notes.push(text));
  const parity = (...args) => [cli, ...args];
  const node = process.execPath;
  const workDir = ctx.workDir;

  const snapshot = makeMeasurement('snapshot', '`parity snapshot -source=bench`');
  const dump = makeMeasurement(baseline.key, baseline.label, { baseline: true });
  const diffEmpty = makeMeasurement('diff-empty', '`parity diff -source=bench -target=empty`');
  const diffSame = makeMeasurement('diff-snap-same', '`parity diff snapshot:A snapshot:B` (identical)');
  const diffFew = makeMeasurement('diff-snap-few', '`parity diff snapshot:A snapshot:C` (a few changes)');

  // Live measurements, interleaved round by round so machine noise hits them alike.
  let slow = false;
  for (let round = 1; round <= runs && !slow; round++) {
    log(`${label}: round ${round}/${runs}`);
    await measureOnce(snapshot, node, parity('snapshot', '-source=bench', `-filename=snapshot-${round}.json`), ctx, round);
    await measureOnce(dump, baseline.command, baseline.args(round), ctx, round);
    await measureOnce(diffEmpty, node, parity('diff', '-source=bench', '-target=empty', `-artifactFilename=diff-empty-${round}.artifact`), ctx, round);
    slow = [snapshot, dump, diffEmpty].some((m) => m.runs[round - 1]?.seconds > slowSeconds);
    if (slow && round < runs) {
      log(`${label}: a run took over ${slowSeconds} s: one round only`);
      for (const m of [snapshot, dump, diffEmpty]) m.notes.push(`1 run only (a live command took over ${slowSeconds} s)`);
    }
  }

  // Checks of what the commands produced.
  const snapshotObjects = snapshot.runs.find((r) => r.ok)?.stdout.match(/\((\d+) objects/)?.[1];
  if (snapshotObjects) snapshot.notes.push(`${snapshotObjects} objects`);
  if (expectedObjects !== undefined) {
    for (const r of snapshot.runs.filter((x) => x.ok)) {
      const count = Number(r.stdout.match(/\((\d+) objects/)?.[1]);
      if (count !== expectedObjects) problem(snapshot, `${Number.isFinite(count) ? count : 'no'} objects reported, expected ${expectedObjects}`);
    }
  }
  const snapshotFile = (n) => path.join(workDir, `snapshot-${n}.json`);
  if (fs.existsSync(snapshotFile(1))) snapshot.notes.push(`file ${fileMb(snapshotFile(1)).toFixed(1)} MB`);
  const okSnapshots = snapshot.runs.map((r, i) => i + 1).filter((n) => snapshot.runs[n - 1].ok && fs.existsSync(snapshotFile(n)));
  if (okSnapshots.length >= 2) {
    const same = okSnapshots.every((n) => fs.readFileSync(snapshotFile(n)).equals(fs.readFileSync(snapshotFile(okSnapshots[0]))));
    if (same) snapshot.notes.push('runs byte-identical');
    else problem(snapshot, 'runs NOT byte-identical');
    snapshot.identical = same;
  }
  if (fs.existsSync(path.join(workDir, baseline.file(1)))) dump.notes.push(`file ${fileMb(path.join(workDir, baseline.file(1))).toFixed(1)} MB`);
  const emptyRun = diffEmpty.runs.find((r) => r.ok);
  if (emptyRun) {
    const rows = diffRows(emptyRun.stdout);
    diffEmpty.notes.push(`${rows.length} differences`);
    const artifact = path.join(workDir, 'diff-empty-1.artifact');
    if (fs.existsSync(artifact)) diffEmpty.notes.push(`artifact ${fileMb(artifact).toFixed(1)} MB`);
    if (expectedTopLevel !== undefined && rows.length < expectedTopLevel) diffEmpty.notes.push(`expected at least ${expectedTopLevel}`);
    if (expectedObjects !== undefined && rows.length !== expectedObjects) problem(diffEmpty, `${rows.length} differences, expected ${expectedObjects}`);
    if (strict && rows.some((r) => r[0] !== 'Add')) problem(diffEmpty, 'differences other than Add');
  }

  // Snapshot vs snapshot: two snapshots of the same database (zero differences).
  const untimedSnapshot = (name) => {
    const base = path.join(workDir, `snapshot-${name}`);
    return timed(node, parity('snapshot', '-source=bench', `-filename=snapshot-${name}.json`), {
      cwd: workDir, env: ctx.env, outFile: `${base}.stdout`, errFile: `${base}.stderr`, timeFile: `${base}.time`,
    });
  };
  if (okSnapshots.length === 1 && slow) {
    fs.copyFileSync(snapshotFile(okSnapshots[0]), snapshotFile('copy'));
    okSnapshots.push('copy');
    diffSame.notes.push('against a copy of the same snapshot file');
  } else if (okSnapshots.length === 1) {
    // --runs=1: take a second (untimed) snapshot for the pair.
    const extra = await untimedSnapshot('extra');
    if (extra.ok) okSnapshots.push('extra');
  }
  if (okSnapshots.length >= 2) {
    const [a, b] = okSnapshots;
    for (let round = 1; round <= runs; round++) {
      await measureOnce(diffSame, node, parity('diff', `-source=snapshot:snapshot-${a}.json`, `-target=snapshot:snapshot-${b}.json`, `-artifactFilename=diff-same-${round}.artifact`), ctx, round);
    }
    const run = diffSame.runs.find((r) => r.ok);
    if (run) {
      const rows = diffRows(run.stdout);
      diffSame.differences = rows.length;
      if (/No differences found/.test(run.stdout)) diffSame.notes.push('No differences found');
      else problem(diffSame, `${rows.length} differences (expected none)`);
    }
  } else if (okSnapshots.length === 1 || snapshot.runs.some((r) => r.ok)) {
    skipped(diffSame, 'needs two successful snapshots');
  } else {
    skipped(diffSame, '`parity snapshot` failed');
  }

  // Snapshot vs snapshot with a few differences: change the database, snapshot it again (untimed).
  if (slow) {
    skipped(diffFew, `another snapshot would take over ${slowSeconds} s`);
  } else if (okSnapshots.length >= 1) {
    await applyChanges();
    const changed = await untimedSnapshot('changed');
    if (!changed.ok) {
      diffFew.errors.push(`snapshot of the changed database failed: ${changed.error}`);
      log(`  snapshot of the changed database failed: ${changed.error}`);
    } else {
      for (let round = 1; round <= runs; round++) {
        await measureOnce(diffFew, node, parity('diff', `-source=snapshot:snapshot-${okSnapshots[0]}.json`, '-target=snapshot:snapshot-changed.json', `-artifactFilename=diff-few-${round}.artifact`), ctx, round);
      }
      const run = diffFew.runs.find((r) => r.ok);
      if (run) {
        const rows = diffRows(run.stdout);
        diffFew.rows = rows;
        diffFew.notes.push(`${rows.length} differences (${changesExpected} objects changed)`);
        if (strict && rows.length !== changesExpected) problem(diffFew, `${rows.length} differences, expected ${changesExpected}`);
      }
    }
  } else {
    skipped(diffFew, '`parity snapshot` failed');
  }

  const profiles = profile && !slow ? await profileCommands(cli, ctx, okSnapshots) : undefined;
  return { measurements: [snapshot, dump, diffEmpty, diffSame, diffFew].map(summarize), profiles };
}

/** One extra, untimed run of each parity command under `node --cpu-prof`, summarized. */
async function profileCommands(cli, ctx, okSnapshots) {
  const commands = [['`parity snapshot -source=bench`', ['snapshot', '-source=bench', '-filename=snapshot-profile.json']],
    ['`parity diff -source=bench -target=empty`', ['diff', '-source=bench', '-target=empty', '-artifactFilename=diff-empty-profile.artifact']]];
  if (okSnapshots.length >= 2) {
    commands.push(['`parity diff snapshot:A snapshot:B` (identical)', ['diff', `-source=snapshot:snapshot-${okSnapshots[0]}.json`, `-target=snapshot:snapshot-${okSnapshots[1]}.json`, '-artifactFilename=diff-same-profile.artifact']]);
  }
  const out = [];
  for (const [label, args] of commands) out.push(await profileRun(cli, ctx, label, args, `profile-${out.length}`));
  return out;
}
