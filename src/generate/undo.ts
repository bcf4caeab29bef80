/**
 * Undo scripts: the same planner run on the inverted changes. Inverting is exact because the artifact
 * holds both sides of every change and the views of both sides: an Add becomes a Delete of the same
 * object, a Delete an Add, an Edit keeps its parts with source and target swapped.
 */
import type { DependentObjects } from '../artifact/artifact.js';
import type { Change, DifferenceType, PartChange } from '../diff/changes.js';

function invertType(type: DifferenceType): DifferenceType {
  return type === 'Add' ? 'Delete' : type === 'Delete' ? 'Add' : 'Edit';
}

function invertPart(part: PartChange): PartChange {
  return {
    id: part.id,
    partKind: part.partKind,
    name: part.name,
    differenceType: invertType(part.differenceType),
    ...(part.target !== undefined ? { source: part.target } : {}),
    ...(part.source !== undefined ? { target: part.source } : {}),
  };
}

export function invertChange(change: Change): Change {
  return {
    id: change.id,
    differenceType: invertType(change.differenceType),
    objectKind: change.objectKind,
    schema: change.schema,
    name: change.name,
    ...(change.target !== undefined ? { source: change.target } : {}),
    ...(change.source !== undefined ? { target: change.source } : {}),
    parts: change.parts.map(invertPart),
  };
}

export function invertChanges(changes: readonly Change[]): Change[] {
  return changes.map(invertChange);
}

export function invertDependentObjects(dependents: DependentObjects): DependentObjects {
  return { source: dependents.target, target: dependents.source };
}
