/**
 * Driver failures -> ParityErrors (src/dialects/oracle/oracle-connection.ts). The errors are built the
 * way node-oracledb builds them, with its own lib/errors.js: a server error is `new Error(message)`
 * with `errorNum` and `offset`, passed through `transformErr` (which sets `code` ORA-NNNNN and adds
 * the Help line in thin mode); a driver error comes from `getErr(NJS number, ...args)`. Then the real
 * driver, in thin mode, against a closed port, a server that hangs up, and a host that does not
 * resolve: no Oracle server is needed for those.
 */
import net from 'node:net';
import { createRequire } from 'node:module';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EXIT_CODES } from '../../src/cli/exit-codes.ts';
import type { ConnectionSettings } from '../../src/config/connection.ts';
import { toParityError, withOracleConnection } from '../../src/dialects/oracle/oracle-connection.ts';
import { ParityError } from '../../src/errors.ts';

const require = createRequire(import.meta.url);
const errors = require('oracledb/lib/errors.js') as {
  getErr(num: number, ...args: unknown[]): Error & { code?: string };
  transformErr(err: Error): Error & { code?: string };
  ERR_CONNECTION_INCOMPLETE: number;
  ERR_INVALID_SERVICE_NAME: number;
  ERR_INVALID_SID: number;
  ERR_CONNECTION_TIMEDOUT: number;
  ERR_CONNECTION_CLOSED: number;
  ERR_CONNECTION_REFUSED: number;
};

const PASSWORD = 'Tiger-Sekr1t';
const settings: ConnectionSettings = { dialect: 'oracle', host: 'db.example', port: 1521, database: 'FREEPDB1', user: 'hr', password: PASSWORD, params: {} };

/** A server error as thin mode raises it (protocol.js `_raiseException`). */
function oraError(errorNum: number, message: string): Error {
  const err = Object.assign(new Error(message), { offset: 0, errorNum, isRecoverable: false });
  return errors.transformErr(err);
}

function mapped(error: unknown, options: { connecting?: boolean; context?: string } = { connecting: true }, s: ConnectionSettings = settings): ParityError {
  const result = toParityError(error, s, options);
  assert.instance(result, ParityError);
  const e = result as ParityError;
  assert.not.match(e.message, PASSWORD, 'the password is never shown');
  assert.is(e.message.includes('\n'), false, 'one line');
  return e;
}

test('the driver builds ORA errors with errorNum, code and a Help line (what the mapping reads)', () => {
  const err = oraError(1017, 'ORA-01017: invalid credential or not authorized; logon denied') as Error & { code?: string; errorNum?: number };
  assert.is(err.code, 'ORA-01017');
  assert.is(err.errorNum, 1017);
  assert.match(err.message, /\nHelp: https:\/\/docs\.oracle\.com\/error-help\/db\/ora-01017\//);
});

test('ORA-01017 (bad user or password) is AUTHENTICATION_FAILED, exit 4, naming the user', () => {
  const e = mapped(oraError(1017, 'ORA-01017: invalid credential or not authorized; logon denied'));
  assert.is(e.code, 'AUTHENTICATION_FAILED');
  assert.is(EXIT_CODES[e.code], 4);
  assert.is(e.message, 'Oracle rejected the login of user "hr": ORA-01017: invalid credential or not authorized; logon denied');
  assert.is(e.where, 'oracle://hr@db.example:1521/FREEPDB1');
});

test('ORA-28000 (account locked) is AUTHENTICATION_FAILED', () => {
  assert.is(mapped(oraError(28000, 'ORA-28000: The account is locked.')).code, 'AUTHENTICATION_FAILED');
});

test('NJS-518 (thin mode ORA-12514: service unknown to the listener) is CONNECTION_FAILED naming the service', () => {
  const e = mapped(errors.getErr(errors.ERR_INVALID_SERVICE_NAME, 'FREEPDB1', 'db.example', 1521, 'cid'));
  assert.is(e.code, 'CONNECTION_FAILED');
  assert.match(e.message, /^the Oracle listener at db\.example:1521 does not know service "FREEPDB1" \(NJS-518: /);
});

test('ORA-12514 (thick-mode wording) and NJS-519 (unknown SID) map the same way', () => {
  assert.match(mapped(oraError(12514, 'ORA-12514: Cannot connect to database. Service FREEPDB1 is not registered with the listener')).message, /does not know service "FREEPDB1"/);
  const sid: ConnectionSettings = { ...settings, database: 'ORCL', params: { oracleSid: 'true' } };
  assert.match(mapped(errors.getErr(errors.ERR_INVALID_SID, 'ORCL', 'db.example', 1521, 'cid'), { connecting: true }, sid).message, /does not know SID "ORCL"/);
});

test('ORA-12541 (no listener) is CONNECTION_FAILED', () => {
  const e = mapped(oraError(12541, 'ORA-12541: Cannot connect. No listener at host db.example port 1521.'));
  assert.is(e.code, 'CONNECTION_FAILED');
  assert.match(e.message, /^cannot connect to Oracle at db\.example:1521: no listener/);
});

test('NJS-503 with ECONNREFUSED (thin mode, nothing on the port) is CONNECTION_FAILED: connection refused', () => {
  const err = errors.getErr(errors.ERR_CONNECTION_INCOMPLETE, 'db.example', 1521, 'cid', 'connect ECONNREFUSED 10.1.1.1:1521');
  assert.is(mapped(err).message, 'cannot connect to Oracle at db.example:1521: connection refused');
});

test('NJS-503 with ENOTFOUND is host not found; NJS-510 is a timeout naming connectTimeout', () => {
  const dns = errors.getErr(errors.ERR_CONNECTION_INCOMPLETE, 'db.example', 1521, 'cid', 'getaddrinfo ENOTFOUND db.example');
  assert.match(mapped(dns).message, /: host not found$/);
  const slow = errors.getErr(errors.ERR_CONNECTION_TIMEDOUT, 'db.example', 1521, 'connect', 10, 'cid');
  assert.match(mapped(slow).message, /timed out after 10 s \(connectTimeout=SECONDS in the URL sets the wait\)/);
});

test('NJS-500 after connecting is a lost connection; other ORA errors are DATABASE_ERROR, exit 5, with the context', () => {
  const lost = mapped(errors.getErr(errors.ERR_CONNECTION_CLOSED), {});
  assert.is(lost.code, 'CONNECTION_FAILED');
  assert.match(lost.message, /^the connection to Oracle at db\.example:1521 was lost: NJS-500/);
  const e = mapped(oraError(942, 'ORA-00942: table or view "HR"."X" does not exist'), { context: 'querying columns' });
  assert.is(e.code, 'DATABASE_ERROR');
  assert.is(EXIT_CODES[e.code], 5);
  assert.is(e.message, 'querying columns: Oracle error ORA-00942: table or view "HR"."X" does not exist');
});

test('a password the server echoes back is scrubbed', () => {
  const e = mapped(oraError(1017, `ORA-01017: invalid credential for password ${PASSWORD}`));
  assert.match(e.message, /password \*\*\*/);
});

test('a programming error (no driver code) passes through unchanged after connecting', () => {
  const bug = new TypeError('x is not a function');
  assert.is(toParityError(bug, settings, {}), bug);
});

async function rejection(s: ConnectionSettings): Promise<ParityError> {
  try {
    await withOracleConnection(s, async () => undefined);
  } catch (error) {
    assert.instance(error, ParityError);
    return error as ParityError;
  }
  throw new Error('expected the connection to fail');
}

test('the real driver (thin mode) against a closed port: CONNECTION_FAILED, connection refused', async () => {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const e = await rejection({ ...settings, host: '127.0.0.1', port, params: { connectTimeout: '5' } });
  assert.is(e.code, 'CONNECTION_FAILED');
  assert.is(e.message, `cannot connect to Oracle at 127.0.0.1:${port}: connection refused`);
  assert.not.match(e.message, PASSWORD);
});

test('the real driver against a server that hangs up at once (not an Oracle listener): CONNECTION_FAILED', async () => {
  const server = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  try {
    const e = await rejection({ ...settings, host: '127.0.0.1', port, params: { connectTimeout: '5' } });
    assert.is(e.code, 'CONNECTION_FAILED');
    assert.match(e.message, /server closed the connection/);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('the real driver against a host name that does not resolve: CONNECTION_FAILED', async () => {
  const e = await rejection({ ...settings, host: 'no-such-host.invalid', params: { connectTimeout: '5' } });
  assert.is(e.code, 'CONNECTION_FAILED');
  assert.match(e.message, /^cannot connect to Oracle at no-such-host\.invalid:1521: /);
});

test.run();
