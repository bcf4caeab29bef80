/**
 * `-threads` caps dataDiff's connections per server, and parity never takes a server's last free
 * connection slots: on a MariaDB of its own with max_connections = 12 and 6 connections held by
 * others, a whole-database run of 12 tables (both databases on that server) with -threads=32 completes,
 * and the server never saw more connections than its limit less the 2 slots parity leaves free. The
 * same run with the free-slot check defeated would fail with "Too many connections" (checked by
 * asking for more than the server has: the pools' first connections already see the limit).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type mysql from 'mysql2/promise';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../support/cli.ts';
import { environmentSection } from '../support/flyway-toml.ts';
import { skipWithoutMariadb, startOwnMariadb, type TestMariadb } from '../support/mariadb-server.ts';

const LIMIT = 12;
const HELD = 6;
const SPARE = 2;

let server: TestMariadb;
let work: string;
const held: mysql.Connection[] = [];

async function maxUsedConnections(): Promise<number> {
  const [row] = await server.query<{ Value: string }>('mysql', "SHOW GLOBAL STATUS LIKE 'Max_used_connections'");
  return Number(row!.Value);
}

if (!skipWithoutMariadb()) {
  test.before(async () => {
    server = await startOwnMariadb();
    for (const db of ['a', 'b']) {
      await server.createDatabase(db);
      const tables = Array.from({ length: 12 }, (_, t) => [
        `CREATE TABLE t${t} (id INT PRIMARY KEY, v VARCHAR(20))`,
        `INSERT INTO t${t} SELECT seq, CONCAT('v', seq${db === 'b' ? ` + (seq % 97 = 0)` : ''}) FROM seq_1_to_3000`,
      ]);
      await server.execAll(db, tables.flat());
    }
    await server.exec('mysql', `SET GLOBAL max_connections = ${LIMIT}`);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-connection-cap-'));
    fs.writeFileSync(
      path.join(work, 'flyway.toml'),
      [environmentSection('a', server.jdbcUrl('a'), server.user, 'PW'), environmentSection('b', server.jdbcUrl('b'), server.user, 'PW')].join('\n'),
    );
  });

  test.after(async () => {
    await Promise.allSettled(held.map((c) => c.end()));
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('-threads=32 against a server with few free slots: the run completes without taking the last ones', async () => {
    for (let i = 0; i < HELD; i++) held.push(await server.connect('mysql'));
    await server.exec('mysql', 'FLUSH STATUS');
    const result = await runCli(['dataDiff', '-source=a', '-target=b', '-threads=32', '-algorithm=hashdiff', '-outputType=json'], {
      cwd: work,
      env: { PW: server.password },
    });
    assert.is(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { summary: { tables: number; different: number; differentRows: number; error: number } };
    // Every table differs in the rows whose id is a multiple of 97 (30 of 3,000).
    assert.equal([report.summary.tables, report.summary.different, report.summary.differentRows, report.summary.error], [12, 12, 12 * 30, 0]);
    // The server's own count: the test's 6, the status query's 1, and parity's.
    assert.ok((await maxUsedConnections()) <= LIMIT - SPARE + 1, `max used connections ${await maxUsedConnections()}`);
  });

  test('-threads above 32 is refused before anything runs (exit 2)', async () => {
    const result = await runCli(['dataDiff', '-source=a', '-target=b', '-threads=100000', '-bisectionFactor=300'], { cwd: work, env: { PW: server.password } });
    assert.is(result.code, 2);
    assert.is(result.stderr, 'ERROR: -threads must be a whole number from 1 to 32, not "100000" (parity dataDiff)\n');
  });

  test.run();
}
