/** Oracle's identity (dialect.ts DialectIdentity): names, URLs, the schema a URL names. */
import type { ConnectionSettings } from '../../config/connection.js';
import type { DialectIdentity } from '../dialect.js';
import { foldIdentifier } from './oracle-quoting.js';
import { ORACLE_DEFAULT_PORT, parseOracleUrl } from './oracle-url.js';

/** The schema a URL names: its `currentSchema` parameter, else its user (folded as Oracle folds it). */
export function schemaNamedByOracleUrl(settings: ConnectionSettings): string | undefined {
  const named = settings.params['currentSchema'] ?? settings.user;
  return named === undefined || named === '' ? undefined : foldIdentifier(named);
}

export const oracleIdentity: DialectIdentity = {
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
};
