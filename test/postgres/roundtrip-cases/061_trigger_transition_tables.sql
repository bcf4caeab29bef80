-- A statement trigger with a transition table (REFERENCING NEW TABLE) added in another schema.
-- expect: Edit Table app.stock_moves; Add Function app.summarize_moves()
-- source
CREATE SCHEMA app;
CREATE TABLE app.stock_moves (item integer, qty integer);
CREATE FUNCTION app.summarize_moves() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM count(*) FROM new_moves;
    RETURN NULL;
END;
$$;
CREATE TRIGGER stock_moves_summary AFTER INSERT ON app.stock_moves
    REFERENCING NEW TABLE AS new_moves FOR EACH STATEMENT EXECUTE FUNCTION app.summarize_moves();
-- target
CREATE SCHEMA app;
CREATE TABLE app.stock_moves (item integer, qty integer);
