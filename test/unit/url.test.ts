import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseDatabaseUrl, redactUrl } from '../../src/config/url.ts';
import { ParityError } from '../../src/errors.ts';

const dialects = [{ name: 'postgres' as const, urlSchemes: ['postgresql', 'postgres'], defaultPort: 5432 }];

test('JDBC URL with user and password parameters', () => {
  const s = parseDatabaseUrl('jdbc:postgresql://127.0.0.1:5433/app?user=u&password=p&sslmode=disable', dialects, 'x');
  assert.equal(s, { dialect: 'postgres', host: '127.0.0.1', port: 5433, database: 'app', user: 'u', password: 'p', params: { sslmode: 'disable' } });
});

test('native URL with credentials and default port', () => {
  const s = parseDatabaseUrl('postgres://app:pa%40ss@localhost/shop', dialects, 'x');
  assert.is(s.port, 5432);
  assert.is(s.user, 'app');
  assert.is(s.password, 'pa@ss');
  assert.is(s.database, 'shop');
});

test('unknown scheme and missing database are INVALID_URL without the password', () => {
  for (const url of ['jdbc:oracle2://h/db', 'postgres://u:hunter22@h:5432/', 'not a url']) {
    try {
      parseDatabaseUrl(url, dialects, 'flyway.toml: environments.dev.url');
      assert.unreachable('should fail');
    } catch (error) {
      assert.instance(error, ParityError);
      assert.is((error as ParityError).code, 'INVALID_URL');
      assert.not.match((error as ParityError).message, 'hunter22');
    }
  }
});

test('redactUrl hides passwords in authority and parameters', () => {
  assert.is(redactUrl('postgres://u:secret@h/db'), 'postgres://u:***@h/db');
  assert.is(redactUrl('jdbc:postgresql://h/db?user=u&password=secret'), 'jdbc:postgresql://h/db?user=u&password=***');
});

test.run();
