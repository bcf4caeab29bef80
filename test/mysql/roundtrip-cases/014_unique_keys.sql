-- Unique keys added, dropped and widened.
-- expect: Edit Table app.accounts
-- source
CREATE TABLE accounts (id int PRIMARY KEY, email varchar(120) NOT NULL, tenant int NOT NULL, handle varchar(40),
    UNIQUE KEY uq_email (email), UNIQUE KEY uq_handle (tenant, handle));
-- target
CREATE TABLE accounts (id int PRIMARY KEY, email varchar(120) NOT NULL, tenant int NOT NULL, handle varchar(40),
    UNIQUE KEY uq_handle (handle), UNIQUE KEY uq_old (tenant, email));
