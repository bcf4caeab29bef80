-- Alias types (CREATE TYPE ... FROM): the base type with its length, NULL or NOT NULL. Table types
-- and CLR types are not read. MS_Description of a type: class 6.
SELECT SCHEMA_NAME(t.schema_id) AS schema_name,
       t.name AS type_name,
       TYPE_NAME(t.system_type_id) AS base_type,
       t.max_length,
       t.precision,
       t.scale,
       t.is_nullable,
       CAST(ep.value AS nvarchar(max)) AS comment
FROM sys.types t
LEFT JOIN sys.extended_properties ep
       ON ep.class = 6 AND ep.major_id = t.user_type_id AND ep.minor_id = 0 AND ep.name = N'MS_Description'
WHERE t.is_user_defined = 1 AND t.is_table_type = 0 AND t.is_assembly_type = 0 AND SCHEMA_NAME(t.schema_id) IN (/*schemas*/)
ORDER BY schema_name, t.name
