-- An index using an extension's operator class (pg_trgm, present on both sides), and an index that
-- goes away.
-- expect: Edit Table public.articles
-- source
CREATE EXTENSION pg_trgm WITH SCHEMA public;
CREATE TABLE public.articles (id integer, title text, body text);
CREATE INDEX articles_title_trgm_idx ON public.articles USING gin (title public.gin_trgm_ops);
CREATE INDEX articles_body_trgm_idx ON public.articles USING gist (body public.gist_trgm_ops);
-- target
CREATE EXTENSION pg_trgm WITH SCHEMA public;
CREATE TABLE public.articles (id integer, title text, body text);
CREATE INDEX articles_id_idx ON public.articles (id);
