-- Partitions added to existing partitioned tables: RANGE (with a DEFAULT partition), LIST, HASH, and a
-- partition in another schema. Each partition is a table of its own; the parents do not change.
-- expect: Add Table public.measurements_2025; Add Table public.measurements_other; Add Table public.orders_eu
-- expect: Add Table public.sessions_h1; Add Table app.sessions_h2
-- source
CREATE SCHEMA app;
CREATE TABLE public.measurements (sensor integer NOT NULL, taken_at date NOT NULL, value double precision DEFAULT 0) PARTITION BY RANGE (taken_at);
CREATE TABLE public.measurements_2024 PARTITION OF public.measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.measurements_2025 PARTITION OF public.measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE public.measurements_other PARTITION OF public.measurements DEFAULT;
CREATE TABLE public.orders (id bigint NOT NULL, region text NOT NULL, total numeric(10,2)) PARTITION BY LIST (region);
CREATE TABLE public.orders_us PARTITION OF public.orders FOR VALUES IN ('us', 'ca');
CREATE TABLE public.orders_eu PARTITION OF public.orders FOR VALUES IN ('de', 'fr', 'it');
CREATE TABLE public.sessions (id uuid NOT NULL, started timestamptz) PARTITION BY HASH (id);
CREATE TABLE public.sessions_h0 PARTITION OF public.sessions FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE public.sessions_h1 PARTITION OF public.sessions FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE app.sessions_h2 PARTITION OF public.sessions FOR VALUES WITH (MODULUS 3, REMAINDER 2);
-- target
CREATE SCHEMA app;
CREATE TABLE public.measurements (sensor integer NOT NULL, taken_at date NOT NULL, value double precision DEFAULT 0) PARTITION BY RANGE (taken_at);
CREATE TABLE public.measurements_2024 PARTITION OF public.measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.orders (id bigint NOT NULL, region text NOT NULL, total numeric(10,2)) PARTITION BY LIST (region);
CREATE TABLE public.orders_us PARTITION OF public.orders FOR VALUES IN ('us', 'ca');
CREATE TABLE public.sessions (id uuid NOT NULL, started timestamptz) PARTITION BY HASH (id);
CREATE TABLE public.sessions_h0 PARTITION OF public.sessions FOR VALUES WITH (MODULUS 3, REMAINDER 0);
