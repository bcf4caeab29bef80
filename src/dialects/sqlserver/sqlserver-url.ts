/**
 * SQL Server URLs, the two forms Flyway users write:
 * - Microsoft's JDBC form: `jdbc:sqlserver://host[\instance][:port][;property=value]...`, properties
 *   case-insensitive, a value with `;` in braces (`password={a;b}`): `databaseName` (or `database`),
 *   `user`/`userName`, `password`, `portNumber`, `serverName`, `instanceName`, and any other
 *   (`encrypt`, `trustServerCertificate`, `applicationIntent`, `loginTimeout`, ...) kept as parameters.
 *   As the JDBC driver does, an explicit port wins over `instanceName`.
 * - The native form `sqlserver://user:password@host:port/database?encrypt=true`.
 * Both need a database: parity reads one database's schemas.
 */
import type { ConnectionSettings } from '../../config/connection.js';
import { parseStandardUrl } from '../../config/url.js';
import { ParityError } from '../../errors.js';
import { redactUrls } from '../../secrets.js';

export const SQLSERVER_DEFAULT_PORT = 1433;
export const SQLSERVER_URL_SCHEMES = ['sqlserver'] as const;

/** Properties whose name parity reads itself; others keep the spelling of the first known form. */
const KNOWN_PARAMETERS = ['encrypt', 'trustServerCertificate', 'applicationIntent', 'loginTimeout', 'hostNameInCertificate', 'instanceName', 'applicationName'];

/** One `key=value` of the property list, braces removed (`}}` inside braces is one `}`). */
function splitProperties(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let i = 0;
  while (i < text.length) {
    const eq = text.indexOf('=', i);
    const semi = text.indexOf(';', i);
    if (eq < 0 || (semi >= 0 && semi < eq)) {
      // A property without a value (`;;` or `;flag`): skipped, as the JDBC driver ignores empty ones.
      i = semi < 0 ? text.length : semi + 1;
      continue;
    }
    const key = text.slice(i, eq).trim();
    let j = eq + 1;
    let value = '';
    if (text[j] === '{') {
      j++;
      while (j < text.length) {
        if (text[j] === '}' && text[j + 1] === '}') {
          value += '}';
          j += 2;
        } else if (text[j] === '}') {
          j++;
          break;
        } else value += text[j++];
      }
      const end = text.indexOf(';', j);
      j = end < 0 ? text.length : end;
    } else {
      const end = text.indexOf(';', j);
      value = text.slice(j, end < 0 ? text.length : end).trim();
      j = end < 0 ? text.length : end;
    }
    out.push([key, value]);
    i = j + 1;
  }
  return out;
}

/** The URL for messages: the password property (braced or not) and any userinfo password as `***`. */
export function redactSqlServerUrl(url: string): string {
  return redactUrls(url.replace(/(;\s*password\s*=\s*)(\{(?:[^}]|}})*}|[^;]*)/gi, '$1***'));
}

export function parseSqlServerUrl(url: string, where: string): ConnectionSettings {
  const text = url.trim();
  const body = text.replace(/^jdbc:/i, '').replace(/^sqlserver:\/\//i, '');
  const shown = redactSqlServerUrl(text);
  const authorityEnd = body.search(/[;/?]/);
  if (authorityEnd < 0 || body[authorityEnd] !== ';') {
    // No property list: the native form (or a bare host, which names no database).
    if (authorityEnd >= 0 && body[authorityEnd] === '/') {
      return parseStandardUrl(text, [{ name: 'sqlserver', urlSchemes: [...SQLSERVER_URL_SCHEMES], defaultPort: SQLSERVER_DEFAULT_PORT }], where);
    }
    if (authorityEnd < 0 || body[authorityEnd] === '?') {
      throw new ParityError('INVALID_URL', `"${shown}" names no database (add ;databaseName=NAME, or write sqlserver://host:port/NAME)`, { where });
    }
  }
  const authority = body.slice(0, authorityEnd);
  const params: Record<string, string> = {};
  let database = '';
  let user: string | undefined;
  let password: string | undefined;
  let port: number | undefined;
  let host = '';
  let instance: string | undefined;
  const hostPort = /^(\[[^\]]*\]|[^\\:]*)(?:\\([^:]*))?(?::(\d*))?$/.exec(authority);
  if (!hostPort) throw new ParityError('INVALID_URL', `"${shown}" has no valid host[\\instance][:port] after sqlserver://`, { where });
  host = (hostPort[1] ?? '').replace(/^\[(.*)\]$/, '$1');
  if (hostPort[2]) instance = hostPort[2];
  const portText = hostPort[3];
  if (portText !== undefined && portText !== '') port = Number(portText);
  for (const [key, value] of splitProperties(body.slice(authorityEnd + 1))) {
    const lower = key.toLowerCase();
    if (lower === 'databasename' || lower === 'database') database = value;
    else if (lower === 'user' || lower === 'username') user = value;
    else if (lower === 'password') password = value;
    else if (lower === 'servername') host = host || value;
    else if (lower === 'portnumber' || lower === 'port') {
      if (!/^\d+$/.test(value)) throw new ParityError('INVALID_URL', `"${shown}": ${key} must be a number, not "${value}"`, { where });
      port = Number(value);
    } else if (lower === 'instancename') instance = value;
    else params[KNOWN_PARAMETERS.find((k) => k.toLowerCase() === lower) ?? key] = value;
  }
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    throw new ParityError('INVALID_URL', `"${shown}": port ${port} is not between 1 and 65535`, { where });
  }
  if (!database) throw new ParityError('INVALID_URL', `"${shown}" names no database (add ;databaseName=NAME)`, { where });
  // An explicit port wins over the instance name (Microsoft's JDBC driver ignores instanceName then).
  if (instance !== undefined && port === undefined) params['instanceName'] = instance;
  return {
    dialect: 'sqlserver',
    host: host || '127.0.0.1',
    port: port ?? SQLSERVER_DEFAULT_PORT,
    database,
    ...(user ? { user } : {}),
    ...(password ? { password } : {}),
    params,
  };
}
