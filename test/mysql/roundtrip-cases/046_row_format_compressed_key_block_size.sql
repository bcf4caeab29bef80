-- ROW_FORMAT=COMPRESSED with KEY_BLOCK_SIZE: a table created with them, one that gains them, one that
-- loses them and one whose block size changes (keys built under the old size are rebuilt).
-- expect: Add Table app.packed; Edit Table app.grows; Edit Table app.shrinks; Edit Table app.resized
-- source
CREATE TABLE packed (id int PRIMARY KEY, payload text, KEY ix_payload (payload(20))) ENGINE=InnoDB ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8;
CREATE TABLE grows (id int PRIMARY KEY, v int, KEY ix_v (v)) ENGINE=InnoDB ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=4;
CREATE TABLE shrinks (id int PRIMARY KEY, v int, KEY ix_v (v)) ENGINE=InnoDB;
CREATE TABLE resized (id int PRIMARY KEY, v int, UNIQUE KEY uq_v (v)) ENGINE=InnoDB KEY_BLOCK_SIZE=4;
-- target
CREATE TABLE grows (id int PRIMARY KEY, v int, KEY ix_v (v)) ENGINE=InnoDB;
CREATE TABLE shrinks (id int PRIMARY KEY, v int, KEY ix_v (v)) ENGINE=InnoDB ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8;
CREATE TABLE resized (id int PRIMARY KEY, v int, UNIQUE KEY uq_v (v)) ENGINE=InnoDB ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8;
