/**
 * Merge-compares two key-ordered row streams of one segment: keys only in the source, only in the
 * target, and rows whose values differ (with the indexes of the differing columns).
 */
import { ParityError } from '../errors.js';
import { compareKeys } from './keys.js';
import type { Key, KeyKind, SideRow } from './table-side.js';
import { withinTolerance, type Tolerance } from './tolerance.js';

export type RowDifference =
  | { readonly kind: 'onlyInSource'; readonly row: SideRow }
  | { readonly kind: 'onlyInTarget'; readonly row: SideRow }
  | { readonly kind: 'different'; readonly source: SideRow; readonly target: SideRow; readonly columns: readonly number[] };

export interface SegmentComparison {
  readonly differences: RowDifference[];
  readonly identical: number;
}

/** Reads a stream, failing when its keys are not strictly increasing (a non-unique key or a broken side). */
async function* ordered(rows: AsyncIterable<SideRow>, kinds: readonly KeyKind[], side: string, keyNames: readonly string[]): AsyncGenerator<SideRow> {
  let previous: Key | undefined;
  for await (const row of rows) {
    if (previous !== undefined && compareKeys(previous, row.key, kinds) >= 0) {
      const shown = keyNames.map((name, i) => `${name}=${row.key[i]}`).join(', ');
      throw new ParityError('INVALID_ARGUMENT', `key (${keyNames.join(', ')}) is not unique in the ${side}: ${shown} appears more than once`, { where: `-key` });
    }
    previous = row.key;
    yield row;
  }
}

/** Indexes of the values that differ between two rows of one key; a toleranced column differs only beyond its tolerance. */
export function differingColumns(a: SideRow, b: SideRow, tolerances: readonly (Tolerance | undefined)[] = []): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.values.length; i++) {
    if (a.values[i] === b.values[i]) continue;
    const tolerance = tolerances[i];
    if (tolerance === undefined || !withinTolerance(a.values[i] ?? null, b.values[i] ?? null, tolerance)) out.push(i);
  }
  return out;
}

export async function compareRowStreams(
  source: AsyncIterable<SideRow>,
  target: AsyncIterable<SideRow>,
  kinds: readonly KeyKind[],
  keyNames: readonly string[],
  tolerances: readonly (Tolerance | undefined)[] = [],
): Promise<SegmentComparison> {
  const differences: RowDifference[] = [];
  let identical = 0;
  const s = ordered(source, kinds, 'source', keyNames)[Symbol.asyncIterator]();
  const t = ordered(target, kinds, 'target', keyNames)[Symbol.asyncIterator]();
  try {
    let [a, b] = await Promise.all([s.next(), t.next()]);
    while (!a.done || !b.done) {
      const c = a.done ? 1 : b.done ? -1 : compareKeys(a.value.key, b.value.key, kinds);
      if (c < 0) {
        differences.push({ kind: 'onlyInSource', row: a.value! });
        a = await s.next();
      } else if (c > 0) {
        differences.push({ kind: 'onlyInTarget', row: b.value! });
        b = await t.next();
      } else {
        const columns = differingColumns(a.value!, b.value!, tolerances);
        if (columns.length > 0) differences.push({ kind: 'different', source: a.value!, target: b.value!, columns });
        else identical++;
        [a, b] = await Promise.all([s.next(), t.next()]);
      }
    }
  } finally {
    await Promise.all([s.return?.(undefined), t.return?.(undefined)]);
  }
  return { differences, identical };
}
