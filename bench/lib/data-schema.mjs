// The data-diff benchmark's table and its differences (used by data-bench.mjs).
//
// One table `orders` with the same logical rows in PostgreSQL and MariaDB, generated set-based inside
// each database from deterministic expressions of the key that give the same values on both servers
// (PostgreSQL `generate_series`, MariaDB's Sequence engine `seq_1_to_N`). The source holds the even
// ids 2, 4, ..., 2N only, so rows inserted into a target (odd ids) fall between existing keys.
//
//   id           bigint PRIMARY KEY                2 * i
//   customer_id  integer / INT                     (id * 7919) % 100003
//   amount       numeric(12,2) / DECIMAL(12,2)     ((id * 37) % 1000000) / 100
//   label        varchar(40)                       'order <id> ' + the first 8-24 hex digits of md5(<id>)
//   created_at   timestamp(3) / DATETIME(3)        2024-01-01 + id seconds + (id % 1000) ms
//   is_paid      boolean / TINYINT(1)              id % 3 = 0
//   note         text NULL / TEXT NULL             NULL when id % 10 = 0, else 'note <id % 977>'
//
// The differences: 0.01% of the source rows (at least 3), a third each updated (one column each, in
// turn), deleted and inserted, at positions drawn with a fixed seed, the same in every target.
import { mulberry32 } from './prng.mjs';

export const TABLE = 'orders';
export const COLUMNS = ['customer_id', 'amount', 'label', 'created_at', 'is_paid', 'note'];
export const DIFFERENCE_RATE = 0.0001;
export const SEED = 20261123;
/** Rows per INSERT ... SELECT on MariaDB (one transaction each: keeps InnoDB's undo log small). */
export const MARIADB_CHUNK = 1_000_000;

export const POSTGRES_VALUES = [
  'id',
  '((id * 7919) % 100003)::integer',
  '(((id * 37) % 1000000)::numeric / 100)::numeric(12,2)',
  "('order ' || id || ' ' || left(md5(id::text), (id % 17)::integer + 8))::varchar(40)",
  "(timestamp '2024-01-01 00:00:00' + id * interval '1 second' + (id % 1000) * interval '1 millisecond')::timestamp(3)",
  'id % 3 = 0',
  "CASE WHEN id % 10 = 0 THEN NULL ELSE 'note ' || (id % 977) END",
];

export const MARIADB_VALUES = [
  'id',
  '(id * 7919) % 100003',
  'CAST(((id * 37) % 1000000) / 100 AS DECIMAL(12,2))',
  "CONCAT('order ', id, ' ', LEFT(MD5(id), id % 17 + 8))",
  "TIMESTAMP'2024-01-01 00:00:00' + INTERVAL id SECOND + INTERVAL (id % 1000) * 1000 MICROSECOND",
  'id % 3 = 0',
  "CASE WHEN id % 10 = 0 THEN NULL ELSE CONCAT('note ', id % 977) END",
];

export const POSTGRES_CREATE = `CREATE TABLE ${TABLE} (
    id bigint NOT NULL,
    customer_id integer NOT NULL,
    amount numeric(12,2) NOT NULL,
    label varchar(40) NOT NULL,
    created_at timestamp(3) NOT NULL,
    is_paid boolean NOT NULL,
    note text
)`;

export const MARIADB_CREATE = `CREATE TABLE ${TABLE} (
    id BIGINT NOT NULL,
    customer_id INT NOT NULL,
    amount DECIMAL(12,2) NOT NULL,
    label VARCHAR(40) NOT NULL,
    created_at DATETIME(3) NOT NULL,
    is_paid TINYINT(1) NOT NULL,
    note TEXT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`;

const insertColumns = `INSERT INTO ${TABLE} (id, ${COLUMNS.join(', ')})`;

/** The source rows i = from..to (ids 2i) in PostgreSQL. */
export function postgresInsertRange(from, to) {
  return `${insertColumns} SELECT ${POSTGRES_VALUES.join(', ')} FROM (SELECT 2 * i AS id FROM generate_series(${from}::bigint, ${to}::bigint) AS i) g`;
}

/** The source rows i = from..to (ids 2i) in MariaDB. */
export function mariadbInsertRange(from, to) {
  return `${insertColumns} SELECT ${MARIADB_VALUES.join(', ')} FROM (SELECT 2 * seq AS id FROM seq_${from}_to_${to}) g`;
}

/** The generated rows of the given ids (the inserted differences). */
export function postgresInsertIds(ids) {
  return `${insertColumns} SELECT ${POSTGRES_VALUES.join(', ')} FROM unnest('{${ids.join(',')}}'::bigint[]) AS g(id)`;
}

export function mariadbInsertIds(ids) {
  return `${insertColumns} SELECT ${MARIADB_VALUES.join(', ')} FROM (${ids.map((id, i) => (i === 0 ? `SELECT ${id} AS id` : `SELECT ${id}`)).join(' UNION ALL ')}) g`;
}

/** How each column is updated: a change the comparison must see. */
export const UPDATES = {
  postgres: {
    customer_id: 'customer_id = customer_id + 1',
    amount: 'amount = amount + 1',
    label: "label = 'changed ' || id",
    created_at: "created_at = created_at + interval '1 second'",
    is_paid: 'is_paid = NOT is_paid',
    note: "note = CASE WHEN note IS NULL THEN 'changed' END",
  },
  mariadb: {
    customer_id: 'customer_id = customer_id + 1',
    amount: 'amount = amount + 1',
    label: "label = CONCAT('changed ', id)",
    created_at: 'created_at = created_at + INTERVAL 1 SECOND',
    is_paid: 'is_paid = 1 - is_paid',
    note: "note = CASE WHEN note IS NULL THEN 'changed' END",
  },
};

/** `count` distinct integers in [low, high], drawn uniformly. */
export function distinct(next, count, low, high) {
  const out = new Set();
  while (out.size < count) out.add(low + Math.floor(next() * (high - low + 1)));
  return [...out];
}

/** How many rows of an N-row table are updated, deleted and inserted: DIFFERENCE_RATE of N (at least 3), a third each. */
export function differenceCounts(rows) {
  const total = Math.max(3, Math.round(rows * DIFFERENCE_RATE));
  const updateCount = Math.floor(total / 3);
  const deleteCount = Math.floor(total / 3);
  return { updateCount, deleteCount, insertCount: total - updateCount - deleteCount };
}

/**
 * The differences seeded into each target of an N-row source (source ids 2i, i = 1..N): { updates: [{ id, column }],
 * deletes: [id], inserts: [id], expected } where `expected` is what dataDiff's JSON must report (summary and per-column
 * counts). `columns` are updated in turn; `seed` seeds the draw (the whole-database series gives each table its own).
 */
export function plannedChanges(rows, { columns = COLUMNS, seed = SEED } = {}) {
  const { updateCount, deleteCount, insertCount } = differenceCounts(rows);
  const next = mulberry32(seed);
  const touched = distinct(next, updateCount + deleteCount, 1, rows).map((i) => 2 * i);
  const updates = touched.slice(0, updateCount).map((id, k) => ({ id, column: columns[k % columns.length] }));
  const deletes = touched.slice(updateCount);
  const inserts = distinct(next, insertCount, 1, rows - 1).map((i) => 2 * i + 1);
  const perColumn = Object.fromEntries(columns.map((c) => [c, { differentValues: updates.filter((u) => u.column === c).length }]));
  return {
    updates,
    deletes,
    inserts,
    expected: {
      summary: {
        sourceRows: rows,
        targetRows: rows - deleteCount + insertCount,
        onlyInSource: deleteCount,
        onlyInTarget: insertCount,
        differentRows: updateCount,
        identicalRows: rows - deleteCount - updateCount,
      },
      columns: perColumn,
    },
  };
}

/** The statements that apply the changes to a target (`dialect`: postgres or mariadb). */
export function changeStatements(changes, dialect) {
  const statements = [];
  for (const column of COLUMNS) {
    const ids = changes.updates.filter((u) => u.column === column).map((u) => u.id);
    if (ids.length) statements.push(`UPDATE ${TABLE} SET ${UPDATES[dialect][column]} WHERE id IN (${ids.join(', ')})`);
  }
  statements.push(`DELETE FROM ${TABLE} WHERE id IN (${changes.deletes.join(', ')})`);
  statements.push(dialect === 'postgres' ? postgresInsertIds(changes.inserts) : mariadbInsertIds(changes.inserts));
  return statements;
}

/** Differences between dataDiff's (or the naive compare's) summary and the expected one, as messages. */
export function summaryProblems(actual, expected) {
  const problems = [];
  for (const [key, value] of Object.entries(expected.summary)) {
    if (actual?.summary?.[key] !== value) problems.push(`${key} ${actual?.summary?.[key]} (expected ${value})`);
  }
  if (actual?.columns !== undefined) {
    for (const [column, { differentValues }] of Object.entries(expected.columns)) {
      if (actual.columns[column]?.differentValues !== differentValues) problems.push(`${column}.differentValues ${actual.columns[column]?.differentValues} (expected ${differentValues})`);
    }
  }
  return problems;
}
