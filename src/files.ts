/**
 * How parity writes files, for every writer (artifacts, snapshots, migrations, schema-model files,
 * materialized data diffs):
 * - `makeDirectories`: creates the missing folders of a path one level at a time, so a path where a
 *   folder cannot be made fails at once (Node 20's recursive mkdir loops forever under /proc) and a
 *   file in the way is named;
 * - `temporaryBeside`: the hidden temporary file a write goes to before it is renamed into place,
 *   removed when the process is interrupted (src/interrupt.ts) or exits before it is released;
 * - `writeFileAtomic`: both, for a whole text at once;
 * - `fileErrorReason`: a file system error in a few words, without the temporary file's name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ParityError } from './errors.js';
import { onInterrupt } from './interrupt.js';

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EISDIR: 'a folder is in the way',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENAMETOOLONG: 'the name is too long',
  ENOENT: 'no such file or folder',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

/** A file system error in a few words: our own messages as they are, Node's by their code. */
export function fileErrorReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined && (error as NodeJS.ErrnoException).syscall !== undefined) return REASONS[code] ?? error.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*$/s, '');
  return error.message;
}

function failure(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * Creates `directory` and its missing parents, one level at a time; returns the topmost folder it
 * created (undefined when it existed). A file in the way, or a place where no folder can be made, is
 * an Error saying so.
 */
export function makeDirectories(directory: string): string | undefined {
  const missing: string[] = [];
  let current = path.resolve(directory);
  for (;;) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    }
    if (stat !== undefined) {
      if (!stat.isDirectory()) throw failure(`${current} is a file, not a folder`, 'ENOTDIR');
      break;
    }
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      fs.mkdirSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) continue;
      if (code === 'ENOENT') throw failure(`cannot create folder ${folder} (no folder can be made there)`, 'ENOENT');
      throw error;
    }
  }
  return missing[0];
}

/** Removes a file, ignoring every failure (it may be gone, or never have been made). */
export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    /* nothing to clean up, or nothing we can do */
  }
}

export interface TemporaryFile {
  readonly path: string;
  /** The temporary file was renamed into place or removed: no cleanup is needed any more. */
  release(): void;
}

/** Temporary files not yet released, removed when the process exits without releasing them. */
const unreleased = new Set<string>();
let exitHookInstalled = false;

/**
 * A hidden temporary path next to `file` (`.<name>.<pid>.<time>.tmp`), removed if the process is
 * interrupted or exits before `release()`.
 */
export function temporaryBeside(file: string): TemporaryFile {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => unreleased.forEach(removeQuietly));
  }
  unreleased.add(temporary);
  const unregister = onInterrupt(() => removeQuietly(temporary));
  return {
    path: temporary,
    release() {
      unregister();
      unreleased.delete(temporary);
    },
  };
}

/** Writes `text` to `file` atomically (a temporary file renamed into place), creating parent folders. */
export function writeFileAtomic(file: string, text: string): void {
  let temporary: TemporaryFile | undefined;
  try {
    makeDirectories(path.dirname(file));
    temporary = temporaryBeside(file);
    fs.writeFileSync(temporary.path, text, 'utf8');
    fs.renameSync(temporary.path, file);
  } catch (error) {
    if (temporary !== undefined) removeQuietly(temporary.path);
    throw new ParityError('WRITE_FAILED', `cannot write file: ${fileErrorReason(error)}`, { where: file, cause: error });
  } finally {
    temporary?.release();
  }
}
