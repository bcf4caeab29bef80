-- Columns, parameters and variables named with non-reserved keywords (type, status, zone, policy,
-- definer, invoker) used inside trigger, routine, event and view bodies, compound and simple.
-- expect: Edit Table app.tickets; Add Function app.f_kind; Add Procedure app.p_close; Edit Procedure app.p_route; Add View app.v_open; Edit Schema app
-- source
CREATE TABLE tickets (id int PRIMARY KEY, `type` varchar(10), `status` varchar(10), `zone` varchar(10),
    `policy` varchar(10), `definer` varchar(40), `invoker` varchar(40));
CREATE VIEW v_open AS SELECT id, type, status, zone, policy, definer, invoker FROM tickets WHERE status = 'open';
DELIMITER $$
CREATE TRIGGER trg_tickets_bi BEFORE INSERT ON tickets FOR EACH ROW
BEGIN
    IF NEW.status IS NULL THEN
        SET NEW.status = 'open';
    END IF;
    SET NEW.type = coalesce(NEW.type, 'task'), NEW.zone = 'eu', NEW.policy = 'default';
    SET NEW.definer = current_user(), NEW.invoker = NEW.definer;
END$$
CREATE TRIGGER trg_tickets_bu BEFORE UPDATE ON tickets FOR EACH ROW SET NEW.status = coalesce(NEW.status, OLD.status)$$
CREATE FUNCTION f_kind(t_id int) RETURNS varchar(40) READS SQL DATA
BEGIN
    DECLARE type varchar(10);
    DECLARE status varchar(10);
    SELECT t.type, t.status INTO type, status FROM tickets t WHERE t.id = t_id;
    RETURN concat(type, '/', status);
END$$
CREATE PROCEDURE p_close(IN zone varchar(10), IN policy varchar(10))
MODIFIES SQL DATA
SQL SECURITY INVOKER
BEGIN
    DECLARE definer varchar(40) DEFAULT current_user();
    UPDATE tickets SET status = 'closed', tickets.policy = policy, invoker = definer WHERE tickets.zone = zone;
END$$
CREATE PROCEDURE p_route(IN type varchar(10), OUT zone varchar(10))
BEGIN
    CASE type WHEN 'task' THEN SET zone = 'eu'; ELSE SET zone = 'us'; END CASE;
END$$
CREATE EVENT ev_close ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE DO
BEGIN
    UPDATE tickets SET status = 'stale' WHERE status = 'open' AND type = 'task';
    UPDATE tickets SET zone = 'none' WHERE zone IS NULL;
END$$
CREATE EVENT ev_policy ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE DO UPDATE tickets SET policy = 'default' WHERE policy IS NULL$$
DELIMITER ;
-- target
CREATE TABLE tickets (id int PRIMARY KEY, `type` varchar(10), `status` varchar(10), `zone` varchar(10),
    `policy` varchar(10), `definer` varchar(40), `invoker` varchar(40));
CREATE PROCEDURE p_route(IN type varchar(10), OUT zone varchar(10)) SET zone = type;
