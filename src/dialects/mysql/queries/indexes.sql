-- Index key parts (PRIMARY included), one row per part in key order (only tables have any; no join
-- to TABLES, which MariaDB evaluates per row). SUB_PART is a prefix length;
-- COLLATION 'D' a descending part; MariaDB says IGNORED, MySQL 8 IS_VISIBLE.
SELECT s.TABLE_SCHEMA AS table_schema,
       s.TABLE_NAME AS table_name,
       s.INDEX_NAME AS index_name,
       s.NON_UNIQUE AS non_unique,
       s.SEQ_IN_INDEX AS seq,
       s.COLUMN_NAME AS column_name,
       {{mariadb: NULL | s.EXPRESSION}} AS expression,
       s.SUB_PART AS sub_part,
       s.COLLATION AS collation,
       s.INDEX_TYPE AS index_type,
       {{mariadb: s.IGNORED = 'YES' | s.IS_VISIBLE = 'NO'}} AS invisible,
       s.INDEX_COMMENT AS comment
FROM information_schema.STATISTICS s
WHERE s.TABLE_SCHEMA IN (?)
ORDER BY s.TABLE_SCHEMA, s.TABLE_NAME, s.INDEX_NAME, s.SEQ_IN_INDEX
