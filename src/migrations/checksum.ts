/**
 * Flyway's checksum of a migration script, so that parity and Flyway agree on every history row:
 * Flyway reads the script line by line (`BufferedReader.readLine`, which drops `\n`, `\r\n` and `\r`),
 * strips a byte-order mark from the first line, feeds each line's UTF-8 bytes to one CRC-32 and stores
 * the value as a signed 32-bit integer. Feeding the lines one after the other is the same as one CRC-32
 * over the text with every line break removed, which is what this computes (with Node's zlib.crc32).
 */
import zlib from 'node:zlib';

const BYTE_ORDER_MARK = '\uFEFF';

/** The checksum Flyway records for a script with this text (as read from the file, before placeholders). */
export function flywayChecksum(text: string): number {
  const withoutBom = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  const joinedLines = withoutBom.replace(/\r\n|\r|\n/g, '');
  return zlib.crc32(Buffer.from(joinedLines, 'utf8')) | 0;
}
