-- Parameters of functions and procedures in order; parameter_id 0 (name '') is a scalar function's
-- return value. Lengths as in columns.sql.
SELECT p.object_id,
       p.parameter_id,
       p.name AS parameter_name,
       ty.name AS type_name,
       SCHEMA_NAME(ty.schema_id) AS type_schema,
       ty.is_user_defined,
       p.max_length,
       p.precision,
       p.scale,
       p.is_output,
       p.is_readonly
FROM sys.parameters p
JOIN sys.objects o ON o.object_id = p.object_id
JOIN sys.types ty ON ty.user_type_id = p.user_type_id
WHERE o.is_ms_shipped = 0 AND o.type IN ('FN', 'IF', 'TF', 'P') AND SCHEMA_NAME(o.schema_id) IN (/*schemas*/)
ORDER BY p.object_id, p.parameter_id
