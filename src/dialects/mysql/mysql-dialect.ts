/** The MySQL/MariaDB plug-in: glue between the Dialect interface and the mysql-* modules. */
import type { Dialect } from '../dialect.js';
import { mysqlIdentity } from './mysql-identity.js';
import { mysqlCodeAnalysis } from './mysql-code-rules.js';
import { introspectMysql } from './mysql-introspector.js';
import { mysqlMigrate } from './mysql-migrate.js';
import { mysqlMigration } from './mysql-migration.js';
import { renderCreateMysql } from './mysql-renderer.js';
import { mysqlSchemaModel } from './mysql-schema-model.js';

export const mysqlDialect: Dialect = {
  ...mysqlIdentity,
  introspect: introspectMysql,
  renderCreate: renderCreateMysql,
  // Columns can be placed (MODIFY COLUMN ... AFTER), and their order is what SELECT * returns.
  comparesColumnOrder: true,
  migration: mysqlMigration,
  schemaModel: mysqlSchemaModel,
  // No embedded server: a migrations build needs a configured build environment.
  migrate: mysqlMigrate,
  codeAnalysis: mysqlCodeAnalysis,
};
