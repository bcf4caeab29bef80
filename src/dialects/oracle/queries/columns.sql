-- Columns of tables, views and materialized views (ALL_TAB_COLS, so that INVISIBLE columns are read;
-- system-generated hidden columns, USER_GENERATED = 'NO', are not), with comments (ALL_COL_COMMENTS).
-- DATA_DEFAULT is a LONG: it is selected as it is, never passed to a function or compared (which
-- Oracle refuses for LONG); node-oracledb delivers a LONG as a JS string. For a virtual column it
-- holds the expression.
SELECT c.OWNER, c.TABLE_NAME, c.COLUMN_NAME, c.INTERNAL_COLUMN_ID, c.DATA_TYPE, c.DATA_TYPE_OWNER,
       c.DATA_LENGTH, c.DATA_PRECISION, c.DATA_SCALE, c.CHAR_LENGTH, c.CHAR_USED, c.NULLABLE,
       c.HIDDEN_COLUMN, c.VIRTUAL_COLUMN, c.IDENTITY_COLUMN, c.DEFAULT_ON_NULL, cc.COMMENTS, c.DATA_DEFAULT
FROM ALL_TAB_COLS c
LEFT JOIN ALL_COL_COMMENTS cc ON cc.OWNER = c.OWNER AND cc.TABLE_NAME = c.TABLE_NAME AND cc.COLUMN_NAME = c.COLUMN_NAME
WHERE c.OWNER IN ({{schemas}})
  AND c.USER_GENERATED = 'YES'
  AND c.TABLE_NAME NOT LIKE 'BIN$%'
ORDER BY c.OWNER, c.TABLE_NAME, c.INTERNAL_COLUMN_ID
