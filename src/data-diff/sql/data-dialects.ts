/** The data diff dialect for a connection's dialect; Oracle has none yet. */
import type { DialectName } from '../../model/objects.js';
import { ParityError } from '../../errors.js';
import type { DataDialect } from './data-dialect.js';
import { mysqlData } from './mysql-data.js';
import { postgresData } from './postgres-data.js';
import { sqlserverData } from './sqlserver-data.js';

export function dataDialectFor(dialect: DialectName): DataDialect {
  if (dialect === 'postgres') return postgresData;
  if (dialect === 'mysql') return mysqlData;
  if (dialect === 'sqlserver') return sqlserverData;
  throw new ParityError('UNSUPPORTED', `data diff does not support ${dialect} yet`);
}
