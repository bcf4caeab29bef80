-- A view's query changes (new column at the end, new WHERE), and a view with CHECK OPTION changes.
-- expect: Edit View public.v_products; Edit View public.v_cheap
-- source
CREATE TABLE public.products (id integer, name text, price numeric, discontinued boolean);
CREATE VIEW public.v_products AS
    SELECT id, name, price FROM public.products WHERE NOT discontinued;
CREATE VIEW public.v_cheap AS
    SELECT id, name, price FROM public.products WHERE price < 10::numeric WITH CASCADED CHECK OPTION;
-- target
CREATE TABLE public.products (id integer, name text, price numeric, discontinued boolean);
CREATE VIEW public.v_products AS SELECT id, name FROM public.products;
CREATE VIEW public.v_cheap AS
    SELECT id, name, price FROM public.products WHERE price < 5::numeric;
