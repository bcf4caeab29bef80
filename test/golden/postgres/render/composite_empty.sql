CREATE TYPE app.unit AS ();
