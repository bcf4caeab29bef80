CREATE TABLE public.nothing ();
