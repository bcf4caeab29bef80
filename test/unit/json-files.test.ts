import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readArtifact, writeArtifact, type Artifact } from '../../src/artifact/artifact.ts';
import { readSnapshot, writeSnapshot } from '../../src/artifact/snapshot.ts';
import type { DatabaseModel } from '../../src/model/objects.ts';
import { catchParityError } from '../support/parity-error.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-json-'));
const model: DatabaseModel = {
  dialect: 'postgres',
  schemas: ['public'],
  objects: [
    { kind: 'schema', schema: 'public', name: 'public', comment: 'standard public schema' },
    {
      kind: 'table',
      schema: 'public',
      name: 'orders',
      columns: [{ name: 'id', type: 'integer', nullable: false, identity: { generation: 'always' } }],
      primaryKey: { name: 'orders_pkey', columns: ['id'] },
      uniqueConstraints: [],
      checkConstraints: [{ name: 'c', expression: '(id > 0)' }],
      foreignKeys: [],
      indexes: [],
      triggers: [],
    },
    { kind: 'enum', schema: 'public', name: 'mood', values: ['sad', 'ok'] },
  ],
};


test('snapshot round trip is lossless and byte-stable with sorted keys', () => {
  const file = path.join(dir, 'a.json');
  writeSnapshot(file, model);
  const first = fs.readFileSync(file, 'utf8');
  assert.equal(readSnapshot(file), model);
  writeSnapshot(file, readSnapshot(file));
  assert.is(fs.readFileSync(file, 'utf8'), first);
  assert.ok(first.indexOf('"format"') < first.indexOf('"formatVersion"') && first.indexOf('"formatVersion"') < first.indexOf('"model"'));
  assert.equal(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});

test('a malformed snapshot names the JSON path of the first problem', () => {
  const file = path.join(dir, 'bad.json');
  const broken = JSON.parse(JSON.stringify({ format: 'parity-snapshot', formatVersion: 1, model })) as { model: { objects: Array<Record<string, unknown>> } };
  (broken.model.objects[1]!['columns'] as Array<Record<string, unknown>>)[0]!['nullable'] = 'no';
  fs.writeFileSync(file, JSON.stringify(broken));
  const error = catchParityError(() => readSnapshot(file));
  assert.is(error.code, 'INVALID_SNAPSHOT');
  assert.match(error.message, '$.model.objects[1].columns[0].nullable');
  assert.is(error.where, file);
});

test('unknown property, wrong kind, truncated JSON and missing file', () => {
  const file = path.join(dir, 'bad2.json');
  fs.writeFileSync(file, JSON.stringify({ format: 'parity-snapshot', formatVersion: 1, model: { ...model, objects: [{ kind: 'enum', schema: 's', name: 'n', values: [], colour: 1 }] } }));
  assert.match(catchParityError(() => readSnapshot(file)).message, '$.model.objects[0].colour');
  fs.writeFileSync(file, JSON.stringify({ format: 'parity-snapshot', formatVersion: 1, model: { ...model, objects: [{ kind: 'tabel', schema: 's', name: 'n' }] } }));
  assert.match(catchParityError(() => readSnapshot(file)).message, '$.model.objects[0].kind');
  fs.writeFileSync(file, '{"format": "parity-snapshot", "formatVer');
  assert.match(catchParityError(() => readSnapshot(file)).message, 'not valid JSON');
  const missing = catchParityError(() => readSnapshot(path.join(dir, 'nope.json')));
  assert.is(missing.code, 'FILE_NOT_FOUND');
});

test('artifact round trip and validation', () => {
  const file = path.join(dir, 'out', 'x.artifact');
  const artifact: Artifact = {
    format: 'parity-artifact',
    formatVersion: 1,
    dialect: 'postgres',
    source: { spec: 'dev', type: 'environment', description: 'environment dev', preparationInfo: null },
    target: { spec: 'empty', type: 'empty', description: 'empty', preparationInfo: null },
    changes: [{ id: 'x', differenceType: 'Add', objectKind: 'enum', schema: 'public', name: 'mood', source: model.objects[2]!, sourceDefinition: 'CREATE TYPE ...', parts: [] }],
    dependentObjects: { source: [{ kind: 'view', schema: 'public', name: 'v', definition: 'SELECT 1' }], target: [] },
  };
  writeArtifact(file, artifact);
  assert.equal(readArtifact(file), artifact);
  fs.writeFileSync(file, JSON.stringify({ ...artifact, changes: [{ ...artifact.changes[0], differenceType: 'Change' }] }));
  const error = catchParityError(() => readArtifact(file));
  assert.is(error.code, 'INVALID_ARTIFACT');
  assert.match(error.message, '$.changes[0].differenceType');
});

test.after(() => fs.rmSync(dir, { recursive: true, force: true }));
test.run();
