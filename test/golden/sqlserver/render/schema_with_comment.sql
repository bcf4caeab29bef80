CREATE SCHEMA [sales]
GO

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Orders and customers', @level0type = N'SCHEMA', @level0name = N'sales'
GO
