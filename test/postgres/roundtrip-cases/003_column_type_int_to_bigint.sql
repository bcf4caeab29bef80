-- Column type widening: integer to bigint, smallint to integer, real to double precision.
-- expect: Edit Table public.events
-- source
CREATE TABLE public.events (
    id bigint NOT NULL,
    counter integer,
    ratio double precision,
    payload text
);
-- target
CREATE TABLE public.events (
    id integer NOT NULL,
    counter smallint,
    ratio real,
    payload text
);
