/**
 * SQL Server expressions for data diff (SQL Server 2019 or later: UTF-8 collations). Built and tested
 * offline (golden T-SQL, the hash arithmetic against the reference in row-hash.ts, the driver's
 * objects): not yet run against a live server.
 *
 * Texts. Every canonical text of a text-like kind is NVARCHAR(MAX) labelled with one binary
 * collation (`Latin1_General_100_BIN2_UTF8`), so columns of different collations meet without a
 * conflict and nothing is cut at 4,000/8,000 characters. Numbers, dates and hex are ASCII VARCHAR.
 * Where bytes matter (MD5, key order, the JOIN's comparisons) the text is converted to VARCHAR(MAX)
 * under that UTF-8 collation (`CAST(x COLLATE ..._UTF8 AS VARCHAR(MAX))`: the cast takes the input's
 * collation, so the conversion is to UTF-8, the bytes PostgreSQL and MySQL hash) and, for order and
 * equality, on to VARBINARY(MAX): SQL Server compares strings padded with spaces (`'a' = 'a '`, and
 * `'a\t'` sorts before `'a'`) whatever the collation, bytes are compared as bytes.
 *
 *   integer, bit   CONVERT(VARCHAR(20), col)            decimal, money   CAST(col AS DECIMAL(38, scale)):
 *                                                        rounds half away from zero
 *   float          CAST(CAST(col AS FLOAT) AS DECIMAL(38, d)); at or beyond 10^(38-d) style 3 (17 digits)
 *   timestamp      LEFT(CONVERT(VARCHAR(27), CAST(col AS DATETIME2(7)), 121), n): truncated; DATETIME
 *                  through style 121 itself (its 1/300 s ticks print as milliseconds); DATETIMEOFFSET
 *                  through SWITCHOFFSET(col, '+00:00') (UTC); DATETIME2 and DATETIME taken as UTC
 *   date           CONVERT(VARCHAR(10), col, 23)       uuid     LOWER(CONVERT(VARCHAR(36), col))
 *   char           RTRIM (spaces only)                 text     as stored
 *   binary         LOWER(CONVERT(VARCHAR(MAX), col, 2))
 * Refused: time, xml, sql_variant, geography, geometry, hierarchyid, rowversion (`timestamp`), json.
 *
 * Lengths: LEN under a supplementary-character (SC) collation counts a surrogate pair as one
 * character (as PostgreSQL counts code points), and `LEN(x + N'x') - 1` keeps trailing spaces.
 * Hashes: HASHBYTES('MD5', UTF-8 text) (no 8,000-byte input limit from SQL Server 2016); the row hash
 * is the first 8 bytes as a signed BIGINT, its low 4 bits cleared, divided by 16 and masked to 60 bits
 * (two's complement: the unsigned value shifted right by 4 = the first 15 hex digits), summed exactly
 * as DECIMAL(38,0) (10^38 > 2^126: more than 2^66 rows of hashes below 2^60).
 */
import type { ConnectionPool, Request, Transaction } from 'mssql';
import type { ConnectionSettings } from '../../config/connection.js';
import { ParityError } from '../../errors.js';
import { loadMssql } from '../../dialects/drivers.js';
import { connectPool, toParityError } from '../../dialects/sqlserver/sqlserver-connection.js';
import { qualifiedName, quoteIdent, quoteString } from '../../dialects/sqlserver/sqlserver-quoting.js';
import type { RowHashName } from '../row-hash.js';
import { DEFAULT_FLOAT_DIGITS, KEY_KINDS, ownKind, timestampTextLength } from './column-plan.js';
import type { Classification, ColumnPlan, DataColumn, DataConnection, DataDialect, Normalized, ValueKind } from './data-dialect.js';
import { normalizedSql, setUpSession, streamedRows } from './data-sql.js';
import { describeSqlServerResult, readSqlServerCatalog, type SqlServerResultColumn } from './sqlserver-catalog.js';

/** The binary UTF-8 collation (SQL Server 2019): VARCHAR text in it is UTF-8, ordered by code point. */
export const UTF8_COLLATION = 'Latin1_General_100_BIN2_UTF8';
/** A supplementary-character collation: LEN counts a surrogate pair as one character. */
const SC_COLLATION = 'Latin1_General_100_CI_AS_SC';

const KINDS: Readonly<Record<string, ValueKind | undefined>> = {
  tinyint: 'integer',
  smallint: 'integer',
  int: 'integer',
  bigint: 'integer',
  bit: 'boolean',
  decimal: 'decimal',
  numeric: 'decimal',
  money: 'decimal',
  smallmoney: 'decimal',
  float: 'float',
  real: 'float',
  datetime: 'timestamp',
  datetime2: 'timestamp',
  smalldatetime: 'timestamp',
  datetimeoffset: 'timestamp',
  date: 'date',
  uniqueidentifier: 'uuid',
  char: 'char',
  nchar: 'char',
  varchar: 'text',
  nvarchar: 'text',
  text: 'text',
  ntext: 'text',
  sysname: 'text',
  binary: 'binary',
  varbinary: 'binary',
  image: 'binary',
};

const REFUSALS: Readonly<Record<string, string>> = {
  time: 'time of day is not compared yet',
  timestamp: 'rowversion values are assigned by each server and differ between copies by nature',
  rowversion: 'rowversion values are assigned by each server and differ between copies by nature',
  xml: "xml is stored in SQL Server's own normalized form (whitespace, attribute quoting, entities): its text is not the other servers'",
  sql_variant: 'sql_variant values have no common text with other dialects',
  geography: 'spatial types are not compared',
  geometry: 'spatial types are not compared',
  hierarchyid: 'hierarchyid has no common text with other dialects',
  json: "SQL Server's json type has no canonical text shared with the other dialects yet",
};

function classify(column: DataColumn): Classification {
  const kind = KINDS[column.dataType];
  if (kind !== undefined) return { kind };
  return { refused: REFUSALS[column.dataType] ?? `no safe mapping for type ${column.columnType}` };
}

/** A text expression as NVARCHAR(MAX) in the one binary collation. */
function ntext(sql: string): string {
  return `CAST(${sql} AS NVARCHAR(MAX)) COLLATE ${UTF8_COLLATION}`;
}

/** A text expression's UTF-8 bytes as VARCHAR(MAX) (the cast converts to the input's collation's code page: UTF-8). */
export function utf8(sql: string): string {
  return `CAST((${sql}) COLLATE ${UTF8_COLLATION} AS VARCHAR(MAX))`;
}

/** A text expression's UTF-8 bytes, compared and ordered as bytes (no space padding). */
function utf8Bytes(sql: string): string {
  return `CAST(${utf8(sql)} AS VARBINARY(MAX))`;
}

/**
 * A number's text without the trailing zeros of its fraction nor a bare `.` (`12.50` -> `12.5`,
 * `3.000` -> `3`, `100` stays): zeros made spaces, RTRIM, spaces made zeros again.
 */
export function trimFraction(text: string): string {
  const trimmed = `REPLACE(RTRIM(REPLACE(${text}, '0', ' ')), ' ', '0')`;
  return `CASE WHEN CHARINDEX('.', ${text}) = 0 THEN ${text} ELSE LEFT(${trimmed}, LEN(${trimmed}) - CASE WHEN RIGHT(${trimmed}, 1) = '.' THEN 1 ELSE 0 END) END`;
}

/** The column as DATETIME2(7) in UTC (DATETIMEOFFSET switched to +00:00; the others taken as UTC). */
function utcDatetime2(column: DataColumn, col: string): string {
  return column.dataType === 'datetimeoffset' ? `CAST(SWITCHOFFSET(${col}, '+00:00') AS DATETIME2(7))` : `CAST(${col} AS DATETIME2(7))`;
}

/** `YYYY-MM-DD HH:MM:SS[.f]` with `digits` fractional digits, truncated. */
function timestampText(column: DataColumn, col: string, digits: number): string {
  const length = timestampTextLength(digits);
  // DATETIME counts 1/300 s: style 121 prints it as SQL Server shows it (.007), DATETIME2 as .0066667.
  if (column.dataType === 'datetime') return `LEFT(CONVERT(VARCHAR(23), ${col}, 121), ${length})`;
  if (column.dataType === 'smalldatetime') return `CONVERT(VARCHAR(19), ${col}, 120)`;
  return `LEFT(CONVERT(VARCHAR(27), ${utcDatetime2(column, col)}, 121), ${length})`;
}

/** SQL Server's DECIMAL holds 38 digits: floats from 10^(38 - digits) print as the server's own float text. */
function floatDecimalLimit(digits: number): string {
  return `1e${38 - digits}`;
}

/** The canonical text of column `col` (of its own kind `own`) under `plan`. */
function canonicalText(column: DataColumn, own: ValueKind, plan: ColumnPlan): string {
  const col = quoteIdent(column.name);
  switch (plan.kind) {
    case 'integer':
    case 'boolean':
      return `CONVERT(VARCHAR(20), ${col})`;
    case 'decimal':
      // A DECIMAL prints with exactly its scale; CAST rounds half away from zero (money prints 2 digits by itself).
      if (plan.scale === undefined) return trimFraction(`CONVERT(VARCHAR(50), CAST(${col} AS DECIMAL(38, ${column.scale ?? 0})))`);
      return `CONVERT(VARCHAR(50), CAST(${col} AS DECIMAL(38, ${plan.scale})))`;
    case 'float': {
      const digits = plan.floatDigits ?? DEFAULT_FLOAT_DIGITS;
      const value = `CAST(${col} AS FLOAT)`;
      return `CASE WHEN ABS(${value}) >= ${floatDecimalLimit(digits)} THEN CONVERT(VARCHAR(30), ${value}, 3) ELSE CONVERT(VARCHAR(50), CAST(${value} AS DECIMAL(38, ${digits}))) END`;
    }
    case 'timestamp':
      return timestampText(column, col, plan.timestampDigits ?? 0);
    case 'date':
      return `CONVERT(VARCHAR(10), ${col}, 23)`;
    case 'uuid':
      return own === 'uuid' ? `LOWER(CONVERT(VARCHAR(36), ${col}))` : `LOWER(${ntext(col)})`;
    case 'char':
      return `RTRIM(${ntext(col)})`;
    case 'text':
    case 'json':
      // A CHAR column's text has no trailing spaces on PostgreSQL and MySQL either.
      return own === 'char' ? `RTRIM(${ntext(col)})` : ntext(col);
    case 'binary':
      return `LOWER(CONVERT(VARCHAR(MAX), ${column.dataType === 'image' ? `CAST(${col} AS VARBINARY(MAX))` : col}, 2))`;
  }
}

function normalize(column: DataColumn, plan: ColumnPlan): Normalized {
  const own = ownKind(sqlserverData, column, plan);
  return 'refused' in own ? own : { sql: canonicalText(column, own.kind, plan) };
}

/**
 * A timestamp as the row text holds it (row-hash.ts `timestampField`): without its fraction's
 * trailing zeros nor a bare `.`; the seconds part is kept whole, the fraction trimmed on its own.
 */
function hashText(column: DataColumn, plan: ColumnPlan): string | undefined {
  if (plan.kind !== 'timestamp' || (plan.timestampDigits ?? 0) === 0) return undefined;
  const normalized = normalize(column, plan);
  if (!('sql' in normalized)) return undefined;
  const text = normalized.sql;
  const digits = `REPLACE(RTRIM(REPLACE(SUBSTRING(${text}, 21, ${plan.timestampDigits}), '0', ' ')), ' ', '0')`;
  return `LEFT(${text}, 19) + COALESCE('.' + NULLIF(${digits}, ''), '')`;
}

/** The first 8 bytes of MD5 as the unsigned 64-bit value shifted right by 4 (60 bits), from a signed BIGINT. */
function md5Sixty(text: string): string {
  return `((CAST(SUBSTRING(HASHBYTES('MD5', ${utf8(text)}), 1, 8) AS BIGINT) & -16) / 16) & CAST(1152921504606846975 AS BIGINT)`;
}

function countAndChecksum(hash: RowHashName, text: string): string {
  if (hash !== 'md5') throw new ParityError('INTERNAL_ERROR', `row hash ${hash} is not available on SQL Server`);
  // COUNT_BIG: COUNT(*) is an INT and fails beyond 2^31 - 1 rows.
  return `CONVERT(VARCHAR(20), COUNT_BIG(*)) AS n, CONVERT(VARCHAR(40), COALESCE(SUM(CAST(${md5Sixty(text)} AS DECIMAL(38, 0))), 0)) AS checksum`;
}

/** The first 4 bytes of MD5 as a signed INT, shifted right by 4 as unsigned: the first 7 hex digits (28 bits). */
function keyHash(text: string): string {
  return `(((CAST(SUBSTRING(HASHBYTES('MD5', ${utf8(text)}), 1, 4) AS INT) & -16) / 16) & 268435455)`;
}

/** `COALESCE(...)` pieces of `CONCAT_WS('|', ...)`: each non-NULL part preceded by `|`, the first `|` removed. */
function concatFields(parts: readonly string[]): string {
  // Each part cast to text: `+` of a string and an INT (a framed field's length) would convert the string to INT.
  const pieces = parts.map((p) => `COALESCE(N'|' + CAST(${p} AS NVARCHAR(MAX)), N'')`);
  // NVARCHAR(MAX) first, so the sum is never cut at 4,000 characters; CONCAT_WS takes 2 to 254 arguments.
  return `COALESCE(STUFF(CAST(N'' AS NVARCHAR(MAX)) + ${pieces.join(' + ')}, 1, 1, N''), N'')`;
}

function charLength(text: string): string {
  return `(LEN(CAST(${text} AS NVARCHAR(MAX)) COLLATE ${SC_COLLATION} + N'x') - 1)`;
}

/** Integers compare as themselves; texts (and UUID texts) by their UTF-8 bytes. */
function keyOrder(column: DataColumn, plan: ColumnPlan): string {
  if (!KEY_KINDS.includes(plan.kind)) throw new ParityError('UNSUPPORTED', `column ${column.name} (${column.columnType}) cannot be a key compared as ${plan.kind}`);
  return plan.kind === 'integer' ? quoteIdent(column.name) : utf8Bytes(normalizedSql(sqlserverData, { column, plan }));
}

/** mssql sends strings as NVARCHAR: integers are cast, texts made UTF-8 bytes as the key is. */
function keyParam(_column: DataColumn, plan: ColumnPlan, placeholder: string): string {
  return plan.kind === 'integer' ? `CAST(${placeholder} AS BIGINT)` : utf8Bytes(`CAST(${placeholder} AS NVARCHAR(MAX))`);
}

/**
 * A relative tolerance's grid: the value rounded to `digits` significant digits (ROUND with a
 * computed length), as text without trailing fractional zeros.
 */
function significant(column: DataColumn, digits: number): string {
  const col = quoteIdent(column.name);
  const own = classify(column);
  const float = 'kind' in own && own.kind === 'float';
  const value = float ? `CAST(CAST(${col} AS FLOAT) AS DECIMAL(38, 18))` : `CAST(${col} AS DECIMAL(38, ${column.scale ?? 0}))`;
  const rounded = `CONVERT(VARCHAR(50), ROUND(${value}, ${digits} - 1 - CAST(FLOOR(LOG10(ABS(CAST(${col} AS FLOAT)))) AS INT)))`;
  // DECIMAL(38, 18) holds floats below 10^20; larger ones as the server's float text (17 digits).
  const large = float ? ` WHEN ABS(CAST(${col} AS FLOAT)) >= 1e20 THEN CONVERT(VARCHAR(30), CAST(${col} AS FLOAT), 3)` : '';
  return `CASE WHEN ${col} = 0 THEN '0'${large} ELSE ${trimFraction(rounded)} END`;
}

/**
 * Stored keys may be joined too (so the server looks rows up by index instead of comparing computed
 * bytes): integers of any integer types; otherwise the same declared type and collation, where equal
 * canonical texts are equal stored values (a case-insensitive collation, or SQL Server's
 * trailing-space padding, only adds matches, which the compared texts reject).
 */
function rawKeyJoin(source: DataColumn, target: DataColumn, plan: ColumnPlan): boolean {
  return plan.kind === 'integer' || (source.columnType === target.columnType && source.collation === target.collation);
}

/** Rows the stream holds before it pauses the request. */
const STREAM_ROWS = 1000;

/** What a connection's `readOnly` needs: the pool and the transaction queries go through meanwhile. */
interface Session {
  readonly pool: ConnectionPool;
  transaction: Transaction | undefined;
}
const sessions = new WeakMap<DataConnection, Session>();

/** A request on the session's transaction, or on the pool; parameters `@p1`.. as NVARCHAR. */
function request(session: Session, params: readonly string[]): Request {
  const r = session.transaction !== undefined ? session.transaction.request() : session.pool.request();
  params.forEach((value, i) => r.input(`p${i + 1}`, value));
  return r;
}

/**
 * Runs `text` on a request: with parameters through sp_executesql (mssql's `query`), without as a
 * plain batch (`batch`): a SET in sp_executesql lasts only until it returns, so the session's
 * `SET DATEFORMAT` and the like must be batches.
 */
export async function runRequest(r: Pick<Request, 'query' | 'batch'>, text: string, params: readonly string[]): Promise<Record<string, unknown>[]> {
  const result = params.length === 0 ? await r.batch<Record<string, unknown>>(text) : await r.query<Record<string, unknown>>(text);
  return result.recordset ?? [];
}

async function connect(settings: ConnectionSettings): Promise<DataConnection> {
  const pool = await connectPool(settings, { readOnly: true });
  const session: Session = { pool, transaction: undefined };
  const query = async (text: string, params: readonly string[] = []) => {
    try {
      return await runRequest(request(session, params), text, params);
    } catch (error) {
      throw toParityError(error, settings);
    }
  };
  const connection: DataConnection = {
    query,
    async *stream(text) {
      const r = request(session, []);
      const rows = r.toReadableStream({ highWaterMark: STREAM_ROWS });
      // In stream mode mssql reports a failure as an 'error' event (the readable stream ends with it) and
      // resolves the promise anyway (node_modules/mssql/lib/base/request.js, query).
      r.query(text).catch(() => {});
      // Stopped early: the server stops sending (an attention), the connection stays usable.
      yield* streamedRows(rows, (error) => toParityError(error, settings), () => {
        r.cancel();
        rows.destroy();
      });
    },
    async describeResult(text) {
      const rows = (await query('EXEC sp_describe_first_result_set @tsql = @p1', [text])) as unknown as SqlServerResultColumn[];
      return describeSqlServerResult(rows);
    },
    close: () => pool.close().catch(() => {}),
  };
  sessions.set(connection, session);
  return setUpSession(connection, sqlserverData.sessionSetup);
}

/**
 * SNAPSHOT when the database allows it (ALLOW_SNAPSHOT_ISOLATION ON: every query reads the
 * transaction's first snapshot, and takes no locks), else REPEATABLE READ (rows once read cannot
 * change until the end; rows inserted meanwhile may appear). Nothing in it writes, and it is always
 * rolled back, never committed.
 */
async function readOnly<T>(connection: DataConnection, fn: () => Promise<T>): Promise<T> {
  const session = sessions.get(connection);
  if (session === undefined) throw new ParityError('INTERNAL_ERROR', 'not a SQL Server data connection');
  const [row] = await connection.query('SELECT snapshot_isolation_state AS state FROM sys.databases WHERE database_id = DB_ID()');
  const { ISOLATION_LEVEL } = await loadMssql();
  const level = Number(row?.['state']) === 1 ? ISOLATION_LEVEL.SNAPSHOT : ISOLATION_LEVEL.REPEATABLE_READ;
  const transaction = session.pool.transaction();
  await transaction.begin(level);
  session.transaction = transaction;
  try {
    return await fn();
  } finally {
    session.transaction = undefined;
    await transaction.rollback().catch(() => {});
  }
}

export const sqlserverData: DataDialect = {
  name: 'sqlserver',
  displayName: 'SQL Server',
  // NULL + text is NULL (the default; the row text relies on it); ISO dates for users' -where filters.
  sessionSetup: ['SET CONCAT_NULL_YIELDS_NULL ON', 'SET DATEFORMAT ymd'],
  quoteIdent,
  qualifiedName: (table) => qualifiedName(table.schema, table.name),
  placeholder: (n) => `@p${n}`,
  modulo: (a, m) => `((${a}) % ${m})`,
  // BIGINT throughout: a literal beyond INT is NUMERIC, whose `/` would keep the fraction.
  rangeBucket: (key, origin, width) => `((CAST(${key} AS BIGINT) - CAST(${origin} AS BIGINT)) / CAST(${width} AS BIGINT))`,
  rowValueComparison: false,
  countRows: 'COUNT_BIG(*)',
  limit: (n, ordered) => `${ordered ? '' : ' ORDER BY (SELECT NULL)'} OFFSET 0 ROWS FETCH NEXT ${n} ROWS ONLY`,
  classify,
  normalize,
  hashText,
  significant,
  encodeField: (e, nullEqualsEmpty) => `COALESCE(CONVERT(NVARCHAR(20), ${charLength(e)}) + N':' + ${e}, ${quoteString(nullEqualsEmpty ? '0:' : 'N')})`,
  concat: (parts) => (parts.length === 1 ? parts[0]! : `CAST(N'' AS NVARCHAR(MAX)) + ${parts.join(' + ')}`),
  concatFields,
  charLength,
  rowHashes: async () => ['md5'],
  countAndChecksum,
  keyHash,
  keyOrder,
  keyParam,
  readCatalog: readSqlServerCatalog,
  connect,
  // Three-part names could read another database of the server; parity qualifies with the schema only.
  crossDatabaseQueries: false,
  fullOuterJoin: true,
  byteText: utf8Bytes,
  rawKeyJoin,
  // IS DISTINCT FROM only from SQL Server 2022.
  distinct: (a, b) => `(${a} <> ${b} OR (${a} IS NULL AND ${b} IS NOT NULL) OR (${a} IS NOT NULL AND ${b} IS NULL))`,
  async currentSchema(connection) {
    const [row] = await connection.query('SELECT SCHEMA_NAME() AS name');
    return typeof row?.['name'] === 'string' ? row['name'] : '';
  },
  readOnly,
};
