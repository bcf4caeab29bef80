-- Reserved words as names: table "user", "order", columns "group", "select", "from", a view "table",
-- a function "select"(), an index "index", a sequence "sequence".
-- expect: Edit Table public.user; Add Table public.order; Add View public.table; Edit Function public.select(); Add Sequence public.sequence
-- source
CREATE TABLE public."user" ("id" integer PRIMARY KEY, "group" text, "select" boolean DEFAULT false);
CREATE TABLE public."order" ("id" integer, "user" integer REFERENCES public."user" ("id"), "from" date);
CREATE INDEX "index" ON public."order" ("from");
CREATE VIEW public."table" AS SELECT o."id", u."group" FROM public."order" o JOIN public."user" u ON u."id" = o."user";
CREATE FUNCTION public."select"() RETURNS integer LANGUAGE sql AS 'SELECT 2';
CREATE SEQUENCE public."sequence";
-- target
CREATE TABLE public."user" ("id" integer PRIMARY KEY, "group" integer);
CREATE FUNCTION public."select"() RETURNS integer LANGUAGE sql AS 'SELECT 1';
