/**
 * The dialect-neutral side of data diff's SQL: what a table looks like to data diff, how each value
 * is compared (a ColumnPlan), and the hooks a dialect implements so that equal data produces equal
 * normalized text, equal row hashes and equal per-range checksums on every server.
 *
 * Canonical text per kind (identical on every dialect for equal data):
 *   integer    decimal digits, `-` sign                              `-42`
 *   decimal    rounded half away from zero to `scale` digits, no exponent   `12.30`
 *   float      rounded to `floatDigits` fractional digits, no exponent      `0.333333`
 *   boolean    `0` / `1`
 *   timestamp  UTC, `YYYY-MM-DD HH:MM:SS[.f]` with exactly `timestampDigits` digits, truncated
 *   date       `YYYY-MM-DD`
 *   uuid       lower-case hyphenated
 *   char       trailing spaces removed
 *   text       as stored
 *   json       the server's canonical JSON text (see each dialect)
 *   binary     lower-case hex
 * NULL is SQL NULL in row values, and a marker in row hashes that no value can produce.
 */
import type { ConnectionSettings } from '../../config/connection.js';
import type { DialectName } from '../../dialects/dialect-names.js';
import type { RowHashName } from '../row-hash.js';
import type { BucketFilter } from '../table-side.js';
import type { Tolerance } from '../tolerance.js';
import type { CatalogScope, CatalogTable } from './catalog.js';

/** A data dialect answers to its schema dialect's name (src/dialects/dialect-names.ts). */
export type DataDialectName = DialectName;

/** How a value is compared. */
export type ValueKind = 'integer' | 'decimal' | 'float' | 'boolean' | 'timestamp' | 'date' | 'uuid' | 'char' | 'text' | 'json' | 'binary';

/** A table: schema `''` means the connection's current schema (PostgreSQL) or database (MySQL). */
export interface TableRef {
  readonly schema: string;
  readonly name: string;
  /** Query mode (`-sourceQuery`/`-targetQuery`): a SELECT read as a derived table instead of a table. */
  readonly query?: string;
}

/** One column as the server describes it. */
export interface DataColumn {
  readonly name: string;
  /** The server's type name, lower-case: `numeric`, `timestamp with time zone`, `tinyint`, `datetime`. */
  readonly dataType: string;
  /** The full declared type: `numeric(12,4)`, `tinyint(1)`, `char(36)`, `bigint unsigned`. */
  readonly columnType: string;
  readonly precision: number | null;
  readonly scale: number | null;
  readonly datetimePrecision: number | null;
  readonly length: number | null;
  readonly nullable: boolean;
  /** The column's collation (MySQL), or null. */
  readonly collation: string | null;
}

export interface TableDescription {
  readonly table: TableRef;
  readonly columns: readonly DataColumn[];
  /** True when a primary key or a unique index (no expressions, no predicate) covers exactly the key columns. */
  readonly keyUnique: boolean;
}

/** The kind a column can be compared as, or why it cannot be compared safely. */
export type Classification = { readonly kind: ValueKind } | { readonly refused: string };

/** How one column is compared; both sides of a pair get the same plan (see column-plan.ts). */
export interface ColumnPlan {
  readonly kind: ValueKind;
  /** decimal: digits after the point (the lower scale of the two sides); undefined keeps the value's own scale, trailing zeros removed. */
  readonly scale?: number;
  /** float: fractional digits kept (the declared tolerance). */
  readonly floatDigits?: number;
  /** timestamp: fractional second digits kept, truncated (the lower precision of the two sides). */
  readonly timestampDigits?: number;
  /** NULL and the empty string compare equal (text, char, json, binary). */
  readonly nullEqualsEmpty?: boolean;
  /** Numeric kinds: values within this tolerance are equal (`-tolerance`; see tolerance.ts). */
  readonly tolerance?: Tolerance;
  /**
   * Both columns are of the same type on the same dialect, whose own text (`nativeText`) is then
   * hashed instead of the canonical text (row-hash.ts). Downloaded values stay canonical.
   */
  readonly native?: boolean;
  /** Neither column can hold NULL (a key, or NOT NULL on both sides): the row text needs no NULL marker. */
  readonly neverNull?: boolean;
}

/** An SQL expression producing the canonical text, or why there is none. */
export type Normalized = { readonly sql: string } | { readonly refused: string };

/** A column with the plan it is compared by. */
export interface PlannedColumn {
  readonly column: DataColumn;
  readonly plan: ColumnPlan;
}

/**
 * [from, to) on the key tuple, as canonical key texts (what `rowsQuery` and `boundariesQuery` return
 * for the key columns); an end left out is open.
 */
export interface KeyRange {
  readonly from?: readonly string[];
  readonly to?: readonly string[];
}

/** What a segment query reads: the table, its key and compared columns, a range and a raw filter. */
export interface SegmentSpec {
  readonly table: TableRef;
  readonly keys: readonly PlannedColumn[];
  readonly columns: readonly PlannedColumn[];
  readonly range: KeyRange;
  /** Only the rows whose key bucket at the filter's grain is one of `members` (see `bucketSql`, `rangeFilterSql`). */
  readonly buckets?: BucketFilter;
  /** Raw SQL for this side, ANDed in (the user's `-where`). */
  readonly where?: string;
  /** The row hash both sides use (row-hash.ts); default md5. */
  readonly hash?: RowHashName;
  /** This side's server holds text as UTF-8 (`DataDialect.textIsUtf8`): the hash reads the row text as it is. Default false: converted. */
  readonly textIsUtf8?: boolean;
  /** True when an index on the key serves key range reads (a table's unique key): range buckets may then be read one SELECT each (`rangeUnion`). */
  readonly keyIndexed?: boolean;
}

/** SQL text and its bind parameters (placeholders in the dialect's own syntax). */
export interface BuiltQuery {
  readonly sql: string;
  readonly params: readonly string[];
}

/** A connection data diff queries through; rows come back as plain objects. */
export interface DataConnection {
  query(sql: string, params?: readonly string[]): Promise<Record<string, unknown>[]>;
  /**
   * The rows of one complete statement (no parameters), read a batch at a time so memory stays
   * bounded whatever the result's size: PostgreSQL through a cursor (DECLARE/FETCH, so only inside a
   * transaction: see `readOnly`), MySQL through the driver's row stream. Stopping early is allowed;
   * on MySQL it ends the connection, since a result cannot be left unread midway.
   */
  stream(sql: string): AsyncIterable<Record<string, unknown>>;
  /** The columns a SELECT returns (query mode), described from the result's metadata; none of its rows are read. */
  describeResult(sql: string): Promise<DataColumn[]>;
  close(): Promise<void>;
}

/**
 * What a dialect supplies. The query shapes are shared (data-sql.ts); the dialect supplies the
 * expressions: normalization, encoding for the hash, the hash itself, key order, placeholders.
 */
export interface DataDialect {
  readonly name: DataDialectName;
  /** The server's name in messages: `PostgreSQL`, `MySQL`. */
  readonly displayName: string;
  /** Statements every connection runs before any data diff query (time zone UTC, date style). */
  readonly sessionSetup: readonly string[];
  /** Statements run just before and after a query grouping by key bucket (planner settings). */
  readonly grouping?: { readonly before: string; readonly after: string };
  quoteIdent(name: string): string;
  qualifiedName(table: TableRef): string;
  /** The placeholder for the n-th parameter (1-based): `$1` or `?`. */
  placeholder(n: number): string;
  /**
   * Optional: `a` modulo `m` with the sign of `a` (both integer expressions). Default `MOD(a, m)`
   * (PostgreSQL, MySQL, Oracle); SQL Server writes `a % m`.
   */
  modulo?(a: string, m: string): string;
  /**
   * floor((key - origin) / width) of a single integer key at least `origin` (decimal literals; the
   * result fits a signed 64-bit integer): a range grain's bucket (table-side.ts), computed without
   * overflowing the key's own type.
   */
  rangeBucket(key: string, origin: string, width: string): string;
  /**
   * Optional: at most this many range buckets are counted in one statement of ungrouped SELECTs, one
   * per bucket, joined by UNION ALL, instead of one SELECT with GROUP BY: for a server whose GROUP BY
   * costs more than the reads of the key ranges (MariaDB). Default: always GROUP BY.
   */
  readonly rangeUnion?: number;
  /**
   * Optional: whether the server compares row values, `(a, b) >= (x, y)`, in key order. Default true;
   * false: key ranges are written out column by column (`a > x OR (a = x AND b >= y)`).
   */
  readonly rowValueComparison?: boolean;
  /**
   * Optional: what ends a SELECT to return at most `n` rows; `ordered`: the SELECT ends with an ORDER
   * BY. Default ` LIMIT n`; `OFFSET 0 ROWS FETCH NEXT n ROWS ONLY` where the server has no LIMIT.
   */
  limit?(n: number, ordered: boolean): string;
  /**
   * Optional: the aggregate counting a table's rows in `countQuery`, `countsQuery` and
   * `distinctRowsQuery`. Default `COUNT(*)`; SQL Server's COUNT is an INT that fails beyond 2^31 - 1
   * rows, so it writes `COUNT_BIG(*)`.
   */
  readonly countRows?: string;
  /** Optional: what a SELECT of expressions only needs as its FROM (` FROM DUAL` on Oracle). Default none. */
  readonly fromNothing?: string;
  /**
   * Optional: the server stores the empty string as NULL (Oracle: `''` IS NULL, `COALESCE(x, '')` is
   * NULL, and CONCAT_WS semantics would leave an empty field out). Then a pair with this dialect on
   * either side compares NULL and '' equal unless the user says otherwise (`planPair`); the row text is
   * one expression per column joined with `'|'` by `concat` (`||` keeps an empty field), NULL or `-1`
   * told by the stored column IS NULL (a framed field else `<characters>|<text>`, an empty text counting
   * 0), so it is PostgreSQL's text for equal data; and a value read back as NULL under
   * `nullEqualsEmpty` is ''.
   * Default false.
   */
  readonly emptyStringIsNull?: boolean;
  /** The kind this column is compared as when both sides agree, or why it has none. */
  classify(column: DataColumn): Classification;
  /** The canonical-text expression of a column under a plan, or why there is none. */
  normalize(column: DataColumn, plan: ColumnPlan): Normalized;
  /**
   * A numeric column's value rounded to `digits` significant digits, as canonical text (no exponent,
   * no trailing fractional zeros; NULL stays NULL): the hash grid of a relative tolerance.
   */
  significant(column: DataColumn, digits: number): string;
  /**
   * The canonical text (the same characters as `normalize`) as the row text hashes it, when the
   * dialect has a cheaper expression for that (no conversion the driver needs); undefined:
   * `normalize`'s. Optional.
   */
  hashText?(column: DataColumn, plan: ColumnPlan): string | undefined;
  /**
   * The column's own text when both sides are this dialect with the same column type and `plan`, if
   * it is cheaper than the canonical text and a function of the value (equal exactly when the
   * canonical texts are equal); undefined: hash the canonical text. Optional.
   */
  nativeText?(column: DataColumn, plan: ColumnPlan): string | undefined;
  /** `len:value` of a normalized text expression, or the NULL marker `N` (`0:` when nullEqualsEmpty): a key bucket's fields. */
  encodeField(normalized: string, nullEqualsEmpty: boolean): string;
  /** Concatenation of text expressions. */
  concat(parts: readonly string[]): string;
  /** `CONCAT_WS('|', ...)`: the values' texts joined with `|`, NULLs left out (the row text of row-hash.ts). */
  concatFields(parts: readonly string[]): string;
  /** The length of a text expression in characters (NULL for NULL). */
  charLength(text: string): string;
  /** The row hashes this server can compute (row-hash.ts `RowHashName`), asked once per connection pool. */
  rowHashes(connection: DataConnection): Promise<readonly RowHashName[]>;
  /**
   * Optional: whether the database holds text as UTF-8, so that a hash of a text expression needs no
   * conversion to UTF-8 first (PostgreSQL: a UTF8 database); asked once per connection pool. Default false.
   */
  textIsUtf8?(connection: DataConnection): Promise<boolean>;
  /**
   * `n` (the row count) and `checksum` (the exact sum of the rows' `hash` of `text`, `0` for no
   * rows) select-list items, both as exact decimal text. `textIsUtf8`: the server's text is UTF-8
   * already (`textIsUtf8`).
   */
  countAndChecksum(hash: RowHashName, text: string, textIsUtf8?: boolean): string;
  /** The first 7 hex digits of MD5 of `text` (as UTF-8) as an integer in [0, 2^28): the bucket hash of a key. */
  keyHash(text: string): string;
  /** The expression a key column is compared and ordered by: byte order for text, the same on every dialect. */
  keyOrder(column: DataColumn, plan: ColumnPlan): string;
  /** A parameter compared with `keyOrder` (a cast where the server would otherwise compare as a double). */
  keyParam(column: DataColumn, plan: ColumnPlan, placeholder: string): string;
  /** The tables and views in scope with their columns, unique indexes and row estimates (catalog.ts). */
  readCatalog(connection: DataConnection, scope: CatalogScope): Promise<CatalogTable[]>;
  /**
   * Optional: how many more connections the server accepts now (its limit less those open), when it
   * says; undefined: unknown (the pool then opens as many as `-threads` allows). Default: unknown.
   */
  freeConnectionSlots?(connection: DataConnection): Promise<number | undefined>;
  /** Opens a connection and runs `sessionSetup` on it. */
  connect(settings: ConnectionSettings): Promise<DataConnection>;

  // The same-database JOIN (sql/join-sql.ts, join-diff.ts).

  /** One connection can read the tables of every database of its server (`db.table`: MySQL); false: only the schemas of its own database (PostgreSQL). */
  readonly crossDatabaseQueries: boolean;
  /** The server has FULL OUTER JOIN; false: the JOIN is a LEFT JOIN and an anti-join, UNION ALL. */
  readonly fullOuterJoin: boolean;
  /** A canonical text that `=`, `distinct` and ORDER BY compare by its UTF-8 bytes, whatever the columns' collations. */
  byteText(text: string): string;
  /** The condition "a and b differ", where NULL equals NULL only. */
  distinct(a: string, b: string): string;
  /**
   * Optional: whether two key columns (one server) may also be joined on their stored values, so the
   * server can look rows up by index instead of comparing computed texts. Only when equal canonical
   * texts imply equal stored values (the texts are still compared). Default: never.
   */
  rawKeyJoin?(source: DataColumn, target: DataColumn, plan: ColumnPlan): boolean;
  /**
   * Optional: a derived table (a SELECT) the server should materialize, and index on the columns it
   * is joined on, instead of merging it into the join (a merged table joined on computed texts is a
   * nested loop on MySQL/MariaDB). Used when the keys cannot all be joined raw. Default: as it is.
   */
  materializedTable?(select: string): string;
  /** The schema (PostgreSQL) or database (MySQL) this connection reads a table without one from. */
  currentSchema(connection: DataConnection): Promise<string>;
  /** Runs `fn` inside a READ ONLY transaction whose queries all read one snapshot. */
  readOnly<T>(connection: DataConnection, fn: () => Promise<T>): Promise<T>;
}
