/**
 * The names PostgreSQL gives a partition's copies of its parent's indexes (ChooseIndexName in
 * indexcmds.c): generate relies on them to know which key and index a partition has after DETACH, and
 * which ones ATTACH adopts. Expected names are what PostgreSQL 18 chose for these partitions.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Index } from '../../src/model/objects.ts';
import { makeObjectName, partitionIndexName } from '../../src/dialects/postgres/postgres-migration-partitions.ts';

const index = (keys: string[], include?: string[]): Index => ({ name: 'x', unique: false, method: 'btree', keys, ...(include ? { include } : {}) });
const LONG = 'partition_with_a_name_that_is_long_enough_to_be_cut_somewhere_x';

test('plain columns, INCLUDE columns, repeated columns, expressions and quoted names', () => {
  assert.is(partitionIndexName('Short Part', index(['a_rather_long_column_name_for_testing', 'b'])), 'Short Part_a_rather_long_column_name_for_testing_b_idx');
  assert.is(partitionIndexName('Short Part', index(['b'], ['at'])), 'Short Part_b_at_idx');
  assert.is(partitionIndexName('Short Part', index(['b', 'b DESC'])), 'Short Part_b_b1_idx');
  assert.is(partitionIndexName('Short Part', index(['(b + 1)', '(b * 2)', '"Mixed Col"'])), 'Short Part_expr_expr1_Mixed Col_idx');
  assert.is(partitionIndexName('Short Part', index(['lower(b) text_pattern_ops'])), 'Short Part_expr_idx');
});

test('long names: the longer part is cut first, to 63 bytes in all', () => {
  assert.is(partitionIndexName(LONG, index(['a_rather_long_column_name_for_testing', 'b'])), 'partition_with_a_name_that_is_a_rather_long_column_name_for_idx');
  assert.is(partitionIndexName(LONG, index(['(b + 1)', '(b * 2)', '"Mixed Col"'])), 'partition_with_a_name_that_is_long_eno_expr_expr1_Mixed Col_idx');
  assert.is(partitionIndexName(LONG, index(['b'], ['at'])), 'partition_with_a_name_that_is_long_enough_to_be_cut_so_b_at_idx');
  assert.is(makeObjectName(LONG, undefined, 'pkey'), 'partition_with_a_name_that_is_long_enough_to_be_cut_somewh_pkey');
  assert.is(makeObjectName('é'.repeat(40), undefined, 'pkey'), `${'é'.repeat(29)}_pkey`);
});

test.run();
