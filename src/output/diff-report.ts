/** The `diff` command's output: a table for people, Flyway-shaped JSON for pipelines. */
import Table from 'cli-table3';
import type { Artifact, ArtifactChange } from '../artifact/artifact.js';
import { OBJECT_TYPE_LABELS } from '../model/labels.js';

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

/** Flyway-style `+---+` borders, so the table reads the same in any terminal or log. */
const ASCII_BORDERS = {
  top: '-', 'top-mid': '+', 'top-left': '+', 'top-right': '+',
  bottom: '-', 'bottom-mid': '+', 'bottom-left': '+', 'bottom-right': '+',
  left: '|', 'left-mid': '+', mid: '-', 'mid-mid': '+',
  right: '|', 'right-mid': '+', middle: '|',
};

export function diffTable(artifact: Artifact): string {
  if (artifact.changes.length === 0) return 'No differences found.';
  const table = new Table({
    head: ['Id', 'Change', 'Object Type', 'Schema', 'Name'],
    style: { head: [], border: [] },
    chars: ASCII_BORDERS,
  });
  for (const change of artifact.changes) {
    table.push([change.id, change.differenceType, OBJECT_TYPE_LABELS[change.objectKind], change.schema, change.name]);
  }
  return table.toString();
}
