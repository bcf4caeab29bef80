-- Check constraints. MariaDB names checks per table and says whether a check was written on a
-- column (LEVEL = 'Column', named after the column: how `json` columns get json_valid()).
SELECT tc.TABLE_SCHEMA AS table_schema,
       tc.TABLE_NAME AS table_name,
       tc.CONSTRAINT_NAME AS constraint_name,
       cc.CHECK_CLAUSE AS check_clause,
       {{mariadb: cc.LEVEL | 'Table'}} AS level
FROM information_schema.TABLE_CONSTRAINTS tc
JOIN information_schema.CHECK_CONSTRAINTS cc
  ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
  {{mariadb: AND cc.TABLE_NAME = tc.TABLE_NAME | }}
WHERE tc.TABLE_SCHEMA IN (?) AND tc.CONSTRAINT_TYPE = 'CHECK'
ORDER BY tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME
