-- Base tables with their options. ROW_FORMAT is the effective format; CREATE_OPTIONS holds the one
-- the DDL asked for (`row_format=DYNAMIC`), which is what the model keeps.
SELECT t.TABLE_SCHEMA AS table_schema,
       t.TABLE_NAME AS table_name,
       t.ENGINE AS engine,
       t.TABLE_COLLATION AS collation,
       c.CHARACTER_SET_NAME AS charset,
       t.CREATE_OPTIONS AS create_options,
       t.TABLE_COMMENT AS comment
FROM information_schema.TABLES t
LEFT JOIN information_schema.COLLATION_CHARACTER_SET_APPLICABILITY c ON c.COLLATION_NAME = t.TABLE_COLLATION
WHERE t.TABLE_SCHEMA IN (?) AND t.TABLE_TYPE = 'BASE TABLE'
ORDER BY t.TABLE_SCHEMA, t.TABLE_NAME
