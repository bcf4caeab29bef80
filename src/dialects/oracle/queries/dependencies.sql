-- The tables, views and materialized views each view and materialized view reads (ALL_DEPENDENCIES):
-- the model's `dependsOn`, which orders views in a script.
SELECT d.OWNER, d.NAME, d.TYPE, d.REFERENCED_OWNER, d.REFERENCED_NAME, d.REFERENCED_TYPE
FROM ALL_DEPENDENCIES d
WHERE d.OWNER IN ({{schemas}})
  AND d.TYPE IN ('VIEW', 'MATERIALIZED VIEW')
  AND d.REFERENCED_TYPE IN ('TABLE', 'VIEW', 'MATERIALIZED VIEW')
ORDER BY d.OWNER, d.NAME, d.REFERENCED_OWNER, d.REFERENCED_NAME
