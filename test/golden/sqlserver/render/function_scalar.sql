CREATE FUNCTION dbo.fn_tax (@amount decimal(12,2))
RETURNS decimal(12,2)
AS
BEGIN
    RETURN @amount * 0.2;
END
GO
