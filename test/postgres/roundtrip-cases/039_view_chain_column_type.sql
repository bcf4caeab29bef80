-- A chain v1 <- v2 <- v3 over a table whose column type changes: every view in the chain is an
-- edit (its column type follows), all must be dropped and re-created around the ALTER.
-- expect: Edit Table public.t; Edit View public.v1; Edit View public.v2; Edit View public.v3
-- source
CREATE TABLE public.t (id integer, code character varying(50));
CREATE VIEW public.v1 AS SELECT id, code FROM public.t;
CREATE VIEW public.v2 AS SELECT id, code FROM public.v1 WHERE id > 0;
CREATE VIEW public.v3 AS SELECT code FROM public.v2;
-- target
CREATE TABLE public.t (id integer, code character varying(10));
CREATE VIEW public.v1 AS SELECT id, code FROM public.t;
CREATE VIEW public.v2 AS SELECT id, code FROM public.v1 WHERE id > 0;
CREATE VIEW public.v3 AS SELECT code FROM public.v2;
