/** parity's version, from its package.json (`../../package.json` from src/cli and dist/cli alike). */
import { createRequire } from 'node:module';

export function parityVersion(): string {
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
}
