/**
 * The dialect registry and the groundwork hooks: names derived from it, capabilities, the URL hook,
 * per-step statement termination and its default.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseDatabaseUrl, type UrlDialectInfo } from '../../src/config/url.ts';
import { DIALECT_NAMES } from '../../src/dialects/dialect-names.ts';
import { capabilitiesOf, requireCapability, type Dialect } from '../../src/dialects/dialect.ts';
import { DIALECTS, dialectByName } from '../../src/dialects/registry.ts';
import { dataDialectFor } from '../../src/data-diff/sql/data-dialects.ts';
import { ParityError } from '../../src/errors.ts';
import { terminateStatement, type MigrationRenderer } from '../../src/generate/migration-hooks.ts';
import { renderScript } from '../../src/generate/script.ts';
import { MODEL_DEFINITIONS } from '../../src/model/model-schema.ts';

test('every registered dialect answers to its own name, in the order of DIALECT_NAMES', () => {
  assert.equal(
    DIALECTS.map((d) => d.name),
    [...DIALECT_NAMES],
  );
  for (const name of DIALECT_NAMES) assert.is(dialectByName(name).name, name);
});

test('the JSON schemas of snapshots and artifacts take their dialect list from the registry', () => {
  const model = MODEL_DEFINITIONS['databaseModel'] as { properties: { dialect: { enum: string[] } } };
  assert.equal(model.properties.dialect.enum, [...DIALECT_NAMES]);
});

test('a dialect declares dataDiff exactly when src/data-diff/sql has its data dialect', () => {
  for (const dialect of DIALECTS) {
    let found = true;
    try {
      dataDialectFor(dialect.name);
    } catch {
      found = false;
    }
    assert.is(dialect.dataDiff, found, dialect.name);
  }
});

test('URL schemes belong to one dialect each', () => {
  const schemes = DIALECTS.flatMap((d) => d.urlSchemes);
  assert.equal(schemes.length, new Set(schemes).size);
});

test('capabilities: from the hooks a dialect has and its dataDiff declaration', () => {
  for (const dialect of DIALECTS) {
    const c = capabilitiesOf(dialect);
    assert.is(c.schemaDiff, true);
    assert.is(c.generate, true);
    assert.is(c.migrate, dialect.migrate !== undefined, dialect.name);
    assert.is(c.schemaModel, dialect.schemaModel !== undefined, dialect.name);
  }
  const postgres = dialectByName('postgres');
  assert.equal(capabilitiesOf(postgres), { schemaDiff: true, generate: true, migrate: true, schemaModel: true, dataDiff: true });
  const bare: Dialect = { ...postgres, displayName: 'Bare', dataDiff: false };
  delete (bare as { migrate?: unknown }).migrate;
  try {
    requireCapability(bare, 'dataDiff', '-source=legacy');
    assert.unreachable();
  } catch (error) {
    assert.instance(error, ParityError);
    assert.is((error as ParityError).code, 'UNSUPPORTED');
    assert.is((error as ParityError).message, 'Bare has no data diff (dataDiff) in this version of parity');
    assert.is((error as ParityError).where, '-source=legacy');
  }
  assert.throws(() => requireCapability(bare, 'migrate', 'x'), /has no migrations/);
  requireCapability(bare, 'schemaModel', 'x');
});

test('a dialect with its own parseUrl gets the URL as written; others the shared parser', () => {
  const seen: string[] = [];
  const own: UrlDialectInfo = {
    name: 'mysql',
    urlSchemes: ['odd'],
    defaultPort: 1,
    parseUrl: (url) => {
      seen.push(url);
      return { dialect: 'mysql', host: 'h', port: 1, database: 'd', params: {} };
    },
  };
  const standard: UrlDialectInfo = { name: 'postgres', urlSchemes: ['postgres'], defaultPort: 5432 };
  assert.is(parseDatabaseUrl(' jdbc:odd:thin:@//h/d ', [standard, own], 'x').database, 'd');
  assert.equal(seen, ['jdbc:odd:thin:@//h/d']);
  assert.is(parseDatabaseUrl('postgres://h/app', [standard, own], 'x').port, 5432);
  assert.throws(() => parseDatabaseUrl('other:thing', [standard, own], 'x'), /is not a database URL \(expected jdbc:SCHEME:\/\/host:port\/db or SCHEME:\/\/\.\.\., SCHEME one of postgres, odd\)/);
  assert.throws(() => parseDatabaseUrl('nonsense', DIALECTS, 'x'), /SCHEME one of postgresql, postgres, mysql, mariadb, sqlserver, oracle\)/);
});

test('statement termination: per step through the dialect hook, `;` by default, the preamble too', () => {
  const base: MigrationRenderer = dialectByName('postgres').migration;
  assert.is(terminateStatement(base, { sql: 'DROP TABLE t' }), 'DROP TABLE t;');
  const batches: MigrationRenderer = { ...base, terminate: (step) => (step.ownTerminators ? `${step.sql}\n/` : `${step.sql}\nGO`) };
  const text = renderScript([{ phase: 'createTables', sql: 'CREATE TABLE t (a int)' }, { phase: 'createRoutines', sql: 'BEGIN NULL; END;', ownTerminators: true }], {
    terminate: (step) => terminateStatement(batches, step),
    preamble: [{ sql: 'SET X ON', reason: 'why' }],
    header: { kind: 'versioned', from: { spec: 'a', type: 'empty', description: 'a', preparationInfo: null }, to: { spec: 'b', type: 'empty', description: 'b', preparationInfo: null }, changes: [], transactionalDdl: true },
  });
  assert.match(text, '-- why\nSET X ON\nGO\n\nCREATE TABLE t (a int)\nGO\n\nBEGIN NULL; END;\n/\n');
});

test.run();
