-- Views in the source only, one in another schema reading a public table, one with options.
-- expect: Add View public.big_orders; Add View app.order_count
-- source
CREATE SCHEMA app;
CREATE TABLE public.orders (id integer, customer text, amount numeric);
CREATE VIEW public.big_orders WITH (security_barrier = true) AS
    SELECT id, customer, amount FROM public.orders WHERE amount > 100::numeric;
CREATE VIEW app.order_count AS SELECT customer, count(*) AS n FROM public.orders GROUP BY customer;
-- target
CREATE SCHEMA app;
CREATE TABLE public.orders (id integer, customer text, amount numeric);
