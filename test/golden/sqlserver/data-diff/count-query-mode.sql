SELECT COUNT_BIG(*) AS n FROM (SELECT id, qty FROM sales.orders) parity_query
