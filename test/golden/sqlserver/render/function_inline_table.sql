CREATE FUNCTION sales.fn_orders_of (@customer int)
RETURNS TABLE
AS
RETURN (SELECT id, total FROM sales.orders WHERE customer_id = @customer);
GO
