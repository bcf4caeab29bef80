-- Expression indexes and key ordering: lower(email), DESC NULLS LAST, a multi-column expression key.
-- expect: Edit Table public.people
-- source
CREATE TABLE public.people (id integer, email text, first text, last text, born date);
CREATE INDEX people_lower_email_idx ON public.people (lower(email));
CREATE INDEX people_born_idx ON public.people (born DESC NULLS LAST, id);
CREATE INDEX people_name_idx ON public.people ((first || ' ' || last), id DESC);
-- target
CREATE TABLE public.people (id integer, email text, first text, last text, born date);
CREATE INDEX people_lower_email_idx ON public.people (upper(email));
CREATE INDEX people_born_idx ON public.people (born, id);
