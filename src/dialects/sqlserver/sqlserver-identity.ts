/** SQL Server's identity (dialect.ts DialectIdentity): names, URLs, default schema. */
import type { DialectIdentity } from '../dialect.js';
import { parseSqlServerUrl, SQLSERVER_DEFAULT_PORT, SQLSERVER_URL_SCHEMES } from './sqlserver-url.js';

/** Schemas read when an environment names none. */
export const DEFAULT_SCHEMAS: readonly string[] = ['dbo'];

export const sqlserverIdentity: DialectIdentity = {
  name: 'sqlserver',
  displayName: 'SQL Server',
  urlSchemes: [...SQLSERVER_URL_SCHEMES],
  // Its data dialect is src/data-diff/sql/sqlserver-data.ts (SQL Server 2019+; not yet run against a live server).
  dataDiff: true,
  defaultPort: SQLSERVER_DEFAULT_PORT,
  parseUrl: parseSqlServerUrl,
  defaultSchemas: DEFAULT_SCHEMAS,
};
