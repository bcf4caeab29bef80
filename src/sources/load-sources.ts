/** Resolves `-source` and `-target` into models. `empty` takes the dialect of the other side. */
import { filterModel } from '../filters/object-filter.js';
import { SNAPSHOT_HISTORY_TABLE } from '../migrations/snapshot-history.js';
import type { DialectName } from '../model/objects.js';
import { loadMigrationsSource } from './build-source.js';
import { loadEnvironmentSource } from './environment-source.js';
import { loadSchemaModelSource } from './schema-model-source.js';
import { loadSnapshotSource } from './snapshot-source.js';
import { projectDialect } from './project-dialect.js';
import { selectSchemas } from './schema-selection.js';
import { checkDialects, comparesUnqualified, planSide, type SidePlan } from './scope.js';
import { emptyModel, parseSourceSpec, type LoadedSource, type SourceContext, type SourceSpec } from './source.js';


/** A loaded side without privileges (a snapshot may hold them), unless they are asked for. */
function withoutPrivileges(loaded: LoadedSource, context: SourceContext): LoadedSource {
  if (context.includePrivileges) return loaded;
  if (!loaded.model.objects.some((o) => o.privileges !== undefined || (o.kind === 'schema' && o.defaultPrivileges !== undefined))) return loaded;
  const objects = loaded.model.objects.map((object) => {
    const { privileges: _privileges, ...rest } = object;
    if (rest.kind !== 'schema') return rest;
    const { defaultPrivileges: _defaults, ...schema } = rest;
    return schema;
  });
  return { ...loaded, model: { ...loaded.model, objects } };
}

async function loadRaw(spec: Exclude<SourceSpec, { type: 'empty' }>, text: string, setting: string, context: SourceContext): Promise<LoadedSource> {
  switch (spec.type) {
    case 'environment':
      return loadEnvironmentSource(spec.name, setting, context);
    case 'snapshot':
      return loadSnapshotSource(spec.path, text, context);
    case 'schemaModel':
      return loadSchemaModelSource(text, setting, context);
    case 'migrations':
      return loadMigrationsSource(text, setting, context);
  }
}

/** A loaded side without Flyway's own objects (the schema and snapshot history tables), unless they are asked for. */
function withoutFlywayObjects(loaded: LoadedSource, context: SourceContext): LoadedSource {
  if (context.includeFlywayObjects) return loaded;
  const tables = new Set([context.config.migrations.table, SNAPSHOT_HISTORY_TABLE]);
  const objects = loaded.model.objects.filter((object) => !(object.kind === 'table' && tables.has(object.name)));
  return objects.length === loaded.model.objects.length ? loaded : { ...loaded, model: { ...loaded.model, objects } };
}

function emptySide(text: string, dialect: DialectName): LoadedSource {
  return { model: emptyModel(dialect), side: { spec: text, type: 'empty', description: 'empty', preparationInfo: null } };
}

/**
 * Loads one source on its own (for `snapshot`), unqualified when it reads so on its own, and cut down
 * to `context.snapshotSchemas` whatever kind of source it is (a snapshot is cut while it is planned).
 */
export async function loadSource(text: string, setting: string, context: SourceContext): Promise<LoadedSource> {
  const spec = parseSourceSpec(text, setting);
  const selection = context.snapshotSchemas;
  if (spec.type === 'empty') {
    const empty = emptySide(text, projectDialect(context.config).name);
    return selection ? selectSchemas(empty, selection, 'empty') : empty;
  }
  const plan = planSide(spec, text, setting, context);
  checkDialects([plan], context.config);
  const sideContext = { ...context, unqualified: plan.unqualified };
  const schema = unqualifiedSchema(plan, sideContext);
  const loaded = await loadPlanned(spec, text, setting, plan, sideContext, schema !== undefined ? [schema] : []);
  return selection && spec.type !== 'snapshot' ? selectSchemas(loaded, selection, plan.what) : loaded;
}

/** The one schema a side read under its own name, when it is compared without qualifiers. */
function unqualifiedSchema(plan: SidePlan, context: SourceContext): string | undefined {
  const only = plan.schemas?.length === 1 ? plan.schemas[0] : undefined;
  return context.unqualified && only !== undefined && only !== '' ? only : undefined;
}

/**
 * Loads a planned side, without the objects the filter leaves out; `unqualifiedSchemas`: the schemas
 * the sides of a comparison without qualifiers read (what filters match `schema` patterns against).
 */
async function loadPlanned(spec: SourceSpec, text: string, setting: string, plan: SidePlan, context: SourceContext, unqualifiedSchemas: readonly string[]): Promise<LoadedSource> {
  if (spec.type === 'empty') throw new Error('an empty side is not loaded');
  const loaded = plan.preloaded ?? (await loadRaw(spec, text, setting, context));
  return finishSide(loaded, plan, context, unqualifiedSchemas);
}

/**
 * A side as read (`loaded`) made ready to compare: without Flyway's tables and privileges unless
 * asked for, without the objects the filter leaves out, and named by its one schema when it is
 * compared unqualified (`unqualifiedSchemas`: see loadPlanned).
 */
export function finishSide(loaded: LoadedSource, plan: SidePlan, context: SourceContext, unqualifiedSchemas: readonly string[]): LoadedSource {
  const kept = withoutPrivileges(withoutFlywayObjects(loaded, context), context);
  const schema = unqualifiedSchema(plan, context);
  const model = context.objectFilter ? filterModel(kept.model, context.objectFilter, unqualifiedSchemas) : kept.model;
  return { model, side: schema !== undefined ? { ...kept.side, schema } : kept.side };
}

/** The schemas the sides of a comparison read under their own names when it is unqualified (what filters match). */
export function unqualifiedSchemaNames(plans: readonly SidePlan[], context: SourceContext): string[] {
  return [...new Set(plans.flatMap((plan) => unqualifiedSchema(plan, context) ?? []))];
}

/**
 * Loads the two sides of a comparison; a parse error in either is reported before any connection.
 * Whether they are compared without schema qualifiers is decided first, from their settings.
 */
export async function loadSourcePair(
  sourceText: string,
  targetText: string,
  context: SourceContext,
): Promise<{ source: LoadedSource; target: LoadedSource }> {
  const sourceSpec = parseSourceSpec(sourceText, '-source');
  const targetSpec = parseSourceSpec(targetText, '-target');
  if (context.snapshotSchemas?.fromCommandLine && sourceSpec.type !== 'snapshot' && targetSpec.type !== 'snapshot') {
    context.onWarning?.(`${context.snapshotSchemas.setting} is not used: neither -source nor -target is a snapshot`);
  }
  if (sourceSpec.type === 'empty' && targetSpec.type === 'empty') {
    const dialect = projectDialect(context.config).name;
    return { source: emptySide(sourceText, dialect), target: emptySide(targetText, dialect) };
  }
  const sourcePlan = planSide(sourceSpec, sourceText, '-source', context);
  const targetPlan = planSide(targetSpec, targetText, '-target', context);
  checkDialects([sourcePlan, targetPlan], context.config);
  const sideContext: SourceContext = { ...context, unqualified: comparesUnqualified(sourcePlan, targetPlan) };
  const names = unqualifiedSchemaNames([sourcePlan, targetPlan], sideContext);
  if (sourceSpec.type === 'empty') {
    const target = await loadPlanned(targetSpec, targetText, '-target', targetPlan, sideContext, names);
    return { source: emptySide(sourceText, target.model.dialect), target };
  }
  if (targetSpec.type === 'empty') {
    const source = await loadPlanned(sourceSpec, sourceText, '-source', sourcePlan, sideContext, names);
    return { source, target: emptySide(targetText, source.model.dialect) };
  }
  // Both sides are read at the same time: two databases, two connections.
  const [source, target] = await Promise.all([
    loadPlanned(sourceSpec, sourceText, '-source', sourcePlan, sideContext, names),
    loadPlanned(targetSpec, targetText, '-target', targetPlan, sideContext, names),
  ]);
  return { source, target };
}
