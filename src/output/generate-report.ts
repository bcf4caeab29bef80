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

/** Destructive statements listed one per line for each script; beyond that, one line says how many more. */
export const WARNING_LINES_PER_SCRIPT = 10;

/**
 * stderr lines: one per destructive statement, at most WARNING_LINES_PER_SCRIPT per script and then
 * one line counting the rest (an undo of 2,000 tables would otherwise print 2,000 lines; the script
 * marks every one of them, and the JSON lists them all).
 */
export function generateWarnings(result: GenerateResult): string[] {
  const byScript = new Map<string, string[]>();
  for (const warning of result.warnings) {
    const script = warning.slice(0, Math.max(0, warning.indexOf(': ')));
    const list = byScript.get(script) ?? [];
    list.push(warning);
    byScript.set(script, list);
  }
  return [...byScript].flatMap(([script, warnings]) => {
    const shown = warnings.slice(0, WARNING_LINES_PER_SCRIPT).map((warning) => `WARNING: ${warning}`);
    const more = warnings.length - shown.length;
    return more > 0 ? [...shown, `WARNING: ${script}: ${more} more destructive statements, each marked "-- WARNING: destructive" in the script`] : shown;
  });
}
