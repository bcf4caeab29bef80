/**
 * Splitting MySQL scripts into statements, with and without DELIMITER, and writing statements so that
 * they split back (src/dialects/mysql/mysql-script.ts). That the mysql client reads the written form
 * the same way is proved by the round-trip corpus, which runs every generated script with it.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { delimitedStatement, holdsTerminator, splitMysqlScript, splitMysqlStatements, terminatedStatement } from '../../src/dialects/mysql/mysql-script.ts';

test('plain statements, strings holding semicolons; comments between statements dropped', () => {
  const script = [
    '-- header; not a statement',
    "INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`);",
    '/* block; comment */ CREATE TABLE `x;y` (a int);',
    '# hash comment;',
    "SELECT 'it''s; fine', 'back\\\\'';'",
    ';',
  ].join('\n');
  assert.equal(splitMysqlStatements(script), [
    "INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`)",
    'CREATE TABLE `x;y` (a int)',
    "SELECT 'it''s; fine', 'back\\\\'';'",
  ]);
});

test('stored programs with BEGIN ... END blocks and nested control flow stay one statement', () => {
  const procedure = [
    'CREATE PROCEDURE `app`.`p`(INOUT batch int)',
    'BEGIN',
    '    DECLARE i int DEFAULT 0;',
    '    del: LOOP',
    '        SET i = i + 1;',
    '        IF i > batch THEN LEAVE del; END IF;',
    '    END LOOP del;',
    '    WHILE i > 0 DO SET i = i - 1; END WHILE;',
    '    REPEAT SET i = i + 1; UNTIL i >= 2 END REPEAT;',
    '    CASE batch WHEN 0 THEN SET batch = 1; ELSE SET batch = IF(batch > 1, 2, 3); END CASE;',
    '    SELECT CASE WHEN i > 0 THEN 1 ELSE 0 END INTO i;',
    'END',
  ].join('\n');
  const trigger = "CREATE TRIGGER `app`.`t` BEFORE UPDATE ON `app`.`a` FOR EACH ROW BEGIN IF NEW.x < 0 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'no; never'; END IF; END";
  const triggerIf = 'CREATE TRIGGER `app`.`u` BEFORE INSERT ON `app`.`a` FOR EACH ROW IF NEW.x IS NULL THEN SET NEW.x = 0; END IF';
  const script = `${procedure};\n\nDROP TABLE IF EXISTS t;\n\n${trigger};\n\n${triggerIf};\n\nSELECT REPEAT('a', 2), IF(1, 2, 3);\n`;
  assert.equal(splitMysqlStatements(script), [procedure, 'DROP TABLE IF EXISTS t', trigger, triggerIf, "SELECT REPEAT('a', 2), IF(1, 2, 3)"]);
});

test('a transaction BEGIN at the start of a statement is not a block', () => {
  assert.equal(splitMysqlStatements('BEGIN; UPDATE t SET a = 1; COMMIT;'), ['BEGIN', 'UPDATE t SET a = 1', 'COMMIT']);
  assert.equal(splitMysqlStatements('BEGIN WORK; SELECT 1;'), ['BEGIN WORK', 'SELECT 1']);
});

test('events with compound bodies', () => {
  const event = 'CREATE EVENT `app`.`e` ON SCHEDULE EVERY 1 DAY ON COMPLETION PRESERVE ENABLE DO BEGIN DELETE FROM a; DELETE FROM b; END';
  assert.equal(splitMysqlStatements(`${event};\nSELECT 1;`), [event, 'SELECT 1']);
});

test('DELIMITER changes the delimiter until the next one; the commands are not statements', () => {
  const script = [
    'CREATE TABLE t (a int);',
    'DELIMITER $$',
    'CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW begin',
    'set NEW.a = NEW.a + 10;',
    'end$$',
    'CREATE PROCEDURE p() SELECT 1; SELECT 2$$',
    '$$',
    'DELIMITER ;',
    'INSERT INTO t VALUES (1);',
    'delimiter //',
    "CREATE FUNCTION f() RETURNS int BEGIN RETURN 1; END //",
    'Delimiter ;',
    'SELECT 3',
  ].join('\n');
  assert.equal(splitMysqlStatements(script), [
    'CREATE TABLE t (a int)',
    'CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW begin\nset NEW.a = NEW.a + 10;\nend',
    // With a delimiter other than `;`, the first one ends the statement, blocks or not (the mysql client's reading).
    'CREATE PROCEDURE p() SELECT 1; SELECT 2',
    'INSERT INTO t VALUES (1)',
    'CREATE FUNCTION f() RETURNS int BEGIN RETURN 1; END',
    'SELECT 3',
  ]);
});

test('a delimiter inside strings, quoted names and comments does not end a statement', () => {
  const body = "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET @a = 'x$$y', @b = \"$$\"; SET @`c$$d` = 1; -- $$ here\n /* $$ */ SET @e = 2; # $$\nEND";
  assert.equal(splitMysqlStatements(`DELIMITER $$\n${body}$$\nDELIMITER ;\nSELECT 1;`), [body, 'SELECT 1']);
});

test('DELIMITER is a command only where a statement starts, and only with a delimiter on its line', () => {
  assert.equal(splitMysqlStatements('SELECT 1 AS delimiter; SELECT delimiter FROM t;'), ['SELECT 1 AS delimiter', 'SELECT delimiter FROM t']);
  // Without a delimiter on its line it is SQL (the server reports it).
  assert.equal(splitMysqlStatements('DELIMITER\n$$\nSELECT 1;'), ['DELIMITER\n$$\nSELECT 1']);
  // After another statement on the same line, with quotes around the delimiter (as the mysql client takes them off).
  assert.equal(splitMysqlStatements("SELECT 1; DELIMITER '//'\nSELECT 2; SELECT 3//\nDELIMITER ;\nSELECT 4;"), ['SELECT 1', 'SELECT 2; SELECT 3', 'SELECT 4']);
  // The rest of the line after the delimiter's first word is not read.
  assert.equal(splitMysqlStatements('DELIMITER $$ the rest\nSELECT 1$$'), ['SELECT 1']);
});

test('statements keep their lines after DELIMITER lines; a last statement without delimiter counts', () => {
  const script = '-- header\nDELIMITER $$\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND\n$$\nDELIMITER ;\n\nSELECT 2;\nDELIMITER $$\nSELECT 3';
  assert.equal(
    splitMysqlScript(script).map((s) => [s.startLine, s.text]),
    [
      [3, 'CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND'],
      [10, 'SELECT 2'],
      [12, 'SELECT 3'],
    ],
  );
});

test('writing: a statement with a ; of its own is delimited with a delimiter it does not hold, and splits back', () => {
  const compound = 'CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END';
  const dollars = "CREATE PROCEDURE p() BEGIN SELECT '$$', '$$$'; END";
  const simple = "CREATE TRIGGER tr2 BEFORE INSERT ON t FOR EACH ROW SET NEW.b = 'a;b'";
  assert.ok(holdsTerminator(compound));
  assert.not.ok(holdsTerminator(simple), 'a ; in a string does not count');
  assert.not.ok(holdsTerminator('CREATE TABLE `a;b` (c int) -- ;\n'), 'nor one in a quoted name or a comment');
  assert.is(delimitedStatement(compound), `DELIMITER $$\n${compound}\n$$\nDELIMITER ;`);
  assert.is(delimitedStatement(dollars), `DELIMITER $$$$\n${dollars}\n$$$$\nDELIMITER ;`);
  assert.is(terminatedStatement(simple), `${simple};`);
  assert.is(terminatedStatement(compound), delimitedStatement(compound));
  const script = [compound, dollars, simple, 'DROP TABLE t'].map(terminatedStatement).join('\n\n');
  assert.equal(splitMysqlStatements(script), [compound, dollars, simple, 'DROP TABLE t']);
});

test.run();
