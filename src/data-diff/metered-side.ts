/**
 * Wraps a TableSide so that at most `threads` of its queries run at once and each query is counted
 * (the `queries` and `rowsDownloaded` of the report).
 */
import type { BucketStats, Grain, Key, SideDescription, SideRow, Slice, TableSide } from './table-side.js';

export interface Meter {
  queries: number;
  rowsDownloaded: number;
}

/** A counting semaphore: `run(fn)` waits for one of `size` slots. */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.size) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }
}

export function meteredSide(side: TableSide, threads: number, meter: Meter): TableSide {
  const limiter = new Limiter(threads);
  const query = <T>(fn: () => Promise<T>): Promise<T> =>
    limiter.run(() => {
      meter.queries++;
      return fn();
    });
  return {
    describe: (): Promise<SideDescription> => query(() => side.describe()),
    boundaries: (slice: Slice, parts: number, rowCount: number): Promise<Key[]> => query(() => side.boundaries(slice, parts, rowCount)),
    stats: (slice: Slice, grain: Grain): Promise<BucketStats> => query(() => side.stats(slice, grain)),
    ...(side.keySpan !== undefined ? { keySpan: () => query(() => side.keySpan!()) } : {}),
    async *rows(slice: Slice): AsyncIterable<SideRow> {
      // The slot is held while the rows are read: a download is one query on one connection.
      await limiter.acquire();
      meter.queries++;
      try {
        for await (const row of side.rows(slice)) {
          meter.rowsDownloaded++;
          yield row;
        }
      } finally {
        limiter.release();
      }
    },
    close: () => side.close(),
  };
}
