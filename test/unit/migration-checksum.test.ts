import zlib from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { flywayChecksum } from '../../src/migrations/checksum.ts';
import { mulberry32 } from '../../bench/lib/prng.mjs';

// ---------------------------------------------------------------------------------------------------
// Independent reference: what Flyway's ChecksumCalculator does in Java, written out step by step
// without node:zlib, Buffer or TextEncoder:
//
//   BufferedReader reader = new BufferedReader(resource.read());
//   String line = reader.readLine();
//   if (line != null) {
//     line = BomFilter.FilterBomFromString(line);            // first line only
//     do { crc32.update(line.getBytes(UTF_8)); } while ((line = reader.readLine()) != null);
//   }
//   return (int) crc32.getValue();                            // signed 32-bit
// ---------------------------------------------------------------------------------------------------

const CRC_TABLE: readonly number[] = (() => {
  const table: number[] = [];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table.push(c >>> 0);
  }
  return table;
})();

/** A running CRC-32 (IEEE), like java.util.zip.CRC32: `update` any number of times, then `value`. */
class Crc32 {
  private crc = 0xffffffff;
  update(bytes: readonly number[]): void {
    for (const byte of bytes) this.crc = (CRC_TABLE[(this.crc ^ byte) & 0xff]! ^ (this.crc >>> 8)) >>> 0;
  }
  /** Unsigned, as CRC32.getValue() returns it. */
  value(): number {
    return (this.crc ^ 0xffffffff) >>> 0;
  }
}

/** String.getBytes(UTF_8) for well-formed text (surrogate pairs become one 4-byte sequence). */
function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return out;
}

/** Java's BufferedReader.readLine() loop: a line ends at \n, \r or \r\n; no empty line after a final terminator. */
function javaReadLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      lines.push(text.slice(start, i));
      i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      start = i;
    } else {
      i++;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

function referenceChecksum(text: string): number {
  const crc = new Crc32();
  const lines = javaReadLines(text);
  lines.forEach((line, index) => {
    const filtered = index === 0 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
    crc.update(utf8Bytes(filtered));
  });
  const unsigned = crc.value();
  return unsigned > 0x7fffffff ? unsigned - 0x100000000 : unsigned;
}

function assertAgrees(text: string, label: string): void {
  assert.is(flywayChecksum(text), referenceChecksum(text), `${label}: ${JSON.stringify(text.length > 80 ? text.slice(0, 80) + '…' : text)}`);
}

// --- the reference itself ------------------------------------------------------------------------

test('reference: readLine splitting follows BufferedReader (\\n, \\r, \\r\\n; no trailing empty line)', () => {
  assert.equal(javaReadLines(''), []);
  assert.equal(javaReadLines('a'), ['a']);
  assert.equal(javaReadLines('a\n'), ['a']);
  assert.equal(javaReadLines('a\n\n'), ['a', '']);
  assert.equal(javaReadLines('\n'), ['']);
  assert.equal(javaReadLines('a\r\nb\rc\nd'), ['a', 'b', 'c', 'd']);
  assert.equal(javaReadLines('a\n\rb'), ['a', '', 'b'], '\\n\\r is two terminators');
  assert.equal(javaReadLines('a\u2028b\u0085c'), ['a\u2028b\u0085c'], 'U+2028 and NEL do not end a line');
});

test('reference: the CRC-32 table gives the standard check value and a signed result', () => {
  const crc = new Crc32();
  crc.update(utf8Bytes('123456789'));
  assert.is(crc.value(), 0xcbf43926, 'CRC-32/ISO-HDLC check value');
  assert.is(referenceChecksum('123456789'), 0xcbf43926 - 0x100000000);
  assert.equal(utf8Bytes('é日😀'), [0xc3, 0xa9, 0xe6, 0x97, 0xa5, 0xf0, 0x9f, 0x98, 0x80]);
});

// --- pinned values --------------------------------------------------------------------------------

// These two numbers were computed once with referenceChecksum above (the Java-equivalent reference),
// and are pinned so that a change to either implementation is noticed.
const SELECT_ONE = 'SELECT 1;';
const SELECT_ONE_CHECKSUM = 78787420;
const TWO_STATEMENTS = 'CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n';
const TWO_STATEMENTS_CHECKSUM = 169406234;

test('pinned: "SELECT 1;" has the checksum Flyway records', () => {
  assert.is(referenceChecksum(SELECT_ONE), SELECT_ONE_CHECKSUM);
  assert.is(flywayChecksum(SELECT_ONE), SELECT_ONE_CHECKSUM);
});

test('pinned: a two-statement script has the checksum Flyway records', () => {
  assert.is(referenceChecksum(TWO_STATEMENTS), TWO_STATEMENTS_CHECKSUM);
  assert.is(flywayChecksum(TWO_STATEMENTS), TWO_STATEMENTS_CHECKSUM);
});

test('pinned: "SELECT 1;" agrees with the CRC-32 of a gzip trailer (a third implementation)', () => {
  const gz = zlib.gzipSync(Buffer.from(SELECT_ONE, 'utf8'));
  const trailer = gz.subarray(gz.length - 8);
  assert.is(trailer.readUInt32LE(4), Buffer.byteLength(SELECT_ONE), 'ISIZE: trailer layout as expected');
  assert.is(trailer.readInt32LE(0), SELECT_ONE_CHECKSUM);
});

// --- flywayChecksum against the reference ---------------------------------------------------------

test('empty text and text of line breaks only have checksum 0', () => {
  for (const text of ['', '\n', '\r\n', '\r', '\n\n\r\n\r', '\uFEFF', '\uFEFF\n']) {
    assertAgrees(text, 'only breaks');
    assert.is(flywayChecksum(text), 0, JSON.stringify(text));
  }
});

test('one line: with and without a trailing newline agree with the reference and with each other', () => {
  assertAgrees('SELECT 1;', 'no newline');
  assertAgrees('SELECT 1;\n', 'newline');
  assert.is(flywayChecksum('SELECT 1;\n'), flywayChecksum('SELECT 1;'));
  assert.is.not(flywayChecksum('SELECT 1;'), flywayChecksum('SELECT 2;'));
});

test('LF, CRLF and CR versions of the same script have the same checksum', () => {
  const lines = ['CREATE TABLE customer (', '  id int PRIMARY KEY,', '  name text', ');', '', 'INSERT INTO customer VALUES (1, \'a\');'];
  const lf = lines.join('\n') + '\n';
  const crlf = lines.join('\r\n') + '\r\n';
  const cr = lines.join('\r') + '\r';
  for (const [label, text] of [['LF', lf], ['CRLF', crlf], ['CR', cr]] as const) assertAgrees(text, label);
  assert.is(flywayChecksum(crlf), flywayChecksum(lf));
  assert.is(flywayChecksum(cr), flywayChecksum(lf));
  assert.is(flywayChecksum(lines.join('\r\n')), flywayChecksum(lf), 'without the final break');
});

test('a leading byte-order mark is ignored; one elsewhere is not', () => {
  const text = 'SELECT 1;\nSELECT 2;\n';
  assertAgrees('\uFEFF' + text, 'BOM');
  assert.is(flywayChecksum('\uFEFF' + text), flywayChecksum(text));
  assertAgrees('SELECT 1;\n\uFEFFSELECT 2;\n', 'BOM on line 2');
  assert.is.not(flywayChecksum('SELECT 1;\n\uFEFFSELECT 2;\n'), flywayChecksum(text), 'only the first line is filtered');
  assertAgrees('\uFEFF\uFEFFSELECT 1;', 'two BOMs');
  assert.is.not(flywayChecksum('\uFEFF\uFEFFSELECT 1;'), flywayChecksum('SELECT 1;'), 'only one BOM is stripped');
});

test('blank lines contribute nothing but the text around them', () => {
  assertAgrees('a\n\n\nb\n', 'blank lines');
  assertAgrees('\n\na\r\n\r\nb\r\r', 'leading and mixed blank lines');
  assert.is(flywayChecksum('a\n\n\nb\n'), flywayChecksum('ab'));
  assert.is.not(flywayChecksum('a \nb'), flywayChecksum('ab'), 'spaces are not line breaks');
});

test('non-ASCII text is hashed as UTF-8', () => {
  for (const text of ["INSERT INTO t VALUES ('café');", '-- 日本語のコメント\nSELECT 1;', "SELECT '😀🎉' AS emoji;\r\n", 'a\u2028b\u0085c', 'ß\tΩ\u0000end']) {
    assertAgrees(text, 'non-ASCII');
  }
  assert.is.not(flywayChecksum('é'), flywayChecksum('e'));
});

test('a 10,000-line script with mixed line endings', () => {
  const breaks = ['\n', '\r\n', '\r'];
  let text = '';
  for (let i = 0; i < 10_000; i++) text += `INSERT INTO big VALUES (${i}, 'row ${i} é');${breaks[i % 3]}`;
  assertAgrees(text, '10,000 lines');
  assert.is(flywayChecksum(text), flywayChecksum(text.replace(/\r\n|\r/g, '\n')));
});

test('~200 random strings from a seeded generator agree with the reference', () => {
  const random = mulberry32(20240611);
  const pieces = ['a', 'Z', '0', ' ', '\t', ';', "'", '\n', '\r', '\r\n', '\n\r', '\uFEFF', 'é', 'ß', '日', '本', '😀', '🎉', '\u2028', '\u0085', '\u0000', '\u007f', '\u07ff', '\u0800', '\uffff', '\u{10ffff}'];
  let distinct = 0;
  let previous: number | undefined;
  for (let n = 0; n < 200; n++) {
    const length = Math.floor(random() * 60);
    let text = random() < 0.2 ? '\uFEFF' : '';
    for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)]!;
    assertAgrees(text, `random #${n}`);
    const value = flywayChecksum(text);
    if (value !== previous) distinct++;
    previous = value;
  }
  assert.ok(distinct > 150, 'the generator produced varied inputs');
});

test.run();
