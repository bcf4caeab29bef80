/**
 * `migrate`, shared by every dialect: lock the history table, create the configured schemas that do
 * not exist (recording them in a schema-creation marker row, as Flyway does) and the history table,
 * validate the history against the files, then run each selected migration and record it.
 *
 * As in Flyway, a database with objects in its schemas but no history table is refused (it was not
 * built by migrations), and a script that fails stops the run: when its transaction rolled it back
 * nothing is recorded (it stays pending); otherwise a `success = false` row records the failure.
 */
import { ParityError } from '../errors.js';
import type { MigrationSet, ResolvedMigration } from './migration-files.js';
import { currentVersion } from './migration-info.js';
import { planMigrations, type PlanOptions } from './migration-plan.js';
import { replacePlaceholders } from './placeholders.js';
import { SCHEMA_MARKER_DESCRIPTION, ScriptFailure, managedSchemas, type HistoryRow, type MigrateSession, type NewHistoryRow } from './schema-history.js';

export interface MigrateOptions extends PlanOptions {
  /** The schemas the history belongs to (created when missing). */
  readonly schemas: readonly string[];
  readonly table: string;
  readonly placeholders: Readonly<Record<string, string>>;
  readonly placeholderReplacement: boolean;
  /** For `${flyway:environment}` and messages. */
  readonly environment: string;
  readonly database: string;
  readonly onProgress?: (message: string) => void;
}

export interface ExecutedMigration {
  readonly migration: ResolvedMigration;
  readonly executionTime: number;
}

export interface MigrateResult {
  readonly initialVersion: string | null;
  readonly currentVersion: string | null;
  readonly executed: readonly ExecutedMigration[];
  /** The history after the run. */
  readonly history: readonly HistoryRow[];
  /** Schemas this run created. */
  readonly createdSchemas: readonly string[];
}

export function nextRank(history: readonly HistoryRow[]): number {
  return history.reduce((max, row) => Math.max(max, row.installedRank), 0) + 1;
}

function quoteList(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(',');
}

/** Creates missing schemas and the history table; refuses a non-empty database that has no history. */
async function prepareHistory(session: MigrateSession, options: MigrateOptions): Promise<string[]> {
  if (await session.historyExists()) return [];
  const schemas = managedSchemas(session, options.schemas);
  const existing = new Set(await session.existingSchemas(schemas));
  const missing = schemas.filter((s) => !existing.has(s));
  if (existing.size > 0 && (await session.hasObjects([...existing]))) {
    throw new ParityError(
      'MIGRATION_VALIDATION_FAILED',
      `found non-empty schema(s) ${quoteList([...existing])} but no schema history table ${session.historySchema}.${options.table}: this database was not built by migrations`,
      { where: options.environment },
    );
  }
  if (missing.length > 0) await session.createSchemas(missing);
  await session.createHistory();
  if (missing.length > 0) {
    await session.insertHistory({
      installedRank: 1,
      version: null,
      description: SCHEMA_MARKER_DESCRIPTION,
      type: 'SCHEMA',
      script: quoteList(missing),
      checksum: null,
      installedBy: session.user,
      executionTime: 0,
      success: true,
    });
  }
  return missing;
}

type BuiltIns = Omit<Parameters<typeof replacePlaceholders>[1]['builtIns'], 'filename'>;

/** Flyway's built-in placeholders of a run (`${flyway:defaultSchema}`, ...), but for each file's name. */
export function scriptBuiltIns(session: Pick<MigrateSession, 'historySchema' | 'user'>, options: Pick<MigrateOptions, 'database' | 'table' | 'environment'>): BuiltIns {
  return {
    defaultSchema: session.historySchema,
    user: session.user,
    database: options.database,
    timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19),
    table: options.table,
    environment: options.environment,
  };
}

/** A migration's SQL as it runs: placeholders replaced (unless placeholder replacement is off). */
export function scriptText(migration: ResolvedMigration, options: Pick<MigrateOptions, 'placeholders' | 'placeholderReplacement'>, builtIns: BuiltIns): string {
  return options.placeholderReplacement
    ? replacePlaceholders(migration.text, { values: options.placeholders, builtIns: { ...builtIns, filename: migration.script.split('/').pop()! } }, migration.shownPath)
    : migration.text;
}

/** The history row recording `migration` at `rank`. */
export function historyRowOf(migration: ResolvedMigration, rank: number, user: string, executionTime: number, success: boolean): NewHistoryRow {
  return {
    installedRank: rank,
    version: migration.versionText ?? null,
    description: migration.description,
    type: 'SQL',
    script: migration.script,
    checksum: migration.checksum,
    installedBy: user,
    executionTime,
    success,
  };
}

export async function migrate(session: MigrateSession, set: MigrationSet, options: MigrateOptions): Promise<MigrateResult> {
  await session.lock();
  const createdSchemas = await prepareHistory(session, options);
  let history = await session.readHistory();
  const initialVersion = currentVersion(history);
  const toRun = planMigrations(set, history, options);
  let rank = nextRank(history);
  const executed: ExecutedMigration[] = [];
  const builtIns = scriptBuiltIns(session, options);
  for (const migration of toRun) {
    const label = migration.versionText !== undefined ? `version "${migration.versionText} - ${migration.description}"` : `repeatable "${migration.description}"`;
    options.onProgress?.(`migrating to ${label}`);
    const text = scriptText(migration, options, builtIns);
    const row = (executionTime: number, success: boolean): NewHistoryRow => historyRowOf(migration, rank, session.user, executionTime, success);
    const started = Date.now();
    let recorded: NewHistoryRow | undefined;
    try {
      await session.runScript({ shownPath: migration.shownPath, text }, (ms) => (recorded = row(ms, true)));
    } catch (error) {
      if (!(error instanceof ScriptFailure)) throw error;
      if (!error.rolledBack) await session.insertHistory(row(Date.now() - started, false));
      const outcome = error.rolledBack ? 'changes rolled back' : 'changes before the failure were kept; recorded as failed in the schema history';
      throw new ParityError('MIGRATION_FAILED', `migration of ${label} failed (${outcome}): ${error.message}`, {
        where: error.line !== undefined ? `${migration.shownPath}:${error.line}` : migration.shownPath,
        cause: error,
      });
    }
    rank++;
    executed.push({ migration, executionTime: recorded?.executionTime ?? Date.now() - started });
  }
  // The rows as stored (with the database's installed_on), read once at the end.
  if (executed.length > 0) history = await session.readHistory();
  return { initialVersion, currentVersion: currentVersion(history), executed, history, createdSchemas };
}
