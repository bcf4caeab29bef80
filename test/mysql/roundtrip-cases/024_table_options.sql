-- Engine, row format and comment.
-- expect: Edit Table app.cache; Edit Table app.archive
-- source
CREATE TABLE cache (k varchar(40) PRIMARY KEY, v text) ENGINE=MyISAM COMMENT='hot cache';
CREATE TABLE archive (id int PRIMARY KEY, payload text) ENGINE=InnoDB ROW_FORMAT=COMPRESSED;
-- target
CREATE TABLE cache (k varchar(40) PRIMARY KEY, v text) ENGINE=InnoDB;
CREATE TABLE archive (id int PRIMARY KEY, payload text) ENGINE=InnoDB ROW_FORMAT=DYNAMIC COMMENT='old';
