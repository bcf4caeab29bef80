/**
 * The HTML report's inline style and script (no external asset, no network). The script only
 * enhances a page that reads completely without it: a click anywhere on a table's row opens its
 * drill-down (the row's link alone does that without script), a link to `#t-N` opens that table, and a
 * filter bar (built by the script, so it is never a dead control) narrows the list of tables.
 */

export const REPORT_CSS = `
:root { --fg: #1d2330; --muted: #5b6475; --line: #d8dde6; --bg: #ffffff; --panel: #f5f7fa; --accent: #2456a6; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1280px; margin: 0 auto; padding: 20px 24px 48px; }
header.page { background: #1d2a44; color: #fff; padding: 18px 24px; }
header.page h1 { margin: 0 0 8px; font-size: 20px; font-weight: 600; }
header.page dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; font-size: 13px; }
header.page dt { color: #aebbd6; }
header.page dd { margin: 0; }
header.page code { color: #dce6fa; }
h2 { font-size: 16px; margin: 28px 0 10px; }
h3 { display: inline; font-size: 15px; margin: 0; }
h4 { font-size: 13.5px; margin: 18px 0 6px; color: #3a4357; }
code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.tiles { display: flex; flex-wrap: wrap; gap: 10px; margin: 0; padding: 0; }
.tile { list-style: none; min-width: 128px; padding: 10px 14px; border: 1px solid var(--line); border-radius: 8px; background: var(--panel); }
.tile .n { display: block; font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; }
.tile .label { color: var(--muted); font-size: 12.5px; }
.tile.warn { border-color: #e0b252; background: #fff8e6; }
.tile.bad { border-color: #e08a8a; background: #fdeeee; }
.tile.good { border-color: #9fd3ae; background: #eef9f1; }
.run { color: var(--muted); margin: 10px 0 0; }
.scroll { overflow-x: auto; }
table.grid { border-collapse: collapse; width: 100%; font-size: 13px; }
table.grid th, table.grid td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
table.grid th { background: var(--panel); font-weight: 600; white-space: nowrap; }
table.grid td { white-space: pre-wrap; word-break: break-word; }
table.grid td code { white-space: nowrap; }
table.grid.num { width: auto; min-width: 50%; }
table.num td:not(:first-child), table.overview td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.overview tbody tr.clickable { cursor: pointer; }
table.overview tbody tr:hover { background: #eef3fb; }
table.overview a { color: var(--accent); text-decoration: none; font-weight: 550; }
table.overview a:hover, table.overview a:focus { text-decoration: underline; }
.status, .cstatus { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.s-identical, .cs-compared { background: #e3f4e8; color: #1b6332; border-color: #9fd3ae; }
.s-different, .cs-lowered { background: #fff1d6; color: #7a4a00; border-color: #e0b252; }
.s-onlyInSource, .cs-onlyInSource { background: #e4edfb; color: #1f4d99; border-color: #a9c2ec; }
.s-onlyInTarget, .cs-onlyInTarget { background: #f0e6fa; color: #5b2a8c; border-color: #c8a9e6; }
.s-error, .cs-notCompared { background: #fde4e4; color: #9b1c1c; border-color: #e99b9b; }
.tag { font-size: 11px; padding: 0 5px; border-radius: 4px; background: #e6e9ef; color: var(--muted); }
details.table { border: 1px solid var(--line); border-radius: 8px; margin: 10px 0; background: var(--bg); }
details.table > summary { cursor: pointer; padding: 10px 14px; background: var(--panel); border-radius: 8px; }
details.table[open] > summary { border-bottom: 1px solid var(--line); border-radius: 8px 8px 0 0; }
details.table > div { padding: 4px 16px 14px; }
.counts { display: flex; flex-wrap: wrap; gap: 6px 22px; margin: 8px 0; }
.counts div { display: flex; gap: 6px; }
.counts dt { color: var(--muted); }
.counts dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
.facts { margin: 8px 0 0; padding-left: 18px; }
.differs { color: #9b1c1c; font-weight: 600; }
tr.zero td { color: var(--muted); }
.null { color: var(--muted); font-style: italic; }
.empty { color: var(--muted); }
td.src { background: #fdf0f0; }
td.tgt { background: #eef8f0; }
td.key { font-weight: 550; }
.kv { white-space: nowrap; }
.error { padding: 8px 12px; border: 1px solid #e99b9b; background: #fde4e4; color: #7d1717; border-radius: 6px; white-space: pre-wrap; }
.incomplete { color: #7a4a00; }
.stats, .where { color: var(--muted); }
.toolbar { display: flex; flex-wrap: wrap; gap: 14px; align-items: center; margin: 0 0 10px; }
.toolbar input[type=search] { padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; min-width: 240px; font: inherit; }
.toolbar button { font: inherit; padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); cursor: pointer; }
[hidden] { display: none !important; }
@media print { .toolbar { display: none; } details.table > div { display: block; } }
`;

export const REPORT_SCRIPT = `
(function () {
  'use strict';
  function openTable(id, scroll) {
    var target = id ? document.getElementById(id) : null;
    var details = target && target.closest('details');
    if (!details) return;
    details.open = true;
    if (scroll) details.scrollIntoView({ block: 'start' });
  }
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-drill]'));
  rows.forEach(function (row) {
    row.classList.add('clickable');
    row.addEventListener('click', function (event) {
      event.preventDefault();
      var id = row.getAttribute('data-drill');
      openTable(id, true);
      if (location.hash !== '#' + id) location.hash = id;
    });
  });
  window.addEventListener('hashchange', function () { openTable(decodeURIComponent(location.hash.slice(1)), true); });
  if (location.hash) openTable(decodeURIComponent(location.hash.slice(1)), true);

  var list = document.getElementById('tables');
  if (!list || rows.length < 2) return;
  var bar = document.createElement('div');
  bar.className = 'toolbar';
  var search = document.createElement('input');
  search.type = 'search';
  search.placeholder = 'Filter tables by name';
  search.setAttribute('aria-label', 'Filter tables by name');
  var onlyLabel = document.createElement('label');
  var only = document.createElement('input');
  only.type = 'checkbox';
  onlyLabel.appendChild(only);
  onlyLabel.appendChild(document.createTextNode(' only tables with differences'));
  function button(text, open) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.addEventListener('click', function () {
      document.querySelectorAll('details.table').forEach(function (d) { if (!d.hidden) d.open = open; });
    });
    return b;
  }
  bar.append(search, onlyLabel, button('Open all', true), button('Close all', false));
  list.parentNode.insertBefore(bar, list);
  function filter() {
    var text = search.value.trim().toLowerCase();
    rows.forEach(function (row) {
      var show = (!only.checked || row.getAttribute('data-differs') === 'true') && (text === '' || (row.getAttribute('data-name') || '').toLowerCase().indexOf(text) >= 0);
      row.hidden = !show;
      var target = document.getElementById(row.getAttribute('data-drill'));
      var details = target && target.closest('details');
      if (details) details.hidden = !show;
    });
  }
  search.addEventListener('input', filter);
  only.addEventListener('change', filter);
})();
`;
