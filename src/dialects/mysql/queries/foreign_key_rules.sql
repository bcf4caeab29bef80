-- ON UPDATE / ON DELETE of every foreign key (matched to foreign_keys.sql rows by the assembler).
SELECT r.CONSTRAINT_SCHEMA AS table_schema,
       r.TABLE_NAME AS table_name,
       r.CONSTRAINT_NAME AS constraint_name,
       r.UPDATE_RULE AS update_rule,
       r.DELETE_RULE AS delete_rule
FROM information_schema.REFERENTIAL_CONSTRAINTS r
WHERE r.CONSTRAINT_SCHEMA IN (?)
