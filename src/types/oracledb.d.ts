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
  }
  interface Result<T> {
    rows?: T[];
    rowsAffected?: number;
  }
  interface Connection {
    execute<T = unknown>(sql: string, binds?: Record<string, unknown> | unknown[], options?: ExecuteOptions): Promise<Result<T>>;
    commit(): Promise<void>;
    rollback(): Promise<void>;
    close(): Promise<void>;
  }
  const OUT_FORMAT_OBJECT: number;
  const thin: boolean;
  function getConnection(attributes: ConnectionAttributes): Promise<Connection>;
  const oracledb: {
    OUT_FORMAT_OBJECT: number;
    thin: boolean;
    getConnection: typeof getConnection;
  };
  export default oracledb;
  export { Connection, ConnectionAttributes, ExecuteOptions, Result, OUT_FORMAT_OBJECT, thin, getConnection };
}
