/**
 * The built-in rules of `check -code`, one by one on both dialects: each reported at the exact line,
 * and none for the same words in a comment, a string literal or (PostgreSQL) a function body; user
 * rules read the script with comments and strings blanked out; malformed rule files are errors.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { codeContextOf, readUserRules, userRuleViolations, type CodeAnalysis } from '../../src/check/code-rules.ts';
import { isNarrowingMysql, mysqlCodeAnalysis } from '../../src/dialects/mysql/mysql-code-rules.ts';
import { postgresCodeAnalysis } from '../../src/dialects/postgres/postgres-code-rules.ts';
import type { DatabaseModel } from '../../src/model/objects.ts';

const model = (type: string): DatabaseModel =>
  ({ dialect: 'postgres', schemas: ['public'], objects: [{ kind: 'table', schema: 'public', name: 't', columns: [{ name: 'c', type, nullable: true }] }] }) as unknown as DatabaseModel;

async function found(analysis: CodeAnalysis, text: string, columnType = 'character varying(40)'): Promise<string[]> {
  const violations = await analysis.analyze([{ shownPath: 'V2__x.sql', text }], codeContextOf(model(columnType)));
  return violations.map((v) => `${v.line} ${v.rule}`);
}

const PG_CASES: ReadonlyArray<[string, string, string[]]> = [
  ['drop-table', 'SELECT 1;\nDROP TABLE t;', ['2 drop-table']],
  ['drop-schema', '\n\nDROP SCHEMA s CASCADE;', ['3 drop-schema']],
  ['drop-column', 'ALTER TABLE t\n  DROP COLUMN c;', ['1 drop-column']],
  ['truncate', 'TRUNCATE t;', ['1 truncate']],
  ['delete-without-where', 'DELETE FROM t;\nDELETE FROM t WHERE c = 1;', ['1 delete-without-where']],
  ['update-without-where', 'UPDATE t SET c = 1 WHERE c = 2;\nUPDATE t SET c = 1;', ['2 update-without-where']],
  ['narrowing-type-change', 'ALTER TABLE t ALTER COLUMN c TYPE varchar(10);', ['1 narrowing-type-change', '1 type-change-rewrite']],
  ['widening keeps storage', 'ALTER TABLE t ALTER COLUMN c TYPE varchar(100);', []],
  ['index-without-concurrently', 'CREATE INDEX i ON t (c);\nCREATE INDEX CONCURRENTLY j ON t (c);', ['1 index-without-concurrently']],
  ['index on a new table', 'CREATE TABLE n (c int);\nCREATE INDEX i ON n (c);', []],
  ['constraint-without-not-valid', 'ALTER TABLE t ADD CONSTRAINT k CHECK (c <> \'\');\nALTER TABLE t ADD CONSTRAINT k2 CHECK (c <> \'\') NOT VALID;', ['1 constraint-without-not-valid']],
  ['set-not-null', 'ALTER TABLE t ALTER COLUMN c SET NOT NULL;', ['1 set-not-null']],
  ['volatile-default', 'ALTER TABLE t ADD COLUMN u uuid DEFAULT gen_random_uuid();\nALTER TABLE t ADD COLUMN d timestamptz DEFAULT now();', ['1 volatile-default']],
];

for (const [name, sql, expected] of PG_CASES) {
  test(`PostgreSQL ${name}`, async () => {
    assert.equal(await found(postgresCodeAnalysis, sql), expected);
  });
}

test('PostgreSQL: no rule fires for words in comments, strings or function bodies', async () => {
  const sql = `-- DROP TABLE t; TRUNCATE t
/* DELETE FROM t; ALTER TABLE t DROP COLUMN c */
SELECT 'DROP SCHEMA s; UPDATE t SET c = 1', $q$DELETE FROM t$q$;
CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DELETE FROM t; TRUNCATE t; END $$;
DO $$ BEGIN EXECUTE 'DROP TABLE t'; END $$;`;
  assert.equal(await found(postgresCodeAnalysis, sql), []);
});

test('PostgreSQL: a script the parser cannot read is one unparsed warning', async () => {
  assert.equal(await found(postgresCodeAnalysis, 'DROP TABLE t;\nCREATE TABLE (;'), ['1 unparsed']);
});

const MYSQL_CASES: ReadonlyArray<[string, string, string[]]> = [
  ['drop-table', 'SELECT 1;\nDROP TABLE IF EXISTS t;', ['2 drop-table']],
  ['drop-schema', 'DROP DATABASE app;', ['1 drop-schema']],
  ['drop-column', 'ALTER TABLE t DROP COLUMN c, ALGORITHM=INPLACE;\nALTER TABLE t DROP INDEX i, ALGORITHM=INPLACE;', ['1 drop-column']],
  ['truncate', 'TRUNCATE TABLE t;', ['1 truncate']],
  ['delete-without-where', 'DELETE FROM t;\nDELETE FROM t WHERE c IN (SELECT 1);', ['1 delete-without-where']],
  ['update-without-where', 'UPDATE t SET c = (SELECT 1 FROM u WHERE x = 1);', ['1 update-without-where']],
  ['narrowing-type-change', 'ALTER TABLE t MODIFY COLUMN c varchar(10) NOT NULL, ALGORITHM=INPLACE;', ['1 narrowing-type-change']],
  ['widening is not narrowing', 'ALTER TABLE t CHANGE c c varchar(100), ALGORITHM=INPLACE;', []],
  ['alter-without-algorithm', 'ALTER TABLE t ADD COLUMN d int;\nALTER TABLE t ADD COLUMN e int, ALGORITHM = INSTANT;\nALTER TABLE t RENAME TO u;', ['1 alter-without-algorithm']],
  ['create index on an existing table', 'CREATE INDEX i ON t (c);\nCREATE TABLE n (c int);\nCREATE INDEX j ON n (c);\nCREATE INDEX k ON t (c) ALGORITHM=INPLACE;', ['1 alter-without-algorithm']],
];

for (const [name, sql, expected] of MYSQL_CASES) {
  test(`MySQL ${name}`, async () => {
    assert.equal(await found(mysqlCodeAnalysis, sql, 'varchar(40)'), expected);
  });
}

test('MySQL: no rule fires for words in comments, strings or quoted names', async () => {
  const sql = "-- DROP TABLE t\n# TRUNCATE t\n/* DELETE FROM t */\nSELECT 'UPDATE t SET c = 1', \"DROP DATABASE x\", `DROP` FROM t WHERE 1;";
  assert.equal(await found(mysqlCodeAnalysis, sql, 'varchar(40)'), []);
});

test('MySQL narrowing: integers, strings, texts, decimals', () => {
  assert.ok(isNarrowingMysql('bigint', 'int'));
  assert.not.ok(isNarrowingMysql('int(11)', 'bigint'));
  assert.ok(isNarrowingMysql('int unsigned', 'int'));
  assert.not.ok(isNarrowingMysql('varchar(10)', 'varchar(20)'));
  assert.ok(isNarrowingMysql('mediumtext', 'text'));
  assert.ok(isNarrowingMysql('varchar(300)', 'tinytext'));
  assert.ok(isNarrowingMysql('decimal(10,2)', 'decimal(10,1)'));
  assert.not.ok(isNarrowingMysql('decimal(10,2)', 'decimal(12,2)'));
});

test('user rules: matches in code only, at the line of the match; malformed files are errors naming the file', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parity-rules-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.toml'), '[[rules]]\nid = "no-select-star"\ndescription = "name the columns"\nregex = "select\\\\s+\\\\*"\nseverity = "warning"\n');
    const rules = readUserRules(dir, 'rules');
    const text = "-- SELECT * in a comment\nSELECT 'SELECT * in a string';\nSELECT\n  * FROM t;";
    for (const analysis of [postgresCodeAnalysis, mysqlCodeAnalysis]) {
      const code = await analysis.codeOnly(text);
      assert.is(code.split('\n').length, 4);
      assert.equal(userRuleViolations(rules, 'V1__x.sql', code), [{ file: 'V1__x.sql', line: 3, rule: 'no-select-star', severity: 'warning', message: 'name the columns' }]);
    }
    fs.writeFileSync(path.join(dir, 'b.toml'), '[[rules]]\nid = "drop-table"\nregex = "x"\n');
    assert.throws(() => readUserRules(dir, 'rules'), /rules\/b\.toml|already a built-in rule/);
    fs.writeFileSync(path.join(dir, 'b.toml'), '[[rules]]\nid = "bad"\nregex = "("\n');
    assert.throws(() => readUserRules(dir, 'rules'), /invalid regex/);
    fs.writeFileSync(path.join(dir, 'b.toml'), '[[rules]]\nid = "bad"\nregex = "x"\nseverity = "fatal"\n');
    assert.throws(() => readUserRules(dir, 'rules'), /severity must be error or warning/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
