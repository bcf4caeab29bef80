/**
 * The Oracle plug-in: glue between the Dialect interface and the oracle-* modules. Built and tested
 * offline (no Oracle server runs where parity is developed): catalog rows shaped as node-oracledb
 * returns them, golden SQL, URL and error mapping; see the README's support table.
 */
import type { Dialect } from '../dialect.js';
import { introspectOracle, schemaNamedByOracleUrl } from './oracle-introspector.js';
import { oracleMigration } from './oracle-migration.js';
import { renderCreateStatementsOracle } from './oracle-render.js';
import { renderOracleStatements } from './oracle-script.js';
import { ORACLE_DEFAULT_PORT } from './oracle-url.js';

export const oracleDialect: Dialect = {
  name: 'oracle',
  displayName: 'Oracle',
  urlSchemes: ['oracle'],
  defaultPort: ORACLE_DEFAULT_PORT,
  // Empty: an environment without `schemas` reads the schema its URL names (its user).
  defaultSchemas: [],
  schemaNamedByUrl: schemaNamedByOracleUrl,
  introspect: introspectOracle,
  renderCreate: (object) => renderOracleStatements(renderCreateStatementsOracle(object)),
  migration: oracleMigration,
};
