-- Private synonyms of the schemas (ALL_SYNONYMS; PUBLIC synonyms belong to no schema read here).
SELECT s.OWNER, s.SYNONYM_NAME, s.TABLE_OWNER, s.TABLE_NAME, s.DB_LINK
FROM ALL_SYNONYMS s
WHERE s.OWNER IN ({{schemas}})
ORDER BY s.OWNER, s.SYNONYM_NAME
