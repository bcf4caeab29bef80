CREATE TYPE app.nothing_yet AS ENUM ();
