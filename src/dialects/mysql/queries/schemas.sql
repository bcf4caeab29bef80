-- Schemas (databases) with their default character set and collation. ? = schema list.
SELECT s.SCHEMA_NAME AS schema_name,
       s.DEFAULT_CHARACTER_SET_NAME AS charset,
       s.DEFAULT_COLLATION_NAME AS collation,
       {{mariadb: s.SCHEMA_COMMENT | ''}} AS comment
FROM information_schema.SCHEMATA s
WHERE s.SCHEMA_NAME IN (?)
ORDER BY s.SCHEMA_NAME
