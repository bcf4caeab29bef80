CREATE SEQUENCE app.plain_seq;
