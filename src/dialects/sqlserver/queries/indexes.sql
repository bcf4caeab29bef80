-- Indexes of user tables, primary key and unique constraints included (their index has the
-- constraint's name), one row per column: key columns in key_ordinal order, then INCLUDE columns.
-- type_desc: CLUSTERED, NONCLUSTERED, CLUSTERED COLUMNSTORE, NONCLUSTERED COLUMNSTORE, XML, SPATIAL;
-- heaps (type 0) and hypothetical indexes are left out. MS_Description of an index: class 7.
SELECT i.object_id,
       i.index_id,
       i.name AS index_name,
       i.type_desc,
       i.is_unique,
       i.is_primary_key,
       i.is_unique_constraint,
       i.has_filter,
       i.filter_definition,
       i.is_disabled,
       ic.key_ordinal,
       ic.index_column_id,
       ic.is_descending_key,
       ic.is_included_column,
       COL_NAME(ic.object_id, ic.column_id) AS column_name,
       CAST(ep.value AS nvarchar(max)) AS comment
FROM sys.indexes i
JOIN sys.tables t ON t.object_id = i.object_id
JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
LEFT JOIN sys.extended_properties ep
       ON ep.class = 7 AND ep.major_id = i.object_id AND ep.minor_id = i.index_id AND ep.name = N'MS_Description'
WHERE i.type > 0 AND i.is_hypothetical = 0 AND t.is_ms_shipped = 0 AND SCHEMA_NAME(t.schema_id) IN (/*schemas*/)
ORDER BY i.object_id, i.index_id, ic.is_included_column, ic.key_ordinal, ic.index_column_id
