-- Columns of user tables in column_id order: the type by name (an alias type with its schema), its
-- length in bytes (max_length; -1 for max, nvarchar/nchar count 2 bytes a character), precision and
-- scale; IDENTITY seed and increment (sql_variant: the driver returns the base type's value); computed
-- columns (definition, PERSISTED); the DEFAULT constraint (named by the user or by the system); the
-- collation only where it is not the database's; MS_Description.
SELECT c.object_id,
       c.column_id,
       c.name AS column_name,
       ty.name AS type_name,
       SCHEMA_NAME(ty.schema_id) AS type_schema,
       ty.is_user_defined,
       c.max_length,
       c.precision,
       c.scale,
       c.is_nullable,
       c.is_identity,
       ic.seed_value,
       ic.increment_value,
       ic.is_not_for_replication AS identity_not_for_replication,
       cc.definition AS computed_definition,
       cc.is_persisted,
       -- Compared in a binary collation: the two sides' own collations may differ (no collation conflict).
       CASE WHEN c.collation_name COLLATE Latin1_General_BIN2 <> CAST(DATABASEPROPERTYEX(DB_NAME(), 'Collation') AS nvarchar(128)) COLLATE Latin1_General_BIN2
            THEN c.collation_name END AS collation_name,
       dc.name AS default_name,
       dc.definition AS default_definition,
       dc.is_system_named AS default_is_system_named,
       CAST(ep.value AS nvarchar(max)) AS comment
FROM sys.columns c
JOIN sys.tables t ON t.object_id = c.object_id
JOIN sys.types ty ON ty.user_type_id = c.user_type_id
LEFT JOIN sys.identity_columns ic ON ic.object_id = c.object_id AND ic.column_id = c.column_id
LEFT JOIN sys.computed_columns cc ON cc.object_id = c.object_id AND cc.column_id = c.column_id
LEFT JOIN sys.default_constraints dc ON dc.object_id = c.default_object_id
LEFT JOIN sys.extended_properties ep
       ON ep.class = 1 AND ep.major_id = c.object_id AND ep.minor_id = c.column_id AND ep.name = N'MS_Description'
WHERE t.is_ms_shipped = 0 AND SCHEMA_NAME(t.schema_id) IN (/*schemas*/)
ORDER BY c.object_id, c.column_id
