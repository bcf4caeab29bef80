#!/usr/bin/env node
// The lower bound of the whole-database benchmark, run as its own process (under GNU time) in a work
// dir whose flyway.toml defines the environments: every table's plain full-scan checksum on both sides,
// `--queries=N` queries at a time per side (one connection each), both sides at once, largest tables first.
//
// The checksum is the md5 of the columns as the database prints them, joined with '|', no
// normalization, no grouping, its first 60 bits summed, plus the row count:
//   PostgreSQL  SELECT count(*), coalesce(sum(('x' || substr(md5(concat_ws('|', c1::text, ...)), 1, 15))::bit(60)::bigint::numeric), 0) FROM t
//   MariaDB     SELECT COUNT(*), COALESCE(SUM(CAST(CONV(SUBSTRING(MD5(CONCAT_WS('|', c1, ...)), 1, 15), 16, 10) AS UNSIGNED)), 0) FROM t
// The two servers print values differently (booleans, timestamps), so only PG↔PG checksums can be equal.
// Connections are plain (no session settings); the environments are read with parity's config loader
// from `--dist=DIR` (the benchmark's private copy of dist/), the tables and columns from the catalogs.
// Prints { seconds (first query to last result, wall), setupSeconds (config, connecting, catalogs),
// source, target } with each side's { seconds, tables: { name: { count, checksum, seconds } } }.
//
// Usage: node database-worker.mjs --dist=DIR --source=ENV --target=ENV --queries=N
import mysql from 'mysql2/promise';
import { environmentSettings, loadDist } from './worker-support.mjs';

function parseArgs(argv) {
  const options = {};
  for (const arg of argv) {
    const m = /^--(\w+)=(.*)$/.exec(arg);
    if (!m) throw new Error(`bad argument ${arg}`);
    options[m[1]] = m[2];
  }
  for (const required of ['dist', 'source', 'target', 'queries']) if (!options[required]) throw new Error(`missing --${required}`);
  options.queries = Number(options.queries);
  if (!Number.isInteger(options.queries) || options.queries < 1) throw new Error('--queries must be a whole number of at least 1');
  return options;
}

const seconds = (started) => Number(process.hrtime.bigint() - started) / 1e9;

const pgIdent = (name) => `"${name.replace(/"/g, '""')}"`;
const myIdent = (name) => `\`${name.replace(/`/g, '``')}\``;

/** One side: `queries` connections, its tables (largest first by the catalog's estimate) and how to checksum one. */
async function openSide(p, settings, queries) {
  if (settings.dialect === 'postgres') {
    const clients = await Promise.all(Array.from({ length: queries }, () => p.pgConnection.connectPostgres(settings)));
    const { rows } = await clients[0].query(`
      SELECT c.relname AS name, c.reltuples AS estimate,
             array_agg(a.attname::text ORDER BY a.attnum) AS columns
        FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
       GROUP BY c.relname, c.reltuples`);
    return {
      connections: clients,
      tables: rows.map((r) => ({ name: r.name, estimate: Number(r.estimate), columns: r.columns })),
      checksum: async (client, table) => {
        const row = (await client.query(`SELECT count(*)::text AS n, coalesce(sum(('x' || substr(md5(concat_ws('|', ${table.columns.map((c) => `${pgIdent(c)}::text`).join(', ')})), 1, 15))::bit(60)::bigint::numeric), 0)::text AS checksum FROM public.${pgIdent(table.name)}`)).rows[0];
        return { count: Number(row.n), checksum: row.checksum };
      },
      close: () => Promise.all(clients.map((c) => c.end().catch(() => {}))),
    };
  }
  const connections = await Promise.all(Array.from({ length: queries }, () => mysql.createConnection(p.mysqlConnection.connectionOptions(settings))));
  const [rows] = await connections[0].query(`
    SELECT t.TABLE_NAME AS name, t.TABLE_ROWS AS estimate,
           GROUP_CONCAT(c.COLUMN_NAME ORDER BY c.ORDINAL_POSITION SEPARATOR '\\n') AS columns
      FROM information_schema.TABLES t JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
     WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
     GROUP BY t.TABLE_NAME, t.TABLE_ROWS`);
  return {
    connections,
    tables: rows.map((r) => ({ name: String(r.name), estimate: Number(r.estimate), columns: String(r.columns).split('\n') })),
    checksum: async (connection, table) => {
      const [[row]] = await connection.query(`SELECT COUNT(*) AS n, COALESCE(SUM(CAST(CONV(SUBSTRING(MD5(CONCAT_WS('|', ${table.columns.map(myIdent).join(', ')})), 1, 15), 16, 10) AS UNSIGNED)), 0) AS checksum FROM ${myIdent(table.name)}`);
      return { count: Number(row.n), checksum: String(row.checksum) };
    },
    close: () => Promise.all(connections.map((c) => c.end().catch(() => {}))),
  };
}

/** Every table of the side, one query per connection at a time, largest first. */
async function checksumSide(side) {
  const started = process.hrtime.bigint();
  const queue = [...side.tables].sort((a, b) => b.estimate - a.estimate || a.name.localeCompare(b.name));
  const tables = {};
  await Promise.all(side.connections.map(async (connection) => {
    for (let table = queue.shift(); table !== undefined; table = queue.shift()) {
      const t = process.hrtime.bigint();
      tables[table.name] = { ...(await side.checksum(connection, table)), seconds: seconds(t) };
    }
  }));
  return { seconds: seconds(started), tables };
}

try {
  const options = parseArgs(process.argv.slice(2));
  const started = process.hrtime.bigint();
  const [config, environment, pgConnection, mysqlConnection] = await loadDist(options.dist, [
    'config/config.js', 'sources/environment-connection.js', 'dialects/postgres/postgres-connection.js', 'dialects/mysql/mysql-connection.js',
  ]);
  const p = { pgConnection, mysqlConnection };
  const settings = environmentSettings({ config, environment }, options);
  const sides = await Promise.all([openSide(p, settings.source, options.queries), openSide(p, settings.target, options.queries)]);
  try {
    const setupSeconds = seconds(started);
    const queried = process.hrtime.bigint();
    const [source, target] = await Promise.all(sides.map(checksumSide));
    process.stdout.write(`${JSON.stringify({ seconds: seconds(queried), setupSeconds, source, target })}\n`);
  } finally {
    await Promise.all(sides.map((s) => s.close()));
  }
} catch (error) {
  process.stderr.write(`ERROR: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
}
