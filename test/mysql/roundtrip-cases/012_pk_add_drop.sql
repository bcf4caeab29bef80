-- expect: Edit Table app.with_pk; Edit Table app.without_pk
-- source
CREATE TABLE with_pk (id int NOT NULL, v varchar(10), PRIMARY KEY (id));
CREATE TABLE without_pk (id int NOT NULL, v varchar(10));
-- target
CREATE TABLE with_pk (id int NOT NULL, v varchar(10));
CREATE TABLE without_pk (id int NOT NULL, v varchar(10), PRIMARY KEY (id));
