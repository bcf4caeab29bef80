/** The dialects parity knows. Adding one here makes its URLs, introspection and DDL available. */
import { ParityError } from '../errors.js';
import type { DialectName } from '../model/objects.js';
import type { Dialect } from './dialect.js';
import { mysqlDialect } from './mysql/mysql-dialect.js';
import { postgresDialect } from './postgres/postgres-dialect.js';

export const DIALECTS: readonly Dialect[] = [postgresDialect, mysqlDialect];

export function dialectByName(name: DialectName): Dialect {
  const dialect = DIALECTS.find((d) => d.name === name);
  if (!dialect) throw new ParityError('UNSUPPORTED', `the ${name} dialect is not available in this version of parity`);
  return dialect;
}
