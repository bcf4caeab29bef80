/**
 * Pieces every dialect's connection module needs to turn a driver failure into a ParityError: the
 * error's code, its message, the words for network failures, and scrubbing the password.
 */
import { scrubSecrets } from '../secrets.js';

interface DriverError {
  code?: unknown;
  message?: unknown;
  errors?: unknown;
}

/** The driver's or system's error code (`ER_ACCESS_DENIED_ERROR`, `28P01`, `ECONNREFUSED`), if any. */
export function driverErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as DriverError;
  if (typeof e.code === 'string') return e.code;
  // Node reports a refused connection to every address of a host name as an AggregateError.
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      const code = driverErrorCode(inner);
      if (code !== undefined) return code;
    }
  }
  return undefined;
}

export function driverErrorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as DriverError).message === 'string') {
    return (error as DriverError).message as string;
  }
  return String(error);
}

/** System error codes of network failures, in words for messages. */
export const NETWORK_ERROR_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server',
  PROTOCOL_CONNECTION_LOST: 'connection closed by the server',
};

/** The connection's password out of a driver's message (src/secrets.ts: in URLs and as a whole token, never the user name). */
export function scrubPassword(message: string, settings: { readonly password?: string | undefined; readonly user?: string | undefined }): string {
  return scrubSecrets(message, [settings.password], [settings.user]);
}
