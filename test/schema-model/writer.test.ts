/**
 * The schema-model writer without a server: which files Add / Edit / Delete touch, finding objects in
 * files named by hand, and all-or-nothing writes (a failure at any step leaves the folder as it was).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ArtifactChange } from '../../src/artifact/artifact.ts';
import { postgresDialect } from '../../src/dialects/postgres/postgres-dialect.ts';
import { renderCreatePostgres } from '../../src/dialects/postgres/postgres-renderer.ts';
import { objectChangeId } from '../../src/diff/differ.ts';
import type { SchemaObject, Table, View } from '../../src/model/objects.ts';
import { applyModelPlan, NODE_FILE_OPS, planModelUpdate, updateSchemaModel, type FileOps } from '../../src/schema-model/writer.ts';
import type { SchemaModelFolder } from '../../src/schema-model/folder.ts';

const table = (name: string, comment?: string): Table => ({
  kind: 'table',
  schema: 'app',
  name,
  columns: [{ name: 'id', type: 'integer', nullable: false }],
  uniqueConstraints: [],
  checkConstraints: [],
  foreignKeys: [],
  indexes: [],
  triggers: [],
  ...(comment ? { comment } : {}),
});
const view = (name: string): View => ({ kind: 'view', schema: 'app', name, definition: 'SELECT 1 AS one' });

function change(differenceType: 'Add' | 'Edit' | 'Delete', source: SchemaObject | undefined, target: SchemaObject | undefined): ArtifactChange {
  const object = (source ?? target)!;
  return {
    id: objectChangeId('postgres', object),
    differenceType,
    objectKind: object.kind,
    schema: object.schema,
    name: object.name,
    ...(source ? { source } : {}),
    ...(target ? { target } : {}),
    parts: [],
  };
}

let root: string;
function newFolder(files: Record<string, string> = {}): SchemaModelFolder {
  const absolute = fs.mkdtempSync(path.join(root, 'm-'));
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(absolute, relative)), { recursive: true });
    fs.writeFileSync(path.join(absolute, relative), text);
  }
  return { absolute, shown: 'schema-models/' };
}

/** Every file below the folder (hidden ones included) with its text. */
function contents(folder: SchemaModelFolder): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(folder.absolute, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(folder.absolute, full)] = fs.readFileSync(full, 'utf8');
  }
  return out;
}

test.before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-writer-'));
});
test.after(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

test('Add writes the canonical file, Edit rewrites it, Delete removes it and its emptied folder', async () => {
  const folder = newFolder({ 'Tables/app.old.sql': `${renderCreatePostgres(table('old'))}\n`, 'Views/app.gone.sql': `${renderCreatePostgres(view('gone'))}\n` });
  const result = await updateSchemaModel(
    folder,
    [change('Add', table('new'), undefined), change('Edit', table('old', 'now with a comment'), table('old')), change('Delete', undefined, view('gone'))],
    postgresDialect,
  );
  assert.equal(
    result.files.map((f) => `${f.action} ${f.file}`),
    ['added Tables/app.new.sql', 'updated Tables/app.old.sql', 'deleted Views/app.gone.sql'],
  );
  assert.equal(contents(folder), {
    'Tables/app.new.sql': `${renderCreatePostgres(table('new'))}\n`,
    'Tables/app.old.sql': `${renderCreatePostgres(table('old', 'now with a comment'))}\n`,
  });
  assert.not.ok(fs.existsSync(path.join(folder.absolute, 'Views')), 'the emptied Views folder stays');
});

test('writing the same objects again changes no byte and reports them unchanged', async () => {
  const folder = newFolder();
  const changes = [change('Add', table('a'), undefined), change('Add', view('v'), undefined)];
  await updateSchemaModel(folder, changes, postgresDialect);
  const first = contents(folder);
  const again = await updateSchemaModel(folder, changes, postgresDialect);
  assert.equal(again.files.map((f) => f.action), ['unchanged', 'unchanged']);
  assert.equal(contents(folder), first);
});

test('objects in files named by hand are found by content; moved to their canonical file on Edit', async () => {
  const folder = newFolder({
    'legacy/customers.sql': 'CREATE TABLE app.old (id integer NOT NULL);\nCOMMENT ON TABLE app.old IS $$x$$;\n',
    'legacy/views.sql': 'CREATE VIEW app.gone AS SELECT 1 AS one;\n',
    'legacy/notes.txt': 'not SQL, never touched',
  });
  const result = await updateSchemaModel(folder, [change('Edit', table('old', 'c'), table('old')), change('Delete', undefined, view('gone'))], postgresDialect);
  assert.equal(
    result.files.map((f) => `${f.action} ${f.file}`),
    ['deleted legacy/customers.sql', 'deleted legacy/views.sql', 'added Tables/app.old.sql'].sort(),
  );
  assert.equal(Object.keys(contents(folder)).sort(), ['Tables/app.old.sql', 'legacy/notes.txt']);
});

test('a file holding the object with others is never rewritten: an error names it', async () => {
  const folder = newFolder({ 'all.sql': 'CREATE TABLE app.old (id int);\nCREATE TABLE app.other (id int);\n' });
  const before = contents(folder);
  try {
    await updateSchemaModel(folder, [change('Delete', undefined, table('old'))], postgresDialect);
    assert.unreachable('no error');
  } catch (error) {
    const e = error as { code: string; message: string; where: string };
    assert.is(e.code, 'SCHEMA_MODEL_ERROR');
    assert.match(e.message, /Table app\.old is defined in a file that also defines other objects/);
    assert.is(e.where, 'schema-models/all.sql');
  }
  assert.equal(contents(folder), before);
});

test('Delete of an object no file defines is an error, and nothing is written', async () => {
  const folder = newFolder({ 'Tables/app.a.sql': 'CREATE TABLE app.a (id int);\n' });
  const before = contents(folder);
  try {
    await updateSchemaModel(folder, [change('Add', table('b'), undefined), change('Delete', undefined, table('zzz'))], postgresDialect);
    assert.unreachable('no error');
  } catch (error) {
    assert.match((error as Error).message, /no file defines Table app\.zzz/);
  }
  assert.equal(contents(folder), before);
});

/** File operations that fail at the n-th call of `operation`. */
function failingAt(operation: keyof FileOps, n: number): FileOps {
  let calls = 0;
  const wrap =
    <A extends unknown[], R>(name: keyof FileOps, fn: (...args: A) => R) =>
    (...args: A): R => {
      if (name === operation && ++calls === n) throw new Error(`simulated ${name} failure`);
      return fn(...args);
    };
  return {
    writeFile: wrap('writeFile', NODE_FILE_OPS.writeFile),
    rename: wrap('rename', NODE_FILE_OPS.rename),
    remove: NODE_FILE_OPS.remove,
    mkdir: wrap('mkdir', NODE_FILE_OPS.mkdir),
    removeTree: NODE_FILE_OPS.removeTree,
  };
}

test('all or nothing: a failure at any write, move or rename leaves the folder exactly as it was', async () => {
  const start = {
    'Tables/app.a.sql': `${renderCreatePostgres(table('a'))}\n`,
    'Tables/app.b.sql': `${renderCreatePostgres(table('b'))}\n`,
    'Views/app.v.sql': `${renderCreatePostgres(view('v'))}\n`,
  };
  const changes = [
    change('Edit', table('a', 'edited'), table('a')),
    change('Add', table('c'), undefined),
    change('Add', { ...view('w') }, undefined),
    change('Delete', undefined, table('b')),
    change('Edit', { ...view('v'), comment: 'x' }, view('v')),
  ];
  // 4 writes (a, c, w, v), 3 files moved aside (a, v, b), 4 renames into place.
  const failures: Array<[keyof FileOps, number]> = [['mkdir', 2], ['writeFile', 1], ['writeFile', 4], ['rename', 1], ['rename', 3], ['rename', 4], ['rename', 7]];
  for (const [operation, n] of failures) {
    const folder = newFolder(start);
    const plan = await planModelUpdate(folder, changes, postgresDialect);
    try {
      applyModelPlan(folder, plan, failingAt(operation, n));
      assert.unreachable(`${operation} #${n} did not fail`);
    } catch (error) {
      const e = error as { code: string; message: string };
      assert.is(e.code, 'WRITE_FAILED', e.message);
      assert.match(e.message, /nothing was changed: simulated/);
    }
    assert.equal(contents(folder), start, `after a failing ${operation} #${n}`);
    assert.equal(fs.readdirSync(folder.absolute).sort(), ['Tables', 'Views'], `after a failing ${operation} #${n}`);
  }
  const folder = newFolder(start);
  applyModelPlan(folder, await planModelUpdate(folder, changes, postgresDialect));
  assert.equal(Object.keys(contents(folder)).sort(), ['Tables/app.a.sql', 'Tables/app.c.sql', 'Views/app.v.sql', 'Views/app.w.sql']);
});

test('a folder where a file should go fails before anything is written', async () => {
  const folder = newFolder({ 'Tables/app.a.sql': 'CREATE TABLE app.a (id int);\n' });
  fs.mkdirSync(path.join(folder.absolute, 'Tables', 'app.c.sql'));
  const before = contents(folder);
  try {
    await updateSchemaModel(folder, [change('Edit', table('a', 'x'), table('a')), change('Add', table('c'), undefined)], postgresDialect);
    assert.unreachable('no error');
  } catch (error) {
    assert.is((error as { code: string }).code, 'WRITE_FAILED');
    assert.is((error as { where: string }).where, 'schema-models/Tables/app.c.sql');
  }
  assert.equal(contents(folder), before);
});

test('a missing folder is created by model', async () => {
  const folder = { absolute: path.join(root, 'new', 'schema-models'), shown: 'schema-models/' };
  await updateSchemaModel(folder, [change('Add', table('a'), undefined)], postgresDialect);
  assert.equal(Object.keys(contents(folder)), ['Tables/app.a.sql']);
});

test.run();
