-- Covering keys and index storage parameters: a primary key and a unique constraint with INCLUDE,
-- an index WITH (fillfactor), the same key columns on both sides.
-- expect: Edit Table public.catalog
-- source
CREATE TABLE public.catalog (
    id integer NOT NULL,
    sku text NOT NULL,
    title text,
    price numeric,
    CONSTRAINT catalog_pkey PRIMARY KEY (id) INCLUDE (title),
    CONSTRAINT catalog_sku_key UNIQUE (sku) INCLUDE (price)
);
CREATE INDEX catalog_title_idx ON public.catalog (title) WITH (fillfactor = 70);
-- target
CREATE TABLE public.catalog (
    id integer NOT NULL,
    sku text NOT NULL,
    title text,
    price numeric,
    CONSTRAINT catalog_pkey PRIMARY KEY (id),
    CONSTRAINT catalog_sku_key UNIQUE (sku)
);
CREATE INDEX catalog_title_idx ON public.catalog (title);
