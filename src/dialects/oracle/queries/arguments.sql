-- The arguments of standalone procedures and functions (ALL_ARGUMENTS, top level only: DATA_LEVEL 0);
-- POSITION 0 with no name is a function's result.
SELECT a.OWNER, a.OBJECT_NAME, a.POSITION, a.ARGUMENT_NAME, a.IN_OUT, a.DATA_TYPE, a.DEFAULTED
FROM ALL_ARGUMENTS a
WHERE a.OWNER IN ({{schemas}})
  AND a.PACKAGE_NAME IS NULL
  AND a.DATA_LEVEL = 0
ORDER BY a.OWNER, a.OBJECT_NAME, a.POSITION
