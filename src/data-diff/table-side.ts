/**
 * The contract between the data-diff engine and one side (source or target) of a comparison.
 * The engine never writes SQL: it asks a TableSide for counts, checksums, split points and rows of
 * key ranges. Each dialect implements it (src/data-diff/<dialect>-side.ts); tests use an in-memory one.
 *
 * Keys. A key is a tuple of normalized strings, one per key column (composite keys allowed):
 *   - `integer` columns: decimal text without leading zeros or `+` (`-12`, `0`, `9007199254740993`),
 *     ordered numerically (the engine compares them as BigInt);
 *   - `text` columns (text, varchar, char, uuid): the value's text (UUIDs lower case, CHAR without
 *     trailing padding), ordered by Unicode code point, which is the byte order of UTF-8 (PostgreSQL
 *     `COLLATE "C"` on a UTF8 database, MySQL `utf8mb4_bin`).
 *   Tuples compare column by column (`compareKeys` in keys.ts). Key columns are never NULL.
 *   Both sides of one comparison must report the same kinds for the key columns.
 *
 * Ranges. A KeyRange is [from, to): `from` inclusive, `to` exclusive; a missing bound is unbounded.
 *
 * Rows. Every method sees only the rows the side was opened with: its table, filtered by `where` and
 * by the `updated` window. Values are normalized texts (or null) of the compared columns, in the
 * order of `describe().columns`; equal data on two dialects must give equal texts.
 *
 * Buckets. Besides key ranges, rows are grouped by a bucket number computed from the key alone, the
 * same on every dialect (row-hash.ts `keyBucket` and `rangeBucket` are the reference), at a `Grain`:
 *   - a range grain (a single integer key, when both sides know its smallest and largest value):
 *     buckets of `width` consecutive key values from `origin`, numbered floor((key - origin) / width);
 *     keys below `origin` fall in bucket -1, keys above `last` in bucket `count` (only rows written
 *     during the run can be there). A bucket is a key range, so the rows of some buckets are read
 *     through the key's index.
 *   - a modulus grain: for a single integer key the key modulo the modulus (SQL `MOD`, the sign of the
 *     key), otherwise the first 28 bits of the MD5 of the key's fields modulo the modulus.
 * A row keeps its bucket whatever its values, so a row that differs falls in the same bucket on both
 * sides; bucket counts and checksums locate scattered differences in one pass over a range. A finer
 * grain (`finerGrain`) refines its buckets: a multiple of the modulus, a width that divides the width.
 * Checksums. A bucket's `checksum` is the exact sum, as a decimal integer string (`"0"` for an
 * empty range), of a hash of each row's fields. The engine only compares the two sides' checksums,
 * so both sides must use the same definition: row-hash.ts is the contract (the row text, the hash
 * both servers share), database sides compute it in SQL (sql/data-sql.ts, summed as PostgreSQL
 * numeric or MySQL DECIMAL), and the tests' in-memory sides use row-hash.ts itself.
 */

export type KeyKind = 'integer' | 'text';

/** A key tuple of normalized texts, one per key column. */
export type Key = readonly string[];

/** [from, to): `from` inclusive, `to` exclusive; undefined means unbounded on that end. */
export interface KeyRange {
  readonly from?: Key;
  readonly to?: Key;
}

/** Buckets numbered by the key modulo `modulus` (a single integer key) or by the key's hash modulo `modulus`. */
export interface ModulusGrain {
  readonly modulus: number;
}

/**
 * Buckets of `width` consecutive values of a single integer key from `origin` (decimal text):
 * floor((key - origin) / width) for keys in [origin, last], -1 below, `count` above.
 */
export interface RangeGrain {
  readonly origin: string;
  readonly last: string;
  /** A power of two. */
  readonly width: number;
  /** floor((last - origin) / width) + 1: the buckets of [origin, last]. */
  readonly count: number;
}

export type Grain = ModulusGrain | RangeGrain;

/** The whole slice as one bucket (bucket 0). */
export const WHOLE: Grain = { modulus: 1 };

export const isRangeGrain = (grain: Grain): grain is RangeGrain => 'width' in grain;

/** Rows whose bucket at the grain is one of `members` (sorted, distinct). */
export type BucketFilter = Grain & { readonly members: readonly number[] };

/** The rows of a key range, optionally only those in some buckets. */
export interface Slice {
  readonly range: KeyRange;
  readonly buckets?: BucketFilter;
}

/** Largest modulus: bucket numbers of hashed keys have 28 bits. */
export const MAX_MODULUS = 2 ** 28;

export interface KeyColumn {
  readonly name: string;
  readonly kind: KeyKind;
  /** The database's type name, for messages (`integer`, `uuid`, `varchar(20)`). */
  readonly type: string;
}

export interface SideColumn {
  readonly name: string;
  readonly type: string;
}

export interface SideDescription {
  /** The table as the user knows it, for messages: `public.orders`. */
  readonly table: string;
  readonly key: readonly KeyColumn[];
  /** The compared (non-key) columns, in the order of `SideRow.values`. */
  readonly columns: readonly SideColumn[];
  /** The catalog's estimate of the table's rows (before filters), when it has one. */
  readonly estimatedRows?: number;
  /**
   * The most range buckets this side counts in one query without GROUP BY (`DataDialect.rangeUnion`);
   * the first pass then uses no more buckets than this. Undefined: any number.
   */
  readonly rangeBucketsPerQuery?: number;
}

export interface SegmentStats {
  readonly count: number;
  /** Exact sum of row hashes as a decimal integer string; `"0"` for no rows. */
  readonly checksum: string;
}

/** Count and checksum of each non-empty bucket, by bucket number. */
export type BucketStats = ReadonlyMap<number, SegmentStats>;

export interface SideRow {
  readonly key: Key;
  readonly values: readonly (string | null)[];
}

/** What a side is opened with (built by the command from its options). */
export interface TableSpec {
  /** Schema (PostgreSQL) or database (MySQL); undefined: the connection's default. */
  readonly schema?: string;
  readonly table: string;
  /** Query mode: a SELECT compared as if it were the table (read as a derived table). */
  readonly query?: string;
  readonly key: readonly string[];
  /** Compared columns in order; undefined: every non-key column of the table, in table order. */
  readonly columns?: readonly string[];
  /** A boolean SQL expression in the side's dialect, applied to every query (`-where`). */
  readonly where?: string;
  /**
   * The `-updateColumn` watermark window: rows with `column >= notBefore` and `column < before`
   * (ISO-8601 UTC timestamps, computed once by the engine so both sides use the same instants).
   */
  readonly updated?: { readonly column: string; readonly notBefore?: string; readonly before?: string };
}

export interface TableSide {
  /**
   * The key and compared columns. Throws a ParityError (INVALID_ARGUMENT) for a missing table, an
   * unknown or unsupported key or compared column, or a key that is not unique on this side.
   */
  describe(): Promise<SideDescription>;
  /**
   * Up to `parts - 1` keys of existing rows of the slice, strictly increasing, each with
   * `from < k < to`, that split it into `parts` segments of near-equal ROW COUNT on this side (so gaps
   * in integer keys and text keys split evenly). Fewer (or none) when the slice holds fewer rows than
   * `parts`. `rowCount` is the slice's row count on this side, from its stats, so it is not counted again.
   */
  boundaries(slice: Slice, parts: number, rowCount: number): Promise<Key[]>;
  /**
   * Count and checksum of each bucket of the slice at `grain` (the slice's own grain or a finer one),
   * in one query; `WHOLE` gives the whole slice as bucket 0.
   */
  stats(slice: Slice, grain: Grain): Promise<BucketStats>;
  /**
   * The smallest and largest value of a single integer key (decimal texts), read through its index;
   * undefined when the side has no rows, or cannot read them cheaply (a query, several key columns).
   */
  keySpan?(): Promise<{ readonly min: string; readonly max: string } | undefined>;
  /**
   * The slice's rows ordered by key (see `compareKeys`). The engine calls it only for slices it
   * knows to be small (at most the bisection threshold on this side), but iterates it lazily.
   */
  rows(slice: Slice): AsyncIterable<SideRow>;
  /** Releases connections; safe to call more than once. */
  close(): Promise<void>;
}
