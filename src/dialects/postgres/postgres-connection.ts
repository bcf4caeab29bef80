/**
 * PostgreSQL connections: opening a `pg.Client` from ConnectionSettings, read-only transactions, and
 * turning driver failures into ParityErrors. The password is passed to the driver as a field (never
 * in a connection string) and scrubbed from every message this module builds.
 */
import fs from 'node:fs';
import type pg from 'pg';
import { describeConnection, type ConnectionSettings } from '../../config/connection.js';
import { ParityError, isParityError, type ErrorCode } from '../../errors.js';
import { driverErrorCode, driverErrorMessage, NETWORK_ERROR_CODES, scrubPassword } from '../driver-errors.js';
import { loadPg } from '../drivers.js';

/** Seconds to wait for a connection when the URL names no `connect_timeout`. */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

/** The part of `pg.Client` the catalog readers need; lets tests substitute a recording client. */
export interface PostgresQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The URL's `connect_timeout` (libpq) or `connectTimeout` (pgJDBC), in seconds, else the default. */
function connectTimeoutSeconds(params: Readonly<Record<string, string>>): number {
  const seconds = Number(params['connect_timeout'] ?? params['connectTimeout'] ?? DEFAULT_CONNECT_TIMEOUT_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_CONNECT_TIMEOUT_SECONDS;
}

/** Translates URL parameters (libpq and JDBC spellings) into `pg.Client` options. */
export function clientConfig(settings: ConnectionSettings): pg.ClientConfig {
  const params = settings.params;
  const config: pg.ClientConfig = {
    host: settings.host,
    port: settings.port,
    database: settings.database,
    application_name: params['application_name'] ?? params['ApplicationName'] ?? 'parity',
    connectionTimeoutMillis: connectTimeoutSeconds(params) * 1000,
  };
  if (settings.user !== undefined) config.user = settings.user;
  if (settings.password !== undefined) config.password = settings.password;
  if (params['options'] !== undefined) config.options = params['options'];
  const ssl = sslConfig(params);
  if (ssl !== undefined) config.ssl = ssl;
  return config;
}

/**
 * libpq `sslmode`: `disable`, `allow` and `prefer` connect without TLS (the driver cannot fall back),
 * `require` encrypts without verifying the certificate, `verify-ca`/`verify-full` verify it.
 * JDBC `ssl=true` means verify-full. `sslrootcert`, `sslcert`, `sslkey` name PEM files.
 */
function sslConfig(params: Readonly<Record<string, string>>): pg.ClientConfig['ssl'] {
  const mode = params['sslmode'] ?? (params['ssl'] === 'true' ? 'verify-full' : undefined);
  if (mode === undefined || mode === 'disable' || mode === 'allow' || mode === 'prefer') return undefined;
  const options: { rejectUnauthorized: boolean; ca?: string; cert?: string; key?: string } = {
    rejectUnauthorized: mode === 'verify-ca' || mode === 'verify-full',
  };
  const read = (name: string): string | undefined => {
    const file = params[name];
    if (file === undefined) return undefined;
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (cause) {
      throw new ParityError('CONFIG_ERROR', `cannot read ${name} file ${file}`, { where: name, cause });
    }
  };
  const ca = read('sslrootcert');
  const cert = read('sslcert');
  const key = read('sslkey');
  if (ca !== undefined) options.ca = ca;
  if (cert !== undefined) options.cert = cert;
  if (key !== undefined) options.key = key;
  return options;
}

/** Opens a connection (the caller must `end()` it); a failure to connect is a ParityError. */
export async function connectPostgres(settings: ConnectionSettings): Promise<pg.Client> {
  const client = new (await loadPg()).Client(clientConfig(settings));
  // A connection lost while idle is reported through this event; without a listener it would crash
  // the process. The failure also surfaces as a rejected query, which is what we report.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw toParityError(error, settings, { connecting: true });
  }
  return client;
}

/**
 * Opens a connection, runs `fn` with it and always closes it. Driver failures (while connecting or
 * from `fn`) become ParityErrors; ParityErrors and other errors thrown by `fn` pass through.
 * No transaction is started: wrap the work in `withReadOnlyTransaction` to read a consistent state.
 */
export async function withPostgresClient<T>(settings: ConnectionSettings, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connectPostgres(settings);
  try {
    return await fn(client);
  } catch (error) {
    throw toParityError(error, settings);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Runs `fn` inside `BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY` (one snapshot for
 * every catalog query; the server refuses any write), then COMMIT, or ROLLBACK when `fn` fails.
 */
export async function withReadOnlyTransaction<C extends PostgresQueryable, T>(client: C, fn: (client: C) => Promise<T>): Promise<T> {
  await client.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
  let result: T;
  try {
    result = await fn(client);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
  await client.query('COMMIT');
  return result;
}

/**
 * Maps a driver error to a ParityError (ParityErrors pass through unchanged):
 * network failures and timeouts → CONNECTION_FAILED; SQLSTATE 28P01/28000 → AUTHENTICATION_FAILED;
 * 3D000 (no such database), class 08, 57P03, 53300 → CONNECTION_FAILED; any other SQLSTATE →
 * DATABASE_ERROR. Errors that are neither (programming errors) pass through unchanged.
 * `context` prefixes the message (`querying columns: ...`). The password is scrubbed from the message.
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
    new ParityError(errorCode, scrubPassword(prefix + message, settings), { where, cause: error });

  if (code === '28P01' || code === '28000') {
    const user = settings.user ?? '(default user)';
    return make('AUTHENTICATION_FAILED', `PostgreSQL rejected the login of user "${user}": ${detail}`);
  }
  if (code === '3D000') {
    return make('CONNECTION_FAILED', `database "${settings.database}" does not exist on the PostgreSQL server at ${server}`);
  }
  if (code !== undefined && (code.startsWith('08') || code === '57P03' || code === '53300')) {
    return make('CONNECTION_FAILED', `cannot connect to PostgreSQL at ${server}: ${detail}`);
  }
  if (options.connecting && (code === 'ETIMEDOUT' || /timeout|timed out/i.test(detail))) {
    return make(
      'CONNECTION_FAILED',
      `cannot connect to PostgreSQL at ${server}: timed out after ${connectTimeoutSeconds(settings.params)} s without an answer from a PostgreSQL server (a host that does not answer, or another kind of server on that port; connectTimeout=SECONDS in the URL sets the wait)`,
    );
  }
  if (code !== undefined && NETWORK_ERROR_CODES[code] !== undefined) {
    return make('CONNECTION_FAILED', `cannot connect to PostgreSQL at ${server}: ${NETWORK_ERROR_CODES[code]}`);
  }
  if (code !== undefined && /^[0-9A-Z]{5}$/.test(code)) {
    return make('DATABASE_ERROR', `PostgreSQL error ${code}: ${detail}`);
  }
  const timedOut = /timeout|timed out/i.test(detail);
  if (options.connecting || timedOut || /Connection terminated|not queryable/i.test(detail)) {
    return make('CONNECTION_FAILED', `cannot connect to PostgreSQL at ${server}: ${timedOut ? 'connection timed out' : detail}`);
  }
  return error;
}
