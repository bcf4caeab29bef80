-- Classic inheritance (INHERITS): a table of its own becomes a child (it first gets the parent's
-- columns and check constraint, which INHERIT requires), a child leaves its parent (NO INHERIT keeps
-- the columns), and a new child with a column of its own and a default of its own on an inherited one.
-- expect: Edit Table public.cars; Edit Table public.boats; Add Table public.planes
-- source
CREATE TABLE public.vehicles (id integer NOT NULL, name text, wheels integer DEFAULT 4, CONSTRAINT vehicles_wheels_check CHECK (wheels >= 0));
CREATE TABLE public.cars (doors integer) INHERITS (public.vehicles);
CREATE TABLE public.boats (id integer NOT NULL, name text, wheels integer DEFAULT 4, CONSTRAINT vehicles_wheels_check CHECK (wheels >= 0), sails integer);
CREATE TABLE public.planes (engines integer NOT NULL) INHERITS (public.vehicles);
ALTER TABLE public.planes ALTER COLUMN wheels SET DEFAULT 3;
-- target
CREATE TABLE public.vehicles (id integer NOT NULL, name text, wheels integer DEFAULT 4, CONSTRAINT vehicles_wheels_check CHECK (wheels >= 0));
CREATE TABLE public.cars (id integer NOT NULL, doors integer);
INSERT INTO public.cars VALUES (1, 4);
CREATE TABLE public.boats (sails integer) INHERITS (public.vehicles);
