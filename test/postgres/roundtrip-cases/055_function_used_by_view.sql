-- A function a view calls changes its body (CREATE OR REPLACE keeps the view) and a column default
-- uses a function whose body changes.
-- expect: Edit Function public.tax(numeric); Edit Function public.next_code()
-- source
CREATE FUNCTION public.tax(amount numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT amount * 0.21 $$;
CREATE FUNCTION public.next_code() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT 'C-' || floor(random() * 1000)::text $$;
CREATE TABLE public.orders (id integer, amount numeric, code text DEFAULT public.next_code());
CREATE VIEW public.v_orders AS SELECT id, amount, public.tax(amount) AS tax FROM public.orders;
-- target
CREATE FUNCTION public.tax(amount numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT amount * 0.19 $$;
CREATE FUNCTION public.next_code() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT 'X-' || floor(random() * 1000)::text $$;
CREATE TABLE public.orders (id integer, amount numeric, code text DEFAULT public.next_code());
CREATE VIEW public.v_orders AS SELECT id, amount, public.tax(amount) AS tax FROM public.orders;
