-- Scheduled events. STARTS equal to CREATED (to the second) means the DDL named no start.
SELECT e.EVENT_SCHEMA AS event_schema,
       e.EVENT_NAME AS event_name,
       e.EVENT_DEFINITION AS body,
       e.EVENT_TYPE AS event_type,
       e.EXECUTE_AT AS execute_at,
       e.INTERVAL_VALUE AS interval_value,
       e.INTERVAL_FIELD AS interval_field,
       e.STARTS AS starts,
       e.ENDS AS ends,
       e.CREATED AS created,
       e.STATUS AS status,
       e.ON_COMPLETION AS on_completion,
       e.EVENT_COMMENT AS comment
FROM information_schema.EVENTS e
WHERE e.EVENT_SCHEMA IN (?)
ORDER BY e.EVENT_SCHEMA, e.EVENT_NAME
