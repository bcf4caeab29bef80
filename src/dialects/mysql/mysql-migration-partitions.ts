/**
 * Partition changes of a MySQL/MariaDB table, as the cheapest statements that keep every row the new
 * definition has room for, in the alterTables phase after the table's column and key changes.
 *
 * - Partitioning added, changed (method, expression, subpartitioning) or, for HASH/KEY, reshaped
 *   beyond adding or coalescing at the end: `PARTITION BY ...`, which rebuilds the table with its rows
 *   (and fails, changing nothing, when a row has no partition in the new definition); removed:
 *   `REMOVE PARTITIONING` (rows kept). Both end the table's column and key ALTER TABLE when there is
 *   one (the server checks that statement against the new partitioning only, and rebuilds once).
 * - The other operations are ALTER TABLEs of their own (the server takes no other clause beside them):
 * - RANGE [COLUMNS]: the bounds both sides share cut the range into stretches that each side covers
 *   with its own partitions; a stretch that differs is one `REORGANIZE PARTITION ... INTO (...)`
 *   (its rows move, none are lost). Past the last shared bound: new partitions are `ADD PARTITION`,
 *   partitions only in the target are `DROP PARTITION` (destructive: their rows go), a last partition
 *   that reaches further is reorganized, and one that reaches less far is reorganized with a
 *   temporary partition for the rows beyond the new end, which is then dropped (destructive).
 * - LIST [COLUMNS]: partitions equal on both sides, in the same order, stay; between them, the changed
 *   ones are reorganized together with every stretch their values move to or from (the server
 *   reorganizes only consecutive partitions, so the unchanged ones in between are included), new ones
 *   at the end are `ADD PARTITION`, ones whose values no partition takes any more are `DROP PARTITION`
 *   (destructive), and values that no partition takes any more out of a reorganized stretch go to a
 *   temporary partition that is dropped (destructive). A DEFAULT partition (MariaDB) takes the values
 *   no other partition holds.
 * - HASH/KEY: more partitions at the end `ADD PARTITION`, fewer `COALESCE PARTITION` (rows are
 *   redistributed, never lost).
 * Stretches that would create a name another one still uses are reorganized as one.
 */
import type { MigrationStep } from '../../generate/migration-hooks.js';
import { equalValues } from '../../diff/object-comparer.js';
import type { Table, TablePartition } from '../../model/objects.js';
import { shownName } from '../../model/unqualify.js';
import { DEFAULT_PARTITION, boundItems, compareRangeBounds, partitionList, partitionMethod, renderPartitionClause } from './mysql-partitions.js';
import { longestIncreasing } from './mysql-order.js';
import { qualifiedName, quoteIdent } from './mysql-quoting.js';

export interface PartitionPlan {
  /** `PARTITION BY ...` or `REMOVE PARTITIONING`: the end of the table's column and key ALTER TABLE (or one of its own). */
  readonly clause?: string;
  /** Partition operations, each an ALTER TABLE, after that one. */
  readonly steps: readonly MigrationStep[];
}

/** A stretch of partitions: `f` on the target (as it is), `t` on the source (as it must become). */
interface Stretch {
  readonly f: readonly TablePartition[];
  readonly t: readonly TablePartition[];
}

const NONE: PartitionPlan = { steps: [] };

function step(table: Table, clause: string, destructive?: string): MigrationStep {
  return { phase: 'alterTables', sql: `ALTER TABLE ${qualifiedName(table.schema, table.name)} ${clause}`, ...(destructive !== undefined ? { destructive } : {}) };
}

const names = (partitions: readonly TablePartition[]) => partitions.map((p) => quoteIdent(p.name)).join(', ');

/** The statements that turn `from`'s partitions into `to`'s. */
export function partitionPlan(from: Table, to: Table): PartitionPlan {
  const same = from.partitionBy === to.partitionBy && from.subpartitionBy === to.subpartitionBy;
  if (same && equalValues(from.partitions ?? [], to.partitions ?? [])) return NONE;
  if (to.partitionBy === undefined) return { clause: 'REMOVE PARTITIONING', steps: [] };
  const repartition = { clause: renderPartitionClause(to)!, steps: [] };
  if (from.partitionBy === undefined || !same) return repartition;
  const method = partitionMethod(to.partitionBy);
  const f = from.partitions ?? [];
  const t = to.partitions ?? [];
  if (method.startsWith('RANGE')) return { steps: rangeSteps(to, f, t) };
  if (method.startsWith('LIST')) return { steps: listSteps(to, f, t) };
  const steps = hashSteps(to, f, t);
  return steps === undefined ? repartition : { steps };
}

/** HASH/KEY: partitions added or coalesced at the end; undefined when only a new PARTITION BY can do it. */
function hashSteps(table: Table, f: readonly TablePartition[], t: readonly TablePartition[]): MigrationStep[] | undefined {
  const shared = Math.min(f.length, t.length);
  if (!equalValues(f.slice(0, shared), t.slice(0, shared))) return undefined;
  if (t.length < f.length) return [step(table, `COALESCE PARTITION ${f.length - t.length}`)];
  const added = t.slice(shared);
  const serverNamed = added.every((p, i) => p.name === `p${shared + i}` && p.comment === undefined);
  return [step(table, serverNamed ? `ADD PARTITION PARTITIONS ${added.length}` : `ADD PARTITION ${partitionList(table, added)}`)];
}

/** A name no partition of either side has, for a partition that holds rows on their way out. */
function temporaryName(f: readonly TablePartition[], t: readonly TablePartition[]): string {
  const taken = new Set([...f, ...t].map((p) => p.name));
  let name = 'parity_dropped';
  for (let i = 2; taken.has(name); i++) name = `parity_dropped_${i}`;
  return name;
}

/**
 * Merges stretches `i..j` (inclusive) whenever `linked(i, j)`, until no two stretches are linked: the
 * merged stretch holds both sides' partitions in order.
 */
function mergeLinked(stretches: readonly Stretch[], linked: (list: readonly Stretch[], i: number, j: number) => boolean): Stretch[] {
  let list = [...stretches];
  for (let changed = true; changed; ) {
    changed = false;
    outer: for (let i = 0; i < list.length; i++) {
      for (let j = 0; j < list.length; j++) {
        if (i === j || !linked(list, i, j)) continue;
        const [low, high] = i < j ? [i, j] : [j, i];
        const span = list.slice(low, high + 1);
        list = [...list.slice(0, low), { f: span.flatMap((s) => s.f), t: span.flatMap((s) => s.t) }, ...list.slice(high + 1)];
        changed = true;
        break outer;
      }
    }
  }
  return list;
}

/** Stretch `i` would create a partition name that stretch `j` still has (or the reverse). */
function sharesNames(list: readonly Stretch[], i: number, j: number): boolean {
  const created = new Set(list[i]!.t.map((p) => p.name));
  return list[j]!.f.some((p) => created.has(p.name)) && !equalValues(list[i]!.f, list[i]!.t);
}

function rangeSteps(table: Table, f: readonly TablePartition[], t: readonly TablePartition[]): MigrationStep[] {
  const fromBounds = new Set(f.map((p) => p.values));
  const cuts = new Set(t.map((p) => p.values).filter((bound) => fromBounds.has(bound)));
  const split = (list: readonly TablePartition[]) => {
    const stretches: TablePartition[][] = [[]];
    for (const partition of list) {
      stretches[stretches.length - 1]!.push(partition);
      if (cuts.has(partition.values)) stretches.push([]);
    }
    return stretches;
  };
  const fromStretches = split(f);
  const toStretches = split(t);
  const stretches = mergeLinked(
    fromStretches.map((part, i) => ({ f: part, t: toStretches[i]! })),
    sharesNames,
  );
  const steps: MigrationStep[] = [];
  const shown = shownName(table.schema, table.name);
  stretches.forEach((stretch, index) => {
    if (equalValues(stretch.f, stretch.t)) return;
    const last = index === stretches.length - 1;
    if (!last || (stretch.f.length > 0 && stretch.t.length > 0 && (compareRangeBounds(stretch.t.at(-1)!.values ?? '', stretch.f.at(-1)!.values ?? '') ?? 1) > 0)) {
      steps.push(step(table, `REORGANIZE PARTITION ${names(stretch.f)} INTO ${partitionList(table, stretch.t)}`));
    } else if (stretch.f.length === 0) {
      steps.push(step(table, `ADD PARTITION ${partitionList(table, stretch.t)}`));
    } else if (stretch.t.length === 0) {
      steps.push(step(table, `DROP PARTITION ${names(stretch.f)}`, `drops partition ${stretch.f.map((p) => p.name).join(', ')} of ${shown} and the rows in it`));
    } else {
      // The new last bound is lower: the rows beyond it have no partition in the new definition.
      const bound = stretch.f.at(-1)!.values!;
      const temporary: TablePartition = { name: temporaryName(f, t), values: bound };
      steps.push(step(table, `REORGANIZE PARTITION ${names(stretch.f)} INTO ${partitionList(table, [...stretch.t, temporary])}`));
      steps.push(step(table, `DROP PARTITION ${quoteIdent(temporary.name)}`, `drops the rows of ${shown} past its new last partition (VALUES ${stretch.t.at(-1)!.values})`));
    }
  });
  return steps;
}

/** The values a LIST partition holds (`IN (1,2)` → 1, 2); none for DEFAULT. */
function listValues(partition: TablePartition): string[] {
  return partition.values === undefined || partition.values === DEFAULT_PARTITION ? [] : boundItems(partition.values);
}

const isDefault = (partition: TablePartition) => partition.values === DEFAULT_PARTITION;

/** Partitions equal on both sides and in the same order, the most there can be, as index pairs. */
function anchors(f: readonly TablePartition[], t: readonly TablePartition[]): Array<[number, number]> {
  const position = new Map(t.map((p, j) => [p.name, j]));
  const candidates = f.flatMap((p, i): Array<[number, number]> => {
    const j = position.get(p.name);
    return j !== undefined && equalValues(p, t[j]) ? [[i, j]] : [];
  });
  const kept = longestIncreasing(candidates.map(([, j]) => j));
  return candidates.filter((_, k) => kept.has(k));
}

function listSteps(table: Table, f: readonly TablePartition[], t: readonly TablePartition[]): MigrationStep[] {
  // Stretches: the changed run before each anchor, then the anchor itself, ..., then the run after the last.
  const initial: Stretch[] = [];
  let [i, j] = [0, 0];
  for (const [fi, tj] of [...anchors(f, t), [f.length, t.length] as [number, number]]) {
    initial.push({ f: f.slice(i, fi), t: t.slice(j, tj) });
    if (fi < f.length) initial.push({ f: [f[fi]!], t: [t[tj]!] });
    [i, j] = [fi + 1, tj + 1];
  }
  const changed = (s: Stretch) => !equalValues(s.f, s.t);
  const values = (list: readonly TablePartition[]) => new Set(list.flatMap(listValues));
  // Where rows go: a value leaving a stretch goes to the stretch that holds it in the source, else to
  // the source's DEFAULT partition; a value arriving comes from the stretch that held it, else from
  // the target's DEFAULT partition.
  const moves = (list: readonly Stretch[], a: number, b: number): boolean => {
    const here = list[a]!;
    const there = list[b]!;
    if (!changed(here)) return false;
    if (sharesNames(list, a, b)) return true;
    const [before, after] = [values(here.f), values(here.t)];
    const leaving = [...before].filter((v) => !after.has(v));
    const arriving = [...after].filter((v) => !before.has(v));
    const keptSomewhere = (v: string) => list.some((s) => values(s.t).has(v));
    const heldSomewhere = (v: string) => list.some((s) => values(s.f).has(v));
    if (leaving.some((v) => values(there.t).has(v) || (!keptSomewhere(v) && there.t.some(isDefault)))) return true;
    if (arriving.some((v) => values(there.f).has(v) || (!heldSomewhere(v) && there.f.some(isDefault)))) return true;
    // The target's DEFAULT partition leaves this stretch: its rows go to the source's.
    return here.f.some(isDefault) && !here.t.some(isDefault) && there.t.some(isDefault);
  };
  let stretches = mergeLinked(initial, moves);
  // A new partition before others cannot be added there: it is split off the next partition.
  for (let k = 0; k < stretches.length - 1; k++) {
    const stretch = stretches[k]!;
    if (stretch.f.length === 0 && stretch.t.length > 0 && stretches.slice(k + 1).some((s) => s.f.length > 0)) {
      const next = stretches[k + 1]!;
      stretches = [...stretches.slice(0, k), { f: next.f, t: [...stretch.t, ...next.t] }, ...stretches.slice(k + 2)];
      k--;
    }
  }
  const shown = shownName(table.schema, table.name);
  const steps: MigrationStep[] = [];
  for (const stretch of stretches) {
    if (!changed(stretch)) continue;
    if (stretch.f.length === 0) {
      steps.push(step(table, `ADD PARTITION ${partitionList(table, stretch.t)}`));
      continue;
    }
    if (stretch.t.length === 0) {
      steps.push(step(table, `DROP PARTITION ${names(stretch.f)}`, `drops partition ${stretch.f.map((p) => p.name).join(', ')} of ${shown} and the rows in it`));
      continue;
    }
    const kept = values(stretch.t);
    const lost = [...values(stretch.f)].filter((v) => !kept.has(v));
    const lostDefault = stretch.f.some(isDefault) && !stretch.t.some(isDefault);
    if (stretch.t.some(isDefault) || (lost.length === 0 && !lostDefault)) {
      steps.push(step(table, `REORGANIZE PARTITION ${names(stretch.f)} INTO ${partitionList(table, stretch.t)}`));
      continue;
    }
    const temporary: TablePartition = { name: temporaryName(f, t), values: lostDefault ? DEFAULT_PARTITION : `IN (${lost.join(',')})` };
    const which = lostDefault ? 'that no partition but the DEFAULT one took' : `with the values ${lost.join(', ')}`;
    steps.push(step(table, `REORGANIZE PARTITION ${names(stretch.f)} INTO ${partitionList(table, [...stretch.t, temporary])}`));
    steps.push(step(table, `DROP PARTITION ${quoteIdent(temporary.name)}`, `drops the rows of ${shown} ${which} (no partition holds them any more)`));
  }
  return steps;
}
