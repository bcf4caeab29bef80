/**
 * Database URLs: JDBC (`jdbc:postgresql://host:port/db?user=u`) and native (`postgres://u:p@host/db`).
 * The dialect is chosen by the URL scheme through the dialect registry's `urlSchemes`; a dialect whose
 * URLs have another form (`jdbc:sqlserver://h:1433;databaseName=d`) parses them with its `parseUrl`.
 */
import type { ConnectionSettings } from './connection.js';
import { ParityError } from '../errors.js';
import { redactUrls } from '../secrets.js';
import type { DialectName } from '../model/objects.js';

export interface UrlDialectInfo {
  readonly name: DialectName;
  readonly urlSchemes: readonly string[];
  readonly defaultPort: number;
  /** The dialect's own parser (Dialect.parseUrl); default: `parseStandardUrl`. */
  parseUrl?(url: string, where: string): ConnectionSettings;
}

/** The URL with any password replaced, for messages. */
export function redactUrl(url: string): string {
  return redactUrls(url);
}

export function parseDatabaseUrl(
  url: string,
  dialects: readonly UrlDialectInfo[],
  where: string,
): ConnectionSettings {
  const text = url.trim();
  const withoutJdbc = text.startsWith('jdbc:') ? text.slice('jdbc:'.length) : text;
  const ownScheme = /^([a-z][a-z0-9+.-]*):/i.exec(withoutJdbc)?.[1]?.toLowerCase();
  const own = ownScheme === undefined ? undefined : dialects.find((d) => d.parseUrl !== undefined && d.urlSchemes.includes(ownScheme));
  if (own?.parseUrl) return own.parseUrl(text, where);
  return parseStandardUrl(text, dialects, where);
}

/**
 * `scheme://user:password@host:port/database?key=value` (optionally after `jdbc:`), for the dialect
 * whose `urlSchemes` has the scheme: the default URL parser.
 */
export function parseStandardUrl(url: string, dialects: readonly UrlDialectInfo[], where: string): ConnectionSettings {
  const text = url.trim();
  const withoutJdbc = text.startsWith('jdbc:') ? text.slice('jdbc:'.length) : text;
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(withoutJdbc);
  if (!schemeMatch) {
    const schemes = dialects.flatMap((d) => d.urlSchemes).join(', ');
    throw new ParityError('INVALID_URL', `"${redactUrl(text)}" is not a database URL (expected jdbc:SCHEME://host:port/db or SCHEME://..., SCHEME one of ${schemes})`, { where });
  }
  const scheme = schemeMatch[1]!.toLowerCase();
  const dialect = dialects.find((d) => d.urlSchemes.includes(scheme));
  if (!dialect) {
    const known = dialects.flatMap((d) => d.urlSchemes).join(', ');
    throw new ParityError('INVALID_URL', `unsupported database URL scheme "${scheme}" (supported: ${known})`, { where });
  }
  let parsed: URL;
  try {
    // WHATWG URL only parses authority for special schemes; swap in http to reuse its parser.
    parsed = new URL(`http://${withoutJdbc.slice(schemeMatch[0].length)}`);
  } catch {
    throw new ParityError('INVALID_URL', `"${redactUrl(text)}" is not a valid URL`, { where });
  }
  const params: Record<string, string> = {};
  for (const [key, value] of parsed.searchParams) params[key] = value;
  // A malformed %-escape (`p%zz`) names the part, never its text: it may be the password.
  const decode = (part: string, encoded: string): string => {
    try {
      return decodeURIComponent(encoded);
    } catch {
      throw new ParityError('INVALID_URL', `the ${part} in "${redactUrl(text)}" has a malformed %-escape (write % as %25)`, { where });
    }
  };
  const user = decode('user name', parsed.username) || params['user'];
  const password = decode('password', parsed.password) || params['password'];
  delete params['user'];
  delete params['password'];
  const database = decode('database name', parsed.pathname.replace(/^\//, ''));
  if (!database) {
    throw new ParityError('INVALID_URL', `"${redactUrl(text)}" names no database`, { where });
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1';
  const port = parsed.port ? Number(parsed.port) : dialect.defaultPort;
  return {
    dialect: dialect.name,
    host,
    port,
    database,
    ...(user ? { user } : {}),
    ...(password ? { password } : {}),
    params,
  };
}
