/**
 * One table's drill-down in the HTML report: where it was and how it was keyed, its error, its row
 * counts, the schema section (every column pair), the column statistics (most differing first) and
 * the differing values sampled per column, and the samples (rows on one side only, differing values
 * side by side). Pure: entry -> HTML.
 */
import type { TableEntry } from '../data-diff/database-diff.js';
import type { Cells, RowSample } from '../data-diff/report.js';
import type { SchemaColumn, SchemaColumnStatus, TableSchema } from '../data-diff/table-schema.js';
import { aboutRows, columnsByDifferences, estimateRows, percent, samplingSelection } from './data-diff-report.js';
import { STATUS_TEXT } from './database-diff-report.js';
import { html, type Html } from './html.js';

const SCHEMA_STATUS_TEXT: Readonly<Record<SchemaColumnStatus, string>> = {
  compared: 'compared',
  lowered: 'lowered',
  notCompared: 'not compared',
  onlyInSource: 'only in source',
  onlyInTarget: 'only in target',
};

/** A number with thousands separators (the same on every machine). */
export const count = (n: number): string => n.toLocaleString('en-US');

/** A table's status: colour and words. */
export const statusBadge = (status: TableEntry['status']): Html => html`<span class="status s-${status}">${STATUS_TEXT[status]}</span>`;

/** The status, and `sampled N%` beside it for a table whose rows were sampled. */
export const statusWithSampling = (entry: Pick<TableEntry, 'status' | 'sampling'>): Html =>
  html`${statusBadge(entry.status)}${entry.sampling === undefined ? '' : html` <span class="tag sampled">sampled ${percent(entry.sampling.ratio)}</span>`}`;

/** A sampled table: what was compared, and every count estimated for the whole tables with its interval. */
function samplingSection(entry: TableEntry): Html {
  const sampling = entry.sampling;
  const s = entry.summary;
  if (sampling === undefined || s === undefined) return html``;
  const rows = estimateRows(sampling, s);
  return html`<section class="sampling"><h4>Sampled: ${percent(sampling.ratio)} of the keys ${samplingSelection(sampling)}</h4>
<p>The counts above are those of the sample (${count(s.sourceRows)} of ${aboutRows(sampling)}${count(sampling.sourceRows)} source rows, ${count(s.targetRows)} of ${aboutRows(sampling)}${count(sampling.targetRows)} target rows); estimated for the whole tables (${sampling.method}, ${percent(sampling.confidence)}):</p>
<div class="scroll"><table class="grid num"><thead><tr><th>Rows</th><th>In the sample</th><th>Estimate</th><th>Interval</th></tr></thead><tbody>
${rows.map(([label, seen, x]) => html`<tr><td>${label}</td><td>${count(seen)}</td><td>${count(x.estimate)}</td><td>${count(x.low)} – ${count(x.high)}</td></tr>`)}
</tbody></table></div></section>`;
}

/** A cell value: NULL and the empty string are shown apart from any text. */
function value(v: string | null | undefined): Html {
  if (v === null || v === undefined) return html`<span class="null">NULL</span>`;
  if (v === '') return html`<span class="empty" title="empty string">""</span>`;
  return html`<span class="v">${v}</span>`;
}

const nullability = (nullable: boolean | undefined) => (nullable === undefined ? '' : nullable ? 'NULL' : 'NOT NULL');

function schemaRow(c: SchemaColumn): Html {
  const nullDiffers = c.source !== null && c.target !== null && c.sourceNullable !== c.targetNullable;
  return html`<tr class="c-${c.status}">
<td>${c.source}${c.key ? html` <span class="tag">key</span>` : ''}</td><td><code>${c.sourceType}</code></td><td${nullDiffers ? html` class="differs"` : ''}>${nullability(c.sourceNullable)}</td>
<td>${c.target}</td><td><code>${c.targetType}</code></td><td${nullDiffers ? html` class="differs"` : ''}>${nullability(c.targetNullable)}</td>
<td><span class="cstatus cs-${c.status}">${SCHEMA_STATUS_TEXT[c.status]}</span></td><td>${c.comparedAs === undefined ? '' : html`<code>${c.comparedAs}</code>`}</td><td>${c.reason}</td></tr>`;
}

function schemaSection(schema: TableSchema): Html {
  const pk = schema.primaryKey;
  const keyText = (columns: readonly string[]) => (columns.length === 0 ? 'none' : `(${columns.join(', ')})`);
  return html`<section class="schema"><h4>Schema: ${schema.differences === 0 ? 'no differences' : `${count(schema.differences)} difference${schema.differences === 1 ? '' : 's'}`}</h4>
<div class="scroll"><table class="grid"><thead><tr><th>Source column</th><th>Source type</th><th>Source nullability</th><th>Target column</th><th>Target type</th><th>Target nullability</th><th>Status</th><th>Compared as</th><th>Reason</th></tr></thead>
<tbody>${schema.columns.map(schemaRow)}</tbody></table></div>
<ul class="facts"><li${schema.columnOrderDiffers ? html` class="differs"` : ''}>Column order: ${schema.columnOrderDiffers ? 'the shared columns are in a different order' : 'same'}</li>
<li${pk.differs ? html` class="differs"` : ''}>Primary key: ${keyText(pk.source)} in the source, ${keyText(pk.target)} in the target${pk.differs ? '' : ' (same)'}</li></ul></section>`;
}

function columnStats(columns: NonNullable<TableEntry['columns']>): Html {
  const rows = columnsByDifferences(columns);
  if (rows.length === 0) return html``;
  const abs = (n: number | undefined) => (n === undefined ? '' : String(n));
  return html`<section class="columns"><h4>Column statistics</h4><div class="scroll"><table class="grid num"><thead><tr><th>Column</th><th>Different values</th><th>Share</th><th>Max abs. difference</th><th>Mean abs. difference</th></tr></thead><tbody>
${rows.map(([name, c]) => html`<tr${c.differentValues === 0 ? html` class="zero"` : ''}><td>${name}</td><td>${count(c.differentValues)}</td><td>${percent(c.share)}</td><td>${abs(c.maxAbsoluteDifference)}</td><td>${abs(c.meanAbsoluteDifference)}</td></tr>`)}
</tbody></table></div></section>`;
}

/** Per column with samples: the rows where it differs, key then both values. */
function columnSamples(columns: NonNullable<TableEntry['columns']>): Html {
  const sampled = columnsByDifferences(columns).filter(([, c]) => c.samples !== undefined && c.samples.length > 0);
  if (sampled.length === 0) return html``;
  const keyCells = (key: Cells) => Object.entries(key).map(([k, v]) => html`<span class="kv">${k}=${value(v)}</span> `);
  return html`<section class="column-samples"><h4>Differing values by column (samples)</h4><div class="scroll"><table class="grid"><thead><tr><th>Column</th><th class="key">Key</th><th>Source</th><th>Target</th></tr></thead><tbody>
${sampled.map(([name, c]) => c.samples!.map((s, i) => html`<tr${i === 0 ? html` class="first"` : ''}>${i === 0 ? html`<td rowspan="${c.samples!.length}">${name}</td>` : ''}<td class="key">${keyCells(s.key)}</td><td class="src">${value(s.source)}</td><td class="tgt">${value(s.target)}</td></tr>`))}
</tbody></table></div></section>`;
}

const cellsHeader = (cells: Cells | undefined) => Object.keys(cells ?? {});

function rowSamples(kind: 'onlyInSource' | 'onlyInTarget', title: string, total: number, samples: readonly RowSample[]): Html {
  if (total === 0) return html``;
  const keys = cellsHeader(samples[0]?.key);
  const columns = cellsHeader(samples[0]?.row);
  return html`<section class="samples ${kind}"><h4>${title}: ${count(total)} row${total === 1 ? '' : 's'}${samples.length < total ? ` (${count(samples.length)} shown)` : ''}</h4>
${samples.length === 0 ? '' : html`<div class="scroll"><table class="grid"><thead><tr>${keys.map((k) => html`<th class="key">${k}</th>`)}${columns.map((c) => html`<th>${c}</th>`)}</tr></thead><tbody>
${samples.map((s) => html`<tr>${keys.map((k) => html`<td class="key">${value(s.key[k])}</td>`)}${columns.map((c) => html`<td>${value(s.row[c])}</td>`)}</tr>`)}
</tbody></table></div>`}</section>`;
}

function differentSamples(entry: TableEntry): Html {
  const total = entry.summary?.differentRows ?? 0;
  const samples = entry.samples?.different ?? [];
  if (total === 0) return html``;
  const keys = cellsHeader(samples[0]?.key);
  const keyText = (key: Cells) => keys.map((k) => html`<span class="kv">${k}=${value(key[k])}</span> `);
  return html`<section class="samples different"><h4>Rows with different values: ${count(total)}${samples.length < total ? ` (${count(samples.length)} shown)` : ''}</h4>
${samples.length === 0 ? '' : html`<div class="scroll"><table class="grid"><thead><tr><th class="key">Key</th><th>Column</th><th>Source</th><th>Target</th></tr></thead><tbody>
${samples.map((s) => {
  const columns = Object.entries(s.columns);
  return columns.map(([name, v], i) => html`<tr${i === 0 ? html` class="first"` : ''}>${i === 0 ? html`<td class="key" rowspan="${columns.length}">${keyText(s.key)}</td>` : ''}<td>${name}</td><td class="src">${value(v.source)}</td><td class="tgt">${value(v.target)}</td></tr>`);
})}
</tbody></table></div>`}</section>`;
}

function rowCounts(s: NonNullable<TableEntry['summary']>): Html {
  const cells: [string, number][] = [
    ['in source', s.sourceRows],
    ['in target', s.targetRows],
    ['only in source', s.onlyInSource],
    ['only in target', s.onlyInTarget],
    ['with different values', s.differentRows],
    ['identical', s.identicalRows],
  ];
  return html`<dl class="counts">${cells.map(([label, n]) => html`<div><dt>Rows ${label}</dt><dd>${count(n)}</dd></div>`)}</dl>`;
}

function keyLine(entry: TableEntry): string {
  if (entry.status === 'onlyInSource' || entry.status === 'onlyInTarget') return `only in the ${entry.status === 'onlyInSource' ? 'source' : 'target'}: its rows were counted, not compared`;
  if (entry.key === null) return 'no key: compared as a multiset of rows';
  return `key (${entry.key.join(', ')})${entry.keySource !== undefined ? ` from ${entry.keySource === 'option' ? '-key' : `the ${entry.keySource}`}` : ''}`;
}

/** The body of a table's drill-down (inside its `<details>`). */
export function tableDetail(entry: TableEntry): Html {
  const st = entry.stats;
  return html`<p class="where">Source <strong>${entry.source ?? '(none)'}</strong>, target <strong>${entry.target ?? '(none)'}</strong>; ${keyLine(entry)}.</p>
${entry.error === undefined ? '' : html`<p class="error" role="alert"><strong>${entry.error.errorCode}</strong>: ${entry.error.message}</p>`}
${entry.summary === undefined ? '' : rowCounts(entry.summary)}
${samplingSection(entry)}
${entry.schema === undefined ? '' : schemaSection(entry.schema)}
${entry.columns === undefined ? '' : columnStats(entry.columns)}
${entry.columns === undefined ? '' : columnSamples(entry.columns)}
${rowSamples('onlyInSource', 'Rows only in source', entry.status === 'onlyInSource' ? 0 : (entry.summary?.onlyInSource ?? 0), entry.samples?.onlyInSource ?? [])}
${rowSamples('onlyInTarget', 'Rows only in target', entry.status === 'onlyInTarget' ? 0 : (entry.summary?.onlyInTarget ?? 0), entry.samples?.onlyInTarget ?? [])}
${differentSamples(entry)}
${st === undefined ? '' : html`<p class="stats">${st.algorithm}: ${count(st.rowsDownloaded)} rows downloaded, ${count(st.queries)} queries, ${st.seconds} s${st.complete ? '' : html` <strong class="incomplete">(incomplete: -maxRowsDownloaded reached)</strong>`}</p>`}`;
}
