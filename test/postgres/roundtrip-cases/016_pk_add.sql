-- A primary key in the source only (the key column is NOT NULL on both sides).
-- expect: Edit Table public.regions
-- source
CREATE TABLE public.regions (
    code character(2) NOT NULL,
    name text,
    CONSTRAINT regions_pkey PRIMARY KEY (code)
);
-- target
CREATE TABLE public.regions (
    code character(2) NOT NULL,
    name text
);
