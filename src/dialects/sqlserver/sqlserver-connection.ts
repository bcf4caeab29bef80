/**
 * SQL Server connections through `mssql` (tedious): configuration from ConnectionSettings, read-only
 * sessions, and turning the driver's errors into ParityErrors. The password goes to the driver as a
 * field and is scrubbed from every message this module builds.
 *
 * Read only: every session asks for `ApplicationIntent=ReadOnly` (tedious `readOnlyIntent`: an
 * Availability Group routes it to a readable secondary, and a read-only replica refuses writes), and
 * the catalog is read inside one transaction that is always rolled back, never committed.
 *
 * The driver's errors (node_modules/tedious/lib/{errors,connection,token/handler}.js and
 * node_modules/mssql/lib/error/*.js): tedious rejects a login with `ConnectionError(message, 'ELOGIN')`
 * carrying the server's last login error message but not its number (the number is on the
 * `errorMessage` event, which `beforeConnect` records here as `serverErrors`); mssql wraps it in its
 * own `ConnectionError` (same message and code, tedious's error as `originalError`). A failed query is
 * tedious's `RequestError(message, 'EREQUEST')` with `number`, `state`, `class`, `lineNumber`, wrapped
 * by mssql's `RequestError`, which copies them. Network failures are `ESOCKET` with the socket error as
 * `cause`; an unanswered login is `ETIMEOUT`.
 */
import type { ConnectionPool, Request, config as MssqlConfig } from 'mssql';
import { describeConnection, type ConnectionSettings } from '../../config/connection.js';
import { ParityError, isParityError, type ErrorCode } from '../../errors.js';
import { NETWORK_ERROR_CODES, driverErrorMessage, scrubPassword as scrub } from '../driver-errors.js';
import { loadMssql } from '../drivers.js';

/** Seconds to wait for a login when the URL names no `loginTimeout` (seconds, as Microsoft's JDBC driver reads it). */
export const DEFAULT_LOGIN_TIMEOUT_SECONDS = 15;

/** SQL Server's error numbers parity tells apart. */
export const SQLSERVER_ERRORS = {
  /** Login failed for user '...'. */
  LOGIN_FAILED: 18456,
  /** Cannot open database "..." requested by the login. The login failed. */
  CANNOT_OPEN_DATABASE: 4060,
  /** Database '...' does not exist (USE). */
  DATABASE_DOES_NOT_EXIST: 911,
} as const;

function loginTimeoutMs(settings: ConnectionSettings): number {
  const seconds = Number(settings.params['loginTimeout'] ?? DEFAULT_LOGIN_TIMEOUT_SECONDS);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_LOGIN_TIMEOUT_SECONDS) * 1000;
}

/** `true`/`false` of a URL parameter (JDBC spells them as words), else `fallback`. */
function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  return /^(true|yes|1|strict|mandatory)$/i.test(value.trim());
}

/** Numbers of the server's error messages during the login, kept on the error (see the header). */
const SERVER_ERRORS = Symbol('serverErrors');

/**
 * mssql's configuration: one connection, read-only intent, encryption as the URL says (Microsoft's
 * JDBC driver and mssql both encrypt by default). `database` may be overridden (master, for the
 * migrator's CREATE DATABASE of a scratch database).
 */
export function connectionConfig(settings: ConnectionSettings, options: { readonly readOnly?: boolean; readonly database?: string } = {}): MssqlConfig {
  const instanceName = settings.params['instanceName'];
  const seen: number[] = [];
  const config: MssqlConfig = {
    server: settings.host,
    database: options.database ?? settings.database,
    connectionTimeout: loginTimeoutMs(settings),
    requestTimeout: 0,
    // One connection, kept for the pool's life: a migrate session's application lock belongs to it.
    pool: { max: 1, min: 1 },
    options: {
      encrypt: flag(settings.params['encrypt'], true),
      trustServerCertificate: flag(settings.params['trustServerCertificate'], false),
      readOnlyIntent: options.readOnly !== false,
      appName: settings.params['applicationName'] ?? 'parity',
      ...(instanceName !== undefined ? { instanceName } : {}),
    },
    beforeConnect: (connection) => {
      connection.on('errorMessage', (token) => seen.push(token.number));
    },
  };
  if (instanceName === undefined) config.port = settings.port;
  if (settings.user !== undefined) config.user = settings.user;
  if (settings.password !== undefined) config.password = settings.password;
  Object.defineProperty(config, SERVER_ERRORS, { value: seen, enumerable: false });
  return config;
}

/** The numbers of the server's error messages seen while the connection of `config` logged in. */
export function loginErrorNumbers(config: MssqlConfig): readonly number[] {
  return (config as unknown as Record<symbol, number[]>)[SERVER_ERRORS] ?? [];
}

/** Opens a pool of one connection (the caller closes it); a failed login or connection is a ParityError. */
export async function connectPool(settings: ConnectionSettings, options: { readonly readOnly?: boolean; readonly database?: string } = {}): Promise<ConnectionPool> {
  const config = connectionConfig(settings, options);
  const pool = new (await loadMssql()).ConnectionPool(config);
  // A connection lost while idle is reported as an event; the failed request reports it too.
  pool.on('error', () => {});
  try {
    return await pool.connect();
  } catch (error) {
    throw toParityError(error, settings, { connecting: true, serverErrors: loginErrorNumbers(config) });
  }
}

/** Opens a pool of one connection, runs `fn` with it and always closes it; driver failures become ParityErrors. */
export async function withSqlServerPool<T>(
  settings: ConnectionSettings,
  fn: (pool: ConnectionPool) => Promise<T>,
  options: { readonly readOnly?: boolean; readonly database?: string } = {},
): Promise<T> {
  const pool = await connectPool(settings, options);
  try {
    return await fn(pool);
  } catch (error) {
    throw toParityError(error, settings);
  } finally {
    await pool.close().catch(() => {});
  }
}

/**
 * Runs `fn` in a transaction that is rolled back whatever happens (nothing it does is ever
 * committed): the read-only catalog session.
 */
export async function withRollbackTransaction<T>(pool: ConnectionPool, fn: (request: () => Request) => Promise<T>): Promise<T> {
  const transaction = pool.transaction();
  await transaction.begin((await loadMssql()).ISOLATION_LEVEL.READ_COMMITTED);
  try {
    return await fn(() => transaction.request());
  } finally {
    await transaction.rollback().catch(() => {});
  }
}

interface DriverErrorFields {
  code?: unknown;
  number?: unknown;
  originalError?: unknown;
  cause?: unknown;
  lineNumber?: unknown;
}

/** The error's SQL Server error number (RequestError.number, on mssql's or tedious's error), if any. */
export function serverErrorNumber(error: unknown): number | undefined {
  for (let e: unknown = error, depth = 0; typeof e === 'object' && e !== null && depth < 4; depth++) {
    const n = (e as DriverErrorFields).number;
    if (typeof n === 'number') return n;
    e = (e as DriverErrorFields).originalError;
  }
  return undefined;
}

/** mssql's and tedious's code (`ELOGIN`, `ESOCKET`, `ETIMEOUT`, `EREQUEST`, ...). */
function mssqlCode(error: unknown): string | undefined {
  const code = (error as DriverErrorFields | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The system error code under an ESOCKET (`ECONNREFUSED`), through mssql's originalError and tedious's cause. */
function socketCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (typeof e === 'object' && e !== null && !seen.has(e)) {
    seen.add(e);
    const code = (e as DriverErrorFields).code;
    if (typeof code === 'string' && NETWORK_ERROR_CODES[code] !== undefined) return code;
    const next = (e as DriverErrorFields).originalError ?? (e as DriverErrorFields).cause;
    if (next === undefined && Array.isArray((e as { errors?: unknown }).errors)) e = (e as { errors: unknown[] }).errors[0];
    else e = next;
  }
  return undefined;
}

/**
 * Maps a driver error to a ParityError (ParityErrors pass through): a rejected login (18456, or any
 * ELOGIN that is not 4060) → AUTHENTICATION_FAILED; a database that cannot be opened (4060, 911),
 * network failures and timeouts → CONNECTION_FAILED; any other server error → DATABASE_ERROR with its
 * number. Other errors (programming errors) pass through unchanged. The password is scrubbed.
 */
export function toParityError(
  error: unknown,
  settings: ConnectionSettings,
  options: { readonly connecting?: boolean; readonly context?: string; readonly serverErrors?: readonly number[] } = {},
): unknown {
  if (isParityError(error)) return error;
  const where = describeConnection(settings);
  const server = settings.params['instanceName'] !== undefined ? `${settings.host}\\${settings.params['instanceName']}` : `${settings.host}:${settings.port}`;
  const detail = driverErrorMessage(error).replace(/\s*\n\s*/g, ' ');
  const prefix = options.context ? `${options.context}: ` : '';
  const make = (code: ErrorCode, message: string) => new ParityError(code, scrub(prefix + message, settings), { where, cause: error });
  const code = mssqlCode(error);
  const numbers = [...(options.serverErrors ?? []), ...[serverErrorNumber(error)].filter((n): n is number => n !== undefined)];
  const cannotOpen = numbers.includes(SQLSERVER_ERRORS.CANNOT_OPEN_DATABASE) || numbers.includes(SQLSERVER_ERRORS.DATABASE_DOES_NOT_EXIST) || /^Cannot open database\b/i.test(detail);

  if (cannotOpen) {
    return make('CONNECTION_FAILED', `database "${settings.database}" does not exist on the SQL Server at ${server}, or user "${settings.user ?? '(default user)'}" may not open it`);
  }
  if (code === 'ELOGIN' || numbers.includes(SQLSERVER_ERRORS.LOGIN_FAILED)) {
    return make('AUTHENTICATION_FAILED', `SQL Server rejected the login of user "${settings.user ?? '(default user)'}": ${detail}`);
  }
  if (code === 'ETIMEOUT' && options.connecting) {
    return make('CONNECTION_FAILED', `cannot connect to SQL Server at ${server}: timed out after ${loginTimeoutMs(settings) / 1000} s without a login answer (loginTimeout=SECONDS in the URL sets the wait)`);
  }
  const network = socketCode(error);
  if (network !== undefined) return make('CONNECTION_FAILED', `cannot connect to SQL Server at ${server}: ${NETWORK_ERROR_CODES[network]}`);
  if (code === 'ESOCKET' || code === 'EINSTLOOKUP' || code === 'EENCRYPT' || code === 'ETIMEOUT') {
    return make('CONNECTION_FAILED', `cannot connect to SQL Server at ${server}: ${detail}`);
  }
  const number = serverErrorNumber(error);
  if (number !== undefined) return make('DATABASE_ERROR', `SQL Server error ${number}: ${detail}`);
  if (options.connecting || (error instanceof Error && error.name === 'ConnectionError')) {
    return make('CONNECTION_FAILED', `cannot connect to SQL Server at ${server}: ${detail}`);
  }
  return error;
}
