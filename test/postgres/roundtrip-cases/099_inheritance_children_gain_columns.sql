-- Children gaining columns: the parent gets a new column, a check constraint and a NOT NULL, and loses a
-- column; its children (one of them with two parents, one with a column of its own of the same name,
-- which merges) follow the parent, so only the parent and the child whose own column is now the
-- parent's change.
-- expect: Edit Table public.animals; Edit Table public.cats
-- source
CREATE TABLE public.animals (id integer NOT NULL, name text NOT NULL, legs integer DEFAULT 4, CONSTRAINT animals_legs_check CHECK (legs >= 0));
CREATE TABLE public.tagged (tag text);
CREATE TABLE public.dogs (breed text) INHERITS (public.animals);
CREATE TABLE public.cats (lives integer) INHERITS (public.animals, public.tagged);
-- target
CREATE TABLE public.animals (id integer NOT NULL, name text, sound text);
CREATE TABLE public.tagged (tag text);
CREATE TABLE public.dogs (breed text) INHERITS (public.animals);
CREATE TABLE public.cats (lives integer, legs integer DEFAULT 4) INHERITS (public.animals, public.tagged);
