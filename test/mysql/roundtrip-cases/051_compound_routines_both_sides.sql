-- Procedures and functions with compound bodies added, changed and dropped, on both sides.
-- expect: Add Procedure app.p_add; Delete Procedure app.p_drop; Edit Procedure app.p_edit; Add Function app.f_add; Delete Function app.f_drop; Edit Function app.f_edit
-- source
CREATE TABLE counters (name varchar(20) PRIMARY KEY, n int NOT NULL DEFAULT 0);
DELIMITER $$
CREATE PROCEDURE p_add(IN k varchar(20))
BEGIN
    INSERT INTO counters (name) VALUES (k) ON DUPLICATE KEY UPDATE n = n + 1;
END$$
CREATE PROCEDURE p_edit(IN k varchar(20))
BEGIN
    DECLARE done int DEFAULT 0;
    UPDATE counters SET n = 0 WHERE name = k;
    SET done = row_count();
END$$
CREATE FUNCTION f_add(a int) RETURNS int DETERMINISTIC
BEGIN
    DECLARE b int;
    SET b = a * 2;
    RETURN b;
END$$
CREATE FUNCTION f_edit(a int) RETURNS int DETERMINISTIC
BEGIN
    RETURN a + 2;
END$$
DELIMITER ;
-- target
CREATE TABLE counters (name varchar(20) PRIMARY KEY, n int NOT NULL DEFAULT 0);
DELIMITER $$
CREATE PROCEDURE p_drop()
BEGIN
    DELETE FROM counters WHERE n = 0;
    DELETE FROM counters WHERE name = '';
END$$
CREATE PROCEDURE p_edit(IN k varchar(20))
BEGIN
    UPDATE counters SET n = n - 1 WHERE name = k;
END$$
CREATE FUNCTION f_drop() RETURNS int DETERMINISTIC
BEGIN
    DECLARE x int DEFAULT 1;
    RETURN x;
END$$
CREATE FUNCTION f_edit(a int) RETURNS int DETERMINISTIC
BEGIN
    DECLARE c int DEFAULT 1;
    RETURN a + c;
END$$
DELIMITER ;
