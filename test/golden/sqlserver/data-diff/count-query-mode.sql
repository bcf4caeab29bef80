SELECT COUNT(*) AS n FROM (SELECT id, qty FROM sales.orders) parity_query
