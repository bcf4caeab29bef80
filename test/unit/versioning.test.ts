import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  compareVersions,
  listMigrations,
  migrationFileName,
  nextVersion,
  parseMigrationFileName,
  parseVersion,
  sanitizeDescription,
  type Version,
} from '../../src/generate/versioning.ts';

const v = (text: string): Version => {
  const version = parseVersion(text);
  if (version === undefined) throw new Error(`not a version: ${text}`);
  return version;
};

test('versions compare part by part as numbers, as Flyway does', () => {
  assert.ok(compareVersions(v('1.10'), v('1.9')) > 0, '1.10 > 1.9');
  assert.ok(compareVersions(v('2'), v('1.99')) > 0, '2 > 1.99');
  assert.is(compareVersions(v('1_1'), v('1.1')), 0, '1_1 = 1.1');
  assert.is(compareVersions(v('1.1.0'), v('1.1')), 0, 'trailing zero parts count as equal');
  assert.is(compareVersions(v('007'), v('7')), 0, 'leading zeros');
  assert.ok(compareVersions(v('1.2.3'), v('1.2.10')) < 0);
  assert.ok(compareVersions(v('99999999999999999999'), v('99999999999999999998')) > 0, 'beyond 2^53');
});

test('parseVersion rejects what is not a version', () => {
  for (const text of ['', '1.', '.1', 'a', '1..2', '1-2', ' 1', 'V1']) assert.is(parseVersion(text), undefined, text);
  assert.equal(parseVersion('3_1.2'), [3n, 1n, 2n]);
});

test('file names: V and U with version and description; other files ignored', () => {
  assert.equal(parseMigrationFileName('V1_2__add_orders.sql'), {
    prefix: 'V',
    versionText: '1_2',
    version: [1n, 2n],
    description: 'add_orders',
    fileName: 'V1_2__add_orders.sql',
  });
  assert.is(parseMigrationFileName('U3__x.sql')?.prefix, 'U');
  for (const name of ['R__views.sql', 'V1_add.sql', 'V__x.sql', 'V1__x.txt', 'v1__x.sql', 'B1__baseline.sql']) {
    assert.is(parseMigrationFileName(name), undefined, name);
  }
  assert.is(migrationFileName('V', '4', 'add_orders'), 'V4__add_orders.sql');
  assert.is(migrationFileName('U', '1.2', 'x'), 'U1.2__x.sql');
});

test('next version: the highest first part plus one, 1 for an empty folder', () => {
  assert.is(nextVersion([]), '1');
  assert.is(nextVersion([v('3')]), '4');
  assert.is(nextVersion([v('1.2')]), '2');
  assert.is(nextVersion([v('1.9'), v('1.10'), v('1_11')]), '2');
  assert.is(nextVersion([v('2'), v('10'), v('9.9')]), '11');
});

test('descriptions are sanitized to letters, digits and single underscores', () => {
  assert.is(sanitizeDescription('add orders'), 'add_orders');
  assert.is(sanitizeDescription('  Add-Orders & items! '), 'Add_Orders_items');
  assert.is(sanitizeDescription('a__b___c'), 'a_b_c');
  assert.is(sanitizeDescription('räksmörgås'), 'r_ksm_rg_s');
  assert.is(sanitizeDescription('***'), 'parity_generated');
  assert.is(sanitizeDescription('', 'fallback'), 'fallback');
});

test('listMigrations reads V and U files of a folder; a missing folder has none', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-versions-'));
  try {
    for (const name of ['V1__a.sql', 'V1.10__b.sql', 'U1.10__b.sql', 'R__c.sql', 'notes.txt']) fs.writeFileSync(path.join(dir, name), '');
    const files = listMigrations(dir).map((f) => f.fileName).sort();
    assert.equal(files, ['U1.10__b.sql', 'V1.10__b.sql', 'V1__a.sql']);
    assert.is(nextVersion(listMigrations(dir).map((f) => f.version)), '2');
    assert.equal(listMigrations(path.join(dir, 'missing')), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
