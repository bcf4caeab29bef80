-- A column moves from one enum type to another, with a default, and an array column too: there is no
-- cast between two enums, so the values go through text (USING col::text::new_type); the default is
-- dropped before and set again after.
-- expect: Edit Table public.tickets; Add Enum public.ticket_state; Delete Enum public.status
-- expect: Add Enum public.label; Edit Enum public.priority
-- source
CREATE TYPE public.ticket_state AS ENUM ('open', 'closed', 'parked');
CREATE TYPE public.priority AS ENUM ('low', 'high', 'urgent');
CREATE TYPE public.label AS ENUM ('bug', 'feature');
CREATE TABLE public.tickets (
    id integer PRIMARY KEY,
    state public.ticket_state DEFAULT 'open' NOT NULL,
    urgency public.priority DEFAULT 'low',
    labels public.label[] DEFAULT '{bug}'
);
INSERT INTO public.tickets VALUES (1, 'closed', 'high', '{feature}');
-- target
CREATE TYPE public.status AS ENUM ('open', 'closed');
CREATE TYPE public.priority AS ENUM ('low', 'high');
CREATE TABLE public.tickets (
    id integer PRIMARY KEY,
    state public.status DEFAULT 'open' NOT NULL,
    urgency text DEFAULT 'low',
    labels text[] DEFAULT '{bug}'
);
INSERT INTO public.tickets VALUES (1, 'closed', 'high', '{feature}');
