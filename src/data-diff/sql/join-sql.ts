/**
 * The same-database JOIN of data diff (see join-diff.ts), written once over a dialect's hooks:
 *   countsQuery  the row counts of both filtered tables, in one statement
 *   joinQuery    every row only in the source, only in the target or with differing values, in key
 *                order, at most `limit` of them
 * Each table is read through a derived table of the canonical texts the bisection reads and hashes
 * (data-sql.ts), filtered by its side's condition and made byte-comparable (`byteText`):
 *   k0..  the key texts, joined on (and texts are ordered by their bytes)
 *   o0..  integer keys' order: the column itself
 *   r0..  the stored keys, joined on too when every key pair may be (`rawKeyJoin`)
 *   v0..  the compared values
 * Result columns: s_k0.., t_k0.. (NULL on the side without the row), o0.. (the key order), then
 * s_v0, t_v0, s_v1, ...
 * With FULL OUTER JOIN, one join filtered to the differences; without, the source LEFT JOIN the
 * target (rows only in the source, differing rows) UNION ALL the target's rows no source row matches.
 */
import type { DataDialect, PlannedColumn, TableRef } from './data-dialect.js';
import { countSql, fromClause, limitSql, normalizedSql, valueSql, whereClause } from './data-sql.js';

/** One side of the JOIN; both sides are read through one connection. */
export interface JoinSide {
  /** Always qualified (schema or database resolved), since the two sides' defaults may differ. */
  readonly table: TableRef;
  readonly keys: readonly PlannedColumn[];
  /** Pair by pair with the other side's. */
  readonly columns: readonly PlannedColumn[];
  readonly where?: string;
  /** A primary key or unique index covers exactly the key columns. */
  readonly keyIndexed: boolean;
}

/** `source_rows` and `target_rows`: the rows each side compares. */
export function countsQuery(dialect: DataDialect, source: JoinSide, target: JoinSide): string {
  const count = (side: JoinSide) => `(SELECT ${countSql(dialect)} FROM ${fromClause(dialect, side.table)}${whereClause(side.where)})`;
  return `SELECT ${count(source)} AS source_rows, ${count(target)} AS target_rows${dialect.fromNothing ?? ''}`;
}

/**
 * Whether the stored keys are joined too: every key pair allows it and both tables have a unique
 * index on the key, so the server looks each row up by index. Otherwise the derived tables are
 * materialized where the dialect asks for it.
 */
export function joinsStoredKeys(dialect: DataDialect, source: JoinSide, target: JoinSide): boolean {
  return source.keyIndexed && target.keyIndexed && source.keys.every((k, i) => dialect.rawKeyJoin?.(k.column, target.keys[i]!.column, k.plan) === true);
}

/** The column a key is ordered by: integers by their stored value (`o`), texts by their bytes (`k`). */
function orderColumn(key: PlannedColumn, i: number): string {
  return key.plan.kind === 'integer' ? `o${i}` : `k${i}`;
}

/** `lookedUp`: the server finds this table's rows by key (the inner side of a LEFT JOIN, either side of a FULL JOIN). */
function derivedTable(dialect: DataDialect, side: JoinSide, storedKeys: boolean, lookedUp: boolean): string {
  const items = [
    ...side.keys.map((k, i) => `${dialect.byteText(normalizedSql(dialect, k))} AS k${i}`),
    ...side.keys.flatMap((k, i) => (k.plan.kind === 'integer' ? [`${dialect.keyOrder(k.column, k.plan)} AS o${i}`] : [])),
    ...(storedKeys ? side.keys.map((k, i) => `${dialect.quoteIdent(k.column.name)} AS r${i}`) : []),
    ...side.columns.map((c, i) => `${dialect.byteText(valueSql(dialect, c))} AS v${i}`),
  ];
  const select = `SELECT ${items.join(', ')} FROM ${fromClause(dialect, side.table)}${whereClause(side.where)}`;
  return `(${lookedUp && !storedKeys ? (dialect.materializedTable?.(select) ?? select) : select})`;
}

export function joinQuery(dialect: DataDialect, source: JoinSide, target: JoinSide, limit: number): string {
  const storedKeys = joinsStoredKeys(dialect, source, target);
  const table = (side: JoinSide, lookedUp: boolean) => derivedTable(dialect, side, storedKeys, lookedUp);
  const keys = source.keys.map((_, i) => i);
  const on = keys.flatMap((i) => [...(storedKeys ? [`s.r${i} = t.r${i}`] : []), `s.k${i} = t.k${i}`]).join(' AND ');
  const differs = ['s.k0 IS NULL', 't.k0 IS NULL', ...source.columns.map((_, i) => dialect.distinct(`s.v${i}`, `t.v${i}`))].join(' OR ');
  const select = (order: (column: string) => string) =>
    [
      ...keys.map((i) => `s.k${i} AS s_k${i}`),
      ...keys.map((i) => `t.k${i} AS t_k${i}`),
      ...source.keys.map((k, i) => `${order(orderColumn(k, i))} AS o${i}`),
      ...source.columns.flatMap((_, i) => [`s.v${i} AS s_v${i}`, `t.v${i} AS t_v${i}`]),
    ].join(', ');
  const tail = ` ORDER BY ${keys.map((i) => `o${i}`).join(', ')}${limitSql(dialect, limit, true)}`;
  if (dialect.fullOuterJoin) {
    return `SELECT ${select((c) => `COALESCE(s.${c}, t.${c})`)} FROM ${table(source, true)} s FULL OUTER JOIN ${table(target, true)} t ON ${on} WHERE ${differs}${tail}`;
  }
  return (
    `SELECT ${select((c) => `s.${c}`)} FROM ${table(source, false)} s LEFT JOIN ${table(target, true)} t ON ${on} WHERE ${differs}` +
    ` UNION ALL SELECT ${select((c) => `t.${c}`)} FROM ${table(target, false)} t LEFT JOIN ${table(source, true)} s ON ${on} WHERE s.k0 IS NULL${tail}`
  );
}
