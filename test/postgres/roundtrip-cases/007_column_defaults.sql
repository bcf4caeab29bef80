-- Defaults added, changed and dropped; expression, constant and function defaults.
-- expect: Edit Table public.settings
-- source
CREATE TABLE public.settings (
    id integer NOT NULL,
    enabled boolean DEFAULT true,
    level integer DEFAULT 0,
    label text DEFAULT 'new'::text,
    created_at timestamp with time zone DEFAULT now(),
    tags text[] DEFAULT '{}'::text[],
    token text
);
-- target
CREATE TABLE public.settings (
    id integer NOT NULL,
    enabled boolean,
    level integer DEFAULT 5,
    label text DEFAULT 'old'::text,
    created_at timestamp with time zone,
    tags text[],
    token text DEFAULT md5(random()::text)
);
