/**
 * `dataDiff -reportFilename=F.html` end to end: a whole-database run on the shared PostgreSQL (two
 * databases: identical, different, keyless with duplicates, on one side only, failed, a column on one
 * side, a lowered numeric scale, a table whose names and values hold `<script>` and quotes) writes the
 * HTML and F.json (exactly the run's JSON), neither holding the environments' password; then the page
 * in a real Chromium: the summary shows the JSON's numbers, one row per table with its status, a click
 * opens the table's drill-down (schema section, samples, error), no console error, no request but the
 * file, data shown as text and never run, with script and without; a screenshot. Also single-table
 * mode, and the write errors (exit 7, one line naming the file; nothing half-written).
 * `UPDATE_SCREENSHOT=1` copies the screenshot to docs/report.png (the README's).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, pngSize, skipWithoutChromium } from '../support/chromium.ts';
import { runCli } from '../support/cli.ts';
import { environmentSection } from '../support/flyway-toml.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

const XSS_TABLE = 'x<script>window.__pwned=1</script>';
const XSS_COLUMN = `it's "q"`;
const XSS_SOURCE = '<script>window.__pwned=2</script>';
const XSS_TARGET = `</td><script>window.__pwned=3</script>"&amp;`;
const PASSWORD = `Pw-report-${randomBytes(9).toString('hex')}`;
const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

const SOURCE = `
  CREATE TABLE same (id integer PRIMARY KEY, v text); INSERT INTO same SELECT i, 'v' || i FROM generate_series(1, 100) i;
  CREATE TABLE orders (id integer PRIMARY KEY, amount numeric(12,4), note text, old_code text);
  INSERT INTO orders SELECT i, i * 1.5, 'n' || i, 'c' || i FROM generate_series(1, 1000) i;
  CREATE TABLE logs (msg text, n integer); INSERT INTO logs VALUES ('a', 1), ('a', 1), ('b', 2), ('c', 3);
  CREATE TABLE gone (id integer PRIMARY KEY); INSERT INTO gone VALUES (1), (2), (3);
  CREATE TABLE prices (amount numeric(10,2) PRIMARY KEY);
  CREATE TABLE ${q(XSS_TABLE)} (id integer PRIMARY KEY, ${q(XSS_COLUMN)} text);
  INSERT INTO ${q(XSS_TABLE)} VALUES (1, '${XSS_SOURCE}'), (2, E'two\\nlines "quoted" <b>');`;
const TARGET = `
  CREATE TABLE same (id integer PRIMARY KEY, v text); INSERT INTO same SELECT i, 'v' || i FROM generate_series(1, 100) i;
  CREATE TABLE orders (id integer PRIMARY KEY, amount numeric(12,2), note text, extra integer);
  INSERT INTO orders SELECT i, i * 1.5, 'n' || i, NULL FROM generate_series(1, 1000) i;
  UPDATE orders SET note = 'changed' WHERE id = 5; DELETE FROM orders WHERE id = 7; INSERT INTO orders VALUES (1001, 1, 'new', 1);
  CREATE TABLE logs (msg text, n integer); INSERT INTO logs VALUES ('a', 1), ('b', 2), ('b', 2), ('c', 3);
  CREATE TABLE fresh (id integer PRIMARY KEY); INSERT INTO fresh VALUES (1), (2);
  CREATE TABLE prices (amount numeric(10,2) PRIMARY KEY);
  CREATE TABLE ${q(XSS_TABLE)} (id integer PRIMARY KEY, ${q(XSS_COLUMN)} text);
  INSERT INTO ${q(XSS_TABLE)} VALUES (1, '${XSS_TARGET}'), (3, 'three');`;

/** Each table's expected status words, in the report's order (matched pairs by name, then target-only). */
const EXPECTED_ROWS: [string, string][] = [
  ['public.gone', 'only in source'],
  ['public.logs', 'different'],
  ['public.orders', 'different'],
  ['public.prices', 'error'],
  ['public.same', 'identical'],
  [`public.${XSS_TABLE}`, 'different'],
  ['public.fresh', 'only in target'],
];

let pg: TestPostgres;
let work: string;
let role: string;
let browser: Browser | undefined;
const withBrowser = !skipWithoutChromium();
const run = (...args: string[]) => runCli(['dataDiff', '-source=a', '-target=b', ...args], { cwd: work, env: { REPORT_PASSWORD: PASSWORD } });

interface Summary { [key: string]: number | boolean }
interface Json { summary: Summary; tables: { source: string | null; target: string | null; status: string }[] }

test.before(async () => {
  pg = await startPostgres();
  role = pg.name('reporter');
  // A role of this file's own, with a password no other setting holds (a crashed run's databases and role go first).
  for (const db of ['a', 'b']) await pg.dropDatabase(db);
  await pg.exec('postgres', `DROP ROLE IF EXISTS ${q(role)}; CREATE ROLE ${q(role)} LOGIN PASSWORD '${PASSWORD}'`);
  for (const [db, sql] of [['a', SOURCE], ['b', TARGET]] as const) {
    await pg.createDatabase(db);
    await pg.exec(db, `${sql}\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO ${q(role)};`);
  }
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-report-'));
  const env = (db: string) => environmentSection(db, pg.jdbcUrl(db), role, 'REPORT_PASSWORD');
  fs.writeFileSync(path.join(work, 'flyway.toml'), env('a') + env('b'));
  if (withBrowser) browser = await launchChromium();
});

test.after(async () => {
  await browser?.close();
  if (pg) {
    await pg.dropDatabase('a');
    await pg.dropDatabase('b');
    await pg.exec('postgres', `DROP ROLE IF EXISTS ${q(role)}`);
    await pg.stop();
  }
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

let whole: { html: string; json: Json } | undefined;

/** The whole-database run's report (made once). */
async function wholeReport(): Promise<{ html: string; json: Json }> {
  if (whole) return whole;
  const result = await run('-reportFilename=out/report.html', '-outputType=json');
  assert.is(result.code, 0, result.stderr);
  const html = path.join(work, 'out', 'report.html');
  const jsonText = fs.readFileSync(path.join(work, 'out', 'report.json'), 'utf8');
  assert.is(jsonText, result.stdout, 'F.json is exactly the JSON of the run');
  assert.match(result.stderr, `data diff report written: ${html} (JSON: ${path.join(work, 'out', 'report.json')})`);
  whole = { html, json: JSON.parse(jsonText) as Json };
  return whole;
}

test('whole database: F.html and F.json (the run JSON), nothing else left, no password in either', async () => {
  const { html, json } = await wholeReport();
  assert.equal(fs.readdirSync(path.dirname(html)).sort(), ['report.html', 'report.json']);
  const page = fs.readFileSync(html, 'utf8');
  const jsonText = fs.readFileSync(path.join(work, 'out', 'report.json'), 'utf8');
  for (const text of [page, jsonText]) assert.not.ok(text.includes(PASSWORD), 'the password is in a report file');
  assert.ok(page.includes(`${role}@127.0.0.1:${pg.port}/${pg.name('a')}`), 'the source is described');
  assert.equal(
    json.tables.map((t) => [t.source ?? t.target, t.status]),
    EXPECTED_ROWS.map(([name, words]) => [name, { 'only in source': 'onlyInSource', 'only in target': 'onlyInTarget' }[words] ?? words]),
  );
  assert.equal({ ...json.summary, seconds: 0 }, {
    ...{ tables: 7, identical: 1, different: 3, onlyInSource: 1, onlyInTarget: 1, error: 1, schemaDifferences: 1 },
    // same 100 + orders 1000 + logs 4 + gone 3 + the <script> table 2; orders lost 7 and gained 1001, fresh has 2.
    ...{ sourceRows: 1109, targetRows: 1108, rowsOnlyInSource: 6, rowsOnlyInTarget: 5, differentRows: 2, identicalRows: 1101 },
    ...{ rowsDownloaded: json.summary['rowsDownloaded'], queries: json.summary['queries'], seconds: 0, complete: true },
  });
  // The one script element is the page's own; the data's markup is text.
  assert.is(page.match(/<script/g)?.length, 1);
  assert.ok(page.includes('x&lt;script&gt;window.__pwned=1&lt;/script&gt;'));
});

test('the table output is unchanged by -reportFilename; the report is named on stderr', async () => {
  const plain = await run();
  const withReport = await run('-reportFilename=table-run.html');
  assert.is(withReport.code, 0, withReport.stderr);
  const strip = (text: string) => text.replace(/[\d.]+ s\b/g, 'N s').replace(/\d+ rows downloaded, \d+ queries/g, 'N');
  assert.is(strip(withReport.stdout), strip(plain.stdout));
  assert.is(withReport.stderr, `data diff report written: ${path.join(work, 'table-run.html')} (JSON: ${path.join(work, 'table-run.json')})\n`);
});

test('single-table mode: the report of one table and the single-table JSON beside it', async () => {
  const result = await run('-table=orders', '-key=id', '-columns=amount,note', '-reportFilename=single.htm', '-outputType=json');
  assert.is(result.code, 0, result.stderr);
  assert.is(fs.readFileSync(path.join(work, 'single.json'), 'utf8'), result.stdout);
  const page = fs.readFileSync(path.join(work, 'single.htm'), 'utf8');
  assert.not.ok(page.includes(PASSWORD));
  assert.match(page, /<details class="table" data-status="different" open>/);
  if (!browser) return;
  const view = await openPage(path.join(work, 'single.htm'));
  const json = JSON.parse(result.stdout) as { summary: Record<string, number> };
  for (const [key, n] of Object.entries(json.summary)) assert.is(await summaryNumber(view.page, key), n, key);
  assert.ok(await view.page.isVisible('#t-0 .schema'), 'the drill-down is open');
  assert.match(await view.page.innerText('#t-0 .schema'), /numeric\(12,4\)\s+NULL\s+amount\s+numeric\(12,2\)/);
  await view.done();
});

test('write errors: a folder where the file should be, a path below a file (exit 7, one line, nothing written); a .json name (exit 2)', async () => {
  fs.mkdirSync(path.join(work, 'taken.html'));
  fs.writeFileSync(path.join(work, 'plain-file'), 'x');
  const folder = await run('-reportFilename=taken.html');
  assert.is(folder.code, 7);
  assert.is(folder.stderr, `ERROR: cannot write file: it is a directory (${path.join(work, 'taken.html')})\n`);
  const below = await run('-reportFilename=plain-file/sub/r.html');
  assert.is(below.code, 7);
  assert.is(below.stderr, `ERROR: cannot write file: ${path.join(work, 'plain-file')} is not a directory (${path.join(work, 'plain-file', 'sub', 'r.html')})\n`);
  assert.not.ok(fs.existsSync(path.join(work, 'taken.json')));
  const json = await run('-reportFilename=r.json', '-table=orders', '-key=id');
  assert.is(json.code, 2);
  assert.match(json.stderr, /^ERROR: -reportFilename names the HTML report \(report\.html; its JSON is written beside it\), not "r\.json" \(parity dataDiff\)\n$/);
});

/** A page of the report in Chromium, with what it logged and requested. */
async function openPage(file: string, javaScriptEnabled = true) {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url);
  return {
    page,
    async done() {
      assert.equal(errors, [], 'console errors');
      assert.equal(requests.filter((r) => r.split('#')[0] !== url), [], 'requests other than the file');
      await context.close();
    },
  };
}

async function summaryNumber(page: Page, key: string): Promise<number> {
  return Number((await page.innerText(`[data-summary="${key}"] .n`)).replaceAll(',', ''));
}

const rowIndex = (name: string) => EXPECTED_ROWS.findIndex(([n]) => n === name);

if (withBrowser) {
  test('in Chromium: summary numbers are the JSON, one row per table with its status, drill-downs open on click, data is text', async () => {
    const started = Date.now();
    const { html, json } = await wholeReport();
    const { page, done } = await openPage(html);
    for (const key of ['tables', 'identical', 'different', 'onlyInSource', 'onlyInTarget', 'error', 'schemaDifferences', 'sourceRows', 'targetRows', 'rowsOnlyInSource', 'rowsOnlyInTarget', 'differentRows', 'identicalRows']) {
      assert.is(await summaryNumber(page, key), json.summary[key], key);
    }
    const rows = await page.$$eval('#tables tbody tr', (trs) => trs.map((tr) => [tr.querySelector('a')!.textContent, tr.querySelector('.status')!.textContent]));
    assert.equal(rows, EXPECTED_ROWS);

    // A click on a row (not on its link) opens that table's drill-down: the schema section and samples.
    const orders = `#t-${rowIndex('public.orders')}`;
    assert.not.ok(await page.isVisible(`${orders} .schema`), 'closed before the click');
    await page.click(`#tables tbody tr:nth-child(${rowIndex('public.orders') + 1}) td:nth-child(4)`);
    assert.ok(await page.isVisible(`${orders} .schema`));
    assert.is(await page.textContent(`${orders} .schema h4`), 'Schema: 3 differences');
    const schema = await page.innerText(`${orders} .schema`);
    for (const text of ['amount', 'numeric(12,4)', 'numeric(12,2)', 'lowered', 'decimal(2)', 'compared at scale 2 (source 4, target 2)', 'old_code', 'only in source', 'extra', 'only in target', 'NOT NULL', 'Column order: same', 'Primary key: (id) in the source, (id) in the target (same)']) {
      assert.ok(schema.includes(text), `schema section lacks ${text}:\n${schema}`);
    }
    const stats = await page.$$eval(`${orders} .columns tbody tr`, (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    assert.equal(stats[0]!.slice(0, 3), ['note', '1', '0.1%']);
    assert.match(await page.innerText(`${orders} .onlyInSource`), /Rows only in source: 1 row\n[^]*7\s+10\.50\s+n7/);
    assert.match(await page.innerText(`${orders} .onlyInTarget`), /Rows only in target: 1 row\n[^]*1001\s+1\.00\s+new/);
    assert.match(await page.innerText(`${orders} .different`), /id=5\s+note\s+n5\s+changed/);
    assert.match(await page.innerText(`${orders} .column-samples h4`), /^Differing values by column \(samples\)$/);
    assert.equal(await page.$$eval(`${orders} .column-samples tbody td`, (tds) => tds.map((td) => td.textContent)), ['note', 'id=5 ', 'n5', 'changed']);

    // The link opens a table too; a keyless table says so; a failed table shows its error.
    const logs = `#t-${rowIndex('public.logs')}`;
    await page.click(`a[href="${logs}"]`);
    assert.match(await page.innerText(logs), /no key: compared as a multiset of rows[^]*Rows only in source: 1 row\n[^]*a\s+1[^]*Rows only in target: 1 row\n[^]*b\s+2/);
    const prices = `#t-${rowIndex('public.prices')}`;
    await page.click(`a[href="${prices}"]`);
    assert.is(await page.innerText(`${prices} .error`), 'UNSUPPORTED: key column amount (numeric(10,2)) is decimal; keys can be integer, uuid, char or text columns (-key)');

    // Markup in names and values is shown as text and never runs.
    const xss = `#t-${rowIndex(`public.${XSS_TABLE}`)}`;
    await page.click(`a[href="${xss}"]`);
    assert.is(await page.innerText(`details:has(${xss}) > summary h3`), `public.${XSS_TABLE}`);
    const different = await page.$$eval(`${xss} .different tbody td`, (tds) => tds.map((td) => td.textContent));
    assert.equal(different, ['id=1 ', XSS_COLUMN, XSS_SOURCE, XSS_TARGET]);
    assert.equal(await page.$$eval(`${xss} .column-samples tbody td`, (tds) => tds.map((td) => td.textContent)), [XSS_COLUMN, 'id=1 ', XSS_SOURCE, XSS_TARGET]);
    assert.ok((await page.innerText(`${xss} .onlyInSource`)).includes('two\nlines "quoted" <b>'));
    assert.is(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);

    // The filter (script only) keeps the tables with differences.
    await page.check('.toolbar input[type=checkbox]');
    assert.equal(await page.$$eval('#tables tbody tr:not([hidden]) a', (as) => as.map((a) => a.textContent)), EXPECTED_ROWS.filter(([, s]) => s !== 'identical').map(([n]) => n));
    await page.uncheck('.toolbar input[type=checkbox]');

    // The screenshot (the README's, with UPDATE_SCREENSHOT=1): every drill-down closed but orders'.
    const shot = path.join(work, 'report.png');
    await page.click('.toolbar button:text("Close all")');
    assert.is(await page.locator('details.table[open]').count(), 0);
    await page.click(`a[href="${orders}"]`);
    await page.evaluate(() => window.scrollTo(0, 0));
    const png = await page.screenshot({ path: shot, fullPage: true });
    assert.ok(png.length > 10_000, `screenshot of ${png.length} bytes`);
    const size = pngSize(fs.readFileSync(shot));
    assert.is(size.width, 1280);
    assert.ok(size.height > 900, `height ${size.height}`);
    if (process.env['UPDATE_SCREENSHOT'] === '1') {
      const docs = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'docs');
      fs.mkdirSync(docs, { recursive: true });
      fs.copyFileSync(shot, path.join(docs, 'report.png'));
    }
    await done();
    console.log(`browser test: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  test('in Chromium without JavaScript: every drill-down is there, and a table link opens its own', async () => {
    const { html } = await wholeReport();
    const { page, done } = await openPage(html, false);
    assert.is(await page.$('.toolbar'), null);
    assert.is(await page.locator('details.table').count(), EXPECTED_ROWS.length);
    const orders = `#t-${rowIndex('public.orders')}`;
    assert.not.ok(await page.isVisible(`${orders} .schema`));
    await page.click(`a[href="${orders}"]`);
    assert.ok(await page.isVisible(`${orders} .schema`));
    assert.ok((await page.innerText(`${orders} .different`)).includes('changed'));
    await done();
  });
}

test.run();
