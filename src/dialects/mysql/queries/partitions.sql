-- Partitions of partitioned tables, one row per partition or, when the table is subpartitioned, per
-- subpartition, in order. A table that is not partitioned has one row with PARTITION_NAME NULL, left
-- out. PARTITION_DESCRIPTION is the bound as the server stores it (`2021`, `MAXVALUE`,
-- `'2020-01-01',5`, `NULL,1,2`); the expressions are the server's canonical text.
SELECT p.TABLE_SCHEMA AS table_schema,
       p.TABLE_NAME AS table_name,
       p.PARTITION_NAME AS partition_name,
       p.SUBPARTITION_NAME AS subpartition_name,
       p.PARTITION_ORDINAL_POSITION AS partition_position,
       p.SUBPARTITION_ORDINAL_POSITION AS subpartition_position,
       p.PARTITION_METHOD AS method,
       p.SUBPARTITION_METHOD AS submethod,
       p.PARTITION_EXPRESSION AS expression,
       p.SUBPARTITION_EXPRESSION AS subexpression,
       p.PARTITION_DESCRIPTION AS description,
       p.PARTITION_COMMENT AS comment
FROM information_schema.PARTITIONS p
WHERE p.TABLE_SCHEMA IN (?) AND p.PARTITION_NAME IS NOT NULL
ORDER BY p.TABLE_SCHEMA, p.TABLE_NAME, p.PARTITION_ORDINAL_POSITION, p.SUBPARTITION_ORDINAL_POSITION
