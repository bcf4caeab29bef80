/**
 * MySQL/MariaDB expressions for data diff. Every text is made utf8mb4 (`CAST(... AS CHAR CHARACTER SET
 * utf8mb4)`), so lengths count characters and MD5 hashes the same UTF-8 bytes PostgreSQL hashes.
 * TIMESTAMP values render in the session time zone: every connection runs `SET time_zone = '+00:00'`.
 *
 *   integer, tinyint(1), bit(1)   decimal text / '0' / '1'
 *   decimal     CAST(col AS DECIMAL(65, scale)): rounds half away from zero, as PostgreSQL's round()
 *               (the column itself when it has that scale)
 *   float       CAST(col AS DECIMAL(65, d)); beyond 10^(65-d) the server's own float text
 *   timestamp   LEFT(DATE_FORMAT(col, '%Y-%m-%d %H:%i:%s.%f'), n): truncated (the column itself when it has
 *               n digits); DATETIME is taken as UTC
 *   uuid        MariaDB UUID as text (lower-case); CHAR(36) and other text LOWER()ed
 *   char        trailing spaces removed           binary   LOWER(HEX(col))
 *   json        MySQL's JSON type as text (canonical as jsonb's: keys by length then bytes, `": "`,
 *               `", "`); MariaDB's JSON is LONGTEXT with a check and is compared as stored text
 * Refused: TIME, BIT(n > 1), spatial types.
 */
import type { Connection as CallbackConnection } from 'mysql2';
import type mysql from 'mysql2/promise';
import type { ConnectionSettings } from '../../config/connection.js';
import { ParityError } from '../../errors.js';
import { connectionOptions, toParityError, withReadOnlySnapshot } from '../../dialects/mysql/mysql-connection.js';
import { loadMysql } from '../../dialects/drivers.js';
import { qualifiedName, quoteIdent, quoteLiteral } from '../../dialects/mysql/mysql-quoting.js';
import { DEFAULT_FLOAT_DIGITS, floatExactLimit, ownKind, timestampTextLength } from './column-plan.js';
import { cellText, setUpSession, streamedRows } from './data-sql.js';
import type { RowHashName } from '../row-hash.js';
import type { Classification, ColumnPlan, DataColumn, DataConnection, DataDialect, Normalized, ValueKind } from './data-dialect.js';
import { describeMysqlResult, readMysqlCatalog, type MysqlResultField } from './mysql-catalog.js';

const KINDS: Readonly<Record<string, ValueKind | undefined>> = {
  tinyint: 'integer',
  smallint: 'integer',
  mediumint: 'integer',
  int: 'integer',
  bigint: 'integer',
  year: 'integer',
  decimal: 'decimal',
  float: 'float',
  double: 'float',
  datetime: 'timestamp',
  timestamp: 'timestamp',
  date: 'date',
  uuid: 'uuid',
  char: 'char',
  varchar: 'text',
  tinytext: 'text',
  text: 'text',
  mediumtext: 'text',
  longtext: 'text',
  enum: 'text',
  set: 'text',
  json: 'json',
  binary: 'binary',
  varbinary: 'binary',
  tinyblob: 'binary',
  blob: 'binary',
  mediumblob: 'binary',
  longblob: 'binary',
};

function classify(column: DataColumn): Classification {
  if (/^tinyint\(1\)/.test(column.columnType) || column.columnType === 'bit(1)') return { kind: 'boolean' };
  // MariaDB's JSON is an alias of LONGTEXT (describe marks it `json` with column type `longtext`).
  if (column.dataType === 'json' && column.columnType !== 'json') return { kind: 'text' };
  const kind = KINDS[column.dataType];
  if (kind !== undefined) return { kind };
  if (column.dataType === 'time') return { refused: 'time of day is not compared yet' };
  return { refused: `no safe mapping for type ${column.columnType}` };
}

/** Text in utf8mb4, whatever the column's or connection's character set. */
function utf8(sql: string): string {
  return `CAST(${sql} AS CHAR CHARACTER SET utf8mb4)`;
}

/**
 * The canonical text of a column under a plan: `ascii` wraps expressions whose text is ASCII (numbers,
 * dates, hex), `text` those that may hold any character.
 */
function canonical(column: DataColumn, plan: ColumnPlan, ascii: (sql: string) => string, text: (sql: string) => string): Normalized {
  const own = ownKind(mysqlData, column, plan);
  if ('refused' in own) return own;
  const col = quoteIdent(column.name);
  switch (plan.kind) {
    case 'integer':
    case 'boolean':
      return { sql: ascii(column.columnType === 'bit(1)' ? `${col} + 0` : col) };
    case 'decimal':
      // A DECIMAL of the plan's scale already prints with exactly that many digits.
      return { sql: ascii(plan.scale === undefined || (own.kind === 'decimal' && column.scale === plan.scale) ? col : `CAST(${col} AS DECIMAL(65, ${plan.scale}))`) };
    case 'float': {
      // Both branches as text: a CASE of DOUBLE and DECIMAL would be a number, printed another way.
      const digits = plan.floatDigits ?? DEFAULT_FLOAT_DIGITS;
      return { sql: `CASE WHEN ABS(${col}) >= ${floatExactLimit(digits)} THEN ${utf8(col)} ELSE ${utf8(`CAST(${col} AS DECIMAL(65, ${digits}))`)} END` };
    }
    case 'timestamp': {
      const digits = plan.timestampDigits ?? 0;
      // DATETIME(n) and TIMESTAMP(n) print with exactly n fractional digits (TIMESTAMP in the session's UTC).
      if (digits === column.datetimePrecision) return { sql: ascii(col) };
      return { sql: ascii(`LEFT(DATE_FORMAT(${col}, '%Y-%m-%d %H:%i:%s.%f'), ${timestampTextLength(digits)})`) };
    }
    case 'date':
      return { sql: ascii(`DATE_FORMAT(${col}, '%Y-%m-%d')`) };
    case 'uuid':
      return { sql: own.kind === 'uuid' ? ascii(col) : `LOWER(${ascii(col)})` };
    case 'char':
      return { sql: `TRIM(TRAILING ' ' FROM ${text(col)})` };
    case 'text':
    case 'json':
      return { sql: text(col) };
    case 'binary':
      return { sql: ascii(`LOWER(HEX(${col}))`) };
  }
}

function normalize(column: DataColumn, plan: ColumnPlan): Normalized {
  return canonical(column, plan, utf8, utf8);
}

/**
 * The canonical text as the row text hashes it: CONCAT_WS prints numbers, dates and DATETIMEs itself
 * (ASCII, the same bytes in any character set), and a utf8mb4 column is already UTF-8: the CASTs that
 * make the driver return text (utf8), measurably slow on MariaDB, are left out.
 */
function hashText(column: DataColumn, plan: ColumnPlan): string | undefined {
  const utf8mb4 = column.collation !== null && /^utf8mb4_/.test(column.collation);
  const normalized = canonical(column, plan, (sql) => sql, utf8mb4 ? (sql) => sql : utf8);
  if (!('sql' in normalized)) return undefined;
  // A timestamp without its fraction's trailing zeros (row-hash.ts `timestampField`); it has a `.` when it has digits.
  return plan.kind === 'timestamp' && (plan.timestampDigits ?? 0) > 0 ? `TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM ${normalized.sql}))` : normalized.sql;
}

/**
 * Between two columns of the same type: a DATETIME(n)/TIMESTAMP(n) compared at its own n digits and a
 * DATE print themselves, in this session's UTC, as a function of the value: no DATE_FORMAT, and no
 * trimming of the fraction's zeros (measured on the benchmark's 1M rows: the two TRIMs cost 0.1-0.2 s
 * of CPU per side, the CRC pair evaluating the row text twice).
 */
function nativeText(column: DataColumn, plan: ColumnPlan): string | undefined {
  const own = classify(column);
  if (!('kind' in own) || own.kind !== plan.kind) return undefined;
  const ownDigits = plan.kind === 'timestamp' && (plan.timestampDigits ?? 0) === (column.datetimePrecision ?? 0);
  return ownDigits || plan.kind === 'date' ? quoteIdent(column.name) : undefined;
}

/** Collations whose order is the code point (= UTF-8 byte) order with no trailing-space padding. */
const BYTE_ORDER_COLLATION = /^(utf8mb4|utf8mb3|utf8)_(nopad_bin|0900_bin)$/;

/**
 * Integers compare as themselves. Text compares by its UTF-8 bytes (as PostgreSQL's COLLATE "C"):
 * directly where the collation already orders so (the index is used), else through
 * CAST(... AS BINARY), which no index serves: each range query then scans the table.
 */
function keyOrder(column: DataColumn, plan: ColumnPlan): string {
  const col = quoteIdent(column.name);
  switch (plan.kind) {
    case 'integer':
      return col;
    case 'uuid':
      return column.dataType === 'uuid' ? `CAST(${utf8(col)} AS BINARY)` : `CAST(LOWER(${utf8(col)}) AS BINARY)`;
    case 'char':
    case 'text':
      return column.collation !== null && BYTE_ORDER_COLLATION.test(column.collation) ? col : `CAST(${utf8(col)} AS BINARY)`;
    default:
      throw new ParityError('UNSUPPORTED', `column ${column.name} (${column.columnType}) cannot be a key compared as ${plan.kind}`);
  }
}

/** A string parameter compared with an integer would be compared as a DOUBLE: cast it. */
function keyParam(column: DataColumn, plan: ColumnPlan, placeholder: string): string {
  if (plan.kind === 'integer') return `CAST(${placeholder} AS ${column.columnType.includes('unsigned') ? 'UNSIGNED' : 'SIGNED'})`;
  return keyOrder(column, plan) === quoteIdent(column.name) ? placeholder : `CAST(${placeholder} AS BINARY)`;
}

/** CRC32C from MariaDB 10.8 (MySQL has none); cheapest first (CRC32 + CRC32C cost 0.71× of MD5 + CONV there, README "Performance notes"). */
async function rowHashes(connection: DataConnection): Promise<RowHashName[]> {
  const [row] = await connection.query('SELECT VERSION() AS version');
  const version = /^(\d+)\.(\d+)\.\d+-MariaDB/i.exec(String(cellText(row?.['version']) ?? ''));
  const crc = version !== null && Number(version[1]) * 1000 + Number(version[2]) >= 10_008;
  return crc ? ['crc64', 'md5'] : ['md5'];
}

/** SUM of integers is an exact DECIMAL. */
function countAndChecksum(hash: RowHashName, text: string): string {
  if (hash === 'postgres-hashtextextended') throw new ParityError('INTERNAL_ERROR', `row hash ${hash} is not available on MySQL`);
  const sum = (e: string) => `COALESCE(SUM(${e}), 0)`;
  const checksum =
    hash === 'crc64'
      ? `${sum(`CRC32(${text})`)} * 4294967296 + ${sum(`CRC32C(${text})`)}`
      : // CAST to UNSIGNED before SUM keeps the sum an exact DECIMAL (CONV returns a string, summed as DOUBLE).
        sum(`CAST(CONV(SUBSTRING(MD5(${text}), 1, 15), 16, 10) AS UNSIGNED)`);
  return `CAST(COUNT(*) AS CHAR) AS n, CAST(${checksum} AS CHAR) AS checksum`;
}

/** Rows the driver's row stream buffers before it pauses the socket. */
const STREAM_ROWS = 1000;

async function connect(settings: ConnectionSettings): Promise<DataConnection> {
  let raw: mysql.Connection;
  try {
    raw = await (await loadMysql()).createConnection(connectionOptions(settings));
  } catch (error) {
    throw toParityError(error, settings, { connecting: true });
  }
  raw.on('error', () => {});
  let destroyed = false;
  const connection: DataConnection = {
    async query(sql, params = []) {
      try {
        // Without parameters the text is sent as it is: mysql2 would scan it for placeholders (a first pass's statements are 200 KB).
        return (await (params.length > 0 ? raw.query(sql, [...params]) : raw.query(sql)))[0] as Record<string, unknown>[];
      } catch (error) {
        throw toParityError(error, settings);
      }
    },
    async *stream(sql) {
      // Row streaming is on the callback connection the promise wrapper holds (not in its typings).
      const callbacks = (raw as unknown as { connection: CallbackConnection }).connection;
      const rows = callbacks.query(sql).stream({ highWaterMark: STREAM_ROWS });
      yield* streamedRows(rows, (error) => toParityError(error, settings), () => {
        // The rest of the result would still arrive before any other statement: drop the connection.
        destroyed = true;
        rows.destroy();
        raw.destroy();
      });
    },
    async describeResult(sql) {
      try {
        const [, fields] = await raw.query(`SELECT * FROM (${sql}) parity_query LIMIT 0`);
        return describeMysqlResult(fields as unknown as MysqlResultField[]);
      } catch (error) {
        throw toParityError(error, settings);
      }
    },
    close: async () => {
      if (!destroyed) await raw.end().catch(() => raw.destroy());
    },
  };
  return setUpSession(connection, mysqlData.sessionSetup);
}

/**
 * Stored key values join as their canonical texts do, so the primary keys serve the JOIN: integers
 * of any integer types (compared as numbers); otherwise the same column type and collation, where
 * equal texts are equal stored strings (a case-insensitive or space-padding collation only adds
 * matches, which the texts, compared too, reject). A UUID kept as text is lower-cased first, so it
 * joins raw only under a case-insensitive collation; MariaDB's UUID type always.
 */
function rawKeyJoin(source: DataColumn, target: DataColumn, plan: ColumnPlan): boolean {
  if (plan.kind === 'integer') return true;
  if (source.columnType !== target.columnType || source.collation !== target.collation) return false;
  if (plan.kind === 'uuid' && source.dataType !== 'uuid') return source.collation !== null && /_ci$/.test(source.collation);
  return true;
}

export const mysqlData: DataDialect = {
  name: 'mysql',
  displayName: 'MySQL',
  // Read only; an in-memory temporary table for grouping by up to ~65,000 key buckets.
  sessionSetup: ["SET time_zone = '+00:00'", 'SET SESSION TRANSACTION READ ONLY', 'SET SESSION tmp_table_size = 67108864, max_heap_table_size = 67108864'],
  quoteIdent,
  qualifiedName: (table) => qualifiedName(table.schema, table.name),
  placeholder: () => '?',
  classify,
  normalize,
  hashText,
  nativeText,
  // Through DECIMAL(65, 30) so floats round as decimals; the trailing zeros of that scale are dropped.
  significant: (column, digits) => {
    const col = quoteIdent(column.name);
    const text = utf8(`ROUND(CAST(${col} AS DECIMAL(65, 30)), ${digits} - 1 - FLOOR(LOG10(ABS(${col}))))`);
    return `CASE WHEN ${col} = 0 THEN '0' ELSE IF(LOCATE('.', ${text}) > 0, TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM ${text})), ${text}) END`;
  },
  encodeField: (e, nullEqualsEmpty) => `COALESCE(CONCAT(CHAR_LENGTH(${e}), ':', ${e}), ${quoteLiteral(nullEqualsEmpty ? '0:' : 'N')})`,
  concat: (parts) => `CONCAT(${parts.join(', ')})`,
  concatFields: (parts) => `CONCAT_WS('|', ${parts.join(', ')})`,
  charLength: (text) => `CHAR_LENGTH(${text})`,
  rowHashes,
  countAndChecksum,
  keyHash: (text) => `CAST(CONV(SUBSTRING(MD5(${text}), 1, 7), 16, 10) AS UNSIGNED)`,
  // 64-bit integer arithmetic; the key is at least `origin`, so DIV (which truncates) is floor.
  rangeBucket: (key, origin, width) => `(${key} - ${origin}) DIV ${width}`,
  // MariaDB's GROUP BY (a temporary table) costs more than reading the key ranges one SELECT each
  // (measured at 1M rows: +0.45 s grouped vs +80 µs per SELECT; bench/RESULTS.md). 16,384 buckets
  // at 10M rows (about 610 rows each) rather than 8,192: MariaDB↔MariaDB with 0.01% differences took
  // 23.4-25.0 s against 24.1-28.7 s, the finer first pass leaving half the rows to refine.
  rangeUnion: 16384,
  keyOrder,
  keyParam,
  readCatalog: readMysqlCatalog,
  async freeConnectionSlots(connection) {
    const [limit] = await connection.query('SELECT @@max_connections AS n');
    const [open] = await connection.query("SHOW GLOBAL STATUS LIKE 'Threads_connected'");
    const free = Number(limit?.['n']) - Number(open?.['Value']);
    return Number.isFinite(free) ? Math.max(0, free) : undefined;
  },
  connect,
  crossDatabaseQueries: true,
  fullOuterJoin: false,
  // utf8mb4 text as bytes: compared and ordered byte by byte (the driver returns a Buffer, read as UTF-8).
  byteText: (text) => `CAST(${text} AS BINARY)`,
  distinct: (a, b) => `NOT (${a} <=> ${b})`,
  rawKeyJoin,
  // A derived table with a LIMIT is never merged into the outer query: the server materializes it
  // and indexes it on the joined columns (derived_with_keys), a lookup instead of a nested loop.
  materializedTable: (select) => `${select} LIMIT 18446744073709551615`,
  async currentSchema(connection) {
    const [row] = await connection.query('SELECT DATABASE() AS name');
    return typeof row?.['name'] === 'string' ? row['name'] : '';
  },
  readOnly: (connection, fn) => withReadOnlySnapshot({ query: async (sql: string) => [await connection.query(sql), undefined] as [unknown, unknown] }, fn),
};
