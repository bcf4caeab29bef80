-- A table goes away and the view that read it now reads its replacement.
-- expect: Delete Table app.old_prices; Add Table app.prices; Edit View app.v_prices
-- source
CREATE TABLE prices (sku varchar(20) PRIMARY KEY, amount decimal(10,2));
CREATE VIEW v_prices AS SELECT sku, amount FROM prices;
-- target
CREATE TABLE old_prices (sku varchar(20) PRIMARY KEY, amount decimal(10,2));
CREATE VIEW v_prices AS SELECT sku, amount FROM old_prices;
