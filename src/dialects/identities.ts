/**
 * Every dialect's identity (dialect.ts DialectIdentity), by name: what reading a URL or naming a
 * dialect needs, without loading any dialect's schema side (registry.ts has the whole plug-ins).
 * A Record, so a dialect added to DialectName without an identity does not compile.
 */
import { ParityError } from '../errors.js';
import { DIALECT_NAMES, type DialectName } from './dialect-names.js';
import type { DialectIdentity } from './dialect.js';
import { mysqlIdentity } from './mysql/mysql-identity.js';
import { oracleIdentity } from './oracle/oracle-identity.js';
import { postgresIdentity } from './postgres/postgres-identity.js';
import { sqlserverIdentity } from './sqlserver/sqlserver-identity.js';

const IDENTITIES: Readonly<Record<DialectName, DialectIdentity>> = {
  postgres: postgresIdentity,
  mysql: mysqlIdentity,
  sqlserver: sqlserverIdentity,
  oracle: oracleIdentity,
};

/** Every dialect's identity, in the order of DIALECT_NAMES (the order URL schemes are looked up in). */
export const DIALECT_IDENTITIES: readonly DialectIdentity[] = DIALECT_NAMES.map((name) => IDENTITIES[name]);

export function identityByName(name: DialectName): DialectIdentity {
  const identity = (IDENTITIES as Readonly<Record<string, DialectIdentity | undefined>>)[name];
  if (!identity) throw new ParityError('UNSUPPORTED', `the ${name} dialect is not available in this version of parity`);
  return identity;
}
