-- An enum loses a value while a partial index, a check constraint and a view (the same on both
-- sides) compare the enum column with enum constants: re-creating the type must carry them along.
-- expect: Edit Enum public.state
-- source
CREATE TYPE public.state AS ENUM ('draft', 'live', 'archived');
CREATE TABLE public.pages (
    id integer NOT NULL,
    state public.state DEFAULT 'draft'::public.state NOT NULL,
    CONSTRAINT pages_not_archived_without_id CHECK (state <> 'archived'::public.state OR id > 0)
);
CREATE INDEX pages_live_idx ON public.pages (id) WHERE state = 'live'::public.state;
CREATE VIEW public.v_live_pages AS SELECT id FROM public.pages WHERE state = 'live'::public.state;
-- target
CREATE TYPE public.state AS ENUM ('draft', 'review', 'live', 'archived');
CREATE TABLE public.pages (
    id integer NOT NULL,
    state public.state DEFAULT 'draft'::public.state NOT NULL,
    CONSTRAINT pages_not_archived_without_id CHECK (state <> 'archived'::public.state OR id > 0)
);
CREATE INDEX pages_live_idx ON public.pages (id) WHERE state = 'live'::public.state;
CREATE VIEW public.v_live_pages AS SELECT id FROM public.pages WHERE state = 'live'::public.state;
