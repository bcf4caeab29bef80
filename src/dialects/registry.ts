/**
 * The dialects parity knows, by name: the one registry. `DialectName` (dialect-names.ts) lists its
 * keys; adding a dialect there makes this record incomplete until its plug-in is here, and every
 * `Record<DialectName, ...>` elsewhere likewise. A dialect's URLs, introspection, DDL and capabilities
 * (dialect.ts `capabilitiesOf`) come from its plug-in.
 */
import { ParityError } from '../errors.js';
import { DIALECT_NAMES, type DialectName } from './dialect-names.js';
import type { Dialect } from './dialect.js';
import { mysqlDialect } from './mysql/mysql-dialect.js';
import { oracleDialect } from './oracle/oracle-dialect.js';
import { postgresDialect } from './postgres/postgres-dialect.js';
import { sqlserverDialect } from './sqlserver/sqlserver-dialect.js';

const REGISTRY: Readonly<Record<DialectName, Dialect>> = {
  postgres: postgresDialect,
  mysql: mysqlDialect,
  sqlserver: sqlserverDialect,
  oracle: oracleDialect,
};

/** Every dialect, in the order of DIALECT_NAMES (URL scheme look-up, project dialect fallback). */
export const DIALECTS: readonly Dialect[] = DIALECT_NAMES.map((name) => REGISTRY[name]);

export function dialectByName(name: DialectName): Dialect {
  const dialect = (REGISTRY as Readonly<Record<string, Dialect | undefined>>)[name];
  if (!dialect) throw new ParityError('UNSUPPORTED', `the ${name} dialect is not available in this version of parity`);
  return dialect;
}
