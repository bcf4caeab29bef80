-- Comments of a primary key and of indexes changed, added and removed (the key, its columns and a referencing foreign key stay).
-- expect: Edit Table app.accounts
-- source
CREATE TABLE accounts (id int NOT NULL, email varchar(100), region varchar(10),
    PRIMARY KEY (id) COMMENT 'surrogate key',
    UNIQUE KEY uq_email (email) COMMENT 'one account per address',
    KEY ix_region (region));
CREATE TABLE logins (id int PRIMARY KEY, account_id int, CONSTRAINT fk_login_account FOREIGN KEY (account_id) REFERENCES accounts (id));
-- target
CREATE TABLE accounts (id int NOT NULL, email varchar(100), region varchar(10),
    PRIMARY KEY (id),
    UNIQUE KEY uq_email (email) COMMENT 'unique address',
    KEY ix_region (region) COMMENT 'reports by region');
CREATE TABLE logins (id int PRIMARY KEY, account_id int, CONSTRAINT fk_login_account FOREIGN KEY (account_id) REFERENCES accounts (id));
