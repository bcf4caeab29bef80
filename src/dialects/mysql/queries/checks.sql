-- Check constraints. MariaDB names checks per table and says whether a check was written on a
-- column (LEVEL = 'Column', named after the column: how `json` columns get json_valid()); its
-- CHECK_CONSTRAINTS has the table name, so it is read alone (a join with TABLE_CONSTRAINTS runs row by
-- row there). MySQL 8 needs TABLE_CONSTRAINTS for the table.
{{mariadb:
SELECT cc.CONSTRAINT_SCHEMA AS table_schema,
       cc.TABLE_NAME AS table_name,
       cc.CONSTRAINT_NAME AS constraint_name,
       cc.CHECK_CLAUSE AS check_clause,
       cc.LEVEL AS level
FROM information_schema.CHECK_CONSTRAINTS cc
WHERE cc.CONSTRAINT_SCHEMA IN (?)
ORDER BY cc.CONSTRAINT_SCHEMA, cc.TABLE_NAME, cc.CONSTRAINT_NAME
|
SELECT tc.TABLE_SCHEMA AS table_schema,
       tc.TABLE_NAME AS table_name,
       tc.CONSTRAINT_NAME AS constraint_name,
       cc.CHECK_CLAUSE AS check_clause,
       'Table' AS level
FROM information_schema.TABLE_CONSTRAINTS tc
JOIN information_schema.CHECK_CONSTRAINTS cc
  ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
WHERE tc.TABLE_SCHEMA IN (?) AND tc.CONSTRAINT_TYPE = 'CHECK'
ORDER BY tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME
}}
