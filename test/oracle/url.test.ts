/**
 * Oracle URLs (src/dialects/oracle/oracle-url.ts): the thin driver's service-name and SID forms,
 * credentials before `@`, the native oracle:// form, parameters, the default port, and the forms
 * refused (TNS descriptors and aliases), never showing the password.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { oracleConnectString, parseOracleUrl } from '../../src/dialects/oracle/oracle-url.ts';
import { redactUrls } from '../../src/secrets.ts';
import { catchParityError } from '../support/parity-error.ts';

const where = 'flyway.toml: environments.prod.url';

test('jdbc:oracle:thin:@//host:port/service: a service name', () => {
  assert.equal(parseOracleUrl('jdbc:oracle:thin:@//db.example.com:1522/ORCLPDB1', where), {
    dialect: 'oracle',
    host: 'db.example.com',
    port: 1522,
    database: 'ORCLPDB1',
    params: {},
  });
});

test('jdbc:oracle:thin:@host:port:SID: a SID, marked for the connect descriptor', () => {
  const s = parseOracleUrl('jdbc:oracle:thin:@10.0.0.5:1521:ORCL', where);
  assert.equal([s.host, s.port, s.database, s.params], ['10.0.0.5', 1521, 'ORCL', { oracleSid: 'true' }]);
});

test('the port defaults to 1521; the // before the host is optional', () => {
  assert.is(parseOracleUrl('jdbc:oracle:thin:@//db/FREEPDB1', where).port, 1521);
  const s = parseOracleUrl('jdbc:oracle:thin:@db:1530/FREEPDB1', where);
  assert.equal([s.host, s.port, s.database], ['db', 1530, 'FREEPDB1']);
});

test('jdbc:oracle:thin:user/password@//host/service: credentials before @ (a password may hold @)', () => {
  const s = parseOracleUrl('jdbc:oracle:thin:hr/s3cr%40t@//db:1521/XEPDB1', where);
  assert.equal([s.user, s.password, s.database], ['hr', 's3cr@t', 'XEPDB1']);
});

test('user and password parameters win over the credentials before @; other parameters are kept', () => {
  const s = parseOracleUrl('jdbc:oracle:thin:a/b@//db/SVC?user=hr&password=pw&connectTimeout=3', where);
  assert.equal([s.user, s.password, s.params], ['hr', 'pw', { connectTimeout: '3' }]);
});

test('oracle://user:password@host:port/service, the native form', () => {
  const s = parseOracleUrl('oracle://hr:pw@db.example:1600/SALES', where);
  assert.equal(s, { dialect: 'oracle', host: 'db.example', port: 1600, database: 'SALES', user: 'hr', password: 'pw', params: {} });
});

test('IPv6 hosts in brackets', () => {
  const s = parseOracleUrl('jdbc:oracle:thin:@//[::1]:1521/FREE', where);
  assert.equal([s.host, s.port], ['::1', 1521]);
  assert.is(oracleConnectString(s), '[::1]:1521/FREE');
});

test('connect strings: host:port/service for a service, a descriptor with SID= for a SID', () => {
  assert.is(oracleConnectString(parseOracleUrl('jdbc:oracle:thin:@//db:1521/FREEPDB1', where)), 'db:1521/FREEPDB1');
  assert.is(
    oracleConnectString(parseOracleUrl('jdbc:oracle:thin:@db:1521:ORCL', where)),
    '(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db)(PORT=1521))(CONNECT_DATA=(SID=ORCL)))',
  );
});

test('a TNS descriptor is INVALID_URL with the forms parity takes', () => {
  const e = catchParityError(() => parseOracleUrl('jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=db)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=S)))', where));
  assert.is(e.code, 'INVALID_URL');
  assert.match(e.message, /TNS descriptors are not supported/);
  assert.is(e.where, where);
});

test('a TNS alias and a URL without @ are INVALID_URL', () => {
  assert.is(catchParityError(() => parseOracleUrl('jdbc:oracle:thin:@prod_alias', where)).code, 'INVALID_URL');
  assert.is(catchParityError(() => parseOracleUrl('jdbc:oracle:thin:db:1521/S', where)).code, 'INVALID_URL');
});

test('an invalid port is INVALID_URL', () => {
  const e = catchParityError(() => parseOracleUrl('jdbc:oracle:thin:@//db:99999/S', where));
  assert.match(e.message, /invalid port "99999"/);
});

test('errors never show the password of either credential form', () => {
  for (const url of ['jdbc:oracle:thin:hr/Hunter2secret@prod_alias', 'oracle://hr:Hunter2secret@db:1521', 'jdbc:oracle:thin:hr/Hunter2secret@(DESCRIPTION=)']) {
    const e = catchParityError(() => parseOracleUrl(url, where));
    assert.is(e.code, 'INVALID_URL', url);
    assert.not.match(e.message, /Hunter2secret/, url);
  }
});

test('redactUrls hides the password of jdbc:oracle:thin:user/password@ in any message', () => {
  assert.is(redactUrls('url jdbc:oracle:thin:hr/topsecret@//db/S failed'), 'url jdbc:oracle:thin:hr/***@//db/S failed');
  assert.is(redactUrls('jdbc:oracle:thin:@//db/S'), 'jdbc:oracle:thin:@//db/S');
});

test('a malformed %-escape in the password is named, not shown', () => {
  const e = catchParityError(() => parseOracleUrl('jdbc:oracle:thin:hr/p%zzword@//db/S', where));
  assert.match(e.message, /password .* malformed %-escape/);
  assert.not.match(e.message, /p%zzword/);
});

test.run();
