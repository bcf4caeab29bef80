-- Foreign keys: DEFERRABLE INITIALLY DEFERRED vs not deferrable, INITIALLY IMMEDIATE, MATCH FULL.
-- expect: Edit Table public.child
-- source
CREATE TABLE public.parent (a integer, b integer, PRIMARY KEY (a, b));
CREATE TABLE public.child (
    a integer,
    b integer,
    c integer,
    CONSTRAINT child_parent_fk FOREIGN KEY (a, b) REFERENCES public.parent (a, b) MATCH FULL DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT child_c_fk FOREIGN KEY (c, b) REFERENCES public.parent (a, b) DEFERRABLE
);
-- target
CREATE TABLE public.parent (a integer, b integer, PRIMARY KEY (a, b));
CREATE TABLE public.child (
    a integer,
    b integer,
    c integer,
    CONSTRAINT child_parent_fk FOREIGN KEY (a, b) REFERENCES public.parent (a, b),
    CONSTRAINT child_c_fk FOREIGN KEY (c, b) REFERENCES public.parent (a, b) DEFERRABLE INITIALLY DEFERRED
);
