-- An extension installed into a non-public schema, with an index using its operator class.
-- expect: Add Schema app; Add Extension app.pg_trgm; Edit Table public.places
-- source
CREATE SCHEMA app;
CREATE EXTENSION pg_trgm WITH SCHEMA app;
CREATE TABLE public.places (id integer, name text);
CREATE INDEX places_name_trgm_idx ON public.places USING gin (name app.gin_trgm_ops);
-- target
CREATE TABLE public.places (id integer, name text);
