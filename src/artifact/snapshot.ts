/**
 * Snapshot files: a model written as stable JSON with a format version, so the same schema gives
 * byte-identical files on every run and machine. No timestamps, hosts or credentials are stored.
 */
import type { DatabaseModel } from '../model/objects.js';
import { ParityError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import { OBJECT_TYPE_LABELS } from '../model/labels.js';
import { shownName } from '../model/unqualify.js';
import { compileDocumentSchema, parseValidatedJson, readValidatedJson, rejectDuplicates, stableJson } from './json-file.js';

export const SNAPSHOT_FORMAT_VERSION = 1;

export interface SnapshotFile {
  readonly format: 'parity-snapshot';
  readonly formatVersion: number;
  readonly model: DatabaseModel;
}

const validateSnapshot = compileDocumentSchema({
  type: 'object',
  additionalProperties: false,
  required: ['format', 'formatVersion', 'model'],
  properties: {
    format: { const: 'parity-snapshot' },
    formatVersion: { type: 'integer' },
    model: { $ref: 'parity-model#/definitions/databaseModel' },
  },
});

/** A snapshot file's text: the same model gives the same bytes. */
export function snapshotText(model: DatabaseModel): string {
  const snapshot: SnapshotFile = { format: 'parity-snapshot', formatVersion: SNAPSHOT_FORMAT_VERSION, model };
  return stableJson(snapshot);
}

export function writeSnapshot(file: string, model: DatabaseModel): void {
  writeFileAtomic(file, snapshotText(model));
}

export function readSnapshot(file: string): DatabaseModel {
  return checkedSnapshot(readValidatedJson<SnapshotFile>(file, validateSnapshot, 'snapshot', 'INVALID_SNAPSHOT'), file);
}

/** A snapshot's model from its text (stored elsewhere than in a file: `where` names the place). */
export function parseSnapshot(text: string, where: string): DatabaseModel {
  return checkedSnapshot(parseValidatedJson<SnapshotFile>(text, where, validateSnapshot, 'snapshot', 'INVALID_SNAPSHOT'), where);
}

function checkedSnapshot(snapshot: SnapshotFile, file: string): DatabaseModel {
  if (snapshot.formatVersion > SNAPSHOT_FORMAT_VERSION) {
    throw new ParityError('INVALID_SNAPSHOT', `snapshot format version ${snapshot.formatVersion} is newer than this parity supports (${SNAPSHOT_FORMAT_VERSION})`, { where: file });
  }
  rejectDuplicates(
    snapshot.model.objects,
    (object) => JSON.stringify([object.kind, object.schema, object.name]),
    (object) => `${OBJECT_TYPE_LABELS[object.kind]} ${object.kind === 'schema' ? object.name : shownName(object.schema, object.name)}`,
    { path: '$.model.objects', what: 'snapshot', code: 'INVALID_SNAPSHOT', file },
  );
  return snapshot.model;
}
