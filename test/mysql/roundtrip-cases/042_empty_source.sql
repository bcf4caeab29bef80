-- Everything goes: the reverse of an empty target.
-- expect: Delete Table app.t1; Delete Table app.t2; Delete View app.v1; Delete Function app.f1; Delete Procedure app.p1; Edit Schema app
-- source
-- target
CREATE TABLE t1 (id int PRIMARY KEY, v varchar(10));
CREATE TABLE t2 (id int PRIMARY KEY, t1_id int, CONSTRAINT fk_t2_t1 FOREIGN KEY (t1_id) REFERENCES t1 (id));
CREATE VIEW v1 AS SELECT t2.id, t1.v FROM t2 JOIN t1 ON t1.id = t2.t1_id;
CREATE FUNCTION f1() RETURNS int DETERMINISTIC RETURN 42;
CREATE PROCEDURE p1() SELECT f1();
CREATE TRIGGER trg_t1 BEFORE INSERT ON t1 FOR EACH ROW SET NEW.v = lower(NEW.v);
CREATE EVENT ev1 ON SCHEDULE EVERY 1 WEEK STARTS '2030-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE DO CALL p1();
