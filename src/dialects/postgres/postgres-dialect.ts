/** The PostgreSQL plug-in: glue between the Dialect interface and the postgres-* modules. */
import type { Dialect } from '../dialect.js';
import { postgresIdentity } from './postgres-identity.js';
import { introspectPostgres } from './postgres-introspector.js';
import { postgresMigrate } from './postgres-migrate.js';
import { postgresMigration } from './postgres-migration.js';
import { renderCreatePostgres } from './postgres-renderer.js';
import { postgresSchemaModel } from './postgres-schema-model.js';
import { postgresCodeAnalysis } from './postgres-code-rules.js';

export const postgresDialect: Dialect = {
  ...postgresIdentity,
  introspect: introspectPostgres,
  renderCreate: renderCreatePostgres,
  migration: postgresMigration,
  schemaModel: postgresSchemaModel,
  migrate: postgresMigrate,
  codeAnalysis: postgresCodeAnalysis,
};
