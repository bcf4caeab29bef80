-- Sequences: start, increment, bounds and current value are sql_variant of the sequence's type (the
-- driver returns int as a number, bigint as a string, decimal as a number); cache_size is NULL for
-- the default cache and with NO CACHE (is_cached = 0).
SELECT SCHEMA_NAME(s.schema_id) AS schema_name,
       s.name AS sequence_name,
       TYPE_NAME(s.user_type_id) AS type_name,
       s.precision,
       s.start_value,
       s.increment,
       s.minimum_value,
       s.maximum_value,
       s.is_cycling,
       s.is_cached,
       s.cache_size,
       CAST(ep.value AS nvarchar(max)) AS comment
FROM sys.sequences s
LEFT JOIN sys.extended_properties ep
       ON ep.class = 1 AND ep.major_id = s.object_id AND ep.minor_id = 0 AND ep.name = N'MS_Description'
WHERE SCHEMA_NAME(s.schema_id) IN (/*schemas*/)
ORDER BY schema_name, s.name
