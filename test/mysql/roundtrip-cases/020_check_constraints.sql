-- Check constraints added, changed and dropped.
-- expect: Edit Table app.stock
-- source
CREATE TABLE stock (id int PRIMARY KEY, qty int NOT NULL, price decimal(8,2),
    CONSTRAINT ck_qty CHECK (qty >= 0), CONSTRAINT ck_price CHECK (price > 0 AND price < 10000));
-- target
CREATE TABLE stock (id int PRIMARY KEY, qty int NOT NULL, price decimal(8,2),
    CONSTRAINT ck_qty CHECK (qty > -1), CONSTRAINT ck_old CHECK (id > 0));
