// The whole-database benchmark's tables and their differences (used by database-bench.mjs).
//
// 100 tables holding N rows in all (10,000,000 for the headline run), sized by a Zipf-like law:
// the table of rank r (1..100) holds rows(r) = 2,000,000 × ((1 + b) / (r + b))^s at N = 10,000,000,
// with b and s solved so that rank 1 holds 2,000,000 rows, rank 100 holds 1,000 and the sum is N
// (b ≈ 8.59, s ≈ 3.13: 4 tables above 800k rows, 16 above 100k, 43 above 10k, 57 under 10k). Other
// totals scale every size by N / 10,000,000 (so --database=100000 gives 20,000 down to 10 rows); the
// rounding remainder goes to rank 2.
//
// Five column shapes, assigned by rank (rank 6 and rank 60 are keyless, the others cycle through
// orders, accounts, lines, notes), each generated set-based inside each database from expressions of
// a generating number `id` that give the same values on PostgreSQL and MariaDB:
//
//   orders    id bigint PK; integer, numeric(12,2), varchar(40), timestamp(3), boolean, nullable text
//             (data-schema.mjs's `orders`, the single-table series' table)
//   accounts  id integer PK; varchar(60), numeric(14,4) (negative too), boolean, timestamp(0)
//   lines     (account_id integer, line_no integer) composite PK; integer, numeric(10,2), varchar(24),
//             timestamp(3), nullable text with non-ASCII characters
//   notes     id bigint PK; varchar(100), text NOT NULL of 32-128 characters, numeric(6,1), timestamp(3), boolean
//   events    no primary key, no unique index: every row is there twice (rows i and i+1 share their values),
//             varchar(20), bigint, numeric(12,2), timestamp(3), boolean, nullable text
//
// Keyed tables: the source's rows are id = 2i (i = 1..rows); rows inserted into a target have odd ids
// 2i+1, so they fall between existing keys (for `lines` the key is derived from id: account
// (id div 2 - 1) div 64 + 1, line 2 × ((id div 2 - 1) mod 64) + 2 + id mod 2). Keyless `events`: row i
// has the values of group g = (i + 1) div 2.
//
// Differences, per table, drawn with the fixed seed SEED + rank: DIFFERENCE_RATE of its rows (at least
// 3), a third each updated (one column each, the shape's columns in turn), deleted and inserted
// (data-schema.mjs plannedChanges). Keyless tables: one copy of a group updated (amount + 1), one copy
// of another group deleted, one more copy of a third group inserted, all groups distinct, so the
// expected multiset counts are exact: updates + deletes only in source, updates + inserts only in target.
import { mulberry32 } from './prng.mjs';
import {
  COLUMNS as ORDERS_COLUMNS, MARIADB_VALUES as ORDERS_MARIADB, POSTGRES_VALUES as ORDERS_POSTGRES, SEED, UPDATES as ORDERS_UPDATES,
  differenceCounts, distinct, plannedChanges,
} from './data-schema.mjs';

export const TABLE_COUNT = 100;
export const HEADLINE_TOTAL = 10_000_000;
export const LARGEST = 2_000_000;
export const SMALLEST = 1_000;
/** The smallest total: every table keeps at least 10 rows (5 groups for a keyless one). */
export const MIN_TOTAL = 100_000;
export const KEYLESS_RANKS = [6, 60];
const CYCLE = ['orders', 'accounts', 'lines', 'notes'];

/** The exponent of the size law for an offset b: rank 1 / rank 100 = LARGEST / SMALLEST. */
const exponent = (b) => Math.log(LARGEST / SMALLEST) / Math.log((TABLE_COUNT + b) / (1 + b));
const lawSizes = (b) => Array.from({ length: TABLE_COUNT }, (_, i) => LARGEST * ((1 + b) / (i + 1 + b)) ** exponent(b));

/** The size law's offset b and exponent s (bisection on b: the sum grows with b). */
export function sizeLaw() {
  let lo = 0;
  let hi = 1000;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (lawSizes(mid).reduce((a, x) => a + x, 0) < HEADLINE_TOTAL) lo = mid;
    else hi = mid;
  }
  return { b: lo, s: exponent(lo) };
}

/** The 100 table sizes, largest first, summing to `total` exactly. */
export function tableSizes(total) {
  const sizes = lawSizes(sizeLaw().b).map((x) => Math.max(10, Math.round((x * total) / HEADLINE_TOTAL)));
  sizes[1] += total - sizes.reduce((a, x) => a + x, 0);
  return sizes;
}

// A column: name, PostgreSQL and MariaDB types, its value as an expression of `id` in each, how an update
// changes it in each (key columns have no update), and whether it holds NULLs.
const col = (name, pgType, myType, pgValue, myValue, pgUpdate, myUpdate, nullable = false) => ({ name, pgType, myType, pgValue, myValue, pgUpdate, myUpdate, nullable });
const numeric = (name, pgType, myType, pgValue, myValue) => col(name, pgType, myType, pgValue, myValue, `${name} = ${name} + 1`, `${name} = ${name} + 1`);
const timestamp = (name, pgType, myType, pgValue, myValue) =>
  col(name, pgType, myType, pgValue, myValue, `${name} = ${name} + interval '1 second'`, `${name} = ${name} + INTERVAL 1 SECOND`);
const boolean = (name, pgValue, myValue) => col(name, 'boolean', 'TINYINT(1)', pgValue, myValue, `${name} = NOT ${name}`, `${name} = 1 - ${name}`);
const text = (name, pgType, myType, pgValue, myValue) => col(name, pgType, myType, pgValue, myValue, `${name} = 'changed'`, `${name} = 'changed'`);
const nullableText = (name, pgValue, myValue) => col(name, 'text', 'TEXT', pgValue, myValue,
  `${name} = CASE WHEN ${name} IS NULL THEN 'changed' END`, `${name} = CASE WHEN ${name} IS NULL THEN 'changed' END`, true);

const ORDERS_TYPES = {
  id: ['bigint', 'BIGINT'],
  customer_id: ['integer', 'INT'],
  amount: ['numeric(12,2)', 'DECIMAL(12,2)'],
  label: ['varchar(40)', 'VARCHAR(40)'],
  created_at: ['timestamp(3)', 'DATETIME(3)'],
  is_paid: ['boolean', 'TINYINT(1)'],
  note: ['text', 'TEXT'],
};
const ORDERS_NULLABLE = new Set(['note']);

export const SHAPES = {
  // The single-table series' table: its values and updates are data-schema.mjs's.
  orders: {
    key: ['id'],
    columns: ['id', ...ORDERS_COLUMNS].map((name, i) => ({
      name,
      pgType: ORDERS_TYPES[name][0],
      myType: ORDERS_TYPES[name][1],
      pgValue: ORDERS_POSTGRES[i],
      myValue: ORDERS_MARIADB[i],
      pgUpdate: ORDERS_UPDATES.postgres[name],
      myUpdate: ORDERS_UPDATES.mariadb[name],
      nullable: ORDERS_NULLABLE.has(name),
    })),
  },
  accounts: {
    key: ['id'],
    columns: [
      col('id', 'integer', 'INT', 'id::integer', 'id'),
      text('name', 'varchar(60)', 'VARCHAR(60)', "('account ' || id || ' ' || left(md5((id * 3)::text), (id % 11)::integer + 6))::varchar(60)",
        "CONCAT('account ', id, ' ', LEFT(MD5(id * 3), id % 11 + 6))"),
      numeric('balance', 'numeric(14,4)', 'DECIMAL(14,4)', '((((id * 7703) % 100000000) - 50000000)::numeric / 10000)::numeric(14,4)',
        'CAST((((id * 7703) % 100000000) - 50000000) / 10000 AS DECIMAL(14,4))'),
      boolean('active', 'id % 7 <> 0', 'id % 7 <> 0'),
      timestamp('opened_at', 'timestamp(0)', 'DATETIME', "(timestamp '2020-01-01 00:00:00' + id * interval '1 minute')::timestamp(0)",
        "TIMESTAMP'2020-01-01 00:00:00' + INTERVAL id MINUTE"),
    ],
  },
  lines: {
    key: ['account_id', 'line_no'],
    columns: [
      col('account_id', 'integer', 'INT', '((id / 2 - 1) / 64 + 1)::integer', '(id DIV 2 - 1) DIV 64 + 1'),
      col('line_no', 'integer', 'INT', '(2 * ((id / 2 - 1) % 64) + 2 + id % 2)::integer', '2 * ((id DIV 2 - 1) % 64) + 2 + id % 2'),
      numeric('qty', 'integer', 'INT', '((id * 31) % 500 - 100)::integer', '(id * 31) % 500 - 100'),
      numeric('price', 'numeric(10,2)', 'DECIMAL(10,2)', '(((id * 53) % 100000)::numeric / 100)::numeric(10,2)', 'CAST(((id * 53) % 100000) / 100 AS DECIMAL(10,2))'),
      text('sku', 'varchar(24)', 'VARCHAR(24)', "('SKU-' || upper(substr(md5(id::text), 3, (id % 9)::integer + 4)))::varchar(24)",
        "CONCAT('SKU-', UPPER(SUBSTRING(MD5(id), 3, id % 9 + 4)))"),
      timestamp('posted_at', 'timestamp(3)', 'DATETIME(3)',
        "(timestamp '2023-06-01 00:00:00' + id * interval '17 second' + (id % 997) * interval '1 millisecond')::timestamp(3)",
        "TIMESTAMP'2023-06-01 00:00:00' + INTERVAL (id * 17) SECOND + INTERVAL (id % 997) * 1000 MICROSECOND"),
      nullableText('memo', "CASE id % 4 WHEN 0 THEN NULL WHEN 1 THEN 'memo ' || (id % 1013) ELSE 'Zürich Straße ' || (id % 1013) END",
        "CASE id % 4 WHEN 0 THEN NULL WHEN 1 THEN CONCAT('memo ', id % 1013) ELSE CONCAT('Zürich Straße ', id % 1013) END"),
    ],
  },
  notes: {
    key: ['id'],
    columns: [
      col('id', 'bigint', 'BIGINT', 'id', 'id'),
      text('title', 'varchar(100)', 'VARCHAR(100)', "('Note #' || id || ': ' || left(md5((id + 1)::text), (id % 20)::integer + 5))::varchar(100)",
        "CONCAT('Note #', id, ': ', LEFT(MD5(id + 1), id % 20 + 5))"),
      text('body', 'text', 'TEXT', 'repeat(md5(id::text), (id % 4)::integer + 1)', 'REPEAT(MD5(id), id % 4 + 1)'),
      numeric('score', 'numeric(6,1)', 'DECIMAL(6,1)', '(((id * 13) % 20001 - 10000)::numeric / 10)::numeric(6,1)', 'CAST(((id * 13) % 20001 - 10000) / 10 AS DECIMAL(6,1))'),
      timestamp('updated_at', 'timestamp(3)', 'DATETIME(3)',
        "(timestamp '2025-01-01 00:00:00' - id * interval '3 second' + (id % 1000) * interval '1 millisecond')::timestamp(3)",
        "TIMESTAMP'2025-01-01 00:00:00' - INTERVAL (id * 3) SECOND + INTERVAL (id % 1000) * 1000 MICROSECOND"),
      boolean('pinned', 'id % 5 = 0', 'id % 5 = 0'),
    ],
  },
  events: {
    key: null,
    columns: [
      text('kind', 'varchar(20)', 'VARCHAR(20)', "('kind ' || (id % 13))::varchar(20)", "CONCAT('kind ', id % 13)"),
      col('n', 'bigint', 'BIGINT', 'id', 'id'),
      numeric('amount', 'numeric(12,2)', 'DECIMAL(12,2)', '(((id * 41) % 1000000)::numeric / 100)::numeric(12,2)', 'CAST(((id * 41) % 1000000) / 100 AS DECIMAL(12,2))'),
      timestamp('happened_at', 'timestamp(3)', 'DATETIME(3)',
        "(timestamp '2024-03-01 00:00:00' + id * interval '2 second' + (id % 1000) * interval '1 millisecond')::timestamp(3)",
        "TIMESTAMP'2024-03-01 00:00:00' + INTERVAL (id * 2) SECOND + INTERVAL (id % 1000) * 1000 MICROSECOND"),
      boolean('flag', 'id % 2 = 0', 'id % 2 = 0'),
      nullableText('payload', "CASE WHEN id % 5 = 0 THEN NULL ELSE 'payload ' || (id % 331) END", "CASE WHEN id % 5 = 0 THEN NULL ELSE CONCAT('payload ', id % 331) END"),
    ],
  },
};
/** The column a keyless table's updates change. */
const KEYLESS_UPDATED = 'amount';

const shapeOf = (rank) => (KEYLESS_RANKS.includes(rank) ? 'events' : CYCLE[(rank - 1) % CYCLE.length]);
const nameOf = (rank, shape) => `t${String(rank).padStart(3, '0')}_${shape}`;

/** The key column values of the keyed row generated from `id`, in key order. */
function keyValues(shape, id) {
  if (shape === 'lines') {
    const v = Math.floor(id / 2);
    return [Math.floor((v - 1) / 64) + 1, 2 * ((v - 1) % 64) + 2 + (id % 2)];
  }
  return [id];
}

/** A keyless table's differences: distinct groups, one copy each updated, deleted, or added. */
function keylessChanges(rows, seed) {
  const { updateCount, deleteCount, insertCount } = differenceCounts(rows);
  const groups = distinct(mulberry32(seed), updateCount + deleteCount + insertCount, 1, Math.floor(rows / 2));
  return {
    updates: groups.slice(0, updateCount).map((id) => ({ id, column: KEYLESS_UPDATED })),
    deletes: groups.slice(updateCount, updateCount + deleteCount),
    inserts: groups.slice(updateCount + deleteCount),
    expected: {
      summary: {
        sourceRows: rows,
        targetRows: rows - deleteCount + insertCount,
        onlyInSource: updateCount + deleteCount,
        onlyInTarget: updateCount + insertCount,
        differentRows: 0,
        identicalRows: rows - updateCount - deleteCount,
      },
      columns: {},
    },
  };
}

/**
 * Every table of a database of `total` rows, largest first: { rank, name, shape, rows, key (column names or
 * null), columns (the non-key column names), changes: { updates: [{ id, column }], deletes: [id], inserts: [id],
 * expected } } where `expected` is what dataDiff must report for the table (summary; per column for keyed tables, none for keyless).
 */
export function plannedDatabase(total) {
  return tableSizes(total).map((rows, i) => {
    const rank = i + 1;
    const shape = shapeOf(rank);
    const { key } = SHAPES[shape];
    const columns = SHAPES[shape].columns.map((c) => c.name).filter((c) => !(key ?? []).includes(c));
    const seed = SEED + rank;
    const changes = key === null ? keylessChanges(rows, seed) : plannedChanges(rows, { columns, seed });
    return { rank, name: nameOf(rank, shape), shape, rows, key, columns, changes };
  });
}

/** What dataDiff must report for an unmodified copy of the table. */
export function identicalExpectation(table) {
  const summary = { sourceRows: table.rows, targetRows: table.rows, onlyInSource: 0, onlyInTarget: 0, differentRows: 0, identicalRows: table.rows };
  return { summary, columns: table.key === null ? {} : Object.fromEntries(table.columns.map((c) => [c, { differentValues: 0 }])) };
}

const isPostgres = (dialect) => dialect === 'postgres';

export function createStatement(table, dialect) {
  const shape = SHAPES[table.shape];
  const pg = isPostgres(dialect);
  const columns = shape.columns.map((c) => `    ${c.name} ${pg ? c.pgType : c.myType} ${c.nullable ? 'NULL' : 'NOT NULL'}`);
  // PostgreSQL: the primary key is added after the load (one index build); MariaDB: InnoDB clusters by it, so it comes first.
  if (!pg && shape.key) columns.push(`    PRIMARY KEY (${shape.key.join(', ')})`);
  return `CREATE TABLE ${table.name} (\n${columns.join(',\n')}\n)${pg ? '' : ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4'}`;
}

/** PostgreSQL's primary key, added after the rows (none for a keyless table). */
export function postgresPrimaryKey(table) {
  const { key } = SHAPES[table.shape];
  return key ? `ALTER TABLE ${table.name} ADD PRIMARY KEY (${key.join(', ')})` : undefined;
}

const insertInto = (table) => `INSERT INTO ${table.name} (${SHAPES[table.shape].columns.map((c) => c.name).join(', ')})`;
const values = (table, dialect) => SHAPES[table.shape].columns.map((c) => (isPostgres(dialect) ? c.pgValue : c.myValue)).join(', ');

/** The source rows i = from..to: generating number 2i (keyed) or (i + 1) div 2 (keyless: each value twice). */
export function insertRange(table, dialect, from, to) {
  const keyless = SHAPES[table.shape].key === null;
  const generator = isPostgres(dialect)
    ? `SELECT ${keyless ? '(i + 1) / 2' : '2 * i'} AS id FROM generate_series(${from}::bigint, ${to}::bigint) AS i`
    : `SELECT CAST(${keyless ? '(seq + 1) DIV 2' : '2 * seq'} AS SIGNED) AS id FROM seq_${from}_to_${to}`;
  return `${insertColumnsAndValues(table, dialect)} FROM (${generator}) g`;
}

const insertColumnsAndValues = (table, dialect) => `${insertInto(table)} SELECT ${values(table, dialect)}`;

/** The generated rows of the given generating numbers. */
function insertIds(table, dialect, ids) {
  const generator = isPostgres(dialect)
    ? `unnest('{${ids.join(',')}}'::bigint[]) AS g(id)`
    : `(${ids.map((id, i) => (i === 0 ? `SELECT ${id} AS id` : `SELECT ${id}`)).join(' UNION ALL ')}) g`;
  return `${insertColumnsAndValues(table, dialect)} FROM ${generator}`;
}

/** A WHERE condition selecting the keyed rows generated from `ids`. */
function keyCondition(table, ids) {
  const { key } = SHAPES[table.shape];
  if (key.length === 1) return `${key[0]} IN (${ids.map((id) => keyValues(table.shape, id)[0]).join(', ')})`;
  return ids.map((id) => `(${keyValues(table.shape, id).map((v, i) => `${key[i]} = ${v}`).join(' AND ')})`).join(' OR ');
}

/** The statements that apply the table's planned changes to a target (`dialect`: postgres or mariadb). */
export function changeStatements(table, dialect) {
  const shape = SHAPES[table.shape];
  const pg = isPostgres(dialect);
  const { updates, deletes, inserts } = table.changes;
  const statements = [];
  if (shape.key === null) {
    const update = shape.columns.find((c) => c.name === KEYLESS_UPDATED)[pg ? 'pgUpdate' : 'myUpdate'];
    // One copy of each group: PostgreSQL picks it by ctid, MariaDB by LIMIT 1.
    const oneCopy = (groups) => `ctid IN (SELECT DISTINCT ON (n) ctid FROM ${table.name} WHERE n IN (${groups.join(', ')}) ORDER BY n, ctid)`;
    if (pg) {
      statements.push(`UPDATE ${table.name} SET ${update} WHERE ${oneCopy(updates.map((u) => u.id))}`);
      statements.push(`DELETE FROM ${table.name} WHERE ${oneCopy(deletes)}`);
    } else {
      for (const u of updates) statements.push(`UPDATE ${table.name} SET ${update} WHERE n = ${u.id} LIMIT 1`);
      for (const id of deletes) statements.push(`DELETE FROM ${table.name} WHERE n = ${id} LIMIT 1`);
    }
    statements.push(insertIds(table, dialect, inserts));
    return statements;
  }
  for (const column of table.columns) {
    const ids = updates.filter((u) => u.column === column).map((u) => u.id);
    const c = shape.columns.find((x) => x.name === column);
    if (ids.length) statements.push(`UPDATE ${table.name} SET ${pg ? c.pgUpdate : c.myUpdate} WHERE ${keyCondition(table, ids)}`);
  }
  statements.push(`DELETE FROM ${table.name} WHERE ${keyCondition(table, deletes)}`);
  statements.push(insertIds(table, dialect, inserts));
  return statements;
}

/** The table's columns in order (for the lower bound's checksum and the report). */
export const columnNames = (table) => SHAPES[table.shape].columns.map((c) => c.name);
