-- Columns of tables and views, in table order (the assembler keeps those of base tables; joining
-- TABLES here to filter makes MariaDB's information_schema loop over TABLES per column: quadratic). MariaDB and MySQL 8 differ in COLUMN_DEFAULT (see the
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
WHERE c.TABLE_SCHEMA IN (?)
ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION
