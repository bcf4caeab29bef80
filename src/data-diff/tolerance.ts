/**
 * `-tolerance=col:0.01` (absolute) or `col:0.5%` (relative): numeric values that differ by at most the
 * tolerance are equal.
 *
 * Two rules, one for finding and one for judging:
 * - Hashes (checksums, buckets) see each value rounded to a grid no coarser than the tolerance: an
 *   absolute tolerance t rounds to d = max(0, -floor(log10 t)) fractional digits (cells of 10^-d <= t);
 *   a relative tolerance r to N + 1 significant digits, N = ceil(1 - log10 r) (cells of at most
 *   r * |value|, even when the server's logarithm is off by one near a power of ten). So two values
 *   with the same hash are always within the tolerance, and equal-within-tolerance rows rarely differ
 *   in their hash (only across a cell edge, which costs a download, not a wrong answer).
 * - Downloaded rows and JOIN results carry the exact values, and `withinTolerance` judges them exactly
 *   (decimal arithmetic on the canonical texts, no floating point): |a - b| <= t, or
 *   |a - b| <= r * max(|a|, |b|).
 */
import { ParityError } from '../errors.js';

export type Tolerance = { readonly kind: 'absolute'; readonly amount: string } | { readonly kind: 'relative'; readonly percent: string };

/** `0.01` or `0.5%` (a positive decimal number); an error naming `option` otherwise. */
export function parseTolerance(text: string, option: string): Tolerance {
  const match = /^(\d+(?:\.\d+)?|\.\d+)(%)?$/.exec(text.trim());
  if (!match || Number(match[1]) <= 0 || (match[2] !== undefined && Number(match[1]) >= 100)) {
    throw new ParityError('INVALID_ARGUMENT', `${option} tolerances are positive numbers (0.01) or percentages below 100 (0.5%), not "${text}"`, { where: option });
  }
  const number = match[1]!.startsWith('.') ? `0${match[1]}` : match[1]!;
  return match[2] === undefined ? { kind: 'absolute', amount: number } : { kind: 'relative', percent: number };
}

export function describeTolerance(tolerance: Tolerance): string {
  return tolerance.kind === 'absolute' ? `±${tolerance.amount}` : `±${tolerance.percent}%`;
}

/** Fractional digits the hash of an absolutely toleranced value is rounded to. */
export function absoluteGridDigits(amount: string): number {
  return Math.min(30, Math.max(0, -Math.floor(Math.log10(Number(amount)))));
}

/** Significant digits the hash of a relatively toleranced value is rounded to. */
export function relativeGridDigits(percent: string): number {
  return Math.min(30, Math.ceil(1 - Math.log10(Number(percent) / 100)) + 1);
}

/** A canonical decimal text as an integer of `scale` fractional digits; undefined when it is not one. */
function scaled(text: string, scale: number): bigint | undefined {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const fraction = (match[3] ?? '').padEnd(scale, '0');
  const digits = BigInt(`${match[2]}${fraction}`);
  return match[1] === '-' ? -digits : digits;
}

const scaleOf = (text: string) => (text.includes('.') ? text.length - text.indexOf('.') - 1 : 0);
const abs = (n: bigint) => (n < 0n ? -n : n);

/** Whether two canonical numeric texts are equal within the tolerance (texts that are not numbers: only when equal). */
export function withinTolerance(a: string | null, b: string | null, tolerance: Tolerance): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const bound = tolerance.kind === 'absolute' ? tolerance.amount : tolerance.percent;
  const scale = Math.max(scaleOf(a), scaleOf(b), scaleOf(bound));
  const [x, y, t] = [scaled(a, scale), scaled(b, scale), scaled(bound, scale)];
  if (x === undefined || y === undefined || t === undefined) return false;
  if (tolerance.kind === 'absolute') return abs(x - y) <= t;
  const larger = abs(x) > abs(y) ? abs(x) : abs(y);
  // |x - y| <= (p / 100) * larger, all at one scale: |x - y| * 100 * 10^scale <= p * larger.
  return abs(x - y) * 100n * 10n ** BigInt(scale) <= t * larger;
}
