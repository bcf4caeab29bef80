/** The data diff dialect of each dialect: a Record, so a dialect added to the registry without one does not compile. */
import type { DialectName } from '../../model/objects.js';
import type { DataDialect } from './data-dialect.js';
import { mysqlData } from './mysql-data.js';
import { oracleData } from './oracle-data.js';
import { postgresData } from './postgres-data.js';
import { sqlserverData } from './sqlserver-data.js';

const DATA_DIALECTS: Readonly<Record<DialectName, DataDialect>> = { postgres: postgresData, mysql: mysqlData, sqlserver: sqlserverData, oracle: oracleData };

export function dataDialectFor(dialect: DialectName): DataDialect {
  return DATA_DIALECTS[dialect];
}
