/**
 * The page every self-contained HTML report shares (dataDiff's, check's): one file, style and script
 * inline, no network (a Content-Security-Policy allows only the page's own style and script, by
 * hash), a header of facts about the run (sides described without passwords, its time, parity's
 * version), then the report's body.
 */
import { createHash } from 'node:crypto';
import { html, type Html } from './html.js';

export interface PageFact {
  readonly label: string;
  /** The `id` of the fact's `<dd>` (tests and scripts find it by it). */
  readonly id: string;
  readonly value: Html;
}

export interface PageAssets {
  readonly css: string;
  readonly script: string;
}

type Tone = 'good' | 'warn' | 'bad' | '';

/** A summary tile: a count and what it counts, coloured by `tone` when it is not zero. */
export function tile(key: string, label: string, n: number, tone: Tone = ''): Html {
  return html`<li class="tile${tone && n > 0 ? ` ${tone}` : ''}" data-summary="${key}"><span class="n">${n.toLocaleString('en-US')}</span> <span class="label">${label}</span></li>`;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export function reportPage(title: string, facts: readonly PageFact[], run: { readonly generatedAt: Date; readonly version: string }, body: Html, assets: PageAssets): string {
  const csp = `default-src 'none'; style-src ${sha256(assets.css)}; script-src ${sha256(assets.script)}; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const when = run.generatedAt.toISOString();
  return `<!DOCTYPE html>
${html`<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="parity ${run.version}">
<title>${title}</title>
<style>`}${assets.css}</style>
</head><body>
${html`<header class="page"><h1>${title}</h1><dl>
${facts.map((f) => html`<dt>${f.label}</dt><dd id="${f.id}">${f.value}</dd>
`)}<dt>Run</dt><dd><time datetime="${when}">${when.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</time></dd>
<dt>parity</dt><dd id="version">${run.version}</dd></dl></header>
<main>${body}</main>`}
<script>${assets.script}</script>
</body></html>
`;
}
