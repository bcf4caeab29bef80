/** The `diff` command's output: a table for people, Flyway-shaped JSON for pipelines. */
import type { Artifact, ArtifactChange } from '../artifact/artifact.js';
import { OBJECT_TYPE_LABELS } from '../model/labels.js';
import { asciiTable } from './ascii-table.js';

interface SideJson {
  readonly schema: string;
  readonly name: string;
  readonly definition: string | null;
}

export interface DiffJson {
  readonly differences: ReadonlyArray<{
    readonly id: string;
    readonly differenceType: string;
    readonly objectType: string;
    readonly from: SideJson | null;
    readonly to: SideJson | null;
  }>;
  readonly sourcePreparationInfo: unknown;
  readonly targetPreparationInfo: unknown;
}

export function diffJson(artifact: Artifact): DiffJson {
  const side = (change: ArtifactChange, present: boolean, definition: string | undefined): SideJson | null =>
    present ? { schema: change.schema, name: change.name, definition: definition ?? null } : null;
  return {
    differences: artifact.changes.map((change) => ({
      id: change.id,
      differenceType: change.differenceType,
      objectType: OBJECT_TYPE_LABELS[change.objectKind],
      from: side(change, change.source !== undefined, change.sourceDefinition),
      to: side(change, change.target !== undefined, change.targetDefinition),
    })),
    sourcePreparationInfo: artifact.source.preparationInfo,
    targetPreparationInfo: artifact.target.preparationInfo,
  };
}

export function diffTable(artifact: Artifact): string {
  if (artifact.changes.length === 0) return 'No differences found.';
  return asciiTable(
    ['Id', 'Change', 'Object Type', 'Schema', 'Name'],
    artifact.changes.map((change) => [change.id, change.differenceType, OBJECT_TYPE_LABELS[change.objectKind], change.schema, change.name]),
  );
}
