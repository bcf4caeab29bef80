/**
 * Oracle normalization, value by value: type text from ALL_TAB_COLS' columns (NUMBER vs INTEGER,
 * BYTE/CHAR semantics, FLOAT, user-defined types), expressions (upper-case folding outside quotes,
 * whitespace), defaults (NULL and '' are no default), stored PL/SQL headers, identity options,
 * constraint states, trigger types and events.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  columnType,
  constraintState,
  normalizeDefault,
  normalizeExpression,
  parseIdentityOptions,
  qualifyHeader,
  qualifyTriggerDescription,
  sourceText,
  triggerEvents,
  triggerTiming,
  type TypeColumns,
} from '../../src/dialects/oracle/oracle-normalizer.ts';
import { foldIdentifier, qualifiedName, quoteLiteral } from '../../src/dialects/oracle/oracle-quoting.ts';

const type = (c: Partial<TypeColumns> & { DATA_TYPE: string }): string =>
  columnType({ DATA_TYPE_OWNER: null, DATA_LENGTH: 22, DATA_PRECISION: null, DATA_SCALE: null, CHAR_LENGTH: 0, CHAR_USED: null, ...c });

test('NUMBER without precision and scale 0 is INTEGER (INT, INTEGER, SMALLINT are stored so)', () => {
  assert.is(type({ DATA_TYPE: 'NUMBER', DATA_SCALE: 0 }), 'INTEGER');
});

test('NUMBER with neither precision nor scale stays NUMBER; NUMBER(38) keeps its precision', () => {
  assert.is(type({ DATA_TYPE: 'NUMBER' }), 'NUMBER');
  assert.is(type({ DATA_TYPE: 'NUMBER', DATA_PRECISION: 38, DATA_SCALE: 0 }), 'NUMBER(38)');
});

test('NUMBER(p,s) and NUMBER(*,s)', () => {
  assert.is(type({ DATA_TYPE: 'NUMBER', DATA_PRECISION: 8, DATA_SCALE: 2 }), 'NUMBER(8,2)');
  assert.is(type({ DATA_TYPE: 'NUMBER', DATA_SCALE: 2 }), 'NUMBER(*,2)');
});

test('FLOAT: binary precision 126 is plain FLOAT (= DOUBLE PRECISION), others keep it', () => {
  assert.is(type({ DATA_TYPE: 'FLOAT', DATA_PRECISION: 126 }), 'FLOAT');
  assert.is(type({ DATA_TYPE: 'FLOAT', DATA_PRECISION: 63 }), 'FLOAT(63)');
});

test('VARCHAR2 and CHAR state their length semantics, from CHAR_LENGTH and CHAR_USED', () => {
  assert.is(type({ DATA_TYPE: 'VARCHAR2', DATA_LENGTH: 80, CHAR_LENGTH: 20, CHAR_USED: 'C' }), 'VARCHAR2(20 CHAR)');
  assert.is(type({ DATA_TYPE: 'VARCHAR2', DATA_LENGTH: 25, CHAR_LENGTH: 25, CHAR_USED: 'B' }), 'VARCHAR2(25 BYTE)');
  assert.is(type({ DATA_TYPE: 'CHAR', DATA_LENGTH: 12, CHAR_LENGTH: 3, CHAR_USED: 'C' }), 'CHAR(3 CHAR)');
});

test('NVARCHAR2 and NCHAR are in characters (no semantics to state)', () => {
  assert.is(type({ DATA_TYPE: 'NVARCHAR2', DATA_LENGTH: 200, CHAR_LENGTH: 100, CHAR_USED: 'C' }), 'NVARCHAR2(100)');
  assert.is(type({ DATA_TYPE: 'NCHAR', DATA_LENGTH: 10, CHAR_LENGTH: 5, CHAR_USED: 'C' }), 'NCHAR(5)');
});

test('RAW and UROWID take DATA_LENGTH; DATE, TIMESTAMP(n) and INTERVAL come as DATA_TYPE says', () => {
  assert.is(type({ DATA_TYPE: 'RAW', DATA_LENGTH: 16 }), 'RAW(16)');
  assert.is(type({ DATA_TYPE: 'DATE', DATA_LENGTH: 7 }), 'DATE');
  assert.is(type({ DATA_TYPE: 'TIMESTAMP(6) WITH TIME ZONE', DATA_SCALE: 6 }), 'TIMESTAMP(6) WITH TIME ZONE');
  assert.is(type({ DATA_TYPE: 'INTERVAL DAY(2) TO SECOND(6)' }), 'INTERVAL DAY(2) TO SECOND(6)');
});

test('a user-defined type is qualified with its owner; SYS types (XMLTYPE) are not', () => {
  assert.is(type({ DATA_TYPE: 'ADDRESS_T', DATA_TYPE_OWNER: 'HR' }), '"HR"."ADDRESS_T"');
  assert.is(type({ DATA_TYPE: 'XMLTYPE', DATA_TYPE_OWNER: 'SYS' }), 'XMLTYPE');
});

test('expressions: unquoted words upper-cased, literals and quoted names kept, whitespace collapsed', () => {
  assert.is(normalizeExpression("  status in ('a',  'I')\n"), "STATUS IN ('a', 'I')");
  assert.is(normalizeExpression('"MixedCase" >= ( 1 )'), '"MixedCase" >= (1)');
  assert.is(normalizeExpression("note = 'it''s  here'"), "NOTE = 'it''s  here'");
});

test('defaults: trailing spaces and newline dropped, sysdate = SYSDATE', () => {
  assert.is(normalizeDefault('sysdate\n'), 'SYSDATE');
  assert.is(normalizeDefault('0 '), '0');
  assert.is(normalizeDefault("'HQ' "), "'HQ'");
});

test("defaults: NULL and '' (an empty string is NULL in Oracle) are no default", () => {
  assert.is(normalizeDefault('NULL'), undefined);
  assert.is(normalizeDefault('null '), undefined);
  assert.is(normalizeDefault("''"), undefined);
  assert.is(normalizeDefault(null), undefined);
});

test('stored PL/SQL: header qualified with the owner, whatever case and qualification the author wrote', () => {
  assert.is(qualifyHeader('procedure raise_salary(p in number) as', 'PROCEDURE', 'HR', 'RAISE_SALARY'), 'PROCEDURE "HR"."RAISE_SALARY"(p in number) as');
  assert.is(qualifyHeader('PACKAGE BODY hr.payroll AS', 'PACKAGE BODY', 'HR', 'PAYROLL'), 'PACKAGE BODY "HR"."PAYROLL" AS');
  assert.is(qualifyHeader('type  "Point"  as object (x number);', 'TYPE', 'GEO', 'Point'), 'TYPE "GEO"."Point"  as object (x number);');
  assert.is(qualifyHeader('FUNCTION f RETURN NUMBER', 'FUNCTION', '', 'F'), 'FUNCTION "F" RETURN NUMBER');
});

test('a trigger description gets the qualified trigger name', () => {
  assert.is(qualifyTriggerDescription('hr.emp_bi_trg\nbefore insert on employees\n', 'HR', 'EMP_BI_TRG'), '"HR"."EMP_BI_TRG"\nbefore insert on employees');
});

test('source lines: joined, trailing spaces of each line and the text dropped', () => {
  assert.is(sourceText(['begin   \n', '  null;\n', 'end;\n\n']), 'begin\n  null;\nend;');
});

test('identity options parsed from IDENTITY_OPTIONS; NOCACHE (0) and NOCYCLE are absent', () => {
  assert.equal(parseIdentityOptions('START WITH: 1000, INCREMENT BY: 1, MAX_VALUE: 9999999999999999999999999999, MIN_VALUE: 1, CYCLE_FLAG: N, CACHE_SIZE: 20, ORDER_FLAG: N'), {
    start: '1000',
    increment: '1',
    minValue: '1',
    maxValue: '9999999999999999999999999999',
    cache: '20',
  });
  assert.equal(parseIdentityOptions('START WITH: 5, INCREMENT BY: 5, MAX_VALUE: 100, MIN_VALUE: 5, CYCLE_FLAG: Y, CACHE_SIZE: 0'), {
    start: '5',
    increment: '5',
    minValue: '5',
    maxValue: '100',
    cycle: true,
  });
});

test('constraint states: ENABLE VALIDATE is the default, the others are written as their clause', () => {
  assert.is(constraintState('ENABLED', 'VALIDATED'), undefined);
  assert.is(constraintState('ENABLED', 'NOT VALIDATED'), 'ENABLE NOVALIDATE');
  assert.is(constraintState('DISABLED', 'NOT VALIDATED'), 'DISABLE');
  assert.is(constraintState('DISABLED', 'VALIDATED'), 'DISABLE VALIDATE');
});

test('trigger types and events', () => {
  assert.equal(triggerTiming('BEFORE EACH ROW'), { timing: 'BEFORE', level: 'ROW' });
  assert.equal(triggerTiming('AFTER STATEMENT'), { timing: 'AFTER', level: 'STATEMENT' });
  assert.equal(triggerTiming('INSTEAD OF'), { timing: 'INSTEAD OF', level: 'ROW' });
  assert.equal(triggerEvents('INSERT OR UPDATE OR DELETE'), ['DELETE', 'INSERT', 'UPDATE']);
});

test('quoting: names always quoted, schema "" unqualified, literals with doubled quotes, user input folded', () => {
  assert.is(qualifiedName('HR', 'EMP'), '"HR"."EMP"');
  assert.is(qualifiedName('', 'EMP'), '"EMP"');
  assert.is(quoteLiteral("it's"), "'it''s'");
  assert.is(foldIdentifier('hr'), 'HR');
  assert.is(foldIdentifier('"Sales"'), 'Sales');
});

test.run();
