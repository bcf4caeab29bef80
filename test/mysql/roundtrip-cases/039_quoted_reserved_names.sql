-- Reserved words, spaces, backticks and mixed case in names.
-- expect: Add Table app.order; Edit Table app.Select Items; Add View app.group by
-- source
CREATE TABLE `order` (`key` int PRIMARY KEY, `desc` varchar(20), `from` date, KEY `index` (`desc`));
CREATE TABLE `Select Items` (`Id` int PRIMARY KEY, `Weird``Name` int, `where` varchar(5) DEFAULT 'x');
CREATE VIEW `group by` AS SELECT `key`, `desc` FROM `order`;
-- target
CREATE TABLE `Select Items` (`Id` int PRIMARY KEY);
