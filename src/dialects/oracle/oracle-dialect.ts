/**
 * The Oracle plug-in: glue between the Dialect interface and the oracle-* modules. Built and tested
 * offline (no Oracle server runs where parity is developed): catalog rows shaped as node-oracledb
 * returns them, golden SQL, URL and error mapping; see the README's support table.
 */
import type { Dialect } from '../dialect.js';
import { introspectOracle, schemaNamedByOracleUrl } from './oracle-introspector.js';
import { oracleMigrate } from './oracle-migrate.js';
import { oracleMigration } from './oracle-migration.js';
import { renderCreateStatementsOracle } from './oracle-render.js';
import { oracleSchemaModel } from './oracle-schema-model.js';
import { renderOracleStatements } from './oracle-script.js';
import { ORACLE_DEFAULT_PORT, parseOracleUrl } from './oracle-url.js';

export const oracleDialect: Dialect = {
  name: 'oracle',
  displayName: 'Oracle',
  urlSchemes: ['oracle'],
  defaultPort: ORACLE_DEFAULT_PORT,
  // jdbc:oracle:thin:@//host:1521/service, @host:1521:SID, oracle://... (oracle-url.ts).
  parseUrl: parseOracleUrl,
  // src/data-diff/sql/oracle-data.ts (built offline like the rest: not yet run against a live server).
  dataDiff: true,
  // Empty: an environment without `schemas` reads the schema its URL names (its user).
  defaultSchemas: [],
  schemaNamedByUrl: schemaNamedByOracleUrl,
  introspect: introspectOracle,
  renderCreate: (object) => renderOracleStatements(renderCreateStatementsOracle(object)),
  migration: oracleMigration,
  // Schema models and migrations are built on a configured build environment (no embedded Oracle).
  schemaModel: oracleSchemaModel,
  migrate: oracleMigrate,
};
