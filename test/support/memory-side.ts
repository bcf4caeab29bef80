/** An in-memory TableSide for the engine's unit tests: the contract of src/data-diff/table-side.ts over an array. */
import { compareKeys, inRange } from '../../src/data-diff/keys.ts';
import { rowHash } from '../../src/data-diff/row-hash.ts';
import type { Key, KeyKind, KeyRange, SegmentStats, SideDescription, SideRow, TableSide } from '../../src/data-diff/table-side.ts';

export interface MemorySide extends TableSide {
  /** Calls per method, to check the engine's query pattern. */
  readonly calls: { boundaries: number; stats: number; rows: number; openRows: number; maxOpenRows: number };
}

export function memorySide(rows: readonly SideRow[], kinds: readonly KeyKind[], columns: readonly string[], keyNames: readonly string[] = kinds.map((_, i) => `k${i}`)): MemorySide {
  const sorted = [...rows].sort((a, b) => compareKeys(a.key, b.key, kinds));
  const calls = { boundaries: 0, stats: 0, rows: 0, openRows: 0, maxOpenRows: 0 };
  const within = (range: KeyRange) => sorted.filter((row) => inRange(row.key, range, kinds));
  return {
    calls,
    async describe(): Promise<SideDescription> {
      return { table: 'memory', key: keyNames.map((name, i) => ({ name, kind: kinds[i]!, type: kinds[i]! })), columns: columns.map((name) => ({ name, type: 'text' })) };
    },
    async boundaries(range: KeyRange, parts: number, _rowCount: number): Promise<Key[]> {
      calls.boundaries++;
      const inside = within(range);
      const out: Key[] = [];
      for (let i = 1; i < parts; i++) {
        const at = Math.floor((i * inside.length) / parts);
        if (at > 0 && at < inside.length && (out.length === 0 || out[out.length - 1] !== inside[at]!.key)) out.push(inside[at]!.key);
      }
      return out;
    },
    async stats(range: KeyRange): Promise<SegmentStats> {
      calls.stats++;
      const inside = within(range);
      return { count: inside.length, checksum: inside.reduce((sum, row) => sum + rowHash(row.key, row.values), 0n).toString() };
    },
    async *rows(range: KeyRange): AsyncIterable<SideRow> {
      calls.rows++;
      calls.maxOpenRows = Math.max(calls.maxOpenRows, ++calls.openRows);
      try {
        for (const row of within(range)) {
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
