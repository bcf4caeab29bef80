CREATE TABLE archive.events_rest PARTITION OF app.events DEFAULT;
