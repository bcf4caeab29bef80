/**
 * The SQL Server plug-in: glue between the Dialect interface and the sqlserver-* modules. Built and
 * tested offline (catalog rows shaped as SQL Server returns them, golden T-SQL, the driver's real error
 * objects): not yet run against a live server.
 */
import type { Dialect } from '../dialect.js';
import { DEFAULT_SCHEMAS, introspectSqlServer } from './sqlserver-introspector.js';
import { sqlserverMigrate } from './sqlserver-migrate.js';
import { sqlserverMigration } from './sqlserver-migration.js';
import { renderCreateSqlServer } from './sqlserver-render.js';
import { sqlserverSchemaModel } from './sqlserver-schema-model.js';
import { parseSqlServerUrl, SQLSERVER_DEFAULT_PORT, SQLSERVER_URL_SCHEMES } from './sqlserver-url.js';

export const sqlserverDialect: Dialect = {
  name: 'sqlserver',
  displayName: 'SQL Server',
  urlSchemes: [...SQLSERVER_URL_SCHEMES],
  // Its data dialect is src/data-diff/sql/sqlserver-data.ts (SQL Server 2019+; not yet run against a live server).
  dataDiff: true,
  defaultPort: SQLSERVER_DEFAULT_PORT,
  parseUrl: parseSqlServerUrl,
  defaultSchemas: DEFAULT_SCHEMAS,
  introspect: introspectSqlServer,
  renderCreate: renderCreateSqlServer,
  migration: sqlserverMigration,
  schemaModel: sqlserverSchemaModel,
  migrate: sqlserverMigrate,
};
