-- Views in the target only, one reading the other (drop order matters).
-- expect: Delete View public.v_base; Delete View public.v_top
-- source
CREATE TABLE public.scores (player text, points integer);
-- target
CREATE TABLE public.scores (player text, points integer);
CREATE VIEW public.v_base AS SELECT player, sum(points) AS total FROM public.scores GROUP BY player;
CREATE VIEW public.v_top AS SELECT player FROM public.v_base WHERE total > 1000;
