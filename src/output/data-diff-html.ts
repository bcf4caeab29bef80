/**
 * dataDiff's self-contained HTML report (`-reportFilename`): one file, style and a little script
 * inline, no network (a Content-Security-Policy allows only the page's own style and script, by hash).
 *
 *   header (environments described without passwords, the run's time, parity's version)
 *   -> summary (tables by status, with schema differences; row totals)
 *   -> one row per table (status in colour and words, row counts, schema differences)
 *   -> one drill-down per table (`<details>`: data-diff-html-table.ts)
 *
 * Every value is escaped (html.ts); the page reads completely without script. Pure: report -> string.
 */
import { describeConnection, type ConnectionSettings } from '../config/connection.js';
import { entryDiffers, type DatabaseDiffReport, type TableEntry } from '../data-diff/database-diff.js';
import type { DataDiffReport } from '../data-diff/report.js';
import { hasDifferences } from './data-diff-report.js';
import { REPORT_CSS, REPORT_SCRIPT } from './data-diff-html-assets.js';
import { count, statusWithSampling, tableDetail } from './data-diff-html-table.js';
import { html, type Html } from './html.js';
import { reportPage, tile } from './report-page.js';

export interface ReportSide {
  /** The environment's name in flyway.toml. */
  readonly environment: string;
  /** Shown only through `describeConnection` (never with its password). */
  readonly connection: ConnectionSettings;
}

/** What the page says about the run besides the report. */
export interface ReportContext {
  readonly source: ReportSide;
  readonly target: ReportSide;
  /** When the run finished. */
  readonly generatedAt: Date;
  readonly version: string;
}

/** The identity of one table of a single-table run. */
export interface SingleTable {
  readonly source: string;
  readonly target: string;
  readonly key: readonly string[];
}

const tableName = (entry: TableEntry) => entry.source ?? entry.target ?? '';

function page(title: string, context: ReportContext, body: Html): string {
  const side = (s: ReportSide) => html`${s.environment} <code>${describeConnection(s.connection)}</code>`;
  const facts = [
    { label: 'Source', id: 'source', value: side(context.source) },
    { label: 'Target', id: 'target', value: side(context.target) },
  ];
  return reportPage(title, facts, context, body, { css: REPORT_CSS, script: REPORT_SCRIPT });
}

/** The row totals (a table's, or the run's with `only` naming its keys `rowsOnlyInSource`, `rowsOnlyInTarget`). */
function rowTiles(s: NonNullable<TableEntry['summary']>, only: readonly [string, string] = ['onlyInSource', 'onlyInTarget']): Html {
  return html`<h4>Rows</h4><ul class="tiles">${[
    tile('sourceRows', 'in source', s.sourceRows),
    tile('targetRows', 'in target', s.targetRows),
    tile(only[0], 'only in source', s.onlyInSource, 'warn'),
    tile(only[1], 'only in target', s.onlyInTarget, 'warn'),
    tile('differentRows', 'with different values', s.differentRows, 'warn'),
    tile('identicalRows', 'identical', s.identicalRows),
  ]}</ul>`;
}

function overviewRow(entry: TableEntry, index: number): Html {
  const s = entry.summary;
  const n = (v: number | undefined) => html`<td class="n">${v === undefined ? '' : count(v)}</td>`;
  const renamed = entry.source !== null && entry.target !== null && entry.source !== entry.target;
  return html`<tr data-drill="t-${index}" data-status="${entry.status}" data-differs="${String(entryDiffers(entry))}" data-name="${`${entry.source ?? ''} ${entry.target ?? ''}`}">
<td><a href="#t-${index}">${tableName(entry)}</a>${renamed ? html` <span class="tag">→ ${entry.target}</span>` : ''}</td>
<td>${statusWithSampling(entry)}</td>${n(s?.sourceRows)}${n(s?.targetRows)}${n(s?.onlyInSource)}${n(s?.onlyInTarget)}${n(s?.differentRows)}${n(entry.schema?.differences)}</tr>`;
}

function drillDown(entry: TableEntry, index: number, open: boolean): Html {
  const schema = entry.schema?.differences ?? 0;
  return html`<details class="table" data-status="${entry.status}"${open ? html` open` : ''}><summary><h3>${tableName(entry)}</h3> ${statusWithSampling(entry)}${schema > 0 ? html` <span class="tag">${count(schema)} schema difference${schema === 1 ? '' : 's'}</span>` : ''}</summary>
<div id="t-${index}">${tableDetail(entry)}</div></details>`;
}

function runLine(st: { rowsDownloaded: number; queries: number; seconds: number; complete: boolean }): Html {
  return html`<p class="run">${count(st.rowsDownloaded)} rows downloaded, ${count(st.queries)} queries, ${st.seconds} s${st.complete ? '' : html` <strong class="incomplete">(incomplete: -maxRowsDownloaded reached; some mismatching rows were not compared)</strong>`}</p>`;
}

/** The whole-database report: summary, one row per table, one drill-down per table. */
export function databaseDiffHtml(report: DatabaseDiffReport, context: ReportContext): string {
  const s = report.summary;
  const body = html`<section id="summary" aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>
<h4>Tables</h4><ul class="tiles">${[
    tile('tables', 'tables', s.tables),
    tile('identical', 'identical', s.identical, 'good'),
    tile('different', 'different', s.different, 'warn'),
    tile('onlyInSource', 'only in source', s.onlyInSource, 'warn'),
    tile('onlyInTarget', 'only in target', s.onlyInTarget, 'warn'),
    tile('error', 'failed', s.error, 'bad'),
    tile('schemaDifferences', 'with schema differences', s.schemaDifferences, 'warn'),
  ]}</ul>
${rowTiles({ ...s, onlyInSource: s.rowsOnlyInSource, onlyInTarget: s.rowsOnlyInTarget }, ['rowsOnlyInSource', 'rowsOnlyInTarget'])}${runLine(s)}</section>
<section aria-labelledby="tables-title"><h2 id="tables-title">Tables</h2>
<div class="scroll"><table class="grid overview" id="tables"><thead><tr><th>Table</th><th>Status</th><th>Source rows</th><th>Target rows</th><th>Only in source</th><th>Only in target</th><th>Different rows</th><th>Schema differences</th></tr></thead>
<tbody>${report.tables.map(overviewRow)}</tbody></table></div></section>
<section aria-labelledby="details-title"><h2 id="details-title">Table details</h2>${report.tables.map((entry, i) => drillDown(entry, i, report.tables.length === 1))}</section>`;
  return page(`Data diff: ${context.source.environment} → ${context.target.environment}`, context, body);
}

/** The single-table report (`-table`): the row summary and the table's drill-down, open. */
export function dataDiffHtml(report: DataDiffReport, table: SingleTable, context: ReportContext): string {
  const entry: TableEntry = { ...report, source: table.source, target: table.target, status: hasDifferences(report) ? 'different' : 'identical', key: table.key, keySource: 'option' };
  const body = html`<section id="summary" aria-labelledby="summary-title"><h2 id="summary-title">Summary: ${table.source} ${statusWithSampling(entry)}</h2>
${rowTiles(report.summary)}${runLine(report.stats)}</section>
<section aria-labelledby="details-title"><h2 id="details-title">Table details</h2>${drillDown(entry, 0, true)}</section>`;
  return page(`Data diff: ${context.source.environment} → ${context.target.environment}, ${table.source}`, context, body);
}
