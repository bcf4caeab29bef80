-- Object and collection types (ALL_TYPES); their source comes from ALL_SOURCE.
SELECT t.OWNER, t.TYPE_NAME, t.TYPECODE
FROM ALL_TYPES t
WHERE t.OWNER IN ({{schemas}})
ORDER BY t.OWNER, t.TYPE_NAME
