/**
 * Catalog-row fixtures, for every dialect: test/fixtures/catalog/<dialect>/<case>.rows.json holds the
 * rows each catalog query returns (as the server and its driver deliver them) and
 * <case>.model.json the model the dialect's pure `assembleModel` must build from them, written as a
 * snapshot file (so it is validated against the model's JSON schema too). UPDATE_GOLDEN=1 writes the
 * model files (review what it writes). This is how dialects without a server here (SQL Server,
 * Oracle) are tested, and how the others' assemblers are pinned without one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Test } from 'uvu';
import * as assert from 'uvu/assert';
import { stableJson } from '../../src/artifact/json-file.ts';
import { readSnapshot, SNAPSHOT_FORMAT_VERSION } from '../../src/artifact/snapshot.ts';
import type { DatabaseModel, DialectName, JsonValue } from '../../src/model/objects.ts';

export const CATALOG_FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'catalog');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

/** One `<case>.rows.json`. */
export interface CatalogFixture {
  /** What the case shows, and where the rows' shapes come from. */
  readonly description: string;
  /** The schemas asked for (IntrospectOptions.schemas). */
  readonly schemas: readonly string[];
  /** Dialect-specific inputs of the assembler (MySQL: `flavor`). */
  readonly options?: Readonly<Record<string, JsonValue>>;
  /** Rows per query, by the query's file name without `.sql`. */
  readonly rows: Readonly<Record<string, readonly unknown[]>>;
}

export function fixtureNames(dialect: DialectName): string[] {
  const folder = path.join(CATALOG_FIXTURES, dialect);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.rows.json'))
    .map((f) => f.slice(0, -'.rows.json'.length))
    .sort();
}

export function readFixture(dialect: DialectName, name: string): CatalogFixture {
  return JSON.parse(fs.readFileSync(path.join(CATALOG_FIXTURES, dialect, `${name}.rows.json`), 'utf8')) as CatalogFixture;
}

/** The model file's text for `model`: a snapshot, as `parity snapshot` writes it. */
function snapshotText(model: DatabaseModel): string {
  return stableJson({ format: 'parity-snapshot', formatVersion: SNAPSHOT_FORMAT_VERSION, model });
}

/**
 * Registers one test per fixture of `dialect`: the assembled model equals `<case>.model.json` and that
 * file is a valid snapshot. Also fails when a model file has no rows file. Returns the case names.
 */
export function catalogFixtureTests(test: Test, dialect: DialectName, assemble: (fixture: CatalogFixture) => DatabaseModel): string[] {
  const names = fixtureNames(dialect);
  for (const name of names) {
    test(`catalog rows -> model: ${name}`, () => {
      const model = assemble(readFixture(dialect, name));
      assert.is(model.dialect, dialect);
      const file = path.join(CATALOG_FIXTURES, dialect, `${name}.model.json`);
      const text = snapshotText(model);
      if (UPDATE && (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text)) fs.writeFileSync(file, text);
      assert.ok(fs.existsSync(file), `missing ${file}; run with UPDATE_GOLDEN=1 and review it`);
      assert.fixture(text, fs.readFileSync(file, 'utf8'), `${dialect}/${name}.model.json differs (UPDATE_GOLDEN=1 rewrites it)`);
      assert.equal(readSnapshot(file), model, 'the model file reads back as a valid snapshot');
    });
  }
  test(`catalog fixtures of ${dialect}: every model file has its rows`, () => {
    const folder = path.join(CATALOG_FIXTURES, dialect);
    const models = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.model.json')).map((f) => f.slice(0, -'.model.json'.length)) : [];
    assert.equal(models.filter((m) => !names.includes(m)), [], 'model files without rows');
  });
  return names;
}
