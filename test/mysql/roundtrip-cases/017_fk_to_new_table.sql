-- A new table and a foreign key to it from an existing table.
-- expect: Add Table app.regions; Edit Table app.stores
-- source
CREATE TABLE regions (code char(2) PRIMARY KEY, name varchar(40) NOT NULL);
CREATE TABLE stores (id int PRIMARY KEY, region char(2), CONSTRAINT fk_store_region FOREIGN KEY (region) REFERENCES regions (code));
-- target
CREATE TABLE stores (id int PRIMARY KEY, region char(2));
