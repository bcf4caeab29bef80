-- A primary key in the target only, on columns that are nullable in the source: dropping the key
-- leaves the columns NOT NULL in PostgreSQL 18, so they must be made nullable as well.
-- expect: Edit Table public.memberships
-- source
CREATE TABLE public.memberships (
    user_id integer,
    group_id integer,
    role text
);
-- target
CREATE TABLE public.memberships (
    user_id integer,
    group_id integer,
    role text,
    PRIMARY KEY (user_id, group_id)
);
