-- Columns of a partitioned table and of its partitions: the parent gains a column, changes a type, a
-- default and a NOT NULL (its partitions follow: only the parent is listed); a partition's own default
-- and NOT NULL on a parent column (kept while the parent's default changes), and one partition that
-- drops its own default again.
-- expect: Edit Table public.items; Edit Table public.items_b; Edit Table public.items_c
-- source
CREATE TABLE public.items (id integer NOT NULL, kind text NOT NULL, qty bigint DEFAULT 1, note text NOT NULL, added date) PARTITION BY LIST (kind);
CREATE TABLE public.items_a PARTITION OF public.items FOR VALUES IN ('a');
CREATE TABLE public.items_b PARTITION OF public.items (qty DEFAULT 5, added NOT NULL) FOR VALUES IN ('b');
CREATE TABLE public.items_c PARTITION OF public.items FOR VALUES IN ('c');
-- target
CREATE TABLE public.items (id integer NOT NULL, kind text NOT NULL, qty integer DEFAULT 0, note text) PARTITION BY LIST (kind);
CREATE TABLE public.items_a PARTITION OF public.items FOR VALUES IN ('a');
CREATE TABLE public.items_b PARTITION OF public.items FOR VALUES IN ('b');
CREATE TABLE public.items_c PARTITION OF public.items (qty DEFAULT 9) FOR VALUES IN ('c');
