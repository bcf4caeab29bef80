/**
 * A small pool of data-diff connections to one database: at most `size` open, each used by one query
 * at a time, opened as they are first needed (each set up by its dialect: UTC, read only, ...). In a
 * whole-database run one pool per side serves every table, so `-threads` bounds the connections of
 * the run, not of each table.
 */
import type { ConnectionSettings } from '../config/connection.js';
import type { DataConnection, DataDialect } from './sql/data-dialect.js';

export class ConnectionPool {
  readonly #idle: DataConnection[] = [];
  readonly #waiting: Array<(c: DataConnection) => void> = [];
  readonly #all: Promise<DataConnection>[] = [];

  constructor(
    readonly dialect: DataDialect,
    readonly settings: ConnectionSettings,
    readonly size: number,
  ) {}

  async #acquire(): Promise<DataConnection> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#all.length < this.size) {
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
