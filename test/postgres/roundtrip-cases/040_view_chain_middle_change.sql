-- The middle view of a chain changes a column's type (drop + create needed); the view on top of it is
-- written the same but its column type follows, so it is an edit as well.
-- expect: Edit View public.v2; Edit View public.v3
-- source
CREATE TABLE public.t (id integer, amount numeric);
CREATE VIEW public.v1 AS SELECT id, amount FROM public.t;
CREATE VIEW public.v2 AS SELECT id, amount::numeric(12,2) AS amount FROM public.v1;
CREATE VIEW public.v3 AS SELECT id, amount FROM public.v2 WHERE amount > 0::numeric;
-- target
CREATE TABLE public.t (id integer, amount numeric);
CREATE VIEW public.v1 AS SELECT id, amount FROM public.t;
CREATE VIEW public.v2 AS SELECT id, amount::numeric(10,2) AS amount FROM public.v1;
CREATE VIEW public.v3 AS SELECT id, amount FROM public.v2 WHERE amount > 0::numeric;
