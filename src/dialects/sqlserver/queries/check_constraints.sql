-- CHECK constraints of user tables: the definition as the server stores it (`([total]>=(0))`),
-- disabled / not trusted / NOT FOR REPLICATION.
SELECT cc.parent_object_id AS object_id,
       cc.name AS constraint_name,
       cc.definition,
       cc.is_disabled,
       cc.is_not_trusted,
       cc.is_not_for_replication
FROM sys.check_constraints cc
WHERE cc.is_ms_shipped = 0 AND OBJECT_SCHEMA_NAME(cc.parent_object_id) IN (/*schemas*/)
ORDER BY cc.parent_object_id, cc.name
