-- A type change that needs a USING conversion (text -> integer, text -> timestamptz, int -> boolean).
-- expect: Edit Table public.readings
-- source
CREATE TABLE public.readings (
    id integer NOT NULL,
    code integer,
    taken_at timestamp with time zone,
    flag boolean
);
-- target
CREATE TABLE public.readings (
    id integer NOT NULL,
    code text,
    taken_at text,
    flag integer
);
