/** An in-memory TableSide for the engine's unit tests: the contract of src/data-diff/table-side.ts over an array. */
import { compareKeys, inRange } from '../../src/data-diff/keys.ts';
import { grainBucket, rowHash } from '../../src/data-diff/row-hash.ts';
import type { BucketStats, Grain, Key, KeyKind, SideDescription, SideRow, Slice, TableSide } from '../../src/data-diff/table-side.ts';

export interface MemorySide extends TableSide {
  /** Calls per method, to check the engine's query pattern. */
  readonly calls: { boundaries: number; stats: number; rows: number; openRows: number; maxOpenRows: number; grains: Grain[]; keySpan: number };
}

export function memorySide(
  rows: readonly SideRow[],
  kinds: readonly KeyKind[],
  columns: readonly string[],
  keyNames: readonly string[] = kinds.map((_, i) => `k${i}`),
  estimatedRows?: number,
  /**
   * `keySpan`: tell a single integer key's ends, as a table's side does (default), so the engine uses
   * range grains; `span`: tell these ends instead (as if rows were written after they were read);
   * `unionLimit`: the side's `rangeBucketsPerQuery`.
   */
  options: { readonly keySpan?: boolean; readonly span?: { min: string; max: string }; readonly unionLimit?: number } = {},
): MemorySide {
  const sorted = [...rows].sort((a, b) => compareKeys(a.key, b.key, kinds));
  const calls = { boundaries: 0, stats: 0, rows: 0, openRows: 0, maxOpenRows: 0, grains: [] as Grain[], keySpan: 0 };
  const within = (slice: Slice) => {
    const members = slice.buckets && new Set(slice.buckets.members);
    return sorted.filter((row) => inRange(row.key, slice.range, kinds) && (members === undefined || members.has(grainBucket(row.key, kinds, slice.buckets!))));
  };
  return {
    calls,
    async describe(): Promise<SideDescription> {
      return {
        table: 'memory',
        key: keyNames.map((name, i) => ({ name, kind: kinds[i]!, type: kinds[i]! })),
        columns: columns.map((name) => ({ name, type: 'text' })),
        ...(estimatedRows !== undefined ? { estimatedRows } : {}),
        ...(options.unionLimit !== undefined ? { rangeBucketsPerQuery: options.unionLimit } : {}),
      };
    },
    ...(options.keySpan !== false && kinds.length === 1 && kinds[0] === 'integer'
      ? {
          async keySpan() {
            calls.keySpan++;
            if (options.span !== undefined) return options.span;
            return sorted.length === 0 ? undefined : { min: sorted[0]!.key[0]!, max: sorted[sorted.length - 1]!.key[0]! };
          },
        }
      : {}),
    async boundaries(slice: Slice, parts: number, _rowCount: number): Promise<Key[]> {
      calls.boundaries++;
      const inside = within(slice);
      const out: Key[] = [];
      for (let i = 1; i < parts; i++) {
        const at = Math.floor((i * inside.length) / parts);
        if (at > 0 && at < inside.length && (out.length === 0 || out[out.length - 1] !== inside[at]!.key)) out.push(inside[at]!.key);
      }
      return out;
    },
    async stats(slice: Slice, grain: Grain): Promise<BucketStats> {
      calls.stats++;
      calls.grains.push(grain);
      const sums = new Map<number, { count: number; sum: bigint }>();
      for (const row of within(slice)) {
        const bucket = grainBucket(row.key, kinds, grain);
        const entry = sums.get(bucket) ?? { count: 0, sum: 0n };
        entry.count++;
        entry.sum += rowHash(row.key, row.values);
        sums.set(bucket, entry);
      }
      return new Map([...sums].map(([bucket, { count, sum }]) => [bucket, { count, checksum: sum.toString() }]));
    },
    async *rows(slice: Slice): AsyncIterable<SideRow> {
      calls.rows++;
      calls.maxOpenRows = Math.max(calls.maxOpenRows, ++calls.openRows);
      try {
        for (const row of within(slice)) {
          await new Promise((resolve) => setImmediate(resolve));
          yield row;
        }
      } finally {
        calls.openRows--;
      }
    },
    async close() {},
  };
}
