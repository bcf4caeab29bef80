/**
 * A real browser for the HTML report's tests: Debian's chromium (`/usr/bin/chromium`, or CHROMIUM)
 * driven by playwright-core, which never downloads a browser of its own. `.ci/run` installs chromium.
 *
 * Where it is missing, `skipWithoutChromium()` prints the one `SKIPPED:` line the test runner counts
 * (the file's browser tests are then not registered); under CI=true a missing browser is a failure.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';

/** Headless, and nothing of the browser's own reaches the network (updates, sync, first-run pages). */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** True (after printing the skip line) when the browser tests must not run; throws under CI=true. */
export function skipWithoutChromium(): boolean {
  if (fs.existsSync(CHROMIUM)) return false;
  if (process.env['CI'] === 'true') throw new Error(`${CHROMIUM} is not installed, and CI=true requires it (apt-get install -y chromium)`);
  console.log(`SKIPPED: ${CHROMIUM} not installed (apt-get install -y chromium): browser tests of the HTML report`);
  return true;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A PNG's width and height, from its IHDR chunk (and a check that it is a PNG at all). */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(1, 4).toString('latin1') !== 'PNG' || png.subarray(12, 16).toString('latin1') !== 'IHDR') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
