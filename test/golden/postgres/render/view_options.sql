CREATE VIEW "Sales"."Big Orders" WITH (security_barrier=true, security_invoker=true) AS SELECT "user", "Total" FROM "Sales"."Order" WHERE ("Total" > (1000)::numeric) WITH LOCAL CHECK OPTION;

CREATE TRIGGER big_orders_insert INSTEAD OF INSERT ON "Sales"."Big Orders" FOR EACH ROW EXECUTE FUNCTION "Sales".insert_order();

COMMENT ON VIEW "Sales"."Big Orders" IS 'orders over 1''000';

COMMENT ON COLUMN "Sales"."Big Orders"."user" IS 'who';

COMMENT ON TRIGGER big_orders_insert ON "Sales"."Big Orders" IS 'route inserts';
