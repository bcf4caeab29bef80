-- Views. VIEW_DEFINITION is the server's rewrite of the query, every name qualified.
SELECT v.TABLE_SCHEMA AS table_schema,
       v.TABLE_NAME AS table_name,
       v.VIEW_DEFINITION AS definition,
       v.CHECK_OPTION AS check_option,
       v.SECURITY_TYPE AS security_type,
       {{mariadb: v.ALGORITHM | 'UNDEFINED'}} AS algorithm
FROM information_schema.VIEWS v
WHERE v.TABLE_SCHEMA IN (?)
ORDER BY v.TABLE_SCHEMA, v.TABLE_NAME
