/**
 * PostgreSQL catalog rows -> model through the pure assembler (test/fixtures/catalog/postgres), and
 * the fixture checked against the server: the same DDL introspected live must give the fixture's model
 * (object ids differ from run to run; the model holds none). UPDATE_GOLDEN=1 records the rows again
 * from the live server (review what it writes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readSnapshot } from '../../src/artifact/snapshot.ts';
import { withPostgresClient, withReadOnlyTransaction, type PostgresQueryable } from '../../src/dialects/postgres/postgres-connection.ts';
import { assembleModel, QUERIES, readPostgresModel } from '../../src/dialects/postgres/postgres-introspector.ts';
import type { CatalogRows } from '../../src/dialects/postgres/postgres-rows.ts';
import { CATALOG_FIXTURES, catalogFixtureTests } from '../support/catalog-fixtures.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

const CASE = 'shop';
const DDL = `
CREATE SCHEMA shop;
COMMENT ON SCHEMA shop IS 'The shop';
CREATE TYPE shop.mood AS ENUM ('ok', 'meh');
CREATE TABLE shop.customers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL UNIQUE,
  mood shop.mood DEFAULT 'ok'
);
CREATE TABLE shop.orders (
  id serial PRIMARY KEY,
  customer_id bigint REFERENCES shop.customers (id) ON DELETE CASCADE,
  total numeric(12,2) CHECK (total >= 0),
  created_at timestamptz DEFAULT now()
);
COMMENT ON TABLE shop.orders IS 'Orders';
CREATE INDEX orders_created ON shop.orders (created_at DESC) WHERE total > 0;
CREATE VIEW shop.big_orders AS SELECT id, total FROM shop.orders WHERE total > 100;
CREATE FUNCTION shop.total_of(c bigint) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT sum(total) FROM shop.orders WHERE customer_id = c $$;
`;

const names = catalogFixtureTests(test, 'postgres', (fixture) => assembleModel(fixture.rows as unknown as CatalogRows, fixture.schemas));

test('there is a PostgreSQL fixture', () => {
  assert.equal(names, [CASE]);
});

let server: TestPostgres;

test.before(async () => {
  server = await startPostgres();
  await server.createDatabase('fixture');
  await server.exec('fixture', DDL);
});

test.after(async () => {
  await server.stop();
});

test('the fixture rows are what PostgreSQL returns for its DDL: the live rows give the fixture model', async () => {
  const recorded: Record<string, unknown[]> = {};
  const model = await withPostgresClient(server.settings('fixture'), (client) =>
    withReadOnlyTransaction(client, (tx) => {
      let next = 0;
      const recording: PostgresQueryable = {
        async query(text, values) {
          const result = await tx.query(text, values);
          // The catalog queries are the ones given the schema list, in QUERIES order.
          if (Array.isArray(values) && Array.isArray(values[0])) recorded[QUERIES[next++]!] = result.rows;
          return result;
        },
      };
      return readPostgresModel(recording, server.settings('fixture'), ['shop']);
    }),
  );
  assert.equal(Object.keys(recorded), [...QUERIES]);
  const rowsFile = path.join(CATALOG_FIXTURES, 'postgres', `${CASE}.rows.json`);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    const fixture = { description: 'Rows PostgreSQL 18 returned for the DDL in test/postgres/catalog-fixtures.test.ts (recorded with UPDATE_GOLDEN=1): a schema with a comment, an enum, an identity and a serial column, keys, a check, a cascading foreign key, a partial descending index, a view and a SQL function.', schemas: ['shop'], rows: recorded };
    fs.writeFileSync(rowsFile, `${JSON.stringify(fixture, null, 2)}\n`);
  }
  assert.equal(JSON.parse(JSON.stringify(recorded)), recorded, 'the rows are plain JSON');
  assert.equal(model, readSnapshot(path.join(CATALOG_FIXTURES, 'postgres', `${CASE}.model.json`)));
});

test.run();
