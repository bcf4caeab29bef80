/**
 * SQL Server connections without a server: both URL forms through the real registry, the driver
 * configuration (read-only intent, encryption, instance names), and the error mapping from the
 * driver's real error objects, built the way tedious and mssql build them
 * (node_modules/tedious/lib/{connection,token/handler}.js: `ConnectionError(message, 'ELOGIN')`,
 * `ConnectionError('Failed to connect to ...', 'ESOCKET', { cause })`; node_modules/mssql/lib/tedious/
 * {connection-pool,request}.js: `new ConnectionError(tediousError)`, and for a failed query
 * `err = new Error(info.message); err.info = info; new RequestError(err, 'EREQUEST')`), plus a real
 * refused connection on the loopback address.
 */
import sql from 'mssql';
import { ConnectionError as TediousConnectionError } from 'tedious';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseDatabaseUrl } from '../../src/config/url.ts';
import type { ConnectionSettings } from '../../src/config/connection.ts';
import { DIALECTS, dialectByName } from '../../src/dialects/registry.ts';
import { connectionConfig, loginErrorNumbers, toParityError, withSqlServerPool } from '../../src/dialects/sqlserver/sqlserver-connection.ts';
import { redactSqlServerUrl } from '../../src/dialects/sqlserver/sqlserver-url.ts';
import { ParityError } from '../../src/errors.ts';
import { EXIT_CODES } from '../../src/cli/exit-codes.ts';
import { freeLoopbackPort } from '../../src/embedded/embedded-postgres.ts';

const parse = (url: string) => parseDatabaseUrl(url, DIALECTS, 'flyway.toml: environments.dev.url');

function parityError(fn: () => unknown): ParityError {
  try {
    fn();
  } catch (error) {
    assert.instance(error, ParityError);
    return error as ParityError;
  }
  assert.unreachable('should fail');
  throw new Error('unreachable');
}

// ---------------------------------------------------------------------------------------------
// URLs

test("Microsoft's JDBC form: host, port, properties (case-insensitive), the database", () => {
  const s = parse('jdbc:sqlserver://db.example:1433;databaseName=app;encrypt=true;trustServerCertificate=true');
  assert.equal(s, { dialect: 'sqlserver', host: 'db.example', port: 1433, database: 'app', params: { encrypt: 'true', trustServerCertificate: 'true' } });
  const t = parse('jdbc:sqlserver://db.example;DATABASENAME=app;User=sa;PASSWORD=secret;ENCRYPT=false');
  assert.equal([t.port, t.database, t.user, t.password, t.params], [1433, 'app', 'sa', 'secret', { encrypt: 'false' }]);
});

test('JDBC form: a braced value may hold ; and } (doubled), and the redacted URL hides it whole', () => {
  const url = 'jdbc:sqlserver://h;databaseName=app;user=app;password={p;a}}ss};encrypt=true';
  const s = parse(url);
  assert.equal([s.password, s.params], ['p;a}ss', { encrypt: 'true' }]);
  assert.is(redactSqlServerUrl(url), 'jdbc:sqlserver://h;databaseName=app;user=app;password=***;encrypt=true');
});

test('JDBC form: instance names, and an explicit port wins over them as in the JDBC driver', () => {
  const named = parse('jdbc:sqlserver://db\\SQLEXPRESS;databaseName=app');
  assert.equal([named.host, named.port, named.params], ['db', 1433, { instanceName: 'SQLEXPRESS' }]);
  const property = parse('jdbc:sqlserver://db;instanceName=SQL2;databaseName=app');
  assert.equal(property.params, { instanceName: 'SQL2' });
  const both = parse('jdbc:sqlserver://db\\SQLEXPRESS:1500;databaseName=app');
  assert.equal([both.port, both.params], [1500, {}]);
  const byProperty = parse('jdbc:sqlserver://;serverName=10.0.0.5;portNumber=1444;databaseName=app');
  assert.equal([byProperty.host, byProperty.port], ['10.0.0.5', 1444]);
});

test('the native form sqlserver://user:password@host:port/db?params, default port 1433', () => {
  const s = parse('sqlserver://app:pa%40ss@localhost:1434/orders?encrypt=false');
  assert.equal(s, { dialect: 'sqlserver', host: 'localhost', port: 1434, database: 'orders', user: 'app', password: 'pa@ss', params: { encrypt: 'false' } });
  assert.is(parse('sqlserver://app@db/orders').port, 1433);
});

test('a SQL Server URL without a database, a bad port or a bad host is INVALID_URL (exit 3) and hides the password', () => {
  for (const url of ['jdbc:sqlserver://h:1433;user=sa;password=hunter22', 'sqlserver://sa:hunter22@h:1433', 'jdbc:sqlserver://h;databaseName=a;portNumber=x;password=hunter22', 'jdbc:sqlserver://h:99999;databaseName=a;password=hunter22']) {
    const error = parityError(() => parse(url));
    assert.is(error.code, 'INVALID_URL', url);
    assert.is(EXIT_CODES[error.code], 3);
    assert.not.match(error.message, 'hunter22', url);
    assert.is(error.where, 'flyway.toml: environments.dev.url');
  }
  assert.match(parityError(() => parse('jdbc:sqlserver://h:1433;user=sa')).message, 'names no database (add ;databaseName=NAME)');
});

test('the registry knows SQL Server: its scheme, port, dbo, GO batches, transactional DDL, capabilities', () => {
  const dialect = dialectByName('sqlserver');
  assert.equal([dialect.displayName, dialect.urlSchemes, dialect.defaultPort, dialect.defaultSchemas], ['SQL Server', ['sqlserver'], 1433, ['dbo']]);
  assert.is(dialect.migration.terminate!({ sql: 'CREATE VIEW v AS SELECT 1' }), 'CREATE VIEW v AS SELECT 1\nGO');
  assert.is(dialect.migration.transactionalDdl, true);
  assert.is(dialect.dataDiff, true, 'src/data-diff/sql/sqlserver-data.ts');
  assert.is(dialect.schemaModel?.needsBuildEnvironment, true);
  assert.ok(dialect.migrate !== undefined && dialect.migrate.withThrowawayDatabase === undefined, 'no throwaway server');
});

// ---------------------------------------------------------------------------------------------
// Driver configuration

const settings: ConnectionSettings = { dialect: 'sqlserver', host: 'db.example', port: 1433, database: 'app', user: 'app', password: 's3cret-pw', params: {} };

test('driver configuration: read-only intent by default, encryption on with certificate checks as the JDBC driver does, one connection', () => {
  const config = connectionConfig(settings);
  assert.equal([config.server, config.port, config.database, config.user, config.password], ['db.example', 1433, 'app', 'app', 's3cret-pw']);
  assert.equal(config.options, { encrypt: true, trustServerCertificate: false, readOnlyIntent: true, appName: 'parity' });
  assert.equal(config.pool, { max: 1, min: 1 });
  assert.is(config.connectionTimeout, 15000);
  const migrating = connectionConfig({ ...settings, params: { encrypt: 'false', trustServerCertificate: 'true', loginTimeout: '5', instanceName: 'SQLEXPRESS' } }, { readOnly: false, database: 'master' });
  assert.equal(migrating.options, { encrypt: false, trustServerCertificate: true, readOnlyIntent: false, appName: 'parity', instanceName: 'SQLEXPRESS' });
  assert.is(migrating.port, undefined, 'tedious refuses a port together with an instance name');
  assert.equal([migrating.database, migrating.connectionTimeout], ['master', 5000]);
});

test("the login's error numbers are recorded from the connection's errorMessage events (beforeConnect)", () => {
  const config = connectionConfig(settings);
  const listeners: Array<(token: { number: number; message: string }) => void> = [];
  config.beforeConnect!({ on: (_event, listener) => void listeners.push(listener) });
  for (const listener of listeners) {
    listener({ number: 4060, message: 'Cannot open database "app" requested by the login. The login failed.' });
    listener({ number: 18456, message: "Login failed for user 'app'." });
  }
  assert.equal(loginErrorNumbers(config), [4060, 18456]);
});

// ---------------------------------------------------------------------------------------------
// Error mapping

/** A login failure as mssql's pool rejects it: tedious's ELOGIN wrapped in mssql's ConnectionError. */
const loginError = (message: string) => new sql.ConnectionError(new TediousConnectionError(message, 'ELOGIN') as unknown as Error);

/** A failed query as mssql's request rejects it. */
function requestError(info: { number: number; message: string; lineNumber?: number; state?: number; class?: number }): Error {
  const inner = new Error(info.message) as Error & { info: unknown };
  inner.info = { state: 1, class: 16, serverName: 'db', procName: '', lineNumber: 1, ...info };
  return new sql.RequestError(inner, 'EREQUEST');
}

const mapped = (error: unknown, options: Parameters<typeof toParityError>[2] = {}): ParityError => {
  const out = toParityError(error, settings, options);
  assert.instance(out, ParityError);
  return out as ParityError;
};

test('login failed (18456): AUTHENTICATION_FAILED, exit 4, the server message, no password', () => {
  const error = mapped(loginError("Login failed for user 'app'."), { connecting: true, serverErrors: [18456] });
  assert.is(error.code, 'AUTHENTICATION_FAILED');
  assert.is(EXIT_CODES[error.code], 4);
  assert.is(error.message, `SQL Server rejected the login of user "app": Login failed for user 'app'.`);
  assert.is(error.where, 'sqlserver://app@db.example:1433/app');
  // Without the recorded numbers, ELOGIN alone says the same.
  assert.is(mapped(loginError("Login failed for user 'app'."), { connecting: true }).code, 'AUTHENTICATION_FAILED');
});

test('unknown database (4060 during the login, then 18456): CONNECTION_FAILED naming the database', () => {
  const error = mapped(loginError("Login failed for user 'app'."), { connecting: true, serverErrors: [4060, 18456] });
  assert.is(error.code, 'CONNECTION_FAILED');
  assert.is(error.message, 'database "app" does not exist on the SQL Server at db.example:1433, or user "app" may not open it');
  // As the last login message, and as a request's error number (USE, a changed database).
  assert.is(mapped(loginError('Cannot open database "app" requested by the login. The login failed.'), { connecting: true }).code, 'CONNECTION_FAILED');
  assert.is(mapped(requestError({ number: 4060, message: 'Cannot open database "app" requested by the login. The login failed.' })).code, 'CONNECTION_FAILED');
  assert.is(mapped(requestError({ number: 911, message: "Database 'app' does not exist. Make sure that the name is entered correctly." })).code, 'CONNECTION_FAILED');
});

test('network failures: ESOCKET with the socket error as cause, ETIMEOUT, an unknown instance', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 10.1.1.1:1433'), { code: 'ECONNREFUSED' });
  const socket = new sql.ConnectionError(new TediousConnectionError('Failed to connect to db.example:1433 - connect ECONNREFUSED 10.1.1.1:1433', 'ESOCKET', { cause: refused } as never) as unknown as Error);
  const error = mapped(socket, { connecting: true });
  assert.equal([error.code, error.message], ['CONNECTION_FAILED', 'cannot connect to SQL Server at db.example:1433: connection refused']);
  const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND db.example'), { code: 'ENOTFOUND' });
  assert.match(mapped(new sql.ConnectionError(new TediousConnectionError('Failed to connect to db.example:1433 - getaddrinfo ENOTFOUND db.example', 'ESOCKET', { cause: notFound } as never) as unknown as Error), { connecting: true }).message, 'host not found');
  const timeout = mapped(new sql.ConnectionError(new TediousConnectionError('Failed to connect to db.example:1433 in 15000ms', 'ETIMEOUT') as unknown as Error), { connecting: true });
  assert.equal([timeout.code, timeout.message], ['CONNECTION_FAILED', 'cannot connect to SQL Server at db.example:1433: timed out after 15 s without a login answer (loginTimeout=SECONDS in the URL sets the wait)']);
  const instance = toParityError(new sql.ConnectionError(new TediousConnectionError('Port for SQLEXPRESS not found in db.example', 'EINSTLOOKUP') as unknown as Error), { ...settings, params: { instanceName: 'SQLEXPRESS' } }, { connecting: true }) as ParityError;
  assert.equal([instance.code, instance.message], ['CONNECTION_FAILED', 'cannot connect to SQL Server at db.example\\SQLEXPRESS: Port for SQLEXPRESS not found in db.example']);
});

test('other server errors: DATABASE_ERROR with the number (exit 5), context first, password scrubbed; programming errors pass through', () => {
  const error = mapped(requestError({ number: 229, message: "The SELECT permission was denied on the object 'columns', database 'mssqlsystemresource', schema 'sys'. s3cret-pw" }), { context: 'reading the catalog' });
  assert.is(error.code, 'DATABASE_ERROR');
  assert.is(EXIT_CODES[error.code], 5);
  assert.match(error.message, /^reading the catalog: SQL Server error 229: The SELECT permission was denied/);
  assert.not.match(error.message, 's3cret-pw');
  const bug = new TypeError('x is not a function');
  assert.is(toParityError(bug, settings), bug);
  const parity = new ParityError('CONFIG_ERROR', 'kept');
  assert.is(toParityError(parity, settings), parity);
});

test('a real refused connection on the loopback address: mssql and tedious fail, parity says CONNECTION_FAILED in one line', async () => {
  const port = await freeLoopbackPort();
  try {
    await withSqlServerPool({ ...settings, host: '127.0.0.1', port, params: { loginTimeout: '5' } }, async () => 'unreachable');
    assert.unreachable('should fail');
  } catch (error) {
    assert.instance(error, ParityError);
    assert.is((error as ParityError).code, 'CONNECTION_FAILED');
    assert.is((error as ParityError).message, `cannot connect to SQL Server at 127.0.0.1:${port}: connection refused`);
  }
});

test.run();
