-- Functions added, dropped and changed (body, characteristics, comment, arguments).
-- expect: Add Function app.f_new; Delete Function app.f_gone; Edit Function app.f_changed; Edit Function app.f_args
-- source
DELIMITER $$
CREATE FUNCTION f_new(x int) RETURNS int NO SQL DETERMINISTIC RETURN x + 1$$
CREATE FUNCTION f_changed(a varchar(20)) RETURNS varchar(40) DETERMINISTIC COMMENT 'pads it'
BEGIN
    DECLARE result varchar(40);
    SET result = concat('[', a, ']');
    RETURN result;
END$$
CREATE FUNCTION f_args(a int, b int) RETURNS bigint DETERMINISTIC RETURN a * b$$
DELIMITER ;
-- target
DELIMITER $$
CREATE FUNCTION f_gone() RETURNS int RETURN 1$$
CREATE FUNCTION f_changed(a varchar(20)) RETURNS varchar(40) RETURN a$$
CREATE FUNCTION f_args(a int) RETURNS bigint DETERMINISTIC RETURN a$$
DELIMITER ;
