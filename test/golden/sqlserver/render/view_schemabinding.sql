CREATE VIEW sales.v_open_orders
WITH SCHEMABINDING
AS
SELECT o.id, o.customer_id, o.total
FROM sales.orders AS o
WHERE o.status <> 'done'
WITH CHECK OPTION
GO

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Orders not yet done', @level0type = N'SCHEMA', @level0name = N'sales', @level1type = N'VIEW', @level1name = N'v_open_orders'
GO
