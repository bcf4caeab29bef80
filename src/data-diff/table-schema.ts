/**
 * The schema section of a compared table pair (Datafold's "schema differences: per-column mapping of
 * data types, column order"): every column with both types and how it is compared, or why it is not,
 * columns on one side only, a different column order, nullability and primary-key differences.
 * A pure function of the two catalog entries and the plan.
 *
 * A column is `compared` (by the canonical rule of its kind), `lowered` (compared at the lower decimal
 * scale or timestamp precision of the two sides: values that differ only beyond it are equal),
 * `notCompared` (no safe common kind, or left out by `-columns`), `onlyInSource` or `onlyInTarget`.
 * Schema differences (counted in `differences`): columns on one side only, not compared for their
 * types, lowered, of different nullability; a different order of the shared columns; a different
 * primary key. A type that only reads differently (`integer` vs `int`) is not one.
 */
import type { CatalogTable } from './sql/catalog.js';
import { findColumn } from './sql/catalog.js';
import type { ColumnPlan, DataColumn, PlannedColumn } from './sql/data-dialect.js';
import { describeTolerance } from './tolerance.js';

export type SchemaColumnStatus = 'compared' | 'lowered' | 'notCompared' | 'onlyInSource' | 'onlyInTarget';

export interface SchemaColumn {
  readonly source: string | null;
  readonly target: string | null;
  readonly sourceType: string | null;
  readonly targetType: string | null;
  readonly status: SchemaColumnStatus;
  /** A key column (compared as the key). */
  readonly key?: true;
  /** How the values are compared: the kind and its digits (`decimal(2)`, `timestamp(3)`, `text`). */
  readonly comparedAs?: string;
  /** Why the column is lowered or not compared. */
  readonly reason?: string;
  readonly sourceNullable?: boolean;
  readonly targetNullable?: boolean;
}

export interface TableSchema {
  readonly columns: readonly SchemaColumn[];
  /** The shared columns are not in the same relative order on both sides. */
  readonly columnOrderDiffers: boolean;
  readonly primaryKey: { readonly source: readonly string[]; readonly target: readonly string[]; readonly differs: boolean };
  /** The number of schema differences (see the module comment). */
  readonly differences: number;
}

/** Left out by `-columns`: not a schema difference. */
export const NOT_SELECTED = 'not selected (-columns)';

/** A compared pair: both sides' columns and their plan. */
export interface ComparedPair {
  readonly source: PlannedColumn;
  readonly target: PlannedColumn;
}

export function describePlan(plan: ColumnPlan): string {
  const tolerance = plan.tolerance === undefined ? '' : ` ${describeTolerance(plan.tolerance)}`;
  if (plan.kind === 'decimal' && plan.scale !== undefined) return `decimal(${plan.scale})${tolerance}`;
  if (plan.kind === 'timestamp') return `timestamp(${plan.timestampDigits ?? 0})`;
  if (plan.kind === 'float') return `float(${plan.floatDigits})${tolerance}`;
  return `${plan.kind}${tolerance}`;
}

/** Why a plan compares less precisely than one of the two columns holds, or undefined. */
function lowering(plan: ColumnPlan, source: DataColumn, target: DataColumn): string | undefined {
  const higher = (a: number | null, b: number | null) => Math.max(a ?? 0, b ?? 0);
  if (plan.kind === 'decimal' && plan.scale !== undefined) {
    const scales = [source, target].map((c) => (c.scale === null ? 'unbounded' : String(c.scale)));
    if (plan.scale < higher(source.scale, target.scale) || source.scale === null || target.scale === null) {
      return `compared at scale ${plan.scale} (source ${scales[0]}, target ${scales[1]})`;
    }
  }
  if (plan.kind === 'timestamp' && plan.timestampDigits !== undefined && plan.timestampDigits < higher(source.datetimePrecision, target.datetimePrecision)) {
    return `compared to ${plan.timestampDigits} fractional second digits (source ${source.datetimePrecision ?? 0}, target ${target.datetimePrecision ?? 0})`;
  }
  return undefined;
}

function comparedColumn(pair: ComparedPair, key: boolean): SchemaColumn {
  const [s, t] = [pair.source.column, pair.target.column];
  const lowered = lowering(pair.source.plan, s, t);
  return {
    source: s.name,
    target: t.name,
    sourceType: s.columnType,
    targetType: t.columnType,
    status: lowered === undefined ? 'compared' : 'lowered',
    ...(key ? { key: true as const } : {}),
    comparedAs: describePlan(pair.source.plan),
    ...(lowered !== undefined ? { reason: lowered } : {}),
    sourceNullable: s.nullable,
    targetNullable: t.nullable,
  };
}

/**
 * The schema section. `keys` and `compared` are the planned pairs; `notCompared` maps the other shared
 * source columns to the reason they are not compared.
 */
export function tableSchema(
  source: CatalogTable,
  target: CatalogTable,
  keys: readonly ComparedPair[],
  compared: readonly ComparedPair[],
  notCompared: Readonly<Record<string, string>>,
): TableSchema {
  const planned = new Map<string, SchemaColumn>();
  for (const pair of keys) planned.set(pair.source.column.name, comparedColumn(pair, true));
  for (const pair of compared) planned.set(pair.source.column.name, comparedColumn(pair, false));
  const columns: SchemaColumn[] = [];
  const paired = new Set<string>();
  const targetPositions: number[] = [];
  for (const s of source.columns) {
    const t = planned.has(s.name) ? findColumn(target.columns, planned.get(s.name)!.target!) : findColumn(target.columns, s.name);
    if (t === undefined) {
      columns.push({ source: s.name, target: null, sourceType: s.columnType, targetType: null, status: 'onlyInSource', sourceNullable: s.nullable });
      continue;
    }
    paired.add(t.name);
    targetPositions.push(target.columns.indexOf(t));
    columns.push(
      planned.get(s.name) ?? {
        source: s.name,
        target: t.name,
        sourceType: s.columnType,
        targetType: t.columnType,
        status: 'notCompared',
        reason: notCompared[s.name] ?? NOT_SELECTED,
        sourceNullable: s.nullable,
        targetNullable: t.nullable,
      },
    );
  }
  for (const t of target.columns) {
    if (!paired.has(t.name)) columns.push({ source: null, target: t.name, sourceType: null, targetType: t.columnType, status: 'onlyInTarget', targetNullable: t.nullable });
  }
  const columnOrderDiffers = targetPositions.some((position, i) => i > 0 && position < targetPositions[i - 1]!);
  const targetKey = target.primaryKey.map((name) => source.columns.find((c) => c.name.toLowerCase() === name.toLowerCase())?.name ?? name);
  const keyDiffers = targetKey.join('\u0000') !== source.primaryKey.join('\u0000');
  const differences =
    columns.filter((c) => c.status === 'onlyInSource' || c.status === 'onlyInTarget' || c.status === 'lowered' || (c.status === 'notCompared' && c.reason !== NOT_SELECTED)).length +
    columns.filter((c) => c.source !== null && c.target !== null && c.sourceNullable !== c.targetNullable).length +
    (columnOrderDiffers ? 1 : 0) +
    (keyDiffers ? 1 : 0);
  return { columns, columnOrderDiffers, primaryKey: { source: source.primaryKey, target: target.primaryKey, differs: keyDiffers }, differences };
}
