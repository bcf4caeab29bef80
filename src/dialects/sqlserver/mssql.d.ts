/**
 * The part of the `mssql` package (v12, which ships no type declarations) that parity uses: pools,
 * transactions, requests, and the error classes it wraps tedious's errors in
 * (node_modules/mssql/lib/error/*.js).
 */
declare module 'mssql' {
  export interface IResult<T> {
    readonly recordset: T[];
    readonly recordsets: T[][];
    readonly rowsAffected: number[];
  }
  export interface config {
    server: string;
    port?: number;
    database?: string;
    user?: string;
    password?: string;
    connectionTimeout?: number;
    requestTimeout?: number;
    pool?: { max?: number; min?: number; idleTimeoutMillis?: number };
    options?: Record<string, unknown>;
    arrayRowMode?: boolean;
    beforeConnect?: (connection: { on(event: 'errorMessage', listener: (token: { number: number; message: string }) => void): void }) => void;
  }
  export class ConnectionPool {
    constructor(config: config);
    connect(): Promise<ConnectionPool>;
    close(): Promise<void>;
    request(): Request;
    transaction(): Transaction;
    on(event: 'error', listener: (error: unknown) => void): this;
  }
  export class Transaction {
    constructor(pool?: ConnectionPool);
    begin(isolationLevel?: number): Promise<Transaction>;
    commit(): Promise<void>;
    rollback(): Promise<void>;
    request(): Request;
  }
  export class Request {
    constructor(parent?: ConnectionPool | Transaction);
    input(name: string, value: unknown): Request;
    query<T = Record<string, unknown>>(command: string): Promise<IResult<T>>;
    batch<T = Record<string, unknown>>(command: string): Promise<IResult<T>>;
    /** Stream mode: rows come through the returned stream (with back pressure); `query` then reports through events. */
    toReadableStream(options?: { highWaterMark?: number }): import('node:stream').Readable;
    cancel(): boolean;
  }
  export class MSSQLError extends Error {
    constructor(message: string | Error, code?: string);
    code: string | undefined;
    readonly originalError?: Error;
  }
  export class ConnectionError extends MSSQLError {}
  export class RequestError extends MSSQLError {
    number?: number;
    lineNumber?: number;
    state?: number;
    class?: number;
    serverName?: string;
    procName?: string;
  }
  export class TransactionError extends MSSQLError {}
  export const ISOLATION_LEVEL: { readonly READ_COMMITTED: number; readonly REPEATABLE_READ: number; readonly SNAPSHOT: number };
  const mssql: {
    ConnectionPool: typeof ConnectionPool;
    Transaction: typeof Transaction;
    Request: typeof Request;
    ConnectionError: typeof ConnectionError;
    RequestError: typeof RequestError;
    TransactionError: typeof TransactionError;
    MSSQLError: typeof MSSQLError;
    ISOLATION_LEVEL: typeof ISOLATION_LEVEL;
  };
  export default mssql;
}
