-- Stored functions and procedures (bodies as written) with their characteristics.
SELECT r.ROUTINE_SCHEMA AS routine_schema,
       r.ROUTINE_NAME AS routine_name,
       r.ROUTINE_TYPE AS routine_type,
       r.DTD_IDENTIFIER AS returns,
       r.ROUTINE_DEFINITION AS body,
       r.IS_DETERMINISTIC AS is_deterministic,
       r.SQL_DATA_ACCESS AS data_access,
       r.SECURITY_TYPE AS security_type,
       r.ROUTINE_COMMENT AS comment
FROM information_schema.ROUTINES r
WHERE r.ROUTINE_SCHEMA IN (?) AND r.ROUTINE_TYPE IN ('FUNCTION', 'PROCEDURE')
ORDER BY r.ROUTINE_SCHEMA, r.ROUTINE_TYPE, r.ROUTINE_NAME
