/**
 * The MariaDB catalog fixture (test/fixtures/catalog/mysql/orders_mariadb) against the server: the
 * fixture's DDL introspected live gives the fixture's model, its database named `shop` as in the
 * fixture. UPDATE_GOLDEN=1 records the rows again from the live server (review what it writes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readSnapshot } from '../../src/artifact/snapshot.ts';
import { withMysqlConnection, withReadOnlySnapshot, type MysqlQueryable } from '../../src/dialects/mysql/mysql-connection.ts';
import { QUERIES, readMysqlModel } from '../../src/dialects/mysql/mysql-introspector.ts';
import { CATALOG_FIXTURES } from '../support/catalog-fixtures.ts';
import { skipWithoutMariadb, startMariadb, type TestMariadb } from '../support/mariadb-server.ts';

if (skipWithoutMariadb()) process.exit(0);

const CASE = 'orders_mariadb';
const DDL = [
  'CREATE TABLE customers (id int NOT NULL AUTO_INCREMENT, email varchar(200) NOT NULL, PRIMARY KEY (id), UNIQUE KEY customers_email_uk (email)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci',
  "CREATE TABLE orders (id bigint unsigned NOT NULL AUTO_INCREMENT, customer_id int NOT NULL, status varchar(20) NOT NULL DEFAULT 'new', total decimal(10,2) DEFAULT 0.00 COMMENT 'gross', PRIMARY KEY (id), CONSTRAINT orders_total_check CHECK (total >= 0), CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE ON UPDATE RESTRICT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='customer orders'",
  "CREATE VIEW v_open AS SELECT id FROM orders WHERE status = 'new'",
  'CREATE TRIGGER orders_bi BEFORE INSERT ON orders FOR EACH ROW SET NEW.status = LOWER(NEW.status)',
];

let server: TestMariadb;

test.before(async () => {
  server = await startMariadb();
  await server.createDatabase('shop');
  await server.query('', `ALTER DATABASE \`${server.name('shop')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`);
  await server.execAll('shop', DDL);
});

test.after(async () => {
  await server.stop();
});

/** The rows with the database's real name made `shop`, as the fixture names it. */
function asShop<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).split(server.name('shop')).join('shop')) as T;
}

test('the fixture is what MariaDB returns for its DDL: the live rows give the fixture model', async () => {
  const recorded: Record<string, unknown[]> = {};
  const model = await withMysqlConnection(server.settings('shop'), (connection) =>
    withReadOnlySnapshot(connection, (tx) => {
      let next = 0;
      const recording: MysqlQueryable = {
        async query(sql, values) {
          const result = await tx.query(sql, values);
          // The catalog queries are the ones given the schema list, in QUERIES order.
          if (Array.isArray(values) && Array.isArray(values[0])) recorded[QUERIES[next++]!] = result[0] as unknown[];
          return result;
        },
      };
      return readMysqlModel(recording, server.settings('shop'), [server.name('shop')]);
    }),
  );
  assert.equal(Object.keys(recorded), [...QUERIES]);
  const file = path.join(CATALOG_FIXTURES, 'mysql', `${CASE}.rows.json`);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    const previous = JSON.parse(fs.readFileSync(file, 'utf8')) as { description: string };
    fs.writeFileSync(file, `${JSON.stringify({ description: previous.description, schemas: ['shop'], options: { flavor: 'mariadb' }, rows: asShop(recorded) }, null, 2)}\n`);
  }
  assert.equal(asShop(model), readSnapshot(path.join(CATALOG_FIXTURES, 'mysql', `${CASE}.model.json`)));
});

test.run();
