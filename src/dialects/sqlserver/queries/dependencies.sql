-- What views and functions read (by name, resolved to an object): orders views around table changes.
SELECT d.referencing_id AS object_id,
       OBJECT_SCHEMA_NAME(d.referenced_id) AS referenced_schema,
       OBJECT_NAME(d.referenced_id) AS referenced_name,
       ro.type AS referenced_type
FROM sys.sql_expression_dependencies d
JOIN sys.objects o ON o.object_id = d.referencing_id
JOIN sys.objects ro ON ro.object_id = d.referenced_id
WHERE o.type IN ('V', 'IF', 'TF', 'FN') AND SCHEMA_NAME(o.schema_id) IN (/*schemas*/)
ORDER BY d.referencing_id, referenced_schema, referenced_name
