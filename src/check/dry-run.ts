/**
 * `check -dryrun`: the script `migrate` would run on the checked environment, never executed: each
 * pending migration in the order migrate runs them, placeholders replaced, each followed by the schema
 * history row migrate would insert for it, as a comment (the installed rank counts on from the
 * history; the execution time is unknown until it runs).
 */
import type { ParityConfig } from '../config/config.js';
import { describeConnection } from '../config/connection.js';
import type { MigrationTarget } from '../migrations/environment-session.js';
import type { ResolvedMigration } from '../migrations/migration-files.js';
import { currentVersion } from '../migrations/migration-info.js';
import { historyRowOf, nextRank } from '../migrations/migrator.js';
import { HISTORY_INSERT_COLUMNS, managedSchemas, type HistoryRow } from '../migrations/schema-history.js';
import type { CodeScript } from './code-rules.js';

const literal = (value: unknown) => (value === null ? 'NULL' : typeof value === 'string' ? `'${value.replaceAll("'", "''")}'` : String(value));

export function dryRunScript(
  scripts: readonly CodeScript[],
  migrations: readonly ResolvedMigration[],
  deployed: { readonly target: MigrationTarget; readonly history: readonly HistoryRow[]; readonly historySchema: string; readonly user: string },
  config: ParityConfig,
  environment: string,
): string {
  const table = `${deployed.historySchema}.${config.migrations.table}`;
  const lines = [
    `-- parity dry run: what "parity migrate -environment=${environment}" would run on ${describeConnection(deployed.target.connection)}`,
    `-- current version: ${currentVersion(deployed.history) ?? 'none'}; pending migrations: ${migrations.length}`,
    '-- Nothing here has been executed. The schema history rows migrate would insert are shown as comments.',
  ];
  if (deployed.history.length === 0) {
    lines.push(`-- migrate would first create the schema history table ${table} (and any of the schemas ${managedSchemas(deployed, deployed.target.schemas).join(', ')} that do not exist)`);
  }
  let rank = nextRank(deployed.history);
  migrations.forEach((migration, index) => {
    const label = migration.versionText !== undefined ? `version ${migration.versionText}` : 'repeatable';
    const text = scripts[index]!.text.replace(/\s+$/, '');
    const row = historyRowOf(migration, rank++, deployed.user, 0, true);
    const values = HISTORY_INSERT_COLUMNS.split(', ').map((column) => (column === 'execution_time' ? '<execution time>' : literal(rowValue(row, column))));
    lines.push('', `-- Executing: ${migration.shownPath} (${label}: ${migration.description})`, text, `-- INSERT INTO ${table} (${HISTORY_INSERT_COLUMNS}) VALUES (${values.join(', ')})`);
  });
  return `${lines.join('\n')}\n`;
}

function rowValue(row: ReturnType<typeof historyRowOf>, column: string): unknown {
  const byColumn: Readonly<Record<string, unknown>> = {
    installed_rank: row.installedRank,
    version: row.version,
    description: row.description,
    type: row.type,
    script: row.script,
    checksum: row.checksum,
    installed_by: row.installedBy,
    success: row.success,
  };
  return byColumn[column];
}
