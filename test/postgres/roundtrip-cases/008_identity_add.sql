-- An identity column in the source, a plain integer in the target (ADD GENERATED ... AS IDENTITY).
-- expect: Edit Table public.tickets
-- source
CREATE TABLE public.tickets (
    id integer GENERATED ALWAYS AS IDENTITY,
    subject text
);
-- target
CREATE TABLE public.tickets (
    id integer NOT NULL,
    subject text
);
