/**
 * SQL Server text handling without a server: GO batches as sqlcmd/SSMS/Flyway split them, types with
 * their lengths, the parentheses SQL Server puts around defaults and checks, module text, ALTER of a
 * module, quoting.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { normalizeModule, stripParens, typeText, variantText } from '../../src/dialects/sqlserver/sqlserver-normalizer.ts';
import { qualifiedName, quoteIdent, quoteString, unquoteIdent } from '../../src/dialects/sqlserver/sqlserver-quoting.ts';
import { alterModuleText } from '../../src/dialects/sqlserver/sqlserver-render.ts';
import { widens } from '../../src/dialects/sqlserver/sqlserver-migration-table.ts';
import { splitBatches } from '../../src/dialects/sqlserver/sqlserver-script.ts';

test('GO alone on a line ends a batch (any case, blanks, a comment after it); lines are the script\'s', () => {
  const script = 'CREATE TABLE t (a int)\nGO\n\n  create view v as select 1 as a\n  go  -- the view\nSELECT 1\nGo';
  assert.equal(splitBatches(script), [
    { text: 'CREATE TABLE t (a int)', startLine: 1, count: 1 },
    { text: '  create view v as select 1 as a', startLine: 4, count: 1 },
    { text: 'SELECT 1', startLine: 6, count: 1 },
  ]);
});

test('GO n repeats the batch; a script without GO is one batch; empty batches and comment-only ones are dropped', () => {
  assert.equal(splitBatches('INSERT INTO t DEFAULT VALUES\nGO 3\nGO\n-- nothing\nGO'), [{ text: 'INSERT INTO t DEFAULT VALUES', startLine: 1, count: 3 }]);
  assert.equal(splitBatches('SELECT 1;\nSELECT 2;'), [{ text: 'SELECT 1;\nSELECT 2;', startLine: 1, count: 1 }]);
  assert.equal(splitBatches('\r\n\r\nSELECT 1\r\nGO\r\n'), [{ text: 'SELECT 1', startLine: 3, count: 1 }]);
});

test('GO inside a string, a bracketed name or a (nested) block comment is text, not a separator', () => {
  const script = "SELECT 'line\nGO\nstill the string'\nGO\nSELECT [a\nGO\nb]\nGO\n/* outer /* inner */\nGO\n*/ SELECT 2\nGO\nSELECT 'it''s'\nGO";
  assert.equal(
    splitBatches(script).map((b) => [b.startLine, b.text]),
    [
      [1, "SELECT 'line\nGO\nstill the string'"],
      [5, 'SELECT [a\nGO\nb]'],
      [9, '/* outer /* inner */\nGO\n*/ SELECT 2'],
      [13, "SELECT 'it''s'"],
    ],
  );
  assert.equal(splitBatches('SELECT 1 -- GO\nGOTO_label:\nGO').map((b) => b.text), ['SELECT 1 -- GO\nGOTO_label:']);
});

test('types: lengths in bytes, characters for n-types, max, precision and scale, fractional seconds', () => {
  const t = (type_name: string, max_length: number, precision = 0, scale = 0) => typeText({ type_name, max_length, precision, scale });
  assert.equal(
    [t('varchar', 50), t('varchar', -1), t('nvarchar', 100), t('nvarchar', -1), t('nchar', 20), t('varbinary', 16), t('binary', 8), t('char', 3)],
    ['varchar(50)', 'varchar(max)', 'nvarchar(50)', 'nvarchar(max)', 'nchar(10)', 'varbinary(16)', 'binary(8)', 'char(3)'],
  );
  assert.equal(
    [t('decimal', 9, 12, 2), t('numeric', 5, 9, 0), t('datetime2', 8, 27, 7), t('time', 3, 10, 0), t('datetimeoffset', 10, 34, 7), t('int', 4, 10), t('BIT', 1, 1), t('float', 8, 53), t('real', 4, 24), t('sysname', 256)],
    ['decimal(12,2)', 'numeric(9,0)', 'datetime2(7)', 'time(0)', 'datetimeoffset(7)', 'int', 'bit', 'float', 'real', 'sysname'],
  );
  assert.is(typeText({ type_name: 'Phone', type_schema: 'dbo', is_user_defined: true, max_length: 40, precision: 0, scale: 0 }), '[dbo].[Phone]');
});

test('defaults and checks: the parentheses SQL Server adds are removed, inner ones kept', () => {
  assert.equal(
    ['((0))', '((-1))', '(getdate())', "('new')", "(N'x')", '((1)+(2))', '([a]>(0))', "(('('))", '(([a]))', "([status]='done' OR [status]='new')"].map(stripParens),
    ['0', '-1', 'getdate()', "'new'", "N'x'", '(1)+(2)', '[a]>(0)', "'('", '[a]', "[status]='done' OR [status]='new'"],
  );
  assert.is(stripParens('(a) + (b)'), '(a) + (b)', 'two groups are not one');
});

test('module text: CRLF and CR made LF, trailing blanks and blank lines around removed, the rest as written', () => {
  assert.is(normalizeModule('\r\n\r\nCREATE VIEW v  \r\nAS\tSELECT 1 \t\r\n\r\n'), 'CREATE VIEW v\nAS\tSELECT 1');
  assert.is(normalizeModule('CREATE PROC p\rAS\r    SELECT 1'), 'CREATE PROC p\nAS\n    SELECT 1');
});

test('ALTER of a module keeps the text, comments before CREATE included; CREATE OR ALTER becomes ALTER', () => {
  assert.is(alterModuleText('CREATE VIEW v AS SELECT 1'), 'ALTER VIEW v AS SELECT 1');
  assert.is(alterModuleText('-- reporting\n/* v2 */\ncreate   or alter function f() returns int as begin return 1 end'), '-- reporting\n/* v2 */\nALTER function f() returns int as begin return 1 end');
  assert.is(alterModuleText('CREATE PROCEDURE p AS SELECT \'CREATE\''), "ALTER PROCEDURE p AS SELECT 'CREATE'");
});

test('quoting: brackets with ] doubled, N-strings with \' doubled, names read back', () => {
  assert.equal([quoteIdent('a]b'), qualifiedName('s', 't'), qualifiedName('', 't'), quoteString("it's")], ['[a]]b]', '[s].[t]', '[t]', "N'it''s'"]);
  assert.equal([unquoteIdent('[a]]b]'), unquoteIdent('"x""y"'), unquoteIdent('plain')], ['a]b', 'x"y', 'plain']);
});

test('sql_variant values: bigint strings and int numbers read the same; NULL is absent', () => {
  assert.equal([variantText('9223372036854775807'), variantText(10), variantText(null)], ['9223372036854775807', '10', undefined]);
});

test('widening type changes keep every value; others are destructive', () => {
  assert.ok(widens('varchar(20)', 'varchar(40)') && widens('nvarchar(10)', 'nvarchar(max)') && widens('int', 'bigint') && widens('tinyint', 'int'));
  assert.not.ok(widens('varchar(40)', 'varchar(20)') || widens('nvarchar(max)', 'nvarchar(4000)') || widens('bigint', 'int') || widens('varchar(10)', 'nvarchar(10)') || widens('int', 'decimal(10,0)'));
});

test.run();
