-- Columns of base tables, in table order. MariaDB and MySQL 8 differ in COLUMN_DEFAULT (see the
-- normalizer); EXTRA carries auto_increment, ON UPDATE and the generated-column kind.
SELECT c.TABLE_SCHEMA AS table_schema,
       c.TABLE_NAME AS table_name,
       c.COLUMN_NAME AS column_name,
       c.ORDINAL_POSITION AS position,
       c.COLUMN_TYPE AS column_type,
       c.DATA_TYPE AS data_type,
       c.COLUMN_DEFAULT AS column_default,
       c.IS_NULLABLE AS is_nullable,
       c.EXTRA AS extra,
       c.CHARACTER_SET_NAME AS charset,
       c.COLLATION_NAME AS collation,
       c.GENERATION_EXPRESSION AS generation_expression,
       c.COLUMN_COMMENT AS comment
FROM information_schema.COLUMNS c
JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
WHERE c.TABLE_SCHEMA IN (?) AND t.TABLE_TYPE = 'BASE TABLE'
ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION
