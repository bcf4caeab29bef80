import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diffModels } from '../../src/diff/differ.ts';
import { equalValues } from '../../src/diff/object-comparer.ts';
import type { DatabaseModel, Table, View } from '../../src/model/objects.ts';

const table = (name: string, extra: Partial<Table> = {}): Table => ({
  kind: 'table',
  schema: 'public',
  name,
  columns: [
    { name: 'id', type: 'integer', nullable: false },
    { name: 'label', type: 'text', nullable: true },
  ],
  primaryKey: { name: `${name}_pkey`, columns: ['id'] },
  uniqueConstraints: [],
  checkConstraints: [],
  foreignKeys: [],
  indexes: [],
  triggers: [],
  ...extra,
});
const view = (name: string, definition: string): View => ({ kind: 'view', schema: 'public', name, definition });
const model = (...objects: DatabaseModel['objects']): DatabaseModel => ({ dialect: 'postgres', schemas: ['public'], objects });

test('equal models have no changes', () => {
  assert.equal(diffModels(model(table('a'), view('v', 'SELECT 1')), model(table('a'), view('v', 'SELECT 1'))), []);
});

test('Add is source-only, Delete is target-only, Edit is both with differences', () => {
  const changes = diffModels(
    model(table('a'), table('b', { comment: 'new' }), view('v', 'SELECT 1')),
    model(table('b'), table('c'), view('v', 'SELECT 1')),
  );
  assert.equal(
    changes.map((c) => [c.differenceType, c.objectKind, c.name]),
    [
      ['Add', 'table', 'a'],
      ['Edit', 'table', 'b'],
      ['Delete', 'table', 'c'],
    ],
  );
  const edit = changes[1]!;
  assert.equal(edit.parts.map((p) => [p.partKind, p.name, p.differenceType, p.source, p.target]), [['property', 'comment', 'Add', 'new', undefined]]);
});

test('column-level detail: added, removed and changed columns by name; order is not a difference', () => {
  const source = table('t', {
    columns: [
      { name: 'label', type: 'character varying(20)', nullable: true },
      { name: 'id', type: 'integer', nullable: false },
      { name: 'created', type: 'date', nullable: true },
    ],
  });
  const [change] = diffModels(model(source), model(table('t')));
  assert.ok(change);
  assert.equal(change.parts.map((p) => [p.partKind, p.name, p.differenceType]), [
    ['column', 'created', 'Add'],
    ['column', 'label', 'Edit'],
  ]);
  const reordered = table('t', { columns: [...table('t').columns].reverse() });
  assert.equal(diffModels(model(reordered), model(table('t'))), []);
});

test('primary key changes are reported as a primary key part', () => {
  const [change] = diffModels(model(table('t', { primaryKey: { name: 'pk', columns: ['id', 'label'] } })), model(table('t')));
  assert.equal(change?.parts.map((p) => [p.partKind, p.differenceType]), [['primaryKey', 'Edit']]);
  const [dropped] = diffModels(model(table('t', { primaryKey: undefined })), model(table('t')));
  assert.equal(dropped?.parts.map((p) => [p.partKind, p.name, p.differenceType]), [['primaryKey', 't_pkey', 'Delete']]);
});

test('IDs: same object, same ID in every direction; parts have their own stable IDs', () => {
  const a = diffModels(model(table('x')), model());
  const b = diffModels(model(), model(table('x')));
  assert.is(a[0]!.id, b[0]!.id);
  const edit1 = diffModels(model(table('t', { comment: 'c' })), model(table('t')));
  const edit2 = diffModels(model(table('t')), model(table('t', { comment: 'd' })));
  assert.is(edit1[0]!.parts[0]!.id, edit2[0]!.parts[0]!.id);
  assert.is.not(edit1[0]!.parts[0]!.id, edit1[0]!.id);
});

test('equalValues: key order ignored, array order and undefined-vs-absent handled', () => {
  assert.ok(equalValues({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 }));
  assert.ok(equalValues({ a: 1, b: undefined }, { a: 1 }));
  assert.not.ok(equalValues([1, 2], [2, 1]));
  assert.not.ok(equalValues({ a: 1 }, { a: 1, b: 2 }));
  assert.not.ok(equalValues({ a: null }, { a: undefined }));
  assert.not.ok(equalValues([], {}));
  assert.not.ok(equalValues('1', 1));
});

test('comparing different dialects is refused', () => {
  assert.throws(() => diffModels(model(), { dialect: 'mysql', schemas: [], objects: [] }), /cannot compare/);
});

test.run();
