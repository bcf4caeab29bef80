/**
 * The Oracle plug-in: glue between the Dialect interface and the oracle-* modules. Built and tested
 * offline (no Oracle server runs where parity is developed): catalog rows shaped as node-oracledb
 * returns them, golden SQL, URL and error mapping; see the README's support table.
 */
import type { Dialect } from '../dialect.js';
import { oracleIdentity } from './oracle-identity.js';
import { introspectOracle } from './oracle-introspector.js';
import { oracleMigrate } from './oracle-migrate.js';
import { oracleMigration } from './oracle-migration.js';
import { renderCreateStatementsOracle } from './oracle-render.js';
import { oracleSchemaModel } from './oracle-schema-model.js';
import { renderOracleStatements } from './oracle-script.js';

export const oracleDialect: Dialect = {
  ...oracleIdentity,
  introspect: introspectOracle,
  renderCreate: (object) => renderOracleStatements(renderCreateStatementsOracle(object)),
  migration: oracleMigration,
  // Schema models and migrations are built on a configured build environment (no embedded Oracle).
  schemaModel: oracleSchemaModel,
  migrate: oracleMigrate,
};
