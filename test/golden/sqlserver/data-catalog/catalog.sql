
SELECT s.name AS schema_name, o.name AS table_name, CAST(CASE WHEN o.type = 'V' THEN 1 ELSE 0 END AS BIT) AS is_view,
       (SELECT SUM(p.rows) FROM sys.partitions p WHERE p.object_id = o.object_id AND p.index_id IN (0, 1)) AS estimated
  FROM sys.objects o
  JOIN sys.schemas s ON s.schema_id = o.schema_id
 WHERE o.type IN ('U', 'V') AND o.is_ms_shipped = 0 AND s.name IN (@p1, @p2)
;

SELECT s.name AS schema_name, o.name AS table_name, c.name AS name,
       LOWER(CASE WHEN t.is_user_defined = 1 AND t.is_assembly_type = 0 THEN b.name ELSE t.name END) AS data_type,
       c.max_length, c.precision, c.scale, c.is_nullable, c.collation_name
  FROM sys.columns c
  JOIN sys.objects o ON o.object_id = c.object_id
  JOIN sys.schemas s ON s.schema_id = o.schema_id
  JOIN sys.types t ON t.user_type_id = c.user_type_id
  LEFT JOIN sys.types b ON b.user_type_id = t.system_type_id
 WHERE o.type IN ('U', 'V') AND o.is_ms_shipped = 0 AND s.name IN (@p1, @p2)
 ORDER BY s.name, o.name, c.column_id
;

SELECT s.name AS schema_name, o.name AS table_name, i.index_id, i.is_primary_key, c.name AS column_name
  FROM sys.indexes i
  JOIN sys.objects o ON o.object_id = i.object_id
  JOIN sys.schemas s ON s.schema_id = o.schema_id
  JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.is_included_column = 0 AND ic.key_ordinal > 0
  JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
 WHERE i.is_unique = 1 AND i.has_filter = 0 AND i.is_disabled = 0 AND i.is_hypothetical = 0 AND s.name = SCHEMA_NAME() AND o.name = @p1
 ORDER BY s.name, o.name, i.index_id, ic.key_ordinal
