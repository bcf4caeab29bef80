CREATE OR REPLACE FUNCTION shop.order_total(p_order_id bigint)
 RETURNS numeric
 LANGUAGE sql
 STABLE
AS $function$ SELECT coalesce(sum(quantity * unit_price), 0) FROM shop.order_lines WHERE order_id = p_order_id $function$;

COMMENT ON FUNCTION shop.order_total(bigint) IS 'sum of an order''s lines';
