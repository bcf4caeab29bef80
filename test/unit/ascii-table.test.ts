import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { asciiTable, displayWidth } from '../../src/output/ascii-table.ts';

test('Flyway-style table with padded columns', () => {
  assert.is(
    asciiTable(['Id', 'Name'], [['a', 'orders'], ['bbb', 'é']]),
    ['+-----+--------+', '| Id  | Name   |', '+-----+--------+', '| a   | orders |', '| bbb | é      |', '+-----+--------+'].join('\n'),
  );
});

test('newlines in cells do not break rows', () => {
  assert.match(asciiTable(['x'], [['a\nb']]), '| a b |');
});

test('columns are measured in terminal columns: CJK and emoji take two, combining accents none', () => {
  assert.is(displayWidth('注文'), 4);
  assert.is(displayWidth('주문 목록'), 9);
  assert.is(displayWidth('ｆｕｌｌ'), 8);
  assert.is(displayWidth('📦x'), 3);
  assert.is(displayWidth('e\u0301'), 1);
  assert.is(displayWidth('a\u200db'), 2);
  const table = asciiTable(['Name', 'Schema'], [['注文', 'shop'], ['orders', '販売']]);
  assert.is(
    table,
    [
      '+--------+--------+',
      '| Name   | Schema |',
      '+--------+--------+',
      '| 注文   | shop   |',
      '| orders | 販売   |',
      '+--------+--------+',
    ].join('\n'),
  );
  // Every line is as wide as the border, in terminal columns.
  for (const line of table.split('\n')) assert.is(displayWidth(line), 19, line);
});

test('a cell with a line break is as wide as it is printed', () => {
  assert.is(asciiTable(['x'], [['a\r\nb']]), ['+-----+', '| x   |', '+-----+', '| a b |', '+-----+'].join('\n'));
});

test.run();
