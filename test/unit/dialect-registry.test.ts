/**
 * The dialect registry and the groundwork hooks: names derived from it, capabilities, the URL hook,
 * per-step statement termination and its default.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseDatabaseUrl, type UrlDialectInfo } from '../../src/config/url.ts';
import { DIALECT_NAMES } from '../../src/dialects/dialect-names.ts';
import fs from 'node:fs';
import path from 'node:path';
import { capabilitiesOf, requireCapability, requireDataDiff, type Dialect } from '../../src/dialects/dialect.ts';
import { DIALECT_IDENTITIES, identityByName } from '../../src/dialects/identities.ts';
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
  assert.throws(() => requireDataDiff(bare, '-source=legacy'), (error: unknown) => error instanceof ParityError && error.message === 'Bare has no data diff (dataDiff) in this version of parity' && error.where === '-source=legacy');
  requireDataDiff(postgres, 'x');
  requireCapability(bare, 'schemaModel', 'x');
});

test('the identity of each dialect (identities.ts) is the one its plug-in is registered with', () => {
  assert.equal(
    DIALECT_IDENTITIES.map((d) => d.name),
    DIALECTS.map((d) => d.name),
  );
  for (const dialect of DIALECTS) {
    const identity = identityByName(dialect.name);
    for (const field of Object.keys(identity) as (keyof typeof identity)[]) assert.is(dialect[field], identity[field], `${dialect.name}.${field}`);
    assert.ok(Object.keys(identity).length >= 6, dialect.name);
  }
});

/** The non-type imports of a source file, resolved to files (`.js` specifiers name `.ts` sources). */
function staticImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gms)) {
    if (match[2] === undefined) found.push(path.resolve(path.dirname(file), match[3]!.replace(/\.js$/, '.ts')));
  }
  return found;
}

test('dataDiff loads no schema side of a dialect: the static imports of its command reach identities, never the registry or an introspector', () => {
  const reached = new Set<string>();
  const visit = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    staticImports(file).forEach(visit);
  };
  visit(path.resolve('src/cli/data-diff-command.ts'));
  const relative = [...reached].map((f) => path.relative('src', f));
  assert.ok(relative.includes(path.join('dialects', 'identities.ts')));
  const schemaSide = relative.filter((f) => f === path.join('dialects', 'registry.ts') || /^dialects\/[^/]+\/[^/]+-(dialect|introspector|migration|migrate|schema-model|renderer|render)\.ts$/.test(f));
  assert.equal(schemaSide, []);
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
