-- The auto-increment key column changes: the key and AUTO_INCREMENT move together in one ALTER.
-- expect: Edit Table app.jobs
-- source
CREATE TABLE jobs (job_id bigint NOT NULL AUTO_INCREMENT, legacy_id int NOT NULL, name varchar(40), PRIMARY KEY (job_id), UNIQUE KEY uq_legacy (legacy_id));
-- target
CREATE TABLE jobs (job_id bigint NOT NULL, legacy_id int NOT NULL AUTO_INCREMENT, name varchar(40), PRIMARY KEY (legacy_id));
