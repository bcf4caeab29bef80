/**
 * Tolerances: the exact rule (decimal arithmetic on canonical texts) and the hash grid's promise that
 * two values rounding to the same grid cell are always within the tolerance.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { absoluteGridDigits, parseTolerance, relativeGridDigits, withinTolerance } from '../../src/data-diff/tolerance.ts';
import { ParityError } from '../../src/errors.ts';

test('parsing: absolute and relative, one-line errors otherwise', () => {
  assert.equal(parseTolerance('0.01', '-tolerance'), { kind: 'absolute', amount: '0.01' });
  assert.equal(parseTolerance('.5%', '-tolerance'), { kind: 'relative', percent: '0.5' });
  assert.equal(parseTolerance('2', '-tolerance'), { kind: 'absolute', amount: '2' });
  for (const bad of ['0', '-1', 'abc', '1e-3', '100%', '0%', '']) {
    assert.throws(() => parseTolerance(bad, '-tolerance'), (e: unknown) => e instanceof ParityError && e.code === 'INVALID_ARGUMENT', bad);
  }
});

test('the exact rule: |a - b| <= t, or <= p% of the larger, at the edge too, without floating point', () => {
  const abs = parseTolerance('0.01', '-tolerance');
  assert.ok(withinTolerance('1.00', '1.01', abs));
  assert.ok(withinTolerance('0.1', '0.11', abs), '0.1 + 0.01 is exactly 0.11 in decimal');
  assert.not.ok(withinTolerance('1.00', '1.011', abs));
  assert.ok(withinTolerance('-5', '-5.01', abs));
  assert.not.ok(withinTolerance('1', null, abs));
  assert.ok(withinTolerance(null, null, abs));
  assert.not.ok(withinTolerance('NaN', '1', abs));
  const rel = parseTolerance('0.5%', '-tolerance');
  assert.ok(withinTolerance('200', '201', rel), '1 is 0.4975% of 201');
  assert.ok(withinTolerance('199', '200', rel), '1 is exactly 0.5% of 200');
  assert.not.ok(withinTolerance('198.99', '200', rel));
  assert.ok(withinTolerance('-1000', '-1004.9', rel));
  assert.ok(withinTolerance('123456789012345678901234567890', '123456789012345678901234567891', rel), 'beyond double precision');
});

/** Rounding half away from zero to `digits` fractional digits, on exact decimals given as scaled integers. */
function roundTo(units: bigint, scale: number, digits: number): bigint {
  const step = 10n ** BigInt(scale - digits);
  const half = step / 2n;
  const sign = units < 0n ? -1n : 1n;
  return (sign * ((sign * units + half) / step)) * step;
}

test('the grid: values in one cell are within the tolerance (absolute and relative, at many magnitudes)', () => {
  const text = (units: bigint, scale: number) => {
    const negative = units < 0n;
    const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
    return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  };
  const scale = 8;
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (const amount of ['0.01', '0.05', '0.3', '1', '7.5']) {
    const tolerance = parseTolerance(amount, '-tolerance');
    const digits = absoluteGridDigits(amount);
    for (let i = 0; i < 2000; i++) {
      const a = BigInt(Math.floor((random() - 0.5) * 1e10));
      const b = a + BigInt(Math.floor((random() - 0.5) * 2e6));
      if (roundTo(a, scale, digits) === roundTo(b, scale, digits)) assert.ok(withinTolerance(text(a, scale), text(b, scale), tolerance), `${text(a, scale)} ${text(b, scale)} ±${amount}`);
    }
  }
  for (const percent of ['0.5', '1', '0.01', '10']) {
    const tolerance = parseTolerance(`${percent}%`, '-tolerance');
    const significant = relativeGridDigits(percent);
    for (let i = 0; i < 2000; i++) {
      const magnitude = Math.floor(random() * 12);
      const a = BigInt(Math.floor(random() * 10 ** magnitude * 1000) + 1);
      const b = a + BigInt(Math.floor((random() - 0.5) * Number(a) * 0.05));
      // The cell of a value: rounded to `significant` significant digits (its exponent from its own digit count).
      const cell = (v: bigint) => {
        const drop = v.toString().length - significant;
        return drop <= 0 ? v : roundTo(v, scale, scale - drop);
      };
      if (b > 0n && cell(a) === cell(b)) assert.ok(withinTolerance(text(a, scale), text(b, scale), tolerance), `${a} ${b} ±${percent}%`);
    }
  }
});

test.run();
