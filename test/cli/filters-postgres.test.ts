/**
 * Filter files and `-ignore` on PostgreSQL models, through the CLI and without a database: the
 * repository's example snapshot (snapshots/shop.json) against a copy without its comments and
 * against `empty`. Routines are matched with and without their argument types; `snapshot` writes only
 * what the filter keeps; `generate` leaves excluded changes out; ignored comments are no difference
 * and no `COMMENT ON` is written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, type CliResult } from '../support/cli.ts';
import { changeSummary, diffJson, type DiffJson } from '../support/diff-json.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-filters-pg-'));
const shop = fs.readFileSync(new URL('../../snapshots/shop.json', import.meta.url), 'utf8');

const run = (...args: string[]): Promise<CliResult> => runCli(args, { cwd: work, env: {} });

/** A copy of a JSON value without any `comment` property. */
function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'comment').map(([key, v]) => [key, withoutComments(v)]));
}

test.before(() => {
  fs.writeFileSync(path.join(work, 'shop.json'), shop);
  fs.writeFileSync(path.join(work, 'plain.json'), JSON.stringify(withoutComments(JSON.parse(shop))));
  fs.writeFileSync(path.join(work, 'no-routines.json'), JSON.stringify({ exclude: [{ objectType: 'function', name: 'order_total' }, { objectType: 'Sequence' }] }));
  fs.writeFileSync(path.join(work, 'tables.json'), JSON.stringify({ include: [{ objectType: 'Table', schema: 'sh?p' }], exclude: [{ name: 'order_lines' }] }));
});

test.after(() => fs.rmSync(work, { recursive: true, force: true }));

test('diff: excluded objects are gone (a function by its bare name), an include list narrows', async () => {
  const all = changeSummary(await diffJson(run, 'snapshot:shop.json', 'empty', 'all.artifact'));
  assert.ok(all.includes('Add Function shop|order_total(bigint)') && all.includes('Add Sequence shop|invoice_number'), all.join('\n'));
  const without = await diffWith('no-routines.json');
  assert.equal(without, all.filter((line) => !line.includes('order_total') && !line.startsWith('Add Sequence')));
  const tables = await diffWith('tables.json');
  assert.ok(tables.length > 0 && tables.every((line) => line.startsWith('Add Table shop|') && !line.endsWith('|order_lines')), tables.join('\n'));
  assert.not.match(fs.readFileSync(path.join(work, 'f.artifact'), 'utf8'), 'order_lines');
});

async function diffWith(filter: string): Promise<string[]> {
  const result = await run('diff', '-source=snapshot:shop.json', '-target=empty', '-artifactFilename=f.artifact', `-filterFile=${filter}`, '-outputType=json');
  assert.is(result.code, 0, result.stderr);
  return changeSummary(JSON.parse(result.stdout));
}

test('snapshot writes what the filter keeps; generate leaves excluded changes out', async () => {
  const snapshot = await run('snapshot', '-source=snapshot:shop.json', '-filename=kept.json', '-filterFile=no-routines.json');
  assert.is(snapshot.code, 0, snapshot.stderr);
  const kept = JSON.parse(fs.readFileSync(path.join(work, 'kept.json'), 'utf8')) as { model: { objects: Array<{ kind: string; name: string }> } };
  const whole = JSON.parse(shop) as typeof kept;
  assert.equal(
    kept.model.objects.map((o) => `${o.kind} ${o.name}`),
    whole.model.objects.filter((o) => o.kind !== 'function' && o.kind !== 'sequence').map((o) => `${o.kind} ${o.name}`),
  );
  const generated = await run('generate', '-artifactFilename=all.artifact', '-generate.location=m', '-generate.version=1', '-filterFile=no-routines.json');
  assert.is(generated.code, 0, generated.stderr);
  const script = fs.readFileSync(path.join(work, 'm', 'V1__parity_generated.sql'), 'utf8');
  assert.match(script, 'CREATE TABLE shop.orders');
  assert.not.match(script, /FUNCTION shop\.order_total|SEQUENCE shop\.invoice_number/);
});

test('-ignore=comments: a copy without comments is no difference, and nothing writes them', async () => {
  const plain = changeSummary(await diffJson(run, 'snapshot:shop.json', 'snapshot:plain.json', 'c.artifact'));
  assert.ok(plain.length > 0, 'the comments differ');
  const ignored = await run('diff', '-source=snapshot:shop.json', '-target=snapshot:plain.json', '-artifactFilename=i.artifact', '-ignore=comments', '-outputType=json');
  assert.is(ignored.code, 0, ignored.stderr);
  assert.equal(JSON.parse(ignored.stdout).differences, []);
});

/** shop.json with its `orders` table changed by `change` (and, when given, its schema by `schema`). */
function shopWith(change: (orders: Record<string, unknown>) => void, schema?: (shop: Record<string, unknown>) => void): string {
  const snapshot = JSON.parse(shop);
  const objects = snapshot.model.objects as Record<string, unknown>[];
  change(objects.find((o) => o['kind'] === 'table' && o['name'] === 'orders')!);
  if (schema) schema(objects.find((o) => o['kind'] === 'schema')!);
  return JSON.stringify(snapshot);
}

test('-ignore=policies,privileges,partitions: row-level security, grants and partition bounds are no difference; each category alone leaves the others', async () => {
  fs.writeFileSync(path.join(work, 'secured.json'), shopWith((orders) => {
    orders['policies'] = [{ name: 'own_rows', command: 'SELECT', permissive: true, roles: ['PUBLIC'], using: '(customer_id = 1)' }];
    orders['extras'] = { ...(orders['extras'] as object), rowLevelSecurity: true, forceRowLevelSecurity: true };
    orders['privileges'] = [{ grantee: 'PUBLIC', privilege: 'SELECT' }];
    orders['partitionBy'] = 'RANGE (id)';
  }, (schema) => {
    schema['defaultPrivileges'] = [{ role: 'app', objectType: 'TABLES', grantee: 'PUBLIC', privilege: 'SELECT' }];
  }));
  fs.writeFileSync(path.join(work, 'granted.json'), shopWith((orders) => {
    orders['privileges'] = [];
  }, (schema) => {
    schema['defaultPrivileges'] = [];
  }));
  const compare = async (ignore: string) => {
    const result = await run('diff', '-source=snapshot:secured.json', '-target=snapshot:granted.json', '-artifactFilename=p.artifact', '-include=privileges', '-outputType=json', ...(ignore ? [`-ignore=${ignore}`] : []));
    assert.is(result.code, 0, result.stderr);
    return (JSON.parse(result.stdout) as DiffJson).differences.map((d) => `${d.differenceType} ${(d.from ?? d.to)!.name}`).sort();
  };
  assert.equal(await compare(''), ['Edit orders', 'Edit shop']);
  assert.equal(await compare('policies'), ['Edit orders', 'Edit shop'], 'the grants still differ');
  assert.equal(await compare('privileges'), ['Edit orders'], 'the policies still differ');
  assert.equal(await compare('policies,privileges'), ['Edit orders'], 'the partitioning still differs');
  assert.equal(await compare('policies,privileges,partitions'), []);
});

test.run();
