#!/usr/bin/env node
// Runs every test/**/*.test.ts file in its own Node process (uvu suites, TypeScript through tsx),
// two at a time, and ends with the one line CI reads: `N passed, N failed, N skipped`.
// Usage: node test/run.mjs [substring ...]   (only files whose path contains one of the substrings)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const filters = process.argv.slice(2);
const concurrency = Math.max(1, Math.min(2, os.cpus().length));

function findTests(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'support' && entry.name !== 'golden' && entry.name !== 'fixtures') out.push(...findTests(full));
    else if (entry.isFile() && entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out.sort();
}

// Filters match the path below the checkout, so a checkout folder's own name matches nothing.
const files = findTests(path.join(root, 'test')).filter((f) => filters.length === 0 || filters.some((x) => path.relative(root, f).includes(x)));

function runFile(file) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      const number = (label) => {
        const matches = [...output.matchAll(new RegExp(`${label}:\\s+(\\d+)`, 'g'))];
        return matches.reduce((sum, m) => sum + Number(m[1]), 0);
      };
      const total = number('Total');
      let passed = number('Passed');
      const skipped = number('Skipped');
      // Tests that announce a skip themselves print `SKIPPED: <reason>` lines (e.g. no mariadbd).
      const announcedSkips = (output.match(/^SKIPPED: /gm) ?? []).length;
      let failed = total - passed - skipped;
      if (code !== 0 && failed === 0) failed = 1; // crashed before or after its summary
      resolve({ file, code, output, passed, failed, skipped: skipped + announcedSkips, seconds: (Date.now() - started) / 1000 });
    });
  });
}

const results = [];
let next = 0;
async function worker() {
  while (next < files.length) {
    const file = files[next++];
    const result = await runFile(file);
    results.push(result);
    const rel = path.relative(root, file);
    const status = result.failed > 0 ? 'FAIL' : 'ok  ';
    process.stdout.write(`${status} ${rel}  (${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped, ${result.seconds.toFixed(1)}s)\n`);
    if (result.failed > 0 || process.env.VERBOSE) process.stdout.write(result.output.replace(/^/gm, '    ') + '\n');
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
const sum = (key) => results.reduce((n, r) => n + r[key], 0);
const passed = sum('passed');
const failed = sum('failed');
const skipped = sum('skipped');
if (files.length === 0) process.stdout.write('no test files matched\n');
process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exitCode = failed > 0 || files.length === 0 ? 1 : 0;
