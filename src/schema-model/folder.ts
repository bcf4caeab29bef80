/** Finding and reading the schema-model folder: every `*.sql` file below it, hidden entries skipped. */
import fs from 'node:fs';
import path from 'node:path';
import type { ParityConfig } from '../config/config.js';
import type { SqlFile } from '../dialects/dialect.js';
import { ParityError } from '../errors.js';
import { compareText } from '../diff/object-comparer.js';
import { kindOfFolder, resolveLayoutPath } from './layout.js';

export interface SchemaModelFolder {
  readonly absolute: string;
  /** How messages name it: relative to the working directory, with a trailing `/` (`schema-models/`). */
  readonly shown: string;
}

/** The folder `schemaModelLocation` names, resolved against the working directory. */
export function schemaModelFolder(config: ParityConfig): SchemaModelFolder {
  const absolute = path.resolve(config.workingDirectory, config.schemaModelLocation);
  const relative = path.relative(config.workingDirectory, absolute);
  const shown = relative === '' ? './' : relative.startsWith('..') || path.isAbsolute(relative) ? `${absolute}/` : `${relative.split(path.sep).join('/')}/`;
  return { absolute, shown };
}

/** True when the folder exists and is a directory; an existing non-directory is an error. */
export function folderExists(folder: SchemaModelFolder): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder.absolute);
  } catch {
    return false;
  }
  if (!stat.isDirectory()) throw new ParityError('FILE_NOT_FOUND', 'the schema model location is not a folder', { where: folder.shown });
  return true;
}

/** Paths of the `*.sql` files below the folder, relative with `/` separators, in code point order. */
export function listSqlFiles(folder: SchemaModelFolder): string[] {
  const out: string[] = [];
  const walk = (relative: string) => {
    const entries = fs.readdirSync(relative === '' ? folder.absolute : resolveLayoutPath(folder.absolute, relative), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const stat = fs.statSync(resolveLayoutPath(folder.absolute, child), { throwIfNoEntry: false });
        isDirectory = stat?.isDirectory() ?? false;
        isFile = stat?.isFile() ?? false;
      }
      if (isDirectory) walk(child);
      else if (isFile && entry.name.toLowerCase().endsWith('.sql')) out.push(child);
    }
  };
  walk('');
  return out.sort(compareText);
}

/** Reads every SQL file of an existing folder; a missing folder is an error that names it. */
export function readSchemaModelFiles(folder: SchemaModelFolder): SqlFile[] {
  if (!folderExists(folder)) {
    throw new ParityError('FILE_NOT_FOUND', 'schema model folder not found (set [flyway] schemaModelLocation, or run parity model to create it)', {
      where: folder.shown,
    });
  }
  return listSqlFiles(folder).map((relative) => readOne(folder, relative));
}

export function readOne(folder: SchemaModelFolder, relative: string): SqlFile {
  const file = resolveLayoutPath(folder.absolute, relative);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ParityError('FILE_NOT_FOUND', 'cannot read schema model file', { where: `${folder.shown}${relative}`, cause: error });
  }
  const kind = kindOfFolder(relative.split('/')[0] ?? '');
  return { path: `${folder.shown}${relative}`, text: text.replace(/^\uFEFF/, ''), ...(relative.includes('/') && kind ? { kindHint: kind } : {}) };
}
