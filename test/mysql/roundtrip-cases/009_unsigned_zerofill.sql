-- Display widths normalize away (int(11) = int) but unsigned and tinyint(1) count.
-- expect: Edit Table app.counters
-- source
CREATE TABLE counters (id int(11) PRIMARY KEY, hits int unsigned NOT NULL, flag tinyint(1), small tinyint unsigned, big bigint(20) unsigned);
-- target
CREATE TABLE counters (id int PRIMARY KEY, hits int NOT NULL, flag tinyint, small tinyint unsigned, big bigint unsigned);
