-- Sequence options: data type, start, increment, max, cache, cycle; a descending sequence.
-- (Raising MINVALUE above a sequence's current value is case 084.)
-- expect: Edit Sequence public.s_full; Edit Sequence public.s_type; Edit Sequence public.s_desc
-- source
CREATE SEQUENCE public.s_full START WITH 100 INCREMENT BY 5 MAXVALUE 100000 CACHE 20 CYCLE;
CREATE SEQUENCE public.s_type AS smallint;
CREATE SEQUENCE public.s_desc INCREMENT BY -1;
-- target
CREATE SEQUENCE public.s_full;
CREATE SEQUENCE public.s_type AS bigint MAXVALUE 5000000000;
CREATE SEQUENCE public.s_desc INCREMENT BY -2 MINVALUE -1000;
