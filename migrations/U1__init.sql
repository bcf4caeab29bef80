-- Undo of V1__init.sql: removes the shop schema and everything in it.
DROP SCHEMA shop CASCADE;
