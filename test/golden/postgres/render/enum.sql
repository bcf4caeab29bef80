CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');

COMMENT ON TYPE app.mood IS 'how it feels';
