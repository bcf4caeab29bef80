-- A sequence whose MINVALUE (and START) in the source is above the target sequence's current value:
-- PostgreSQL refuses ALTER SEQUENCE ... MINVALUE 100 unless the current value moves too.
-- expect: Edit Sequence public.ticket_no
-- source
CREATE SEQUENCE public.ticket_no START WITH 100 MINVALUE 100 MAXVALUE 999999;
-- target
CREATE SEQUENCE public.ticket_no;
