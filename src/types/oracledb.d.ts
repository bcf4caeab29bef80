/**
 * The part of node-oracledb (https://node-oracledb.readthedocs.io) parity uses, typed here: the
 * package ships no declarations, and these few lines are all the Oracle dialect calls.
 */
declare module 'oracledb' {
  interface ConnectionAttributes {
    user?: string;
    password?: string;
    connectString?: string;
    /** Seconds to wait for the connection (thin mode). */
    connectTimeout?: number;
  }
  interface ExecuteOptions {
    outFormat?: number;
    autoCommit?: boolean;
    fetchTypeHandler?: (metadata: { dbType?: unknown }) => unknown;
    /** Rows fetched per round trip (queryStream). */
    fetchArraySize?: number;
  }
  /** A result column (thin mode: precision/scale of NUMBER, precision = fractional digits of TIMESTAMP*, byteSize of character and RAW). */
  interface Metadata {
    name: string;
    dbType?: unknown;
    dbTypeName?: string;
    precision?: number;
    scale?: number;
    byteSize?: number;
    nullable?: boolean;
  }
  interface Result<T> {
    rows?: T[];
    rowsAffected?: number;
    metaData?: Metadata[];
  }
  /** A Readable in object mode: one row per chunk; destroy() closes the cursor. */
  interface QueryStream<T> extends AsyncIterable<T> {
    destroy(error?: Error): void;
  }
  interface Connection {
    execute<T = unknown>(sql: string, binds?: Record<string, unknown> | unknown[], options?: ExecuteOptions): Promise<Result<T>>;
    commit(): Promise<void>;
    rollback(): Promise<void>;
    close(): Promise<void>;
    queryStream<T = unknown>(sql: string, binds?: Record<string, unknown> | unknown[], options?: ExecuteOptions): QueryStream<T>;
  }
  const OUT_FORMAT_OBJECT: number;
  const thin: boolean;
  function getConnection(attributes: ConnectionAttributes): Promise<Connection>;
  const oracledb: {
    OUT_FORMAT_OBJECT: number;
    thin: boolean;
    /** Fetch as a JS string (a fetchTypeHandler's `type`). */
    STRING: unknown;
    DB_TYPE_NUMBER: unknown;
    DB_TYPE_DATE: unknown;
    DB_TYPE_TIMESTAMP: unknown;
    DB_TYPE_TIMESTAMP_TZ: unknown;
    DB_TYPE_TIMESTAMP_LTZ: unknown;
    DB_TYPE_CLOB: unknown;
    DB_TYPE_NCLOB: unknown;
    getConnection: typeof getConnection;
  };
  export default oracledb;
  export { Connection, ConnectionAttributes, ExecuteOptions, Metadata, QueryStream, Result, OUT_FORMAT_OBJECT, thin, getConnection };
}
