/**
 * `-materialize=FILE`: every difference, streamed to a temporary file next to FILE and renamed into
 * place when the diff completes (an interrupted run, Ctrl-C included, leaves no file: src/files.ts).
 * `.csv` writes CSV, any other extension JSON Lines:
 *   {"type":"onlyInSource","key":{...},"row":{...}}
 *   {"type":"onlyInTarget","key":{...},"row":{...}}
 *   {"type":"different","key":{...},"columns":{"c":{"source":"1","target":"2"}}}
 * CSV: `type,<key columns>,<column>_source,<column>_target,...` with every compared column on both
 * sides (empty source side for onlyInTarget and the reverse); NULL is an empty field, '' is `""`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ParityError } from '../errors.js';
import { fileErrorReason, makeDirectories, removeQuietly, temporaryBeside, type TemporaryFile } from '../files.js';
import { differentSample, rowSample, type ReportColumns } from './report.js';
import type { RowDifference } from './row-compare.js';

const FLUSH_BYTES = 1 << 16;

function csvField(value: string | null): string {
  if (value === null) return '';
  return value === '' || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export class MaterializedDiff {
  private temporary: TemporaryFile | undefined;
  private fd: number | undefined;
  private buffer = '';
  private readonly csv: boolean;

  constructor(
    private readonly file: string,
    private readonly names: ReportColumns,
  ) {
    this.csv = path.extname(file).toLowerCase() === '.csv';
    this.guard(() => {
      makeDirectories(path.dirname(file));
      this.temporary = temporaryBeside(file);
      this.fd = fs.openSync(this.temporary.path, 'w');
    });
    if (this.csv) {
      const head = ['type', ...names.key, ...names.columns.flatMap((c) => [`${c}_source`, `${c}_target`])];
      this.buffer += `${head.map(csvField).join(',')}\n`;
    }
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.abort();
      throw new ParityError('WRITE_FAILED', `cannot write file: ${fileErrorReason(error)}`, { where: this.file, cause: error });
    }
  }

  private line(difference: RowDifference): string {
    if (!this.csv) {
      const record =
        difference.kind === 'different'
          ? { type: 'different', ...differentSample(this.names, difference) }
          : { type: difference.kind, ...rowSample(this.names, difference.row) };
      return JSON.stringify(record);
    }
    const key = difference.kind === 'different' ? difference.source.key : difference.row.key;
    const pairs = this.names.columns.flatMap((_, i) => {
      if (difference.kind === 'different') return [difference.source.values[i] ?? null, difference.target.values[i] ?? null];
      const value = difference.row.values[i] ?? null;
      return difference.kind === 'onlyInSource' ? [value, null] : [null, value];
    });
    return [difference.kind, ...key.map(csvField), ...pairs.map(csvField)].join(',');
  }

  write(difference: RowDifference): void {
    this.buffer += `${this.line(difference)}\n`;
    if (this.buffer.length >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    const text = this.buffer;
    this.buffer = '';
    this.guard(() => fs.writeSync(this.fd!, text));
  }

  /** Flushes, closes and renames the file into place. */
  commit(): void {
    this.flush();
    this.guard(() => {
      fs.closeSync(this.fd!);
      this.fd = undefined;
      fs.renameSync(this.temporary!.path, this.file);
      this.temporary!.release();
      this.temporary = undefined;
    });
  }

  /**
   * Flushes and closes the temporary file and hands it over instead of renaming it into place: the
   * caller reads it and must remove and release it (it is still removed on Ctrl-C until released).
   */
  keepTemporary(): TemporaryFile {
    this.flush();
    const temporary = this.temporary!;
    this.guard(() => {
      fs.closeSync(this.fd!);
      this.fd = undefined;
    });
    this.temporary = undefined;
    return temporary;
  }

  /** Removes the temporary file (after a failure). */
  abort(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
    if (this.temporary === undefined) return;
    removeQuietly(this.temporary.path);
    this.temporary.release();
    this.temporary = undefined;
  }
}
