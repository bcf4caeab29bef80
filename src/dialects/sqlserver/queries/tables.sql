-- User tables (sys.tables) with their MS_Description (class 1 = object or column, minor_id 0).
SELECT t.object_id,
       SCHEMA_NAME(t.schema_id) AS schema_name,
       t.name AS table_name,
       CAST(ep.value AS nvarchar(max)) AS comment
FROM sys.tables t
LEFT JOIN sys.extended_properties ep
       ON ep.class = 1 AND ep.major_id = t.object_id AND ep.minor_id = 0 AND ep.name = N'MS_Description'
WHERE t.is_ms_shipped = 0 AND SCHEMA_NAME(t.schema_id) IN (/*schemas*/)
ORDER BY schema_name, t.name
