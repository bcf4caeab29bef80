-- A type change on columns with defaults that cannot be cast automatically (text '0' -> integer 0,
-- boolean -> text), so the default must be dropped and set again around ALTER COLUMN TYPE.
-- expect: Edit Table public.flags
-- source
CREATE TABLE public.flags (
    id integer NOT NULL,
    code integer DEFAULT 0 NOT NULL,
    state text DEFAULT 'on'::text
);
-- target
CREATE TABLE public.flags (
    id integer NOT NULL,
    code text DEFAULT '0'::text NOT NULL,
    state boolean DEFAULT true
);
