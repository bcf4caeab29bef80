-- The stored source of procedures, functions, packages (spec and body) and types (spec and body),
-- one row per line (ALL_SOURCE; TEXT keeps the line's newline). Triggers are read from ALL_TRIGGERS.
SELECT s.OWNER, s.NAME, s.TYPE, s.LINE, s.TEXT
FROM ALL_SOURCE s
WHERE s.OWNER IN ({{schemas}})
  AND s.TYPE IN ('PROCEDURE', 'FUNCTION', 'PACKAGE', 'PACKAGE BODY', 'TYPE', 'TYPE BODY')
ORDER BY s.OWNER, s.TYPE, s.NAME, s.LINE
