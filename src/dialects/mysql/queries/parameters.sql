-- Routine parameters in order (position 0 is a function's result, read from ROUTINES instead).
SELECT p.SPECIFIC_SCHEMA AS routine_schema,
       p.SPECIFIC_NAME AS routine_name,
       p.ROUTINE_TYPE AS routine_type,
       p.ORDINAL_POSITION AS position,
       p.PARAMETER_MODE AS mode,
       p.PARAMETER_NAME AS parameter_name,
       p.DTD_IDENTIFIER AS type
FROM information_schema.PARAMETERS p
WHERE p.SPECIFIC_SCHEMA IN (?) AND p.ORDINAL_POSITION > 0
ORDER BY p.SPECIFIC_SCHEMA, p.ROUTINE_TYPE, p.SPECIFIC_NAME, p.ORDINAL_POSITION
