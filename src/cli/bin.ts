#!/usr/bin/env node
/** The `parity` binary: one run of `main` on this process's arguments, environment and streams. */
import { main } from './main.js';

main(process.argv.slice(2), process.env, { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ERROR: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
