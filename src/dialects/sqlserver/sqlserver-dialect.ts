/**
 * The SQL Server plug-in: glue between the Dialect interface and the sqlserver-* modules. Built and
 * tested offline (catalog rows shaped as SQL Server returns them, golden T-SQL, the driver's real error
 * objects): not yet run against a live server.
 */
import type { Dialect } from '../dialect.js';
import { introspectSqlServer } from './sqlserver-introspector.js';
import { sqlserverIdentity } from './sqlserver-identity.js';
import { sqlserverMigrate } from './sqlserver-migrate.js';
import { sqlserverMigration } from './sqlserver-migration.js';
import { renderCreateSqlServer } from './sqlserver-render.js';
import { sqlserverSchemaModel } from './sqlserver-schema-model.js';

export const sqlserverDialect: Dialect = {
  ...sqlserverIdentity,
  introspect: introspectSqlServer,
  renderCreate: renderCreateSqlServer,
  migration: sqlserverMigration,
  schemaModel: sqlserverSchemaModel,
  migrate: sqlserverMigrate,
};
