/** dataDiff's JSON (the documented shape) and its tables for people. */
import type { Cells, DataDiffReport } from '../data-diff/report.js';
import { asciiTable } from './ascii-table.js';

export function hasDifferences(report: DataDiffReport): boolean {
  const s = report.summary;
  return s.onlyInSource + s.onlyInTarget + s.differentRows > 0;
}

/** The report in the documented key order: summary, columns, samples, stats. */
export function dataDiffJson(report: DataDiffReport): DataDiffReport {
  const skipped = report.skippedColumns ?? {};
  return { summary: report.summary, columns: report.columns, ...(Object.keys(skipped).length > 0 ? { skippedColumns: skipped } : {}), samples: report.samples, stats: report.stats };
}

const show = (value: string | null) => (value === null ? 'NULL' : value);
const keyText = (key: Cells) => Object.entries(key).map(([name, value]) => `${name}=${show(value)}`).join(', ');

function rowsTable(title: string, total: number, samples: readonly { key: Cells; row: Cells }[]): string[] {
  if (total === 0) return [];
  const columns = samples[0] ? Object.keys(samples[0].row) : [];
  return [
    '',
    `${title} (${samples.length} of ${total}):`,
    asciiTable(['Key', ...columns], samples.map((s) => [keyText(s.key), ...columns.map((c) => show(s.row[c] ?? null))])),
  ];
}

export function dataDiffTable(report: DataDiffReport): string {
  const s = report.summary;
  const lines = [
    asciiTable(
      ['Rows', 'Count'],
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
  const columns = Object.entries(report.columns).filter(([, c]) => c.differentValues > 0);
  if (columns.length > 0) lines.push('', asciiTable(['Column', 'Different values'], columns.map(([name, c]) => [name, String(c.differentValues)])));
  lines.push(...rowsTable('Only in source', s.onlyInSource, report.samples.onlyInSource));
  lines.push(...rowsTable('Only in target', s.onlyInTarget, report.samples.onlyInTarget));
  if (s.differentRows > 0) {
    const rows = report.samples.different.flatMap((d) => Object.entries(d.columns).map(([name, v]) => [keyText(d.key), name, show(v.source), show(v.target)]));
    lines.push('', `Different values (${report.samples.different.length} of ${s.differentRows} rows):`, asciiTable(['Key', 'Column', 'Source', 'Target'], rows));
  }
  if (!hasDifferences(report)) lines.push('', 'No differences found.');
  const st = report.stats;
  lines.push('', `${st.algorithm}: ${st.rowsDownloaded} rows downloaded, ${st.queries} queries, ${st.seconds} s${st.complete ? '' : ' (incomplete: -maxRowsDownloaded reached)'}`);
  return lines.join('\n');
}
