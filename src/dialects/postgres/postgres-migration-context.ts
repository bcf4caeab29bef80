/**
 * Facts about a whole script that the per-object PostgreSQL migration hooks ask about, computed once
 * per script (the planner passes the same context to every hook) instead of once per object: which
 * tables are dropped, which functions the tables' expressions call, every string of the objects
 * being created. Conventions: see postgres-migration-common.ts.
 */
import type { MigrationContext } from '../../generate/migration-hooks.js';
import type { JsonValue, Routine, SchemaObject } from '../../model/objects.js';
import { qualifiedName } from './postgres-quoting.js';

interface ContextFacts {
  /** Qualified names of the tables the script drops. */
  readonly droppedTables: ReadonlySet<string>;
  /** `schema.name(` of every function called by a default, generated column, check or index of a table or domain the script creates or changes. */
  readonly tableCalls: ReadonlySet<string>;
  /** Every string value of the objects the script creates or changes (lazily). */
  sourceStrings(): readonly string[];
}

const facts = new WeakMap<MigrationContext, ContextFacts>();

/** A qualified call, `schema.name(` with either part quoted or not, as canonical expressions write it. */
const QUALIFIED_CALL = /(?:"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*)\.(?:"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*)\(/g;

/** A qualified name, `schema.name` with either part quoted or not. */
const QUALIFIED_NAME = /(?:"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*)\.(?:"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*)/g;

/** The `schema.name(` texts of qualified calls in SQL text. */
export function qualifiedCalls(text: string): string[] {
  return text.match(QUALIFIED_CALL) ?? [];
}

/** The `schema.name` texts of qualified names in SQL text (a type: `SETOF public.orders`, `public.t[]`). */
export function qualifiedNames(text: string): string[] {
  return text.match(QUALIFIED_NAME) ?? [];
}

const viewCalls = new WeakMap<object, ReadonlySet<string>>();

/** The `schema.name(` calls in a view's query, computed once per view object. */
export function callsIn(view: { readonly definition: string }): ReadonlySet<string> {
  let calls = viewCalls.get(view);
  if (calls === undefined) {
    calls = new Set(qualifiedCalls(view.definition));
    viewCalls.set(view, calls);
  }
  return calls;
}

/** `schema.name(`: how a call of the routine reads in canonical expressions and view text. */
export function callText(routine: Routine): string {
  return `${qualifiedName(routine.schema, routine.baseName)}(`;
}

/** Every expression of a table or domain that can call a function: defaults, generated columns, checks, indexes. */
function tableExpressions(object: SchemaObject): string[] {
  const texts: (string | undefined)[] = [];
  if (object.kind === 'table') {
    for (const column of object.columns) texts.push(column.default, column.generated);
    for (const check of object.checkConstraints) texts.push(check.expression);
    for (const index of object.indexes) texts.push(...index.keys, index.where);
  } else if (object.kind === 'domain') {
    texts.push(object.default, ...object.checkConstraints.map((c) => c.expression));
  }
  return texts.filter((text): text is string => text !== undefined);
}

function collectStrings(value: JsonValue | undefined, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, out);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) collectStrings(item, out);
}

export function contextFacts(context: MigrationContext): ContextFacts {
  let known = facts.get(context);
  if (known !== undefined) return known;
  const droppedTables = new Set<string>();
  const tableCalls = new Set<string>();
  for (const change of context.changes) {
    if (change.differenceType === 'Delete' && change.objectKind === 'table') droppedTables.add(qualifiedName(change.schema, change.name));
    if (change.source !== undefined) for (const text of tableExpressions(change.source)) for (const call of qualifiedCalls(text)) tableCalls.add(call);
  }
  let strings: string[] | undefined;
  known = {
    droppedTables,
    tableCalls,
    sourceStrings() {
      if (strings === undefined) {
        strings = [];
        for (const change of context.changes) if (change.source !== undefined) collectStrings(change.source as unknown as JsonValue, strings);
      }
      return strings;
    },
  };
  facts.set(context, known);
  return known;
}
