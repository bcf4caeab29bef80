/** Splitting DELIMITER-free MySQL scripts back into statements (src/dialects/mysql/mysql-script.ts). */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { splitMysqlStatements } from '../../src/dialects/mysql/mysql-script.ts';

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

test.run();
