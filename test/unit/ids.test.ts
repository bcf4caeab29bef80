import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { changeId } from '../../src/model/ids.ts';

test('IDs are 27 URL-safe characters and depend only on identity', () => {
  const id = changeId({ dialect: 'postgres', objectType: 'table', schema: 'public', name: 'orders' });
  assert.is(id.length, 27);
  assert.match(id, /^[A-Za-z0-9_-]{27}$/);
  assert.is(id, changeId({ dialect: 'postgres', objectType: 'table', schema: 'public', name: 'orders' }));
  // A fixed value: the ID must be the same on every machine and every version of Node.
  assert.is(id, 'qeyyHLfdZSrthN1B7g_IP3wNLFM');
});

test('every identity component changes the ID', () => {
  const base = { dialect: 'postgres' as const, objectType: 'table', schema: 'public', name: 'orders' };
  const ids = new Set([
    changeId(base),
    changeId({ ...base, dialect: 'mysql' }),
    changeId({ ...base, objectType: 'view' }),
    changeId({ ...base, schema: 'hr' }),
    changeId({ ...base, name: 'Orders' }),
    changeId({ ...base, parent: 'table:public.x' }),
    // no ambiguity from separators inside names
    changeId({ ...base, schema: 'public.orders', name: '' }),
  ]);
  assert.is(ids.size, 7);
});

test.run();
