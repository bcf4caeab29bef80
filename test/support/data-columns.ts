/** A DataColumn as a catalog describes it, for tests that plan or normalize columns without a server. */
import type { DataColumn } from '../../src/data-diff/sql/data-dialect.ts';

/** Nullable, with no precision, scale, length or collation unless `extra` says otherwise. */
export function dataColumn(name: string, dataType: string, columnType = dataType, extra: Partial<DataColumn> = {}): DataColumn {
  return { name, dataType, columnType, precision: null, scale: null, datetimePrecision: null, length: null, nullable: true, collation: null, ...extra };
}
