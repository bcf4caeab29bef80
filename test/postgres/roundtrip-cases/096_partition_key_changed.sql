-- A new partition key (LIST on another column): the partitioned table is dropped and created again, but
-- it holds no rows of its own; its partitions are detached first (rows and all) and attached to the new
-- table, an unchanged one as it is, one whose bound changes with the new bound. An index of the parent
-- follows.
-- expect: Edit Table public.tickets; Edit Table public.tickets_b
-- source
CREATE TABLE public.tickets (id integer NOT NULL, queue text NOT NULL, team text NOT NULL) PARTITION BY LIST (team);
CREATE INDEX tickets_id_idx ON public.tickets (id);
CREATE TABLE public.tickets_a PARTITION OF public.tickets FOR VALUES IN ('a');
CREATE TABLE public.tickets_b PARTITION OF public.tickets FOR VALUES IN ('b', 'c');
-- target
CREATE TABLE public.tickets (id integer NOT NULL, queue text NOT NULL, team text NOT NULL) PARTITION BY LIST (queue);
CREATE INDEX tickets_id_idx ON public.tickets (id);
CREATE TABLE public.tickets_a PARTITION OF public.tickets FOR VALUES IN ('a');
CREATE TABLE public.tickets_b PARTITION OF public.tickets FOR VALUES IN ('b');
INSERT INTO public.tickets VALUES (1, 'a', 'a'), (2, 'b', 'b');
