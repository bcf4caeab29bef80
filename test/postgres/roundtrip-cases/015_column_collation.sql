-- Column collation changes: "C" added, "POSIX" -> default, varchar with "C".
-- expect: Edit Table public.words
-- source
CREATE TABLE public.words (
    word text COLLATE "C" NOT NULL,
    sort_key character varying(40),
    other text COLLATE "C"
);
-- target
CREATE TABLE public.words (
    word text NOT NULL,
    sort_key character varying(40) COLLATE "POSIX",
    other text COLLATE "C"
);
