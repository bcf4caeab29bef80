/**
 * Whole-database dataDiff (no `-table`) against live servers, through the CLI: a source database of 12
 * tables and a view, and a target holding the same data with seeded differences of every kind, as a
 * PostgreSQL database (PG<->PG) and as a MariaDB database (PG<->MariaDB). Every table's status, key,
 * row counts and schema differences are asserted against what the seeding did (computed here, not by
 * parity): changed rows, a keyless table with duplicate rows (counted with their multiplicity), columns
 * on one side only, a lowered numeric precision, a table on each side only, a key from a unique index
 * and one from -key, a table whose key type cannot be compared (an error entry; the run goes on), a
 * name differing only in case, a view left out unless named. Then the options that steer the matching,
 * the errors found before any comparison, -failOnDifferences and -materialize=DIR.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, type CliResult } from '../support/cli.ts';
import { splitColumnSamples } from '../support/data-diff-matrix.ts';
import { environmentSection } from '../support/flyway-toml.ts';
import { skipWithoutMariadb, startMariadb, type TestMariadb } from '../support/mariadb-server.ts';
import { startPostgres, type TestPostgres } from '../support/pg-server.ts';

type Value = number | string | null;
type Row = readonly Value[];

interface TableDef {
  readonly name: string;
  /** Column definitions per dialect (the key clause included). */
  readonly pg: string;
  readonly maria: string;
  readonly rows: readonly Row[];
}

const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => i + from);

// The source tables (PostgreSQL). `target` below holds the same data, changed as the comments say.
const customers: TableDef = {
  name: 'customers',
  pg: 'id integer PRIMARY KEY, name varchar(40), city varchar(40)',
  maria: 'id INT PRIMARY KEY, name VARCHAR(40), city VARCHAR(40)',
  rows: range(300).map((i) => [i, `customer ${i}`, i % 7 === 0 ? null : `city ${i % 13}`]),
};
const orderRow = (i: number): Row => [i, (i % 300) + 1, (i * 1.25).toFixed(2), i % 5 === 0 ? 'shipped' : 'open'];
const orders: TableDef = {
  name: 'orders',
  pg: 'id integer PRIMARY KEY, customer_id integer, amount numeric(10,2), status varchar(20)',
  maria: 'id INT PRIMARY KEY, customer_id INT, amount DECIMAL(10,2), status VARCHAR(20)',
  rows: range(2000).map(orderRow),
};
const orderLines: TableDef = {
  name: 'order_lines',
  pg: 'order_id integer, line integer, qty integer, PRIMARY KEY (order_id, line)',
  maria: 'order_id INT, line INT, qty INT, PRIMARY KEY (order_id, line)',
  rows: range(250).flatMap((i) => [[i, 1, i], [i, 2, i * 2]] as Row[]),
};
const events: TableDef = {
  name: 'events',
  pg: 'kind varchar(20), n integer',
  maria: 'kind VARCHAR(20), n INT',
  rows: [['a', 1], ['a', 1], ['a', 1], ['b', 2], ['b', 2], ['c', 3]],
};
const products: TableDef = {
  name: 'products',
  pg: 'id integer PRIMARY KEY, name varchar(40), legacy_code varchar(10)',
  maria: '',
  rows: range(100).map((i) => [i, `product ${i}`, `L${i}`]),
};
/** i * 1.0001 in ten-thousandths, written exactly (no binary floating point). */
const tenThousandths = (i: number) => i * 10001;
const decimalText = (units: number, digits: number) => `${Math.floor(units / 10 ** digits)}.${String(units % 10 ** digits).padStart(digits, '0')}`;
const prices: TableDef = {
  name: 'prices',
  pg: 'id integer PRIMARY KEY, price numeric(12,4)',
  maria: '',
  rows: range(200).map((i) => [i, decimalText(tenThousandths(i), 4)]),
};
const auditOld: TableDef = { name: 'audit_old', pg: 'id integer PRIMARY KEY, what text', maria: '', rows: range(10).map((i) => [i, `old ${i}`]) };
const settings: TableDef = {
  name: 'settings',
  pg: 'name varchar(40) NOT NULL UNIQUE, value varchar(40)',
  maria: 'name VARCHAR(40) NOT NULL UNIQUE, value VARCHAR(40)',
  rows: range(20).map((i) => [`setting_${i}`, `value ${i}`]),
};
const notes: TableDef = { name: 'notes', pg: 'id integer, body text', maria: 'id INT, body TEXT', rows: range(50).map((i) => [i, `note ${i}`]) };
const measures: TableDef = {
  name: 'measures',
  pg: 'id double precision PRIMARY KEY, v integer',
  maria: 'id DOUBLE PRIMARY KEY, v INT',
  rows: range(5).map((i) => [i + 0.5, i]),
};
const tags: TableDef = {
  name: 'tags',
  pg: 'tag varchar(30) PRIMARY KEY, uses integer',
  maria: 'tag VARCHAR(30) PRIMARY KEY, uses INT',
  rows: range(60).map((i) => [`tag-${i}`, i]),
};

const SOURCE: readonly TableDef[] = [customers, orders, orderLines, events, products, prices, auditOld, settings, notes, measures, tags];

/** The target: the same tables with the seeded changes, and (MariaDB) its own types. */
function targetTables(): Array<TableDef & { targetName?: string }> {
  const changedOrders = orders.rows
    .filter((r) => ![1, 1000, 2000].includes(r[0] as number))
    .map((r) => (r[0] === 5 || r[0] === 6 ? [r[0], r[1], (Number(r[2]) + 3).toFixed(2), r[3]] : r[0] === 7 ? [r[0], r[1], r[2], 'lost'] : r) as Row);
  return [
    customers,
    { ...orders, rows: [...changedOrders, orderRow(2001), orderRow(2002)] },
    { ...orderLines, targetName: 'Order_Lines' },
    { ...events, rows: [['a', 1], ['a', 1], ['b', 2], ['b', 2], ['c', 3], ['d', 4]] },
    {
      name: 'products',
      pg: 'id integer PRIMARY KEY, sku varchar(10), name varchar(40)',
      maria: 'id INT PRIMARY KEY, sku VARCHAR(10), name VARCHAR(40)',
      rows: products.rows.map((r): Row => [r[0]!, `S${r[0]}`, r[1]!]),
    },
    {
      name: 'prices',
      pg: 'id integer PRIMARY KEY, price numeric(12,2)',
      maria: 'id INT PRIMARY KEY, price DECIMAL(12,2)',
      // Rounded half away from zero to 2 digits as the migration did (ids 50 and 150 end in 50); id 50 also changed for real.
      rows: prices.rows.map((r): Row => [r[0]!, decimalText(Math.round(tenThousandths(r[0] as number) / 100) + (r[0] === 50 ? 100 : 0), 2)]),
    },
    { name: 'audit_new', pg: 'id integer PRIMARY KEY, what text', maria: 'id INT PRIMARY KEY, what TEXT', rows: range(4).map((i) => [i, `new ${i}`]) },
    { ...settings, rows: settings.rows.map((r): Row => (r[0] === 'setting_3' ? [r[0], 'changed'] : r)) },
    { ...notes, rows: notes.rows.map((r): Row => (r[0] === 9 ? [9, 'edited'] : r)) },
    measures,
    tags,
  ];
}

interface Expected {
  readonly status: string;
  readonly key: readonly string[] | null;
  readonly keySource?: string;
  readonly summary?: Record<string, number>;
  readonly schemaDifferences?: number;
}

const summary = (sourceRows: number, targetRows: number, onlyInSource: number, onlyInTarget: number, differentRows: number) => ({
  sourceRows,
  targetRows,
  onlyInSource,
  onlyInTarget,
  differentRows,
  identicalRows: sourceRows - onlyInSource - differentRows,
});

/** What each table must report, by source name (audit_new by target name), from the seeding above. */
const EXPECTED: Readonly<Record<string, Expected>> = {
  customers: { status: 'identical', key: ['id'], keySource: 'primary key', summary: summary(300, 300, 0, 0, 0), schemaDifferences: 0 },
  orders: { status: 'different', key: ['id'], keySource: 'primary key', summary: summary(2000, 1999, 3, 2, 3), schemaDifferences: 0 },
  order_lines: { status: 'identical', key: ['order_id', 'line'], keySource: 'primary key', summary: summary(500, 500, 0, 0, 0), schemaDifferences: 0 },
  // a: 3 copies vs 2; d only in the target; 2 b and 1 c on both sides.
  events: { status: 'different', key: null, keySource: 'none', summary: { sourceRows: 6, targetRows: 6, onlyInSource: 1, onlyInTarget: 1, differentRows: 0, identicalRows: 5 }, schemaDifferences: 0 },
  products: { status: 'identical', key: ['id'], keySource: 'primary key', summary: summary(100, 100, 0, 0, 0), schemaDifferences: 2 },
  prices: { status: 'different', key: ['id'], keySource: 'primary key', summary: summary(200, 200, 0, 0, 1), schemaDifferences: 1 },
  audit_old: { status: 'onlyInSource', key: null, summary: { sourceRows: 10, targetRows: 0, onlyInSource: 10, onlyInTarget: 0, differentRows: 0, identicalRows: 0 } },
  settings: { status: 'different', key: ['name'], keySource: 'unique index', summary: summary(20, 20, 0, 0, 1), schemaDifferences: 0 },
  notes: { status: 'different', key: ['id'], keySource: 'option', summary: summary(50, 50, 0, 0, 1), schemaDifferences: 0 },
  measures: { status: 'error', key: ['id'] },
  tags: { status: 'identical', key: ['tag'], keySource: 'primary key', summary: summary(60, 60, 0, 0, 0), schemaDifferences: 0 },
  audit_new: { status: 'onlyInTarget', key: null, summary: { sourceRows: 0, targetRows: 4, onlyInSource: 0, onlyInTarget: 4, differentRows: 0, identicalRows: 0 } },
};

interface Entry {
  source: string | null;
  target: string | null;
  status: string;
  key: string[] | null;
  keySource?: string;
  summary?: Record<string, number>;
  columns?: Record<string, { differentValues: number; share: number; maxAbsoluteDifference?: number; meanAbsoluteDifference?: number }>;
  samples?: { onlyInSource: { row: Record<string, string | null> }[]; onlyInTarget: { row: Record<string, string | null> }[] };
  schema?: { differences: number; columns: Array<{ source: string | null; target: string | null; status: string; reason?: string }>; columnOrderDiffers: boolean };
  error?: { errorCode: string; message: string };
}
interface RunJson {
  summary: Record<string, number | boolean>;
  tables: Entry[];
}

let pg: TestPostgres;
let maria: TestMariadb;
let work: string;

/**
 * readings: 1,000 rows; the target moved `value` by 0.004 (ids 1-10), by exactly 0.01 (11-20), by
 * 0.0101 (21-25) and by -0.02 (26-28); `ratio` by 0.5% (30-39) and by 2% (40-42); `at` in its
 * microseconds (50-54) and in its milliseconds (55-56).
 */
const readingsSource = range(1000).map((i): Row => [i, decimalText(i * 10000 + 5000, 4), i * 1.5, `2024-01-01 00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.123456`]);
const readingsTarget = readingsSource.map(([id, value, ratio, at]): Row => {
  const i = id as number;
  const units = i * 10000 + 5000 + (i <= 10 ? 40 : i <= 20 ? 100 : i <= 25 ? 101 : i <= 28 ? -200 : 0);
  const factor = i >= 30 && i <= 39 ? 1.005 : i >= 40 && i <= 42 ? 1.02 : 1;
  const time = i >= 50 && i <= 54 ? (at as string).replace('.123456', '.123999') : i >= 55 && i <= 56 ? (at as string).replace('.123456', '.124456') : at;
  return [id!, decimalText(units, 4), (ratio as number) * factor, time!];
});
const READINGS = { pg: 'id integer PRIMARY KEY, value numeric(12,4), ratio double precision, at timestamp(6)', maria: 'id INT PRIMARY KEY, value DECIMAL(12,4), ratio DOUBLE, at DATETIME(6)' };

const pgLiteral = (v: Value) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);

function pgStatements(tables: ReadonlyArray<TableDef & { targetName?: string }>): string {
  return tables
    .map((t) => {
      const name = `"${t.targetName ?? t.name}"`;
      const values = t.rows.map((r) => `(${r.map(pgLiteral).join(', ')})`).join(', ');
      return `CREATE TABLE ${name} (${t.pg}); ${t.rows.length > 0 ? `INSERT INTO ${name} VALUES ${values};` : ''}`;
    })
    .join('\n');
}

function mariaStatements(tables: ReadonlyArray<TableDef & { targetName?: string }>): string[] {
  return tables.flatMap((t) => {
    const name = `\`${t.targetName ?? t.name}\``;
    const values = t.rows.map((r) => `(${r.map(pgLiteral).join(', ')})`).join(', ');
    return [`CREATE TABLE ${name} (${t.maria}) CHARACTER SET utf8mb4`, ...(t.rows.length > 0 ? [`INSERT INTO ${name} VALUES ${values}`] : [])];
  });
}

const run = (...args: string[]): Promise<CliResult> => runCli(['dataDiff', ...args], { cwd: work, env: { PG_PW: pg.password, MARIA_PW: maria.password } });

async function json(...args: string[]): Promise<RunJson> {
  const result = await run(...args, '-outputType=json');
  assert.is(result.code, 0, result.stdout + result.stderr);
  return JSON.parse(result.stdout) as RunJson;
}

const nameOf = (entry: Entry) => (entry.source ?? entry.target)!.split('.').pop()!;

/** Every table's entry against EXPECTED; `targetSchema` is what the target's names are qualified with. */
function checkRun(report: RunJson, sourceSchema: string, targetSchema: string): void {
  const byName = new Map(report.tables.map((e) => [nameOf(e), e]));
  assert.equal([...byName.keys()].filter((n) => n !== 'readings').sort(), Object.keys(EXPECTED).sort(), 'one entry per table, and no view');
  for (const [name, expected] of Object.entries(EXPECTED)) {
    const entry = byName.get(name)!;
    assert.is(entry.status, expected.status, `${name}: ${JSON.stringify(entry.error ?? entry.summary)}`);
    assert.equal(entry.key, expected.key, `${name} key`);
    if (expected.keySource !== undefined) assert.is(entry.keySource, expected.keySource, `${name} key source`);
    if (expected.summary !== undefined) assert.equal(entry.summary, expected.summary, `${name} summary`);
    if (expected.schemaDifferences !== undefined) assert.is(entry.schema?.differences, expected.schemaDifferences, `${name} schema differences`);
  }
  assert.is(byName.get('order_lines')!.target, `${targetSchema}.Order_Lines`, 'matched ignoring case');
  assert.is(byName.get('orders')!.source, `${sourceSchema}.orders`);
  assert.is(byName.get('audit_old')!.target, null);
  assert.is(byName.get('audit_new')!.source, null);
  // orders: amount +3 in two rows, status changed in one (of the 1,997 rows on both sides).
  const share = (n: number) => Number((n / 1997).toPrecision(12));
  const { stats, sampledIds } = splitColumnSamples(byName.get('orders')!.columns!);
  assert.equal(stats, {
    customer_id: { differentValues: 0, share: 0 },
    amount: { differentValues: 2, share: share(2), maxAbsoluteDifference: 3, meanAbsoluteDifference: 3 },
    status: { differentValues: 1, share: share(1) },
  });
  assert.equal(sampledIds, { amount: [5, 6], status: [7] }, 'every row where each column differs (-columnSamples default 5)');
  // events: the third `a` only in the source, `d` only in the target.
  assert.equal(byName.get('events')!.samples!.onlyInSource.map((s) => s.row), [{ kind: 'a', n: '1' }]);
  assert.equal(byName.get('events')!.samples!.onlyInTarget.map((s) => s.row), [{ kind: 'd', n: '4' }]);
  // products: legacy_code only in the source, sku only in the target; the shared columns keep their order.
  const products = byName.get('products')!.schema!;
  assert.equal(products.columns.filter((c) => c.status.startsWith('onlyIn')).map((c) => [c.status, c.source ?? c.target]), [['onlyInSource', 'legacy_code'], ['onlyInTarget', 'sku']]);
  assert.is(products.columnOrderDiffers, false);
  // prices: compared at the target's 2 digits, so only the real change differs.
  const price = byName.get('prices')!.schema!.columns.find((c) => c.source === 'price')!;
  assert.is(price.status, 'lowered');
  assert.match(price.reason!, /compared at scale 2 \(source 4, target 2\)/);
  // measures: its key is a float column; the run went on.
  assert.equal(byName.get('measures')!.error!.errorCode, 'UNSUPPORTED');
  assert.match(byName.get('measures')!.error!.message, /key column id \((double precision|double)\) is float/);
  const s = report.summary;
  assert.equal([s['tables'], s['identical'], s['different'], s['onlyInSource'], s['onlyInTarget'], s['error'], s['schemaDifferences']], [13, 4, 6, 1, 1, 1, 2]);
}

if (!skipWithoutMariadb()) {
  test.before(async () => {
    [pg, maria] = await Promise.all([startPostgres(), startMariadb()]);
    await Promise.all([pg.createDatabase('src'), pg.createDatabase('dst'), maria.createDatabase('dst')]);
    const readings = (rows: readonly Row[]) => ({ name: 'readings', ...READINGS, rows });
    await pg.exec('src', `${pgStatements([...SOURCE, readings(readingsSource)])} CREATE VIEW v_orders AS SELECT id, amount FROM orders;`);
    await pg.exec('dst', `${pgStatements([...targetTables(), readings(readingsTarget)])} CREATE VIEW v_orders AS SELECT id, amount FROM orders;`);
    await maria.execAll('dst', [...mariaStatements([...targetTables(), readings(readingsTarget)]), 'CREATE VIEW v_orders AS SELECT id, amount FROM orders']);
    // Both tables of a pair in one database: two schemas of one PostgreSQL database (joindiff, -schemaMap).
    await pg.exec('src', `CREATE SCHEMA legacy; CREATE SCHEMA modern;
      CREATE TABLE legacy.accounts (id integer PRIMARY KEY, owner text); INSERT INTO legacy.accounts SELECT g, 'o' || g FROM generate_series(1, 1000) g;
      CREATE TABLE modern.accounts (id integer PRIMARY KEY, owner text); INSERT INTO modern.accounts SELECT g, 'o' || g FROM generate_series(2, 1000) g;
      UPDATE modern.accounts SET owner = 'moved' WHERE id = 500;
      SET search_path = legacy; ${pgStatements([readings(readingsSource)])}
      SET search_path = modern; ${pgStatements([readings(readingsTarget)])}`);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-database-diff-'));
    fs.writeFileSync(
      path.join(work, 'flyway.toml'),
      [
        environmentSection('src', pg.jdbcUrl('src'), pg.user, 'PG_PW'),
        environmentSection('pgdst', pg.jdbcUrl('dst'), pg.user, 'PG_PW'),
        environmentSection('mariadst', maria.jdbcUrl('dst', 'mariadb'), maria.user, 'MARIA_PW'),
        `${environmentSection('legacy', pg.jdbcUrl('src'), pg.user, 'PG_PW')}schemas = ["legacy"]\n`,
        `${environmentSection('modern', pg.jdbcUrl('src'), pg.user, 'PG_PW')}schemas = ["modern"]\n`,
        `${environmentSection('both', pg.jdbcUrl('src'), pg.user, 'PG_PW')}schemas = ["legacy", "modern"]\n`,
      ].join('\n'),
    );
  });

  test.after(async () => {
    await Promise.allSettled([pg?.stop(), maria?.stop()]);
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('PostgreSQL -> PostgreSQL: every table matched, keyed and counted as seeded', async () => {
    checkRun(await json('-source=src', '-target=pgdst', '-key=notes.id'), 'public', 'public');
  });

  test('PostgreSQL -> MariaDB: the same counts, public matched with the MariaDB database', async () => {
    checkRun(await json('-source=src', '-target=mariadst', '-key=notes.id'), 'public', maria.name('dst'));
  });

  test('the table output: one line per table, then what differs; one-line table errors', async () => {
    const result = await run('-source=src', '-target=mariadst', '-key=notes.id');
    assert.is(result.code, 0, result.stderr);
    assert.match(result.stdout, /\| public\.orders +\| f\d\d_dst\.orders +\| different +\| 2000 +\| 1999 +\| 3 +\| 2 +\| 3 +\| 0 +\|/);
    assert.match(result.stdout, /\| +\| f\d\d_dst\.audit_new +\| only in target +\| 0 +\| 4 +\|/);
    assert.match(result.stdout, /13 tables: 4 identical, 6 different, 1 only in source, 1 only in target, 1 failed; 2 with schema differences/);
    assert.ok(result.stdout.includes(`public.events -> ${maria.name('dst')}.events (no key: compared as a multiset of rows):\n  only in source: a | 1\n  only in target: d | 4`), result.stdout);
    assert.match(result.stdout, /public\.measures: ERROR: key column id \(double precision\) is float/);
    assert.match(result.stdout, /column legacy_code \(character varying\(10\)\) only in the source/);
    assert.not.match(result.stdout + result.stderr, pg.password);
    assert.not.match(result.stdout + result.stderr, maria.password);
  });

  test('-tables and -excludeTables select by glob; a view is compared when named; -tableMap pairs other names', async () => {
    const selected = await json('-source=src', '-target=pgdst', '-tables=order*,v_orders,audit_*', '-excludeTables=order_lines');
    assert.equal(selected.tables.map((e) => [e.source, e.target, e.status]), [
      ['public.audit_old', null, 'onlyInSource'],
      ['public.orders', 'public.orders', 'different'],
      ['public.v_orders', 'public.v_orders', 'different'],
      [null, 'public.audit_new', 'onlyInTarget'],
    ]);
    // v_orders (no key: a view has no index) is compared as a multiset of (id, amount): the same changes as orders.
    assert.equal(selected.tables[2]!.summary, { sourceRows: 2000, targetRows: 1999, onlyInSource: 5, onlyInTarget: 4, differentRows: 0, identicalRows: 1995 });
    const mapped = await json('-source=src', '-target=pgdst', '-tables=audit_old', '-tableMap=audit_old:audit_new');
    assert.equal(mapped.tables.map((e) => [e.source, e.target, e.status, e.summary?.['onlyInSource'], e.summary?.['onlyInTarget'], e.summary?.['differentRows']]), [
      ['public.audit_old', 'public.audit_new', 'different', 6, 0, 4],
    ]);
  });

  test('two schemas of one database: matched by -schemaMap or as one schema each, compared by checksums or, asked, with one JOIN', async () => {
    const oneEach = await json('-source=legacy', '-target=modern', '-tables=accounts');
    assert.equal(oneEach.tables.map((e) => [e.source, e.target, e.status, e.summary]), [
      ['legacy.accounts', 'modern.accounts', 'different', summary(1000, 999, 1, 0, 1)],
    ]);
    assert.is((oneEach.tables[0] as Entry & { stats: { algorithm: string } }).stats.algorithm, 'hashdiff');
    const both = await json('-source=both', '-target=both', '-schemaMap=legacy:modern', '-tables=legacy.acc*', '-algorithm=joindiff');
    assert.equal(both.tables.map((e) => [e.source, e.target, e.status, e.summary?.['differentRows']]), [['legacy.accounts', 'modern.accounts', 'different', 1]]);
    assert.is((both.tables[0] as Entry & { stats: { algorithm: string } }).stats.algorithm, 'joindiff');
  });

  test('-tolerance and -timestampDigits: values within them are equal, found by hashes and judged exactly (both servers, both modes)', async () => {
    // Without them: 28 values, 13 ratios and 7 timestamps differ, in 48 rows.
    for (const target of ['pgdst', 'mariadst']) {
      const exact = (await json('-source=src', `-target=${target}`, '-tables=readings')).tables[0]!;
      assert.equal(exact.summary, summary(1000, 1000, 0, 0, 48), target);
      const options = ['-tolerance=readings.value:0.01,readings.ratio:1%', '-timestampDigits=3'];
      const within = (await json('-source=src', `-target=${target}`, '-tables=readings', ...options)).tables[0]!;
      // Beyond them: value 21-28, ratio 40-42, at 55-56.
      assert.equal(within.summary, summary(1000, 1000, 0, 0, 13), target);
      assert.equal(Object.fromEntries(Object.entries(within.columns!).map(([c, v]) => [c, v.differentValues])), { value: 8, ratio: 3, at: 2 }, target);
      assert.is(within.columns!['value']!.maxAbsoluteDifference, 0.02);
      const columns = Object.fromEntries(within.schema!.columns.map((c) => [c.source, (c as { comparedAs?: string }).comparedAs]));
      assert.equal([columns['value'], columns['ratio'], columns['at']], ['decimal(4) ±0.01', 'float(6) ±1%', 'timestamp(3)']);
      const single = await run('-source=src', `-target=${target}`, '-table=readings', '-key=id', '-tolerance=value:0.01,ratio:1%', '-timestampDigits=3', '-outputType=json');
      assert.is(single.code, 0, single.stderr);
      assert.equal((JSON.parse(single.stdout) as Entry).summary, summary(1000, 1000, 0, 0, 13), `${target} single table`);
    }
    // One database: the JOIN returns the rows whose exact values differ, and the same rule judges them.
    const joined = (await json('-source=legacy', '-target=modern', '-tables=readings', '-tolerance=readings.value:0.01,readings.ratio:1%', '-timestampDigits=3', '-algorithm=joindiff')).tables[0]!;
    assert.equal([(joined as Entry & { stats: { algorithm: string } }).stats.algorithm, joined.summary], ['joindiff', summary(1000, 1000, 0, 0, 13)]);
    const badColumn = await run('-source=src', '-target=pgdst', '-tables=readings', '-tolerance=readings.nope:1');
    assert.is(badColumn.code, 2);
    assert.match(badColumn.stderr, /^ERROR: -tolerance names column nope of public\.readings, which it does not have \(-tolerance\)\n$/);
    const text = await run('-source=src', '-target=pgdst', '-table=orders', '-key=id', '-tolerance=status:1');
    assert.is(text.code, 2);
    assert.match(text.stderr, /^ERROR: -tolerance applies to numbers, but column status is compared as text \(-tolerance\)\n$/);
  });

  test('query mode: two SELECTs compared as if they were tables, with the same pushdown (PG->PG, PG->MariaDB, one database)', async () => {
    // The orders with id <= 1000, reshaped: cents and an upper-case status; the target lost ids 1 and
    // 1000, ids 5 and 6 cost 300 cents more, id 7 is LOST.
    const select = (upper: string) => `SELECT id, amount * 100 AS cents, ${upper}(status) AS status FROM orders WHERE id <= 1000`;
    for (const [target, upper] of [['pgdst', 'upper'], ['mariadst', 'UPPER']] as const) {
      const result = await run('-source=src', `-target=${target}`, `-sourceQuery=${select('upper')}`, `-targetQuery=${select(upper)}`, '-key=id', '-outputType=json');
      assert.is(result.code, 0, result.stderr);
      const report = JSON.parse(result.stdout) as Entry & { samples: { different: Array<{ key: Record<string, string>; columns: Record<string, { source: string; target: string }> }> } };
      assert.equal(report.summary, summary(1000, 998, 2, 0, 3), target);
      assert.equal(report.samples.different.map((d) => [d.key['id'], Object.keys(d.columns)]), [['5', ['cents']], ['6', ['cents']], ['7', ['status']]]);
      assert.equal(report.samples.different[2]!.columns['status'], { source: 'OPEN', target: 'LOST' });
      assert.equal(report.columns!['cents']!.maxAbsoluteDifference, 300);
    }
    // Both queries on one PostgreSQL database: one JOIN.
    const joined = await run('-source=src', '-target=src', `-sourceQuery=${select('upper')}`, "-targetQuery=SELECT id, amount * 100 AS cents, upper(status) AS status FROM orders WHERE id <= 1000 AND id % 100 <> 0", '-key=id', '-outputType=json', '-algorithm=joindiff');
    assert.is(joined.code, 0, joined.stderr);
    const joinedReport = JSON.parse(joined.stdout) as Entry & { stats: { algorithm: string } };
    assert.equal([joinedReport.stats.algorithm, joinedReport.summary], ['joindiff', summary(1000, 990, 10, 0, 0)]);
    for (const [args, code, pattern] of [
      [['-sourceQuery=SELECT 1 AS id'], 2, /^ERROR: query mode needs both -sourceQuery and -targetQuery/],
      [['-table=orders', '-sourceQuery=SELECT id FROM orders', '-targetQuery=SELECT id FROM orders', '-key=id'], 2, /^ERROR: -table and -sourceQuery\/-targetQuery are two ways to name what is compared: give one/],
      [['-sourceQuery=SELECT id, nope FROM orders', '-targetQuery=SELECT id FROM orders', '-key=id'], 5, /^ERROR: .*nope.* does not exist/],
    ] as const) {
      const result = await run('-source=src', '-target=pgdst', ...args);
      assert.is(result.code, code, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, pattern);
      assert.is(result.stderr.trim().split('\n').length, 1, result.stderr);
    }
  });

  test('-failOnDifferences: exit 12 when a table differs, 0 when every table is identical', async () => {
    const differs = await run('-source=src', '-target=pgdst', '-tables=orders', '-failOnDifferences=true');
    assert.is(differs.code, 12, differs.stderr);
    const same = await run('-source=src', '-target=pgdst', '-tables=customers,tags', '-failOnDifferences=true');
    assert.is(same.code, 0, same.stderr);
    const schemaOnly = await run('-source=src', '-target=pgdst', '-tables=products', '-failOnDifferences=true');
    assert.is(schemaOnly.code, 12, 'products: identical rows, but columns on one side only');
  });

  test('-materialize=DIR: one file per table with differences, every difference in it', async () => {
    const dir = path.join(work, 'differences');
    await json('-source=src', '-target=mariadst', '-key=notes.id', `-materialize=${dir}`);
    assert.equal(fs.readdirSync(dir).sort(), ['public.events.jsonl', 'public.notes.jsonl', 'public.orders.jsonl', 'public.prices.jsonl', 'public.readings.jsonl', 'public.settings.jsonl']);
    const lines = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    assert.equal(lines('public.orders.jsonl').map((l) => l.type).sort(), ['different', 'different', 'different', 'onlyInSource', 'onlyInSource', 'onlyInSource', 'onlyInTarget', 'onlyInTarget']);
    assert.equal(lines('public.events.jsonl'), [
      { type: 'onlyInSource', key: {}, row: { kind: 'a', n: '1' } },
      { type: 'onlyInTarget', key: {}, row: { kind: 'd', n: '4' } },
    ]);
  });

  test('mistakes in the options are one-line errors (exit 2) before any comparison', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['-tableMap=nowhere:orders'], /^ERROR: -tableMap names table nowhere, which the source does not have \(-tableMap\)$/],
      [['-tableMap=orders:nowhere'], /^ERROR: -tableMap maps public\.orders to public\.nowhere, which the target does not have \(-tableMap\)$/],
      [['-key=nowhere.id'], /^ERROR: -key names table nowhere, which the source does not have \(-key\)$/],
      [['-key=orders.nope'], /^ERROR: -key names column nope of public\.orders, which it does not have \(columns: id, customer_id, amount, status\) \(-key\)$/],
      [['-key=id'], /^ERROR: without -table, each -key entry names its table: table\.column or table\.col1\+col2 \(schema\.table\.column\), not "id" \(parity dataDiff\)$/],
      [['-columns=id'], /^ERROR: -columns applies to one table: give -table too/],
      [['-schemaMap=public'], /^ERROR: -schemaMap entries must look like sourceSchema:targetSchema, not "public"/],
      [['-threads=33'], /^ERROR: -threads must be a whole number from 1 to 32, not "33"/],
    ];
    for (const [args, pattern] of cases) {
      const result = await run('-source=src', '-target=pgdst', ...args);
      assert.is(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.is(result.stdout, '');
      assert.match(result.stderr.trimEnd(), pattern);
      assert.is(result.stderr.trim().split('\n').length, 1);
    }
    const single = await run('-source=src', '-target=pgdst', '-table=orders', '-key=id', '-tables=orders');
    assert.is(single.code, 2);
    assert.match(single.stderr, /^ERROR: -tables applies to whole-database runs: leave -table out/);
  });

  test.run();
}
