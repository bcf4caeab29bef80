-- Views (ALL_VIEWS) with their comment. TEXT is the LONG holding the whole query, selected as it is
-- (TEXT_VC would cut it at 4000 characters).
SELECT v.OWNER, v.VIEW_NAME, v.TEXT_LENGTH, c.COMMENTS, v.TEXT
FROM ALL_VIEWS v
LEFT JOIN ALL_TAB_COMMENTS c ON c.OWNER = v.OWNER AND c.TABLE_NAME = v.VIEW_NAME
WHERE v.OWNER IN ({{schemas}})
ORDER BY v.OWNER, v.VIEW_NAME
