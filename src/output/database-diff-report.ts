/**
 * A whole-database dataDiff for people (one line per table, then what differs in each table that
 * differs) and for pipelines (the documented JSON: `summary`, then `tables`, each with the
 * single-table shapes).
 */
import type { DatabaseDiffReport, TableEntry } from '../data-diff/database-diff.js';
import { asciiTable } from './ascii-table.js';
import { columnsByDifferences, columnsTable, dataDiffJson, estimatesTable, keyText, percent, samplingText, schemaLines, show } from './data-diff-report.js';
import type { DataDiffReport } from '../data-diff/report.js';

/** A table entry in the documented key order. */
function entryJson(entry: TableEntry): object {
  const rows =
    entry.summary !== undefined && entry.columns !== undefined && entry.samples !== undefined && entry.stats !== undefined
      ? dataDiffJson(entry as DataDiffReport)
      : { ...(entry.summary !== undefined ? { summary: entry.summary } : {}), ...(entry.stats !== undefined ? { stats: entry.stats } : {}) };
  return {
    source: entry.source,
    target: entry.target,
    status: entry.status,
    key: entry.key,
    ...(entry.keySource !== undefined ? { keySource: entry.keySource } : {}),
    ...rows,
    ...(entry.schema !== undefined ? { schema: entry.schema } : {}),
    ...(entry.error !== undefined ? { error: entry.error } : {}),
  };
}

export function databaseDiffJson(report: DatabaseDiffReport): object {
  return { summary: report.summary, tables: report.tables.map(entryJson) };
}

/** A table's status in words. */
export const STATUS_TEXT: Readonly<Record<TableEntry['status'], string>> = {
  identical: 'identical',
  different: 'different',
  onlyInSource: 'only in source',
  onlyInTarget: 'only in target',
  error: 'error',
};

const count = (n: number | undefined) => (n === undefined ? '' : String(n));

/** What differs in one table: its error, schema differences, columns, and a few rows. */
function details(entry: TableEntry): string[] {
  const name = entry.source ?? entry.target!;
  if (entry.status === 'error') return ['', `${name}: ERROR: ${entry.error!.message}`];
  const schema = schemaLines(entry.schema);
  const columns = entry.columns === undefined ? undefined : columnsTable(entry.columns);
  const s = entry.summary;
  if (schema.length === 0 && columns === undefined && entry.sampling === undefined && (s === undefined || s.onlyInSource + s.onlyInTarget === 0)) return [];
  if (entry.status === 'onlyInSource' || entry.status === 'onlyInTarget') return [];
  const lines = ['', `${name}${entry.target !== null && entry.target !== name ? ` -> ${entry.target}` : ''}${entry.key === null ? ' (no key: compared as a multiset of rows)' : ` (key ${entry.key.join(', ')})`}:`];
  if (entry.sampling !== undefined && s !== undefined) {
    lines.push(`  ${samplingText(entry.sampling, s.sourceRows)}; estimates for the whole table:`, ...estimatesTable(entry.sampling, s).split('\n').map((line) => `  ${line}`));
  }
  if (schema.length > 0) lines.push(`  Schema differences (${schema.length}):`, ...schema.map((line) => `    ${line}`));
  if (columns !== undefined) lines.push(...columns.split('\n').map((line) => `  ${line}`));
  for (const [column, stats] of columnsByDifferences(entry.columns ?? {})) {
    if (stats.samples === undefined) continue;
    lines.push(`  ${column} differs in: ${stats.samples.map((s) => `${keyText(s.key)}: ${show(s.source)} -> ${show(s.target)}`).join('; ')}`);
  }
  const samples = entry.samples;
  if (samples !== undefined) {
    const rowText = (cells: Record<string, string | null>) => Object.values(cells).map(show).join(' | ');
    for (const [label, list] of [['only in source', samples.onlyInSource], ['only in target', samples.onlyInTarget]] as const) {
      for (const sample of list.slice(0, 3)) lines.push(`  ${label}: ${entry.key === null ? rowText(sample.row) : keyText(sample.key)}`);
    }
    for (const sample of samples.different.slice(0, 3)) {
      const changes = Object.entries(sample.columns).map(([column, v]) => `${column}: ${show(v.source)} -> ${show(v.target)}`);
      lines.push(`  different: ${keyText(sample.key)}: ${changes.join('; ')}`);
    }
  }
  return lines;
}

export function databaseDiffTable(report: DatabaseDiffReport): string {
  const rows = report.tables.map((t) => [
    t.source ?? '',
    t.target ?? '',
    `${STATUS_TEXT[t.status]}${t.sampling !== undefined ? ` (sampled ${percent(t.sampling.ratio)})` : ''}`,
    count(t.summary?.sourceRows),
    count(t.summary?.targetRows),
    count(t.summary?.onlyInSource),
    count(t.summary?.onlyInTarget),
    count(t.summary?.differentRows),
    t.schema === undefined ? '' : String(t.schema.differences),
  ]);
  const s = report.summary;
  const lines = [
    asciiTable(['Source', 'Target', 'Status', 'Source rows', 'Target rows', 'Only in source', 'Only in target', 'Different', 'Schema diffs'], rows),
    '',
    `${s.tables} tables: ${s.identical} identical, ${s.different} different, ${s.onlyInSource} only in source, ${s.onlyInTarget} only in target, ${s.error} failed; ${s.schemaDifferences} with schema differences${s.sampled !== undefined ? `; ${s.sampled} sampled (their counts are those of the sample; estimates below)` : ''}`,
  ];
  for (const entry of report.tables) lines.push(...details(entry));
  lines.push('', `${s.rowsDownloaded} rows downloaded, ${s.queries} queries, ${s.seconds} s${s.complete ? '' : ' (incomplete: -maxRowsDownloaded reached)'}`);
  return lines.join('\n');
}
