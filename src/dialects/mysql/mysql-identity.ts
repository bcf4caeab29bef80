/** MySQL/MariaDB's identity (dialect.ts DialectIdentity): names, URLs, default schemas. */
import type { DialectIdentity } from '../dialect.js';

export const mysqlIdentity: DialectIdentity = {
  name: 'mysql',
  displayName: 'MySQL/MariaDB',
  urlSchemes: ['mysql', 'mariadb'],
  // src/data-diff/sql has its data dialect.
  dataDiff: true,
  defaultPort: 3306,
  // Empty: an environment without `schemas` reads the database its URL names (see mysql-introspector.ts).
  defaultSchemas: [],
  schemaNamedByUrl: (connection) => connection.database,
};
