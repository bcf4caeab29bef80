import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ParityError } from '../../src/errors.ts';
import { compareVersions, parseVersion } from '../../src/generate/versioning.ts';
import { flywayChecksum } from '../../src/migrations/checksum.ts';
import type { MigrationSet, ResolvedMigration } from '../../src/migrations/migration-files.ts';
import { currentVersion, migrationInfo, type MigrationInfo } from '../../src/migrations/migration-info.ts';
import { planMigrations, type PlanOptions } from '../../src/migrations/migration-plan.ts';
import { SCHEMA_MARKER_DESCRIPTION, type HistoryRow } from '../../src/migrations/schema-history.ts';
import { catchParityError } from '../support/parity-error.ts';

// --- builders ------------------------------------------------------------------------------------

function versioned(versionText: string, description: string, text = `-- V${versionText} ${description}\nSELECT ${versionText.length};\n`): ResolvedMigration {
  const version = parseVersion(versionText);
  if (version === undefined) throw new Error(`not a version: ${versionText}`);
  const script = `V${versionText.replace(/\./g, '_')}__${description.replace(/ /g, '_')}.sql`;
  return { category: 'Versioned', version, versionText, description, script, shownPath: `migrations/${script}`, text, checksum: flywayChecksum(text) };
}

function undo(versionText: string, description: string): ResolvedMigration {
  const version = parseVersion(versionText);
  if (version === undefined) throw new Error(`not a version: ${versionText}`);
  const script = `U${versionText}__${description.replace(/ /g, '_')}.sql`;
  const text = `-- undo ${versionText}\n`;
  return { category: 'Undo', version, versionText, description, script, shownPath: `migrations/${script}`, text, checksum: flywayChecksum(text) };
}

function repeatable(description: string, text = `CREATE OR REPLACE VIEW ${description.replace(/ /g, '_')} AS SELECT 1;\n`): ResolvedMigration {
  const script = `R__${description.replace(/ /g, '_')}.sql`;
  return { category: 'Repeatable', description, script, shownPath: `migrations/${script}`, text, checksum: flywayChecksum(text) };
}

/** A MigrationSet as readMigrations returns it: versioned and undo by version, repeatables by description. */
function migrationSet(...migrations: ResolvedMigration[]): MigrationSet {
  const byVersion = (a: ResolvedMigration, b: ResolvedMigration) => compareVersions(a.version!, b.version!);
  return {
    versioned: migrations.filter((m) => m.category === 'Versioned').sort(byVersion),
    undo: migrations.filter((m) => m.category === 'Undo').sort(byVersion),
    repeatable: migrations.filter((m) => m.category === 'Repeatable').sort((a, b) => (a.description < b.description ? -1 : a.description > b.description ? 1 : 0)),
  };
}

/** The history row Flyway writes after running `migration` successfully (override any column). */
function applied(migration: ResolvedMigration, installedRank: number, overrides: Partial<HistoryRow> = {}): HistoryRow {
  return {
    installedRank,
    version: migration.versionText ?? null,
    description: migration.description,
    type: 'SQL',
    script: migration.script,
    checksum: migration.checksum,
    installedBy: 'deployer',
    installedOn: `2024-06-0${Math.min(installedRank, 9)}T10:00:00.000Z`,
    executionTime: 10 * installedRank,
    success: true,
    ...overrides,
  };
}

function schemaMarker(installedRank = 1): HistoryRow {
  return {
    installedRank,
    version: null,
    description: SCHEMA_MARKER_DESCRIPTION,
    type: 'SCHEMA',
    script: '"sales"',
    checksum: null,
    installedBy: 'deployer',
    installedOn: '2024-06-01T09:00:00.000Z',
    executionTime: 0,
    success: true,
  };
}

const OPTIONS: PlanOptions = { outOfOrder: false, targetSetting: '-target', cherryPickSetting: '-cherryPick' };

function plan(set: MigrationSet, history: readonly HistoryRow[], options: Partial<PlanOptions> = {}): string[] {
  return planMigrations(set, history, { ...OPTIONS, ...options }).map((m) => m.versionText ?? `R:${m.description}`);
}

/** [version or R:description, state] of every info entry, in order. */
function states(infos: readonly MigrationInfo[]): Array<[string, string]> {
  return infos.map((i) => [i.version ?? `${i.category === 'Schema' ? 'S' : 'R'}:${i.description}`, i.state]);
}


const V1 = versioned('1', 'init');
const V1_1 = versioned('1.1', 'add table');
const V2 = versioned('2', 'add orders');
const V3 = versioned('3', 'add index');
const VIEWS = repeatable('views');
const FUNCS = repeatable('funcs');

// --- migrationInfo -------------------------------------------------------------------------------

test('info: nothing applied: every file is Pending, with no installed data', () => {
  const infos = migrationInfo(migrationSet(V2, V1, VIEWS), []);
  assert.equal(states(infos), [
    ['1', 'Pending'],
    ['2', 'Pending'],
    ['R:views', 'Pending'],
  ]);
  const first = infos[0]!;
  assert.is(first.category, 'Versioned');
  assert.is(first.type, 'SQL');
  assert.is(first.script, V1.script);
  assert.is(first.installedOn, null);
  assert.is(first.installedRank, null);
  assert.is(first.resolved, V1);
  assert.is(first.applied, undefined);
  assert.is(infos[2]!.category, 'Repeatable');
  assert.is(infos[2]!.version, null);
});

test('info: applied files are Success and carry the history row', () => {
  const history = [applied(V1, 1), applied(V2, 2), applied(VIEWS, 3)];
  const infos = migrationInfo(migrationSet(V1, V2, VIEWS), history);
  assert.equal(states(infos), [
    ['1', 'Success'],
    ['2', 'Success'],
    ['R:views', 'Success'],
  ]);
  const second = infos[1]!;
  assert.is(second.installedRank, 2);
  assert.is(second.installedBy, 'deployer');
  assert.is(second.installedOn, history[1]!.installedOn);
  assert.is(second.executionTime, 20);
  assert.is(second.applied, history[1]);
  assert.is(second.resolved, V2);
});

test('info: a row with success = false is Failed', () => {
  const infos = migrationInfo(migrationSet(V1, V2), [applied(V1, 1), applied(V2, 2, { success: false })]);
  assert.equal(states(infos), [
    ['1', 'Success'],
    ['2', 'Failed'],
  ]);
});

test('info: a changed repeatable is Outdated, plus a Pending entry for the new text', () => {
  const oldViews = repeatable('views', 'CREATE VIEW v AS SELECT 1;');
  const infos = migrationInfo(migrationSet(V1, VIEWS), [applied(V1, 1), applied(oldViews, 2)]);
  assert.equal(states(infos), [
    ['1', 'Success'],
    ['R:views', 'Outdated'],
    ['R:views', 'Pending'],
  ]);
  assert.is(infos[1]!.applied?.checksum, oldViews.checksum);
  assert.is(infos[2]!.resolved, VIEWS);
  assert.is(infos[2]!.installedRank, null);
});

test('info: earlier runs of a repeatable are Superseded; the latest unchanged run is Success', () => {
  const oldViews = repeatable('views', 'CREATE VIEW v AS SELECT 0;');
  const history = [applied(oldViews, 1), applied(V1, 2), applied(VIEWS, 3)];
  const infos = migrationInfo(migrationSet(V1, VIEWS), history);
  assert.equal(states(infos), [
    ['1', 'Success'],
    ['R:views', 'Superseded'],
    ['R:views', 'Success'],
  ]);
  assert.is(infos[1]!.installedRank, 1);
  assert.is(infos[2]!.installedRank, 3);
});

test('info: an applied version whose file is gone is Missing; so is a repeatable', () => {
  const infos = migrationInfo(migrationSet(V1, V2), [applied(V1, 1), applied(V1_1, 2), applied(V2, 3), applied(FUNCS, 4)]);
  assert.equal(states(infos), [
    ['1', 'Success'],
    ['1.1', 'Missing'],
    ['2', 'Success'],
    ['R:funcs', 'Missing'],
  ]);
  assert.is(infos[1]!.resolved, undefined);
});

test('info: an applied version above every file is Future', () => {
  const infos = migrationInfo(migrationSet(V1, V2), [applied(V1, 1), applied(V2, 2), applied(V3, 3)]);
  assert.equal(states(infos), [
    ['1', 'Success'],
    ['2', 'Success'],
    ['3', 'Future'],
  ]);
});

test('info: a file below the current version that never ran is Ignored; above it, Pending', () => {
  const V4 = versioned('4', 'later');
  const infos = migrationInfo(migrationSet(V1, V2, V3, V4), [applied(V1, 1), applied(V3, 2)]);
  assert.equal(states(infos), [
    ['1', 'Success'],
    ['2', 'Ignored'],
    ['3', 'Success'],
    ['4', 'Pending'],
  ]);
});

test('info: versioned entries are listed by version even when applied out of order', () => {
  const infos = migrationInfo(migrationSet(V1, V2, V3), [applied(V1, 1), applied(V3, 2), applied(V2, 3)]);
  assert.equal(
    infos.map((i) => [i.version, i.installedRank]),
    [
      ['1', 1],
      ['2', 3],
      ['3', 2],
    ],
  );
});

test('info: the schema-creation marker is listed first, category Schema, and is not a repeatable', () => {
  const infos = migrationInfo(migrationSet(V1, VIEWS), [applied(V1, 2), schemaMarker(1), applied(VIEWS, 3)]);
  const marker = infos[0]!;
  assert.is(marker.category, 'Schema');
  assert.is(marker.description, SCHEMA_MARKER_DESCRIPTION);
  assert.is(marker.type, 'SCHEMA');
  assert.is(marker.version, null);
  assert.is(marker.state, 'Success');
  assert.equal(states(infos).slice(1), [
    ['1', 'Success'],
    ['R:views', 'Success'],
  ]);
  assert.is(infos.length, 3, 'the marker appears once and is not reported Missing');
});

test('info: undoable is true when an undo file has the same version', () => {
  const infos = migrationInfo(migrationSet(V1, V2, undo('2', 'add orders')), [applied(V1, 1)]);
  assert.equal(
    infos.map((i) => [i.version, i.undoable]),
    [
      ['1', false],
      ['2', true],
    ],
  );
});

test('currentVersion: the highest successful version, compared as numbers, as stored', () => {
  const V1_9 = versioned('1.9', 'a');
  const V1_10 = versioned('1_10', 'b');
  assert.is(currentVersion([]), null);
  assert.is(currentVersion([schemaMarker(1), applied(VIEWS, 2)]), null, 'marker and repeatables have no version');
  assert.is(currentVersion([applied(V1_10, 1), applied(V1_9, 2)]), '1_10', '1.10 > 1.9, text as stored');
  assert.is(currentVersion([applied(V1, 1), applied(V3, 2, { success: false })]), '1', 'failed rows do not count');
  assert.is(currentVersion([applied(V1, 1), applied(V2, 2), applied(undo('2', 'x'), 3, { type: 'UNDO_SQL' })]), '2');
});

// --- planMigrations: selection -------------------------------------------------------------------

test('plan: pending versions in version order, then new or changed repeatables by description', () => {
  const V1_9 = versioned('1.9', 'a');
  const V1_10 = versioned('1.10', 'b');
  const unchanged = repeatable('a funcs');
  const changed = repeatable('b views');
  const fresh = repeatable('c triggers');
  const history = [applied(V1, 1), applied(unchanged, 2), applied(repeatable('b views', 'old text'), 3)];
  const set = migrationSet(fresh, V2, changed, V1_10, unchanged, V1, V1_9);
  assert.equal(plan(set, history), ['1.9', '1.10', '2', 'R:b views', 'R:c triggers']);
});

test('plan: nothing to do when everything is applied and unchanged', () => {
  assert.equal(plan(migrationSet(V1, V2, VIEWS), [applied(V1, 1), applied(V2, 2), applied(VIEWS, 3)]), []);
});

test('plan: a failed repeatable is not silently re-run: validation fails', () => {
  const error = catchParityError(() => plan(migrationSet(V1, VIEWS), [applied(V1, 1), applied(VIEWS, 2, { success: false })]));
  assert.is(error.code, 'MIGRATION_VALIDATION_FAILED');
  assert.match(error.message, 'views');
});

test('plan: targetVersion stops at that version; repeatables still run', () => {
  const set = migrationSet(V1, V1_1, V2, V3, VIEWS);
  assert.equal(plan(set, [applied(V1, 1)], { targetVersion: '2' }), ['1.1', '2', 'R:views']);
  assert.equal(plan(set, [applied(V1, 1)], { targetVersion: '1_1' }), ['1.1', 'R:views'], '1_1 names version 1.1');
  assert.equal(plan(set, [applied(V1, 1)], { targetVersion: '1' }), ['R:views'], 'target already applied');
});

test('plan: targetVersion latest (or absent) means every pending version', () => {
  const set = migrationSet(V1, V1_1, V2, V3, VIEWS);
  const all = ['1', '1.1', '2', '3', 'R:views'];
  assert.equal(plan(set, [], { targetVersion: 'latest' }), all);
  assert.equal(plan(set, []), all);
});

test('plan: a target that matches no version is INVALID_ARGUMENT naming the setting', () => {
  const error = catchParityError(() => plan(migrationSet(V1, V2), [], { targetVersion: '5', targetSetting: '-buildVersion' }));
  assert.is(error.code, 'INVALID_ARGUMENT');
  assert.is(error.where, '-buildVersion');
  assert.match(error.message, '-buildVersion');
  assert.match(error.message, '5');
});

test('plan: a malformed target is INVALID_ARGUMENT naming the setting', () => {
  for (const target of ['abc', '1.', 'V2', '1..2']) {
    const error = catchParityError(() => plan(migrationSet(V1, V2), [], { targetVersion: target }));
    assert.is(error.code, 'INVALID_ARGUMENT', target);
    assert.is(error.where, '-target', target);
    assert.match(error.message, target);
  }
});

test('plan: cherryPick runs exactly the named versions and repeatables', () => {
  const set = migrationSet(V1, V1_1, V2, V3, VIEWS, FUNCS);
  assert.equal(plan(set, [applied(V1, 1)], { cherryPick: ['3', '1_1'] }), ['1.1', '3']);
  assert.equal(plan(set, [applied(V1, 1)], { cherryPick: ['views'] }), ['R:views']);
  assert.equal(plan(set, [applied(V1, 1)], { cherryPick: ['2', 'funcs'] }), ['2', 'R:funcs']);
});

test('plan: cherryPick 1.1 matches a file written 1_1', () => {
  const written = versioned('1_1', 'underscored');
  assert.equal(
    planMigrations(migrationSet(V1, written, V2), [], { ...OPTIONS, cherryPick: ['1.1'] }).map((m) => m.script),
    [written.script],
  );
});

test('plan: cherryPick names a repeatable by description, with _ for spaces', () => {
  const set = migrationSet(V1, repeatable('refresh views'), repeatable('other'));
  assert.equal(plan(set, [applied(V1, 1)], { cherryPick: ['refresh_views'] }), ['R:refresh views']);
});

test('plan: a cherryPick entry matching nothing is INVALID_ARGUMENT naming the setting', () => {
  const error = catchParityError(() => plan(migrationSet(V1, VIEWS), [], { cherryPick: ['1', '7'], cherryPickSetting: '-buildCherryPick' }));
  assert.is(error.code, 'INVALID_ARGUMENT');
  assert.is(error.where, '-buildCherryPick');
  assert.match(error.message, '"7"');
});

// --- planMigrations: validation ------------------------------------------------------------------

function validationError(set: MigrationSet, history: readonly HistoryRow[], options: Partial<PlanOptions> = {}): ParityError {
  const error = catchParityError(() => plan(set, history, options));
  assert.is(error.code, 'MIGRATION_VALIDATION_FAILED', error.message);
  return error;
}

test('validation: a checksum mismatch names both checksums and the file', () => {
  const error = validationError(migrationSet(V1, V2), [applied(V1, 1, { checksum: 123456 })]);
  assert.match(error.message, 'checksum');
  assert.match(error.message, '123456');
  assert.match(error.message, String(V1.checksum));
  assert.match(error.message, V1.shownPath);
  assert.not.match(error.message, 'more problem');
});

test('validation: a description mismatch names both descriptions', () => {
  const error = validationError(migrationSet(V1, V2), [applied(V1, 1, { description: 'initial schema' })]);
  assert.match(error.message, 'description');
  assert.match(error.message, '"initial schema"');
  assert.match(error.message, '"init"');
});

test('validation: a failed row stops the run', () => {
  const error = validationError(migrationSet(V1, V2, V3), [applied(V1, 1), applied(V2, 2, { success: false })]);
  assert.match(error.message, 'failed migration');
  assert.match(error.message, 'version 2');
});

test('validation: a failed row stops a cherry pick too', () => {
  validationError(migrationSet(V1, V2, V3), [applied(V1, 1), applied(V2, 2, { success: false })], { cherryPick: ['3'] });
});

test('validation: an applied migration without a file is an error', () => {
  const error = validationError(migrationSet(V1, V2), [applied(V1, 1), applied(V1_1, 2)]);
  assert.match(error.message, 'not resolved locally');
  assert.match(error.message, '1.1');
});

test('validation: a Future version is not a problem (Flyway ignores future migrations by default)', () => {
  assert.equal(plan(migrationSet(V1, V2), [applied(V1, 1), applied(V2, 2), applied(V3, 3)]), []);
});

test('validation: a version below the current one that never ran is an error', () => {
  const error = validationError(migrationSet(V1, V2, V3), [applied(V1, 1), applied(V3, 2)]);
  assert.match(error.message, 'version 2');
  assert.match(error.message, 'outOfOrder');
});

test('outOfOrder = true plans the skipped version, before the pending ones', () => {
  const V4 = versioned('4', 'later');
  assert.equal(plan(migrationSet(V1, V2, V3, V4), [applied(V1, 1), applied(V3, 2)], { outOfOrder: true }), ['2', '4']);
});

test('a cherryPick may apply a version below the current one', () => {
  const V4 = versioned('4', 'later');
  assert.equal(plan(migrationSet(V1, V2, V3, V4), [applied(V1, 1), applied(V3, 2)], { cherryPick: ['2'] }), ['2']);
});

test('validation: several problems report the first and how many more', () => {
  const history = [applied(V1, 1, { checksum: 1 }), applied(V1_1, 2), applied(V3, 3, { success: false })];
  const three = validationError(migrationSet(V1, V2, V3), history);
  assert.match(three.message, /^validation failed: migration checksum mismatch for version 1 /);
  assert.match(three.message, '(and 2 more problems)');
  const two = validationError(migrationSet(V1, V2), [applied(V1, 1, { checksum: 1 }), applied(V1_1, 2)]);
  assert.match(two.message, '(and 1 more problem)');
});

// --- interop with databases Flyway baselined -----------------------------------------------------

// `flyway baseline` writes a row with type BASELINE, a version and no checksum and no script file.
// Flyway lists it as <Baseline>, ignores files at or below it, and migrates the versions above it.
test('a Flyway BASELINE row is listed first, not reported Missing, and later versions are planned', () => {
  const baseline: HistoryRow = {
    installedRank: 1,
    version: '1',
    description: '<< Flyway Baseline >>',
    type: 'BASELINE',
    script: '<< Flyway Baseline >>',
    checksum: null,
    installedBy: 'deployer',
    installedOn: '2024-06-01T09:00:00.000Z',
    executionTime: 0,
    success: true,
  };
  const infos = migrationInfo(migrationSet(V2, V3), [baseline]);
  assert.is(infos[0]!.category, 'Baseline');
  assert.is.not(infos[0]!.state, 'Missing');
  assert.equal(plan(migrationSet(V2, V3), [baseline]), ['2', '3']);
});

test.run();
