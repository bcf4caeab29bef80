-- Triggers with the table they fire on; ACTION_ORDER ranks triggers of the same timing and event.
SELECT t.TRIGGER_SCHEMA AS trigger_schema,
       t.TRIGGER_NAME AS trigger_name,
       t.EVENT_OBJECT_SCHEMA AS table_schema,
       t.EVENT_OBJECT_TABLE AS table_name,
       t.EVENT_MANIPULATION AS event,
       t.ACTION_TIMING AS timing,
       t.ACTION_ORDER AS action_order,
       t.ACTION_STATEMENT AS body
FROM information_schema.TRIGGERS t
WHERE t.TRIGGER_SCHEMA IN (?)
ORDER BY t.TRIGGER_SCHEMA, t.EVENT_OBJECT_TABLE, t.TRIGGER_NAME
