-- A table of its own becomes a partition (ATTACH PARTITION: its rows stay, its key and index are
-- adopted by the parent's) and a partition becomes a table of its own (DETACH PARTITION: it keeps the
-- key and index copies it had). Nothing is re-created.
-- expect: Edit Table public.readings_2023; Edit Table public.readings_2024
-- source
CREATE TABLE public.readings (id bigint NOT NULL, at date NOT NULL, v numeric, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE INDEX readings_v_idx ON public.readings (v);
CREATE TABLE public.readings_2024 PARTITION OF public.readings FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.readings_2023 (id bigint NOT NULL, at date NOT NULL, v numeric, CONSTRAINT readings_2023_pkey PRIMARY KEY (id, at));
CREATE INDEX readings_2023_v_idx ON public.readings_2023 (v);
-- target
CREATE TABLE public.readings (id bigint NOT NULL, at date NOT NULL, v numeric, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE INDEX readings_v_idx ON public.readings (v);
CREATE TABLE public.readings_2023 PARTITION OF public.readings FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE public.readings_2024 (id bigint NOT NULL, at date NOT NULL, v numeric, CONSTRAINT readings_2024_pkey PRIMARY KEY (id, at));
CREATE INDEX readings_2024_v_idx ON public.readings_2024 (v);
INSERT INTO public.readings_2024 VALUES (1, '2024-02-02', 3);
INSERT INTO public.readings VALUES (2, '2023-02-02', 4);
