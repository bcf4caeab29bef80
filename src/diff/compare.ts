/** The diff service: load both sides, compare, and build the artifact that later commands read. */
import type { Artifact, ArtifactChange } from '../artifact/artifact.js';
import { ARTIFACT_FORMAT_VERSION } from '../artifact/artifact.js';
import { dialectByName } from '../dialects/registry.js';
import type { DatabaseModel, SchemaObject } from '../model/objects.js';
import { loadSourcePair } from '../sources/load-sources.js';
import type { SourceContext } from '../sources/source.js';
import { diffModels } from './differ.js';
import { ignoreInSource } from './ignore.js';

/** Objects whose definition reads other objects (views, materialized views). */
function dependents(model: DatabaseModel): SchemaObject[] {
  return model.objects.filter((object) => object.kind === 'view' || object.kind === 'materializedView');
}

export interface CompareOptions {
  /** `-ignore`: categories of src/diff/ignore.ts, already checked. */
  readonly ignore?: readonly string[];
}

export async function compareSources(sourceText: string, targetText: string, context: SourceContext, options: CompareOptions = {}): Promise<Artifact> {
  const loaded = await loadSourcePair(sourceText, targetText, context);
  const target = loaded.target;
  // Ignored properties: the source compares (and is written to the artifact) with the target's.
  const source = { ...loaded.source, model: ignoreInSource(loaded.source.model, target.model, options.ignore ?? []) };
  context.onProgress?.('comparing');
  const dialect = dialectByName(source.model.dialect);
  const changes = diffModels(source.model, target.model, { columnOrder: dialect.comparesColumnOrder === true });
  const withDefinitions: ArtifactChange[] = changes.map((change) => ({
    ...change,
    ...(change.source ? { sourceDefinition: dialect.renderCreate(change.source) } : {}),
    ...(change.target ? { targetDefinition: dialect.renderCreate(change.target) } : {}),
  }));
  return {
    format: 'parity-artifact',
    formatVersion: ARTIFACT_FORMAT_VERSION,
    dialect: source.model.dialect,
    source: source.side,
    target: target.side,
    changes: withDefinitions,
    dependentObjects: { source: dependents(source.model), target: dependents(target.model) },
  };
}
