/**
 * `migrations` as a comparison source: the migrations folder applied to a build database, which is
 * then read like any environment.
 *
 * - `-buildEnvironment=NAME`: a configured environment. Without `-rebuild` only its pending migrations
 *   run (a history that does not fit the request is an error that suggests `-rebuild=true`); with
 *   `-rebuild=true` it is cleaned first, which parity does only to an environment configured with
 *   `provisioner = "clean"`.
 * - No build environment: a throwaway database from the first dialect that has one (an embedded
 *   PostgreSQL server), removed afterwards.
 * `-buildVersion` stops at a version; `-buildCherryPick` applies exactly the listed ones.
 */
import type { PreparationInfo, SideInfo } from '../artifact/artifact.js';
import { getEnvironment, type ParityConfig } from '../config/config.js';
import { describeConnection } from '../config/connection.js';
import type { Dialect } from '../dialects/dialect.js';
import type { DatabaseModel } from '../model/objects.js';
import { ParityError } from '../errors.js';
import { compareVersions, parseVersion } from '../generate/versioning.js';
import { migrateOptions, migrationTarget, withMigrateSession, type MigrationTarget } from '../migrations/environment-session.js';
import { readMigrations, type MigrationSet } from '../migrations/migration-files.js';
import { currentVersion, migrationInfo } from '../migrations/migration-info.js';
import type { PlanOptions } from '../migrations/migration-plan.js';
import { migrate, type MigrateResult } from '../migrations/migrator.js';
import { SCHEMA_MARKER_DESCRIPTION, managedSchemas, type HistoryRow, type MigrateSession } from '../migrations/schema-history.js';
import { projectDialect } from './project-dialect.js';
import type { LoadedSource, SourceContext } from './source.js';

export interface BuildOptions {
  readonly buildEnvironment?: string;
  readonly buildVersion?: string;
  readonly buildCherryPick?: readonly string[];
  readonly rebuild: boolean;
}

const PROVISIONERS = ['clean'];

function planOptions(config: ParityConfig, build: BuildOptions): PlanOptions {
  return {
    ...(build.buildVersion !== undefined ? { targetVersion: build.buildVersion } : {}),
    ...(build.buildCherryPick !== undefined ? { cherryPick: build.buildCherryPick } : {}),
    outOfOrder: config.migrations.outOfOrder,
    targetSetting: '-buildVersion',
    cherryPickSetting: '-buildCherryPick',
  };
}

function preparationInfo(set: MigrationSet, result: MigrateResult, provisioner: string | null, reprovisioned: boolean, buildEnvironment: string | null): PreparationInfo {
  const infos = migrationInfo(set, result.history).filter((i) => i.category === 'Versioned' || i.category === 'Repeatable');
  const count = (states: readonly string[]) => infos.filter((i) => states.includes(i.state)).length;
  return {
    sourceType: 'migrations',
    buildEnvironment,
    provisioner,
    migrationState: {
      pending: count(['Pending', 'Ignored']),
      applied: count(['Success', 'Outdated']),
      failed: count(['Failed']),
      total: set.versioned.length + set.repeatable.length,
    },
    reprovisioned,
    targetSchemaVersion: result.currentVersion,
    migrationsExecuted: result.executed.length,
  };
}

/** Schemas named in schema-creation marker rows: created by a migrator, so clean drops them. */
function markedSchemas(history: readonly HistoryRow[]): string[] {
  return history
    .filter((row) => row.type === 'SCHEMA' && row.description === SCHEMA_MARKER_DESCRIPTION)
    .flatMap((row) => row.script.split(','))
    .map((name) => name.trim().replace(/^"(.*)"$/s, '$1').replaceAll('""', '"'))
    .filter(Boolean);
}

/** An existing history that the requested build cannot be reached from without a rebuild. */
function unreachable(history: readonly HistoryRow[], build: BuildOptions): string | undefined {
  const applied = history.filter((row) => row.success && row.version !== null && row.type === 'SQL');
  if (build.buildCherryPick !== undefined) {
    const picked = build.buildCherryPick.map(parseVersion).filter((v) => v !== undefined);
    const extra = applied.find((row) => !picked.some((v) => compareVersions(v, parseVersion(row.version!)!) === 0));
    return extra ? `it has version ${extra.version} applied, which -buildCherryPick does not name` : undefined;
  }
  const target = build.buildVersion !== undefined ? parseVersion(build.buildVersion) : undefined;
  const current = currentVersion(history);
  if (target !== undefined && current !== null && compareVersions(parseVersion(current)!, target) > 0) {
    return `it is at version ${current}, above -buildVersion=${build.buildVersion}`;
  }
  return undefined;
}

/** What a build produced: the model after each stage (the first: the build's own plan), and the side's description. */
interface Built {
  readonly models: readonly DatabaseModel[];
  readonly side: SideInfo;
}

/** Migrates `session` stage by stage (the build's plan, then each of `later`), reading the model after each. */
async function migrateInStages(
  session: MigrateSession,
  set: MigrationSet,
  stages: readonly PlanOptions[],
  options: (plan: PlanOptions) => Parameters<typeof migrate>[2],
  read: (session: MigrateSession) => Promise<DatabaseModel>,
): Promise<{ result: MigrateResult; models: DatabaseModel[] }> {
  const models: DatabaseModel[] = [];
  let result: MigrateResult | undefined;
  for (const plan of stages) {
    result = await migrate(session, set, options(plan));
    models.push(await read(session));
  }
  return { result: result!, models };
}

async function buildInEnvironment(context: SourceContext, build: BuildOptions, set: MigrationSet, setting: string, later: readonly PlanOptions[]): Promise<Built> {
  const { config, onProgress } = context;
  const name = build.buildEnvironment!;
  const environment = getEnvironment(config, name, '-buildEnvironment');
  const target = migrationTarget(config, environment, '-buildEnvironment');
  const provisioner = environment.provisioner ?? null;
  const where = `${environment.definedIn}: environments.${name}.provisioner`;
  if (provisioner !== null && !PROVISIONERS.includes(provisioner)) {
    throw new ParityError('CONFIG_ERROR', `unsupported provisioner "${provisioner}" for environment "${name}" (parity knows: ${PROVISIONERS.join(', ')})`, { where });
  }
  if (build.rebuild && provisioner !== 'clean') {
    throw new ParityError('CONFIG_ERROR', `refusing to clean environment "${name}" for -rebuild=true: parity only cleans build environments configured with provisioner = "clean"`, { where });
  }
  if (build.rebuild && config.migrations.cleanDisabled) {
    throw new ParityError('CONFIG_ERROR', `refusing to clean environment "${name}" for -rebuild=true: clean is disabled`, { where: 'flyway.cleanDisabled' });
  }
  onProgress?.(`building migrations in environment ${name} (${describeConnection(target.connection)})`);
  const result = await withMigrateSession(config, target, async (session) => {
    await session.lock();
    if (build.rebuild) {
      const history = (await session.historyExists()) ? await session.readHistory() : [];
      const schemas = managedSchemas(session, target.schemas);
      onProgress?.(`cleaning ${schemas.join(', ')} in ${name}`);
      await session.clean(schemas, markedSchemas(history));
    } else if (await session.historyExists()) {
      const reason = unreachable(await session.readHistory(), build);
      if (reason) throw rebuildHint(new ParityError('MIGRATION_VALIDATION_FAILED', `build environment "${name}" cannot be built as asked: ${reason}`, { where: setting }), name, provisioner);
    }
    try {
      return await migrateInStages(
        session,
        set,
        [planOptions(config, build), ...later],
        (plan) => migrateOptions(config, target, plan, onProgress),
        () => readBuilt(target.dialect, target, target.schemas, context),
      );
    } catch (error) {
      throw error instanceof ParityError && error.code === 'MIGRATION_VALIDATION_FAILED' ? rebuildHint(error, name, provisioner) : error;
    }
  });
  const side: SideInfo = {
    spec: 'migrations',
    type: 'migrations',
    description: `migrations built in environment ${name} (${describeConnection(target.connection)})`,
    preparationInfo: preparationInfo(set, result.result, provisioner, build.rebuild, name),
  };
  return { models: result.models, side };
}

function rebuildHint(error: ParityError, name: string, provisioner: string | null): ParityError {
  const hint =
    provisioner === 'clean'
      ? `; pass -rebuild=true to rebuild build environment "${name}"`
      : `; configure environments.${name}.provisioner = "clean" and pass -rebuild=true to rebuild it`;
  return new ParityError(error.code, `${error.message}${hint}`, { ...(error.where !== undefined ? { where: error.where } : {}), cause: error });
}

async function readBuilt(
  dialect: Dialect,
  target: Pick<MigrationTarget, 'connection'>,
  schemas: readonly string[],
  context: Pick<SourceContext, 'onProgress' | 'unqualified' | 'includePrivileges'>,
) {
  return dialect.introspect(target.connection, {
    schemas,
    ...(context.onProgress ? { onProgress: context.onProgress } : {}),
    ...(context.unqualified ? { unqualified: true } : {}),
    ...(context.includePrivileges ? { privileges: true } : {}),
  });
}

/** What to configure for a dialect without a server of its own: `add a build environment ... and pass -buildEnvironment=build`. */
export function buildEnvironmentHint(dialect: Dialect, extraSettings = ''): string {
  const url = `${dialect.urlSchemes[0]}://127.0.0.1:${dialect.defaultPort}/build_db`;
  return `add a build environment to flyway.toml ([environments.build] with url = "${url}", user, password${extraSettings}) and pass -buildEnvironment=build`;
}

async function buildThrowaway(context: SourceContext, build: BuildOptions, set: MigrationSet, setting: string, later: readonly PlanOptions[]): Promise<Built> {
  const { config, onProgress } = context;
  const dialect = projectDialect(config);
  if (!dialect.migrate?.withThrowawayDatabase) {
    throw new ParityError('CONFIG_ERROR', `${dialect.displayName} has no embedded server to build migrations in: ${buildEnvironmentHint(dialect, ', provisioner = "clean"')}`, { where: setting });
  }
  const support = dialect.migrate;
  return support.withThrowawayDatabase!(
    async (connection) => {
      const target: MigrationTarget = { name: 'build', connection, dialect, migrateSupport: support, schemas: config.migrations.schemas };
      onProgress?.(`building migrations in an ${support.throwawayName ?? 'embedded'} database`);
      const { result, models } = await withMigrateSession(config, target, async (session: MigrateSession) =>
        migrateInStages(
          session,
          set,
          [planOptions(config, build), ...later],
          (plan) => migrateOptions(config, target, plan, onProgress),
          async (built) => readBuilt(dialect, target, config.migrations.schemas.length > 0 ? config.migrations.schemas : await built.schemasInUse(), context),
        ),
      );
      const side: SideInfo = {
        spec: 'migrations',
        type: 'migrations',
        description: `migrations built in an ${support.throwawayName ?? 'embedded'} database`,
        preparationInfo: preparationInfo(set, result, null, true, null),
      };
      return { models, side };
    },
    { ...(onProgress ? { onProgress } : {}), ...(context.tempDirectory !== undefined ? { tempDirectory: context.tempDirectory } : {}) },
  );
}

/**
 * The migrations built as `context.build` says, then migrated further in the same database by each
 * plan of `later` (`check -changes`: prod's migrations, then the pending ones): one model per stage.
 */
export async function loadMigrationStages(text: string, setting: string, context: SourceContext, later: readonly PlanOptions[]): Promise<{ models: readonly DatabaseModel[]; side: SideInfo }> {
  const build: BuildOptions = context.build ?? { rebuild: false };
  if (build.buildVersion !== undefined && build.buildCherryPick !== undefined) {
    throw new ParityError('INVALID_ARGUMENT', '-buildVersion and -buildCherryPick cannot be used together', { where: setting });
  }
  const set = readMigrations(context.config, context.onWarning);
  const built =
    build.buildEnvironment !== undefined
      ? await buildInEnvironment(context, build, set, setting, later)
      : await buildThrowaway(context, build, set, setting, later);
  return { models: built.models, side: { ...built.side, spec: text } };
}

export async function loadMigrationsSource(text: string, setting: string, context: SourceContext): Promise<LoadedSource> {
  const { models, side } = await loadMigrationStages(text, setting, context, []);
  return { model: models[0]!, side };
}
