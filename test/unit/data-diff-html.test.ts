/**
 * The HTML report's renderer without a browser (src/output/data-diff-html.ts): every value escaped,
 * statuses in words and colour classes, the header without passwords, nothing external, the CSP
 * hashes match the page's own style and script; `html` templates; percentages; and the report
 * writer leaving nothing half-written when a write fails.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CommandContext } from '../../src/cli/command.ts';
import { writeReport } from '../../src/cli/report-files.ts';
import type { ConnectionSettings } from '../../src/config/connection.ts';
import type { DatabaseDiffReport, TableEntry } from '../../src/data-diff/database-diff.ts';
import type { DataDiffReport } from '../../src/data-diff/report.ts';
import { dataDiffHtml, databaseDiffHtml, type ReportContext } from '../../src/output/data-diff-html.ts';
import { percent } from '../../src/output/data-diff-report.ts';
import { escapeHtml, html } from '../../src/output/html.ts';
import { Output } from '../../src/output/streams.ts';
import { catchParityError } from '../support/parity-error.ts';

const SECRET = 'S3cret-pw-<&>"';
const connection = (database: string): ConnectionSettings => ({ dialect: 'postgres', host: 'db.example', port: 5432, database, user: 'app', password: SECRET, params: { password: SECRET } });
const context: ReportContext = {
  source: { environment: 'legacy<1>', connection: connection('old') },
  target: { environment: 'new', connection: connection('new') },
  generatedAt: new Date('2026-12-04T10:20:30.456Z'),
  version: '9.8.7',
};

const EVIL = `<script>alert("x")</script>`;
const summary = (over: Partial<NonNullable<TableEntry['summary']>> = {}) => ({ sourceRows: 10, targetRows: 10, onlyInSource: 0, onlyInTarget: 0, differentRows: 0, identicalRows: 10, ...over });
const stats = { rowsDownloaded: 3, queries: 4, seconds: 0.5, complete: true, algorithm: 'hashdiff' as const };

const different: TableEntry = {
  source: `public.${EVIL}`,
  target: `public.${EVIL}`,
  status: 'different',
  key: ['id'],
  keySource: 'primary key',
  summary: summary({ onlyInSource: 1, differentRows: 1, identicalRows: 8 }),
  columns: { [`it's "q"`]: { differentValues: 1, share: 1 / 9 }, amount: { differentValues: 0, share: 0 } },
  samples: {
    onlyInSource: [{ key: { id: '7' }, row: { [`it's "q"`]: 'a\nb & c', amount: null } }],
    onlyInTarget: [],
    different: [{ key: { id: '5' }, columns: { [`it's "q"`]: { source: EVIL, target: '' } } }],
  },
  stats,
  schema: {
    columns: [
      { source: 'id', target: 'id', sourceType: 'integer', targetType: 'integer', status: 'compared', key: true, comparedAs: 'integer', sourceNullable: false, targetNullable: false },
      { source: 'amount', target: 'amount', sourceType: 'numeric(12,4)', targetType: 'numeric(12,2)', status: 'lowered', comparedAs: 'decimal(2)', reason: 'compared at scale 2 (source 4, target 2)', sourceNullable: true, targetNullable: false },
      { source: `it's "q"`, target: `it's "q"`, sourceType: 'text', targetType: 'text', status: 'compared', comparedAs: 'text', sourceNullable: true, targetNullable: true },
      { source: 'span', target: 'span', sourceType: 'interval', targetType: 'interval', status: 'notCompared', reason: 'no safe comparison <interval>', sourceNullable: true, targetNullable: true },
      { source: null, target: 'extra', sourceType: null, targetType: 'integer', status: 'onlyInTarget', targetNullable: true },
    ],
    columnOrderDiffers: true,
    primaryKey: { source: ['id'], target: [], differs: true },
    differences: 6,
  },
};

const report: DatabaseDiffReport = {
  summary: {
    ...{ tables: 5, identical: 1, different: 1, onlyInSource: 1, onlyInTarget: 1, error: 1, schemaDifferences: 1 },
    ...{ sourceRows: 1234567, targetRows: 20, rowsOnlyInSource: 1, rowsOnlyInTarget: 0, differentRows: 1, identicalRows: 18, rowsDownloaded: 3, queries: 9, seconds: 1.5, complete: false },
  },
  tables: [
    { source: 'public.same', target: 'public.same', status: 'identical', key: ['id'], keySource: 'primary key', summary: summary(), columns: {}, samples: { onlyInSource: [], onlyInTarget: [], different: [] }, stats },
    different,
    { source: 'public.gone', target: null, status: 'onlyInSource', key: null, summary: summary({ targetRows: 0, onlyInSource: 10, identicalRows: 0 }), stats },
    { source: null, target: 'public.fresh', status: 'onlyInTarget', key: null, summary: summary({ sourceRows: 0, onlyInTarget: 10, identicalRows: 0 }), stats },
    { source: 'public.p', target: 'public.p', status: 'error', key: ['amount'], error: { errorCode: 'UNSUPPORTED', message: `key <amount> is "decimal"` } },
  ],
};

const page = databaseDiffHtml(report, context);

test('html templates escape interpolated text, keep nested templates, drop null and booleans', () => {
  assert.is(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  const inner = html`<b>${'<i>'}</b>`;
  assert.is(html`<p>${inner}${[html`<br>`, '<br>']}${null}${undefined}${false}${0}</p>`.text, '<p><b>&lt;i&gt;</b><br>&lt;br&gt;0</p>');
});

test('every name and value is escaped: the only script and style elements are the page\'s own', () => {
  assert.is(page.match(/<script/g)?.length, 1);
  assert.is(page.match(/<style/g)?.length, 1);
  assert.not.ok(page.includes(EVIL));
  assert.ok(page.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  assert.ok(page.includes('it&#39;s &quot;q&quot;'));
  assert.ok(page.includes('a\nb &amp; c'));
  assert.ok(page.includes('key &lt;amount&gt; is &quot;decimal&quot;'));
  assert.ok(page.includes('no safe comparison &lt;interval&gt;'));
  assert.ok(page.includes('legacy&lt;1&gt;'));
});

test('the header: environments without passwords, the time, the version; nothing external', () => {
  assert.not.ok(page.includes('S3cret'), 'the password is in the page');
  assert.ok(page.includes('<dd id="source">legacy&lt;1&gt; <code>postgres://app@db.example:5432/old</code></dd>'));
  assert.ok(page.includes('<dd id="target">new <code>postgres://app@db.example:5432/new</code></dd>'));
  assert.ok(page.includes('<time datetime="2026-12-04T10:20:30.456Z">2026-12-04 10:20:30 UTC</time>'));
  assert.ok(page.includes('<dd id="version">9.8.7</dd>'));
  assert.not.match(page, /https?:|\bsrc=|@import|url\(|<link|<img|<iframe|<object|<embed/i);
  for (const href of page.match(/href="[^"]*"/g) ?? []) assert.match(href, /^href="#t-\d+"$/);
});

test('the Content-Security-Policy allows exactly the page\'s own style and script, by hash', () => {
  const hash = (text: string) => `&#39;sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}&#39;`;
  const style = /<style>([^]*?)<\/style>/.exec(page)![1]!;
  const script = /<script>([^]*?)<\/script>/.exec(page)![1]!;
  const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page)![1]!;
  assert.is(csp, `default-src &#39;none&#39;; style-src ${hash(style)}; script-src ${hash(script)}; img-src &#39;none&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;`);
});

test('summary numbers, one row per table with its status in words and a colour class, drill-downs closed', () => {
  assert.ok(page.includes('<li class="tile" data-summary="sourceRows"><span class="n">1,234,567</span> <span class="label">in source</span></li>'));
  assert.ok(page.includes('<li class="tile bad" data-summary="error"><span class="n">1</span> <span class="label">failed</span></li>'));
  assert.ok(page.includes('(incomplete: -maxRowsDownloaded reached; some mismatching rows were not compared)'));
  const rows = [...page.matchAll(/<tr data-drill="(t-\d)" data-status="(\w+)" data-differs="(\w+)"[^]*?<span class="status s-\2">([^<]*)<\/span>/g)].map((m) => m.slice(1));
  assert.equal(rows, [
    ['t-0', 'identical', 'false', 'identical'],
    ['t-1', 'different', 'true', 'different'],
    ['t-2', 'onlyInSource', 'true', 'only in source'],
    ['t-3', 'onlyInTarget', 'true', 'only in target'],
    ['t-4', 'error', 'true', 'error'],
  ]);
  assert.is(page.match(/<details class="table"/g)?.length, 5);
  assert.not.match(page, /<details[^>]* open/);
});

test('a drill-down: schema section with every column, statistics by differences, samples, error', () => {
  const detail = /<div id="t-1">([^]*?)<\/div><\/details>/.exec(page)![1]!;
  const schemaStatuses = [...detail.matchAll(/<span class="cstatus cs-(\w+)">([^<]*)<\/span>/g)].map((m) => `${m[1]}:${m[2]}`);
  assert.equal(schemaStatuses, ['compared:compared', 'lowered:lowered', 'compared:compared', 'notCompared:not compared', 'onlyInTarget:only in target']);
  assert.ok(detail.includes('<h4>Schema: 6 differences</h4>'));
  assert.ok(detail.includes('<td class="differs">NULL</td>') && detail.includes('<td class="differs">NOT NULL</td>'), 'nullability difference marked');
  assert.ok(detail.includes('Column order: the shared columns are in a different order'));
  assert.ok(detail.includes('Primary key: (id) in the source, none in the target'));
  const stats = [...detail.matchAll(/<tr( class="zero")?><td>([^<]*)<\/td><td>(\d+)<\/td><td>([^<]*)<\/td>/g)].map((m) => [m[2], m[3], m[4], m[1] !== undefined]);
  assert.equal(stats, [['it&#39;s &quot;q&quot;', '1', '11.1%', false], ['amount', '0', '0%', true]]);
  assert.ok(detail.includes('Rows only in source: 1 row'));
  assert.ok(detail.includes('<td><span class="null">NULL</span></td>'));
  assert.ok(detail.includes('<td class="tgt"><span class="empty" title="empty string">""</span></td>'));
  assert.ok(detail.includes('key (id) from the primary key'));
  const error = /<div id="t-4">([^]*?)<\/div><\/details>/.exec(page)![1]!;
  assert.ok(error.includes('<p class="error" role="alert"><strong>UNSUPPORTED</strong>: key &lt;amount&gt; is &quot;decimal&quot;</p>'));
  const oneSided = /<div id="t-2">([^]*?)<\/div><\/details>/.exec(page)![1]!;
  assert.ok(oneSided.includes('only in the source: its rows were counted, not compared'));
  assert.not.ok(oneSided.includes('Rows only in source:'), 'no empty sample section for a one-sided table');
});

test('single-table page: the row summary and the one drill-down, open', () => {
  const single: DataDiffReport = { summary: different.summary!, columns: different.columns!, samples: different.samples!, stats, schema: different.schema! };
  const text = dataDiffHtml(single, { source: 'public.orders', target: 'sales.orders', key: ['id'] }, context);
  assert.not.ok(text.includes('S3cret'));
  assert.is(text.match(/<details class="table" data-status="different" open>/g)?.length, 1);
  assert.ok(text.includes('<li class="tile warn" data-summary="differentRows"><span class="n">1</span>'));
  assert.ok(text.includes('key (id) from -key'));
  assert.ok(text.includes('<title>Data diff: legacy&lt;1&gt; → new, public.orders</title>'));
});

test('percent: three significant digits without trailing zeros; 100% is not 1%', () => {
  assert.equal([1, 0.5, 0.1, 0.125, 1 / 3, 0.001001, 0].map(percent), ['100%', '50%', '10%', '12.5%', '33.3%', '0.1%', '0%']);
});

test('writeReport: a write that fails leaves no temporary file and is WRITE_FAILED naming the file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-report-write-'));
  try {
    fs.mkdirSync(path.join(dir, 'r.html'));
    fs.writeFileSync(path.join(dir, 'r.html', 'keep'), 'x');
    let messages = '';
    const output = new Output({ stdout: { write: () => true }, stderr: { write: (t: string) => (messages += t) }, cwd: dir });
    const error = catchParityError(() => writeReport({ output } as unknown as CommandContext, { html: path.join(dir, 'r.html'), json: path.join(dir, 'r.json') }, '<html>', '{}'));
    assert.is(error.code, 'WRITE_FAILED');
    assert.is(error.where, path.join(dir, 'r.html'));
    assert.equal(fs.readdirSync(dir).sort(), ['r.html', 'r.json']);
    assert.equal(fs.readdirSync(path.join(dir, 'r.html')), ['keep']);
    assert.is(fs.readFileSync(path.join(dir, 'r.json'), 'utf8'), '{}\n');
    assert.is(messages, '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
