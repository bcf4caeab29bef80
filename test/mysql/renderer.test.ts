/**
 * MySQL DDL without a database: golden CREATE text per object kind (test/golden/mysql/render) and
 * golden migration scripts with their undo (test/golden/mysql/generate); UPDATE_GOLDEN=1 rewrites
 * them (review what it writes). The ordering rules are asserted directly as well, so a golden file
 * rewritten by mistake cannot hide a broken rule, and every script must split back into exactly its
 * statements.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Artifact, SideInfo } from '../../src/artifact/artifact.ts';
import { mysqlDialect } from '../../src/dialects/mysql/mysql-dialect.ts';
import { splitMysqlStatements } from '../../src/dialects/mysql/mysql-script.ts';
import { diffModels } from '../../src/diff/differ.ts';
import { renderMigrationScripts, type MigrationScript } from '../../src/generate/generate.ts';
import type { DatabaseModel, Routine, SchemaDef, SchemaObject, Table, TablePartition, View } from '../../src/model/objects.ts';
import { mysqlTable } from '../support/mysql-model.ts';
import { checkGolden, generateGoldenText, staleGoldenFiles } from '../support/golden.ts';


const table = mysqlTable;

const orders = table('orders', {
  comment: "customer's orders",
  extras: { engine: 'InnoDB', characterSet: 'utf8mb4', collation: 'utf8mb4_general_ci', rowFormat: 'DYNAMIC' },
  columns: [
    { name: 'id', type: 'bigint unsigned', nullable: false, extras: { autoIncrement: true } },
    { name: 'customer_id', type: 'int', nullable: false },
    { name: 'status', type: "enum('new','paid')", nullable: false, default: "'new'" },
    { name: 'note', type: 'varchar(200)', nullable: true, collation: 'utf8mb4_bin', extras: { characterSet: 'utf8mb4' }, comment: 'free text' },
    { name: 'doc', type: 'json', nullable: true },
    { name: 'total', type: 'decimal(12,2)', nullable: true, generated: '`qty` * `price`', extras: { generatedStorage: 'stored' } },
    { name: 'qty', type: 'int', nullable: true, extras: { check: '`qty` > 0' } },
    { name: 'price', type: 'decimal(10,2)', nullable: true },
    { name: 'updated_at', type: 'timestamp(3)', nullable: false, default: 'current_timestamp(3)', extras: { onUpdate: 'current_timestamp(3)' } },
  ],
  indexes: [
    { name: 'fk_orders_customer', unique: false, method: 'btree', keys: ['`customer_id`'] },
    { name: 'ft_note', unique: false, method: 'fulltext', keys: ['`note`'] },
    { name: 'ix_status', unique: false, method: 'btree', keys: ['`status`', '`updated_at` DESC'], comment: 'lists', extras: { invisible: true } },
    { name: 'uq_note', unique: true, method: 'btree', keys: ['`note`(20)'] },
  ],
  checkConstraints: [{ name: 'ck_price', expression: '`price` >= 0' }],
  foreignKeys: [
    { name: 'fk_orders_customer', columns: ['customer_id'], referencedSchema: 'app', referencedTable: 'customers', referencedColumns: ['id'], onUpdate: 'RESTRICT', onDelete: 'CASCADE' },
  ],
  triggers: [{ name: 'trg_orders_bi', timing: 'BEFORE', events: ['INSERT'], level: 'ROW', definition: 'CREATE TRIGGER `app`.`trg_orders_bi` BEFORE INSERT ON `app`.`orders` FOR EACH ROW BEGIN SET NEW.qty = 1; END' }],
});

const view: View = {
  kind: 'view',
  schema: 'app',
  name: 'v_orders',
  definition: 'select `orders`.`id` AS `id` from `orders`',
  checkOption: 'CASCADED',
  securityInvoker: true,
  extras: { algorithm: 'MERGE' },
  dependsOn: [{ kind: 'table', schema: 'app', name: 'orders' }],
};

const routine = (kind: 'function' | 'procedure', name: string, body: string): Routine => ({
  kind,
  schema: 'app',
  name,
  baseName: name,
  arguments: [{ name: 'a', mode: 'IN', type: 'int' }],
  ...(kind === 'function' ? { returns: 'int' } : {}),
  language: 'SQL',
  definition: `CREATE ${kind.toUpperCase()} \`app\`.\`${name}\`(${kind === 'procedure' ? 'IN ' : ''}\`a\` int)${kind === 'function' ? ' RETURNS int' : ''}\n    DETERMINISTIC\n${body}`,
});

const schema = (events: SchemaDef['events']): SchemaDef => ({
  kind: 'schema',
  schema: 'app',
  name: 'app',
  extras: { characterSet: 'utf8mb4', collation: 'utf8mb4_general_ci' },
  ...(events ? { events } : {}),
});

const nightly = { name: 'ev_nightly', schedule: "EVERY 1 DAY STARTS '2030-01-01 00:00:00'", onCompletion: 'PRESERVE', status: 'DISABLE', body: 'BEGIN DELETE FROM a; DELETE FROM b; END', comment: 'cleans up' } as const;

const compressed = table('archive', {
  extras: { engine: 'InnoDB', characterSet: 'utf8mb4', collation: 'utf8mb4_general_ci', rowFormat: 'COMPRESSED', keyBlockSize: '8' },
  columns: [
    { name: 'id', type: 'int', nullable: false },
    { name: 'v', type: 'int', nullable: true },
  ],
  primaryKey: { name: 'PRIMARY', columns: ['id'], comment: 'surrogate key' },
  indexes: [{ name: 'ix_v', unique: false, method: 'btree', keys: ['`v`'], comment: 'lookups' }],
});

const rangePartition = (name: string, bound: string, comment?: string): TablePartition => ({ name, values: `LESS THAN ${bound}`, ...(comment ? { comment } : {}) });
const listPartition = (name: string, values: string): TablePartition => ({ name, values: values === 'DEFAULT' ? 'DEFAULT' : `IN (${values})` });

const plainSales = table('sales', {
  columns: [
    { name: 'id', type: 'int', nullable: false },
    { name: 'd', type: 'date', nullable: false },
  ],
  primaryKey: { name: 'PRIMARY', columns: ['id', 'd'] },
});

/** `sales` partitioned by RANGE (year(`d`)) with the given partitions. */
const sales = (partitions: readonly TablePartition[], parts: Partial<Table> = {}): Table => ({ ...plainSales, partitionBy: 'RANGE (year(`d`))', partitions, ...parts });

const regions = (partitions: readonly TablePartition[]): Table =>
  table('regions', {
    columns: [{ name: 'id', type: 'int', nullable: false }, { name: 'r', type: 'int', nullable: false }],
    primaryKey: { name: 'PRIMARY', columns: ['id', 'r'] },
    partitionBy: 'LIST (`r`)',
    partitions,
  });

const hashed = (name: string, partitionBy: string, names: readonly string[]): Table =>
  table(name, { partitionBy, partitions: names.map((n) => ({ name: n })) });

const serverNamed = (count: number) => Array.from({ length: count }, (_, i) => `p${i}`);

const RENDER_CASES: Record<string, SchemaObject> = {
  table_full: orders,
  table_minimal: table('t'),
  table_compressed_key_comments: compressed,
  view_options: view,
  function_compound: routine('function', 'f', 'BEGIN\n    DECLARE x int;\n    SET x = a * 2;\n    RETURN x;\nEND'),
  procedure: routine('procedure', 'p', 'SELECT a'),
  schema_with_events: schema([nightly]),
  table_partitioned_range_subpartitions: sales(
    [
      { ...rangePartition('p2020', '(2021)', "before '21"), subpartitions: ['p2020sp0', 'p2020sp1'] },
      { ...rangePartition('pmax', 'MAXVALUE'), subpartitions: ['pmaxsp0', 'pmaxsp1'] },
    ],
    { subpartitionBy: 'HASH (`id`)' },
  ),
  table_partitioned_list_named_subpartitions: regions([
    { ...listPartition('e', 'NULL,1,2'), subpartitions: ['e0', 'e1'] },
    { ...listPartition('rest', 'DEFAULT'), subpartitions: ['r0', 'r1'] },
  ]),
  table_partitioned_hash: hashed('h', 'LINEAR HASH (`id`)', serverNamed(4)),
  table_partitioned_key_named: hashed('k', 'KEY ()', ['first', 'second']),
};

interface GenerateCase {
  readonly source: readonly SchemaObject[];
  readonly target: readonly SchemaObject[];
}

const customers = table('customers');
const items = (keys: readonly string[], fkRule: 'RESTRICT' | 'CASCADE', extraColumn: boolean): Table =>
  table('items', {
    columns: [
      { name: 'id', type: 'int', nullable: false },
      ...(extraColumn ? [{ name: 'sku', type: 'varchar(40)', nullable: true }] : []),
      { name: 'list_id', type: 'int', nullable: false },
      { name: 'pos', type: 'int', nullable: false },
    ],
    indexes: [{ name: 'ix_list', unique: false, method: 'btree', keys }],
    foreignKeys: [
      { name: 'fk_items_list', columns: ['list_id'], referencedSchema: 'app', referencedTable: 'lists', referencedColumns: ['id'], onUpdate: 'RESTRICT', onDelete: fkRule },
    ],
  });

/** `order_lines` with foreign keys the server named (`order_lines_ibfk_1`) and indexes it made for them (named after the column). */
const orderLines = (onDelete: 'RESTRICT' | 'CASCADE'): Table =>
  table('order_lines', {
    columns: [
      { name: 'id', type: 'int', nullable: false },
      { name: 'order_id', type: 'int', nullable: true },
    ],
    indexes: [{ name: 'order_id', unique: false, method: 'btree', keys: ['`order_id`'] }],
    foreignKeys: [
      { name: 'order_lines_ibfk_1', columns: ['order_id'], referencedSchema: 'app', referencedTable: 'lists', referencedColumns: ['id'], onUpdate: 'RESTRICT', onDelete },
    ],
  });

const trigger = (name: string, body: string) => ({
  name,
  timing: 'BEFORE' as const,
  events: ['INSERT'],
  level: 'ROW' as const,
  definition: `CREATE TRIGGER \`app\`.\`${name}\` BEFORE INSERT ON \`app\`.\`t\` FOR EACH ROW ${body}`,
});

const GENERATE_CASES: Record<string, GenerateCase> = {
  // The index an unchanged foreign key needs changes: the key goes first and comes back last.
  fk_before_index_change: {
    source: [table('lists'), items(['`list_id`', '`pos`'], 'RESTRICT', true)],
    target: [table('lists'), items(['`list_id`'], 'RESTRICT', false)],
  },
  table_add_drop_with_foreign_keys: {
    source: [customers, orders, view],
    target: [table('legacy', { foreignKeys: [{ name: 'fk_legacy', columns: ['id'], referencedSchema: 'app', referencedTable: 'customers', referencedColumns: ['id'], onUpdate: 'RESTRICT', onDelete: 'RESTRICT' }] }), customers],
  },
  routines_and_events: {
    source: [schema([nightly]), routine('function', 'f', 'RETURN a + 1'), routine('procedure', 'p_new', 'SELECT a')],
    target: [schema([{ ...nightly, status: 'ENABLE' }, { name: 'ev_old', schedule: "AT '2035-01-01 00:00:00'", onCompletion: 'PRESERVE', status: 'ENABLE', body: 'SELECT 1' }]), routine('function', 'f', 'RETURN a'), routine('procedure', 'p_old', 'SELECT 1')],
  },
  table_options_and_charset: {
    source: [table('t', { comment: 'new', extras: { engine: 'InnoDB', characterSet: 'latin1', collation: 'latin1_swedish_ci', rowFormat: 'COMPRESSED' }, columns: [{ name: 'id', type: 'int', nullable: false }, { name: 'name', type: 'varchar(20)', nullable: true }] })],
    target: [table('t', { columns: [{ name: 'id', type: 'int', nullable: false }, { name: 'name', type: 'varchar(20)', nullable: true }] })],
  },
  // KEY_BLOCK_SIZE goes: the keys built under it are rebuilt. The primary key's comment changes too.
  key_block_size_and_key_comments: {
    source: [table('archive', { ...compressed, extras: { engine: 'InnoDB', characterSet: 'utf8mb4', collation: 'utf8mb4_general_ci' }, primaryKey: { name: 'PRIMARY', columns: ['id'] } })],
    target: [compressed],
  },
  // An unnamed foreign key's action changes: the index the server made for it is rebuilt first.
  unnamed_foreign_key_change: {
    source: [table('lists'), orderLines('CASCADE')],
    target: [table('lists'), orderLines('RESTRICT')],
  },
  // Compound trigger bodies on both sides, one holding `$$`; a simple one is not delimited.
  compound_triggers: {
    source: [table('t', { triggers: [trigger('t_bi', "begin\nset NEW.id = NEW.id + 10;\nend"), trigger('t_note', "BEGIN SET @note = 'costs $$'; SET @n = 1; END")] })],
    target: [table('t', { triggers: [trigger('t_bi', 'begin\nset NEW.id = NEW.id + 20;\nset @x = 1;\nend'), trigger('t_simple', 'SET @y = NEW.id')] })],
  },
};

Object.assign(GENERATE_CASES, {
  // RANGE: a comment changed, a partition split off the one after it, the last bound raised and a
  // partition added after it (the undo merges, and lowers the last bound through a temporary partition
  // for the rows past it, which it drops); a partition added at the end, and dropped by the undo.
  partitions_range: {
    source: [
      sales([rangePartition('p2010', '(2015)', 'old'), rangePartition('p2015', '(2018)'), rangePartition('p2020', '(2021)'), rangePartition('p2021', '(2023)'), rangePartition('p2024', '(2025)')]),
      { ...sales([rangePartition('p1', '(10)'), rangePartition('p2', '(20)')]), name: 'ids', partitionBy: 'RANGE (`id`)' },
    ],
    target: [
      sales([rangePartition('p2010', '(2015)'), rangePartition('p2020', '(2021)'), rangePartition('p2021', '(2022)')]),
      { ...sales([rangePartition('p1', '(10)')]), name: 'ids', partitionBy: 'RANGE (`id`)' },
    ],
  },
  // LIST: a value moves between partitions, one is taken from the DEFAULT partition, a partition is
  // inserted before another and one added at the end.
  partitions_list: {
    source: [regions([listPartition('e', '1'), listPartition('n', '5'), listPartition('w', '3,2'), listPartition('rest', 'DEFAULT')]), { ...regions([listPartition('a', "'a'"), listPartition('m', "'m'"), listPartition('z', "'z'")]), name: 'codes', partitionBy: 'LIST COLUMNS(`c`)' }],
    target: [regions([listPartition('e', '1,2'), listPartition('w', '3'), listPartition('rest', 'DEFAULT')]), { ...regions([listPartition('a', "'a','b'"), listPartition('z', "'z'")]), name: 'codes', partitionBy: 'LIST COLUMNS(`c`)' }],
  },
  // HASH/KEY: more partitions, fewer, and renamed ones (a new PARTITION BY).
  partitions_hash_key: {
    source: [hashed('h', 'HASH (`id`)', serverNamed(4)), hashed('lh', 'LINEAR HASH (`id`)', serverNamed(2)), hashed('k', 'KEY (`id`)', ['first', 'second'])],
    target: [hashed('h', 'HASH (`id`)', serverNamed(2)), hashed('lh', 'LINEAR HASH (`id`)', serverNamed(3)), hashed('k', 'KEY (`id`)', serverNamed(2))],
  },
  // Partitioning added, removed, and changed together with the column it uses: one ALTER TABLE.
  partitioning_changed: {
    source: [
      sales([rangePartition('p0', '(2000)'), rangePartition('p1', 'MAXVALUE')]),
      table('plain'),
      table('bucketed', { columns: [{ name: 'id', type: 'int', nullable: false }, { name: 'bucket', type: 'int', nullable: false, default: '0' }], primaryKey: { name: 'PRIMARY', columns: ['id', 'bucket'] }, partitionBy: 'LIST (`bucket`)', partitions: [listPartition('b0', '0'), listPartition('b1', '1,2')] }),
    ],
    target: [
      plainSales,
      hashed('plain', 'KEY (`id`)', serverNamed(2)),
      hashed('bucketed', 'HASH (`id`)', serverNamed(3)),
    ],
  },
} satisfies Record<string, GenerateCase>);

const side = (spec: string): SideInfo => ({ spec, type: 'snapshot', description: `snapshot ${spec}.json`, preparationInfo: null });
const model = (objects: readonly SchemaObject[]): DatabaseModel => ({ dialect: 'mysql', schemas: ['app'], objects: [...objects] });

function scripts(c: GenerateCase, name: string): [MigrationScript, MigrationScript] {
  const changes = diffModels(model(c.source), model(c.target));
  const views = (objects: readonly SchemaObject[]) => objects.filter((o) => o.kind === 'view');
  const artifact: Artifact = {
    format: 'parity-artifact',
    formatVersion: 1,
    dialect: 'mysql',
    source: side('source'),
    target: side('target'),
    changes,
    dependentObjects: { source: views(c.source), target: views(c.target) },
  };
  const [v, u] = renderMigrationScripts({ artifact, changes, types: ['versioned', 'undo'], version: '2', description: name });
  return [v!, u!];
}

for (const [name, object] of Object.entries(RENDER_CASES)) {
  test(`render golden: ${name}`, () => checkGolden('mysql', 'render', name, `${mysqlDialect.renderCreate(object)}\n`));
}

for (const [name, c] of Object.entries(GENERATE_CASES)) {
  test(`generate golden: ${name}; both scripts split back into their statements`, () => {
    const [v, u] = scripts(c, name);
    checkGolden('mysql', 'generate', name, generateGoldenText(v, u));
    for (const script of [v, u]) {
      assert.equal(splitMysqlStatements(script.text), script.steps.map((s) => s.sql), `${script.fileName} does not split into its statements`);
      assert.match(script.text, 'DDL is not transactional on this database');
      // DELIMITER exactly around the statements with a compound body (a `;` of their own).
      const delimited = script.text.split('\n').filter((line) => line.startsWith('DELIMITER ')).length / 2;
      const compound = script.steps.filter((step) => /\bBEGIN\b[\s\S]*;[\s\S]*\bEND$/i.test(step.sql.replace(/'[^']*'/g, "''")));
      assert.is(delimited, compound.length, `${script.fileName}: DELIMITER blocks`);
      for (const step of compound) assert.match(script.text, new RegExp(`^DELIMITER (\\$\\$+)\\n${escapeRegExp(step.sql)}\\n\\1\\nDELIMITER ;$`, 'm'));
    }
  });
}

test('no stale golden files', () => {
  for (const [dir, cases] of [['render', RENDER_CASES], ['generate', GENERATE_CASES]] as const) {
    assert.equal(staleGoldenFiles('mysql', dir, Object.keys(cases)), [], `golden files without a case in ${dir}`);
  }
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const index = (script: MigrationScript, fragment: string): number => {
  const at = script.steps.findIndex((s) => s.sql.includes(fragment));
  assert.ok(at >= 0, `no statement with ${fragment} in ${script.fileName}`);
  return at;
};

/** The positions of the statements holding `fragments`, which must come in this order. */
function inOrder(script: MigrationScript, ...fragments: string[]): number[] {
  const at = fragments.map((fragment) => index(script, fragment));
  assert.ok(at.every((position, i) => i === 0 || at[i - 1]! < position), `${script.fileName}: ${fragments.join(' < ')} (${at.join(', ')})`);
  return at;
}

test('rule: a foreign key whose index changes is dropped before the ALTER and added back after it', () => {
  for (const script of scripts(GENERATE_CASES['fk_before_index_change']!, 'fk')) {
    inOrder(script, 'DROP FOREIGN KEY `fk_items_list`', 'DROP INDEX `ix_list`', 'ADD CONSTRAINT `fk_items_list`');
  }
  const [v] = scripts(GENERATE_CASES['fk_before_index_change']!, 'fk');
  assert.ok(v.steps.some((s) => s.sql.includes('ADD COLUMN `sku` varchar(40) NULL AFTER `id`')), 'the new column is placed after its predecessor');
});

test('rule: tables are created without foreign keys, which are added after every table exists', () => {
  const [v, u] = scripts(GENERATE_CASES['table_add_drop_with_foreign_keys']!, 't');
  assert.ok(index(v, 'CREATE TABLE `app`.`orders`') < index(v, 'ADD CONSTRAINT `fk_orders_customer`'));
  assert.not.match(v.steps[index(v, 'CREATE TABLE `app`.`orders`')]!.sql, 'FOREIGN KEY');
  assert.ok(index(v, 'DROP FOREIGN KEY `fk_legacy`') < index(v, 'DROP TABLE `app`.`legacy`'));
  assert.ok(index(v, 'CREATE TABLE `app`.`orders`') < index(v, 'CREATE ALGORITHM=MERGE'));
  assert.ok(index(u, 'DROP VIEW `app`.`v_orders`') < index(u, 'DROP TABLE `app`.`orders`'));
});

test('rule: a changed routine or event is dropped and created again', () => {
  const [v] = scripts(GENERATE_CASES['routines_and_events']!, 'r');
  assert.ok(index(v, 'DROP FUNCTION `app`.`f`') < index(v, 'CREATE FUNCTION `app`.`f`'));
  assert.ok(index(v, 'DROP EVENT `app`.`ev_nightly`') < index(v, 'CREATE EVENT `app`.`ev_nightly`'));
  index(v, 'DROP EVENT `app`.`ev_old`');
  index(v, 'DROP PROCEDURE `app`.`p_old`');
});

test('rule: a compound body is written between DELIMITER lines with a delimiter it does not hold; other statements end with ;', () => {
  const [v, u] = scripts(GENERATE_CASES['compound_triggers']!, 'c');
  assert.match(v.text, "DELIMITER $$\nCREATE TRIGGER `app`.`t_bi` BEFORE INSERT ON `app`.`t` FOR EACH ROW begin\nset NEW.id = NEW.id + 10;\nend\n$$\nDELIMITER ;\n");
  assert.match(v.text, "DELIMITER $$$\nCREATE TRIGGER `app`.`t_note` BEFORE INSERT ON `app`.`t` FOR EACH ROW BEGIN SET @note = 'costs $$'; SET @n = 1; END\n$$$\nDELIMITER ;\n");
  assert.match(u.text, '\nCREATE TRIGGER `app`.`t_simple` BEFORE INSERT ON `app`.`t` FOR EACH ROW SET @y = NEW.id;\n');
  assert.match(u.text, '\nDROP TRIGGER `app`.`t_note`;\n');
  assert.equal(
    v.steps.map((step) => step.ownTerminators === true),
    v.steps.map((step) => step.sql.startsWith('CREATE TRIGGER')),
    'only the CREATE TRIGGER steps hold their own terminators',
  );
});

test('rule: every key is rebuilt when KEY_BLOCK_SIZE changes from a set one, after the options change', () => {
  const [v, u] = scripts(GENERATE_CASES['key_block_size_and_key_comments']!, 'k');
  const [, keys] = inOrder(v, 'ROW_FORMAT=DEFAULT KEY_BLOCK_SIZE=0', 'DROP PRIMARY KEY');
  for (const clause of ['DROP INDEX `ix_v`', 'ADD PRIMARY KEY (`id`),', "ADD KEY `ix_v` (`v`) COMMENT 'lookups'"]) assert.match(v.steps[keys!]!.sql, clause);
  // Setting a block size where there was none leaves the keys alone (only the comment changes them).
  assert.match(u.text, 'ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8;');
  assert.match(u.steps[index(u, 'DROP PRIMARY KEY')]!.sql, "ADD PRIMARY KEY (`id`) COMMENT 'surrogate key'");
  assert.not.match(u.text, 'DROP INDEX');
});

test('rule: an index the server made for an unnamed foreign key is rebuilt before the key is added back', () => {
  for (const script of scripts(GENERATE_CASES['unnamed_foreign_key_change']!, 'u')) {
    const [, rebuild] = inOrder(script, 'DROP FOREIGN KEY `order_lines_ibfk_1`', 'DROP INDEX `order_id`', 'ADD CONSTRAINT `order_lines_ibfk_1`');
    assert.match(script.steps[rebuild!]!.sql, 'ADD KEY `order_id` (`order_id`)');
  }
  // A foreign key named like its index needs no rebuild: the server's new index has the same name.
  const named = (onDelete: 'RESTRICT' | 'CASCADE') => table('c', { columns: [{ name: 'id', type: 'int', nullable: false }, { name: 'p', type: 'int', nullable: true }], indexes: [{ name: 'fk_p', unique: false, method: 'btree', keys: ['`p`'] }], foreignKeys: [{ name: 'fk_p', columns: ['p'], referencedSchema: 'app', referencedTable: 'lists', referencedColumns: ['id'], onUpdate: 'RESTRICT', onDelete }] });
  const [v] = scripts({ source: [table('lists'), named('CASCADE')], target: [table('lists'), named('RESTRICT')] }, 'n');
  assert.not.match(v.text, 'DROP INDEX');
});

test('rule: partition changes keep the rows; only the DROP PARTITION statements are destructive, each saying which rows go', () => {
  for (const name of ['partitions_range', 'partitions_list', 'partitions_hash_key', 'partitioning_changed']) {
    for (const script of scripts(GENERATE_CASES[name]!, name)) {
      for (const step of script.steps.filter((s) => /PARTITION/.test(s.sql) && !/^ALTER TABLE \S+\n/.test(s.sql))) {
        if (/ DROP PARTITION /.test(step.sql)) assert.match(step.destructive ?? '', /drops (partition \S+ of \S+ and the rows in it|the rows of )/, `${script.fileName}: ${step.sql}`);
        else assert.is(step.destructive, undefined, `${script.fileName}: ${step.sql}`);
      }
    }
  }
  const [v] = scripts(GENERATE_CASES['partitions_range']!, 'r');
  // The rows past the new end go to a partition of their own that is dropped: never all of the last one.
  const [, u] = scripts(GENERATE_CASES['partitions_range']!, 'r');
  inOrder(u, 'REORGANIZE PARTITION `p2021`, `p2024` INTO', 'DROP PARTITION `parity_dropped`');
  assert.not.match(v.text, 'DROP PARTITION');
});

test('rule: a partitioning that changes method, and the column change it needs, are one ALTER TABLE', () => {
  const [v, u] = scripts(GENERATE_CASES['partitioning_changed']!, 'p');
  for (const script of [v, u]) {
    const alters = script.steps.filter((s) => s.sql.startsWith('ALTER TABLE `app`.`bucketed`'));
    assert.is(alters.length, 1, `${script.fileName}: ${alters.map((s) => s.sql).join('\n')}`);
    assert.match(alters[0]!.sql, /COLUMN `bucket`[\s\S]*\nPARTITION BY /);
  }
  assert.match(v.text, 'ALTER TABLE `app`.`plain` REMOVE PARTITIONING;');
});

test.run();
