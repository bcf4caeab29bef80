/**
 * Building blocks of the Oracle data-diff tests: columns as oracle-catalog.ts describes them (from an
 * ALL_TAB_COLUMNS row, the shape node-oracledb returns) and planned against PostgreSQL or Oracle.
 */
import { planPair, type PlanOptions } from '../../src/data-diff/sql/column-plan.ts';
import type { ColumnPlan, DataColumn, DataDialect, PlannedColumn } from '../../src/data-diff/sql/data-dialect.ts';
import { oracleColumn } from '../../src/data-diff/sql/oracle-catalog.ts';
import { oracleData } from '../../src/data-diff/sql/oracle-data.ts';

/** An ALL_TAB_COLUMNS row (upper-case keys, numbers as the driver's strings, NULL as null). */
export function columnRow(name: string, dataType: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    OWNER: 'HR',
    TABLE_NAME: 'T',
    COLUMN_NAME: name,
    DATA_TYPE: dataType,
    DATA_TYPE_OWNER: null,
    DATA_LENGTH: '22',
    DATA_PRECISION: null,
    DATA_SCALE: null,
    NULLABLE: 'Y',
    CHAR_LENGTH: '0',
    CHAR_USED: null,
    ...extra,
  };
}

/** A column as the catalog describes it. */
export function ora(name: string, dataType: string, extra: Record<string, unknown> = {}): DataColumn {
  return oracleColumn(columnRow(name, dataType, extra));
}

export const number = (name: string, precision: number | null, scale: number | null, nullable = true) =>
  ora(name, 'NUMBER', { DATA_PRECISION: precision === null ? null : String(precision), DATA_SCALE: scale === null ? null : String(scale), NULLABLE: nullable ? 'Y' : 'N' });
export const varchar2 = (name: string, chars: number, nullable = true) =>
  ora(name, 'VARCHAR2', { CHAR_LENGTH: String(chars), DATA_LENGTH: String(chars * 4), CHAR_USED: 'C', NULLABLE: nullable ? 'Y' : 'N' });
export const char = (name: string, chars: number, nullable = true) =>
  ora(name, 'CHAR', { CHAR_LENGTH: String(chars), DATA_LENGTH: String(chars), CHAR_USED: 'B', NULLABLE: nullable ? 'Y' : 'N' });

/** The plan of an Oracle column against itself (both sides Oracle). */
export function selfPlan(column: DataColumn, options: PlanOptions = {}): ColumnPlan {
  const pair = planPair({ dialect: oracleData, column }, { dialect: oracleData, column }, options);
  if ('refused' in pair) throw new Error(`${column.name}: ${pair.refused}`);
  return pair.plan;
}

export function planned(column: DataColumn, options: PlanOptions = {}): PlannedColumn {
  return { column, plan: selfPlan(column, options) };
}

/** A key column: its own plan, never NULL. */
export function key(column: DataColumn): PlannedColumn {
  return { column, plan: { ...selfPlan(column), neverNull: true } };
}

export function planAgainst(other: DataDialect, otherColumn: DataColumn, column: DataColumn, options: PlanOptions = {}) {
  return planPair({ dialect: other, column: otherColumn }, { dialect: oracleData, column }, options);
}
