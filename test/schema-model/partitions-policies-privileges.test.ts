/**
 * Partitions, inheritance, row-level security policies and privileges through a schema-model folder:
 * `model` writes them (a partition in a file of its own, `CREATE TABLE ... PARTITION OF`; policies and
 * GRANTs in their table's file) and reading the folder back (on a build environment, and on the
 * embedded server, which creates the roles the files name) gives the database's model again: `diff`
 * finds nothing, with and without `-include=privileges`. Then the database changes (a partition
 * detached, a bound, a policy, a grant), `model` updates those files, and again nothing differs.
 *
 * Roles belong to the whole server: they carry the file's database prefix and are dropped at the end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../support/cli.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

let pg: TestPostgres;
let work: string;
let reader: string;
let writer: string;
const run = (...args: string[]) => runCli(args, { cwd: work, env: { PGPW: pg.password } });

const schemaSql = () => `
  CREATE SCHEMA app;
  CREATE TYPE app.mood AS ENUM ('ok', 'meh');
  CREATE TABLE app.customers (id integer PRIMARY KEY, name text NOT NULL);
  CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
  CREATE TABLE app.orders (
      id bigint NOT NULL,
      placed date NOT NULL,
      region text NOT NULL,
      customer_id integer REFERENCES app.customers (id),
      qty integer DEFAULT 1,
      mood app.mood DEFAULT 'ok',
      PRIMARY KEY (id, placed, region),
      CHECK (qty > 0)
  ) PARTITION BY RANGE (placed);
  CREATE INDEX orders_region_idx ON app.orders (region);
  CREATE TRIGGER orders_touch BEFORE UPDATE ON app.orders FOR EACH ROW EXECUTE FUNCTION app.touch();
  CREATE TABLE app.orders_2024 PARTITION OF app.orders (qty DEFAULT 5, customer_id NOT NULL) FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
  CREATE TABLE app.orders_2025 PARTITION OF app.orders FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY LIST (region);
  CREATE TABLE app.orders_2025_eu PARTITION OF app.orders_2025 FOR VALUES IN ('eu');
  CREATE TABLE public.orders_2025_rest PARTITION OF app.orders_2025 DEFAULT;
  CREATE TABLE app.orders_old PARTITION OF app.orders DEFAULT;
  CREATE INDEX orders_old_qty_idx ON app.orders_old (qty);
  ALTER TABLE app.orders_old ADD CONSTRAINT orders_old_small CHECK (qty < 100);
  COMMENT ON TABLE app.orders_old IS 'everything else';
  CREATE TABLE app.sessions (id integer NOT NULL) PARTITION BY HASH (id);
  CREATE TABLE app.sessions_0 PARTITION OF app.sessions FOR VALUES WITH (MODULUS 2, REMAINDER 0);
  CREATE TABLE app.sessions_1 PARTITION OF app.sessions FOR VALUES WITH (MODULUS 2, REMAINDER 1);

  CREATE TABLE app.vehicles (id integer NOT NULL, wheels integer DEFAULT 4, CHECK (wheels >= 0));
  CREATE TABLE app.tagged (tag text);
  CREATE TABLE public.cars (doors integer) INHERITS (app.vehicles, app.tagged);
  ALTER TABLE public.cars ALTER COLUMN wheels SET DEFAULT 3;

  CREATE TABLE app.documents (id integer PRIMARY KEY, tenant integer NOT NULL, body text, hidden boolean DEFAULT false);
  ALTER TABLE app.documents ENABLE ROW LEVEL SECURITY;
  ALTER TABLE app.documents FORCE ROW LEVEL SECURITY;
  CREATE POLICY tenant_rows ON app.documents USING (tenant = current_setting('app.tenant')::integer);
  CREATE POLICY readers ON app.documents AS RESTRICTIVE FOR SELECT TO ${reader} USING (NOT hidden);
  CREATE POLICY writers ON app.documents FOR INSERT TO ${writer}, ${reader} WITH CHECK (body IS NOT NULL);
  COMMENT ON POLICY readers ON app.documents IS 'no hidden rows';

  CREATE VIEW app.order_counts AS SELECT region, count(*) AS n FROM app.orders GROUP BY region;
  CREATE SEQUENCE app.ticket_no;
  CREATE FUNCTION app.total(n integer) RETURNS integer LANGUAGE sql AS 'SELECT n * 2';
  GRANT SELECT, INSERT ON app.documents TO ${writer};
  GRANT SELECT ON app.documents TO ${reader} WITH GRANT OPTION;
  GRANT SELECT ON app.orders, app.order_counts TO ${reader};
  GRANT USAGE ON SEQUENCE app.ticket_no TO ${writer};
  REVOKE EXECUTE ON FUNCTION app.total(integer) FROM PUBLIC;
  GRANT EXECUTE ON FUNCTION app.total(integer) TO ${reader};
  GRANT USAGE ON SCHEMA app TO ${reader}, ${writer};
  ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO ${reader};
`;

test.before(async () => {
  pg = await startPostgres();
  [reader, writer] = (await pg.createRoles(['reader', 'writer'])) as [string, string];
  await pg.createDatabase('src');
  await pg.exec('src', schemaSql());
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-model-partitions-'));
  fs.writeFileSync(
    path.join(work, 'flyway.toml'),
    [
      '[environments.src]',
      `url = "${pg.jdbcUrl('src')}"`,
      `user = "${pg.user}"`,
      'password = "${env.PGPW}"',
      'schemas = ["app", "public"]',
      '[environments.build]',
      `url = "${pg.jdbcUrl('postgres')}"`,
      `user = "${pg.user}"`,
      'password = "${env.PGPW}"',
      '[flyway]',
      'schemaModelLocation = "model"',
      'schemaModelSchemas = ["app", "public"]',
      '',
    ].join('\n'),
  );
});

test.after(async () => {
  await pg?.stop();
  await pg?.dropRoles(['reader', 'writer']).catch(() => {});
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const file = (relative: string) => fs.readFileSync(path.join(work, 'model', relative), 'utf8');

async function assertSame(options: string[], context: string): Promise<void> {
  const result = await run('diff', '-source=src', '-target=schemaModel', '-artifactFilename=check.artifact', ...options);
  assert.is(result.code, 0, result.stderr);
  if (result.stdout.includes('No differences found.')) return;
  const text = await run('diffText', '-artifactFilename=check.artifact');
  assert.unreachable(`${context}: the folder differs from the database:\n${result.stdout}\n${text.stdout}`);
}

test('model writes partitions, inheritance, policies and privileges; the folder reads back as the database', async () => {
  const diff = await run('diff', '-source=src', '-target=empty', '-include=privileges', '-artifactFilename=all.artifact');
  assert.is(diff.code, 0, diff.stderr);
  const model = await run('model', '-artifactFilename=all.artifact');
  assert.is(model.code, 0, model.stderr);

  // A partition is a file of its own; what it has of its own follows its CREATE TABLE ... PARTITION OF.
  assert.match(file('Tables/app.orders_2024.sql'), /^CREATE TABLE app\.orders_2024 PARTITION OF app\.orders FOR VALUES FROM \('2024-01-01'\) TO \('2025-01-01'\);\n\nALTER TABLE app\.orders_2024 ALTER COLUMN customer_id DROP DEFAULT;\n\nALTER TABLE app\.orders_2024 ALTER COLUMN customer_id SET NOT NULL;\n\nALTER TABLE app\.orders_2024 ALTER COLUMN qty SET DEFAULT 5;\n/);
  assert.match(file('Tables/app.orders_2025.sql'), "PARTITION OF app.orders FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY LIST (region);");
  assert.match(file('Tables/public.orders_2025_rest.sql'), 'CREATE TABLE public.orders_2025_rest PARTITION OF app.orders_2025 DEFAULT;');
  assert.match(file('Tables/app.orders_old.sql'), /PARTITION OF app\.orders \(\n    CONSTRAINT orders_old_small CHECK \(qty < 100\)\n\) DEFAULT;/);
  assert.not.match(file('Tables/app.orders_2024.sql'), 'orders_region_idx');
  assert.match(file('Tables/public.cars.sql'), /^CREATE TABLE public\.cars \(\n    doors integer\n\) INHERITS \(app\.vehicles, app\.tagged\);\n\nALTER TABLE public\.cars ALTER COLUMN wheels SET DEFAULT 3;\n/);
  const documents = file('Tables/app.documents.sql');
  for (const expected of [
    'ALTER TABLE app.documents ENABLE ROW LEVEL SECURITY;',
    'ALTER TABLE app.documents FORCE ROW LEVEL SECURITY;',
    `CREATE POLICY readers ON app.documents AS RESTRICTIVE FOR SELECT TO ${reader} USING (NOT hidden);`,
    `CREATE POLICY writers ON app.documents FOR INSERT TO ${reader}, ${writer} WITH CHECK (body IS NOT NULL);`,
    "COMMENT ON POLICY readers ON app.documents IS 'no hidden rows';",
    `GRANT SELECT ON TABLE app.documents TO ${reader} WITH GRANT OPTION;`,
    `GRANT INSERT, SELECT ON TABLE app.documents TO ${writer};`,
  ]) {
    assert.ok(documents.includes(expected), `Tables/app.documents.sql lacks ${expected}:\n${documents}`);
  }
  assert.match(file('Functions/app.total(integer).sql'), `REVOKE EXECUTE ON FUNCTION app.total(integer) FROM PUBLIC;\n\nGRANT EXECUTE ON FUNCTION app.total(integer) TO ${reader};`);
  assert.match(file('Schemas/app.sql'), `ALTER DEFAULT PRIVILEGES FOR ROLE ${pg.user} IN SCHEMA app GRANT SELECT ON TABLES TO ${reader};`);

  await assertSame(['-buildEnvironment=build', '-include=privileges'], 'on the build server, with privileges');
  await assertSame(['-buildEnvironment=build'], 'on the build server, without privileges');
});

test('read on the embedded server, which creates the roles the files name: the same model', async () => {
  await assertSame(['-include=privileges'], 'on the embedded server, with privileges');
});

test('the database changes; model updates the files it must, and the folder is the database again', async () => {
  await pg.exec(
    'src',
    `ALTER TABLE app.orders DETACH PARTITION app.orders_old;
     ALTER TABLE app.sessions DETACH PARTITION app.sessions_1;
     ALTER TABLE app.sessions ATTACH PARTITION app.sessions_1 FOR VALUES WITH (MODULUS 4, REMAINDER 1);
     CREATE TABLE app.sessions_3 PARTITION OF app.sessions FOR VALUES WITH (MODULUS 4, REMAINDER 3);
     ALTER POLICY tenant_rows ON app.documents USING (tenant > 0);
     DROP POLICY writers ON app.documents;
     REVOKE INSERT ON app.documents FROM ${writer};
     ALTER TABLE public.cars NO INHERIT app.tagged;`,
  );
  const diff = await run('diff', '-source=src', '-target=schemaModel', '-buildEnvironment=build', '-include=privileges', '-outputType=json', '-artifactFilename=edit.artifact');
  assert.is(diff.code, 0, diff.stderr);
  const changes = (JSON.parse(diff.stdout) as { differences: Array<{ differenceType: string; from: { schema: string; name: string } | null; to: { schema: string; name: string } | null }> }).differences
    .map((d) => `${d.differenceType} ${(d.from ?? d.to)!.schema}.${(d.from ?? d.to)!.name}`)
    .sort();
  assert.equal(changes, ['Add app.sessions_3', 'Edit app.documents', 'Edit app.orders_old', 'Edit app.sessions_1', 'Edit public.cars']);
  const model = await run('model', '-artifactFilename=edit.artifact');
  assert.is(model.code, 0, model.stderr);
  assert.match(file('Tables/app.orders_old.sql'), /^CREATE TABLE app\.orders_old \(\n    id bigint NOT NULL,/);
  assert.match(file('Tables/app.sessions_1.sql'), 'FOR VALUES WITH (modulus 4, remainder 1);');
  await assertSame(['-buildEnvironment=build', '-include=privileges'], 'after model');
});

test.run();
