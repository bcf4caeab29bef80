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
 * sql_mode) stays: loaders and parity must both use utf8mb4 and the server's sql_mode.
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

function normalizeStatement(statement: string): string {
  const text = normalizeHeader(statement.replace(/ AUTO_INCREMENT=\d+/g, ''));
  if (!/^CREATE TABLE /.test(text)) return text;
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
  return [`database: ${schema?.cs} ${schema?.co} ${JSON.stringify(schema?.cm ?? '')}`, ...statements(stdout).map(normalizeStatement)].sort();
}
