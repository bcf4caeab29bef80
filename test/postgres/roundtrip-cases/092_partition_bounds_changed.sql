-- Partition bounds change: a wider range, a list with one value more, a hash partition's remainder, a
-- range partition that becomes the DEFAULT one. Rows that fit both bounds stay (DETACH + ATTACH, no
-- re-create).
-- expect: Edit Table public.events_2024; Edit Table public.events_rest; Edit Table public.orders_eu
-- expect: Edit Table public.sessions_a; Edit Table public.sessions_b
-- source
CREATE TABLE public.events (id bigint NOT NULL, at date NOT NULL, kind text) PARTITION BY RANGE (at);
CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-07-01');
CREATE TABLE public.events_rest PARTITION OF public.events DEFAULT;
CREATE TABLE public.orders (id bigint NOT NULL, region text NOT NULL) PARTITION BY LIST (region);
CREATE TABLE public.orders_eu PARTITION OF public.orders FOR VALUES IN ('de', 'fr', 'nl');
CREATE TABLE public.sessions (id integer NOT NULL) PARTITION BY HASH (id);
CREATE TABLE public.sessions_a PARTITION OF public.sessions FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE public.sessions_b PARTITION OF public.sessions FOR VALUES WITH (MODULUS 2, REMAINDER 0);
INSERT INTO public.events VALUES (1, '2024-03-01', 'a');
INSERT INTO public.orders VALUES (1, 'de');
-- target
CREATE TABLE public.events (id bigint NOT NULL, at date NOT NULL, kind text) PARTITION BY RANGE (at);
CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.events_rest PARTITION OF public.events FOR VALUES FROM ('2030-01-01') TO ('2031-01-01');
CREATE TABLE public.orders (id bigint NOT NULL, region text NOT NULL) PARTITION BY LIST (region);
CREATE TABLE public.orders_eu PARTITION OF public.orders FOR VALUES IN ('de', 'fr');
CREATE TABLE public.sessions (id integer NOT NULL) PARTITION BY HASH (id);
CREATE TABLE public.sessions_a PARTITION OF public.sessions FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE public.sessions_b PARTITION OF public.sessions FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO public.events VALUES (1, '2024-03-01', 'a');
INSERT INTO public.orders VALUES (1, 'de');
