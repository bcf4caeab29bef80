/**
 * Whether a comparison names schemas at all. Two copies of one schema under different names (`app`
 * on dev, `app_copy` beside it) are the same schema to the people comparing them, so parity reads
 * both sides "unqualified" (IntrospectOptions.unqualified: schema `''`, texts without the qualifier)
 * and renders DDL that runs in whatever schema the script is run in. That happens when:
 * - either side reads one schema named by its URL and has no `schemas` setting (a MySQL URL's
 *   database; a PostgreSQL URL's `currentSchema`), or is a schema model its dialect always reads
 *   unqualified (MySQL), or is a snapshot taken unqualified; or
 * - both sides read exactly one schema each, known from their settings, under different names.
 * A side that cannot be read that way (several schemas, a snapshot taken with qualifiers) is an error
 * naming it, rather than a comparison in which every object differs.
 */
import { getEnvironment, type ParityConfig } from '../config/config.js';
import { dialectByName } from '../dialects/registry.js';
import { ParityError } from '../errors.js';
import type { DialectName } from '../model/objects.js';
import { environmentConnection, environmentSchemas, schemaNamedByUrl } from './environment-connection.js';
import { projectDialect } from './project-dialect.js';
import { selectSchemas } from './schema-selection.js';
import { loadSnapshotSource } from './snapshot-source.js';
import type { LoadedSource, SourceContext, SourceSpec } from './source.js';

export interface SidePlan {
  readonly setting: string;
  /** How the side is named in messages: `environment "dev"`. */
  readonly what: string;
  /** The side reads unqualified on its own (see the module comment). */
  readonly unqualified: boolean;
  /** The schemas it reads, when its settings say so before anything is read. */
  readonly schemas?: readonly string[];
  /** A snapshot is read while planning (it says how it was taken); the loader reuses it. */
  readonly preloaded?: LoadedSource;
  /** The side's dialect, known from its settings (undefined for `empty`, which takes the other side's). */
  readonly dialect?: DialectName;
}

function environmentPlan(config: ParityConfig, name: string, setting: string, what: string): Omit<SidePlan, 'setting'> {
  const environment = getEnvironment(config, name, setting);
  const connection = environmentConnection(config, environment);
  const dialect = dialectByName(connection.dialect);
  const schemas = environmentSchemas(config, environment, connection);
  const explicit = environment.schemas.length > 0 || config.migrations.schemas.length > 0;
  return { what, unqualified: !explicit && schemaNamedByUrl(dialect, connection) !== undefined, schemas, dialect: dialect.name };
}

/** `a PostgreSQL`, `an Oracle`: a dialect's name with its article, for messages. */
function withArticle(name: string): string {
  return `${/^[AEIOU]/i.test(name) ? 'an' : 'a'} ${name}`;
}

export function planSide(spec: SourceSpec, text: string, setting: string, context: SourceContext): SidePlan {
  const config = context.config;
  switch (spec.type) {
    case 'empty':
      return { setting, what: 'empty', unqualified: false, schemas: [] };
    case 'environment':
      return { setting, ...environmentPlan(config, spec.name, setting, `environment "${spec.name}"`) };
    case 'migrations': {
      const build = context.build?.buildEnvironment;
      if (build === undefined) {
        const schemas = config.migrations.schemas;
        return { setting, what: 'migrations', unqualified: false, ...(schemas.length > 0 ? { schemas } : {}), dialect: projectDialect(config).name };
      }
      return { setting, ...environmentPlan(config, build, '-buildEnvironment', `migrations (build environment "${build}")`) };
    }
    case 'schemaModel': {
      const dialect = projectDialect(config);
      const schemas = config.schemaModelSchemas;
      return { setting, what: 'schemaModel', unqualified: dialect.schemaModel?.unqualified === true, ...(schemas.length > 0 ? { schemas } : {}), dialect: dialect.name };
    }
    case 'snapshot': {
      const what = `snapshot ${spec.path}`;
      const whole = loadSnapshotSource(spec.path, text, context);
      const preloaded = context.snapshotSchemas ? selectSchemas(whole, context.snapshotSchemas, what) : whole;
      const schemas = preloaded.model.schemas;
      return { setting, what, unqualified: schemas.length === 1 && schemas[0] === '', schemas, preloaded, dialect: preloaded.model.dialect };
    }
  }
}

/**
 * How to get a snapshot that compares without qualifiers: only a side read unqualified writes one (a
 * snapshot of an environment with `schemas = ["sales"]` is qualified; `-snapshotSchemas` keeps it so).
 */
const UNQUALIFIED_SNAPSHOT_FIX = 'take the snapshot again from an environment whose URL names its one schema and that has no schemas setting';

/**
 * Every side's dialect must be the project's when `databaseType` names it (an unknown `databaseType`
 * is an error here too, whatever the sides), and the two sides' must agree: checked before anything
 * about their schemas, so a mismatch is reported as what it is.
 */
export function checkDialects(plans: readonly SidePlan[], config: ParityConfig): void {
  if (config.databaseType !== undefined) {
    const project = projectDialect(config);
    for (const plan of plans) {
      if (plan.dialect === undefined || plan.dialect === project.name) continue;
      throw new ParityError(
        'CONFIG_ERROR',
        `${plan.what} is ${withArticle(dialectByName(plan.dialect).displayName)} database, but databaseType "${config.databaseType.value}" makes this ${withArticle(project.displayName)} project`,
        { where: `${config.databaseType.definedIn}: databaseType` },
      );
    }
  }
  const [source, target] = plans;
  if (source?.dialect !== undefined && target?.dialect !== undefined && source.dialect !== target.dialect) {
    throw new ParityError(
      'UNSUPPORTED',
      `cannot compare ${source.what} (${dialectByName(source.dialect).displayName}) with ${target.what} (${dialectByName(target.dialect).displayName}): schemas of different database systems`,
      { where: target.setting },
    );
  }
}

/** Whether the two sides are compared without schema qualifiers; an error when one side cannot be. */
export function comparesUnqualified(source: SidePlan, target: SidePlan): boolean {
  const reason = [source, target].find((p) => p.unqualified);
  const single = (p: SidePlan) => p.schemas !== undefined && p.schemas.length === 1;
  const renamed = single(source) && single(target) && source.schemas![0] !== target.schemas![0];
  if (reason === undefined && !renamed) return false;
  for (const plan of [source, target]) {
    if (plan.unqualified || plan.schemas === undefined || plan.schemas.length <= 1) continue;
    const why = reason ? `${reason.what} is compared without schema qualifiers` : 'the other side is compared without schema qualifiers';
    const fix = plan.preloaded ? UNQUALIFIED_SNAPSHOT_FIX : 'give it one schema';
    throw new ParityError('INVALID_ARGUMENT', `${plan.what} holds ${plan.schemas.length} schemas (${plan.schemas.join(', ')}) but ${why}: ${fix}`, { where: plan.setting });
  }
  for (const plan of [source, target]) {
    if (plan.preloaded && !plan.unqualified && plan.schemas!.length === 1) {
      throw new ParityError(
        'INVALID_ARGUMENT',
        `${plan.what} was taken with schema qualifiers (schema "${plan.schemas![0]}") but ${(reason ?? (plan === source ? target : source)).what} is compared without them: ${UNQUALIFIED_SNAPSHOT_FIX}`,
        { where: plan.setting },
      );
    }
  }
  return true;
}
