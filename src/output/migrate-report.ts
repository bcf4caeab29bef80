/** Output of `migrate` and `info`: Flyway-like tables for people, stable JSON for pipelines. */
import type { MigrationInfo } from '../migrations/migration-info.js';
import type { MigrateResult } from '../migrations/migrator.js';
import { asciiTable } from './ascii-table.js';

export interface MigrateReportContext {
  readonly environment: string;
  /** Password-free connection description. */
  readonly database: string;
  readonly schemaName: string;
}

export function migrateText(result: MigrateResult, context: MigrateReportContext): string {
  const lines = [`Database: ${context.database} (environment ${context.environment})`];
  if (result.createdSchemas.length > 0) lines.push(`Created schema(s): ${result.createdSchemas.join(', ')}`);
  lines.push(`Current version of schema "${context.schemaName}": ${result.initialVersion ?? '<< Empty Schema >>'}`);
  for (const executed of result.executed) {
    const { migration } = executed;
    lines.push(
      migration.versionText !== undefined
        ? `Migrating schema "${context.schemaName}" to version "${migration.versionText} - ${migration.description}" (${executed.executionTime} ms)`
        : `Migrating schema "${context.schemaName}" with repeatable migration "${migration.description}" (${executed.executionTime} ms)`,
    );
  }
  lines.push(
    result.executed.length === 0
      ? `Schema "${context.schemaName}" is up to date. No migration necessary.`
      : `Successfully applied ${result.executed.length} migration${result.executed.length === 1 ? '' : 's'} to schema "${context.schemaName}", now at version ${result.currentVersion === null ? '<< none >>' : `v${result.currentVersion}`}`,
  );
  return lines.join('\n');
}

export function migrateJson(result: MigrateResult, context: MigrateReportContext): unknown {
  return {
    operation: 'migrate',
    environment: context.environment,
    database: context.database,
    schemaName: context.schemaName,
    initialSchemaVersion: result.initialVersion,
    targetSchemaVersion: result.currentVersion,
    schemasCreated: result.createdSchemas,
    migrationsExecuted: result.executed.length,
    migrations: result.executed.map((e) => ({
      category: e.migration.category,
      version: e.migration.versionText ?? null,
      description: e.migration.description,
      type: 'SQL',
      filepath: e.migration.shownPath,
      checksum: e.migration.checksum,
      executionTime: e.executionTime,
    })),
    success: true,
  };
}

export function infoText(infos: readonly MigrationInfo[], currentVersion: string | null, context: MigrateReportContext): string {
  const head = ['Category', 'Version', 'Description', 'Type', 'Installed On', 'State', 'Undoable'];
  const rows = infos.map((i) => [i.category === 'Schema' ? '' : i.category, i.version ?? '', i.description, i.type, i.installedOn?.replace('T', ' ') ?? '', i.state, i.undoable ? 'Yes' : 'No']);
  const header = [`Database: ${context.database} (environment ${context.environment})`, `Schema version: ${currentVersion ?? '<< Empty Schema >>'}`, ''];
  return [...header, infos.length === 0 ? 'No migrations found.' : asciiTable(head, rows)].join('\n');
}

export function infoJson(infos: readonly MigrationInfo[], currentVersion: string | null, context: MigrateReportContext): unknown {
  return {
    operation: 'info',
    environment: context.environment,
    database: context.database,
    schemaName: context.schemaName,
    schemaVersion: currentVersion,
    migrations: infos.map((i) => ({
      category: i.category,
      version: i.version,
      description: i.description,
      type: i.type,
      script: i.script,
      filepath: i.resolved?.shownPath ?? null,
      checksum: i.applied?.checksum ?? i.resolved?.checksum ?? null,
      state: i.state,
      installedRank: i.installedRank,
      installedOn: i.installedOn,
      installedBy: i.installedBy,
      executionTime: i.executionTime,
      undoable: i.undoable,
    })),
  };
}
