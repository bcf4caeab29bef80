-- Events with compound bodies added, changed and dropped, on both sides.
-- expect: Edit Schema app
-- source
CREATE TABLE jobs (id int PRIMARY KEY, state varchar(10));
DELIMITER $$
CREATE EVENT ev_add ON SCHEDULE EVERY 1 HOUR STARTS '2030-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE DO
BEGIN
    DELETE FROM jobs WHERE state = 'done';
    UPDATE jobs SET state = 'queued' WHERE state IS NULL;
END$$
CREATE EVENT ev_edit ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE DO
BEGIN
    UPDATE jobs SET state = 'stale' WHERE state = 'queued';
END$$
DELIMITER ;
-- target
CREATE TABLE jobs (id int PRIMARY KEY, state varchar(10));
DELIMITER $$
CREATE EVENT ev_drop ON SCHEDULE EVERY 1 HOUR STARTS '2030-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE DO
BEGIN
    DELETE FROM jobs;
    DELETE FROM jobs WHERE id < 0;
END$$
CREATE EVENT ev_edit ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE DO
BEGIN
    UPDATE jobs SET state = 'old' WHERE state = 'queued';
    UPDATE jobs SET state = 'old' WHERE state IS NULL;
END$$
DELIMITER ;
