-- Triggers added, changed and dropped, with compound bodies.
-- expect: Edit Table app.accounts
-- source
CREATE TABLE accounts (id int PRIMARY KEY, balance decimal(12,2) NOT NULL, updated_at datetime, note varchar(100));
CREATE TABLE audit (id int AUTO_INCREMENT PRIMARY KEY, account_id int, at datetime);
DELIMITER $$
CREATE TRIGGER trg_accounts_bu BEFORE UPDATE ON accounts FOR EACH ROW
BEGIN
    IF NEW.balance < 0 THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative balance; refused';
    END IF;
    SET NEW.updated_at = NOW();
END$$
CREATE TRIGGER trg_accounts_ai AFTER INSERT ON accounts FOR EACH ROW INSERT INTO audit (account_id, at) VALUES (NEW.id, NOW())$$
DELIMITER ;
-- target
CREATE TABLE accounts (id int PRIMARY KEY, balance decimal(12,2) NOT NULL, updated_at datetime, note varchar(100));
CREATE TABLE audit (id int AUTO_INCREMENT PRIMARY KEY, account_id int, at datetime);
CREATE TRIGGER trg_accounts_bu BEFORE UPDATE ON accounts FOR EACH ROW SET NEW.updated_at = NOW();
CREATE TRIGGER trg_accounts_bd BEFORE DELETE ON accounts FOR EACH ROW SET @deleted = OLD.id;
