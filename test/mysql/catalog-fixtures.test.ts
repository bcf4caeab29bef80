/** MySQL/MariaDB catalog rows -> model through the pure assembler (test/fixtures/catalog/mysql). */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assembleModel } from '../../src/dialects/mysql/mysql-introspector.ts';
import type { CatalogRows } from '../../src/dialects/mysql/mysql-rows.ts';
import type { Flavor } from '../../src/dialects/mysql/mysql-normalizer.ts';
import { catalogFixtureTests } from '../support/catalog-fixtures.ts';

const names = catalogFixtureTests(test, 'mysql', (fixture) => assembleModel(fixture.rows as unknown as CatalogRows, fixture.schemas, fixture.options?.['flavor'] as Flavor));

test('there are MySQL fixtures', () => {
  assert.ok(names.length > 0);
});

test.run();
