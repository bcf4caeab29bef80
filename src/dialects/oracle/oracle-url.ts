/**
 * Oracle URLs, as Flyway (Oracle's JDBC thin driver) takes them, and a native form:
 *
 *   jdbc:oracle:thin:@//host:1521/service      service name (EZConnect); `//` optional
 *   jdbc:oracle:thin:@host:1521:SID            SID
 *   jdbc:oracle:thin:user/password@//host/svc  credentials before `@` (user and password settings win)
 *   oracle://user:password@host:1521/service   native: service name
 *   ...?key=value&...                          parameters (`user`, `password`, `connectTimeout`, `currentSchema`)
 *
 * The port defaults to 1521. A TNS descriptor (`@(DESCRIPTION=...)`) or a tnsnames.ora alias
 * (`@alias`) is refused: thin mode without a configuration directory cannot resolve an alias, and
 * parity keeps one connection form it can check. `database` holds the service name or the SID;
 * `params.oracleSid` is `true` for a SID.
 */
import type { ConnectionSettings } from '../../config/connection.js';
import { ParityError } from '../../errors.js';
import { redactUrls } from '../../secrets.js';

export const ORACLE_DEFAULT_PORT = 1521;

const NAME = String.raw`[A-Za-z0-9_.$#-]+`;

function decode(part: string, text: string, shown: string, where: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new ParityError('INVALID_URL', `the ${part} in "${shown}" has a malformed %-escape (write % as %25)`, { where });
  }
}

function parameters(query: string | undefined, shown: string, where: string): Record<string, string> {
  const params: Record<string, string> = {};
  if (query === undefined || query === '') return params;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = eq === -1 ? pair : pair.slice(0, eq);
    params[decode('parameter name', key, shown, where)] = eq === -1 ? '' : decode(`value of ${key}`, pair.slice(eq + 1), shown, where);
  }
  return params;
}

function hostPort(host: string, port: string | undefined, shown: string, where: string): { host: string; port: number } {
  const number = port === undefined || port === '' ? ORACLE_DEFAULT_PORT : Number(port);
  if (!Number.isInteger(number) || number <= 0 || number > 65535) {
    throw new ParityError('INVALID_URL', `"${shown}" has an invalid port "${port}"`, { where });
  }
  return { host: host.replace(/^\[(.*)\]$/, '$1'), port: number };
}

function settings(parts: {
  host: string;
  port: number;
  database: string;
  sid: boolean;
  user: string | undefined;
  password: string | undefined;
  params: Record<string, string>;
}): ConnectionSettings {
  const params = { ...parts.params };
  const user = params['user'] ?? parts.user;
  const password = params['password'] ?? parts.password;
  delete params['user'];
  delete params['password'];
  if (parts.sid) params['oracleSid'] = 'true';
  return {
    dialect: 'oracle',
    host: parts.host || '127.0.0.1',
    port: parts.port,
    database: parts.database,
    ...(user ? { user } : {}),
    ...(password ? { password } : {}),
    params,
  };
}

/** Parses an Oracle URL (see the file comment); errors are INVALID_URL at `where`, without the password. */
export function parseOracleUrl(url: string, where: string): ConnectionSettings {
  const text = url.trim();
  const shown = redactUrls(text);
  const [body, query] = splitQuery(text);
  const thin = /^jdbc:oracle:thin:(.*)$/is.exec(body);
  if (thin) {
    const rest = thin[1]!;
    const at = rest.lastIndexOf('@');
    if (at === -1) throw new ParityError('INVALID_URL', `"${shown}" names no database (expected jdbc:oracle:thin:@//host:1521/service or jdbc:oracle:thin:@host:1521:SID)`, { where });
    const credentials = rest.slice(0, at);
    const address = rest.slice(at + 1);
    const slash = credentials.indexOf('/');
    const user = credentials === '' ? undefined : decode('user name', slash === -1 ? credentials : credentials.slice(0, slash), shown, where);
    const password = slash === -1 ? undefined : decode('password', credentials.slice(slash + 1), shown, where);
    if (address.startsWith('(')) {
      throw new ParityError('INVALID_URL', `"${shown}": TNS descriptors are not supported; write jdbc:oracle:thin:@//host:1521/service or jdbc:oracle:thin:@host:1521:SID`, { where });
    }
    const service = new RegExp(String.raw`^(?://)?(\[[^\]]+\]|[^:/\[\]]+)(?::(\d*))?/(${NAME})$`).exec(address);
    if (service) {
      return settings({ ...hostPort(service[1]!, service[2], shown, where), database: service[3]!, sid: false, user, password, params: parameters(query, shown, where) });
    }
    const sid = new RegExp(String.raw`^(\[[^\]]+\]|[^:/\[\]]+):(\d+):(${NAME})$`).exec(address);
    if (sid) {
      return settings({ ...hostPort(sid[1]!, sid[2], shown, where), database: sid[3]!, sid: true, user, password, params: parameters(query, shown, where) });
    }
    throw new ParityError(
      'INVALID_URL',
      `"${shown}" is not an Oracle URL parity can use (expected jdbc:oracle:thin:@//host:1521/service or jdbc:oracle:thin:@host:1521:SID; TNS aliases are not supported)`,
      { where },
    );
  }
  const native = new RegExp(String.raw`^oracle://(?:([^:@/]*)(?::([^@/]*))?@)?(\[[^\]]+\]|[^:/\[\]@]+)(?::(\d*))?/(${NAME})$`, 'i').exec(body);
  if (native) {
    return settings({
      ...hostPort(native[3]!, native[4], shown, where),
      database: native[5]!,
      sid: false,
      user: native[1] ? decode('user name', native[1], shown, where) : undefined,
      password: native[2] !== undefined ? decode('password', native[2], shown, where) : undefined,
      params: parameters(query, shown, where),
    });
  }
  throw new ParityError('INVALID_URL', `"${shown}" is not an Oracle URL (expected jdbc:oracle:thin:@//host:1521/service, jdbc:oracle:thin:@host:1521:SID or oracle://user@host:1521/service)`, { where });
}

function splitQuery(text: string): [string, string | undefined] {
  const q = text.indexOf('?');
  return q === -1 ? [text, undefined] : [text.slice(0, q), text.slice(q + 1)];
}

/** The connect string node-oracledb takes: `host:port/service`, or a descriptor with the SID. */
export function oracleConnectString(settings: ConnectionSettings): string {
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  if (settings.params['oracleSid'] === 'true') {
    return `(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=${settings.host})(PORT=${settings.port}))(CONNECT_DATA=(SID=${settings.database})))`;
  }
  return `${host}:${settings.port}/${settings.database}`;
}
