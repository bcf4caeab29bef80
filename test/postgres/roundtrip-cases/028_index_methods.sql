-- Index access methods: hash, gin (array and jsonb_path_ops), gist (range), brin, spgist; a method change.
-- expect: Edit Table public.docs
-- source
CREATE TABLE public.docs (
    id integer,
    slug text,
    tags text[],
    body jsonb,
    valid tstzrange,
    created timestamp without time zone,
    ip inet
);
CREATE INDEX docs_slug_idx ON public.docs USING hash (slug);
CREATE INDEX docs_tags_idx ON public.docs USING gin (tags);
CREATE INDEX docs_body_idx ON public.docs USING gin (body jsonb_path_ops);
CREATE INDEX docs_valid_idx ON public.docs USING gist (valid);
CREATE INDEX docs_created_idx ON public.docs USING brin (created) WITH (pages_per_range = 32);
CREATE INDEX docs_ip_idx ON public.docs USING spgist (ip);
-- target
CREATE TABLE public.docs (
    id integer,
    slug text,
    tags text[],
    body jsonb,
    valid tstzrange,
    created timestamp without time zone,
    ip inet
);
CREATE INDEX docs_slug_idx ON public.docs USING btree (slug);
CREATE INDEX docs_body_idx ON public.docs USING gin (body);
