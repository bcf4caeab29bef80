-- NOT NULL added to one column and dropped from another.
-- expect: Edit Table public.accounts
-- source
CREATE TABLE public.accounts (
    id integer NOT NULL,
    owner text NOT NULL,
    nickname text,
    balance numeric NOT NULL
);
-- target
CREATE TABLE public.accounts (
    id integer NOT NULL,
    owner text,
    nickname text NOT NULL,
    balance numeric NOT NULL
);
