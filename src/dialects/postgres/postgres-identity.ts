/** PostgreSQL's identity (dialect.ts DialectIdentity): names, URLs, default schema. */
import type { DialectIdentity } from '../dialect.js';

export const postgresIdentity: DialectIdentity = {
  name: 'postgres',
  displayName: 'PostgreSQL',
  urlSchemes: ['postgresql', 'postgres'],
  // src/data-diff/sql has its data dialect.
  dataDiff: true,
  defaultPort: 5432,
  defaultSchemas: ['public'],
  // pgJDBC's `currentSchema` URL parameter (the connection's search_path) names one schema.
  schemaNamedByUrl: (connection) => connection.params['currentSchema'] || undefined,
};
