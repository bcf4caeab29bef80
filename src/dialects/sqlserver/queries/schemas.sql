-- Schemas (sys.schemas) with their MS_Description (sys.extended_properties class 3 = SCHEMA).
SELECT s.schema_id,
       s.name AS schema_name,
       CAST(ep.value AS nvarchar(max)) AS comment
FROM sys.schemas s
LEFT JOIN sys.extended_properties ep
       ON ep.class = 3 AND ep.major_id = s.schema_id AND ep.minor_id = 0 AND ep.name = N'MS_Description'
WHERE s.name IN (/*schemas*/)
ORDER BY s.name
