/**
 * The order in which schema-model statements are applied: a topological sort of the statements by
 * what they define and reference (postgres-sql-statements.ts), independent of file names. Between
 * statements that do not depend on each other the order is stable: schemas, extensions, types,
 * sequences, routines, tables, indexes, views, materialized views, triggers, then ALTER and COMMENT
 * statements; then by file path and position in the file.
 *
 * Cycles: tables whose foreign keys reference each other are split, as pg_dump does: the table that
 * comes first is created without the foreign keys that close the cycle, and each of them is added
 * afterwards with `ALTER TABLE ... ADD CONSTRAINT` (both rewritten with the parser's deparser). Any
 * other cycle is broken at its first statement; the apply step then retries statements that fail
 * for a missing object, so an undetected dependency costs a retry, not a failure.
 */
import { loadParser, unwrap, type AstNode, type Statement } from './postgres-sql-statements.js';

function compare(a: Statement, b: Statement): number {
  return a.rank - b.rank || a.fileIndex - b.fileIndex || a.index - b.index;
}

/** A binary min-heap of statements by `compare`. */
class Heap {
  private readonly items: Statement[] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: Statement): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(items[i]!, items[parent]!) >= 0) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): Statement | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && compare(items[l]!, items[m]!) < 0) m = l;
        if (r < items.length && compare(items[r]!, items[m]!) < 0) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** Finds the statements that define a key; unqualified keys prefer `public`, then any schema. */
class Providers {
  private readonly byKey = new Map<string, Statement[]>();
  private readonly byBareName = new Map<string, Statement[]>();

  add(statement: Statement): void {
    for (const provided of statement.provides) {
      push(this.byKey, provided, statement);
      const bare = /^(rel|fn):[^.]*\.(.*)$/s.exec(provided);
      if (bare) push(this.byBareName, `${bare[1]}:${bare[2]}`, statement);
    }
  }

  /** `replacement` now defines what `original` defined. */
  replace(original: Statement, replacement: Statement): void {
    for (const map of [this.byKey, this.byBareName]) {
      for (const list of map.values()) {
        const at = list.indexOf(original);
        if (at >= 0) list[at] = replacement;
      }
    }
  }

  of(key: string): Statement[] {
    const unqualified = /^(rel|fn):\?(.*)$/s.exec(key);
    if (!unqualified) return this.byKey.get(key) ?? [];
    return this.byKey.get(`${unqualified[1]}:public.${unqualified[2]}`) ?? this.byBareName.get(`${unqualified[1]}:${unqualified[2]}`) ?? [];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const existing = map.get(key);
  if (existing) existing.push(value);
  else map.set(key, [value]);
}

/** Orders statements so that each comes after the statements defining what it references. */
export async function orderStatements(statements: readonly Statement[]): Promise<Statement[]> {
  const providers = new Providers();
  for (const s of statements) providers.add(s);

  const waitingOn = new Map<Statement, Set<Statement>>();
  const dependents = new Map<Statement, Set<Statement>>();
  const link = (from: Statement, to: Statement) => {
    if (from === to) return;
    waitingOn.get(from)!.add(to);
    let set = dependents.get(to);
    if (!set) dependents.set(to, (set = new Set()));
    set.add(from);
  };
  for (const s of statements) waitingOn.set(s, new Set());
  for (const s of statements) for (const required of s.requires) for (const provider of providers.of(required)) link(s, provider);

  const ready = new Heap();
  for (const s of statements) if (waitingOn.get(s)!.size === 0) ready.push(s);
  const emitted = new Set<Statement>();
  const ordered: Statement[] = [];

  const emit = (s: Statement) => {
    if (emitted.has(s) || !waitingOn.has(s)) return;
    emitted.add(s);
    waitingOn.delete(s);
    ordered.push(s);
    for (const dependent of dependents.get(s) ?? []) {
      const waits = waitingOn.get(dependent);
      if (!waits) continue;
      waits.delete(s);
      if (waits.size === 0) ready.push(dependent);
    }
  };

  while (waitingOn.size > 0) {
    const next = ready.pop();
    if (next) {
      emit(next);
      continue;
    }
    // A cycle: split a table's foreign keys if that breaks it, else emit the first waiting statement.
    const stuck = [...waitingOn.keys()].sort(compare);
    let broken = false;
    for (const candidate of stuck) {
      const split = await splitForeignKeys(candidate, (key) => providers.of(key).some((p) => !emitted.has(p) && p !== candidate));
      if (!split) continue;
      const [table, constraints] = split;
      const oldWaits = waitingOn.get(candidate)!;
      providers.replace(candidate, table);
      waitingOn.delete(candidate);
      waitingOn.set(table, new Set());
      for (const c of constraints) waitingOn.set(c, new Set());
      for (const required of table.requires) for (const p of providers.of(required)) if (oldWaits.has(p)) link(table, p);
      for (const c of constraints) {
        link(c, table);
        for (const required of c.requires) for (const p of providers.of(required)) if (!emitted.has(p)) link(c, p);
      }
      // Whoever waited for the table now waits for the table without its foreign keys.
      for (const dependent of dependents.get(candidate) ?? []) {
        const waits = waitingOn.get(dependent);
        if (waits?.delete(candidate)) link(dependent, table);
      }
      for (const s of [table, ...constraints]) if (waitingOn.get(s)!.size === 0) ready.push(s);
      broken = true;
      break;
    }
    if (!broken) emit(stuck[0]!);
  }
  return ordered;
}

/**
 * For a CREATE TABLE whose foreign keys reference tables that are still waiting (`isWaiting`),
 * returns the table without those foreign keys and one `ALTER TABLE ... ADD` statement per key.
 */
async function splitForeignKeys(statement: Statement, isWaiting: (key: string) => boolean): Promise<[Statement, Statement[]] | undefined> {
  const unwrapped = statement.ast ? unwrap(statement.ast) : undefined;
  if (!unwrapped || unwrapped[0] !== 'CreateStmt') return undefined;
  const body = structuredClone(unwrapped[1]) as AstNode;
  const relation = body['relation'];
  const moved: AstNode[] = [];
  const referenced = (constraint: AstNode): string | undefined => {
    const pktable = constraint['pktable'] as AstNode | undefined;
    if (!pktable || typeof pktable['relname'] !== 'string') return undefined;
    const schema = typeof pktable['schemaname'] === 'string' ? pktable['schemaname'] : '?';
    return schema === '?' ? `rel:?${pktable['relname']}` : `rel:${schema}.${pktable['relname']}`;
  };
  const closesCycle = (constraint: AstNode | undefined): constraint is AstNode => {
    if (!constraint || constraint['contype'] !== 'CONSTR_FOREIGN') return false;
    const target = referenced(constraint);
    return target !== undefined && isWaiting(target);
  };
  const elements = (body['tableElts'] as unknown[] | undefined) ?? [];
  body['tableElts'] = elements.filter((element) => {
    const constraint = (element as AstNode)['Constraint'] as AstNode | undefined;
    if (closesCycle(constraint)) {
      moved.push(constraint);
      return false;
    }
    const column = (element as AstNode)['ColumnDef'] as AstNode | undefined;
    if (column && Array.isArray(column['constraints'])) {
      column['constraints'] = (column['constraints'] as AstNode[]).filter((c) => {
        const inline = c['Constraint'] as AstNode | undefined;
        if (!closesCycle(inline)) return true;
        moved.push({ ...inline, fk_attrs: [{ String: { sval: column['colname'] } }] });
        return false;
      });
    }
    return true;
  });
  if (moved.length === 0) return undefined;
  const { deparse } = await loadParser();
  const movedTargets = new Set(moved.map(referenced));
  const table: Statement = {
    ...statement,
    text: await deparse({ version: 180000, stmts: [{ stmt: { CreateStmt: body } }] } as never),
    mapsToFile: false,
    requires: statement.requires.filter((r) => !movedTargets.has(r)),
    ast: { CreateStmt: body },
  };
  const constraints: Statement[] = [];
  for (const [i, constraint] of moved.entries()) {
    const alter = { AlterTableStmt: { relation, cmds: [{ AlterTableCmd: { subtype: 'AT_AddConstraint', def: { Constraint: constraint }, behavior: 'DROP_RESTRICT' } }], objtype: 'OBJECT_TABLE' } };
    const target = referenced(constraint)!;
    const { ast: _ast, ...rest } = statement;
    constraints.push({
      ...rest,
      index: statement.index + (i + 1) / (moved.length + 1),
      text: await deparse({ version: 180000, stmts: [{ stmt: alter }] } as never),
      mapsToFile: false,
      rank: 11,
      provides: [],
      requires: [target, ...statement.provides],
    });
  }
  return [table, constraints];
}
