-- Privileges (-include=privileges) on tables, a partition, views, a materialized view and sequences:
-- granted, revoked, WITH GRANT OPTION, to PUBLIC; owners stay out.
-- options: -include=privileges
-- roles: reader, writer
-- expect: Edit Table public.orders; Edit Table public.orders_2024; Edit View public.order_totals
-- expect: Edit Sequence public.invoice_no; Edit Materialized View public.order_stats; Add Table public.notes
-- source
CREATE TABLE public.orders (id integer NOT NULL, at date NOT NULL, total numeric) PARTITION BY RANGE (at);
CREATE TABLE public.orders_2024 PARTITION OF public.orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE VIEW public.order_totals AS SELECT at, sum(total) AS total FROM public.orders GROUP BY at;
CREATE MATERIALIZED VIEW public.order_stats AS SELECT count(*) AS n FROM public.orders;
CREATE SEQUENCE public.invoice_no;
CREATE TABLE public.notes (id integer, body text);
GRANT SELECT, INSERT, UPDATE ON public.orders TO writer;
GRANT SELECT ON public.orders TO reader WITH GRANT OPTION;
GRANT SELECT ON public.orders_2024 TO reader;
GRANT SELECT ON public.order_totals TO reader, PUBLIC;
GRANT SELECT ON public.order_stats TO reader;
GRANT USAGE, SELECT ON SEQUENCE public.invoice_no TO writer;
GRANT ALL ON public.notes TO writer;
-- target
CREATE TABLE public.orders (id integer NOT NULL, at date NOT NULL, total numeric) PARTITION BY RANGE (at);
CREATE TABLE public.orders_2024 PARTITION OF public.orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE VIEW public.order_totals AS SELECT at, sum(total) AS total FROM public.orders GROUP BY at;
CREATE MATERIALIZED VIEW public.order_stats AS SELECT count(*) AS n FROM public.orders;
CREATE SEQUENCE public.invoice_no;
GRANT SELECT, DELETE ON public.orders TO writer;
GRANT SELECT ON public.orders TO reader;
GRANT UPDATE ON SEQUENCE public.invoice_no TO reader;
GRANT SELECT ON public.order_stats TO writer;
