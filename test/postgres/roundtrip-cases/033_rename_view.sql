-- A renamed view is seen as a drop and an add.
-- expect: Add View public.active_users; Delete View public.current_users
-- source
CREATE TABLE public.users (id integer, active boolean);
CREATE VIEW public.active_users AS SELECT id FROM public.users WHERE active;
-- target
CREATE TABLE public.users (id integer, active boolean);
CREATE VIEW public.current_users AS SELECT id FROM public.users WHERE active;
