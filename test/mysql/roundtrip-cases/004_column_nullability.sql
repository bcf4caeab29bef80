-- expect: Edit Table app.people
-- source
CREATE TABLE people (id int PRIMARY KEY, first_name varchar(50) NOT NULL, last_name varchar(50) NULL);
-- target
CREATE TABLE people (id int PRIMARY KEY, first_name varchar(50) NULL, last_name varchar(50) NOT NULL);
