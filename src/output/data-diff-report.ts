/** dataDiff's JSON (the documented shape) and its tables for people. */
import type { Cells, ColumnStats, DataDiffReport } from '../data-diff/report.js';
import type { Estimate, SamplingReport } from '../data-diff/sampling.js';
import { NOT_SELECTED, type TableSchema } from '../data-diff/table-schema.js';
import { asciiTable } from './ascii-table.js';

export const show = (value: string | null) => (value === null ? 'NULL' : value);
export const keyText = (key: Cells) => Object.entries(key).map(([name, value]) => `${name}=${show(value)}`).join(', ');

export function hasDifferences(report: DataDiffReport): boolean {
  const s = report.summary;
  return s.onlyInSource + s.onlyInTarget + s.differentRows > 0;
}

/** The report in the documented key order: summary, columns, samples, stats, schema. */
export function dataDiffJson(report: DataDiffReport): DataDiffReport {
  const skipped = report.skippedColumns ?? {};
  return {
    summary: report.summary,
    ...(report.sampling !== undefined ? { sampling: report.sampling } : {}),
    columns: report.columns,
    ...(Object.keys(skipped).length > 0 ? { skippedColumns: skipped } : {}),
    samples: report.samples,
    stats: report.stats,
    ...(report.schema !== undefined ? { schema: report.schema } : {}),
  };
}

/** A share as a percentage of 3 significant digits without trailing zeros: `0.1%`, `12.5%`, `100%`. */
export const percent = (share: number) => `${(share * 100).toPrecision(3).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')}%`;

/** Every compared column with its statistics, most differing values first (then by name). */
export function columnsByDifferences(columns: DataDiffReport['columns']): [string, ColumnStats][] {
  return Object.entries(columns).sort(([a, x], [b, y]) => y.differentValues - x.differentValues || (a < b ? -1 : 1));
}

/** The columns with differing values, most first: count, share, and numeric differences. */
export function columnsTable(columns: DataDiffReport['columns']): string | undefined {
  const rows = columnsByDifferences(columns).filter(([, c]) => c.differentValues > 0);
  if (rows.length === 0) return undefined;
  return asciiTable(
    ['Column', 'Different values', 'Share', 'Max abs. difference', 'Mean abs. difference'],
    rows.map(([name, c]) => [name, String(c.differentValues), percent(c.share), c.maxAbsoluteDifference === undefined ? '' : String(c.maxAbsoluteDifference), c.meanAbsoluteDifference === undefined ? '' : String(c.meanAbsoluteDifference)]),
  );
}

/** Per column with samples, the rows where it differs: one table of column, key, source and target values. */
export function columnSamplesTable(columns: DataDiffReport['columns']): string | undefined {
  const rows = columnsByDifferences(columns).flatMap(([name, c]) => (c.samples ?? []).map((s) => [name, keyText(s.key), show(s.source), show(s.target)]));
  return rows.length === 0 ? undefined : asciiTable(['Column', 'Key', 'Source', 'Target'], rows);
}

/** The schema section's differences, one line each; empty when there are none. */
export function schemaLines(schema: TableSchema | undefined): string[] {
  if (schema === undefined || schema.differences === 0) return [];
  const lines: string[] = [];
  for (const c of schema.columns) {
    if (c.status === 'onlyInSource') lines.push(`column ${c.source} (${c.sourceType}) only in the source`);
    else if (c.status === 'onlyInTarget') lines.push(`column ${c.target} (${c.targetType}) only in the target`);
    else if (c.status === 'lowered') lines.push(`column ${c.source}: ${c.sourceType} vs ${c.targetType}, ${c.reason}`);
    else if (c.status === 'notCompared' && c.reason !== NOT_SELECTED) lines.push(`column ${c.source}: ${c.sourceType} vs ${c.targetType}, not compared: ${c.reason}`);
    if (c.source !== null && c.target !== null && c.sourceNullable !== c.targetNullable) {
      lines.push(`column ${c.source}: ${c.sourceNullable ? 'NULL' : 'NOT NULL'} in the source, ${c.targetNullable ? 'NULL' : 'NOT NULL'} in the target`);
    }
  }
  if (schema.columnOrderDiffers) lines.push('the shared columns are in a different order');
  if (schema.primaryKey.differs) lines.push(`primary key (${schema.primaryKey.source.join(', ')}) in the source, (${schema.primaryKey.target.join(', ')}) in the target`);
  return lines;
}


function rowsTable(title: string, total: number, samples: readonly { key: Cells; row: Cells }[]): string[] {
  if (total === 0) return [];
  const columns = samples[0] ? Object.keys(samples[0].row) : [];
  return [
    '',
    `${title} (${samples.length} of ${total}):`,
    asciiTable(['Key', ...columns], samples.map((s) => [keyText(s.key), ...columns.map((c) => show(s.row[c] ?? null))])),
  ];
}

/** `about ` when a sampled run's table rows are estimated (a block sample), nothing when counted. */
export const aboutRows = (sampling: SamplingReport) => (sampling.rows === 'estimated' ? 'about ' : '');

/** `in 500 key blocks of id` or `by key hash`: how a sampled run chose its keys. */
export function samplingSelection(sampling: SamplingReport): string {
  return sampling.blocks === undefined ? 'by key hash' : `in ${sampling.blocks.sampled} blocks of ${sampling.blocks.width} ${sampling.blocks.column} values`;
}

/** `sampled 1% of the keys in 500 blocks of 200 id values (9,987 of 1,000,000 source rows)`: what a sampled run compared. */
export function samplingText(sampling: SamplingReport, sampledSourceRows: number): string {
  return `sampled ${percent(sampling.ratio)} of the keys ${samplingSelection(sampling)} (${sampledSourceRows} of ${aboutRows(sampling)}${sampling.sourceRows} source rows)`;
}

/** The estimates of a sampled run for the whole tables, with their intervals. */
export function estimatesTable(sampling: SamplingReport, summary: DataDiffReport['summary']): string {
  return asciiTable(
    ['Rows', 'In the sample', 'Estimate, whole table', `${percent(sampling.confidence)} interval`],
    estimateRows(sampling, summary).map(([label, seen, x]) => [label, String(seen), String(x.estimate), `${x.low} - ${x.high}`]),
  );
}

/** A sampled run's rows of estimates: what each counts, its count in the sample, its estimate (the tables' rows first when they are estimated). */
export function estimateRows(sampling: SamplingReport, summary: DataDiffReport['summary']): Array<[string, number, Estimate]> {
  const e = sampling.estimates;
  return [
    ...(e.sourceRows !== undefined ? [['in source', summary.sourceRows, e.sourceRows] as [string, number, Estimate]] : []),
    ...(e.targetRows !== undefined ? [['in target', summary.targetRows, e.targetRows] as [string, number, Estimate]] : []),
    ['only in source', summary.onlyInSource, e.onlyInSource],
    ['only in target', summary.onlyInTarget, e.onlyInTarget],
    ['with different values', summary.differentRows, e.differentRows],
    ['identical', summary.identicalRows, e.identicalRows],
  ];
}

export function dataDiffTable(report: DataDiffReport): string {
  const s = report.summary;
  const lines = [
    asciiTable(
      [report.sampling === undefined ? 'Rows' : 'Rows (in the sample)', 'Count'],
      [
        ['in source', String(s.sourceRows)],
        ['in target', String(s.targetRows)],
        ['only in source', String(s.onlyInSource)],
        ['only in target', String(s.onlyInTarget)],
        ['with different values', String(s.differentRows)],
        ['identical', String(s.identicalRows)],
      ],
    ),
  ];
  if (report.sampling !== undefined) {
    lines.push('', `Sampled: ${samplingText(report.sampling, s.sourceRows)}; the whole tables have ${aboutRows(report.sampling)}${report.sampling.sourceRows} source and ${report.sampling.targetRows} target rows. Estimates (${report.sampling.method}):`, estimatesTable(report.sampling, s));
  }
  const columns = columnsTable(report.columns);
  if (columns !== undefined) lines.push('', columns);
  const perColumn = columnSamplesTable(report.columns);
  if (perColumn !== undefined) lines.push('', 'Differing values by column (samples):', perColumn);
  lines.push(...rowsTable('Only in source', s.onlyInSource, report.samples.onlyInSource));
  lines.push(...rowsTable('Only in target', s.onlyInTarget, report.samples.onlyInTarget));
  if (s.differentRows > 0) {
    const rows = report.samples.different.flatMap((d) => Object.entries(d.columns).map(([name, v]) => [keyText(d.key), name, show(v.source), show(v.target)]));
    lines.push('', `Different values (${report.samples.different.length} of ${s.differentRows} rows):`, asciiTable(['Key', 'Column', 'Source', 'Target'], rows));
  }
  const schema = schemaLines(report.schema);
  if (schema.length > 0) lines.push('', `Schema differences (${schema.length}):`, ...schema.map((line) => `  ${line}`));
  if (!hasDifferences(report)) lines.push('', report.sampling === undefined ? 'No differences found.' : 'No differences found in the sample.');
  const st = report.stats;
  lines.push('', `${st.algorithm}: ${st.rowsDownloaded} rows downloaded, ${st.queries} queries, ${st.seconds} s${st.complete ? '' : ' (incomplete: -maxRowsDownloaded reached)'}`);
  return lines.join('\n');
}
