-- View changes CREATE OR REPLACE cannot do: a column removed, a column renamed, a column's type changed.
-- expect: Edit View public.v_summary; Edit View public.v_names; Edit View public.v_amounts
-- source
CREATE TABLE public.sales (id integer, region text, amount numeric, sold_on date);
CREATE VIEW public.v_summary AS SELECT region FROM public.sales;
CREATE VIEW public.v_names AS SELECT id AS sale_id, region FROM public.sales;
CREATE VIEW public.v_amounts AS SELECT id, amount::numeric(12,2) AS amount FROM public.sales;
-- target
CREATE TABLE public.sales (id integer, region text, amount numeric, sold_on date);
CREATE VIEW public.v_summary AS SELECT region, sum(amount) AS total FROM public.sales GROUP BY region;
CREATE VIEW public.v_names AS SELECT id, region FROM public.sales;
CREATE VIEW public.v_amounts AS SELECT id, amount::integer AS amount FROM public.sales;
