/**
 * A small pool of data-diff connections to one database: at most `size` open, each used by one query
 * at a time, opened as they are first needed (each set up by its dialect: UTC, read only, ...). In a
 * whole-database run one pool per side serves every table, so `-threads` bounds the connections of
 * the run, not of each table.
 *
 * `-threads` is the number of connections per server (at most MAX_THREADS): when both sides are on one
 * server they share it. And the pools of a server never take its last free connection slots: the first
 * connection opened asks the server how many are left (`DataDialect.freeConnectionSlots`), once per
 * server, and each of the server's pools then opens at most its share of them less SPARE_SLOTS (less
 * the first connections of the other pools, which the server may not have counted yet), so other
 * clients can still connect.
 */
import type { ConnectionSettings } from '../config/connection.js';
import type { DataConnection, DataDialect } from './sql/data-dialect.js';
import { dataDialectFor } from './sql/data-dialects.js';

/** `-threads` at most. */
export const MAX_THREADS = 32;
/** Connection slots of a server a pool leaves free for other clients. */
export const SPARE_SLOTS = 2;

/** What the pools of one server share: how many more connections each of them may open, asked once. */
export class ServerSlots {
  #extra: Promise<number | undefined> | undefined;

  constructor(readonly pools: number) {}

  /** Connections a pool may open beyond its first; undefined when the server does not say. */
  extraPerPool(dialect: DataDialect, connection: DataConnection): Promise<number | undefined> {
    this.#extra ??= (dialect.freeConnectionSlots?.(connection) ?? Promise.resolve(undefined)).then(
      (free) => (free === undefined ? undefined : Math.floor(Math.max(0, free - SPARE_SLOTS - (this.pools - 1)) / this.pools)),
      () => undefined,
    );
    return this.#extra;
  }
}

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
    private readonly slots: ServerSlots = new ServerSlots(1),
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
          const extra = await this.slots.extraPerPool(this.dialect, connection);
          if (extra !== undefined) this.#size = Math.max(1, Math.min(this.#size, 1 + extra));
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
  if (serverOf(source) !== serverOf(target)) {
    return { source: new ConnectionPool(dataDialectFor(source.dialect), source, threads), target: new ConnectionPool(dataDialectFor(target.dialect), target, threads) };
  }
  const each = Math.max(1, Math.floor(threads / 2));
  const slots = new ServerSlots(2);
  return { source: new ConnectionPool(dataDialectFor(source.dialect), source, each, slots), target: new ConnectionPool(dataDialectFor(target.dialect), target, each, slots) };
}
