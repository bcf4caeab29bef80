-- OWNED BY: a sequence owned by a column in the source and by nothing in the target; another owned
-- by a different column. The tables are the same on both sides.
-- expect: Edit Sequence public.ticket_seq; Edit Sequence public.batch_seq
-- source
CREATE TABLE public.tickets (id integer, batch integer, other integer);
CREATE SEQUENCE public.ticket_seq OWNED BY public.tickets.id;
CREATE SEQUENCE public.batch_seq OWNED BY public.tickets.batch;
-- target
CREATE TABLE public.tickets (id integer, batch integer, other integer);
CREATE SEQUENCE public.ticket_seq;
CREATE SEQUENCE public.batch_seq OWNED BY public.tickets.other;
