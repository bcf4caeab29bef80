CREATE VIEW app.active_customers AS SELECT id, name FROM app.customers WHERE (parent_id IS NULL);
