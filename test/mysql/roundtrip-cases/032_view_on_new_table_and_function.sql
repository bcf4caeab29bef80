-- A new view over a new table, calling a new function.
-- expect: Add Table app.prices; Add Function app.with_tax; Add View app.v_prices
-- source
CREATE TABLE prices (id int PRIMARY KEY, net decimal(10,2) NOT NULL);
CREATE FUNCTION with_tax(amount decimal(10,2)) RETURNS decimal(10,2) DETERMINISTIC RETURN amount * 1.2;
CREATE VIEW v_prices AS SELECT id, with_tax(net) AS gross FROM prices;
-- target
