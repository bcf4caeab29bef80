/**
 * The migrations of `[flyway] locations`: versioned `V<version>__<description>.sql`, undo
 * `U<version>__<description>.sql` and repeatable `R__<description>.sql`, found in every location
 * folder and its subfolders, read once, with Flyway's checksum and description.
 *
 * Names follow Flyway: the version is digits separated by `.` or `_` (`1_1` is stored as `1.1`), the
 * description is the text after `__` with `_` shown as spaces, and versions compare as numbers part by
 * part (1.10 > 1.9). Two versioned (or undo) files with the same version, or two repeatables with the
 * same description, are an error naming both. A `.sql` file whose name is not a migration name is an
 * error too (it would otherwise never run), unless `validateMigrationNaming = false`, which skips it
 * with a warning.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ParityConfig } from '../config/config.js';
import { ParityError } from '../errors.js';
import { compareVersions, parseVersion, type Version } from '../generate/versioning.js';
import { flywayChecksum } from './checksum.js';

export type MigrationCategory = 'Versioned' | 'Undo' | 'Repeatable';

export interface ResolvedMigration {
  readonly category: MigrationCategory;
  /** Parsed version; absent for repeatables. */
  readonly version?: Version;
  /** The version as Flyway stores it: as written, with `_` turned into `.` (`1_1` -> `1.1`, `001` stays). */
  readonly versionText?: string;
  /** `add customer email` for `V2__add_customer_email.sql`. */
  readonly description: string;
  /** Path relative to its location folder, with `/`: the `script` column of the history table. */
  readonly script: string;
  /** Path for messages, relative to the working directory (`migrations/V2__add.sql`). */
  readonly shownPath: string;
  /** The file's text as read (placeholders are replaced when it runs). */
  readonly text: string;
  readonly checksum: number;
}

export interface MigrationSet {
  /** Versioned migrations in version order. */
  readonly versioned: readonly ResolvedMigration[];
  /** Undo migrations in version order. */
  readonly undo: readonly ResolvedMigration[];
  /** Repeatable migrations in description order (the order Flyway runs them in). */
  readonly repeatable: readonly ResolvedMigration[];
}

const VERSIONED_NAME = /^([VU])([^_]*(?:_(?!_)[^_]*)*)__(.+)\.sql$/s;
const REPEATABLE_NAME = /^R__(.+)\.sql$/s;

/** The folders `[flyway] locations` names, resolved against the working directory. */
export function locationFolders(config: ParityConfig): string[] {
  return config.locations.map((location) => {
    const match = /^([a-z]+):(.*)$/s.exec(location);
    if (match && match[1] !== 'filesystem' && !/^[A-Za-z]:[\\/]/.test(location)) {
      throw new ParityError('CONFIG_ERROR', `unsupported location "${location}": parity reads filesystem: locations only`, { where: 'flyway.locations' });
    }
    const folder = match && match[1] === 'filesystem' ? match[2]! : location;
    return path.resolve(config.workingDirectory, folder);
  });
}

function shown(config: ParityConfig, file: string): string {
  return path.relative(config.workingDirectory, file) || file;
}

function listSqlFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.toLowerCase().endsWith('.sql')) out.push(full);
    }
  };
  walk(folder);
  return out;
}

/** Parses a migration file name; a string explains why the name is not one. */
export function parseMigrationName(fileName: string): { category: MigrationCategory; versionText?: string; version?: Version; description: string } | string {
  const repeatable = REPEATABLE_NAME.exec(fileName);
  if (repeatable) {
    const description = repeatable[1]!.replace(/_/g, ' ').trim();
    return description === '' ? 'the description after "__" is empty' : { category: 'Repeatable', description };
  }
  const versioned = VERSIONED_NAME.exec(fileName);
  if (!versioned) return 'expected V<version>__<description>.sql, U<version>__<description>.sql or R__<description>.sql';
  const written = versioned[2]!;
  const version = parseVersion(written);
  if (version === undefined) return `"${written}" is not a version (digits separated by . or _, like 1, 1.2 or 2_1)`;
  const description = versioned[3]!.replace(/_/g, ' ').trim();
  if (description === '') return 'the description after "__" is empty';
  return { category: versioned[1] === 'V' ? 'Versioned' : 'Undo', version, versionText: written.replace(/_/g, '.'), description };
}

/**
 * Reads every migration of the configured locations; a missing location folder is an error. Files
 * skipped because `validateMigrationNaming = false` are reported to `onWarning`.
 */
export function readMigrations(config: ParityConfig, onWarning?: (message: string) => void): MigrationSet {
  const versioned: ResolvedMigration[] = [];
  const undo: ResolvedMigration[] = [];
  const repeatable: ResolvedMigration[] = [];
  for (const folder of locationFolders(config)) {
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
      throw new ParityError('FILE_NOT_FOUND', `migrations folder not found: ${shown(config, folder)}`, { where: 'flyway.locations' });
    }
    for (const file of listSqlFiles(folder)) {
      const parsed = parseMigrationName(path.basename(file));
      if (typeof parsed === 'string') {
        if (!config.migrations.validateMigrationNaming) {
          onWarning?.(`skipping ${shown(config, file)}: not a migration file name (validateMigrationNaming = false)`);
          continue;
        }
        throw new ParityError('INVALID_ARGUMENT', `invalid migration file name: ${parsed}`, { where: shown(config, file) });
      }
      // A byte-order mark is not SQL: Flyway drops it, and so does parity (the checksum ignores it too).
      const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const migration: ResolvedMigration = {
        ...parsed,
        script: path.relative(folder, file).split(path.sep).join('/'),
        shownPath: shown(config, file),
        text,
        checksum: flywayChecksum(text),
      };
      (parsed.category === 'Versioned' ? versioned : parsed.category === 'Undo' ? undo : repeatable).push(migration);
    }
  }
  const byVersion = (a: ResolvedMigration, b: ResolvedMigration) => compareVersions(a.version!, b.version!);
  versioned.sort(byVersion);
  undo.sort(byVersion);
  repeatable.sort((a, b) => (a.description < b.description ? -1 : a.description > b.description ? 1 : 0));
  rejectDuplicates(versioned, (m) => `version ${m.versionText}`, (a, b) => byVersion(a, b) === 0);
  rejectDuplicates(undo, (m) => `undo version ${m.versionText}`, (a, b) => byVersion(a, b) === 0);
  rejectDuplicates(repeatable, (m) => `repeatable migration "${m.description}"`, (a, b) => a.description === b.description);
  return { versioned, undo, repeatable };
}

function rejectDuplicates(sorted: readonly ResolvedMigration[], label: (m: ResolvedMigration) => string, same: (a: ResolvedMigration, b: ResolvedMigration) => boolean): void {
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (same(previous, current)) {
      throw new ParityError('INVALID_ARGUMENT', `found more than one migration with ${label(current)}: ${previous.shownPath} and ${current.shownPath}`, {
        where: current.shownPath,
      });
    }
  }
}
