-- ENUM and SET columns: values added, reordered, removed, defaults.
-- expect: Edit Table app.tickets
-- source
CREATE TABLE tickets (id int PRIMARY KEY, status enum('new','open','closed','archived') NOT NULL DEFAULT 'new',
    flags set('urgent','vip','internal') DEFAULT 'vip', channel enum('web','mail'));
-- target
CREATE TABLE tickets (id int PRIMARY KEY, status enum('new','open','closed') NOT NULL DEFAULT 'open',
    flags set('urgent','vip'), channel enum('mail','web','phone'));
