/**
 * `-reportFilename=F`: the HTML report F and its JSON beside it (`report.html` -> `report.json`; a
 * name without `.html`/`.htm` gets `.json` appended). Both are checked before the run (a folder where
 * a file should be, a path below a file: WRITE_FAILED naming the file, before any table is compared)
 * and written atomically (files.ts: a temporary file renamed into place, removed on Ctrl-C), the JSON first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../files.js';
import { ParityError } from '../errors.js';
import { stringArg, type CommandContext } from './command.js';

export interface ReportFiles {
  readonly html: string;
  readonly json: string;
}

function cannotWrite(file: string, reason: string): ParityError {
  return new ParityError('WRITE_FAILED', `cannot write file: ${reason}`, { where: file });
}

/** The entry at `file`, or undefined when there is none (also when a parent is not a folder). */
function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw cannotWrite(file, error instanceof Error ? error.message : String(error));
  }
}

/** Throws WRITE_FAILED when `file` is a folder or its nearest existing parent is not a folder. */
export function checkWritable(file: string): void {
  if (statOf(file)?.isDirectory()) throw cannotWrite(file, 'it is a directory');
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const stat = statOf(dir);
    if (stat !== undefined) {
      if (!stat.isDirectory()) throw cannotWrite(file, `${dir} is not a directory`);
      return;
    }
    if (path.dirname(dir) === dir) return;
  }
}

/**
 * The report's two files from `-reportFilename` (without it: `defaultName`, else undefined), checked
 * for writability; `command` names the command in messages.
 */
export function reportFiles(context: CommandContext, command = 'dataDiff', defaultName?: string): ReportFiles | undefined {
  const name = stringArg(context, 'reportFilename') ?? defaultName;
  if (name === undefined) return undefined;
  const html = path.resolve(context.workingDirectory(), name);
  if (/\.json$/i.test(html)) {
    throw new ParityError('INVALID_ARGUMENT', `-reportFilename names the HTML report (report.html; its JSON is written beside it), not "${name}"`, { where: `parity ${command}` });
  }
  const files = { html, json: /\.html?$/i.test(html) ? html.replace(/\.html?$/i, '.json') : `${html}.json` };
  checkWritable(files.html);
  checkWritable(files.json);
  return files;
}

/** Writes both files atomically and says where they are (stderr); `what`: `data diff report`. */
export function writeReport(context: CommandContext, files: ReportFiles, html: string, json: string, what = 'data diff report'): void {
  writeFileAtomic(files.json, json.endsWith('\n') ? json : `${json}\n`);
  writeFileAtomic(files.html, html);
  context.output.message(`${what} written: ${files.html} (JSON: ${files.json})`);
}
