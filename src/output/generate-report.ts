/** The `generate` command's output: written files for people, `{files, warnings}` for pipelines. */
import path from 'node:path';
import type { GenerateResult } from '../generate/generate.js';

/** A path relative to the working directory when it is inside it, absolute otherwise. */
export function shownPath(file: string, workingDirectory: string): string {
  const relative = path.relative(workingDirectory, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

export interface GenerateJson {
  readonly files: readonly string[];
  readonly warnings: readonly string[];
}

export function generateJson(result: GenerateResult, workingDirectory: string): GenerateJson {
  return { files: result.files.map((file) => shownPath(file.path, workingDirectory)), warnings: result.warnings };
}

/** stdout lines: one `generated: PATH` per file, or the reason nothing was written. */
export function generateText(result: GenerateResult, workingDirectory: string): string {
  if (result.changeCount === 0) return 'No changes to generate: no migration written.';
  return result.files.map((file) => `generated: ${shownPath(file.path, workingDirectory)}`).join('\n');
}

/** stderr lines, one per destructive statement. */
export function generateWarnings(result: GenerateResult): string[] {
  return result.warnings.map((warning) => `WARNING: ${warning}`);
}
