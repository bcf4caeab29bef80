/**
 * Oracle expressions for data diff (Oracle 12.1 and later: STANDARD_HASH, FETCH FIRST; not yet run
 * against a live server). Every text is VARCHAR2 in the database character set (NCHAR, NVARCHAR2 and
 * NCLOB through TO_CHAR, CLOB through TO_CHAR too, which fails with ORA-22835 beyond 4000 bytes rather
 * than cut a value), lengths count code points (LENGTH4, as PostgreSQL's length), and hashes read the
 * text's UTF-8 bytes (UTL_I18N.STRING_TO_RAW(text, 'AL32UTF8'): right in any database character set,
 * where CONVERT to a character set other than the database's is unsupported). Every connection fixes
 * its NLS settings (sessionSetup), so no text depends on the client's locale; the format models used
 * spell the decimal point `.` anyway.
 *
 *   integer     TO_CHAR(col, 'TM9')                  NUMBER(p) / NUMBER(p,0) / INTEGER / NUMBER(p,-s)
 *   decimal     TO_CHAR(ROUND(col, scale), 'FM9..90.00'): half away from zero, exactly `scale` digits;
 *               NUMBER without precision and scale: its own digits (TM9, leading `0.` restored)
 *   float       BINARY_FLOAT/BINARY_DOUBLE/FLOAT(b) through NUMBER, rounded as decimals to `floatDigits`;
 *               NaN/±Infinity as PostgreSQL prints them; from 1e40 the server's own text
 *   boolean     BOOLEAN (23ai) as '0'/'1'; before 23ai NUMBER(1) is an integer
 *   timestamp   DATE (it has a time: whole seconds), TIMESTAMP(n), WITH TIME ZONE and WITH LOCAL TIME
 *               ZONE in UTC: SUBSTR(TO_CHAR(v, 'YYYY-MM-DD HH24:MI:SS.FF9'), 1, n): truncated
 *   uuid        text LOWER()ed (Oracle has no UUID type; RAW(16) is binary)
 *   char        RTRIM(col, ' ')                      text     VARCHAR2 as stored, the others TO_CHAR()ed
 *   json        JSON (21c) as JSON_SERIALIZE text; text with an IS JSON check is text
 *   binary      LOWER(RAWTOHEX(col)) of RAW
 * The empty string is NULL in Oracle: `emptyStringIsNull` (data-dialect.ts) makes pairs with Oracle
 * compare NULL and '' equal by default and the row text PostgreSQL's.
 * Refused: BLOB, LONG, LONG RAW, INTERVAL, ROWID/UROWID, XMLTYPE, BFILE, spatial and object types.
 */
import type { Connection } from 'oracledb';
import type { ConnectionSettings } from '../../config/connection.js';
import { ParityError } from '../../errors.js';
import { loadOracledb, loadedOracledb } from '../../dialects/drivers.js';
import { connectionAttributes, toParityError, withReadOnlyTransaction } from '../../dialects/oracle/oracle-connection.js';
import { qualifiedName, quoteIdent, quoteLiteral } from '../../dialects/oracle/oracle-quoting.js';
import type { RowHashName } from '../row-hash.js';
import { DEFAULT_FLOAT_DIGITS, floatExactLimit, ownKind, timestampTextLength } from './column-plan.js';
import { setUpSession } from './data-sql.js';
import type { Classification, ColumnPlan, DataColumn, DataConnection, DataDialect, Normalized, ValueKind } from './data-dialect.js';
import { oracleResultColumn, readOracleCatalog } from './oracle-catalog.js';

const KINDS: Readonly<Record<string, ValueKind | undefined>> = {
  float: 'float',
  binary_float: 'float',
  binary_double: 'float',
  boolean: 'boolean',
  date: 'timestamp',
  timestamp: 'timestamp',
  'timestamp with time zone': 'timestamp',
  'timestamp with local time zone': 'timestamp',
  char: 'char',
  nchar: 'char',
  varchar2: 'text',
  varchar: 'text',
  nvarchar2: 'text',
  clob: 'text',
  nclob: 'text',
  json: 'json',
  raw: 'binary',
};

const REFUSALS: Readonly<Record<string, string>> = {
  blob: 'BLOB values have no SQL text beyond 2000 bytes (RAW in SQL); compare a hash of them with -sourceQuery/-targetQuery',
  long: 'LONG columns cannot be read by SQL functions',
  'long raw': 'LONG RAW columns cannot be read by SQL functions',
  'interval year to month': 'intervals have no common text with other dialects',
  'interval day to second': 'intervals have no common text with other dialects',
  rowid: "a ROWID is a row's address, not its data",
  urowid: "a ROWID is a row's address, not its data",
  xmltype: 'XMLType has no canonical text',
  bfile: 'a BFILE points to a file outside the database',
  sdo_geometry: 'spatial types are not compared',
  vector: 'vectors are not compared',
};

function classify(column: DataColumn): Classification {
  if (column.dataType === 'number') {
    // NUMBER(p), NUMBER(p,0), INTEGER (NUMBER(*,0)) and a negative scale hold integers only.
    if (column.scale !== null && column.scale <= 0) return { kind: 'integer' };
    return { kind: 'decimal' };
  }
  const kind = KINDS[column.dataType];
  if (kind !== undefined) return { kind };
  return { refused: REFUSALS[column.dataType] ?? `no safe mapping for type ${column.columnType}` };
}

/** Types of the national character set (AL16UTF16 or UTF8) and LOBs: TO_CHAR brings them to VARCHAR2. */
const CONVERTED_TEXT = new Set(['nchar', 'nvarchar2', 'nclob', 'clob']);

/** A character column as VARCHAR2 in the database character set. */
function varchar(column: DataColumn): string {
  const col = quoteIdent(column.name);
  return CONVERTED_TEXT.has(column.dataType) ? `TO_CHAR(${col})` : col;
}

/** A number's own digits without exponent: TM9 writes 0.5 as `.5`, the leading zero is put back. */
function numberText(value: string): string {
  return `REGEXP_REPLACE(TO_CHAR(${value}, 'TM9'), '^(-?)\\.', '\\10.')`;
}

/** Integer digits a float's format model leaves room for (beyond, the server's own text is used). */
const FLOAT_INTEGER_DIGITS = 40;

/**
 * Integer digits a decimal's format model leaves room for: the column's own (precision less scale)
 * and one for a rounding carry; 39 for NUMBER without precision (38 significant digits and a carry).
 * A value with more prints as `#`s, which no other dialect's text equals.
 */
function integerDigits(column: DataColumn): number {
  return column.precision !== null ? Math.max(1, column.precision - (column.scale ?? 0)) + 1 : 39;
}

/** `FM999...990.00`: no padding, a leading zero, exactly `scale` fractional digits. */
function fixedFormat(scale: number, digits: number): string {
  return `'FM${'9'.repeat(digits - 1)}0${scale > 0 ? `.${'0'.repeat(scale)}` : ''}'`;
}

/** A NUMBER rounded half away from zero to `scale` digits, written with exactly that many. */
function fixedText(value: string, scale: number, digits: number): string {
  return `TO_CHAR(ROUND(${value}, ${scale}), ${fixedFormat(scale, digits)})`;
}

const BINARY_FLOATS = new Set(['binary_float', 'binary_double']);

/** NaN and infinities as PostgreSQL prints them, `otherwise` for finite values. */
function floatSpecials(column: DataColumn, otherwise: string): string {
  if (!BINARY_FLOATS.has(column.dataType)) return otherwise;
  const col = quoteIdent(column.name);
  return `CASE WHEN ${col} IS NAN THEN 'NaN' WHEN ${col} IS INFINITE THEN CASE WHEN ${col} > 0 THEN 'Infinity' ELSE '-Infinity' END ELSE ${otherwise} END`;
}

/** A float column as a NUMBER (exact for BINARY_FLOAT/BINARY_DOUBLE's finite values). */
function asNumber(column: DataColumn): string {
  const col = quoteIdent(column.name);
  return BINARY_FLOATS.has(column.dataType) ? `CAST(${col} AS NUMBER)` : col;
}

/** A timestamp column's value in UTC as a TIMESTAMP (DATE and TIMESTAMP are taken as UTC). */
function utcValue(column: DataColumn): string {
  const col = quoteIdent(column.name);
  if (column.dataType === 'timestamp with time zone') return `SYS_EXTRACT_UTC(${col})`;
  if (column.dataType === 'timestamp with local time zone') return `SYS_EXTRACT_UTC(CAST(${col} AS TIMESTAMP WITH TIME ZONE))`;
  return col;
}

function normalize(column: DataColumn, plan: ColumnPlan): Normalized {
  const own = ownKind(oracleData, column, plan);
  if ('refused' in own) return own;
  const col = quoteIdent(column.name);
  switch (plan.kind) {
    case 'integer':
    case 'boolean':
      return { sql: own.kind === 'boolean' ? `CASE WHEN ${col} THEN '1' WHEN NOT ${col} THEN '0' END` : `TO_CHAR(${col}, 'TM9')` };
    case 'decimal':
      return { sql: plan.scale === undefined ? numberText(col) : fixedText(col, plan.scale, integerDigits(column)) };
    case 'float': {
      const digits = plan.floatDigits ?? DEFAULT_FLOAT_DIGITS;
      // The other dialects switch to the server's text at floatExactLimit; here at 1e40 at the latest (the format's digits).
      const limit = Math.min(Number(floatExactLimit(digits)), 10 ** FLOAT_INTEGER_DIGITS);
      // Compared as the column's own type: a BINARY_DOUBLE beyond NUMBER's range (1e126) is never CAST.
      return { sql: floatSpecials(column, `CASE WHEN ABS(${col}) >= ${limit.toExponential().replace('e+', 'e')} THEN TO_CHAR(${col}) ELSE ${fixedText(asNumber(column), digits, FLOAT_INTEGER_DIGITS)} END`) };
    }
    case 'timestamp': {
      const digits = plan.timestampDigits ?? 0;
      if (column.dataType === 'date' && digits === 0) return { sql: `TO_CHAR(${col}, 'YYYY-MM-DD HH24:MI:SS')` };
      const value = column.dataType === 'date' ? `CAST(${col} AS TIMESTAMP)` : utcValue(column);
      return { sql: `SUBSTR(TO_CHAR(${value}, 'YYYY-MM-DD HH24:MI:SS.FF9'), 1, ${timestampTextLength(digits)})` };
    }
    case 'date':
      // Oracle's DATE holds a time: it is a timestamp (ownKind refuses a date plan before this).
      return { refused: 'Oracle has no date-only type' };
    case 'uuid':
      return { sql: own.kind === 'char' ? `LOWER(RTRIM(${varchar(column)}, ' '))` : `LOWER(${varchar(column)})` };
    case 'char':
      return { sql: `RTRIM(${varchar(column)}, ' ')` };
    case 'text':
      if (own.kind === 'json') return { sql: `JSON_SERIALIZE(${col} RETURNING VARCHAR2(4000))` };
      return { sql: own.kind === 'char' ? `RTRIM(${varchar(column)}, ' ')` : varchar(column) };
    case 'json':
      return { sql: `JSON_SERIALIZE(${col} RETURNING VARCHAR2(4000))` };
    case 'binary':
      return { sql: `LOWER(RAWTOHEX(${col}))` };
  }
}

/**
 * A numeric column rounded to `digits` significant digits. The exponent comes from the value's own
 * scientific text (`9.99...EEEE`), not from LOG(10, x), whose NUMBER result is not exact at powers of ten.
 */
function significant(column: DataColumn, digits: number): string {
  const value = asNumber(column);
  const scientific = `TO_CHAR(ABS(${value}), 'FM9.${'9'.repeat(37)}EEEE')`;
  const exponent = `TO_NUMBER(SUBSTR(${scientific}, INSTR(${scientific}, 'E') + 1))`;
  return floatSpecials(column, `CASE WHEN ${value} = 0 THEN '0' ELSE ${numberText(`ROUND(${value}, ${digits} - 1 - ${exponent})`)} END`);
}

/** The first `hexDigits` hex digits of the MD5 of a text's UTF-8 bytes, as a NUMBER. */
function md5Prefix(text: string, hexDigits: number): string {
  const md5 = `RAWTOHEX(STANDARD_HASH(UTL_I18N.STRING_TO_RAW(${text}, 'AL32UTF8'), 'MD5'))`;
  return `TO_NUMBER(SUBSTR(${md5}, 1, ${hexDigits}), '${'X'.repeat(hexDigits)}')`;
}

/**
 * md5 only. The sum is a NUMBER, exact to 38 digits: a 60-bit hash is below 1.2e18, so about 8.6e19
 * rows sum exactly; TM9 writes up to 64 characters without exponent.
 */
function countAndChecksum(hash: RowHashName, text: string): string {
  if (hash !== 'md5') throw new ParityError('INTERNAL_ERROR', `row hash ${hash} is not available on Oracle`);
  return `TO_CHAR(COUNT(*), 'TM9') AS n, TO_CHAR(NVL(SUM(${md5Prefix(text, 15)}), 0), 'TM9') AS checksum`;
}

/**
 * Integers compare as themselves. Text compares by its bytes in the database character set: the
 * session's NLS_COMP and NLS_SORT are BINARY, so `col >= :1` and ORDER BY col compare bytes (and an
 * index on the column serves them); in AL32UTF8 that is UTF-8 byte order, the order of every dialect.
 * NCHAR/NVARCHAR2/CLOB keys are TO_CHAR()ed first (AL16UTF16's order is not UTF-8's), CHAR keys
 * compared without their trailing spaces, as PostgreSQL's char::text.
 */
function keyOrder(column: DataColumn, plan: ColumnPlan): string {
  const col = quoteIdent(column.name);
  switch (plan.kind) {
    case 'integer':
      return col;
    case 'uuid':
    case 'char':
    case 'text': {
      const normalized = normalize(column, plan);
      if ('sql' in normalized) return normalized.sql;
      throw new ParityError('UNSUPPORTED', `column ${column.name} (${column.columnType}) cannot be a key: ${normalized.refused}`);
    }
    default:
      throw new ParityError('UNSUPPORTED', `column ${column.name} (${column.columnType}) cannot be a key compared as ${plan.kind}`);
  }
}

/** An integer key's parameter is a number (a string compared with a NUMBER would be converted anyway; said here). */
function keyParam(_column: DataColumn, plan: ColumnPlan, placeholder: string): string {
  return plan.kind === 'integer' ? `TO_NUMBER(${placeholder})` : placeholder;
}

/** CONCAT_WS('|', ...): each non-NULL part after a `|`, the first `|` cut off. An empty part is NULL here and left out too. */
function concatFields(parts: readonly string[]): string {
  return `SUBSTR(${parts.map((p) => `NVL2(${p}, '|' || ${p}, NULL)`).join(' || ')}, 2)`;
}

/** NUMBER, DATE, TIMESTAMP and CLOB cells come back as strings (never a lossy JS number or a Date, nor a Lob to read). */
export function oracleFetchType(metaData: { dbType?: unknown }): { type: unknown } | undefined {
  const oracledb = loadedOracledb();
  const asString = [oracledb.DB_TYPE_NUMBER, oracledb.DB_TYPE_DATE, oracledb.DB_TYPE_TIMESTAMP, oracledb.DB_TYPE_TIMESTAMP_TZ, oracledb.DB_TYPE_TIMESTAMP_LTZ, oracledb.DB_TYPE_CLOB, oracledb.DB_TYPE_NCLOB];
  return asString.includes(metaData.dbType as never) ? { type: oracledb.STRING } : undefined;
}

/** Result rows keyed by lower-case names: Oracle upper-cases unquoted aliases (`AS n` comes back as `N`). */
export function lowerCaseKeys(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key.toLowerCase()] = value;
  return out;
}

/** Rows fetched per round trip by `stream`. */
const FETCH_ROWS = 1000;

/** Statements run as they are: the session's settings and transaction control. */
const SESSION_OR_TRANSACTION = /^\s*(ALTER\s+SESSION|SET\s+TRANSACTION|COMMIT|ROLLBACK)\b/i;

/**
 * A data connection. Oracle has no read-only session, so every other statement runs in a transaction
 * of its own opened with `SET TRANSACTION READ ONLY` (the server refuses writes in it) and ended with
 * COMMIT, unless `readOnly` (join-diff) already opened one for several statements.
 */
async function connect(settings: ConnectionSettings): Promise<DataConnection> {
  let raw: Connection;
  try {
    raw = await (await loadOracledb()).getConnection(connectionAttributes(settings));
  } catch (error) {
    throw toParityError(error, settings, { connecting: true });
  }
  const options = { outFormat: loadedOracledb().OUT_FORMAT_OBJECT, fetchTypeHandler: oracleFetchType };
  let inTransaction = false;
  const run = async (sql: string, params: readonly string[] = [], extra: Record<string, unknown> = {}) => {
    try {
      return await raw.execute<Record<string, unknown>>(sql, [...params], { ...options, ...extra });
    } catch (error) {
      throw toParityError(error, settings);
    }
  };
  /** Runs `fn` in a read-only transaction of its own, or in the one `readOnly` opened. */
  const readOnlyStatement = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (inTransaction) return fn();
    await run('SET TRANSACTION READ ONLY');
    try {
      return await fn();
    } finally {
      await run('COMMIT').catch(() => {});
    }
  };
  const connection: DataConnection = {
    async query(sql, params = []) {
      if (!SESSION_OR_TRANSACTION.test(sql)) return readOnlyStatement(async () => ((await run(sql, params)).rows ?? []).map(lowerCaseKeys));
      const rows = ((await run(sql, params)).rows ?? []).map(lowerCaseKeys);
      if (/^\s*SET\s+TRANSACTION/i.test(sql)) inTransaction = true;
      else if (/^\s*(COMMIT|ROLLBACK)\b/i.test(sql)) inTransaction = false;
      return rows;
    },
    async *stream(sql) {
      const own = !inTransaction;
      if (own) await run('SET TRANSACTION READ ONLY');
      const rows = raw.queryStream(sql, [], { ...options, fetchArraySize: FETCH_ROWS });
      try {
        for await (const row of rows) yield lowerCaseKeys(row as Record<string, unknown>);
      } catch (error) {
        throw toParityError(error, settings);
      } finally {
        // Stopping early closes the cursor (the connection stays usable).
        rows.destroy();
        if (own) await run('COMMIT').catch(() => {});
      }
    },
    async describeResult(sql) {
      const result = await readOnlyStatement(() => run(`SELECT * FROM (${sql}) parity_query WHERE 1 = 0`));
      return (result.metaData ?? []).map((field) => oracleResultColumn(field));
    },
    close: () => raw.close().catch(() => {}),
  };
  return setUpSession(connection, oracleData.sessionSetup);
}

export const oracleData: DataDialect = {
  name: 'oracle',
  displayName: 'Oracle',
  // Texts independent of the client's locale; UTC for WITH LOCAL TIME ZONE and users' filters; byte comparisons.
  sessionSetup: [
    "ALTER SESSION SET TIME_ZONE = '+00:00'",
    "ALTER SESSION SET NLS_NUMERIC_CHARACTERS = '.,'",
    "ALTER SESSION SET NLS_DATE_FORMAT = 'YYYY-MM-DD HH24:MI:SS'",
    "ALTER SESSION SET NLS_TIMESTAMP_FORMAT = 'YYYY-MM-DD HH24:MI:SS.FF'",
    "ALTER SESSION SET NLS_TIMESTAMP_TZ_FORMAT = 'YYYY-MM-DD HH24:MI:SS.FF TZH:TZM'",
    'ALTER SESSION SET NLS_COMP = BINARY',
    'ALTER SESSION SET NLS_SORT = BINARY',
  ],
  quoteIdent,
  qualifiedName: (table) => qualifiedName(table.schema, table.name),
  placeholder: (n) => `:${n}`,
  rowValueComparison: false,
  limit: (n) => ` FETCH FIRST ${n} ROWS ONLY`,
  fromNothing: ' FROM DUAL',
  emptyStringIsNull: true,
  classify,
  normalize,
  significant,
  encodeField: (e, nullEqualsEmpty) => `NVL2(${e}, LENGTH4(${e}) || ':' || ${e}, ${quoteLiteral(nullEqualsEmpty ? '0:' : 'N')})`,
  concat: (parts) => parts.join(' || '),
  concatFields,
  charLength: (text) => `LENGTH4(${text})`,
  rowHashes: async () => ['md5'],
  countAndChecksum,
  keyHash: (text) => md5Prefix(text, 7),
  // NUMBER arithmetic is exact: the quotient floored.
  rangeBucket: (key, origin, width) => `FLOOR((${key} - ${origin}) / ${width})`,
  keyOrder,
  keyParam,
  readCatalog: readOracleCatalog,
  connect,
  // A connection reads every schema (user) of its database, not other databases.
  crossDatabaseQueries: false,
  fullOuterJoin: true,
  // Every canonical text is VARCHAR2, compared and grouped by its bytes under the session's NLS_COMP = BINARY.
  byteText: (text) => text,
  // DECODE takes two NULLs as equal.
  distinct: (a, b) => `DECODE(${a}, ${b}, 0, 1) = 1`,
  async currentSchema(connection) {
    const [row] = await connection.query(`SELECT SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') AS name FROM DUAL`);
    return typeof row?.['name'] === 'string' ? row['name'] : '';
  },
  readOnly: (connection, fn) => withReadOnlyTransaction({ execute: async <T>(sql: string) => ({ rows: (await connection.query(sql)) as T[] }) }, () => fn()),
};
