/** The one key ordering of the data diff (see the contract in table-side.ts). */
import type { Key, KeyKind, KeyRange } from './table-side.js';

/** Code point order, which is UTF-8 byte order (JavaScript's `<` is UTF-16 code unit order). */
export function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function compareInteger(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x === y ? 0 : x < y ? -1 : 1;
}

export function compareKeys(a: Key, b: Key, kinds: readonly KeyKind[]): number {
  for (let i = 0; i < kinds.length; i++) {
    const c = kinds[i] === 'integer' ? compareInteger(a[i]!, b[i]!) : compareText(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

export function inRange(key: Key, range: KeyRange, kinds: readonly KeyKind[]): boolean {
  return (range.from === undefined || compareKeys(key, range.from, kinds) >= 0) && (range.to === undefined || compareKeys(key, range.to, kinds) < 0);
}

/** Splits [from, to) at the given increasing boundaries into consecutive ranges. */
export function splitRange(range: KeyRange, boundaries: readonly Key[]): KeyRange[] {
  const points: (Key | undefined)[] = [range.from, ...boundaries, range.to];
  const out: KeyRange[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    out.push({ ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  }
  return out;
}
