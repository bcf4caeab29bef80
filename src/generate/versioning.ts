/**
 * Flyway migration versions and file names: `V<version>__<description>.sql` and its undo
 * `U<version>__<description>.sql`. A version is numbers separated by `.` or `_` (`1.2`, `1_2`), compared
 * part by part as numbers, missing trailing parts counting as 0 (so `1.10` > `1.9`, `2` > `1.99`,
 * `1_1` = `1.1` = `1.1.0`), as Flyway compares them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ParityError } from '../errors.js';
import { fileErrorReason } from '../files.js';

export type Version = readonly bigint[];

export interface MigrationFile {
  readonly prefix: 'V' | 'U';
  /** The version as written in the file name. */
  readonly versionText: string;
  readonly version: Version;
  readonly description: string;
  readonly fileName: string;
}

const VERSION_TEXT = /^\d+(?:[._]\d+)*$/;
const FILE_NAME = /^([VU])(\d+(?:[._]\d+)*)__(.*)\.sql$/;

/** The numeric parts of a version text, or undefined when it is not a version. */
export function parseVersion(text: string): Version | undefined {
  if (!VERSION_TEXT.test(text)) return undefined;
  return text.split(/[._]/).map((part) => BigInt(part));
}

/** Negative, zero or positive as `a` is lower than, equal to or higher than `b`. */
export function compareVersions(a: Version, b: Version): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i] ?? 0n;
    const y = b[i] ?? 0n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export function parseMigrationFileName(fileName: string): MigrationFile | undefined {
  const match = FILE_NAME.exec(fileName);
  if (!match) return undefined;
  const versionText = match[2]!;
  const version = parseVersion(versionText);
  if (version === undefined) return undefined;
  return { prefix: match[1] as 'V' | 'U', versionText, version, description: match[3]!, fileName };
}

/** Versioned and undo migrations in `directory` (not recursive); none when it does not exist. */
export function listMigrations(directory: string): MigrationFile[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(directory);
  } catch (error) {
    // No folder (or a file in its place, which the write then reports): no migrations yet.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new ParityError('FILE_NOT_FOUND', `cannot read the migrations folder: ${fileErrorReason(error)}`, { where: directory, cause: error });
  }
  return entries.map(parseMigrationFileName).filter((file): file is MigrationFile => file !== undefined);
}

/** The next version after the highest one: its first part plus one (`3` -> `4`, `1.2` -> `2`); `1` with none. */
export function nextVersion(existing: readonly Version[]): string {
  let highest: Version | undefined;
  for (const version of existing) if (highest === undefined || compareVersions(version, highest) > 0) highest = version;
  return highest === undefined ? '1' : String((highest[0] ?? 0n) + 1n);
}

/**
 * A description usable in a file name: every run of characters other than letters, digits and `_`
 * becomes one `_`, repeated `_` collapse (Flyway splits version and description at `__`), and `_` at
 * either end is dropped. Empty results fall back to `fallback`.
 */
export function sanitizeDescription(text: string, fallback = 'parity_generated'): string {
  const cleaned = text
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^_+|_+$/g, '');
  return cleaned === '' ? fallback : cleaned;
}

export function migrationFileName(prefix: 'V' | 'U', version: string, description: string): string {
  return `${prefix}${version}__${description}.sql`;
}
