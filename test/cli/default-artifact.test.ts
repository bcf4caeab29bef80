/**
 * The default artifact (no -artifactFilename) is per user and per project: `generate` in another
 * folder, or with other -configFiles, never reads this project's diff; a failed diff leaves no stale
 * artifact behind (default or named); a folder of default artifacts that others may write to is refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../support/cli.ts';

const SHOP = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'snapshots', 'shop.json');
const uid = process.getuid!();

let root: string;
let tmp: string;

const run = (cwd: string, ...args: string[]) => runCli(args, { cwd, env: { TMPDIR: tmp } });

function project(name: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function migrations(dir: string): string[] {
  return fs.existsSync(path.join(dir, 'migrations')) ? fs.readdirSync(path.join(dir, 'migrations')) : [];
}

test.before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-default-artifact-'));
  tmp = path.join(root, 'tmp');
  fs.mkdirSync(tmp);
});

test.after(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

test('diff writes the default artifact in a private folder of the user, named after the project', async () => {
  const shop = project('shop');
  const diff = await run(shop, 'diff', `-source=snapshot:${SHOP}`, '-target=empty');
  assert.is(diff.code, 0, diff.stderr);
  const folder = path.join(tmp, `parity.${uid}`);
  const [file, ...others] = fs.readdirSync(folder);
  assert.equal(others, []);
  assert.match(file!, /^shop-[0-9a-f]{12}\.artifact$/);
  assert.match(diff.stdout, `diff artifact generated: ${path.join(folder, file!)}\n`);
  assert.is(fs.statSync(folder).mode & 0o777, 0o700);
  const generate = await run(shop, 'generate');
  assert.is(generate.code, 0, generate.stderr);
  assert.equal(migrations(shop), ['V1__parity_generated.sql']);
});

test('generate in another project (an empty folder) does not use this project\'s artifact: exit 6, nothing written', async () => {
  const other = project('other');
  const generate = await run(other, 'generate');
  assert.is(generate.code, 6, generate.stderr);
  assert.match(generate.stderr, /^ERROR: no diff artifact for this project: run parity diff here first, or pass -artifactFilename \(.*\/parity\.\d+\/other-[0-9a-f]{12}\.artifact\)\n$/);
  assert.equal(migrations(other), []);
  // The same folder with another configuration is another project too.
  fs.writeFileSync(path.join(other, 'b.toml'), '');
  assert.is((await run(other, 'diff', `-source=snapshot:${SHOP}`, '-target=empty')).code, 0);
  assert.is((await run(other, 'model', '-configFiles=b.toml')).code, 6);
  assert.is((await run(other, 'diffText', '-configFiles=b.toml')).code, 6);
});

test('a failed diff removes the previous artifact: generate then finds none (default or named)', async () => {
  const stale = project('stale');
  assert.is((await run(stale, 'diff', `-source=snapshot:${SHOP}`, '-target=empty')).code, 0);
  const failed = await run(stale, 'diff', '-source=snapshot:missing.json', '-target=empty');
  assert.is(failed.code, 6, failed.stderr);
  const generate = await run(stale, 'generate');
  assert.is(generate.code, 6, generate.stderr);
  assert.match(generate.stderr, 'no diff artifact for this project');
  assert.equal(migrations(stale), []);

  assert.is((await run(stale, 'diff', `-source=snapshot:${SHOP}`, '-target=empty', '-artifactFilename=out/a.artifact')).code, 0);
  assert.is((await run(stale, 'diff', '-source=snapshot:missing.json', '-target=empty', '-artifactFilename=out/a.artifact')).code, 6);
  assert.not.ok(fs.existsSync(path.join(stale, 'out', 'a.artifact')), 'the stale named artifact is still there');
  assert.is((await run(stale, 'generate', '-artifactFilename=out/a.artifact')).code, 6);
  assert.equal(migrations(stale), []);
});

test('a folder of default artifacts that other users may write to is refused, not trusted', async () => {
  const shared = project('shared');
  const folder = path.join(tmp, `parity.${uid}`);
  fs.chmodSync(folder, 0o777);
  try {
    const diff = await run(shared, 'diff', `-source=snapshot:${SHOP}`, '-target=empty');
    assert.is(diff.code, 7, diff.stderr);
    assert.match(diff.stderr, `ERROR: the folder of default artifacts ${folder} may be written by other users (mode 777): remove it, or pass -artifactFilename`);
    const generate = await run(project('shop'), 'generate');
    assert.is(generate.code, 6, generate.stderr);
    assert.match(generate.stderr, 'may be written by other users');
  } finally {
    fs.chmodSync(folder, 0o700);
  }
});

test.run();
