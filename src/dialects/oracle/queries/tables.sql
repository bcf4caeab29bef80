-- Relational tables (ALL_TABLES) with their comment (ALL_TAB_COMMENTS). Left out: tables in the
-- recycle bin (DROPPED), nested tables, secondary (domain index) tables, IOT overflow/mapping tables,
-- materialized view containers and logs (read as materialized views or not at all).
SELECT t.OWNER, t.TABLE_NAME, t.TEMPORARY, t.DURATION, t.IOT_TYPE, t.PARTITIONED, c.COMMENTS
FROM ALL_TABLES t
LEFT JOIN ALL_TAB_COMMENTS c ON c.OWNER = t.OWNER AND c.TABLE_NAME = t.TABLE_NAME
WHERE t.OWNER IN ({{schemas}})
  AND t.DROPPED = 'NO'
  AND t.NESTED = 'NO'
  AND t.SECONDARY = 'N'
  AND (t.IOT_TYPE IS NULL OR t.IOT_TYPE = 'IOT')
  AND t.TABLE_NAME NOT LIKE 'MLOG$\_%' ESCAPE '\'
  AND t.TABLE_NAME NOT LIKE 'RUPD$\_%' ESCAPE '\'
  AND NOT EXISTS (SELECT 1 FROM ALL_MVIEWS m WHERE m.OWNER = t.OWNER AND m.CONTAINER_NAME = t.TABLE_NAME)
ORDER BY t.OWNER, t.TABLE_NAME
