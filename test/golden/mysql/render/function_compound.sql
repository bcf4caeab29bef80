DELIMITER $$
CREATE FUNCTION `app`.`f`(`a` int) RETURNS int
    DETERMINISTIC
BEGIN
    DECLARE x int;
    SET x = a * 2;
    RETURN x;
END
$$
DELIMITER ;
