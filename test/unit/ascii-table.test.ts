import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { asciiTable } from '../../src/output/ascii-table.ts';

test('Flyway-style table with padded columns', () => {
  assert.is(
    asciiTable(['Id', 'Name'], [['a', 'orders'], ['bbb', 'é']]),
    ['+-----+--------+', '| Id  | Name   |', '+-----+--------+', '| a   | orders |', '| bbb | é      |', '+-----+--------+'].join('\n'),
  );
});

test('newlines in cells do not break rows', () => {
  assert.match(asciiTable(['x'], [['a\nb']]), '| a b |');
});

test.run();
