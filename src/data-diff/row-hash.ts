/**
 * The reference definition of a row's hash and a segment's checksum (the contract in table-side.ts).
 * Dialects compute the same thing in SQL; this implementation serves the in-memory side of the tests
 * and lets live tests check a dialect's SQL against it.
 */
import { createHash } from 'node:crypto';
import type { Key } from './table-side.js';

function field(value: string | null): string {
  return value === null ? '-' : `${[...value].length}:${value}`;
}

/** `<len>:<text>` (or `-` for NULL) of the key texts then the values, joined with `,`. */
export function canonicalRowText(key: Key, values: readonly (string | null)[]): string {
  return [...key, ...values].map(field).join(',');
}

/** The first 15 hex digits (60 bits) of the md5 of the canonical text, as an unsigned integer. */
export function rowHash(key: Key, values: readonly (string | null)[]): bigint {
  const hex = createHash('md5').update(canonicalRowText(key, values), 'utf8').digest('hex');
  return BigInt(`0x${hex.slice(0, 15)}`);
}
