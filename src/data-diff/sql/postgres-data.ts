/**
 * PostgreSQL expressions for data diff. Every expression is independent of the session's settings
 * (timestamptz goes through `AT TIME ZONE 'UTC'`, dates through to_char, bytes through encode), and the
 * session is set to UTC and ISO dates anyway so users' `where` filters read the same way.
 *
 *   integer/int   col::text                          decimal   round(col, scale)::text (trim_scale without one;
 *                                                              col::text when the column has that scale)
 *   float         round(col::float8::numeric, d)     boolean   '0' / '1'
 *   timestamp     left(to_char(UTC value, '... .US'), n): truncated; years outside 1..9999 and
 *                 ±infinity as the server's own text
 *   uuid          uuid::text (lower-case); text holding a UUID lower()ed
 *   char          rtrim(col::text, ' ')              json      col::jsonb::text (see below)
 *   binary        encode(col, 'hex')
 * JSON: jsonb's text is canonical for objects (keys deduplicated, ordered by length then bytes, one
 * space after `:` and `,`); numbers keep the digits they were written with (1.0 stays 1.0).
 */
import type pg from 'pg';
import type { ConnectionSettings } from '../../config/connection.js';
import { ParityError } from '../../errors.js';
import { connectPostgres, toParityError, withReadOnlyTransaction } from '../../dialects/postgres/postgres-connection.js';
import { qualifiedName, quoteIdent, quoteLiteral } from '../../dialects/postgres/postgres-quoting.js';
import { DEFAULT_FLOAT_DIGITS, floatExactLimit, ownKind, timestampTextLength } from './column-plan.js';
import { setUpSession } from './data-sql.js';
import type { Classification, ColumnPlan, DataColumn, DataConnection, DataDialect, Normalized, ValueKind } from './data-dialect.js';
import type { RowHashName } from '../row-hash.js';
import { describePostgresResult, readPostgresCatalog } from './postgres-catalog.js';

const KINDS: Readonly<Record<string, ValueKind | undefined>> = {
  smallint: 'integer',
  integer: 'integer',
  bigint: 'integer',
  numeric: 'decimal',
  real: 'float',
  'double precision': 'float',
  boolean: 'boolean',
  'timestamp with time zone': 'timestamp',
  'timestamp without time zone': 'timestamp',
  date: 'date',
  uuid: 'uuid',
  character: 'char',
  'character varying': 'text',
  text: 'text',
  name: 'text',
  citext: 'text',
  enum: 'text',
  json: 'json',
  jsonb: 'json',
  bytea: 'binary',
};

const REFUSALS: Readonly<Record<string, string>> = {
  money: 'money renders with the session locale',
  interval: 'intervals have no common text with other dialects',
  'time without time zone': 'time of day is not compared yet',
  'time with time zone': 'time of day is not compared yet',
  array: 'arrays are not compared',
};

function classify(column: DataColumn): Classification {
  const kind = KINDS[column.dataType];
  if (kind !== undefined) return { kind };
  return { refused: REFUSALS[column.dataType] ?? `no safe mapping for type ${column.columnType}` };
}

/** A timestamp expression (already in UTC) as `YYYY-MM-DD HH:MM:SS.ffffff` cut to `digits`. */
function timestampText(value: string, digits: number): string {
  const inRange = `${value} >= '0001-01-01' AND ${value} < '10000-01-01'`;
  return `CASE WHEN ${inRange} THEN left(to_char(${value}, 'YYYY-MM-DD HH24:MI:SS.US'), ${timestampTextLength(digits)}) ELSE ${value}::text END`;
}

function normalize(column: DataColumn, plan: ColumnPlan): Normalized {
  const own = ownKind(postgresData, column, plan);
  if ('refused' in own) return own;
  const col = quoteIdent(column.name);
  switch (plan.kind) {
    case 'integer':
    case 'boolean':
      return { sql: own.kind === 'boolean' ? `CASE WHEN ${col} THEN '1' WHEN NOT ${col} THEN '0' END` : `${col}::text` };
    case 'decimal':
      if (plan.scale === undefined) return { sql: `trim_scale(${col}::numeric)::text` };
      // A numeric of the plan's scale already prints with exactly that many digits.
      return { sql: own.kind === 'decimal' && column.scale === plan.scale ? `${col}::text` : `round(${col}::numeric, ${plan.scale})::text` };
    case 'float': {
      const digits = plan.floatDigits ?? DEFAULT_FLOAT_DIGITS;
      return { sql: `CASE WHEN abs(${col}) >= ${floatExactLimit(digits)} THEN ${col}::text ELSE round(${col}::float8::numeric, ${digits})::text END` };
    }
    case 'timestamp': {
      const utc = column.dataType === 'timestamp with time zone' ? `(${col} AT TIME ZONE 'UTC')` : col;
      return { sql: timestampText(utc, plan.timestampDigits ?? 6) };
    }
    case 'date':
      return { sql: `CASE WHEN ${col} >= '0001-01-01' AND ${col} < '10000-01-01' THEN to_char(${col}, 'YYYY-MM-DD') ELSE ${col}::text END` };
    case 'uuid':
      return { sql: own.kind === 'uuid' ? `${col}::text` : `lower(${col}::text)` };
    case 'char':
      return { sql: `rtrim(${col}::text, ' ')` };
    case 'text':
      return { sql: `${col}::text` };
    case 'json':
      return { sql: `${col}::jsonb::text` };
    case 'binary':
      return { sql: `encode(${col}, 'hex')` };
  }
}

/**
 * Between two columns of the same type: a timestamp kept at its own precision, a boolean and a date
 * print themselves, in this session's settings (UTC, ISO), faster than to_char and CASE.
 */
function nativeText(column: DataColumn, plan: ColumnPlan): string | undefined {
  const own = classify(column);
  if (!('kind' in own) || own.kind !== plan.kind) return undefined;
  return plan.kind === 'boolean' || plan.kind === 'date' ? `${quoteIdent(column.name)}::text` : undefined;
}

/**
 * A timestamp as the row text holds it (row-hash.ts `timestampField`): PostgreSQL prints a timestamp in
 * UTC and ISO style without its fraction's trailing zeros, so its own text (cut to whole seconds or
 * milliseconds by date_trunc) is that field, without to_char (measured: to_char made the row text of
 * the benchmark's table about a third slower). Other digit counts trim the canonical text.
 */
function hashText(column: DataColumn, plan: ColumnPlan): string | undefined {
  const own = classify(column);
  if (plan.kind !== 'timestamp' || !('kind' in own) || own.kind !== 'timestamp') return undefined;
  const col = quoteIdent(column.name);
  const value = column.dataType === 'timestamp with time zone' ? `(${col} AT TIME ZONE 'UTC')` : col;
  const digits = plan.timestampDigits ?? 6;
  if (digits >= (column.datetimePrecision ?? 6)) return `${value}::text`;
  if (digits === 0) return `date_trunc('second', ${value})::text`;
  if (digits === 3) return `date_trunc('milliseconds', ${value})::text`;
  const canonical = normalize(column, plan);
  return 'sql' in canonical ? `regexp_replace(regexp_replace(${canonical.sql}, '(\\.\\d*[1-9])0+$', '\\1'), '\\.0+$', '')` : undefined;
}

/**
 * hashtextextended from PostgreSQL 11, crc32 and crc32c from 18; cheapest first. PostgreSQL 18's crc32
 * is a byte-at-a-time table loop (its crc32c uses the CPU's instruction): measured on 1M rows of the
 * benchmark's table, one core, hashtextextended 1.5 s, md5 2.4 s, crc32 + crc32c 3.1 s.
 */
async function rowHashes(connection: DataConnection): Promise<RowHashName[]> {
  const [row] = await connection.query(`SELECT current_setting('server_version_num')::int AS version`);
  return Number(row?.['version']) >= 180000 ? ['postgres-hashtextextended', 'md5', 'crc64'] : ['postgres-hashtextextended', 'md5'];
}

/**
 * md5(text) hashes the database's encoding: in a UTF8 database (nearly every one) that is the UTF-8
 * text already, and `convert_to`, which validates and copies every row text, is left out (measured on
 * the benchmark's 1M rows, one core: 2.26 s with it, 2.08 s without). Asked once per connection pool.
 */
async function textIsUtf8(connection: DataConnection): Promise<boolean> {
  const [row] = await connection.query(`SELECT current_setting('server_encoding') AS encoding`);
  return row?.['encoding'] === 'UTF8';
}

/** Sums of bigints are numeric in PostgreSQL: exact. */
function countAndChecksum(hash: RowHashName, text: string, utf8Text = false): string {
  const utf8 = `convert_to(${text}, 'UTF8')`;
  const sum = (e: string) => `coalesce(sum(${e}), 0)`;
  const checksum =
    hash === 'md5'
      ? sum(`('x' || substr(md5(${utf8Text ? text : utf8}), 1, 15))::bit(60)::bigint`)
      : hash === 'crc64'
        ? `${sum(`crc32(${utf8})`)} * 4294967296 + ${sum(`crc32c(${utf8})`)}`
        : // "C": a nondeterministic collation would hash equal-comparing texts alike.
          sum(`hashtextextended((${text}) COLLATE "C", 0)`);
  return `count(*)::text AS n, (${checksum})::text AS checksum`;
}

function keyOrder(column: DataColumn, plan: ColumnPlan): string {
  const col = quoteIdent(column.name);
  switch (plan.kind) {
    case 'integer':
      return col;
    case 'uuid':
      // uuid's own order is its bytes, which is the order of its lower-case text.
      return column.dataType === 'uuid' ? col : `lower(${col}::text) COLLATE "C"`;
    case 'char':
    case 'text':
      return `${col}::text COLLATE "C"`;
    default:
      throw new ParityError('UNSUPPORTED', `column ${column.name} (${column.columnType}) cannot be a key compared as ${plan.kind}`);
  }
}

/** Rows fetched from a cursor at a time by `stream`. */
const FETCH_ROWS = 1000;

async function connect(settings: ConnectionSettings): Promise<DataConnection> {
  const client: pg.Client = await connectPostgres(settings);
  const query = async (sql: string, params: readonly string[] = []) => {
    try {
      return (await client.query(sql, [...params])).rows as Record<string, unknown>[];
    } catch (error) {
      throw toParityError(error, settings);
    }
  };
  let cursors = 0;
  const connection: DataConnection = {
    query,
    async *stream(sql) {
      const cursor = `parity_rows_${++cursors}`;
      await query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`);
      try {
        for (;;) {
          const rows = await query(`FETCH FORWARD ${FETCH_ROWS} FROM ${cursor}`);
          yield* rows;
          if (rows.length < FETCH_ROWS) return;
        }
      } finally {
        // Fails only when the transaction already did; its end closes the cursor then.
        await query(`CLOSE ${cursor}`).catch(() => {});
      }
    },
    async describeResult(sql) {
      let fields: pg.FieldDef[];
      try {
        fields = (await client.query(`SELECT * FROM (${sql}) parity_query LIMIT 0`)).fields;
      } catch (error) {
        throw toParityError(error, settings);
      }
      return describePostgresResult(fields, { query });
    },
    close: () => client.end().catch(() => {}),
  };
  return setUpSession(connection, postgresData.sessionSetup);
}

export const postgresData: DataDialect = {
  name: 'postgres',
  displayName: 'PostgreSQL',
  // Read only whatever the user's role may do; memory for grouping by up to ~65,000 key buckets.
  sessionSetup: ["SET TIME ZONE 'UTC'", "SET DateStyle = 'ISO, YMD'", 'SET default_transaction_read_only = on', "SET work_mem = '64MB'"],
  // The planner cannot know that MOD(key, m) has at most m values and would sort the whole table to
  // group it; without sorts it hashes. Its estimate of shipping each worker's partial groups then
  // keeps the hashing in one process, where a plain sum(...) of the table runs in parallel workers:
  // without that cost, grouping runs in parallel too (measured: bench/RESULTS.md). Only around
  // grouping queries: without sorts, catalog queries (describe) get plans that take seconds on
  // PostgreSQL 15.
  grouping: { before: 'SET enable_sort = off; SET parallel_tuple_cost = 0', after: 'RESET enable_sort; RESET parallel_tuple_cost' },
  quoteIdent,
  qualifiedName: (table) => qualifiedName(table.schema, table.name),
  placeholder: (n) => `$${n}`,
  classify,
  normalize,
  // log() of a numeric is its exact base-10 logarithm; trim_scale drops the trailing zeros round() keeps.
  significant: (column, digits) => {
    const value = `${quoteIdent(column.name)}::numeric`;
    return `CASE WHEN ${value} = 0 THEN '0' ELSE trim_scale(round(${value}, (${digits} - 1 - floor(log(abs(${value}))))::int))::text END`;
  },
  nativeText,
  hashText,
  encodeField: (e, nullEqualsEmpty) => `COALESCE(length(${e}) || ':' || ${e}, ${quoteLiteral(nullEqualsEmpty ? '0:' : 'N')})`,
  concat: (parts) => parts.join(' || '),
  concatFields: (parts) => `concat_ws('|', ${parts.join(', ')})`,
  charLength: (text) => `length(${text})`,
  rowHashes,
  textIsUtf8,
  countAndChecksum,
  keyHash: (text) => `('x' || substr(md5(convert_to(${text}, 'UTF8')), 1, 7))::bit(28)::int`,
  // bigint: an integer key's difference may overflow its own type; at least `origin`, so `/` is floor.
  rangeBucket: (key, origin, width) => `((${key})::bigint - ${origin}::bigint) / ${width}`,
  keyOrder,
  // The server infers each parameter's type from the key expression it is compared with.
  keyParam: (_column, _plan, placeholder) => placeholder,
  readCatalog: readPostgresCatalog,
  async freeConnectionSlots(connection) {
    // Slots reserved for superusers (and, from PostgreSQL 16, for pg_use_reserved_connections) are not counted.
    const [row] = await connection.query(
      `SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
              - COALESCE(current_setting('reserved_connections', true), '0')::int
              - (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend') AS free`,
    );
    const free = Number(row?.['free']);
    return Number.isFinite(free) ? Math.max(0, free) : undefined;
  },
  connect,
  crossDatabaseQueries: false,
  fullOuterJoin: true,
  // Every canonical text is of type text: "C" compares and orders it by bytes, and two columns of
  // different collations meet without a "could not determine which collation" error.
  byteText: (text) => `(${text}) COLLATE "C"`,
  distinct: (a, b) => `${a} IS DISTINCT FROM ${b}`,
  async currentSchema(connection) {
    const [row] = await connection.query('SELECT current_schema() AS name');
    return typeof row?.['name'] === 'string' ? row['name'] : '';
  },
  readOnly: (connection, fn) => withReadOnlyTransaction({ query: async (sql: string) => ({ rows: await connection.query(sql) }) }, fn),
};
