CREATE OR REPLACE FUNCTION app.order_total(customer integer, discount numeric DEFAULT 0, OUT total numeric, VARIADIC notes text[])
 RETURNS numeric
 LANGUAGE sql
 STABLE
AS $function$ SELECT sum(price) - discount FROM app.orders WHERE customer_id = customer $function$;

COMMENT ON FUNCTION app.order_total(integer, numeric, VARIADIC text[]) IS 'sum of a customer''s orders';
