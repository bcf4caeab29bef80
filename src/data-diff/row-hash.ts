/**
 * The reference definition of a row's hash and a segment's checksum (the contract in table-side.ts).
 * Dialects compute the same thing in SQL; this implementation serves the in-memory side of the tests
 * and lets live tests check a dialect's SQL against it.
 */
import { createHash } from 'node:crypto';
import type { Key, KeyKind } from './table-side.js';

function field(value: string | null): string {
  return value === null ? '-' : `${[...value].length}:${value}`;
}

/** The MD5 of `text` (as UTF-8), in hex. */
function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/** `<len>:<text>` (or `-` for NULL) of the key texts then the values, joined with `,`. */
export function canonicalRowText(key: Key, values: readonly (string | null)[]): string {
  return [...key, ...values].map(field).join(',');
}

/** The first 15 hex digits (60 bits) of the md5 of the canonical text, as an unsigned integer. */
export function rowHash(key: Key, values: readonly (string | null)[]): bigint {
  return BigInt(`0x${md5Hex(canonicalRowText(key, values)).slice(0, 15)}`);
}

/**
 * The key's bucket modulo `modulus` (the contract in table-side.ts), as the dialects compute it in SQL:
 * a single integer key modulo the modulus, with the key's sign (SQL `MOD`); any other key the first
 * 7 hex digits (28 bits) of the MD5 of its fields, each `<characters>:<text>`, concatenated.
 */
export function keyBucket(key: Key, kinds: readonly KeyKind[], modulus: number): number {
  if (modulus === 1) return 0;
  if (kinds.length === 1 && kinds[0] === 'integer') return Number(BigInt(key[0]!) % BigInt(modulus));
  return parseInt(md5Hex(key.map(field).join('')).slice(0, 7), 16) % modulus;
}
