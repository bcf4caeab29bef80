-- A partitioned table (the parent; no partitions) added, and an index on an existing partitioned table.
-- expect: Add Table public.measurements; Edit Table public.events
-- source
CREATE TABLE public.measurements (
    sensor integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    value double precision
) PARTITION BY RANGE (taken_at);
CREATE TABLE public.events (id integer, kind text, at date) PARTITION BY LIST (kind);
CREATE INDEX events_at_idx ON public.events (at);
-- target
CREATE TABLE public.events (id integer, kind text, at date) PARTITION BY LIST (kind);
