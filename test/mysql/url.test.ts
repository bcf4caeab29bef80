/** MySQL and MariaDB URLs through the real dialect registry: JDBC and native forms, default port. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseDatabaseUrl } from '../../src/config/url.ts';
import { DIALECTS, dialectByName } from '../../src/dialects/registry.ts';
import { ParityError } from '../../src/errors.ts';
import { terminateStatement } from '../../src/generate/migration-hooks.ts';

test('jdbc:mysql:// with user and password parameters', () => {
  const s = parseDatabaseUrl('jdbc:mysql://127.0.0.1:3307/app?user=u&password=p&useSSL=false', DIALECTS, 'x');
  assert.equal(s, { dialect: 'mysql', host: '127.0.0.1', port: 3307, database: 'app', user: 'u', password: 'p', params: { useSSL: 'false' } });
});

test('jdbc:mariadb:// and mariadb:// use the MySQL dialect and port 3306 by default', () => {
  for (const url of ['jdbc:mariadb://db.example/shop', 'mariadb://db.example/shop', 'mysql://db.example/shop']) {
    const s = parseDatabaseUrl(url, DIALECTS, 'x');
    assert.is(s.dialect, 'mysql', url);
    assert.is(s.port, 3306, url);
    assert.is(s.host, 'db.example', url);
    assert.is(s.database, 'shop', url);
  }
});

test('native mysql:// URL with credentials in the authority', () => {
  const s = parseDatabaseUrl('mysql://app:pa%40ss@localhost:3310/orders', DIALECTS, 'x');
  assert.equal([s.user, s.password, s.port, s.database], ['app', 'pa@ss', 3310, 'orders']);
});

test('a MySQL URL without a database is INVALID_URL and hides the password', () => {
  try {
    parseDatabaseUrl('jdbc:mysql://u:hunter22@h:3306/', DIALECTS, 'flyway.toml: environments.dev.url');
    assert.unreachable('should fail');
  } catch (error) {
    assert.instance(error, ParityError);
    assert.is((error as ParityError).code, 'INVALID_URL');
    assert.not.match((error as ParityError).message, 'hunter22');
  }
});

test('the registry knows the dialect: schema models on a build environment, non-transactional DDL, URL database as default schema', () => {
  const dialect = dialectByName('mysql');
  assert.is(dialect.defaultPort, 3306);
  assert.equal(dialect.urlSchemes, ['mysql', 'mariadb']);
  assert.equal(dialect.defaultSchemas, []);
  assert.is(dialect.schemaModel?.needsBuildEnvironment, true);
  assert.is(dialect.migration.transactionalDdl, false);
  assert.is(terminateStatement(dialect.migration, { sql: 'SELECT 1' }), 'SELECT 1;');
});

test.run();
