-- Procedures with IN/OUT/INOUT parameters, compound bodies with IF, loops and handlers.
-- expect: Add Procedure app.p_count; Edit Procedure app.p_archive; Delete Procedure app.p_old
-- source
CREATE TABLE items (id int PRIMARY KEY, done tinyint(1) NOT NULL DEFAULT 0);
DELIMITER $$
CREATE PROCEDURE p_count(IN only_done tinyint, OUT n int)
READS SQL DATA
BEGIN
    IF only_done THEN
        SELECT count(*) INTO n FROM items WHERE done = 1;
    ELSE
        SELECT count(*) INTO n FROM items;
    END IF;
END$$
CREATE PROCEDURE p_archive(INOUT batch int)
MODIFIES SQL DATA
SQL SECURITY INVOKER
COMMENT 'deletes finished items in batches'
BEGIN
    DECLARE i int DEFAULT 0;
    DECLARE CONTINUE HANDLER FOR SQLEXCEPTION SET batch = -1;
    del: LOOP
        SET i = i + 1;
        IF i > batch THEN LEAVE del; END IF;
        DELETE FROM items WHERE done = 1 LIMIT 1;
    END LOOP del;
    WHILE i > 0 DO SET i = i - 1; END WHILE;
    REPEAT SET i = i + 1; UNTIL i >= 2 END REPEAT;
    CASE batch WHEN 0 THEN SET batch = 1; ELSE SET batch = batch; END CASE;
END$$
DELIMITER ;
-- target
CREATE TABLE items (id int PRIMARY KEY, done tinyint(1) NOT NULL DEFAULT 0);
DELIMITER $$
CREATE PROCEDURE p_archive(INOUT batch int) BEGIN DELETE FROM items WHERE done = 1; END$$
CREATE PROCEDURE p_old() SELECT 'old; with a semicolon' AS msg$$
DELIMITER ;
