/**
 * Scrubbing passwords from messages (src/secrets.ts): in URLs whatever they hold, and a known password
 * as a whole token, never inside a word and never when it equals a name the message shows (the user).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { scrubPassword } from '../../src/dialects/driver-errors.ts';
import { redactUrls, scrubSecrets } from '../../src/secrets.ts';

test('URL passwords go, whatever they are and wherever the URL is in the message', () => {
  assert.is(redactUrls('cannot read "postgres://app:pw@h:5432/db" now'), 'cannot read "postgres://app:***@h:5432/db" now');
  assert.is(redactUrls('jdbc:postgresql://h/db?user=u&password=pw&ssl=true'), 'jdbc:postgresql://h/db?user=u&password=***&ssl=true');
  assert.is(redactUrls('jdbc:mysql://h/db;pwd=pw'), 'jdbc:mysql://h/db;pwd=***');
  assert.is(redactUrls('postgres://app@h/db and mysql://u:@h/db'), 'postgres://app@h/db and mysql://u:***@h/db');
});

test('a password inside a word is not touched; as a whole token it is', () => {
  assert.is(scrubSecrets('cannot connect to PostgreSQL at 127.0.0.1:1: connection refused', ['e']), 'cannot connect to PostgreSQL at 127.0.0.1:1: connection refused');
  assert.is(scrubSecrets('cannot connect to PostgreSQL', ['connect']), 'cannot *** to PostgreSQL');
  assert.is(scrubSecrets('unknown environment "hunter2" in -source', ['hunter2']), 'unknown environment "***" in -source');
  assert.is(scrubSecrets('value=hunter2, next', ['hunter2']), 'value=***, next');
  assert.is(scrubSecrets('it was hunter2.', ['hunter2']), 'it was ***.');
  assert.is(scrubSecrets('hunter2hunter2 and xhunter2', ['hunter2']), 'hunter2hunter2 and xhunter2');
  assert.is(scrubSecrets('a.b+c (a.b+c)', ['a.b+c']), '*** (***)');
  // Longer secrets first, so one that contains another goes whole.
  assert.is(scrubSecrets('"abc-def"', ['abc', 'abc-def']), '"***"');
  // Short passwords would mask line numbers: only the URL rules apply to them.
  assert.is(scrubSecrets('(migrations/V1__a.sql:12)', ['12']), '(migrations/V1__a.sql:12)');
});

test('a password equal to the user name is not masked where the user name shows (that would tell it)', () => {
  const message = 'PostgreSQL rejected the login of user "app": password authentication failed for user "app"';
  assert.is(scrubSecrets(message, ['app'], ['app']), message);
  assert.is(scrubPassword(message, { user: 'app', password: 'app' }), message);
  assert.is(scrubPassword('url postgres://app:app@h/db', { user: 'app', password: 'app' }), 'url postgres://app:***@h/db');
  assert.is(scrubPassword('the password "s3cr3t!" is wrong', { user: 'app', password: 's3cr3t!' }), 'the password "***" is wrong');
});

test.run();
