/**
 * Reading schema-model files: the model equals the one introspected from a database that ran the same
 * DDL, whatever the file names and order; failures name the file, the server's message and the line.
 * Files are read in a scratch database on the test server (what `-buildEnvironment` does), and on the
 * throwaway embedded server (no build environment) where that path matters: the same model, the same
 * failure, and no server or data directory left behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

// Everything this file starts (embedded servers, the comparison server) keeps its data here, so the
// end of the run can check that nothing was left behind.
const privateTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-read-test-'));
fs.chmodSync(privateTmp, 0o755);
process.env['TMPDIR'] = privateTmp;

const { analyzeFiles, resolveOwners } = await import('../../src/dialects/postgres/postgres-sql-statements.ts');
const { introspectPostgres } = await import('../../src/dialects/postgres/postgres-introspector.ts');
const { renderCreatePostgres } = await import('../../src/dialects/postgres/postgres-renderer.ts');
const { readPostgresSqlFiles } = await import('../../src/dialects/postgres/postgres-schema-model.ts');
const { diffModels } = await import('../../src/diff/differ.ts');
const { fileText, objectFilePath } = await import('../../src/schema-model/layout.ts');
const { startPostgres } = await import('../support/pg-server.ts');
type SqlFile = import('../../src/dialects/dialect.ts').SqlFile;
type DatabaseModel = import('../../src/model/objects.ts').DatabaseModel;
type TestPostgres = import('../support/pg-server.ts').TestPostgres;

let pg: TestPostgres;
let databases = 0;
const fixture = fs.readFileSync(new URL('../fixtures/postgres/all-kinds.sql', import.meta.url), 'utf8');

test.before(async () => {
  pg = await startPostgres();
});

test.after(async () => {
  await pg?.stop();
  const left = fs.readdirSync(privateTmp);
  fs.rmSync(privateTmp, { recursive: true, force: true });
  assert.equal(left, [], 'data directories left behind');
});

/** Runs `sql` in a new database of the comparison server and introspects `schemas`. */
async function introspected(sql: string, schemas: string[]): Promise<DatabaseModel> {
  const name = `ref${++databases}`;
  await pg.createDatabase(name);
  await pg.exec(name, sql);
  return introspectPostgres(pg.settings(name), { schemas });
}

function summary(source: DatabaseModel, target: DatabaseModel): string[] {
  return diffModels(source, target).map((c) => `${c.differenceType} ${c.objectKind} ${c.schema}.${c.name} ${c.parts.map((p) => p.name).join(',')}`);
}

/** Where files are read: a scratch database on the test server, or a throwaway embedded server. */
type ReadOn = 'build server' | 'embedded server';

const read = (files: SqlFile[], schemas: string[] = [], on: ReadOn = 'build server') =>
  readPostgresSqlFiles(files, { schemas, ...(on === 'build server' ? { buildConnection: pg.settings('postgres') } : {}) });

async function scratchDatabases(): Promise<string[]> {
  return (await pg.query<{ datname: string }>('postgres', "SELECT datname FROM pg_database WHERE starts_with(datname, 'parity_schema_model_')")).map((r) => r.datname);
}

test('hand-written files, one per object, named against dependency order, read as the database does', async () => {
  // The fixture's statements grouped by the object they belong to, one file each, named so that
  // alphabetical order is the reverse of the fixture's (dependency) order.
  const { statements } = await analyzeFiles([{ path: 'fixture.sql', text: fixture }]);
  const owners = resolveOwners(statements);
  const groups = new Map<string, string[]>();
  for (const statement of statements) {
    const owner = owners.get(statement) ?? `#${statement.index}`;
    groups.set(owner, [...(groups.get(owner) ?? []), `${statement.text};`]);
  }
  const files = [...groups.values()].map((texts, i) => ({ path: `m/${String(999 - i).padStart(3, '0')}.sql`, text: `${texts.join('\n')}\n` }));
  assert.ok(files.length >= 15);
  const expected = await introspected(fixture, ['public', 'hr']);
  const model = await read(files);
  assert.equal(model.schemas, ['hr', 'public']);
  assert.equal(summary(model, expected), []);
  assert.is(model.objects.length, expected.objects.length);
  assert.equal(await read(files, [], 'embedded server'), model, 'the embedded server reads the same model');
});

test('canonical files (as model writes them) read back to the same model and render to the same bytes', async () => {
  const expected = await introspected(fixture, ['public', 'hr']);
  const files = expected.objects.map((object) => ({ path: `m/${objectFilePath(object)}`, text: fileText(renderCreatePostgres(object)) }));
  const model = await read(files);
  assert.equal(summary(model, expected), []);
  const again = new Map(model.objects.map((object) => [`m/${objectFilePath(object)}`, fileText(renderCreatePostgres(object))]));
  for (const f of files) assert.is(again.get(f.path), f.text, `${f.path} is not stable`);
});

test('dependencies found in the statements: FK cycle, function in a default, view first, BEGIN ATOMIC, SET', async () => {
  const files: SqlFile[] = [
    { path: 'm/Views/a.sql', text: 'CREATE VIEW shop.v AS SELECT id, shop.fmt(id) AS label FROM shop.orders;\n' },
    { path: 'm/Tables/dept.sql', text: 'CREATE TABLE shop.dept (\n    id int PRIMARY KEY,\n    manager_id int REFERENCES shop.emp (id)\n);\n' },
    { path: 'm/Tables/emp.sql', text: 'CREATE TABLE shop.emp (id int PRIMARY KEY, dept_id int CONSTRAINT emp_dept_fk REFERENCES shop.dept (id) ON DELETE SET NULL);\n' },
    { path: 'm/Tables/orders.sql', text: 'CREATE TABLE shop.orders (id int DEFAULT shop.next_code() PRIMARY KEY, st shop.status NOT NULL);\n' },
    {
      path: 'm/Functions/f.sql',
      text:
        "CREATE FUNCTION shop.next_code() RETURNS int LANGUAGE sql AS $$ SELECT nextval('shop.codes')::int $$;\n" +
        'CREATE FUNCTION shop.fmt(i int) RETURNS text LANGUAGE sql IMMUTABLE BEGIN ATOMIC SELECT i::text || (SELECT count(*) FROM shop.dept)::text; END;\n',
    },
    { path: 'm/Sequences/codes.sql', text: 'CREATE SEQUENCE shop.codes;\n' },
    { path: 'm/Types/status.sql', text: "SET search_path = shop;\nCREATE TYPE status AS ENUM ('new', 'done');\n" },
    { path: 'm/zzz/shop.sql', text: "CREATE SCHEMA shop;\nCOMMENT ON SCHEMA shop IS 'the shop';\n" },
  ];
  const ddl = `
    CREATE SCHEMA shop; COMMENT ON SCHEMA shop IS 'the shop';
    CREATE TYPE shop.status AS ENUM ('new', 'done');
    CREATE SEQUENCE shop.codes;
    CREATE FUNCTION shop.next_code() RETURNS int LANGUAGE sql AS $$ SELECT nextval('shop.codes')::int $$;
    CREATE TABLE shop.dept (id int PRIMARY KEY, manager_id int);
    CREATE TABLE shop.emp (id int PRIMARY KEY, dept_id int CONSTRAINT emp_dept_fk REFERENCES shop.dept (id) ON DELETE SET NULL);
    ALTER TABLE shop.dept ADD FOREIGN KEY (manager_id) REFERENCES shop.emp (id);
    CREATE FUNCTION shop.fmt(i int) RETURNS text LANGUAGE sql IMMUTABLE BEGIN ATOMIC SELECT i::text || (SELECT count(*) FROM shop.dept)::text; END;
    CREATE TABLE shop.orders (id int DEFAULT shop.next_code() PRIMARY KEY, st shop.status NOT NULL);
    CREATE VIEW shop.v AS SELECT id, shop.fmt(id) AS label FROM shop.orders;`;
  const expected = await introspected(ddl, ['shop']);
  const model = await read(files);
  assert.equal(model.schemas, ['shop'], 'public is empty and not named by a file, so it is not read');
  assert.equal(summary(model, expected), []);
  assert.equal(model.objects.map((o) => `${o.kind}:${o.name}`), expected.objects.map((o) => `${o.kind}:${o.name}`));
});

test('configured schemas are read, whatever else the files create', async () => {
  const files = [
    { path: 'm/a.sql', text: 'CREATE SCHEMA a;\nCREATE TABLE a.t (id int);\n' },
    { path: 'm/b.sql', text: 'CREATE SCHEMA b;\nCREATE TABLE b.t (id int);\n' },
  ];
  const model = await read(files, ['b']);
  assert.equal(model.schemas, ['b']);
  assert.equal(model.objects.map((o) => `${o.kind}:${o.schema}.${o.name}`), ['schema:b.b', 'table:b.t']);
});

test('a file creating public decides its comment; an unnamed, empty public is not read', async () => {
  const model = await read([
    { path: 'm/Schemas/public.sql', text: "CREATE SCHEMA public;\n\nCOMMENT ON SCHEMA public IS 'ours';\n" },
    { path: 'm/Tables/public.t.sql', text: 'CREATE TABLE public.t (id int);\n' },
  ]);
  const schema = model.objects.find((o) => o.kind === 'schema');
  assert.is(schema?.comment, 'ours');
  assert.equal(model.schemas, ['public']);
  const commented = await read([{ path: 'm/Schemas/public.sql', text: "COMMENT ON SCHEMA public IS 'only a comment';\n" }]);
  assert.equal(commented.schemas, ['public']);
  assert.equal(commented.objects.map((o) => [o.kind, o.name, o.comment]), [['schema', 'public', 'only a comment']]);
  const empty = await read([{ path: 'm/x.sql', text: '-- nothing but a comment\n' }]);
  assert.equal(empty.objects, []);
});

interface Failure {
  code?: string;
  message: string;
  where?: string;
}

async function failure(files: SqlFile[], on: ReadOn = 'build server'): Promise<Failure> {
  try {
    await read(files, [], on);
  } catch (error) {
    return error as Failure;
  }
  throw new Error('reading the files did not fail');
}

test('a broken file: SCHEMA_MODEL_ERROR with the server message and the file line', async () => {
  const cases: Array<[SqlFile[], RegExp, string]> = [
    [[{ path: 'm/Tables/t.sql', text: 'CREATE TABLE public.t (\n    id int,\n    x no_such_type\n);\n' }], /^type "no_such_type" does not exist$/, 'm/Tables/t.sql:3'],
    [[{ path: 'm/Tables/t.sql', text: '-- café\nCREATE TABLE public.t (id int);\n\nCREATE TABL public.u (id int);\n' }], /^syntax error at or near "TABL"$/, 'm/Tables/t.sql:4'],
    [
      [
        { path: 'm/Tables/t.sql', text: 'CREATE TABLE public.t (id int);\n' },
        { path: 'm/Views/v.sql', text: "-- é\nCREATE VIEW public.v AS\n    SELECT id,\n        'ü' AS u,\n        nope\n    FROM public.t;\n" },
      ],
      /^column "nope" does not exist$/,
      'm/Views/v.sql:5',
    ],
    [[{ path: 'm/Views/v.sql', text: 'CREATE VIEW public.v AS SELECT * FROM public.missing;\n' }], /^relation "public.missing" does not exist$/, 'm/Views/v.sql:1'],
    [
      [
        { path: 'm/a.sql', text: 'CREATE TABLE public.t (id int);\n' },
        { path: 'm/b.sql', text: '\n\nCREATE TABLE public.t (id int);\n' },
      ],
      /^relation "t" already exists$/,
      'm/b.sql:3',
    ],
  ];
  for (const [files, message, where] of cases) {
    const error = await failure(files);
    assert.is(error.code, 'SCHEMA_MODEL_ERROR', error.message);
    assert.match(error.message, message);
    assert.is(error.where, where);
  }
  const [files, message, where] = cases[2]!;
  const embedded = await failure(files, 'embedded server');
  assert.equal([embedded.code, embedded.where], ['SCHEMA_MODEL_ERROR', where]);
  assert.match(embedded.message, message);
});

test('on a build server the scratch database is dropped after a success and after a failure', async () => {
  // Other test files may read schema models on the same server at the same time: follow this test's
  // own scratch databases by the names the progress messages give.
  const created: string[] = [];
  const onProgress = (message: string) => {
    const match = /^creating scratch database (parity_schema_model_[0-9a-f]+) on /.exec(message);
    if (match) created.push(match[1]!);
  };
  const buildConnection = pg.settings('postgres');
  await readPostgresSqlFiles([{ path: 'm/t.sql', text: 'CREATE TABLE public.t (id int);\n' }], { schemas: [], buildConnection, onProgress });
  const failed = await readPostgresSqlFiles([{ path: 'm/t.sql', text: 'CREATE TABLE public.t (id no_such_type);\n' }], { schemas: [], buildConnection, onProgress }).catch((error: Failure) => error);
  assert.is((failed as Failure).code, 'SCHEMA_MODEL_ERROR');
  assert.is(created.length, 2);
  const left = await scratchDatabases();
  assert.equal(created.filter((name) => left.includes(name)), []);
});

test.run();
