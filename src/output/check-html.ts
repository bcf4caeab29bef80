/**
 * `check`'s self-contained HTML report (`-reportFilename`, default report.html): the page of every
 * report (report-page.ts), a summary, then one section per check that ran: changes and drift as
 * tables of differences, each with the object's definitions before and after (a unified diff) in a
 * drill-down; code violations; the dry-run script. Every value is escaped (html.ts). Pure.
 */
import type { Artifact } from '../artifact/artifact.js';
import type { CheckResult } from '../check/check.js';
import { REPORT_CSS, REPORT_SCRIPT } from './data-diff-html-assets.js';
import { html, type Html } from './html.js';
import { countSeverity } from './check-report.js';
import { reportPage, tile } from './report-page.js';
import { changeTextDiff } from './text-diff.js';
import { OBJECT_TYPE_LABELS } from '../model/labels.js';

const CHECK_CSS = `
pre.sql, pre.diff { margin: 8px 0; padding: 10px 12px; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; overflow-x: auto; font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre; }
.d-Add { background: #e4edfb; color: #1f4d99; border-color: #a9c2ec; }
.d-Edit { background: #fff1d6; color: #7a4a00; border-color: #e0b252; }
.d-Delete { background: #fde4e4; color: #9b1c1c; border-color: #e99b9b; }
.sev-error { background: #fde4e4; color: #9b1c1c; border-color: #e99b9b; }
.sev-warning { background: #fff1d6; color: #7a4a00; border-color: #e0b252; }
.none { color: #1b6332; font-weight: 600; }
.lead { color: var(--muted); margin: 4px 0 10px; }
`;

function differences(prefix: string, artifact: Artifact, labels: { source: string; target: string }, none: string): Html {
  if (artifact.changes.length === 0) return html`<p class="none">${none}</p>`;
  const rows = artifact.changes.map(
    (c, i) => html`<tr data-drill="${prefix}-${i}" data-id="${c.id}"><td><a href="#${prefix}-${i}">${c.schema ? `${c.schema}.${c.name}` : c.name}</a></td><td><span class="status d-${c.differenceType}">${c.differenceType}</span></td><td>${OBJECT_TYPE_LABELS[c.objectKind]}</td><td><code>${c.id}</code></td></tr>`,
  );
  const details = artifact.changes.map(
    (c, i) => html`<details class="table"><summary><h3>${c.schema ? `${c.schema}.${c.name}` : c.name}</h3> <span class="status d-${c.differenceType}">${c.differenceType}</span> <span class="tag">${OBJECT_TYPE_LABELS[c.objectKind]}</span></summary><div id="${prefix}-${i}"><pre class="diff">${changeTextDiff(c, labels).diff}</pre></div></details>`,
  );
  return html`<div class="scroll"><table class="grid overview" id="${prefix}-list"><thead><tr><th>Object</th><th>Change</th><th>Object type</th><th>Id</th></tr></thead><tbody>${rows}</tbody></table></div>${details}`;
}

export function checkHtml(result: CheckResult, run: { readonly generatedAt: Date; readonly version: string }): string {
  const env = result.environment;
  const sections: Html[] = [];
  const tiles: Html[] = [];
  if (env) tiles.push(tile('pending', 'pending migrations', result.pending.length));
  if (result.changes) tiles.push(tile('changes', 'changes', result.changes.artifact.changes.length));
  if (result.drift) tiles.push(tile('drift', 'drifted objects', result.drift.artifact.changes.length, 'bad'));
  if (result.code) {
    tiles.push(tile('errors', 'code errors', countSeverity(result.code.violations, 'error'), 'bad'));
    tiles.push(tile('warnings', 'code warnings', countSeverity(result.code.violations, 'warning'), 'warn'));
  }
  if (env && result.pending.length > 0) {
    sections.push(html`<section id="pending" aria-labelledby="pending-title"><h2 id="pending-title">Pending migrations</h2><table class="grid"><thead><tr><th>Version</th><th>Description</th><th>Script</th></tr></thead><tbody>${result.pending.map((p) => html`<tr><td>${p.version ?? 'repeatable'}</td><td>${p.description}</td><td><code>${p.script}</code></td></tr>`)}</tbody></table></section>`);
  }
  if (result.changes) {
    sections.push(html`<section id="changes" aria-labelledby="changes-title"><h2 id="changes-title">Changes</h2><p class="lead">What the pending migrations change: ${result.changes.artifact.source.description} compared with ${result.changes.artifact.target.description}.</p>${differences('c', result.changes.artifact, { source: 'after', target: 'before' }, 'The pending migrations change no object.')}</section>`);
  }
  if (result.drift) {
    sections.push(html`<section id="drift" aria-labelledby="drift-title"><h2 id="drift-title">Drift</h2><p class="lead">${env?.name ?? ''} as it is, compared with ${result.drift.comparedWith}.</p>${differences('d', result.drift.artifact, { source: env?.name ?? 'actual', target: 'expected' }, 'No drift: the environment is as expected.')}</section>`);
  }
  if (result.code) {
    const v = result.code.violations;
    const body =
      v.length === 0
        ? html`<p class="none">No rule is broken in ${result.code.scripts.length} script(s).</p>`
        : html`<div class="scroll"><table class="grid" id="violations"><thead><tr><th>File</th><th>Line</th><th>Rule</th><th>Severity</th><th>Message</th></tr></thead><tbody>${v.map(
            (x) => html`<tr data-severity="${x.severity}"><td><code>${x.file}</code></td><td class="n">${x.line}</td><td><code>${x.rule}</code></td><td><span class="status sev-${x.severity}">${x.severity}</span></td><td>${x.message}</td></tr>`,
          )}</tbody></table></div>`;
    sections.push(html`<section id="code" aria-labelledby="code-title"><h2 id="code-title">Code analysis</h2><p class="lead">Rules over ${result.code.scope === 'all' ? 'every migration' : 'the pending migrations'}.</p>${body}</section>`);
  }
  if (result.dryrun) {
    sections.push(html`<section id="dryrun" aria-labelledby="dryrun-title"><h2 id="dryrun-title">Dry run</h2><pre class="sql">${result.dryrun.script}</pre></section>`);
  }
  const body = html`<section id="summary" aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2><ul class="tiles">${tiles}</ul></section>${sections}`;
  const facts = env ? [{ label: 'Environment', id: 'environment', value: html`${env.name} <code>${env.database}</code> at version ${env.schemaVersion ?? 'none'}` }] : [];
  return reportPage(env ? `Check: ${env.name}` : 'Check', facts, run, body, { css: REPORT_CSS + CHECK_CSS, script: REPORT_SCRIPT });
}
