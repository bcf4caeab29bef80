CREATE DOMAIN app.positive AS integer;
