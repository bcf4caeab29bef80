import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadConfig } from '../../src/config/config.ts';
import { projectDialect } from '../../src/sources/project-dialect.ts';
import { catchParityError } from '../support/parity-error.ts';

function configWith(toml: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-project-dialect-'));
  try {
    fs.writeFileSync(path.join(dir, 'flyway.toml'), toml);
    return loadConfig({ workingDirectory: dir, env: {} });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('databaseType names the dialect, in Flyway Desktop spelling or a URL scheme', () => {
  assert.is(projectDialect(configWith('databaseType = "MySql"\n')).name, 'mysql');
  assert.is(projectDialect(configWith('databaseType = "MariaDB"\n')).name, 'mysql');
  assert.is(projectDialect(configWith('databaseType = "PostgreSql"\n')).name, 'postgres');
  // databaseType wins over the environments.
  assert.is(projectDialect(configWith('databaseType = "mysql"\n[environments.dev]\nurl = "jdbc:postgresql://127.0.0.1/app"\n')).name, 'mysql');
});

test('an unknown databaseType is a config error naming the setting', () => {
  const error = catchParityError(() => projectDialect(configWith('databaseType = "Db2"\n')));
  assert.is(error.code, 'CONFIG_ERROR');
  assert.match(error.message, 'unknown databaseType "Db2"');
  assert.is(error.where, 'flyway.toml: databaseType');
});

test('without databaseType: the environments decide when they agree, else PostgreSQL', () => {
  const mysqlOnly = '[environments.dev]\nurl = "jdbc:mysql://127.0.0.1/app"\n[environments.build]\nurl = "mariadb://127.0.0.1/b"\n';
  assert.is(projectDialect(configWith(mysqlOnly)).name, 'mysql');
  const mixed = `${mysqlOnly}[environments.pg]\nurl = "postgres://127.0.0.1/app"\n`;
  assert.is(projectDialect(configWith(mixed)).name, 'postgres');
  assert.is(projectDialect(configWith('')).name, 'postgres');
});

test.run();
