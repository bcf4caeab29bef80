/** What every command module exports: its options (for parsing and help) and a thin handler. */
import fs from 'node:fs';
import path from 'node:path';
import { checkDefaultArtifactFolder, defaultArtifactPath } from '../artifact/default-artifact.js';
import type { ParityConfig } from '../config/config.js';
import { ParityError } from '../errors.js';
import type { Output } from '../output/streams.js';

export interface OptionSpec {
  readonly describe: string;
  readonly type: 'string' | 'boolean';
}

export interface GlobalArgs {
  readonly outputType: 'table' | 'json';
  readonly debug: boolean;
}

export interface CommandContext {
  readonly args: Readonly<Record<string, string | boolean | undefined>>;
  readonly global: GlobalArgs;
  /** Loads configuration lazily (commands that read only an artifact need none). */
  config(): ParityConfig;
  /** `-workingDirectory` (absolute), or the process's; relative paths resolve against it. */
  workingDirectory(): string;
  /** The temp directory of the run's environment (TMPDIR, as `os.tmpdir()` reads it). */
  readonly tempDirectory: string;
  /** Where the command writes its results, messages and warnings. */
  readonly output: Output;
  readonly onProgress?: (message: string) => void;
}

export interface CommandSpec {
  readonly name: string;
  readonly describe: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Command lines shown by `parity CMD --help`, each a complete, typical use. */
  readonly examples: readonly string[];
  /** Runs the command; returns the exit code (0 unless the command defines otherwise). */
  run(context: CommandContext): Promise<number>;
}

/** A string option that must be present, with an error naming it in Flyway form. */
export function requireString(context: CommandContext, name: string, command: string): string {
  const value = context.args[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ParityError('INVALID_ARGUMENT', `missing required parameter -${name}`, { where: `parity ${command}` });
  }
  return value;
}

/** A string option's trimmed value; absent or blank: undefined. */
export function stringArg(context: CommandContext, name: string): string | undefined {
  const value = context.args[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A comma-separated option (`-buildCherryPick=2,4`) as its non-empty items; absent: undefined. */
export function listArg(context: CommandContext, name: string): string[] | undefined {
  return stringArg(context, name)
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * The artifact file of a command: -artifactFilename resolved against the working directory, else the
 * project's default artifact (src/artifact/default-artifact.ts), whose folder is checked (and, to
 * write, created); reading a default artifact that does not exist says to run `diff` first.
 */
export function artifactPath(context: CommandContext, purpose: 'write' | 'read'): string {
  const value = context.args['artifactFilename'];
  if (typeof value === 'string' && value.trim() !== '') return path.resolve(context.workingDirectory(), value);
  const configFiles = listArg(context, 'configFiles');
  const file = defaultArtifactPath({ workingDirectory: context.workingDirectory(), tempDirectory: context.tempDirectory, ...(configFiles ? { configFiles } : {}) });
  checkDefaultArtifactFolder(file, purpose);
  if (purpose === 'read' && !fs.existsSync(file)) {
    throw new ParityError('FILE_NOT_FOUND', `no diff artifact for this project: run parity diff here first, or pass -artifactFilename`, { where: file });
  }
  return file;
}

/** The help text's words for the default artifact. */
export const DEFAULT_ARTIFACT_HELP = 'default: this project\'s artifact in <tmp>/parity.<uid>/';
