/**
 * `-ignore` categories (src/diff/ignore.ts), without a database: an ignored difference is not
 * reported; what the artifact holds for an edited object keeps the target's value of the ignored
 * property (so generate restates it as it is); objects and parts on one side only are whole; column
 * order is compared where the dialect says so, and `columnOrder` leaves it out.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diffModels } from '../../src/diff/differ.ts';
import { IGNORE_CATEGORIES, ignoreCategories, ignoreInSource } from '../../src/diff/ignore.ts';
import type { DatabaseModel, SchemaDef, Table } from '../../src/model/objects.ts';
import { mysqlTable } from '../support/mysql-model.ts';
import { catchParityError } from '../support/parity-error.ts';

/** `app`.`name` (id, label), then `extra`. */
const table = (name: string, extra: Partial<Table> = {}): Table =>
  mysqlTable(name, { columns: [{ name: 'id', type: 'int', nullable: false }, { name: 'label', type: 'varchar(20)', nullable: true }], ...extra });
const model = (...objects: DatabaseModel['objects']): DatabaseModel => ({ dialect: 'mysql', schemas: ['app'], objects });

/** The changes of a comparison with `ignore` (and column order compared, as for MySQL). */
function diff(source: DatabaseModel, target: DatabaseModel, ignore: readonly string[] = []) {
  return diffModels(ignoreInSource(source, target, ignoreCategories(ignore)), target, { columnOrder: true });
}

const parts = (changes: ReturnType<typeof diff>) => changes.flatMap((c) => c.parts.map((p) => `${c.name}: ${p.partKind} ${p.name} ${p.differenceType}`));

const commented = table('t', {
  comment: 'new words',
  columns: [
    { name: 'id', type: 'int', nullable: false, comment: 'the key' },
    { name: 'label', type: 'varchar(40)', nullable: true, comment: 'shown' },
  ],
  indexes: [{ name: 'ix', unique: false, method: 'btree', keys: ['`label`'], comment: 'by label' }],
});
const uncommented = table('t', { indexes: [{ name: 'ix', unique: false, method: 'btree', keys: ['`label`'] }], columns: [{ name: 'id', type: 'int', nullable: false }, { name: 'label', type: 'varchar(20)', nullable: true, comment: 'old' }] });

test('comments: differences only in comments are gone, the other changes stay, with the target\'s comments', () => {
  assert.equal(parts(diff(model(commented), model(uncommented))).length, 4);
  const changes = diff(model(commented), model(uncommented), ['comments']);
  assert.equal(parts(changes), ['t: column label Edit']);
  const edited = changes[0]!.source as Table;
  // The ALTER generate writes restates the label column with the comment the database has.
  assert.equal(edited.columns[1], { name: 'label', type: 'varchar(40)', nullable: true, comment: 'old' });
  assert.is(edited.comment, undefined);
  assert.equal(edited.indexes[0], { name: 'ix', unique: false, method: 'btree', keys: ['`label`'] });
});

test('comments: a new column and a new table keep theirs', () => {
  const withNote = table('t', { columns: [...table('t').columns, { name: 'note', type: 'text', nullable: true, comment: 'free text' }] });
  const changes = diff(model(withNote, table('n', { comment: 'brand new' })), model(table('t')), ['comments']);
  assert.equal(changes.map((c) => `${c.differenceType} ${c.name}`), ['Add n', 'Edit t']);
  assert.is((changes[0]!.source as Table).comment, 'brand new');
  assert.equal((changes[1]!.source as Table).columns[2]!.comment, 'free text');
});

test('triggers, indexes, foreign keys, check constraints, partitions and events: whole lists as the target has them', () => {
  const trigger = { name: 'tr', timing: 'BEFORE' as const, events: ['INSERT'], level: 'ROW' as const, definition: 'CREATE TRIGGER tr ...' };
  const source = table('t', {
    triggers: [trigger],
    indexes: [{ name: 'ix', unique: true, method: 'btree', keys: ['`label`'] }],
    foreignKeys: [{ name: 'fk', columns: ['id'], referencedSchema: 'app', referencedTable: 'p', referencedColumns: ['id'], onUpdate: 'RESTRICT', onDelete: 'CASCADE' }],
    checkConstraints: [{ name: 'ck', expression: '`id` > 0' }],
    partitionBy: 'HASH (`id`)',
    partitions: [{ name: 'p0' }, { name: 'p1' }],
  });
  const schema = (events: SchemaDef['events']): SchemaDef => ({ kind: 'schema', schema: 'app', name: 'app', ...(events ? { events } : {}) });
  const event = { name: 'ev', schedule: 'EVERY 1 DAY', onCompletion: 'PRESERVE' as const, status: 'ENABLE' as const, body: 'SELECT 1' };
  const all = ['triggers', 'indexes', 'foreignKeys', 'checkConstraints', 'partitions', 'events'];
  assert.equal(parts(diff(model(source, schema([event])), model(table('t'), schema(undefined)))).length, 8);
  for (const category of all) {
    const left = parts(diff(model(source, schema([event])), model(table('t'), schema(undefined)), [category]));
    assert.ok(left.length < 8, `${category} leaves something out`);
  }
  assert.equal(diff(model(source, schema([event])), model(table('t'), schema(undefined)), all), []);
  // The other way round: the target's parts are kept, none is dropped.
  const kept = diff(model(table('t')), model(source), all);
  assert.equal(kept, []);
});

test('collations: collations and character sets of tables and columns, also where only the source states one', () => {
  const source = table('t', {
    extras: { engine: 'InnoDB', characterSet: 'latin1', collation: 'latin1_swedish_ci' },
    columns: [{ name: 'id', type: 'int', nullable: false }, { name: 'label', type: 'varchar(20)', nullable: true, collation: 'utf8mb4_bin', extras: { characterSet: 'utf8mb4' } }],
  });
  assert.equal(parts(diff(model(source), model(table('t')))), ['t: column label Edit', 't: property extras Edit']);
  assert.equal(diff(model(source), model(table('t')), ['collations']), []);
});

test('column order: compared where the dialect places columns; columnOrder leaves it out and new columns stay where the source has them', () => {
  const reordered = table('t', { columns: [{ name: 'label', type: 'varchar(20)', nullable: true }, { name: 'id', type: 'int', nullable: false }] });
  const [change] = diff(model(reordered), model(table('t')));
  assert.equal(change!.parts.map((p) => [p.name, p.source, p.target]), [['columnOrder', ['label', 'id'], ['id', 'label']]]);
  assert.equal(diffModels(model(reordered), model(table('t'))), [], 'without columnOrder (PostgreSQL), order is no difference');
  assert.equal(diff(model(reordered), model(table('t')), ['columnOrder']), []);
  const added = table('t', { columns: [{ name: 'label', type: 'varchar(20)', nullable: true }, { name: 'note', type: 'text', nullable: true }, { name: 'id', type: 'int', nullable: false }] });
  const [withNew] = diff(model(added), model(table('t')), ['columnOrder']);
  assert.equal((withNew!.source as Table).columns.map((c) => c.name), ['id', 'label', 'note']);
  assert.equal(withNew!.parts.map((p) => `${p.partKind} ${p.name}`), ['column note']);
});

test('an unknown category is an error listing every category', () => {
  const error = catchParityError(() => ignoreCategories(['comments', 'colour']));
  assert.is(error.code, 'INVALID_ARGUMENT');
  assert.is(error.message, `unknown -ignore category "colour" (categories: ${Object.keys(IGNORE_CATEGORIES).join(', ')})`);
  assert.ok(Object.keys(IGNORE_CATEGORIES).includes('partitions'));
});

test.run();
