// The generated MySQL/MariaDB benchmark schema, the PostgreSQL one (schema.mjs) in MySQL terms: N InnoDB
// tables of 8 mixed-type columns, each with an AUTO_INCREMENT primary key, one secondary index and one
// foreign key (table i references table i-1; the first references itself; InnoDB adds an index for it),
// one view per 10 tables, and per 100 tables (started) one trigger and one stored procedure.
// And a handful of changes for the "few differences" diff.
import { chunked, pad, tableName, viewName } from './schema.mjs';

const triggerName = (k) => `trg_${pad(k)}`;
const procedureName = (k) => `p_${pad(k)}`;

function createTable(i) {
  const t = tableName(i);
  const parent = tableName(i > 1 ? i - 1 : i);
  return `CREATE TABLE ${t} (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    parent_id bigint NULL,
    name varchar(100) NOT NULL,
    amount decimal(12,2) NOT NULL DEFAULT 0,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
    is_active tinyint(1) NOT NULL DEFAULT 1,
    payload json NULL,
    ref_code char(36) NULL,
    KEY ${t}_name_idx (name, created_at),
    CONSTRAINT ${t}_parent_fk FOREIGN KEY (parent_id) REFERENCES ${parent} (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
`;
}

function createView(k) {
  const a = tableName(k * 10);
  const b = tableName(k * 10 - 1);
  return `CREATE VIEW ${viewName(k)} AS
    SELECT a.id, a.name, a.created_at, b.amount AS parent_amount
    FROM ${a} a LEFT JOIN ${b} b ON b.id = a.parent_id
    WHERE a.is_active = 1;
`;
}

/** Trigger and procedure k belong to table 100(k-1)+1. Single-statement bodies: no DELIMITER needed. */
function createPrograms(k) {
  const t = tableName(100 * (k - 1) + 1);
  return `CREATE TRIGGER ${triggerName(k)} BEFORE INSERT ON ${t} FOR EACH ROW SET NEW.name = TRIM(NEW.name);
CREATE PROCEDURE ${procedureName(k)}(IN p_id bigint) SELECT id, name, amount FROM ${t} WHERE id = p_id;
`;
}

/** One statement string of `tablesPerChunk` tables (with their views and programs) per round trip. */
export const MYSQL_TABLES_PER_CHUNK = 100;
export function mysqlSchemaChunks(tables, tablesPerChunk = MYSQL_TABLES_PER_CHUNK) {
  return chunked(tables, tablesPerChunk, (i) =>
    createTable(i) + (i % 100 === 1 ? createPrograms((i - 1) / 100 + 1) : '') + (i % 10 === 0 ? createView(i / 10) : ''));
}

export function mysqlExpectedCounts(tables) {
  const programs = Math.ceil(tables / 100);
  // indexes: PRIMARY, the secondary index and the foreign key's; checks: MariaDB's json_valid() on `payload`.
  return { tables, views: Math.floor(tables / 10), columns: tables * 8, indexes: tables * 3, foreign_keys: tables, checks: tables, triggers: programs, routines: programs };
}

/**
 * The catalog counts to compare with mysqlExpectedCounts (one query, information_schema). No joins
 * between information_schema tables: on MariaDB they are nested loops over unindexed materialized
 * tables (COLUMNS JOIN TABLES took 3 minutes at 10,000 tables); table columns are those of `t_*`.
 */
export const MYSQL_COUNTS_SQL = `
  SELECT
    (SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE') AS tables,
    (SELECT count(*) FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?) AS views,
    (SELECT count(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE 't\\_%') AS columns,
    (SELECT count(DISTINCT TABLE_NAME, INDEX_NAME) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?) AS indexes,
    (SELECT count(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?) AS foreign_keys,
    (SELECT count(*) FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?) AS checks,
    (SELECT count(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?) AS triggers,
    (SELECT count(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?) AS routines`;
export const MYSQL_COUNTS_PARAMS = 8;

/** A few changes applied after the live measurements, for the snapshot-vs-snapshot diff with differences. */
export const MYSQL_FEW_CHANGES = [
  'ALTER TABLE t_00002 ADD COLUMN note text NULL',
  "ALTER TABLE t_00003 ALTER COLUMN ref_code SET DEFAULT 'none'",
  'DROP INDEX t_00004_name_idx ON t_00004',
  "ALTER TABLE t_00005 COMMENT = 'changed by the benchmark'",
  'CREATE TABLE bench_extra (id int NOT NULL PRIMARY KEY, label varchar(50) NOT NULL)',
  `CREATE OR REPLACE VIEW v_00001 AS
    SELECT a.id, a.name, a.created_at, b.amount AS parent_amount, a.ref_code
    FROM t_00010 a LEFT JOIN t_00009 b ON b.id = a.parent_id
    WHERE a.is_active = 1`,
];
export const MYSQL_FEW_CHANGES_EXPECTED = 6; // 5 edited objects (4 tables, 1 view) + 1 added table
