-- SQL modules: views (V), scalar functions (FN), inline (IF) and multi-statement (TF) table-valued
-- functions, procedures (P) and DML triggers (TR), with their text as written (sys.sql_modules). The
-- type column is char(2): `V `, `P ` and `TR` come padded as the server stores them.
SELECT o.object_id,
       o.parent_object_id,
       SCHEMA_NAME(o.schema_id) AS schema_name,
       o.name AS object_name,
       o.type,
       m.definition,
       m.is_schema_bound,
       v.with_check_option,
       tr.is_disabled AS trigger_is_disabled,
       tr.is_instead_of_trigger,
       CAST(ep.value AS nvarchar(max)) AS comment
FROM sys.objects o
JOIN sys.sql_modules m ON m.object_id = o.object_id
LEFT JOIN sys.views v ON v.object_id = o.object_id
LEFT JOIN sys.triggers tr ON tr.object_id = o.object_id
LEFT JOIN sys.extended_properties ep
       ON ep.class = 1 AND ep.major_id = o.object_id AND ep.minor_id = 0 AND ep.name = N'MS_Description'
WHERE o.is_ms_shipped = 0 AND o.type IN ('V', 'FN', 'IF', 'TF', 'P', 'TR') AND SCHEMA_NAME(o.schema_id) IN (/*schemas*/)
ORDER BY schema_name, o.name
