/**
 * The dialect-neutral migration planner with a fake dialect: which views are dropped and recreated
 * around a change (directly and transitively), from which side they come back, and the order.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Change } from '../../src/diff/changes.ts';
import type { MigrationRenderer } from '../../src/generate/migration-hooks.ts';
import { planMigration, sortByPhase } from '../../src/generate/plan.ts';
import type { Routine, SchemaObject, Table, View } from '../../src/model/objects.ts';

const table = (name: string, comment?: string): Table => ({
  kind: 'table',
  schema: 's',
  name,
  columns: [],
  uniqueConstraints: [],
  checkConstraints: [],
  foreignKeys: [],
  indexes: [],
  triggers: [],
  ...(comment ? { comment } : {}),
});
const view = (name: string, definition: string, reads: string[] = [], comment?: string): View => ({
  kind: 'view',
  schema: 's',
  name,
  definition,
  dependsOn: reads.map((ref) => (ref.startsWith('t') ? { kind: 'table' as const, schema: 's', name: ref } : { kind: 'view' as const, schema: 's', name: ref })),
  ...(comment ? { comment } : {}),
});
const fn = (name: string, comment?: string): Routine => ({
  kind: 'function',
  schema: 's',
  name: `${name}()`,
  baseName: name,
  arguments: [],
  returns: 'integer',
  language: 'sql',
  definition: '',
  ...(comment ? { comment } : {}),
});

function change(type: Change['differenceType'], source: SchemaObject | undefined, target: SchemaObject | undefined): Change {
  const object = (source ?? target)!;
  return {
    id: `${object.kind}:${object.name}`,
    differenceType: type,
    objectKind: object.kind,
    schema: object.schema,
    name: object.name,
    ...(source ? { source } : {}),
    ...(target ? { target } : {}),
    parts: [],
  };
}

/** A comment of `breaks` marks an edit that views reading the object do not survive. */
const fake: MigrationRenderer = {
  transactionalDdl: true,
  preamble: () => [],
  create: (o) => [{ phase: o.kind === 'view' ? 'createViews' : 'createTables', sql: `create ${o.name} ${o.kind === 'view' ? o.definition : ''}`.trim() }],
  drop: (o) => [{ phase: o.kind === 'view' ? 'dropViews' : 'dropTables', sql: `drop ${o.name}` }],
  alter: (c) => [{ phase: c.objectKind === 'view' ? 'createViews' : 'alterTables', sql: `alter ${c.name}` }],
  alterKeepsDependents: (c) => c.source?.comment !== 'breaks',
  reads: (v, o) => o.kind === 'function' && v.definition.includes(`${o.name}`),
};

const sqlOf = (changes: Change[], source: SchemaObject[], target: SchemaObject[], all: Change[] = changes) =>
  planMigration(
    {
      changes,
      dependentObjects: { source, target },
      allChangeKeys: new Set(all.map((c) => JSON.stringify([c.objectKind, c.schema, c.name]))),
    },
    fake,
  ).map((s) => s.sql);

test('readers of a changed table are dropped readers-first and recreated in dependency order; others stay', () => {
  const views = [view('v1', 'SELECT t1', ['t1']), view('v2', 'SELECT v1', ['v1']), view('v3', 'SELECT v2', ['v2']), view('other', 'SELECT t2', ['t2'])];
  const sql = sqlOf([change('Edit', table('t1', 'breaks'), table('t1'))], views, views);
  assert.equal(sql, ['drop v3', 'drop v2', 'drop v1', 'alter t1', 'create v1 SELECT t1', 'create v2 SELECT v1', 'create v3 SELECT v2']);
});

test('an edit that keeps readers touches no view', () => {
  const views = [view('v1', 'SELECT t1', ['t1'])];
  assert.equal(sqlOf([change('Edit', table('t1', 'fine'), table('t1'))], views, views), ['alter t1']);
});

test('a view whose own change was left out comes back as it is in the target', () => {
  const target = [view('v1', 'SELECT old', ['t1'])];
  const source = [view('v1', 'SELECT new', ['t1'])];
  const tableChange = change('Edit', table('t1', 'breaks'), table('t1'));
  const viewChange = change('Edit', source[0], target[0]);
  assert.equal(sqlOf([tableChange], source, target, [tableChange, viewChange]), ['drop v1', 'alter t1', 'create v1 SELECT old']);
  assert.equal(sqlOf([tableChange, viewChange], source, target), ['drop v1', 'alter t1', 'create v1 SELECT new']);
});

test('a view replaced in place is altered, unless something it reads is recreated', () => {
  const target = [view('v1', 'SELECT t1', ['t1']), view('v2', 'SELECT v1', ['v1'])];
  const source = [view('v1', 'SELECT t1, x', ['t1']), view('v2', 'SELECT v1, y', ['v1'])];
  const inPlace = [change('Edit', source[1], target[1])];
  assert.equal(sqlOf(inPlace, source, target), ['alter v2']);
  const both = [change('Edit', { ...source[0]!, comment: 'breaks' }, target[0]), change('Edit', source[1], target[1])];
  assert.equal(sqlOf(both, source, target), ['drop v2', 'drop v1', 'create v1 SELECT t1, x', 'create v2 SELECT v1, y']);
});

test('deleted views and the readers of deleted objects are dropped first; added views come in order', () => {
  const target = [view('gone', 'SELECT t1', ['t1']), view('reader', 'SELECT gone', ['gone'])];
  const source = [view('reader', 'SELECT t2', ['t2']), view('fresh', 'SELECT reader', ['reader'])];
  const changes = [
    change('Delete', undefined, target[0]),
    change('Edit', source[0], target[1]),
    change('Add', source[1], undefined),
    change('Delete', undefined, table('t1')),
  ];
  assert.equal(sqlOf(changes, source, target), ['drop reader', 'drop gone', 'drop t1', 'create reader SELECT t2', 'create fresh SELECT reader']);
});

test('the dialect finds readers that dependsOn cannot show (routine calls)', () => {
  const views = [view('calls', 'SELECT f()'), view('plain', 'SELECT 1')];
  const sql = sqlOf([change('Edit', fn('f', 'breaks'), fn('f'))], views, views);
  assert.equal(sql, ['drop calls', 'alter f()', 'create calls SELECT f()']);
});

test('createdBefore: added objects after what they need, deleted ones before it, otherwise as given', () => {
  // The comment names the table this one needs (as a composite type names its attribute types).
  const needing: MigrationRenderer = { ...fake, alterKeepsDependents: () => true, createdBefore: (o) => (o.comment ? [{ schema: 's', name: o.comment }] : []) };
  const plan = (changes: Change[]) =>
    planMigration({ changes, dependentObjects: { source: [], target: [] }, allChangeKeys: new Set() }, needing).map((s) => s.sql);
  const adds = [change('Add', table('a', 'c'), undefined), change('Add', table('b'), undefined), change('Add', table('c', 'd'), undefined), change('Add', table('d'), undefined)];
  assert.equal(plan(adds), ['create d', 'create c', 'create a', 'create b']);
  const deletes = [change('Delete', undefined, table('d')), change('Delete', undefined, table('b')), change('Delete', undefined, table('c', 'd')), change('Delete', undefined, table('a', 'c'))];
  assert.equal(plan(deletes), ['drop a', 'drop c', 'drop d', 'drop b']);
});

test('sortByPhase is stable within a phase', () => {
  const sorted = sortByPhase([
    { phase: 'comments', sql: 'c1' },
    { phase: 'dropTables', sql: 'd1' },
    { phase: 'comments', sql: 'c2' },
    { phase: 'createSchemas', sql: 's1' },
    { phase: 'dropTables', sql: 'd2' },
  ]);
  assert.equal(sorted.map((s) => s.sql), ['d1', 'd2', 's1', 'c1', 'c2']);
});

test.run();
