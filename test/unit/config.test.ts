import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { getEnvironment, loadConfig } from '../../src/config/config.ts';
import { catchParityError } from '../support/parity-error.ts';

const created: string[] = [];

/** A temporary folder removed after the tests. */
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-config-'));
  created.push(dir);
  return dir;
}

test.after(() => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

function folderWith(toml: string): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'flyway.toml'), toml);
  return dir;
}


test('reads environments and [flyway] settings, substituting ${env.X}', () => {
  const dir = folderWith(`
[environments.dev]
url = "jdbc:postgresql://127.0.0.1:5432/app"
user = "app"
password = "\${env.APP_PASSWORD}"
schemas = ["public", "hr"]

[flyway]
environment = "dev"
schemaModelLocation = "./model"
`);
  const config = loadConfig({ workingDirectory: dir, env: { APP_PASSWORD: 's3cret' } });
  const dev = getEnvironment(config, 'dev', '-source');
  assert.is(dev.url, 'jdbc:postgresql://127.0.0.1:5432/app');
  assert.is(dev.user, 'app');
  assert.is(dev.password, 's3cret');
  assert.equal(dev.schemas, ['public', 'hr']);
  assert.is(config.defaultEnvironment, 'dev');
  assert.is(config.schemaModelLocation, './model');
  assert.equal(config.locations, ['filesystem:migrations']);
});

test('an unset ${env.X} names the variable and the setting, not a value', () => {
  const dir = folderWith(`[environments.dev]\nurl = "postgres://h/db"\npassword = "\${env.NOPE_NOT_SET}"\n`);
  const error = catchParityError(() => loadConfig({ workingDirectory: dir, env: {} }));
  assert.is(error.code, 'CONFIG_ERROR');
  assert.match(error.message, 'NOPE_NOT_SET');
  assert.match(error.where ?? '', 'environments.dev.password');
});

test('malformed TOML reports file, line and column', () => {
  const dir = folderWith(`[environments.dev]\nurl = "postgres://h/db"\nschemas = [\n`);
  const error = catchParityError(() => loadConfig({ workingDirectory: dir, env: {} }));
  assert.is(error.code, 'CONFIG_ERROR');
  assert.match(error.where ?? '', /flyway\.toml:\d+:\d+$/);
});

test('unknown settings are errors (catches typos such as pasword)', () => {
  const dir = folderWith(`[environments.dev]\nurl = "postgres://h/db"\npasword = "x"\n`);
  const error = catchParityError(() => loadConfig({ workingDirectory: dir, env: {} }));
  assert.is(error.code, 'CONFIG_ERROR');
  assert.match(error.message, 'environments.dev.pasword');
});

test('[flyway.diff] snapshotSchemas (Flyway\'s form) is read, with ${env.X}; an empty list is no restriction', () => {
  const config = loadConfig({ workingDirectory: folderWith(`[flyway.diff]\nsnapshotSchemas = ["sales", "\${env.SECOND}", "sales"]\n`), env: { SECOND: 'hr' } });
  assert.equal(config.snapshotSchemas, { schemas: ['sales', 'hr'], definedIn: 'flyway.toml: flyway.diff.snapshotSchemas' });
  assert.equal(loadConfig({ workingDirectory: folderWith(`[flyway.diff]\nsnapshotSchemas = "sales, hr"\n`), env: {} }).snapshotSchemas?.schemas, ['sales', 'hr']);
  assert.is(loadConfig({ workingDirectory: folderWith(`[flyway.diff]\nsnapshotSchemas = []\n`), env: {} }).snapshotSchemas, undefined);
  assert.is(loadConfig({ workingDirectory: folderWith(`[flyway]\nenvironment = "dev"\n`), env: {} }).snapshotSchemas, undefined);
});

test('[flyway.diff] settings parity does not read, and snapshotSchemas under [flyway], are errors that say where it goes', () => {
  const other = catchParityError(() => loadConfig({ workingDirectory: folderWith(`[flyway.diff]\nsource = "dev"\n`), env: {} }));
  assert.is(other.code, 'CONFIG_ERROR');
  assert.is(other.message, 'unknown setting "flyway.diff.source" (parity reads only snapshotSchemas from [flyway.diff]; give the other diff parameters on the command line)');
  const root = catchParityError(() => loadConfig({ workingDirectory: folderWith(`[flyway]\nsnapshotSchemas = ["sales"]\n`), env: {} }));
  assert.is(root.code, 'CONFIG_ERROR');
  assert.is(root.message, 'unknown setting "flyway.snapshotSchemas" (Flyway reads it from [flyway.diff])');
  const list = catchParityError(() => loadConfig({ workingDirectory: folderWith(`[flyway.diff]\nsnapshotSchemas = [1]\n`), env: {} }));
  assert.match(list.message, '"flyway.diff.snapshotSchemas" must be a list of strings');
});

test('FLYWAY_URL / FLYWAY_USER / FLYWAY_PASSWORD define the default environment', () => {
  const dir = tempDir();
  const config = loadConfig({ workingDirectory: dir, env: { FLYWAY_URL: 'postgres://127.0.0.1/x', FLYWAY_USER: 'u', FLYWAY_PASSWORD: 'p' } });
  const env = getEnvironment(config, 'default', '-source');
  assert.is(env.url, 'postgres://127.0.0.1/x');
  assert.is(env.user, 'u');
  assert.is(env.password, 'p');
});

test('unknown environment lists the configured ones', () => {
  const dir = folderWith(`[environments.dev]\nurl = "postgres://h/db"\n[environments.prod]\nurl = "postgres://h/db"\n`);
  const config = loadConfig({ workingDirectory: dir, env: {} });
  const error = catchParityError(() => getEnvironment(config, 'stage', '-source'));
  assert.is(error.code, 'UNKNOWN_ENVIRONMENT');
  assert.match(error.message, 'configured: dev, prod');
});

test('-configFiles that does not exist is a FILE_NOT_FOUND naming it', () => {
  const dir = tempDir();
  const error = catchParityError(() => loadConfig({ workingDirectory: dir, configFiles: ['other.toml'], env: {} }));
  assert.is(error.code, 'FILE_NOT_FOUND');
  assert.is(error.where, 'other.toml');
});

test('command-line url/user/password override the selected environment', () => {
  const dir = folderWith(`[environments.dev]\nurl = "postgres://h/db"\nuser = "a"\n`);
  const config = loadConfig({ workingDirectory: dir, env: {}, overrides: { environment: 'dev', user: 'b', password: 'pw' } });
  const env = getEnvironment(config, 'dev', '-source');
  assert.is(env.user, 'b');
  assert.is(env.password, 'pw');
});

test.run();
