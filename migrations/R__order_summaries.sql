-- Repeatable: runs after the versioned migrations, and again whenever this file changes.
CREATE OR REPLACE VIEW shop.order_summaries AS
    SELECT o.id, c.email, o.status, shop.order_total(o.id) AS total
    FROM shop.orders o
    JOIN shop.customers c ON c.id = o.customer_id;
COMMENT ON VIEW shop.order_summaries IS 'one row per order, with its total';
