/**
 * The diff artifact: everything later commands (diffText, generate, model) need, so they never
 * reconnect: the changes with the before and after object of every changed object and its DDL.
 * Written atomically as stable JSON; validated with ajv on read.
 */
import type { Change } from '../diff/changes.js';
import { DIALECT_NAMES } from '../dialects/dialect-names.js';
import type { DialectName, SchemaObject } from '../model/objects.js';
import { ParityError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import { compileDocumentSchema, readValidatedJson, rejectDuplicates, stableJson } from './json-file.js';

export const ARTIFACT_FORMAT_VERSION = 1;

export interface PreparationInfo {
  readonly sourceType: string;
  readonly [key: string]: unknown;
}

/** Which comparison source a side of the diff came from, without credentials. */
export interface SideInfo {
  /** What the user typed: `dev`, `snapshot:snapshots/prod.json`, `empty`. */
  readonly spec: string;
  readonly type: 'environment' | 'snapshot' | 'empty' | 'schemaModel' | 'migrations';
  /** Password-free description: `environment dev (postgres://app@127.0.0.1:5432/app)`. */
  readonly description: string;
  readonly preparationInfo: PreparationInfo | null;
  /**
   * A side compared without schema qualifiers: the one schema it read (the database a MySQL URL
   * names), which filters match `schema` patterns against. Absent otherwise.
   */
  readonly schema?: string;
}

export interface ArtifactChange extends Change {
  /** DDL of the object on each side (absent on the side that lacks it). */
  readonly sourceDefinition?: string;
  readonly targetDefinition?: string;
}

/**
 * Objects that depend on others (views, materialized views), changed or not, from each side: generate
 * needs them to drop and recreate an unchanged view around a change to a table it reads. Also the
 * parents and children of changed tables (partitions, inheritance), whose parts a partition gets.
 */
export interface DependentObjects {
  readonly source: readonly SchemaObject[];
  readonly target: readonly SchemaObject[];
}

export interface Artifact {
  readonly format: 'parity-artifact';
  readonly formatVersion: number;
  readonly dialect: DialectName;
  readonly source: SideInfo;
  readonly target: SideInfo;
  readonly changes: readonly ArtifactChange[];
  readonly dependentObjects: DependentObjects;
}

const side = {
  type: 'object',
  additionalProperties: false,
  required: ['spec', 'type', 'description', 'preparationInfo'],
  properties: {
    spec: { type: 'string' },
    type: { enum: ['environment', 'snapshot', 'empty', 'schemaModel', 'migrations'] },
    description: { type: 'string' },
    preparationInfo: { type: ['object', 'null'] },
    schema: { type: 'string' },
  },
};

const differenceType = { enum: ['Add', 'Edit', 'Delete'] };

const validateArtifact = compileDocumentSchema({
  type: 'object',
  additionalProperties: false,
  required: ['format', 'formatVersion', 'dialect', 'source', 'target', 'changes', 'dependentObjects'],
  properties: {
    format: { const: 'parity-artifact' },
    formatVersion: { type: 'integer' },
    dialect: { enum: [...DIALECT_NAMES] },
    source: side,
    target: side,
    dependentObjects: {
      type: 'object',
      additionalProperties: false,
      required: ['source', 'target'],
      properties: {
        source: { type: 'array', items: { $ref: 'parity-model#/definitions/schemaObject' } },
        target: { type: 'array', items: { $ref: 'parity-model#/definitions/schemaObject' } },
      },
    },
    changes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'differenceType', 'objectKind', 'schema', 'name', 'parts'],
        properties: {
          id: { type: 'string' },
          differenceType,
          objectKind: { type: 'string' },
          schema: { type: 'string' },
          name: { type: 'string' },
          source: { $ref: 'parity-model#/definitions/schemaObject' },
          target: { $ref: 'parity-model#/definitions/schemaObject' },
          sourceDefinition: { type: 'string' },
          targetDefinition: { type: 'string' },
          parts: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'partKind', 'name', 'differenceType'],
              properties: {
                id: { type: 'string' },
                partKind: { type: 'string' },
                name: { type: 'string' },
                differenceType,
                source: {},
                target: {},
              },
            },
          },
        },
      },
    },
  },
});

export function writeArtifact(file: string, artifact: Artifact): void {
  writeFileAtomic(file, stableJson(artifact));
}

export function readArtifact(file: string): Artifact {
  const artifact = readValidatedJson<Artifact>(file, validateArtifact, 'artifact', 'INVALID_ARTIFACT');
  if (artifact.formatVersion > ARTIFACT_FORMAT_VERSION) {
    throw new ParityError('INVALID_ARTIFACT', `artifact format version ${artifact.formatVersion} is newer than this parity supports (${ARTIFACT_FORMAT_VERSION})`, { where: file });
  }
  rejectDuplicates(artifact.changes, (change) => change.id, (change) => `change ${change.id}`, { path: '$.changes', what: 'artifact', code: 'INVALID_ARTIFACT', file });
  return artifact;
}
