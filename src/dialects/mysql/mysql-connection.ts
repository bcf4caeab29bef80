/**
 * MySQL/MariaDB connections through mysql2: opening one from ConnectionSettings, a read-only
 * consistent-snapshot transaction, and turning driver failures into ParityErrors. The password goes to
 * the driver as a field and is scrubbed from every message this module builds.
 */
import type mysql from 'mysql2/promise';
import { describeConnection, type ConnectionSettings } from '../../config/connection.js';
import { ParityError, isParityError, type ErrorCode } from '../../errors.js';
import { NETWORK_ERROR_CODES, driverErrorCode, driverErrorMessage, scrubPassword as scrub } from '../driver-errors.js';
import { loadMysql } from '../drivers.js';

/** Seconds to wait for a connection when the URL names no `connectTimeout` (milliseconds, JDBC). */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

/** The part of a mysql2 connection the catalog readers need. */
export interface MysqlQueryable {
  query(sql: string, values?: unknown[]): Promise<[unknown, unknown]>;
}

/** The URL's `connectTimeout` (milliseconds, as MySQL's JDBC driver reads it), else the default. */
function connectTimeoutMs(settings: ConnectionSettings): number {
  const timeoutMs = Number(settings.params['connectTimeout'] ?? DEFAULT_CONNECT_TIMEOUT_SECONDS * 1000);
  return Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : DEFAULT_CONNECT_TIMEOUT_SECONDS * 1000;
}

/** mysql2 options: text results for dates and big numbers (the model keeps server text as it is). */
export function connectionOptions(settings: ConnectionSettings): mysql.ConnectionOptions {
  const options: mysql.ConnectionOptions = {
    host: settings.host,
    port: settings.port,
    database: settings.database,
    charset: 'utf8mb4_general_ci',
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    multipleStatements: false,
    connectTimeout: connectTimeoutMs(settings),
  };
  if (settings.user !== undefined) options.user = settings.user;
  if (settings.password !== undefined) options.password = settings.password;
  return options;
}

/** Opens a connection, runs `fn` with it and always closes it; driver failures become ParityErrors. */
export async function withMysqlConnection<T>(settings: ConnectionSettings, fn: (connection: mysql.Connection) => Promise<T>): Promise<T> {
  let connection: mysql.Connection;
  try {
    connection = await (await loadMysql()).createConnection(connectionOptions(settings));
  } catch (error) {
    throw toParityError(error, settings, { connecting: true });
  }
  // A connection lost while idle is reported as an event; the failed query reports it too.
  connection.on('error', () => {});
  try {
    return await fn(connection);
  } catch (error) {
    throw toParityError(error, settings);
  } finally {
    await connection.end().catch(() => connection.destroy());
  }
}

/**
 * Runs `fn` inside `START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY` at REPEATABLE READ (one
 * InnoDB snapshot for every query; the server refuses writes), then COMMIT, or ROLLBACK on failure.
 */
export async function withReadOnlySnapshot<C extends MysqlQueryable, T>(connection: C, fn: (connection: C) => Promise<T>): Promise<T> {
  await connection.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
  await connection.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
  let result: T;
  try {
    result = await fn(connection);
  } catch (error) {
    await connection.query('ROLLBACK').catch(() => {});
    throw error;
  }
  await connection.query('COMMIT');
  return result;
}

/** Server errors that mean "you may not log in" (bad password, unknown user, host not allowed). */
const AUTH_CODES = new Set(['ER_ACCESS_DENIED_ERROR', 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR', 'ER_HOST_NOT_PRIVILEGED', 'ER_DBACCESS_DENIED_ERROR']);

/**
 * Maps a driver error to a ParityError (ParityErrors pass through): access denied →
 * AUTHENTICATION_FAILED; unknown database, network failures and timeouts → CONNECTION_FAILED; any
 * other server error → DATABASE_ERROR. Other errors (programming errors) pass through unchanged.
 * `context` prefixes the message (`querying columns: ...`). The password is scrubbed.
 */
export function toParityError(
  error: unknown,
  settings: ConnectionSettings,
  options: { connecting?: boolean; context?: string } = {},
): unknown {
  if (isParityError(error)) return error;
  const where = describeConnection(settings);
  const server = `${settings.host}:${settings.port}`;
  const code = driverErrorCode(error);
  const detail = driverErrorMessage(error);
  const prefix = options.context ? `${options.context}: ` : '';
  const make = (errorCode: ErrorCode, message: string) =>
    new ParityError(errorCode, scrub(prefix + message, settings), { where, cause: error });

  if (code !== undefined && AUTH_CODES.has(code)) {
    const user = settings.user ?? '(default user)';
    return make('AUTHENTICATION_FAILED', `MySQL rejected the login of user "${user}": ${detail}`);
  }
  if (code === 'ER_BAD_DB_ERROR') {
    return make('CONNECTION_FAILED', `database "${settings.database}" does not exist on the MySQL server at ${server}`);
  }
  if (options.connecting && (code === 'ETIMEDOUT' || /timeout|timed out/i.test(detail))) {
    // Also what a server of another kind on that port looks like (PostgreSQL waits for the client to speak first).
    return make(
      'CONNECTION_FAILED',
      `cannot connect to MySQL at ${server}: timed out after ${connectTimeoutMs(settings) / 1000} s without an answer from a MySQL server (a host that does not answer, or another kind of server on that port; connectTimeout=MILLISECONDS in the URL sets the wait)`,
    );
  }
  if (code !== undefined && NETWORK_ERROR_CODES[code] !== undefined) {
    return make('CONNECTION_FAILED', `cannot connect to MySQL at ${server}: ${NETWORK_ERROR_CODES[code]}`);
  }
  if (code !== undefined && code.startsWith('ER_')) {
    return make('DATABASE_ERROR', `MySQL error ${code}: ${detail}`);
  }
  const timedOut = /timeout|timed out/i.test(detail);
  if (options.connecting || timedOut) {
    return make('CONNECTION_FAILED', `cannot connect to MySQL at ${server}: ${timedOut ? 'connection timed out' : detail}`);
  }
  return error;
}

