-- Triggers with compound bodies on both sides (so V and U both write DELIMITER blocks), written as
-- users do (`begin ... end`, lower case); one body holds `$$` in a string, so its block needs another
-- delimiter.
-- expect: Edit Table app.t
-- source
CREATE TABLE t (id int PRIMARY KEY, note varchar(40));
DELIMITER //
CREATE TRIGGER `t_before` BEFORE INSERT ON `t` FOR EACH ROW begin
set NEW.id = NEW.id + 10;
end//
CREATE TRIGGER `t_price` BEFORE UPDATE ON `t` FOR EACH ROW begin
    if NEW.note is null then set NEW.note = 'costs $$; not free'; end if;
end//
DELIMITER ;
-- target
CREATE TABLE t (id int PRIMARY KEY, note varchar(40));
DELIMITER //
CREATE TRIGGER `t_before` BEFORE INSERT ON `t` FOR EACH ROW begin
set NEW.id = NEW.id + 20;
set NEW.note = 'shifted';
end//
CREATE TRIGGER `t_after` AFTER DELETE ON `t` FOR EACH ROW begin
    set @gone = OLD.id;
end//
DELIMITER ;
