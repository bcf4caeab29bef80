-- An enum value exists in the target only: PostgreSQL cannot drop a value, so the type must be
-- re-created and the column (with its default and an index) converted.
-- expect: Edit Enum public.mood
-- source
CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE public.diary (day date, mood public.mood DEFAULT 'ok'::public.mood NOT NULL);
CREATE INDEX diary_mood_idx ON public.diary (mood);
-- target
CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'meh', 'happy');
CREATE TABLE public.diary (day date, mood public.mood DEFAULT 'ok'::public.mood NOT NULL);
CREATE INDEX diary_mood_idx ON public.diary (mood);
