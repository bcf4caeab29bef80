-- Primary key (P), unique (U), check (C) and foreign key (R) constraints of tables, and the view
-- constraints WITH CHECK OPTION (V) and WITH READ ONLY (O) (ALL_CONSTRAINTS). The check condition is
-- read from SEARCH_CONDITION_VC (VARCHAR2(4000), 12.1+) rather than the LONG SEARCH_CONDITION.
SELECT c.OWNER, c.TABLE_NAME, c.CONSTRAINT_NAME, c.CONSTRAINT_TYPE, c.SEARCH_CONDITION_VC,
       c.DELETE_RULE, c.STATUS, c.DEFERRABLE, c.DEFERRED, c.VALIDATED, c.GENERATED, c.INDEX_NAME
FROM ALL_CONSTRAINTS c
WHERE c.OWNER IN ({{schemas}})
  AND c.CONSTRAINT_TYPE IN ('P', 'U', 'C', 'R', 'V', 'O')
  AND c.TABLE_NAME NOT LIKE 'BIN$%'
ORDER BY c.OWNER, c.TABLE_NAME, c.CONSTRAINT_NAME
