/**
 * A small pool of data-diff connections to one database: at most `size` open, each used by one query
 * at a time, opened as they are first needed (each set up by its dialect: UTC, read only, ...). In a
 * whole-database run one pool per side serves every table, so `-threads` bounds the connections of
 * the run, not of each table.
 *
 * `-threads` is the number of connections per server (at most MAX_THREADS): when both sides are on one
 * server they share it. And a pool never takes the server's last free connection slots: once its first
 * connection is open it asks the server how many are left (`DataDialect.freeConnectionSlots`) and
 * opens at most that many less SPARE_SLOTS more, so other clients can still connect.
 */
import type { ConnectionSettings } from '../config/connection.js';
import type { DataConnection, DataDialect } from './sql/data-dialect.js';
import { dataDialectFor } from './sql/data-dialects.js';

/** `-threads` at most. */
export const MAX_THREADS = 32;
/** Connection slots of a server a pool leaves free for other clients. */
export const SPARE_SLOTS = 2;

export class ConnectionPool {
  readonly #idle: DataConnection[] = [];
  readonly #waiting: Array<(c: DataConnection) => void> = [];
  readonly #all: Promise<DataConnection>[] = [];
  #size: number;
  /** Settles once the first connection is open and `#size` is lowered to the server's free slots. */
  #sized: Promise<void> | undefined;

  constructor(
    readonly dialect: DataDialect,
    readonly settings: ConnectionSettings,
    size: number,
  ) {
    this.#size = size;
  }

  /** The most connections this pool opens (lowered once the server says how many slots are free). */
  get size(): number {
    return this.#size;
  }

  async #acquire(): Promise<DataConnection> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#sized === undefined) {
      const opening = this.dialect.connect(this.settings);
      this.#all.push(opening);
      this.#sized = opening.then(
        async (connection) => {
          const free = await this.dialect.freeConnectionSlots?.(connection).catch(() => undefined);
          if (free !== undefined) this.#size = Math.max(1, Math.min(this.#size, 1 + free - SPARE_SLOTS));
        },
        () => {},
      );
      await this.#sized;
      return opening;
    }
    // The size is known only once the first connection has asked the server.
    await this.#sized;
    const idleNow = this.#idle.pop();
    if (idleNow) return idleNow;
    if (this.#all.length < this.#size) {
      const opening = this.dialect.connect(this.settings);
      this.#all.push(opening);
      return opening;
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(connection: DataConnection): void {
    const next = this.#waiting.shift();
    if (next) next(connection);
    else this.#idle.push(connection);
  }

  async use<T>(fn: (c: DataConnection) => Promise<T>): Promise<T> {
    const connection = await this.#acquire();
    try {
      return await fn(connection);
    } finally {
      this.#release(connection);
    }
  }

  async close(): Promise<void> {
    const opened = await Promise.allSettled(this.#all);
    this.#all.length = 0;
    await Promise.allSettled(opened.map((o) => (o.status === 'fulfilled' ? o.value.close() : undefined)));
  }
}

const serverOf = (settings: ConnectionSettings) => `${settings.dialect}\u0000${settings.host.toLowerCase()}\u0000${settings.port}`;

/**
 * One pool per side for a run: `threads` connections per server, split between the two sides when
 * they are on one server (each gets at least one).
 */
export function openSidePools(source: ConnectionSettings, target: ConnectionSettings, threads: number): { source: ConnectionPool; target: ConnectionPool } {
  const each = serverOf(source) === serverOf(target) ? Math.max(1, Math.floor(threads / 2)) : threads;
  return { source: new ConnectionPool(dataDialectFor(source.dialect), source, each), target: new ConnectionPool(dataDialectFor(target.dialect), target, each) };
}
