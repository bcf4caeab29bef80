/**
 * Schema-model folders without a server: what the parser finds in each statement, the apply order
 * (independent of file names, foreign-key cycles split), the owners `model` uses to find an object's
 * file, error locations, and the folder layout's file names.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { SqlFile } from '../../src/dialects/dialect.ts';
import { orderStatements } from '../../src/dialects/postgres/postgres-apply-order.ts';
import { failureLocation } from '../../src/dialects/postgres/postgres-schema-model.ts';
import { analyzeFiles, objectKeyPostgres, resolveOwners, splitQualifiedName } from '../../src/dialects/postgres/postgres-sql-statements.ts';
import { fileText, kindOfFolder, objectFileName, objectFilePath } from '../../src/schema-model/layout.ts';
import type { Routine, SchemaObject, Table } from '../../src/model/objects.ts';

const file = (path: string, text: string): SqlFile => ({ path, text });

async function order(files: SqlFile[]): Promise<string[]> {
  const { statements } = await analyzeFiles(files);
  return (await orderStatements(statements)).map((s) => s.text.replace(/\s+/g, ' ').trim());
}

function before(list: readonly string[], first: string, second: string): boolean {
  const a = list.findIndex((s) => s.startsWith(first));
  const b = list.findIndex((s) => s.startsWith(second));
  assert.ok(a >= 0, `no statement starting with ${first} in ${list.join(' | ')}`);
  assert.ok(b >= 0, `no statement starting with ${second} in ${list.join(' | ')}`);
  return a < b;
}

test('references: relations, types, functions, regclass literals, OWNED BY, trigger functions', async () => {
  const { statements } = await analyzeFiles([
    file(
      'x.sql',
      `CREATE TABLE app.orders (
         id integer DEFAULT nextval('app."Order_Seq"'::regclass),
         code text DEFAULT app.next_code(),
         status app.status,
         customer_id int REFERENCES customers (id)
       );
       ALTER SEQUENCE app."Order_Seq" OWNED BY app.orders.id;
       CREATE TRIGGER t BEFORE INSERT ON app.orders FOR EACH ROW EXECUTE FUNCTION app.touch();
       CREATE VIEW app.v AS SELECT count(*) FROM app.orders o JOIN pg_catalog.pg_class c ON true;`,
    ),
  ]);
  const [table, alter, trigger, view] = statements;
  assert.equal(table!.provides, ['rel:app.orders']);
  for (const expected of ['fn:app.next_code', 'rel:?customers', 'rel:app.Order_Seq', 'rel:app.status', 'schema:app']) {
    assert.ok(table!.requires.includes(expected), `${expected} missing from ${table!.requires.join(', ')}`);
  }
  assert.not.ok(table!.requires.includes('rel:app.orders'), 'a statement does not depend on itself');
  assert.ok(alter!.requires.includes('rel:app.orders') && alter!.requires.includes('rel:app.Order_Seq'));
  assert.ok(trigger!.requires.includes('fn:app.touch') && trigger!.requires.includes('rel:app.orders'));
  assert.ok(view!.requires.includes('rel:app.orders'));
  assert.not.ok(view!.requires.some((r) => r.includes('pg_class')), 'pg_catalog names are never dependencies');
});

test('order does not depend on file names: view before its table, FK either way, function in a default', async () => {
  const files = [
    file('Views/a_first.sql', 'CREATE VIEW shop.v AS SELECT id, shop.label(id) FROM shop.orders;'),
    file('Tables/b.sql', 'CREATE TABLE shop.orders (id int PRIMARY KEY DEFAULT shop.next_id(), c int REFERENCES shop.customers (id));'),
    file('Tables/a.sql', 'CREATE TABLE shop.customers (id int PRIMARY KEY);'),
    file('Functions/z.sql', "CREATE FUNCTION shop.next_id() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\nCREATE FUNCTION shop.label(int) RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;"),
    file('zzz/schema.sql', 'CREATE SCHEMA shop;'),
  ];
  for (const arrangement of [files, [...files].reverse()]) {
    const list = await order(arrangement);
    assert.ok(before(list, 'CREATE SCHEMA', 'CREATE TABLE shop.customers'));
    assert.ok(before(list, 'CREATE TABLE shop.customers', 'CREATE TABLE shop.orders'));
    assert.ok(before(list, 'CREATE FUNCTION shop.next_id', 'CREATE TABLE shop.orders'));
    assert.ok(before(list, 'CREATE TABLE shop.orders', 'CREATE VIEW'));
    assert.ok(before(list, 'CREATE FUNCTION shop.label', 'CREATE VIEW'));
  }
});

test('the same files in any order give the same apply order', async () => {
  const files = [
    file('a.sql', 'CREATE TABLE public.a (id int PRIMARY KEY);'),
    file('b.sql', 'CREATE TABLE public.b (id int PRIMARY KEY, a int REFERENCES public.a);'),
    file('c.sql', 'CREATE INDEX b_a ON public.b (a);\nCOMMENT ON INDEX public.b_a IS $$x$$;'),
    file('d.sql', "CREATE TYPE public.t AS ENUM ('x');"),
  ];
  const reference = await order(files);
  assert.equal(await order([files[2]!, files[0]!, files[3]!, files[1]!]).then((l) => [...l].sort()), [...reference].sort());
  assert.ok(before(reference, 'CREATE TABLE public.a', 'CREATE TABLE public.b'));
  assert.ok(before(reference, 'CREATE INDEX', 'COMMENT ON INDEX'));
});

test('a serial sequence and its table: CREATE SEQUENCE, CREATE TABLE, then OWNED BY', async () => {
  const list = await order([
    file('Tables/t.sql', "CREATE TABLE public.t (id integer DEFAULT nextval('public.t_id_seq'::regclass) NOT NULL);"),
    file('Sequences/t_id_seq.sql', 'CREATE SEQUENCE public.t_id_seq AS integer;\n\nALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;'),
  ]);
  assert.equal(
    list.map((s) => s.split(' ').slice(0, 3).join(' ')),
    ['CREATE SEQUENCE public.t_id_seq', 'CREATE TABLE public.t', 'ALTER SEQUENCE public.t_id_seq'],
  );
});

test('a foreign-key cycle is split: one table without the key, then ALTER TABLE ADD CONSTRAINT', async () => {
  const list = await order([
    file('dept.sql', 'CREATE TABLE public.dept (id int PRIMARY KEY, manager int, CONSTRAINT dept_manager_fk FOREIGN KEY (manager) REFERENCES public.emp (id));'),
    file('emp.sql', 'CREATE TABLE public.emp (id int PRIMARY KEY, dept int REFERENCES public.dept (id) ON DELETE CASCADE);'),
  ]);
  assert.is(list.length, 3);
  assert.match(list[0]!, /^CREATE TABLE public\.dept/);
  assert.not.match(list[0]!, /REFERENCES/);
  assert.match(list[1]!, /^CREATE TABLE public\.emp .*REFERENCES public\.dept/);
  assert.match(list[2]!, /^ALTER TABLE public\.dept ADD CONSTRAINT dept_manager_fk FOREIGN KEY ?\(manager\) REFERENCES public\.emp ?\(id\)/);
});

test('owners: a table file owns its indexes, triggers and comments; routines by identity', async () => {
  const files = [
    file(
      'Tables/public.t.sql',
      `CREATE TABLE public.t (id int);
       CREATE INDEX t_idx ON public.t (id);
       CREATE TRIGGER tr BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION public.f();
       COMMENT ON TABLE public.t IS 'x';
       COMMENT ON COLUMN public.t.id IS 'y';
       COMMENT ON INDEX public.t_idx IS 'z';
       COMMENT ON CONSTRAINT c ON public.t IS 'w';`,
    ),
    file('f.sql', 'CREATE FUNCTION public.add(a int4, b int) RETURNS int LANGUAGE sql AS $$ SELECT a + b $$;\nCOMMENT ON FUNCTION public.add(integer, integer) IS $$c$$;'),
    file('g.sql', 'CREATE FUNCTION public.g(x mood, OUT y text, VARIADIC z varchar[]) LANGUAGE sql AS $$ SELECT 1 $$;'),
    file('mood.sql', "CREATE TYPE mood AS ENUM ('a');"),
    file('s.sql', 'CREATE SEQUENCE public.s;\nALTER SEQUENCE public.s OWNED BY public.t.id;'),
    file('schema.sql', 'CREATE SCHEMA app;\nCOMMENT ON SCHEMA app IS $$a$$;'),
  ];
  const { statements } = await analyzeFiles(files);
  const owners = resolveOwners(statements);
  const byFile = new Map<string, Set<string>>();
  for (const s of statements) {
    const set = byFile.get(s.file.path) ?? new Set<string>();
    set.add(owners.get(s) ?? '?');
    byFile.set(s.file.path, set);
  }
  assert.equal([...byFile.get('Tables/public.t.sql')!], ['rel:public.t']);
  assert.equal([...byFile.get('f.sql')!], ['fn:public.add(integer, integer)']);
  assert.equal([...byFile.get('g.sql')!], ['fn:public.g(public.mood, character varying[])']);
  assert.equal([...byFile.get('mood.sql')!], ['rel:public.mood']);
  assert.equal([...byFile.get('s.sql')!], ['rel:public.s']);
  assert.equal([...byFile.get('schema.sql')!], ['schema:app']);
  const routine = { kind: 'function', schema: 'public', name: 'add(integer, integer)', baseName: 'add' } as Routine;
  assert.is(objectKeyPostgres(routine), 'fn:public.add(integer, integer)');
  assert.is(objectKeyPostgres({ kind: 'table', schema: 'public', name: 't' } as Table), 'rel:public.t');
});

test('a file that does not parse is kept whole, ranked by its folder, for the server to report', async () => {
  const { statements, unparsed } = await analyzeFiles([{ path: 'Views/v.sql', text: 'CREATE VIEW v AS SELEC 1;', kindHint: 'view' }]);
  assert.equal([...unparsed], ['Views/v.sql']);
  assert.is(statements.length, 1);
  assert.is(statements[0]!.text, 'CREATE VIEW v AS SELEC 1;');
});

test('statement text and start line come from byte offsets, also after multi-byte characters', async () => {
  const text = '-- café ☕\nCREATE TABLE public.a (id int);\n\n-- naïve\nCREATE TABLE public.b (\n  x int\n);\n';
  const { statements } = await analyzeFiles([file('f.sql', text)]);
  assert.equal(
    statements.map((s) => [s.text, s.startLine]),
    [
      ['CREATE TABLE public.a (id int)', 2],
      ['CREATE TABLE public.b (\n  x int\n)', 5],
    ],
  );
});

test('error locations: the server position (characters) becomes a file line', () => {
  const statement = { file: file('m/Views/v.sql', ''), text: 'CREATE VIEW v AS\n  SELECT é,\n    nope FROM t', startLine: 3, mapsToFile: true };
  assert.is(failureLocation(statement, statement.text.indexOf('nope') + 1), 'm/Views/v.sql:5');
  assert.is(failureLocation(statement, undefined), 'm/Views/v.sql:3');
  assert.is(failureLocation({ ...statement, mapsToFile: false }, 40), 'm/Views/v.sql:3');
  assert.is(failureLocation({ ...statement, text: '\n-- c\n  CREATE x' }, undefined), 'm/Views/v.sql:5');
});

test('splitQualifiedName follows identifier quoting and case folding', () => {
  assert.equal(splitQualifiedName('public."Order Lines_id_seq"'), ['public', 'Order Lines_id_seq']);
  assert.equal(splitQualifiedName('App.Seq'), ['app', 'seq']);
  assert.equal(splitQualifiedName('"a""b".c'), ['a"b', 'c']);
});

test('layout: folder per kind, schema.name.sql, unsafe characters encoded, long names shortened', () => {
  const table = { kind: 'table', schema: 'public', name: 'Order Lines' } as SchemaObject;
  assert.is(objectFilePath(table), 'Tables/public.Order Lines.sql');
  assert.is(objectFilePath({ kind: 'schema', schema: 'hr', name: 'hr' } as SchemaObject), 'Schemas/hr.sql');
  assert.is(objectFilePath({ kind: 'function', schema: 'public', name: 'add(integer, integer)' } as SchemaObject), 'Functions/public.add(integer, integer).sql');
  assert.is(objectFileName({ kind: 'view', schema: 'a.b', name: 'c/d:e' } as SchemaObject), 'a%2Eb.c%2Fd%3Ae.sql');
  assert.is(objectFileName({ kind: 'view', schema: 'a', name: 'b.c' } as SchemaObject), 'a.b.c.sql');
  assert.is(objectFileName({ kind: 'enum', schema: 's', name: '100%' } as SchemaObject), 's.100%25.sql');
  const long = objectFileName({ kind: 'function', schema: 's', name: `f(${'character varying, '.repeat(30)}text)` } as SchemaObject);
  assert.ok(Buffer.byteLength(long) <= 200, long);
  assert.match(long, /^s\.f\(character varying, .*~[0-9a-f]{12}\.sql$/);
  const other = objectFileName({ kind: 'function', schema: 's', name: `f(${'character varying, '.repeat(30)}integer)` } as SchemaObject);
  assert.is.not(long, other);
  assert.is(kindOfFolder('tables'), 'table');
  assert.is(fileText('CREATE SCHEMA x;\n\n'), 'CREATE SCHEMA x;\n');
});

test.run();
