-- A table column's type changes while the views that read it are written the same on both sides:
-- the views' column types follow the table (so they are edits too), and ALTER COLUMN TYPE is not
-- allowed while they exist. A view that does not read the column stays as it is.
-- expect: Edit Table public.orders; Edit View public.v_orders; Edit View app.v_order_totals
-- source
CREATE SCHEMA app;
CREATE TABLE public.orders (id bigint NOT NULL, customer character varying(100), qty bigint);
CREATE VIEW public.v_orders AS SELECT id, customer, qty FROM public.orders;
CREATE VIEW app.v_order_totals AS SELECT customer, sum(qty) AS total FROM public.orders GROUP BY customer;
CREATE VIEW public.v_order_ids AS SELECT id FROM public.orders;
-- target
CREATE SCHEMA app;
CREATE TABLE public.orders (id bigint NOT NULL, customer character varying(20), qty integer);
CREATE VIEW public.v_orders AS SELECT id, customer, qty FROM public.orders;
CREATE VIEW app.v_order_totals AS SELECT customer, sum(qty) AS total FROM public.orders GROUP BY customer;
CREATE VIEW public.v_order_ids AS SELECT id FROM public.orders;
