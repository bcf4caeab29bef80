/**
 * The hash contract of data diff, in one place: how a row becomes one text (its fields), which hash
 * functions a row's text may be hashed with, and a key's bucket. Every dialect computes these in SQL
 * (src/data-diff/sql/<dialect>-data.ts); this module is the reference that serves the in-memory side
 * of the tests and lets live tests check each dialect's SQL against it (test/data-diff/row-hash.test.ts).
 *
 * Row text. The key columns then the compared columns, in order, each one field, joined with `|`
 * (SQL `CONCAT_WS('|', ...)`, which both PostgreSQL and MySQL have). A field is either
 *   - plain:  its text as is, `N` for NULL: for kinds whose text can never hold `|` nor be `N`
 *             (numbers, booleans, timestamps, dates, UUIDs, hex);
 *   - framed: two fields, its length in characters then its text, `-1` (and no text) for NULL: for
 *             text-like kinds (text, char, JSON), whose text may hold anything.
 * Read left to right with the column list known, a row text gives back every field: equal texts
 * mean equal fields. Plain fields of a nullable pair carry the NULL marker (`COALESCE(t, 'N')`);
 * a pair NOT NULL on both sides may leave it out (the text is then the same: NULL never occurs).
 *
 * Field texts. Normally a column's canonical text (sql/data-dialect.ts), equal on every dialect for
 * equal data, except that a timestamp enters without the trailing zeros of its fraction (nor a `.`
 * left bare: `timestampField`), which is how PostgreSQL prints it. Two columns of the same type on the same dialect may instead use the column's own
 * text (`DataDialect.nativeText`: e.g. PostgreSQL timestamp::text instead of to_char), when that text
 * is a function of the value: cheaper, and equal exactly when the canonical texts are.
 *
 * Row hashes (`RowHashName`): each row's hash is an integer; a bucket's checksum is their exact sum.
 *   - md5:     the first 15 hex digits (60 bits) of the MD5 of the row text (as UTF-8); every dialect.
 *   - crc64:   CRC-32 (ISO-HDLC, zlib's) times 2^32 plus CRC-32C (Castagnoli) of the row text (as
 *              UTF-8): 64 bits; PostgreSQL >= 18 (crc32, crc32c), MariaDB >= 10.8 (CRC32, CRC32C).
 *   - postgres-hashtextextended: PostgreSQL's hashtextextended(text COLLATE "C", 0), a signed 64-bit
 *              integer (Jenkins lookup3 of the text's bytes); only between two PostgreSQL servers
 *              (it is PostgreSQL's own function; its value is the same on every little-endian server).
 * Each server lists the hashes it computes, cheapest first there (`DataDialect.rowHashes`); two sides
 * use the shared hash whose slower side is fastest (`chooseRowHash`). What a sum of each can and cannot
 * detect: README, dataDiff, "Row hashes".
 *
 * Key buckets at a modulus grain (`keyBucket`): a single integer key modulo the modulus (SQL `MOD`, the
 * key's sign); any other key the first 7 hex digits (28 bits) of the MD5 of its fields, each
 * `<characters>:<text>`, concatenated. A keyless table's rows are bucketed the same way over all their
 * values. At a range grain (`rangeBucket`, single integer keys): floor((key - origin) / width) for a
 * key in [origin, last], -1 below it and `count` above it.
 */
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { isRangeGrain, type Grain, type Key, type KeyKind, type RangeGrain } from './table-side.js';

export type RowHashName = 'postgres-hashtextextended' | 'crc64' | 'md5';

/** Ties between hashes as cheap as each other on both sides go to the first here. md5 is supported everywhere. */
export const ROW_HASH_PREFERENCE: readonly RowHashName[] = ['postgres-hashtextextended', 'crc64', 'md5'];

/**
 * The hash two sides use: of the hashes both list (each side's list cheapest first on that server),
 * the one whose rank on its slower side is lowest, then the lowest sum of ranks, then the first of
 * ROW_HASH_PREFERENCE; md5 when they share nothing else. The two sides hash at the same time, so the
 * slower side sets the pace: PostgreSQL 18 lists md5 before crc64 (its crc32 is slower than its md5),
 * MariaDB crc64 before md5, and the pair takes md5.
 */
export function chooseRowHash(a: readonly RowHashName[], b: readonly RowHashName[]): RowHashName {
  const shared = ROW_HASH_PREFERENCE.filter((name) => a.includes(name) && b.includes(name));
  const cost = (name: RowHashName) => [Math.max(a.indexOf(name), b.indexOf(name)), a.indexOf(name) + b.indexOf(name)] as const;
  const best = shared.reduce<RowHashName | undefined>((chosen, name) => {
    if (chosen === undefined) return name;
    const [c, n] = [cost(chosen), cost(name)];
    return n[0] < c[0] || (n[0] === c[0] && n[1] < c[1]) ? name : chosen;
  }, undefined);
  return best ?? 'md5';
}

/** How a field enters the row text (see above). */
export type FieldFraming = 'plain' | 'framed';

export interface RowField {
  readonly text: string | null;
  readonly framing: FieldFraming;
}

const characters = (text: string) => [...text].length;

/** A timestamp's canonical text as the row text holds it: the fraction's trailing zeros, and a bare `.`, removed. */
export function timestampField(canonical: string): string {
  return canonical.includes('.') ? canonical.replace(/0+$/, '').replace(/\.$/, '') : canonical;
}

/** The row text: the fields joined with `|`, plain as their text or `N`, framed as `<characters>|<text>` or `-1`. */
export function rowText(fields: readonly RowField[]): string {
  return fields
    .map(({ text, framing }) => {
      if (framing === 'plain') return text ?? 'N';
      return text === null ? '-1' : `${characters(text)}|${text}`;
    })
    .join('|');
}

/** The MD5 of `text` (as UTF-8), in hex. */
function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32C (Castagnoli, reflected, as PostgreSQL's crc32c and MariaDB's CRC32C). */
export function crc32c(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC32C_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The hash of a row text; postgres-hashtextextended has no reference here (it is the server's own function). */
export function hashRowText(name: RowHashName, text: string): bigint {
  switch (name) {
    case 'md5':
      return BigInt(`0x${md5Hex(text).slice(0, 15)}`);
    case 'crc64': {
      const bytes = Buffer.from(text, 'utf8');
      return (BigInt(zlib.crc32(bytes)) << 32n) + BigInt(crc32c(bytes));
    }
    case 'postgres-hashtextextended':
      throw new Error('postgres-hashtextextended is computed by PostgreSQL only');
  }
}

/** The hash of a row whose key and values are all framed fields (the in-memory sides of the tests). */
export function rowHash(key: Key, values: readonly (string | null)[], name: RowHashName = 'md5'): bigint {
  return hashRowText(name, rowText([...key, ...values].map((text) => ({ text, framing: 'framed' }))));
}

function keyField(value: string | null): string {
  return value === null ? '-' : `${[...value].length}:${value}`;
}

/**
 * The key's bucket modulo `modulus`, as the dialects compute it in SQL: a single integer key modulo
 * the modulus, with the key's sign (SQL `MOD`); any other key the first 7 hex digits (28 bits) of the
 * MD5 of its fields, each `<characters>:<text>`, concatenated.
 */
export function keyBucket(key: Key, kinds: readonly KeyKind[], modulus: number): number {
  if (modulus === 1) return 0;
  if (kinds.length === 1 && kinds[0] === 'integer') return Number(BigInt(key[0]!) % BigInt(modulus));
  return parseInt(md5Hex(key.map(keyField).join('')).slice(0, 7), 16) % modulus;
}

/** The bucket of a single integer key at a range grain: floor((key - origin) / width), -1 below `origin`, `count` above `last`. */
export function rangeBucket(key: string, grain: RangeGrain): number {
  const value = BigInt(key);
  if (value < BigInt(grain.origin)) return -1;
  if (value > BigInt(grain.last)) return grain.count;
  return Number((value - BigInt(grain.origin)) / BigInt(grain.width));
}

/** The key's bucket at a grain (`rangeBucket` or `keyBucket`). */
export function grainBucket(key: Key, kinds: readonly KeyKind[], grain: Grain): number {
  return isRangeGrain(grain) ? rangeBucket(key[0]!, grain) : keyBucket(key, kinds, grain.modulus);
}
