-- A new sequence used by a new column default, and a default added that uses an existing sequence.
-- expect: Add Sequence public.doc_no; Edit Table public.documents
-- source
CREATE SEQUENCE public.doc_no AS integer START WITH 500;
CREATE SEQUENCE public.rev_no;
CREATE TABLE public.documents (
    id integer NOT NULL,
    number integer DEFAULT nextval('public.doc_no'::regclass),
    revision bigint DEFAULT nextval('public.rev_no'::regclass)
);
-- target
CREATE SEQUENCE public.rev_no;
CREATE TABLE public.documents (
    id integer NOT NULL,
    revision bigint
);
