/**
 * Which migrations run, and whether the history allows running any: Flyway's validation (a failed
 * migration, a changed checksum or description, a file gone missing, a version below the current one
 * that never ran, unless outOfOrder or a cherry pick allows it) and its selection (pending versions up to a target version, or exactly the
 * cherry-picked ones, then the repeatables that are new or changed).
 */
import { ParityError } from '../errors.js';
import { compareVersions, parseVersion } from '../generate/versioning.js';
import type { MigrationSet, ResolvedMigration } from './migration-files.js';
import { migrationInfo, type MigrationInfo } from './migration-info.js';
import type { HistoryRow } from './schema-history.js';

export interface PlanOptions {
  /** Apply versions up to this one (`-buildVersion`, `-target`); absent or `latest`: all. */
  readonly targetVersion?: string;
  /** Apply exactly these versions (and repeatables named by description). */
  readonly cherryPick?: readonly string[];
  readonly outOfOrder: boolean;
  /** How the options were given, for messages: `-buildVersion`, `-buildCherryPick`. */
  readonly targetSetting: string;
  readonly cherryPickSetting: string;
}

function describe(info: MigrationInfo): string {
  return info.version !== null ? `version ${info.version} (${info.description})` : `repeatable migration "${info.description}"`;
}

/** Every reason the history does not match the files; empty when migrating may go ahead. */
export function validationProblems(infos: readonly MigrationInfo[], options: Pick<PlanOptions, 'outOfOrder' | 'cherryPick'>): string[] {
  const problems: string[] = [];
  for (const info of infos) {
    const where = info.resolved ? ` (${info.resolved.shownPath})` : '';
    if (info.state === 'Failed') {
      problems.push(`detected failed migration to ${describe(info)}: remove what it left behind and its row in the schema history table, then run again`);
    } else if (info.state === 'Missing') {
      problems.push(`detected applied migration not resolved locally: ${describe(info)}`);
    } else if (info.state === 'Ignored' && !options.outOfOrder && options.cherryPick === undefined) {
      problems.push(`detected resolved migration not applied to the database: ${describe(info)}, below the current version (set outOfOrder = true to apply it)${where}`);
    } else if (info.state === 'Success' && info.category === 'Versioned' && info.applied && info.resolved) {
      if (info.applied.checksum !== info.resolved.checksum) {
        problems.push(`migration checksum mismatch for ${describe(info)}: applied ${info.applied.checksum}, file ${info.resolved.checksum}${where}`);
      } else if (info.applied.description !== info.resolved.description) {
        problems.push(`migration description mismatch for version ${info.version}: applied "${info.applied.description}", file "${info.resolved.description}"${where}`);
      }
    }
  }
  return problems;
}

function cherryPicked(set: MigrationSet, entries: readonly string[], setting: string): Set<ResolvedMigration> {
  const picked = new Set<ResolvedMigration>();
  for (const entry of entries) {
    const version = parseVersion(entry);
    const match =
      (version !== undefined ? set.versioned.find((m) => compareVersions(m.version!, version) === 0) : undefined) ??
      set.repeatable.find((m) => m.description === entry || m.description === entry.replace(/_/g, ' '));
    if (!match) throw new ParityError('INVALID_ARGUMENT', `${setting} names "${entry}", which matches no migration`, { where: setting });
    picked.add(match);
  }
  return picked;
}

/**
 * The migrations to run, in order, after validating the history against the files. A validation
 * failure is a MIGRATION_VALIDATION_FAILED error listing the first problem (and how many more).
 */
export function planMigrations(set: MigrationSet, history: readonly HistoryRow[], options: PlanOptions): ResolvedMigration[] {
  const infos = migrationInfo(set, history);
  const picked = options.cherryPick ? cherryPicked(set, options.cherryPick, options.cherryPickSetting) : new Set<ResolvedMigration>();
  const problems = validationProblems(infos, options);
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw new ParityError('MIGRATION_VALIDATION_FAILED', `validation failed: ${problems[0]}${more}`);
  }
  const pending = infos.filter((i) => i.resolved && (i.state === 'Pending' || i.state === 'Ignored')).map((i) => i.resolved!);
  if (options.cherryPick) return pending.filter((m) => picked.has(m));

  let target = undefined as ReturnType<typeof parseVersion>;
  const targetText = options.targetVersion?.trim();
  if (targetText !== undefined && targetText !== '' && targetText !== 'latest') {
    target = parseVersion(targetText);
    if (target === undefined) throw new ParityError('INVALID_ARGUMENT', `${options.targetSetting} must be a version like 3 or 1.2, not "${targetText}"`, { where: options.targetSetting });
    if (!set.versioned.some((m) => compareVersions(m.version!, target!) === 0)) {
      throw new ParityError('INVALID_ARGUMENT', `${options.targetSetting}=${targetText} matches no versioned migration`, { where: options.targetSetting });
    }
  }
  return pending.filter((m) => m.category === 'Repeatable' || target === undefined || compareVersions(m.version!, target) <= 0);
}
