/**
 * The database drivers, loaded on first use instead of when parity starts: importing all four costs
 * ~0.5 s (mssql alone ~0.3 s), and a run uses one or two of them. Each loader imports its driver once
 * and returns the module's default export, the same object `import driver from '...'` gives, so a
 * function patched on it (as tests patch `oracledb.getConnection`) is seen by the next call.
 * Everything else imports the drivers only as `import type`.
 */
import type Mssql from 'mssql';
import type Mysql from 'mysql2/promise';
import type Oracledb from 'oracledb';
import type Pg from 'pg';

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

/** `mssql` (SQL Server). */
export const loadMssql: () => Promise<typeof Mssql> = once(async () => (await import('mssql')).default);
let oracledb: typeof Oracledb | undefined;
/** `oracledb` (Oracle, thin mode). */
export const loadOracledb: () => Promise<typeof Oracledb> = once(async () => (oracledb = (await import('oracledb')).default));
/**
 * `oracledb` for code the driver calls back synchronously (a fetch type handler), which runs only on a
 * connection `loadOracledb()` opened: it is loaded by then.
 */
export function loadedOracledb(): typeof Oracledb {
  if (oracledb === undefined) throw new Error('oracledb used before loadOracledb() finished');
  return oracledb;
}
/** `mysql2/promise` (MySQL/MariaDB). */
export const loadMysql: () => Promise<typeof Mysql> = once(async () => (await import('mysql2/promise')).default);
/** `pg` (PostgreSQL). */
export const loadPg: () => Promise<typeof Pg> = once(async () => (await import('pg')).default);
