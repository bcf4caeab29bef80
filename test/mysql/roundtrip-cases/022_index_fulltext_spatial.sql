-- FULLTEXT and SPATIAL indexes.
-- expect: Edit Table app.places
-- source
CREATE TABLE places (id int PRIMARY KEY, name varchar(100), description text, location point NOT NULL,
    FULLTEXT KEY ft_text (name, description), SPATIAL KEY sp_location (location)) ENGINE=InnoDB;
-- target
CREATE TABLE places (id int PRIMARY KEY, name varchar(100), description text, location point NOT NULL,
    FULLTEXT KEY ft_text (description)) ENGINE=InnoDB;
