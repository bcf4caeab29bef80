-- A materialized view's query changes, an index on it is added and one is dropped; another
-- materialized view is dropped; one created WITH NO DATA is added.
-- expect: Edit Materialized View public.mv_stats; Delete Materialized View public.mv_old; Add Materialized View public.mv_lazy
-- source
CREATE TABLE public.visits (page text, visited_at timestamp with time zone, ms integer);
CREATE MATERIALIZED VIEW public.mv_stats AS
    SELECT page, count(*) AS hits, avg(ms) AS avg_ms FROM public.visits GROUP BY page;
CREATE INDEX mv_stats_hits_idx ON public.mv_stats (hits DESC);
CREATE MATERIALIZED VIEW public.mv_lazy AS SELECT DISTINCT page FROM public.visits WITH NO DATA;
-- target
CREATE TABLE public.visits (page text, visited_at timestamp with time zone, ms integer);
CREATE MATERIALIZED VIEW public.mv_stats AS
    SELECT page, count(*) AS hits FROM public.visits GROUP BY page;
CREATE INDEX mv_stats_page_idx ON public.mv_stats (page);
CREATE MATERIALIZED VIEW public.mv_old AS SELECT max(visited_at) AS last_visit FROM public.visits;
