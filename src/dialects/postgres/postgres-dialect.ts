/** The PostgreSQL plug-in: glue between the Dialect interface and the postgres-* modules. */
import type { Dialect } from '../dialect.js';
import { introspectPostgres } from './postgres-introspector.js';
import { postgresMigrate } from './postgres-migrate.js';
import { postgresMigration } from './postgres-migration.js';
import { renderCreatePostgres } from './postgres-renderer.js';
import { postgresSchemaModel } from './postgres-schema-model.js';

export const postgresDialect: Dialect = {
  name: 'postgres',
  displayName: 'PostgreSQL',
  urlSchemes: ['postgresql', 'postgres'],
  // src/data-diff/sql has its data dialect.
  dataDiff: true,
  defaultPort: 5432,
  defaultSchemas: ['public'],
  // pgJDBC's `currentSchema` URL parameter (the connection's search_path) names one schema.
  schemaNamedByUrl: (connection) => connection.params['currentSchema'] || undefined,
  introspect: introspectPostgres,
  renderCreate: renderCreatePostgres,
  migration: postgresMigration,
  schemaModel: postgresSchemaModel,
  migrate: postgresMigrate,
};
