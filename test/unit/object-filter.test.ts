/**
 * Filter files and what they keep (src/filters), without a database: parity's include/exclude form,
 * Flyway's (Redgate Compare's) postFilters form, object types as `diff` prints them, globs on schema
 * and name, objects compared without qualifiers, and one-line errors naming the file and JSON path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXIT_CODES } from '../../src/cli/exit-codes.ts';
import { readFilterFile } from '../../src/filters/filter-file.ts';
import { filterModel, keepsObject, type FilteredObject } from '../../src/filters/object-filter.ts';
import type { DatabaseModel, Routine, SchemaObject } from '../../src/model/objects.ts';
import { catchParityError } from '../support/parity-error.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-filter-unit-'));
let count = 0;

/** Writes `content` (an object is written as JSON) to a new file and reads it as a filter file. */
function filterOf(content: unknown) {
  const file = path.join(dir, `f${++count}.json`);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return readFilterFile(path.basename(file), dir);
}

const object = (kind: FilteredObject['kind'], schema: string, ...names: string[]): FilteredObject => ({ kind, schema, names });

test('include narrows to what it matches; exclude wins over include; no include keeps the rest', () => {
  const filter = filterOf({ include: [{ objectType: 'Table', schema: 'sales', name: 'order*' }, { objectType: 'view' }], exclude: [{ name: '*_tmp' }] });
  assert.ok(keepsObject(filter, object('table', 'sales', 'orders')));
  assert.ok(keepsObject(filter, object('view', 'hr', 'v')), 'object types compare ignoring case');
  assert.not.ok(keepsObject(filter, object('table', 'sales', 'orders_tmp')));
  assert.not.ok(keepsObject(filter, object('table', 'hr', 'orders')));
  assert.not.ok(keepsObject(filter, object('function', 'sales', 'order_total(integer)', 'order_total')));
  const excludeOnly = filterOf({ exclude: [{ objectType: 'Materialized View' }, { schema: 'audit' }] });
  assert.ok(keepsObject(excludeOnly, object('table', 'sales', 'orders')));
  assert.not.ok(keepsObject(excludeOnly, object('materializedView', 'sales', 'mv')));
  assert.not.ok(keepsObject(excludeOnly, object('schema', 'audit', 'audit')), 'a schema is in itself');
});

test('names: globs with * and ?, case-sensitive; a routine by its name with or without arguments', () => {
  const filter = filterOf({ exclude: [{ name: 'tmp_?' }, { objectType: 'Function', name: 'add' }] });
  assert.not.ok(keepsObject(filter, object('table', 'public', 'tmp_1')));
  assert.ok(keepsObject(filter, object('table', 'public', 'tmp_12')));
  assert.ok(keepsObject(filter, object('table', 'public', 'TMP_1')));
  assert.not.ok(keepsObject(filter, object('function', 'public', 'add(integer, integer)', 'add')));
});

test('an object compared without qualifiers is matched with the schema its sides read', () => {
  const filter = filterOf({ exclude: [{ schema: 'app', name: 'legacy*' }] });
  assert.not.ok(keepsObject(filter, object('table', '', 'legacy_orders'), ['app', 'app_copy']));
  assert.ok(keepsObject(filter, object('table', '', 'legacy_orders'), ['other']));
  assert.ok(keepsObject(filter, object('table', '', 'legacy_orders')), 'no schema known: only * matches');
  const routine: Routine = { kind: 'function', schema: '', name: 'legacy_f', baseName: 'legacy_f', arguments: [], language: 'SQL', definition: '' };
  const model: DatabaseModel = { dialect: 'mysql', schemas: [''], objects: [routine as SchemaObject] };
  assert.equal(filterModel(model, filter, ['app']).objects, []);
  assert.equal(filterModel(model, filter, ['app']).schemas, ['']);
});

test("Flyway's form: postFilters in order, the last match decides; object type words as Flyway writes them", () => {
  const filter = filterOf(`{
    // JSONC, as Flyway's filter files
    "version": "1.1",
    "postFilters": [
      { "filterBy": "any", "effect": "exclude" },
      { "filterBy": "objectType", "filterValue": "table", "effect": "include" },
      { "filterBy": "objectType", "filterValue": "stored procedure", "effect": "include" }, /* Procedure */
      { "filterBy": "objectType", "filterValue": "materialized_view", "effect": "include" }
    ]
  }`);
  assert.ok(keepsObject(filter, object('table', 'public', 't')));
  assert.ok(keepsObject(filter, object('procedure', 'public', 'p()', 'p')));
  assert.ok(keepsObject(filter, object('materializedView', 'public', 'mv')));
  assert.not.ok(keepsObject(filter, object('view', 'public', 'v')));
  const viewsOut = filterOf({ version: '1.1', postFilters: [{ filterBy: 'objectType', filterValue: 'view', effect: 'exclude' }] });
  assert.ok(keepsObject(viewsOut, object('table', 'public', 't')));
  assert.not.ok(keepsObject(viewsOut, object('view', 'public', 'v')));
});

test('errors: one line naming the file and the JSON path, CONFIG_ERROR (exit 3); a missing file is FILE_NOT_FOUND (exit 6)', () => {
  const error = (content: unknown) => {
    const e = catchParityError(() => filterOf(content));
    return `${e.code}: ${e.message} (${path.basename(e.where ?? '')})`;
  };
  assert.is(error({ exclude: [{ table: 'x' }] }), `CONFIG_ERROR: invalid filter: unexpected property at $.exclude[0].table (f${count}.json)`);
  assert.is(error({ include: [{}] }), `CONFIG_ERROR: invalid filter: must NOT have fewer than 1 properties at $.include[0] (f${count}.json)`);
  assert.is(error({ exclude: [{ objectType: 'Tabel' }] }), `CONFIG_ERROR: invalid filter: unknown objectType "Tabel" (object types: Schema, Table, View, Materialized View, Sequence, Function, Procedure, Aggregate, Enum, Domain, Composite Type, Extension, Synonym, Package) at $.exclude[0].objectType (f${count}.json)`);
  assert.is(error({ exclude: [{ name: 7 }] }), `CONFIG_ERROR: invalid filter: must be string at $.exclude[0].name (f${count}.json)`);
  assert.is(error({ includes: [] }), `CONFIG_ERROR: invalid filter: unexpected property at $.includes (f${count}.json)`);
  assert.match(error('{"exclude": ['), /^CONFIG_ERROR: filter is not valid JSON: /);
  assert.is(
    error({ version: '1.1', postFilters: [{ filterTarget: 'property', filterBy: 'name', filterValue: 'collation', effect: 'exclude' }] }),
    `CONFIG_ERROR: invalid filter: property filters are not supported (leave properties out of the comparison with -ignore) at $.postFilters[0] (f${count}.json)`,
  );
  assert.is(error({ postFilters: [{ filterBy: 'objectType', filterValue: 'queue', effect: 'exclude' }] }).split(' (object types')[0], 'CONFIG_ERROR: invalid filter: unknown object type "queue"');
  // Synonyms are an object type now (Oracle's): Flyway's postFilters may name them.
  const synonymsOut = filterOf({ postFilters: [{ filterBy: 'objectType', filterValue: 'synonym', effect: 'exclude' }] });
  assert.not.ok(keepsObject(synonymsOut, object('synonym', 'HR', 'EMP')));
  assert.ok(keepsObject(synonymsOut, object('table', 'HR', 'EMPLOYEES')));
  const missing = catchParityError(() => readFilterFile('nope.json', dir));
  assert.equal([missing.code, missing.message, missing.where], ['FILE_NOT_FOUND', 'filter file not found', path.join(dir, 'nope.json')]);
  assert.equal([EXIT_CODES.CONFIG_ERROR, EXIT_CODES.FILE_NOT_FOUND], [3, 6]);
});

test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

test.run();
