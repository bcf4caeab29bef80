// Where the time of a `parity dataDiff` run goes on the servers: PostgreSQL's pg_stat_statements
// (loaded by the data series' server, tracking switched on only around the untimed run) and MariaDB's
// slow query log written to the mysql.slow_log table with long_query_time = 0 (every statement).
// Statements are grouped by what they are for: the count-and-checksum query, the split points
// (ROW_NUMBER), the row download, each as "whole table" (no key bound) or "key range"; anything else
// (catalog reads, session set-up) is "other".

/** The kind of a data-diff statement, from its SQL text (PostgreSQL normalized or MariaDB literal). */
export function statementKind(sql, key = 'id') {
  // A key bound is `key >= ...` or `key < ...` after WHERE or AND (value conditions come after WHEN).
  const ranged = new RegExp(`\\b(WHERE|AND)\\s+[\`"]?${key}[\`"]?\\s*(>=|<)`, 'i').test(sql);
  const scope = ranged ? 'key range' : 'whole table';
  if (/ROW_NUMBER\(\)\s+OVER/i.test(sql)) return `split points (${scope})`;
  if (/count\(\*\)/i.test(sql) && /sum\(/i.test(sql)) return `count + checksum (${scope})`;
  if (/\bAS\s+k0\b/i.test(sql) && /ORDER BY/i.test(sql)) return `row download (${scope})`;
  return 'other (catalog, session)';
}

export async function startStatementLog(pg, mariadb) {
  await pg.withClient('postgres', async (c) => {
    await c.query("ALTER SYSTEM SET pg_stat_statements.track = 'top'");
    await c.query('SELECT pg_reload_conf()');
    await c.query('SELECT pg_stat_statements_reset()');
  });
  await mariadb.withConnection('mysql', async (c) => {
    await c.query('SET GLOBAL slow_query_log = 0');
    await c.query('TRUNCATE TABLE mysql.slow_log');
    await c.query("SET GLOBAL log_output = 'TABLE'");
    await c.query('SET GLOBAL long_query_time = 0');
    await c.query('SET GLOBAL slow_query_log = 1');
  });
  // pg_reload_conf() is asynchronous: give the server a moment to apply it.
  await new Promise((resolve) => setTimeout(resolve, 300));
}

function add(groups, side, kind, seconds, rows, calls = 1, max = seconds) {
  const key = `${side}\u0000${kind}`;
  const g = groups.get(key) ?? { side, kind, calls: 0, seconds: 0, maxSeconds: 0, rows: 0 };
  g.calls += calls;
  g.seconds += seconds;
  g.maxSeconds = Math.max(g.maxSeconds, max);
  g.rows += rows;
  groups.set(key, g);
}

/** Stops the statement logs and returns [{ side, kind, calls, seconds, maxSeconds, rows }], the slowest kinds first. */
export async function collectStatements(pg, mariadb) {
  const groups = new Map();
  await pg.withClient('postgres', async (c) => {
    const { rows } = await c.query(`
      SELECT d.datname, s.query, s.calls::int AS calls, s.total_exec_time / 1000 AS seconds, s.max_exec_time / 1000 AS max, s.rows::bigint AS rows
        FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
       WHERE d.datname IN ('src', 'dst')`);
    for (const r of rows) add(groups, `PostgreSQL ${r.datname}`, statementKind(r.query), Number(r.seconds), Number(r.rows), r.calls, Number(r.max));
    await c.query("ALTER SYSTEM SET pg_stat_statements.track = 'none'");
    await c.query('SELECT pg_reload_conf()');
  });
  await mariadb.withConnection('mysql', async (c) => {
    await c.query('SET GLOBAL slow_query_log = 0');
    const [rows] = await c.query(
      "SELECT db, TIME_TO_SEC(query_time) + MICROSECOND(query_time) / 1000000 AS seconds, rows_sent, CONVERT(sql_text USING utf8mb4) AS sql_text FROM mysql.slow_log WHERE db IN ('src', 'dst')",
    );
    for (const r of rows) add(groups, `MariaDB ${r.db}`, statementKind(String(r.sql_text)), Number(r.seconds), Number(r.rows_sent));
    await c.query('TRUNCATE TABLE mysql.slow_log');
    await c.query('SET GLOBAL long_query_time = 10');
  });
  return [...groups.values()].sort((a, b) => a.side.localeCompare(b.side) || b.seconds - a.seconds);
}
