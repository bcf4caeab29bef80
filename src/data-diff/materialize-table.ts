/**
 * `-materializeEnvironment=NAME -materializeTable=schema.table_%t`: every difference written into a
 * table of that environment (created when missing), one row per difference and column:
 *
 *   run_at           the run's start (UTC), the same for every row of a run
 *   source_table     schema.table compared on the source, target_table on the target
 *   difference_no    the difference's number within its table pair (1, 2, ...), in the order of -materialize
 *   difference_type  onlyInSource | onlyInTarget | different
 *   key_values       the key as JSON text ({"id":"5"}); NULL for a table compared without a key
 *   column_name      a compared column (source name): for `different` each differing column, for a row on
 *                    one side only every compared column; NULL when the table has no column besides its key
 *   source_value     the column's value as text on the source (NULL: SQL NULL, or the row is not there)
 *   target_value     ... on the target
 *
 * The engine reports differences synchronously, so each table pair's differences go first to a
 * temporary JSON Lines file (removed on Ctrl-C, files.ts) and are loaded when the pair is done, in
 * batches of INSERT_BATCH rows and one transaction per table pair: a table pair's rows are all there
 * or none. Loads run one at a time on one connection of their own, the only one of the run that writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type mysql from 'mysql2/promise';
import type pg from 'pg';
import { describeConnection, type ConnectionSettings } from '../config/connection.js';
import { connectPostgres, toParityError as postgresError } from '../dialects/postgres/postgres-connection.js';
import { connectionOptions, toParityError as mysqlError } from '../dialects/mysql/mysql-connection.js';
import { loadMysql } from '../dialects/drivers.js';
import { ParityError } from '../errors.js';
import { removeQuietly, type TemporaryFile } from '../files.js';
import { MaterializedDiff } from './materialize.js';
import type { ReportColumns } from './report.js';
import type { RowDifference } from './row-compare.js';

/** Rows per INSERT statement. */
const INSERT_BATCH = 500;

/** The columns of a materialized table, in order. */
export const MATERIALIZED_COLUMNS = ['run_at', 'source_table', 'target_table', 'difference_no', 'difference_type', 'key_values', 'column_name', 'source_value', 'target_value'] as const;

type MaterializedRow = readonly [Date, string, string, number, string, string | null, string | null, string | null, string | null];

/** A table named by `-materializeTable`: `table` or `schema.table`, `%t` replaced by the run's time. */
export interface MaterializeTableName {
  readonly schema?: string;
  readonly name: string;
}

/** `20261204_213015`: the run's start in UTC, for `%t`. */
export function runStamp(runAt: Date): string {
  return runAt.toISOString().replace(/\.\d+Z$/, '').replaceAll('-', '').replace('T', '_').replaceAll(':', '');
}

/** Parses `-materializeTable`: one or two dot-separated names of letters, digits, `_` and `$` (with `%t`). */
export function materializeTableName(text: string, runAt: Date): MaterializeTableName {
  const parts = text.replaceAll('%t', runStamp(runAt)).split('.');
  if (parts.length > 2 || parts.some((part) => !/^[A-Za-z_][A-Za-z0-9_$]{0,62}$/.test(part))) {
    throw new ParityError('INVALID_ARGUMENT', `-materializeTable must be table or schema.table (letters, digits, _ and $; %t for the run's time), not "${text}"`, { where: '-materializeTable' });
  }
  return parts.length === 2 ? { schema: parts[0]!, name: parts[1]! } : { name: parts[0]! };
}

/** What writes rows into the table on one dialect. */
interface TableWriter {
  createTable(): Promise<void>;
  /** Runs `fn` in one transaction: committed when it succeeds, rolled back when it fails. */
  transaction(fn: () => Promise<void>): Promise<void>;
  insert(rows: readonly MaterializedRow[]): Promise<void>;
  close(): Promise<void>;
}

/** `fn` between `begin` and COMMIT, or ROLLBACK (its own failure ignored) when it fails. */
async function inTransaction(run: (sql: string) => Promise<void>, begin: string, fn: () => Promise<void>): Promise<void> {
  await run(begin);
  try {
    await fn();
  } catch (error) {
    await run('ROLLBACK').catch(() => {});
    throw error;
  }
  await run('COMMIT');
}

const qualifiedWith = (quote: (name: string) => string, table: MaterializeTableName) => `${table.schema !== undefined ? `${quote(table.schema)}.` : ''}${quote(table.name)}`;

/** A statement runner whose driver failures become the dialect's ParityErrors. */
function reporting(query: (sql: string, values?: unknown[]) => Promise<unknown>, mapError: (error: unknown) => unknown): (sql: string, values?: unknown[]) => Promise<void> {
  return async (sql, values) => {
    try {
      await query(sql, values);
    } catch (error) {
      throw mapError(error);
    }
  };
}

const pgName = (name: string) => `"${name.replaceAll('"', '""')}"`;
const myName = (name: string) => `\`${name.replaceAll('`', '``')}\``;

async function postgresWriter(settings: ConnectionSettings, table: MaterializeTableName): Promise<TableWriter> {
  const client: pg.Client = await connectPostgres(settings);
  const qualified = qualifiedWith(pgName, table);
  const run = reporting((sql, values) => client.query(sql, values), (error) => postgresError(error, settings, { context: `writing differences to ${qualified}` }));
  return {
    createTable: () =>
      run(`CREATE TABLE IF NOT EXISTS ${qualified} (run_at timestamptz NOT NULL, source_table text NOT NULL, target_table text NOT NULL, difference_no bigint NOT NULL,
        difference_type text NOT NULL, key_values text, column_name text, source_value text, target_value text)`),
    transaction: (fn) => inTransaction(run, 'BEGIN', fn),
    async insert(rows) {
      const width = MATERIALIZED_COLUMNS.length;
      const tuples = rows.map((_, r) => `(${MATERIALIZED_COLUMNS.map((__, c) => `$${r * width + c + 1}`).join(', ')})`);
      await run(`INSERT INTO ${qualified} (${MATERIALIZED_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, rows.flat());
    },
    close: () => client.end().catch(() => {}),
  };
}

async function mysqlWriter(settings: ConnectionSettings, table: MaterializeTableName): Promise<TableWriter> {
  let connection: mysql.Connection;
  try {
    connection = await (await loadMysql()).createConnection({ ...connectionOptions(settings), timezone: 'Z' });
  } catch (error) {
    throw mysqlError(error, settings, { connecting: true });
  }
  connection.on('error', () => {});
  const qualified = qualifiedWith(myName, table);
  const run = reporting((sql, values) => connection.query(sql, values), (error) => mysqlError(error, settings, { context: `writing differences to ${qualified}` }));
  await run("SET time_zone = '+00:00'");
  return {
    createTable: () =>
      run(`CREATE TABLE IF NOT EXISTS ${qualified} (run_at DATETIME(3) NOT NULL, source_table VARCHAR(512) NOT NULL, target_table VARCHAR(512) NOT NULL,
        difference_no BIGINT NOT NULL, difference_type VARCHAR(16) NOT NULL, key_values LONGTEXT, column_name VARCHAR(255), source_value LONGTEXT,
        target_value LONGTEXT) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`),
    transaction: (fn) => inTransaction(run, 'START TRANSACTION', fn),
    insert: (rows) => run(`INSERT INTO ${qualified} (${MATERIALIZED_COLUMNS.join(', ')}) VALUES ?`, [rows.map((row) => [...row])]),
    close: () => connection.end().catch(() => connection.destroy()),
  };
}

/** One JSON Lines record of -materialize as the rows of the table. */
function rowsOf(record: MaterializedRecord, number: number, tables: { source: string; target: string }, runAt: Date, columns: readonly string[]): MaterializedRow[] {
  const key = Object.keys(record.key ?? {}).length === 0 ? null : JSON.stringify(record.key);
  const row = (column: string | null, source: string | null, target: string | null): MaterializedRow => [runAt, tables.source, tables.target, number, record.type, key, column, source, target];
  if (record.type === 'different') return Object.entries(record.columns ?? {}).map(([column, v]) => row(column, v.source, v.target));
  if (columns.length === 0) return [row(null, null, null)];
  return columns.map((column) => {
    const value = record.row?.[column] ?? null;
    return record.type === 'onlyInSource' ? row(column, value, null) : row(column, null, value);
  });
}

interface MaterializedRecord {
  type: 'onlyInSource' | 'onlyInTarget' | 'different';
  key?: Record<string, string | null>;
  row?: Record<string, string | null>;
  columns?: Record<string, { source: string | null; target: string | null }>;
}

/** Where the differences of one table pair go: written as they come, stored when the pair is done. */
export interface TableOutput {
  write(difference: RowDifference): void;
  /** Stores what was written (after the pair's comparison completed). */
  finish(): Promise<void>;
  /** Drops what was written (the comparison failed). */
  abort(): void;
}

export interface MaterializeTarget {
  /** The environment's name, for messages. */
  readonly environment: string;
  readonly connection: ConnectionSettings;
  readonly table: MaterializeTableName;
}

/** The run's writer into the materialized table: opened once, one table pair loaded at a time. */
export class TableMaterializer {
  /** Rows inserted so far (committed). */
  rowsWritten = 0;
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly writer: TableWriter,
    readonly target: MaterializeTarget,
    private readonly runAt: Date,
    private readonly temporaryDirectory: string,
  ) {}

  /** Connects and creates the table when it does not exist (before any comparison, so a mistake costs nothing). */
  static async open(target: MaterializeTarget, runAt: Date, temporaryDirectory: string): Promise<TableMaterializer> {
    const open = target.connection.dialect === 'postgres' ? postgresWriter : target.connection.dialect === 'mysql' ? mysqlWriter : undefined;
    if (open === undefined) {
      throw new ParityError('UNSUPPORTED', `differences cannot be materialized into a ${target.connection.dialect} database yet`, { where: '-materializeEnvironment' });
    }
    const writer = await open(target.connection, target.table);
    try {
      await writer.createTable();
    } catch (error) {
      await writer.close();
      throw error;
    }
    return new TableMaterializer(writer, target, runAt, temporaryDirectory);
  }

  /** `schema.table` as written. */
  get tableName(): string {
    return `${this.target.table.schema !== undefined ? `${this.target.table.schema}.` : ''}${this.target.table.name}`;
  }

  /** Where the differences of one table pair go (names as `schema.table`; `names`: key and compared columns). */
  tableOutput(tables: { source: string; target: string }, names: ReportColumns): TableOutput {
    let spill: MaterializedDiff | undefined;
    let stored: TemporaryFile | undefined;
    return {
      write: (difference) => {
        spill ??= new MaterializedDiff(path.join(this.temporaryDirectory, 'parity-materialize.jsonl'), names);
        spill.write(difference);
      },
      finish: async () => {
        if (spill === undefined) return;
        stored = spill.keepTemporary();
        spill = undefined;
        const file = stored;
        try {
          await this.serially(() => this.load(file.path, tables, names.columns));
        } finally {
          removeQuietly(file.path);
          file.release();
        }
      },
      abort: () => {
        spill?.abort();
        spill = undefined;
      },
    };
  }

  private serially(fn: () => Promise<void>): Promise<void> {
    const next = this.queue.then(fn);
    this.queue = next.catch(() => {});
    return next;
  }

  private async load(file: string, tables: { source: string; target: string }, columns: readonly string[]): Promise<void> {
    let written = 0;
    await this.writer.transaction(async () => {
      let batch: MaterializedRow[] = [];
      let number = 0;
      const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) {
        if (line === '') continue;
        batch.push(...rowsOf(JSON.parse(line) as MaterializedRecord, ++number, tables, this.runAt, columns));
        if (batch.length >= INSERT_BATCH) {
          await this.writer.insert(batch);
          written += batch.length;
          batch = [];
        }
      }
      if (batch.length > 0) {
        await this.writer.insert(batch);
        written += batch.length;
      }
    });
    this.rowsWritten += written;
  }

  /** Waits for the loads in progress and closes the connection. */
  async close(): Promise<void> {
    await this.queue;
    await this.writer.close();
  }

  /** `NAME (postgres://user@host:port/db) table s.t` for messages, never a password. */
  describe(): string {
    return `${this.target.environment} (${describeConnection(this.target.connection)}) table ${this.tableName}`;
  }
}
