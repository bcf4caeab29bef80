/**
 * `check`: what a deployment of the pending migrations to an environment (prod) will do, and whether
 * prod is still what the last deployment left, without writing to prod (every session on it is READ
 * ONLY: schema-history.ts MigrateSessionOptions.readOnly; introspection is one READ ONLY transaction).
 *
 * - changes: the build environment migrated to exactly what prod has applied, read; then the pending
 *   migrations applied in the same database, read again; the differences between the two (source: after,
 *   target: before), so drift in prod never leaks in. `schemaModel`: the schema model against prod.
 * - drift: prod (source) against what it should be (target): `-deployedSnapshot=FILE`, else the snapshot
 *   `migrate -saveSnapshot=true` saved in prod (snapshot-history.ts) when it is of prod's version, else
 *   the build environment migrated to what prod has applied (the first stage of `changes`, built once).
 * - code: the rules of code-rules.ts over the pending migrations (or every migration).
 * - dryrun: the script `migrate` would run, placeholders replaced, history rows as comments.
 */
import type { Artifact } from '../artifact/artifact.js';
import { parseSnapshot } from '../artifact/snapshot.js';
import { getEnvironment } from '../config/config.js';
import { describeConnection } from '../config/connection.js';
import { compareLoaded, compareSources } from '../diff/compare.js';
import { ParityError } from '../errors.js';
import { migrationTarget, withMigrateSession, type MigrationTarget } from '../migrations/environment-session.js';
import { readMigrations, type MigrationSet, type ResolvedMigration } from '../migrations/migration-files.js';
import { currentVersion, migrationInfo } from '../migrations/migration-info.js';
import type { PlanOptions } from '../migrations/migration-plan.js';
import { planMigrations } from '../migrations/migration-plan.js';
import { scriptBuiltIns, scriptText } from '../migrations/migrator.js';
import type { HistoryRow } from '../migrations/schema-history.js';
import { SNAPSHOT_HISTORY_TABLE, type SavedSnapshot } from '../migrations/snapshot-history.js';
import { loadMigrationStages } from '../sources/build-source.js';
import { loadEnvironmentSource } from '../sources/environment-source.js';
import { finishSide, unqualifiedSchemaNames } from '../sources/load-sources.js';
import { projectDialect } from '../sources/project-dialect.js';
import { checkDialects, comparesUnqualified, planSide, type SidePlan } from '../sources/scope.js';
import type { LoadedSource, SourceContext } from '../sources/source.js';
import { codeContextOf, sortViolations, userRuleViolations, type CodeScript, type UserRule, type Violation } from './code-rules.js';
import { dryRunScript } from './dry-run.js';

/** `-deployedSnapshot`'s value that names the snapshot saved in the checked database (Flyway's default). */
export const SAVED_SNAPSHOT = 'snapshotHistory:current';

export interface CheckOptions {
  readonly changes: boolean;
  readonly drift: boolean;
  readonly code: boolean;
  readonly dryrun: boolean;
  /** The checked environment; may be absent only for `-code -code.scope=all`. */
  readonly environment?: string;
  readonly changesSource: 'migrations' | 'schemaModel';
  /** A snapshot file, or SAVED_SNAPSHOT; absent: the saved snapshot when it fits, else the build. */
  readonly deployedSnapshot?: string;
  readonly codeScope: 'pending' | 'all';
  readonly userRules: readonly UserRule[];
  readonly ignore: readonly string[];
}

export interface PendingMigration {
  readonly version: string | null;
  readonly description: string;
  readonly script: string;
}

export interface CheckResult {
  readonly environment: { readonly name: string; readonly database: string; readonly schemaVersion: string | null } | null;
  readonly pending: readonly PendingMigration[];
  readonly changes?: { readonly artifact: Artifact };
  readonly drift?: { readonly artifact: Artifact; readonly comparedWith: string };
  readonly code?: { readonly scope: 'pending' | 'all'; readonly scripts: readonly string[]; readonly violations: readonly Violation[] };
  readonly dryrun?: { readonly script: string };
}

/** What the read-only session found in the checked database. */
interface Deployed {
  readonly target: MigrationTarget;
  readonly history: readonly HistoryRow[];
  readonly historySchema: string;
  readonly user: string;
  readonly saved: SavedSnapshot | undefined;
}

async function readDeployed(context: SourceContext, name: string): Promise<Deployed> {
  const config = context.config;
  const target = migrationTarget(config, getEnvironment(config, name, '-environment'), 'parity check');
  context.onProgress?.(`reading the schema history of ${name} (${describeConnection(target.connection)})`);
  return withMigrateSession(
    config,
    target,
    async (session) => ({
      target,
      history: (await session.historyExists()) ? await session.readHistory() : [],
      historySchema: session.historySchema,
      user: session.user,
      saved: await session.latestSnapshot(),
    }),
    { readOnly: true },
  );
}

/** What `migrate` would plan on the checked database: its pending migrations (validation errors as migrate's). */
function pendingPlan(context: SourceContext): PlanOptions {
  return { outOfOrder: context.config.migrations.outOfOrder, targetSetting: '-target', cherryPickSetting: '-cherryPick' };
}

/** The cherry pick that rebuilds what the checked database has applied: its versions, and its repeatables that are current. */
function appliedPick(set: MigrationSet, history: readonly HistoryRow[]): string[] {
  return migrationInfo(set, history)
    .filter((info) => info.state === 'Success' && info.resolved !== undefined && (info.category === 'Versioned' || info.category === 'Repeatable'))
    .map((info) => info.resolved!.versionText ?? info.resolved!.description);
}

function savedSide(saved: SavedSnapshot, deployed: Deployed): { loaded: LoadedSource; plan: SidePlan } {
  const where = `${deployed.target.name}: ${deployed.historySchema}.${SNAPSHOT_HISTORY_TABLE}`;
  const model = parseSnapshot(saved.snapshot, where);
  const what = `the snapshot saved in ${where} (version ${saved.version ?? 'none'}, ${saved.installedOn.replace('T', ' ')} UTC)`;
  const loaded: LoadedSource = { model, side: { spec: SAVED_SNAPSHOT, type: 'snapshot', description: what, preparationInfo: null } };
  const schemas = model.schemas;
  return { loaded, plan: { setting: '-deployedSnapshot', what, unqualified: schemas.length === 1 && schemas[0] === '', schemas, preloaded: loaded, dialect: model.dialect } };
}

/** The expected side of drift when it is a snapshot (file or saved), or undefined: the build. */
function snapshotExpectation(options: CheckOptions, deployed: Deployed, context: SourceContext): { loaded: LoadedSource; plan: SidePlan } | undefined {
  const given = options.deployedSnapshot;
  const version = currentVersion(deployed.history);
  if (given !== undefined && given !== SAVED_SNAPSHOT) {
    const path = given.replace(/^filesystem:/, '');
    const plan = planSide({ type: 'snapshot', path }, `snapshot:${path}`, '-deployedSnapshot', context);
    return { loaded: plan.preloaded!, plan };
  }
  const saved = deployed.saved;
  if (saved === undefined) {
    if (given === SAVED_SNAPSHOT) {
      throw new ParityError('FILE_NOT_FOUND', `no snapshot saved in ${deployed.historySchema}.${SNAPSHOT_HISTORY_TABLE}: deploy with migrate -saveSnapshot=true, or pass -deployedSnapshot=FILE`, { where: `environment ${deployed.target.name}` });
    }
    return undefined;
  }
  if (saved.version !== version) {
    const message = `the snapshot saved in ${deployed.historySchema}.${SNAPSHOT_HISTORY_TABLE} is of version ${saved.version ?? 'none'}, but ${deployed.target.name} is at version ${version ?? 'none'}`;
    if (given !== SAVED_SNAPSHOT) {
      context.onWarning?.(`${message}: drift is checked against the migrations built to ${deployed.target.name}'s version instead`);
      return undefined;
    }
    context.onWarning?.(message);
  }
  return savedSide(saved, deployed);
}

function pendingOf(migrations: readonly ResolvedMigration[]): PendingMigration[] {
  return migrations.map((m) => ({ version: m.versionText ?? null, description: m.description, script: m.shownPath }));
}

export async function runCheck(options: CheckOptions, context: SourceContext): Promise<CheckResult> {
  const config = context.config;
  const set = readMigrations(config, context.onWarning);
  const name = options.environment;
  if (name === undefined) {
    if (options.changes || options.drift || options.dryrun || options.codeScope === 'pending') {
      throw new ParityError('INVALID_ARGUMENT', 'missing required parameter -environment (the environment to check)', { where: 'parity check' });
    }
    return { environment: null, pending: [], code: await checkCode(options, set.versioned.concat(set.repeatable).map((m) => ({ shownPath: m.shownPath, text: m.text })), undefined, context) };
  }
  const deployed = await readDeployed(context, name);
  const pending = planMigrations(set, deployed.history, pendingPlan(context));
  const builtIns = scriptBuiltIns(deployed, { database: deployed.target.connection.database, table: config.migrations.table, environment: name });
  const textOf = (m: ResolvedMigration): CodeScript => ({ shownPath: m.shownPath, text: scriptText(m, config.migrations, builtIns) });

  // Sides: prod as it is, the build (before and after the pending migrations), a snapshot of what prod should be.
  const prodPlan = planSide({ type: 'environment', name }, name, '-environment', context);
  const expectation = options.drift ? snapshotExpectation(options, deployed, context) : undefined;
  const needsBuild = (options.changes && options.changesSource === 'migrations') || (options.drift && expectation === undefined);
  const buildPlan = needsBuild ? planSide({ type: 'migrations' }, 'migrations', '-buildEnvironment', context) : undefined;
  checkDialects(buildPlan ? [prodPlan, buildPlan] : [prodPlan], config);
  const unqualified = (buildPlan ? comparesUnqualified(prodPlan, buildPlan) : prodPlan.unqualified) || (expectation ? comparesUnqualified(prodPlan, expectation.plan) : false);
  const sideContext: SourceContext = { ...context, unqualified };
  const plans = [prodPlan, ...(buildPlan ? [buildPlan] : []), ...(expectation ? [expectation.plan] : [])];
  const names = unqualifiedSchemaNames(plans, sideContext);

  const needsProd = options.drift || options.code;
  const prod = needsProd ? finishSide(await loadEnvironmentSource(name, '-environment', sideContext), prodPlan, sideContext, names) : undefined;
  let built: LoadedSource[] = [];
  if (buildPlan) {
    const later = options.changes && options.changesSource === 'migrations' ? [pendingPlan(context)] : [];
    const build = { ...(context.build ?? { rebuild: false }), buildCherryPick: appliedPick(set, deployed.history) };
    const stages = await loadMigrationStages('migrations', '-buildEnvironment', { ...sideContext, build }, later);
    built = stages.models.map((model) => finishSide({ model, side: stages.side }, buildPlan, sideContext, names));
  }
  context.onProgress?.('comparing');

  let changes: CheckResult['changes'];
  if (options.changes) {
    changes = {
      artifact:
        options.changesSource === 'schemaModel'
          ? await compareSources('schemaModel', name, context, { ignore: options.ignore })
          : compareLoaded(built[1]!, built[0]!, { ignore: options.ignore }),
    };
  }
  let drift: CheckResult['drift'];
  if (options.drift) {
    const expected = expectation ? finishSide(expectation.loaded, expectation.plan, sideContext, names) : built[0]!;
    drift = { artifact: compareLoaded(prod!, expected, { ignore: options.ignore }), comparedWith: expected.side.description };
  }
  const scripts = options.codeScope === 'all' ? set.versioned.concat(set.repeatable) : pending;
  return {
    environment: { name, database: describeConnection(deployed.target.connection), schemaVersion: currentVersion(deployed.history) },
    pending: pendingOf(pending),
    ...(changes ? { changes } : {}),
    ...(drift ? { drift } : {}),
    ...(options.code ? { code: await checkCode(options, scripts.map(textOf), prod, context, deployed.target) } : {}),
    ...(options.dryrun ? { dryrun: { script: dryRunScript(pending.map(textOf), pending, deployed, config, name) } } : {}),
  };
}

async function checkCode(options: CheckOptions, scripts: readonly CodeScript[], prod: LoadedSource | undefined, context: SourceContext, target?: MigrationTarget): Promise<NonNullable<CheckResult['code']>> {
  const dialect = target?.dialect ?? projectDialect(context.config);
  const violations: Violation[] = dialect.codeAnalysis ? await dialect.codeAnalysis.analyze(scripts, codeContextOf(prod?.model)) : [];
  if (options.userRules.length > 0) {
    for (const script of scripts) {
      const code = dialect.codeAnalysis ? await dialect.codeAnalysis.codeOnly(script.text) : script.text;
      violations.push(...userRuleViolations(options.userRules, script.shownPath, code));
    }
  }
  const files = scripts.map((s) => s.shownPath);
  return { scope: options.codeScope, scripts: files, violations: sortViolations(violations, files) };
}
