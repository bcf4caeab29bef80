-- An exclusion constraint (gist with btree_gist) in the source only; the extension comes with it.
-- expect: Add Extension public.btree_gist; Edit Table public.bookings
-- source
CREATE EXTENSION btree_gist WITH SCHEMA public;
CREATE TABLE public.bookings (
    room integer NOT NULL,
    during tstzrange NOT NULL,
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&)
);
-- target
CREATE TABLE public.bookings (
    room integer NOT NULL,
    during tstzrange NOT NULL
);
