/**
 * Where the diff artifact goes when `-artifactFilename` is not given. Flyway writes
 * `<temp>/flyway.artifact`, one file for every project and user of the machine, so a `generate` in one
 * project can write a migration from another project's diff. parity's default is per user and per
 * project:
 *
 *   <temp>/parity.<user id>/<working folder's name>-<12 hex digits>.artifact
 *
 * The hex digits are a hash of the working directory (its real path) and the `-configFiles`, so `diff`
 * and a later `generate` run in the same folder with the same configuration meet, and other projects
 * do not. The folder is made private (mode 0700); one that another user owns, or that others may write
 * to, is refused rather than trusted (anyone could have put an artifact there).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ParityError, type ErrorCode } from '../errors.js';
import { fileErrorReason, makeDirectories } from '../files.js';

export interface ProjectIdentity {
  /** The working directory (absolute). */
  readonly workingDirectory: string;
  /** `-configFiles` as given (resolved against the working directory here), if any. */
  readonly configFiles?: readonly string[];
  readonly tempDirectory: string;
}

function currentUser(): { readonly id: string; readonly uid?: number } {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  return uid !== undefined ? { id: String(uid), uid } : { id: os.userInfo().username.replace(/[^A-Za-z0-9_.-]/g, '_') };
}

function realPath(directory: string): string {
  try {
    return fs.realpathSync(directory);
  } catch {
    return directory;
  }
}

/** The default artifact's path (nothing is created). */
export function defaultArtifactPath(project: ProjectIdentity): string {
  const directory = realPath(project.workingDirectory);
  const configs = (project.configFiles ?? []).map((file) => path.resolve(directory, file));
  const hash = createHash('sha256').update([directory, ...configs].join('\0')).digest('hex').slice(0, 12);
  const name = (path.basename(directory) || 'root').replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 40);
  return path.join(project.tempDirectory, `parity.${currentUser().id}`, `${name}-${hash}.artifact`);
}

/**
 * Checks (and for writing, creates) the default artifact's folder: it must be a real folder of this
 * user that nobody else may write to. `code` is the error code of a folder that fails the check.
 */
export function checkDefaultArtifactFolder(file: string, purpose: 'write' | 'read'): void {
  const folder = path.dirname(file);
  const code: ErrorCode = purpose === 'write' ? 'WRITE_FAILED' : 'INVALID_ARTIFACT';
  if (purpose === 'write' && fs.lstatSync(folder, { throwIfNoEntry: false }) === undefined) {
    try {
      makeDirectories(path.dirname(folder));
      fs.mkdirSync(folder, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new ParityError(code, `cannot create the folder of default artifacts: ${fileErrorReason(error)}`, { where: folder, cause: error });
      }
    }
  }
  const stat = fs.lstatSync(folder, { throwIfNoEntry: false });
  if (stat === undefined) return;
  const user = currentUser();
  const problem = !stat.isDirectory()
    ? 'is not a folder'
    : user.uid !== undefined && stat.uid !== user.uid
      ? `belongs to another user (uid ${stat.uid})`
      : (stat.mode & 0o022) !== 0
        ? `may be written by other users (mode ${(stat.mode & 0o777).toString(8)})`
        : undefined;
  if (problem !== undefined) {
    throw new ParityError(code, `the folder of default artifacts ${folder} ${problem}: remove it, or pass -artifactFilename`, { where: file });
  }
}
