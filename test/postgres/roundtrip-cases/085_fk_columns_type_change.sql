-- A referenced key and its referencing column both widen (integer -> bigint) across a foreign key,
-- with an index and a check constraint on the changed columns.
-- expect: Edit Table public.authors; Edit Table public.books
-- source
CREATE TABLE public.authors (id bigint PRIMARY KEY, name text);
CREATE TABLE public.books (
    id bigint PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES public.authors (id) ON DELETE CASCADE,
    CONSTRAINT books_author_positive CHECK (author_id > 0)
);
CREATE INDEX books_author_idx ON public.books (author_id);
-- target
CREATE TABLE public.authors (id integer PRIMARY KEY, name text);
CREATE TABLE public.books (
    id integer PRIMARY KEY,
    author_id integer NOT NULL REFERENCES public.authors (id) ON DELETE CASCADE,
    CONSTRAINT books_author_positive CHECK (author_id > 0)
);
CREATE INDEX books_author_idx ON public.books (author_id);
