/**
 * An independent picture of a MySQL/MariaDB database, for round-trip checks: none of parity's code.
 * `mysqldump --no-data --routines --events --triggers` of the database (the server's own SHOW CREATE
 * text for every object), plus the database's character set, collation and comment from
 * information_schema.SCHEMATA (mysqldump leaves CREATE DATABASE out for a single database).
 *
 * Normalized so that two databases built differently but alike compare equal: the AUTO_INCREMENT
 * counter is dropped; inside CREATE TABLE, column lines keep their order (parity places added columns)
 * while key and constraint lines are sorted (SHOW CREATE lists indexes in creation order); statements
 * are sorted; trigger and routine headers lose their quoting (see normalizeHeader). The database name
 * does not appear (the dump is of one database, unqualified). Creation context (character_set_client,
 * sql_mode) stays: loaders and parity must both use utf8mb4 and the server's sql_mode. Partitions
 * are described by information_schema.PARTITIONS rather than SHOW CREATE's clause (see PARTITION_CLAUSE).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { TestMariadb } from './mariadb-server.ts';

const run = promisify(execFile);

/** Splits the dump at lines ending a statement (`;` or `;;` inside DELIMITER sections). */
function statements(dump: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of dump.split('\n')) {
    if (line.trim() === '' || /^DELIMITER /.test(line)) continue;
    current.push(line);
    if (/;;?\s*$/.test(line)) {
      out.push(current.join('\n'));
      current = [];
    }
  }
  if (current.length > 0) out.push(current.join('\n'));
  return out;
}

/**
 * Trigger and routine headers keep the text they were created with (`ON accounts` or
 * `` ON `app`.`accounts` ``, `(x int)` or `` (`x` int) ``): the same trigger or routine either way.
 */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function normalizeHeader(statement: string): string {
  const trigger = /(TRIGGER )(.+?)( (?:BEFORE|AFTER) (?:INSERT|UPDATE|DELETE) ON )(.+?)( FOR EACH ROW)/s.exec(statement);
  if (trigger) {
    const plain = (name: string) => name.replace(/^`[^`]*`\./, '').replace(/`/g, '');
    const header = `${trigger[1]}${plain(trigger[2]!)}${trigger[3]}${plain(trigger[4]!)}${trigger[5]}`;
    return statement.replace(new RegExp(`${escape(trigger[0])}\\s+`), `${header} `);
  }
  const routine = /^(CREATE DEFINER=\S+ (?:FUNCTION|PROCEDURE) `(?:[^`]|``)*`)(.*)$/m.exec(statement);
  if (routine) return statement.replace(routine[0], `${routine[1]}${routine[2]!.replace(/`/g, '')}`);
  return statement;
}

/**
 * A table's partitioning clause (` PARTITION BY ...` to the end; MySQL 8 wraps it in a versioned comment, `/*!50100`).
 * SHOW CREATE TABLE prints it as it was written (`PARTITIONS 2` or the same two partitions by name, one
 * `ENGINE =` per partition), so it is taken off the statement and the partitions are described by
 * information_schema.PARTITIONS instead (see partitionLines); only which partitions are DEFAULT
 * (MariaDB's LIST DEFAULT, which PARTITIONS shows as `0`) is read from it.
 */
const PARTITION_CLAUSE = /\n\s*(?:\/\*!\d+\s*)?PARTITION BY [\s\S]*$/;

function defaultPartitions(statement: string): string[] {
  const table = /^CREATE TABLE (`(?:[^`]|``)*`)/.exec(statement)?.[1] ?? '';
  const clause = PARTITION_CLAUSE.exec(statement)?.[0] ?? '';
  return [...clause.matchAll(/PARTITION (`(?:[^`]|``)*`) DEFAULT\b/g)].map((m) => `${table}.${m[1]}`);
}

function normalizeStatement(statement: string): string {
  let text = normalizeHeader(statement.replace(/ AUTO_INCREMENT=\d+/g, ''));
  if (!/^CREATE TABLE /.test(text)) return text;
  const clause = PARTITION_CLAUSE.exec(text);
  if (clause) text = `${text.slice(0, clause.index)};`;
  const lines = text.split('\n');
  const head = lines[0]!;
  const tail = lines[lines.length - 1]!;
  const body = lines.slice(1, -1).map((line) => line.replace(/,$/, ''));
  const columns = body.filter((line) => /^ {2}`/.test(line));
  const keys = body.filter((line) => !/^ {2}`/.test(line)).sort();
  return [head, ...columns, ...keys, tail].join('\n');
}

export async function mysqlFingerprint(server: TestMariadb, database: string): Promise<string[]> {
  const { stdout } = await run(
    'mysqldump',
    [
      '--no-defaults',
      '-h127.0.0.1',
      `-P${server.port}`,
      `-u${server.user}`,
      `-p${server.password}`,
      '--no-data',
      '--skip-comments',
      '--compact',
      '--routines',
      '--events',
      '--triggers',
      '--skip-dump-date',
      server.name(database),
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const [schema] = await server.query<{ cs: string; co: string; cm: string }>(
    'mysql',
    'SELECT DEFAULT_CHARACTER_SET_NAME AS cs, DEFAULT_COLLATION_NAME AS co, SCHEMA_COMMENT AS cm FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
    [server.name(database)],
  );
  const dumped = statements(stdout);
  const defaults = new Set(dumped.flatMap(defaultPartitions));
  return [
    `database: ${schema?.cs} ${schema?.co} ${JSON.stringify(schema?.cm ?? '')}`,
    ...dumped.map(normalizeStatement),
    ...(await partitionLines(server, database, defaults)),
  ].sort();
}

interface PartitionInfo {
  t: string;
  p: string;
  sp: string | null;
  pos: number;
  spos: number | null;
  m: string;
  e: string | null;
  sm: string | null;
  se: string | null;
  d: string | null;
  c: string;
}

/** One line per partition (or subpartition) from information_schema.PARTITIONS, in the table's order. */
async function partitionLines(server: TestMariadb, database: string, defaults: ReadonlySet<string>): Promise<string[]> {
  const rows = await server.query<PartitionInfo>(
    'mysql',
    `SELECT TABLE_NAME AS t, PARTITION_NAME AS p, SUBPARTITION_NAME AS sp, PARTITION_ORDINAL_POSITION AS pos,
            SUBPARTITION_ORDINAL_POSITION AS spos, PARTITION_METHOD AS m, PARTITION_EXPRESSION AS e,
            SUBPARTITION_METHOD AS sm, SUBPARTITION_EXPRESSION AS se, PARTITION_DESCRIPTION AS d, PARTITION_COMMENT AS c
     FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = ? AND PARTITION_NAME IS NOT NULL`,
    [server.name(database)],
  );
  const quote = (name: string) => `\`${name.replace(/`/g, '``')}\``;
  return rows.map((r) => {
    const values = r.m.startsWith('LIST') && r.d !== null ? listItems(r.d).sort().join(',') : r.d;
    const isDefault = defaults.has(`${quote(r.t)}.${quote(r.p)}`);
    const sub = r.sp === null ? '' : ` subpartition #${r.spos} ${r.sp} by ${r.sm} (${r.se})`;
    return `partition: ${r.t} #${r.pos} ${r.p} by ${r.m} (${r.e}) ${isDefault ? 'DEFAULT' : `values ${values}`}${sub} comment ${JSON.stringify(r.c)}`;
  });
}

/**
 * The values of a LIST partition's description, split at the commas outside quotes and parentheses: the
 * server keeps them in the order they were written, which means nothing (`IN (3,2)` is `IN (2,3)`).
 */
function listItems(description: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < description.length; i++) {
    const ch = description[i]!;
    if (quoted) {
      if (ch === '\\') {
        current += ch + (description[i + 1] ?? '');
        i++;
        continue;
      }
      if (ch === "'") quoted = false;
    } else if (ch === "'") quoted = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      items.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  return [...items, current];
}
