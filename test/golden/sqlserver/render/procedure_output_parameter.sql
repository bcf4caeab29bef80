CREATE PROCEDURE sales.usp_close_order @id bigint, @closed int OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE sales.orders SET status = 'done' WHERE id = @id;
    SET @closed = @@ROWCOUNT;
END
GO

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Marks an order done', @level0type = N'SCHEMA', @level0name = N'sales', @level1type = N'PROCEDURE', @level1name = N'usp_close_order'
GO
