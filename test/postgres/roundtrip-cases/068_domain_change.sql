-- Domain changes in place: a check constraint changed, one added, a default added, NOT NULL set,
-- while a table column uses the domain.
-- expect: Edit Domain public.quantity; Edit Domain public.label
-- source
CREATE DOMAIN public.quantity AS integer DEFAULT 1 NOT NULL
    CONSTRAINT quantity_check CHECK (VALUE >= 0)
    CONSTRAINT quantity_max CHECK (VALUE < 1000000);
CREATE DOMAIN public.label AS character varying(30) COLLATE "C";
CREATE TABLE public.lines (id integer, qty public.quantity);
-- target
CREATE DOMAIN public.quantity AS integer
    CONSTRAINT quantity_check CHECK (VALUE > 0);
CREATE DOMAIN public.label AS character varying(30);
CREATE TABLE public.lines (id integer, qty public.quantity);
