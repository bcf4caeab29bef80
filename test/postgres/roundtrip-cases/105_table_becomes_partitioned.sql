-- A table with rows becomes a partitioned table (only a re-create can do that: the script warns that
-- its rows are dropped) with new partitions, and a view that reads it is dropped and created again; a
-- partitioned table with an identity column and a generated column gets a partition, which shares them.
-- expect: Edit Table public.events; Add Table public.events_old; Add Table public.events_new
-- expect: Add Table public.jobs_2; Edit Table public.jobs
-- source
CREATE TABLE public.events (id bigint NOT NULL, at date NOT NULL, payload text) PARTITION BY RANGE (at);
CREATE TABLE public.events_old PARTITION OF public.events FOR VALUES FROM (MINVALUE) TO ('2025-01-01');
CREATE TABLE public.events_new PARTITION OF public.events FOR VALUES FROM ('2025-01-01') TO (MAXVALUE);
CREATE VIEW public.recent_events AS SELECT id, at FROM public.events WHERE at > '2025-06-01';
CREATE TABLE public.jobs (
    id bigint GENERATED ALWAYS AS IDENTITY,
    shard integer NOT NULL,
    name text,
    slug text GENERATED ALWAYS AS (lower(name)) STORED,
    PRIMARY KEY (id, shard)
) PARTITION BY LIST (shard);
CREATE TABLE public.jobs_1 PARTITION OF public.jobs FOR VALUES IN (1);
CREATE TABLE public.jobs_2 PARTITION OF public.jobs FOR VALUES IN (2);
COMMENT ON COLUMN public.jobs.name IS 'job name';
-- target
CREATE TABLE public.events (id bigint NOT NULL, at date NOT NULL, payload text);
INSERT INTO public.events VALUES (1, '2024-01-01', 'x');
CREATE VIEW public.recent_events AS SELECT id, at FROM public.events WHERE at > '2025-06-01';
CREATE TABLE public.jobs (
    id bigint GENERATED ALWAYS AS IDENTITY,
    shard integer NOT NULL,
    name text,
    slug text GENERATED ALWAYS AS (lower(name)) STORED,
    PRIMARY KEY (id, shard)
) PARTITION BY LIST (shard);
CREATE TABLE public.jobs_1 PARTITION OF public.jobs FOR VALUES IN (1);
