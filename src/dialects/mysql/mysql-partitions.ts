/**
 * MySQL/MariaDB table partitioning: the model's `partitionBy`, `subpartitionBy` and `partitions` from
 * information_schema.PARTITIONS rows, and the DDL clause that states them (CREATE TABLE, ALTER TABLE
 * ... PARTITION BY, ADD/REORGANIZE PARTITION). Pure functions.
 *
 * The model keeps the server's own texts: the method (`RANGE COLUMNS`, `LINEAR KEY`), the expression
 * (`year(\`d\`)`, `` `d`,`id` ``) and each partition's bound (`LESS THAN (2021)`, `IN (NULL,1,2)`), so
 * two tables partitioned alike compare equal however their DDL was written. HASH and KEY partitions
 * the server named itself (`PARTITIONS 4`: p0..p3) are listed by those names and written back as
 * `PARTITIONS 4`; so are subpartitions named `<partition>sp<n>` (`SUBPARTITIONS 2`).
 */
import type { Table, TablePartition } from '../../model/objects.js';
import { tokenize } from './mysql-lexer.js';
import { quoteIdent, quoteLiteral } from './mysql-quoting.js';
import type { PartitionRow } from './mysql-rows.js';

/** The marker the introspector puts in a MariaDB LIST DEFAULT partition's description (see there). */
export const DEFAULT_PARTITION = 'DEFAULT';

/** `RANGE (year(\`d\`))`, `RANGE COLUMNS(\`d\`,\`id\`)`, `KEY ()`, `LINEAR HASH (\`id\`)`. */
function method(name: string, expression: string | null): string {
  const upper = name.toUpperCase().replace(/\s+/g, ' ').trim();
  return upper.endsWith(' COLUMNS') ? `${upper}(${expression ?? ''})` : `${upper} (${expression ?? ''})`;
}

/**
 * A partition's bound in model form from its method and PARTITION_DESCRIPTION. LIST values are sorted
 * (the server keeps them in the order written, NULL first): `IN (2,1)` and `IN (1,2)` are one
 * partition. A LIST COLUMNS DEFAULT partition is described `MAXVALUE` (`(MAXVALUE,MAXVALUE)` for two
 * columns), which no LIST value can be.
 */
function values(methodName: string, description: string | null): string | undefined {
  if (description === null) return undefined;
  const upper = methodName.toUpperCase();
  if (upper.startsWith('RANGE')) return !upper.includes('COLUMNS') && description === 'MAXVALUE' ? 'LESS THAN MAXVALUE' : `LESS THAN (${description})`;
  if (!upper.startsWith('LIST')) return undefined;
  if (description === DEFAULT_PARTITION || /^\(?MAXVALUE(?:,MAXVALUE)*\)?$/.test(description)) return DEFAULT_PARTITION;
  return `IN (${boundItems(`(${description})`).sort(compareValues).join(',')})`;
}

/** LIST values in order: NULL first, then numbers, strings and tuples item by item (as compareItems orders them), else as text. */
function compareValues(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'NULL' || b === 'NULL') return a === 'NULL' ? -1 : 1;
  const tuple = /^\(.*\)$/s;
  if (tuple.test(a) && tuple.test(b)) {
    const [left, right] = [boundItems(a), boundItems(b)];
    for (let i = 0; i < Math.min(left.length, right.length); i++) {
      const order = compareValues(left[i]!, right[i]!);
      if (order !== 0) return order;
    }
    return left.length - right.length;
  }
  return compareItems(a, b) ?? (a < b ? -1 : 1);
}

/** The table's partitioning from its rows (ordered by partition, then subpartition); `{}` when it has none. */
export function partitioning(rows: readonly PartitionRow[]): Pick<Table, 'partitionBy' | 'subpartitionBy' | 'partitions'> {
  const first = rows[0];
  if (first === undefined || first.method === null) return {};
  const partitions: TablePartition[] = [];
  let current: { partition: TablePartition; subpartitions: string[] } | undefined;
  const close = () => {
    if (current === undefined) return;
    partitions.push(current.subpartitions.length > 0 ? { ...current.partition, subpartitions: current.subpartitions } : current.partition);
  };
  for (const row of rows) {
    if (current === undefined || current.partition.name !== row.partition_name) {
      close();
      const bound = values(first.method, row.description);
      current = {
        partition: { name: row.partition_name, ...(bound !== undefined ? { values: bound } : {}), ...(row.comment ? { comment: row.comment } : {}) },
        subpartitions: [],
      };
    }
    if (row.subpartition_name !== null) current.subpartitions.push(row.subpartition_name);
  }
  close();
  return {
    partitionBy: method(first.method, first.expression),
    ...(first.submethod !== null ? { subpartitionBy: method(first.submethod, first.subexpression) } : {}),
    partitions,
  };
}

/** Whether partitions are HASH/KEY ones named by the server (p0, p1, ...) with nothing else to say. */
function serverNamed(partitions: readonly TablePartition[]): boolean {
  return partitions.every((p, i) => p.name === `p${i}` && p.values === undefined && p.comment === undefined && p.subpartitions === undefined);
}

/** The number of subpartitions per partition when every one has the server's names (`p0sp0`, `p0sp1`), else undefined. */
function serverNamedSubpartitions(partitions: readonly TablePartition[]): number | undefined {
  const count = partitions[0]?.subpartitions?.length;
  if (count === undefined) return undefined;
  const named = partitions.every((p) => p.subpartitions?.length === count && p.subpartitions.every((s, i) => s === `${p.name}sp${i}`));
  return named ? count : undefined;
}

/**
 * One partition's definition: `` PARTITION `p` VALUES LESS THAN (10) COMMENT 'c' ``, with its
 * subpartitions named unless the table's are all the server's (`withSubpartitions` false).
 */
export function renderPartition(partition: TablePartition, withSubpartitions: boolean): string {
  const bound = partition.values === undefined ? '' : partition.values === DEFAULT_PARTITION ? ' DEFAULT' : ` VALUES ${partition.values}`;
  const comment = partition.comment !== undefined ? ` COMMENT ${quoteLiteral(partition.comment)}` : '';
  const subpartitions = withSubpartitions && partition.subpartitions !== undefined ? ` (${partition.subpartitions.map((s) => `SUBPARTITION ${quoteIdent(s)}`).join(', ')})` : '';
  return `PARTITION ${quoteIdent(partition.name)}${bound}${comment}${subpartitions}`;
}

/** Whether partition definitions of `table` must name their subpartitions. */
export function namesSubpartitions(table: Table): boolean {
  return table.subpartitionBy !== undefined && serverNamedSubpartitions(table.partitions ?? []) === undefined;
}

/** `(PARTITION a ..., PARTITION b ...)` of the given partitions of `table`. */
export function partitionList(table: Table, partitions: readonly TablePartition[]): string {
  const named = namesSubpartitions(table);
  return `(${partitions.map((p) => renderPartition(p, named)).join(',\n ')})`;
}

/**
 * `PARTITION BY m (e) [SUBPARTITION BY m (e) [SUBPARTITIONS n]] (PARTITION ...)` or `... PARTITIONS n`,
 * lines joined by `\n`; undefined for a table that is not partitioned.
 */
export function renderPartitionClause(table: Table): string | undefined {
  if (table.partitionBy === undefined) return undefined;
  const partitions = table.partitions ?? [];
  const lines = [`PARTITION BY ${table.partitionBy}`];
  if (table.subpartitionBy !== undefined) {
    lines.push(`SUBPARTITION BY ${table.subpartitionBy}`);
    const count = serverNamedSubpartitions(partitions);
    if (count !== undefined) lines.push(`SUBPARTITIONS ${count}`);
  }
  if (partitions.length > 0 && table.subpartitionBy === undefined && serverNamed(partitions)) lines.push(`PARTITIONS ${partitions.length}`);
  else if (partitions.length > 0) lines.push(partitionList(table, partitions));
  return lines.join('\n');
}

/** The method of a partitioning text: `RANGE`, `RANGE COLUMNS`, `LIST`, `HASH`, `LINEAR KEY`, ... */
export function partitionMethod(partitionBy: string): string {
  return /^[A-Z ]+?(?=\s*\()/.exec(partitionBy)?.[0]?.trim() ?? partitionBy;
}

/**
 * The items of a bound's parenthesized list, split at top-level commas: `IN (NULL,1,2)` → NULL, 1, 2;
 * `IN ((1,'a'),(2,'b'))` → (1,'a'), (2,'b'); `LESS THAN ('x',MAXVALUE)` → 'x', MAXVALUE.
 */
export function boundItems(bound: string): string[] {
  const open = bound.indexOf('(');
  if (open < 0) return [bound.replace(/^LESS THAN\s+/, '')];
  const inner = bound.slice(open + 1, bound.lastIndexOf(')'));
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const token of tokenize(inner)) {
    if (token.text === '(') depth++;
    if (token.text === ')') depth--;
    if (token.text === ',' && depth === 0) {
      items.push(current.trim());
      current = '';
    } else current += token.text;
  }
  if (current.trim() !== '') items.push(current.trim());
  return items;
}

/** Orders two literals of a bound: MAXVALUE last, numbers by value, strings by code points; undefined when they cannot be told apart. */
function compareItems(a: string, b: string): number | undefined {
  if (a === b) return 0;
  if (a === 'MAXVALUE') return 1;
  if (b === 'MAXVALUE') return -1;
  const number = /^-?\d+(?:\.\d+)?$/;
  if (number.test(a) && number.test(b)) return Math.sign(Number(a) - Number(b));
  const string = /^'((?:[^'\\]|''|\\.)*)'$/;
  const left = string.exec(a);
  const right = string.exec(b);
  if (left && right) return left[1]! < right[1]! ? -1 : 1;
  return undefined;
}

/** Orders two RANGE bounds (`LESS THAN (...)`), item by item; undefined when they cannot be ordered here. */
export function compareRangeBounds(a: string, b: string): number | undefined {
  const left = boundItems(a);
  const right = boundItems(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = compareItems(left[i]!, right[i]!);
    if (order !== 0) return order;
  }
  return left.length === right.length ? 0 : undefined;
}
