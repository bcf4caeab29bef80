/**
 * Oracle connections through node-oracledb in thin mode (pure JavaScript: no Oracle Client libraries;
 * parity never calls `initOracleClient`, which is what would switch the driver to thick mode): opening
 * one from ConnectionSettings, a read-only transaction, and turning driver failures into ParityErrors.
 * The password goes to the driver as a field and is scrubbed from every message this module builds.
 *
 * The errors are node-oracledb's own (lib/errors.js): a server error has `errorNum` (1017) and a
 * message `ORA-01017: ...` with `code` `ORA-01017` (and, in thin mode, a `Help: https://...` line);
 * a driver or network error has a `code` `NJS-5xx` and no `errorNum` (NJS-503: the TCP connection
 * could not be made, its message ending with the system error, `connect ECONNREFUSED 127.0.0.1:1521`;
 * NJS-518/519: the listener does not know the service/SID, thin mode's ORA-12514/ORA-12505; NJS-510:
 * timed out; NJS-500/501/521: the connection broke).
 */
import type { Connection, ConnectionAttributes } from 'oracledb';
import { describeConnection, type ConnectionSettings } from '../../config/connection.js';
import { ParityError, isParityError, type ErrorCode } from '../../errors.js';
import { NETWORK_ERROR_CODES, driverErrorMessage, scrubPassword } from '../driver-errors.js';
import { loadOracledb } from '../drivers.js';
import { oracleConnectString } from './oracle-url.js';

/** Seconds to wait for a connection when the URL names no `connectTimeout` (seconds). */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

/** The part of a node-oracledb connection the catalog readers need. */
export interface OracleQueryable {
  execute<T>(sql: string, binds?: Record<string, unknown> | unknown[], options?: Record<string, unknown>): Promise<{ rows?: T[] }>;
}

function connectTimeoutSeconds(settings: ConnectionSettings): number {
  const seconds = Number(settings.params['connectTimeout'] ?? DEFAULT_CONNECT_TIMEOUT_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_CONNECT_TIMEOUT_SECONDS;
}

/** node-oracledb's getConnection attributes for the settings. */
export function connectionAttributes(settings: ConnectionSettings): ConnectionAttributes {
  return {
    connectString: oracleConnectString(settings),
    connectTimeout: connectTimeoutSeconds(settings),
    ...(settings.user !== undefined ? { user: settings.user } : {}),
    ...(settings.password !== undefined ? { password: settings.password } : {}),
  };
}

/** Opens a connection, runs `fn` with it and always closes it; driver failures become ParityErrors. */
export async function withOracleConnection<T>(settings: ConnectionSettings, fn: (connection: Connection) => Promise<T>): Promise<T> {
  let connection: Connection;
  try {
    connection = await (await loadOracledb()).getConnection(connectionAttributes(settings));
  } catch (error) {
    throw toParityError(error, settings, { connecting: true });
  }
  try {
    return await fn(connection);
  } catch (error) {
    throw toParityError(error, settings);
  } finally {
    await connection.close().catch(() => {});
  }
}

/**
 * Runs `fn` inside `SET TRANSACTION READ ONLY` (one read-consistent view of the database for every
 * query, and the server refuses writes), then COMMIT, or ROLLBACK on failure.
 */
export async function withReadOnlyTransaction<C extends OracleQueryable, T>(connection: C, fn: (connection: C) => Promise<T>): Promise<T> {
  await connection.execute('SET TRANSACTION READ ONLY');
  let result: T;
  try {
    result = await fn(connection);
  } catch (error) {
    await connection.execute('ROLLBACK').catch(() => {});
    throw error;
  }
  await connection.execute('COMMIT');
  return result;
}

interface OracleDriverError {
  readonly errorNum?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
}

/** The error's ORA number (`1017`), if the server sent one. */
export function oracleErrorNumber(error: unknown): number | undefined {
  const value = typeof error === 'object' && error !== null ? (error as OracleDriverError).errorNum : undefined;
  return typeof value === 'number' && value > 0 ? value : undefined;
}

/** `NJS-503`, `ORA-01017`, `ECONNREFUSED`, ... */
function errorCode(error: unknown): string | undefined {
  const value = typeof error === 'object' && error !== null ? (error as OracleDriverError).code : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The message's first line (the driver adds `Help: https://...` and, for NJS-5xx, the cause below it). */
function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** Server errors that mean "you may not log in". */
const AUTH_ERRORS = new Set([1017, 1005, 1045, 28000, 28001, 28009]);
/** Server errors: the listener or instance does not offer the service or SID. */
const UNKNOWN_SERVICE_ERRORS = new Set([12514, 12505, 1034, 12528, 12526]);
/** Server errors: nothing listens, or the network failed. */
const NETWORK_ERRORS: Readonly<Record<number, string>> = {
  12541: 'no listener',
  12543: 'destination host unreachable',
  12545: 'host not found',
  12170: 'connection timed out',
  12537: 'connection closed by the server',
  3113: 'connection closed by the server',
  3114: 'not connected',
  3135: 'connection lost',
};

/** The system error code at the end of an NJS-503 message (`connect ECONNREFUSED 127.0.0.1:1521`). */
function systemCode(message: string): string | undefined {
  return /\b(E[A-Z]{4,})\b/.exec(message)?.[1];
}

/**
 * Maps a driver error to a ParityError (ParityErrors pass through): a refused login ->
 * AUTHENTICATION_FAILED; an unknown service or SID, network failures and timeouts ->
 * CONNECTION_FAILED; any other ORA- error -> DATABASE_ERROR. Other errors (programming errors) pass
 * through unchanged. `context` prefixes the message. The password is scrubbed.
 */
export function toParityError(error: unknown, settings: ConnectionSettings, options: { connecting?: boolean; context?: string } = {}): unknown {
  if (isParityError(error)) return error;
  const where = describeConnection(settings);
  const server = `${settings.host}:${settings.port}`;
  const number = oracleErrorNumber(error);
  const code = errorCode(error);
  const message = driverErrorMessage(error);
  const detail = firstLine(message);
  const prefix = options.context ? `${options.context}: ` : '';
  const make = (errorCode: ErrorCode, text: string) => new ParityError(errorCode, scrubPassword(prefix + text, settings), { where, cause: error });
  const what = settings.params['oracleSid'] === 'true' ? `SID "${settings.database}"` : `service "${settings.database}"`;

  if (number !== undefined && AUTH_ERRORS.has(number)) {
    return make('AUTHENTICATION_FAILED', `Oracle rejected the login of user "${settings.user ?? '(no user)'}": ${detail}`);
  }
  if ((number !== undefined && UNKNOWN_SERVICE_ERRORS.has(number)) || code === 'NJS-518' || code === 'NJS-519') {
    return make('CONNECTION_FAILED', `the Oracle listener at ${server} does not know ${what} (${detail})`);
  }
  if (number !== undefined && NETWORK_ERRORS[number] !== undefined) {
    return make('CONNECTION_FAILED', `cannot connect to Oracle at ${server}: ${NETWORK_ERRORS[number]} (${detail})`);
  }
  if (code === 'NJS-510' || (options.connecting && /timed out|timeout/i.test(message))) {
    return make('CONNECTION_FAILED', `cannot connect to Oracle at ${server}: timed out after ${connectTimeoutSeconds(settings)} s (connectTimeout=SECONDS in the URL sets the wait)`);
  }
  if (code === 'NJS-503' || code === 'NJS-511' || code === 'NJS-530') {
    const system = systemCode(message);
    const reason = system !== undefined && NETWORK_ERROR_CODES[system] !== undefined ? NETWORK_ERROR_CODES[system] : code === 'NJS-530' ? 'host not found' : 'connection refused';
    return make('CONNECTION_FAILED', `cannot connect to Oracle at ${server}: ${reason}`);
  }
  if (code === 'NJS-500' || code === 'NJS-501' || code === 'NJS-521') {
    if (options.connecting) return make('CONNECTION_FAILED', `cannot connect to Oracle at ${server}: the server closed the connection (is an Oracle listener on that port?)`);
    return make('CONNECTION_FAILED', `the connection to Oracle at ${server} was lost: ${detail}`);
  }
  if (code !== undefined && NETWORK_ERROR_CODES[code] !== undefined) {
    return make('CONNECTION_FAILED', `cannot connect to Oracle at ${server}: ${NETWORK_ERROR_CODES[code]}`);
  }
  if (number !== undefined) return make('DATABASE_ERROR', `Oracle error ${detail}`);
  if (options.connecting || (code !== undefined && code.startsWith('NJS-'))) {
    return make('CONNECTION_FAILED', `cannot connect to Oracle at ${server}: ${detail}`);
  }
  return error;
}
