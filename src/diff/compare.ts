/** The diff service: load both sides, compare, and build the artifact that later commands read. */
import type { Artifact, ArtifactChange } from '../artifact/artifact.js';
import { ARTIFACT_FORMAT_VERSION } from '../artifact/artifact.js';
import type { Dialect } from '../dialects/dialect.js';
import { dialectByName } from '../dialects/registry.js';
import type { DatabaseModel, SchemaObject } from '../model/objects.js';
import { loadSourcePair } from '../sources/load-sources.js';
import type { LoadedSource, SourceContext } from '../sources/source.js';
import type { Change } from './changes.js';
import { diffModels } from './differ.js';
import { ignoreInSource } from './ignore.js';

const nameKey = (ref: { readonly schema: string; readonly name: string }) => JSON.stringify([ref.schema, ref.name]);

/**
 * Objects of one side that generate needs besides the changed ones: views and materialized views
 * (dropped and recreated around changes to what they read), and the tables related to a changed table
 * through the parents the dialect names for it (`migration.createdBefore`: partitioning, inheritance),
 * its ancestors (what a partition or child gets from them) and descendants (what is detached and
 * attached again around a recreated parent).
 */
export function dependentObjectsOf(model: DatabaseModel, changes: readonly Change[], dialect: Dialect): SchemaObject[] {
  const tables = new Map(model.objects.filter((o) => o.kind === 'table').map((o) => [nameKey(o), o]));
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const [key, table] of tables) {
    for (const parent of dialect.migration.createdBefore?.(table) ?? []) {
      const parentKey = nameKey(parent);
      if (!tables.has(parentKey)) continue;
      parents.set(key, [...(parents.get(key) ?? []), parentKey]);
      children.set(parentKey, [...(children.get(parentKey) ?? []), key]);
    }
  }
  const related = new Set<string>();
  const walk = (start: readonly string[], next: Map<string, string[]>) => {
    const queue = [...start];
    for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
      for (const other of next.get(key) ?? []) {
        if (related.has(other)) continue;
        related.add(other);
        queue.push(other);
      }
    }
  };
  const changed = changes.filter((c) => c.objectKind === 'table').map(nameKey);
  walk(changed, children);
  walk([...changed, ...related], parents);
  return model.objects.filter(
    (object) => object.kind === 'view' || object.kind === 'materializedView' || (object.kind === 'table' && related.has(nameKey(object))),
  );
}

export interface CompareOptions {
  /** `-ignore`: categories of src/diff/ignore.ts, already checked. */
  readonly ignore?: readonly string[];
}

export async function compareSources(sourceText: string, targetText: string, context: SourceContext, options: CompareOptions = {}): Promise<Artifact> {
  const loaded = await loadSourcePair(sourceText, targetText, context);
  context.onProgress?.('comparing');
  return compareLoaded(loaded.source, loaded.target, options);
}

/** Compares two loaded sides (see compareSources): the artifact of `source` against `target`. */
export function compareLoaded(loadedSource: LoadedSource, target: LoadedSource, options: CompareOptions = {}): Artifact {
  // Ignored properties: the source compares (and is written to the artifact) with the target's.
  const source = { ...loadedSource, model: ignoreInSource(loadedSource.model, target.model, options.ignore ?? []) };
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
    dependentObjects: { source: dependentObjectsOf(source.model, changes, dialect), target: dependentObjectsOf(target.model, changes, dialect) },
  };
}
