#!/usr/bin/env node
// The two baselines of the data-diff benchmark, each run as its own process (under GNU time, so its
// peak RSS is its own) in a work dir whose flyway.toml defines the environments. Uses parity's
// compiled modules from `--dist=DIR` (the benchmark's private copy of dist/), so the SQL is parity's.
//
//   lower-bound  opens both sides as dataDiff does (planSqlTables: describe, plan every column pair, to
//                name the same columns), then runs the PLAIN full-scan checksum (plainChecksumSql: md5
//                of the columns' own text joined by CONCAT_WS('|'), 60 bits summed) ONCE per side, both
//                at the same time. Prints { seconds (the two queries, wall), setupSeconds, source,
//                target } with each side's { count, checksum, seconds }.
//   naive        fetches every row of both sides in key order with parity's own normalized row query
//                (data-sql.js rowsQuery over the whole table: the same texts dataDiff downloads),
//                streaming (PostgreSQL: a server-side cursor read in FETCH batches; MySQL: mysql2's
//                query stream), and merge-compares them here. Prints { seconds, setupSeconds,
//                rowsDownloaded, summary, columns } in dataDiff's JSON shape.
//
// Usage: node data-worker.mjs lower-bound|naive --dist=DIR --source=ENV --target=ENV --table=T --key=K
import mysqlCallback from 'mysql2';
import { environmentSettings, loadDist } from './worker-support.mjs';

const FETCH_ROWS = 10_000;

function parseArgs(argv) {
  const [mode, ...rest] = argv;
  const options = { mode };
  for (const arg of rest) {
    const m = /^--(\w+)=(.*)$/.exec(arg);
    if (!m) throw new Error(`bad argument ${arg}`);
    options[m[1]] = m[2];
  }
  for (const required of ['dist', 'source', 'target', 'table', 'key']) if (!options[required]) throw new Error(`missing --${required}`);
  if (mode !== 'lower-bound' && mode !== 'naive') throw new Error(`unknown mode ${mode}`);
  return options;
}

const seconds = (started) => Number(process.hrtime.bigint() - started) / 1e9;

async function parity(dist) {
  const [config, environment, sqlSide, sql, keys, pgConnection, mysqlConnection] = await loadDist(dist, [
    'config/config.js',
    'sources/environment-connection.js',
    'data-diff/sql-side.js',
    'data-diff/sql/data-sql.js',
    'data-diff/keys.js',
    'dialects/postgres/postgres-connection.js',
    'dialects/mysql/mysql-connection.js',
  ]);
  return { config, environment, sqlSide, sql, keys, pgConnection, mysqlConnection };
}

/**
 * The plain full-scan checksum of a table: the first 60 bits of the md5 of each row's columns in their
 * own text, joined with `|` (CONCAT_WS: NULLs left out), summed exactly. No normalization, no key
 * buckets, no framing: what any checksum of every row must at least cost on that server.
 */
function plainChecksumSql(dialect, table, columns) {
  const cols = columns.map((c) => dialect.quoteIdent(c)).join(', ');
  const from = dialect.qualifiedName(table);
  return dialect.name === 'postgres'
    ? `SELECT count(*)::text AS n, coalesce(sum(('x' || substr(md5(concat_ws('|', ${cols})), 1, 15))::bit(60)::bigint), 0)::text AS checksum FROM ${from}`
    : `SELECT CAST(COUNT(*) AS CHAR) AS n, CAST(COALESCE(SUM(CAST(CONV(SUBSTRING(MD5(CONCAT_WS('|', ${cols})), 1, 15), 16, 10) AS UNSIGNED)), 0) AS CHAR) AS checksum FROM ${from}`;
}

async function lowerBound(p, options) {
  const started = process.hrtime.bigint();
  const settings = environmentSettings(p, options);
  const opened = [];
  try {
    // Described and planned as dataDiff does, only to name the same columns on both sides.
    const tables = await p.sqlSide.planSqlTables(
      { connection: settings.source, spec: { table: options.table, key: options.key.split(',') } },
      { connection: settings.target, spec: { table: options.table } },
      (name) => name,
      1,
      (side) => opened.push(side),
    );
    const sql = (side) => plainChecksumSql(side.dialect, side.table, [...side.keys, ...side.columns].map((c) => c.column.name));
    const queries = { source: sql(tables.source), target: sql(tables.target) };
    // Connections opened and set up before the clock starts.
    await Promise.all([tables.source.use(async () => {}), tables.target.use(async () => {})]);
    const setupSeconds = seconds(started);
    const queried = process.hrtime.bigint();
    const timedChecksum = (side, query) =>
      side.use(async (c) => {
        const t = process.hrtime.bigint();
        const [row] = await c.query(query);
        return { count: Number(p.sql.cellText(row.n)), checksum: p.sql.cellText(row.checksum), seconds: seconds(t) };
      });
    const [s, t] = await Promise.all([timedChecksum(tables.source, queries.source), timedChecksum(tables.target, queries.target)]);
    return { seconds: seconds(queried), setupSeconds, source: s, target: t, skippedColumns: tables.skipped };
  } finally {
    await Promise.all(opened.map((side) => side.close()));
  }
}

/** Both sides described and planned by parity itself (planSqlTables, as dataDiff plans them); each side's row query. */
async function plannedQueries(p, settings, options) {
  const opened = [];
  try {
    const tables = await p.sqlSide.planSqlTables(
      { connection: settings.source, spec: { table: options.table, key: options.key.split(',') } },
      { connection: settings.target, spec: { table: options.table } },
      (name) => name,
      1,
      (side) => opened.push(side),
    );
    const [name] = Object.keys(tables.skipped);
    if (name !== undefined) throw new Error(`column ${name}: ${tables.skipped[name]}`);
    const query = (side) => p.sql.rowsQuery(side.dialect, { table: side.table, keys: side.keys, columns: side.columns, range: {} });
    return {
      keyKinds: tables.source.description.key.map((k) => k.kind),
      columnNames: tables.source.description.columns.map((c) => c.name),
      source: { dialect: tables.source.dialect, query: query(tables.source) },
      target: { dialect: tables.target.dialect, query: query(tables.target) },
    };
  } finally {
    await Promise.all(opened.map((side) => side.close()));
  }
}

/** PostgreSQL: a server-side cursor read FETCH_ROWS at a time, the next batch requested while this one is compared. */
async function postgresBatches(p, settings, side) {
  const client = await p.pgConnection.connectPostgres(settings);
  for (const statement of side.dialect.sessionSetup) await client.query(statement);
  await client.query('BEGIN READ ONLY');
  await client.query(`DECLARE bench_naive NO SCROLL CURSOR FOR ${side.query.sql}`);
  const fetch = () => client.query({ text: `FETCH ${FETCH_ROWS} FROM bench_naive`, rowMode: 'array' }).then((r) => r.rows);
  let pending = fetch();
  let done = false;
  return {
    async next() {
      if (done) return [];
      const rows = await pending;
      if (rows.length < FETCH_ROWS) done = true;
      else pending = fetch();
      return rows;
    },
    close: async () => {
      await client.query('COMMIT').catch(() => {});
      await client.end().catch(() => {});
    },
  };
}

/** MySQL/MariaDB: mysql2's row stream, read in batches from its buffer (no promise per row). */
async function mysqlBatches(p, settings, side) {
  const connection = mysqlCallback.createConnection(p.mysqlConnection.connectionOptions(settings));
  const run = (sql) => new Promise((resolve, reject) => connection.query(sql, (error) => (error ? reject(error) : resolve())));
  for (const statement of side.dialect.sessionSetup) await run(statement);
  const stream = connection.query({ sql: side.query.sql, rowsAsArray: true }).stream({ highWaterMark: FETCH_ROWS });
  let ended = false;
  let failure;
  stream.on('end', () => (ended = true));
  stream.on('error', (error) => (failure = error));
  return {
    async next() {
      for (;;) {
        if (failure) throw failure;
        const rows = [];
        let row;
        while (rows.length < FETCH_ROWS && (row = stream.read()) !== null) rows.push(row);
        if (rows.length > 0) return rows;
        if (ended) return [];
        await new Promise((resolve) => {
          const wake = () => {
            for (const event of ['readable', 'end', 'error']) stream.off(event, wake);
            resolve();
          };
          for (const event of ['readable', 'end', 'error']) stream.once(event, wake);
        });
      }
    },
    close: () => new Promise((resolve) => connection.end(() => resolve())),
  };
}

/**
 * A batch source read row by row: `row` is the current row (undefined at the end); advance() moves on
 * synchronously within a batch and returns a promise only when the next batch must be awaited. Fails
 * unless the keys come strictly increasing (as parity's merge does).
 */
async function reader(batches, compare, side) {
  let rows = await batches.next();
  let i = 0;
  const r = {
    row: rows[0],
    count: 0,
    advance() {
      const previous = r.row;
      r.count++;
      i++;
      if (i < rows.length) {
        r.row = rows[i];
        if (compare(previous, r.row) >= 0) throw new Error(`${side} rows are not in strictly increasing key order at ${JSON.stringify(r.row)}`);
        return undefined;
      }
      return (async () => {
        rows = rows.length === 0 ? rows : await batches.next();
        i = 0;
        r.row = rows[0];
        if (r.row !== undefined && compare(previous, r.row) >= 0) throw new Error(`${side} rows are not in strictly increasing key order at ${JSON.stringify(r.row)}`);
      })();
    },
  };
  return r;
}

const text = (v) => (v === null || v === undefined ? null : Buffer.isBuffer(v) ? v.toString('utf8') : String(v));

/** Integer keys as decimal text: sign, then length, then digits; text keys by code point. */
function keyComparer(p, kinds) {
  const integer = (a, b) => {
    const na = a[0] === '-';
    const nb = b[0] === '-';
    if (na !== nb) return na ? -1 : 1;
    const c = a.length !== b.length ? (a.length < b.length ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0;
    return na ? -c : c;
  };
  return (a, b) => {
    for (let i = 0; i < kinds.length; i++) {
      const x = text(a[i]);
      const y = text(b[i]);
      const c = kinds[i] === 'integer' ? integer(x, y) : p.keys.compareText(x, y);
      if (c !== 0) return c;
    }
    return 0;
  };
}

async function naive(p, options) {
  const started = process.hrtime.bigint();
  const settings = environmentSettings(p, options);
  const planned = await plannedQueries(p, settings, options);
  const open = (name) => (settings[name].dialect === 'postgres' ? postgresBatches : mysqlBatches)(p, settings[name], planned[name]);
  const [sourceBatches, targetBatches] = await Promise.all([open('source'), open('target')]);
  const setupSeconds = seconds(started);
  const compared = process.hrtime.bigint();
  try {
    const compare = keyComparer(p, planned.keyKinds);
    const nKeys = planned.keyKinds.length;
    const perColumn = planned.columnNames.map(() => 0);
    const summary = { sourceRows: 0, targetRows: 0, onlyInSource: 0, onlyInTarget: 0, differentRows: 0, identicalRows: 0 };
    const [s, t] = await Promise.all([reader(sourceBatches, compare, 'source'), reader(targetBatches, compare, 'target')]);
    while (s.row !== undefined || t.row !== undefined) {
      const c = s.row === undefined ? 1 : t.row === undefined ? -1 : compare(s.row, t.row);
      let wait;
      if (c < 0) {
        summary.onlyInSource++;
        wait = s.advance();
      } else if (c > 0) {
        summary.onlyInTarget++;
        wait = t.advance();
      } else {
        let differs = false;
        for (let i = nKeys; i < s.row.length; i++) {
          if (text(s.row[i]) !== text(t.row[i])) {
            perColumn[i - nKeys]++;
            differs = true;
          }
        }
        if (differs) summary.differentRows++;
        else summary.identicalRows++;
        const a = s.advance();
        const b = t.advance();
        wait = a && b ? Promise.all([a, b]) : a ?? b;
      }
      if (wait) await wait;
    }
    summary.sourceRows = s.count;
    summary.targetRows = t.count;
    return {
      seconds: seconds(compared),
      setupSeconds,
      rowsDownloaded: s.count + t.count,
      summary,
      columns: Object.fromEntries(planned.columnNames.map((name, i) => [name, { differentValues: perColumn[i] }])),
    };
  } finally {
    await Promise.all([sourceBatches.close(), targetBatches.close()]);
  }
}

try {
  const options = parseArgs(process.argv.slice(2));
  const p = await parity(options.dist);
  const result = options.mode === 'lower-bound' ? await lowerBound(p, options) : await naive(p, options);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (error) {
  process.stderr.write(`ERROR: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
}
