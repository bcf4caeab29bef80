/**
 * What `info` shows: every migration, resolved from the files or recorded in the history table, with
 * its state, as Flyway names them:
 *
 *   Pending     a file not applied yet (or a repeatable whose checksum changed since it last ran)
 *   Success     applied and recorded as successful
 *   Failed      recorded with success = false (a script that could not be rolled back)
 *   Outdated    a repeatable's latest run, whose file has changed since (it runs again)
 *   Superseded  an earlier run of a repeatable that has run again since
 *   Missing     applied, but its file is gone
 *   Future      applied, with a version above every file's version
 *   Ignored     a file with a version below the current version that was never applied
 *               (applied only with outOfOrder = true)
 *   Below Baseline  a file at or below the version of a Flyway baseline row (never applied)
 */
import { compareVersions, parseVersion, type Version } from '../generate/versioning.js';
import type { MigrationSet, ResolvedMigration } from './migration-files.js';
import { SCHEMA_MARKER_DESCRIPTION, type HistoryRow } from './schema-history.js';

export type MigrationState = 'Pending' | 'Success' | 'Failed' | 'Outdated' | 'Superseded' | 'Missing' | 'Future' | 'Ignored' | 'Below Baseline';

export interface MigrationInfo {
  readonly category: 'Versioned' | 'Repeatable' | 'Schema' | 'Baseline' | 'Undo';
  readonly version: string | null;
  readonly description: string;
  readonly type: string;
  readonly script: string;
  readonly state: MigrationState;
  readonly installedOn: string | null;
  readonly installedBy: string | null;
  readonly installedRank: number | null;
  readonly executionTime: number | null;
  /** Whether an undo file with the same version exists. */
  readonly undoable: boolean;
  readonly resolved?: ResolvedMigration;
  readonly applied?: HistoryRow;
}

function versionOf(row: HistoryRow): Version | undefined {
  return row.version === null ? undefined : parseVersion(row.version);
}

function isRepeatableRow(row: HistoryRow): boolean {
  return row.version === null && row.type !== 'SCHEMA';
}

function isVersionedRow(row: HistoryRow): boolean {
  return row.version !== null && row.type !== 'UNDO_SQL' && row.type !== 'BASELINE' && versionOf(row) !== undefined;
}

function isBaselineRow(row: HistoryRow): boolean {
  return row.type === 'BASELINE' && row.success && versionOf(row) !== undefined;
}

const versionKey = (version: Version) => version.join('.').replace(/(\.0)+$/, '');

/** The highest version recorded as successfully applied (`null` when none). */
export function currentVersion(history: readonly HistoryRow[]): string | null {
  let best: HistoryRow | undefined;
  for (const row of history) {
    if (!row.success || !(isVersionedRow(row) || isBaselineRow(row))) continue;
    if (best === undefined || compareVersions(versionOf(row)!, versionOf(best)!) > 0) best = row;
  }
  return best?.version ?? null;
}

function fromApplied(row: HistoryRow, state: MigrationState, resolved: ResolvedMigration | undefined, undoable: boolean): MigrationInfo {
  const category: MigrationInfo['category'] =
    row.type === 'SCHEMA' ? 'Schema' : row.type === 'BASELINE' ? 'Baseline' : row.type === 'UNDO_SQL' ? 'Undo' : row.version === null ? 'Repeatable' : 'Versioned';
  return {
    category,
    version: row.version,
    description: row.description,
    type: row.type,
    script: row.script,
    state,
    installedOn: row.installedOn,
    installedBy: row.installedBy,
    installedRank: row.installedRank,
    executionTime: row.executionTime,
    undoable,
    ...(resolved ? { resolved } : {}),
    applied: row,
  };
}

function fromResolved(migration: ResolvedMigration, state: MigrationState, undoable: boolean): MigrationInfo {
  return {
    category: migration.category,
    version: migration.versionText ?? null,
    description: migration.description,
    type: 'SQL',
    script: migration.script,
    state,
    installedOn: null,
    installedBy: null,
    installedRank: null,
    executionTime: null,
    undoable,
    resolved: migration,
  };
}

/** Every migration with its state: versioned ones by version, then repeatables, then other rows. */
export function migrationInfo(set: MigrationSet, history: readonly HistoryRow[]): MigrationInfo[] {
  const undoVersions = new Set(set.undo.map((m) => versionKey(m.version!)));
  const resolvedByVersion = new Map(set.versioned.map((m) => [versionKey(m.version!), m]));
  const highestResolved = set.versioned.at(-1)?.version;
  const current = currentVersion(history);
  const currentParsed = current === null ? undefined : parseVersion(current);
  const baselineRow = history.find(isBaselineRow);
  const baseline = baselineRow ? versionOf(baselineRow) : undefined;

  const versioned: Array<{ version: Version; rank: number; info: MigrationInfo }> = [];
  const appliedVersions = new Set<string>();
  for (const row of history) {
    if (!isVersionedRow(row)) continue;
    const version = versionOf(row)!;
    const key = versionKey(version);
    appliedVersions.add(key);
    const resolved = resolvedByVersion.get(key);
    let state: MigrationState;
    if (!row.success) state = 'Failed';
    else if (resolved) state = 'Success';
    else state = highestResolved === undefined || compareVersions(version, highestResolved) > 0 ? 'Future' : 'Missing';
    versioned.push({ version, rank: row.installedRank, info: fromApplied(row, state, resolved, undoVersions.has(key)) });
  }
  for (const migration of set.versioned) {
    const key = versionKey(migration.version!);
    if (appliedVersions.has(key)) continue;
    const belowBaseline = baseline !== undefined && compareVersions(migration.version!, baseline) <= 0;
    const ignored = currentParsed !== undefined && compareVersions(migration.version!, currentParsed) < 0;
    const state: MigrationState = belowBaseline ? 'Below Baseline' : ignored ? 'Ignored' : 'Pending';
    versioned.push({ version: migration.version!, rank: Number.MAX_SAFE_INTEGER, info: fromResolved(migration, state, undoVersions.has(key)) });
  }
  versioned.sort((a, b) => compareVersions(a.version, b.version) || a.rank - b.rank);

  const repeatables: MigrationInfo[] = [];
  const resolvedByDescription = new Map(set.repeatable.map((m) => [m.description, m]));
  const latestRun = new Map<string, HistoryRow>();
  for (const row of history) if (isRepeatableRow(row)) latestRun.set(row.description, row);
  for (const row of history) {
    if (!isRepeatableRow(row)) continue;
    const resolved = resolvedByDescription.get(row.description);
    let state: MigrationState;
    if (latestRun.get(row.description) !== row) state = 'Superseded';
    else if (!row.success) state = 'Failed';
    else if (!resolved) state = 'Missing';
    else state = resolved.checksum === row.checksum ? 'Success' : 'Outdated';
    repeatables.push(fromApplied(row, state, resolved, false));
  }
  for (const migration of set.repeatable) {
    const last = latestRun.get(migration.description);
    if (last === undefined || last.checksum !== migration.checksum || !last.success) repeatables.push(fromResolved(migration, 'Pending', false));
  }

  const others = history.filter((row) => !isVersionedRow(row) && !isRepeatableRow(row)).map((row) => fromApplied(row, row.success ? 'Success' : 'Failed', undefined, false));
  const markers = others.filter((i) => i.description === SCHEMA_MARKER_DESCRIPTION || i.category === 'Baseline');
  const rest = others.filter((i) => !markers.includes(i));
  return [...markers, ...versioned.map((v) => v.info), ...repeatables, ...rest];
}
