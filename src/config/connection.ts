import type { DialectName } from '../model/objects.js';

/** Everything needed to open a connection; built by config/url.ts from a JDBC or native URL. */
export interface ConnectionSettings {
  readonly dialect: DialectName;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user?: string;
  /** Never printed: use `describeConnection` for messages. */
  readonly password?: string;
  /** Extra URL query parameters (sslmode, ...). */
  readonly params: Readonly<Record<string, string>>;
}

/** A password-free description for messages: `postgresql://app@127.0.0.1:5432/app`. */
export function describeConnection(settings: ConnectionSettings): string {
  const user = settings.user ? `${settings.user}@` : '';
  return `${settings.dialect}://${user}${settings.host}:${settings.port}/${settings.database}`;
}
