-- Sub-partitioning: a partition that is itself partitioned (by LIST, with a DEFAULT sub-partition)
-- where the target has a plain partition holding rows (re-created: its rows are lost, and the script
-- says so); a new partitioned table with two levels; a sub-partition added to an existing one.
-- expect: Edit Table public.sales_2024; Add Table public.sales_2024_eu; Add Table public.sales_2024_other
-- expect: Add Table public.metrics; Add Table public.metrics_a; Add Table public.metrics_a_1; Add Table public.metrics_a_2
-- expect: Add Table public.logs_2025_b
-- source
CREATE TABLE public.sales (id bigint NOT NULL, sold date NOT NULL, region text NOT NULL, amount numeric) PARTITION BY RANGE (sold);
CREATE TABLE public.sales_2024 PARTITION OF public.sales FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (region);
CREATE TABLE public.sales_2024_eu PARTITION OF public.sales_2024 FOR VALUES IN ('eu');
CREATE TABLE public.sales_2024_other PARTITION OF public.sales_2024 DEFAULT;
CREATE TABLE public.metrics (host text NOT NULL, at timestamp NOT NULL, v integer) PARTITION BY LIST (host);
CREATE TABLE public.metrics_a PARTITION OF public.metrics FOR VALUES IN ('a') PARTITION BY RANGE (at);
CREATE TABLE public.metrics_a_1 PARTITION OF public.metrics_a FOR VALUES FROM (MINVALUE) TO ('2025-01-01');
CREATE TABLE public.metrics_a_2 PARTITION OF public.metrics_a FOR VALUES FROM ('2025-01-01') TO (MAXVALUE);
CREATE TABLE public.logs (id integer NOT NULL, at date NOT NULL, level text NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE public.logs_2025 PARTITION OF public.logs FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY HASH (id);
CREATE TABLE public.logs_2025_a PARTITION OF public.logs_2025 FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE public.logs_2025_b PARTITION OF public.logs_2025 FOR VALUES WITH (MODULUS 2, REMAINDER 1);
-- target
CREATE TABLE public.sales (id bigint NOT NULL, sold date NOT NULL, region text NOT NULL, amount numeric) PARTITION BY RANGE (sold);
CREATE TABLE public.sales_2024 PARTITION OF public.sales FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
INSERT INTO public.sales VALUES (1, '2024-05-01', 'eu', 10);
CREATE TABLE public.logs (id integer NOT NULL, at date NOT NULL, level text NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE public.logs_2025 PARTITION OF public.logs FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY HASH (id);
CREATE TABLE public.logs_2025_a PARTITION OF public.logs_2025 FOR VALUES WITH (MODULUS 2, REMAINDER 0);
