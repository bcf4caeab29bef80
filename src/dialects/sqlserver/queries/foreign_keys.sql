-- Foreign keys, one row per column pair in constraint_column_id order. The actions come as
-- NO_ACTION, CASCADE, SET_NULL, SET_DEFAULT; is_disabled (NOCHECK CONSTRAINT), is_not_trusted (added
-- WITH NOCHECK, or re-enabled without checking), is_not_for_replication.
SELECT fk.parent_object_id AS object_id,
       fk.name AS constraint_name,
       OBJECT_SCHEMA_NAME(fk.referenced_object_id) AS referenced_schema,
       OBJECT_NAME(fk.referenced_object_id) AS referenced_table,
       fk.delete_referential_action_desc,
       fk.update_referential_action_desc,
       fk.is_disabled,
       fk.is_not_trusted,
       fk.is_not_for_replication,
       fkc.constraint_column_id,
       COL_NAME(fkc.parent_object_id, fkc.parent_column_id) AS column_name,
       COL_NAME(fkc.referenced_object_id, fkc.referenced_column_id) AS referenced_column
FROM sys.foreign_keys fk
JOIN sys.foreign_key_columns fkc ON fkc.constraint_object_id = fk.object_id
WHERE fk.is_ms_shipped = 0 AND OBJECT_SCHEMA_NAME(fk.parent_object_id) IN (/*schemas*/)
ORDER BY fk.parent_object_id, fk.name, fkc.constraint_column_id
