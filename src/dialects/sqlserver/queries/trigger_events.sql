-- The statements each DML trigger fires on (INSERT, UPDATE, DELETE).
SELECT te.object_id,
       te.type_desc
FROM sys.trigger_events te
JOIN sys.objects o ON o.object_id = te.object_id
WHERE o.is_ms_shipped = 0 AND SCHEMA_NAME(o.schema_id) IN (/*schemas*/)
ORDER BY te.object_id, te.type_desc
