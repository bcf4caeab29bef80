/**
 * `-changes=ID1,ID2`: picks changes from an artifact by ID; an unknown ID is an error naming it.
 * `-filterFile`: keeps the changes whose object a filter keeps.
 */
import { ParityError } from '../errors.js';
import { filterChanges, type ObjectFilter } from '../filters/object-filter.js';
import type { Change } from '../diff/changes.js';
import type { Artifact, ArtifactChange } from './artifact.js';

export function selectChanges(artifact: Artifact, changesArg: string | undefined, artifactFile: string): ArtifactChange[] {
  if (changesArg === undefined || changesArg.trim() === '') return [...artifact.changes];
  const wanted = changesArg.split(',').map((id) => id.trim()).filter(Boolean);
  const byId = new Map(artifact.changes.map((change) => [change.id, change]));
  const unknown = wanted.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new ParityError('INVALID_ARGUMENT', `no change with ID ${unknown.join(', ')} in the artifact`, { where: artifactFile });
  }
  const selected = new Set(wanted);
  // Keep the artifact's order, whatever order the IDs were given in.
  return artifact.changes.filter((change) => selected.has(change.id));
}

/** The changes whose object `filter` keeps; objects compared without qualifiers are matched with the schemas the sides read. */
export function filterArtifactChanges<C extends ArtifactChange | Change>(artifact: Artifact, changes: readonly C[], filter: ObjectFilter): C[] {
  const schemas = [...new Set([artifact.source.schema, artifact.target.schema].filter((schema): schema is string => schema !== undefined))];
  return filterChanges(changes, filter, schemas);
}
