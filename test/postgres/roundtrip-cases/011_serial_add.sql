-- serial and bigserial columns in the source only: the table gains the columns, the owned sequences are new.
-- expect: Edit Table public.notes; Add Sequence public.notes_id_seq; Add Sequence public.notes_big_seq
-- source
CREATE TABLE public.notes (
    id serial NOT NULL,
    big bigserial,
    body text
);
-- target
CREATE TABLE public.notes (
    body text
);
