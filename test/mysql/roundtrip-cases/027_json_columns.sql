-- json columns (MariaDB: longtext with a json_valid check that must round-trip as json).
-- expect: Edit Table app.documents; Add Table app.settings
-- source
CREATE TABLE documents (id int PRIMARY KEY, body json NOT NULL, meta json, title varchar(50));
CREATE TABLE settings (id int PRIMARY KEY, data json DEFAULT NULL);
-- target
CREATE TABLE documents (id int PRIMARY KEY, body longtext NOT NULL, title varchar(50));
