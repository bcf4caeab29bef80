CREATE TABLE [sales].[customers] (
    [id] int IDENTITY(1,1) NOT NULL,
    [email] nvarchar(200) NOT NULL,
    [name] nvarchar(max) NULL,
    [created_at] datetime2(3) NOT NULL DEFAULT (sysutcdatetime()),
    [phone] [dbo].[Phone] NULL,
    [row_version] timestamp NOT NULL,
    CONSTRAINT [PK_customers] PRIMARY KEY CLUSTERED ([id]),
    CONSTRAINT [UQ_customers_email] UNIQUE NONCLUSTERED ([email])
)
GO

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'People who order', @level0type = N'SCHEMA', @level0name = N'sales', @level1type = N'TABLE', @level1name = N'customers'
GO

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Full name as the customer typed it', @level0type = N'SCHEMA', @level0name = N'sales', @level1type = N'TABLE', @level1name = N'customers', @level2type = N'COLUMN', @level2name = N'name'
GO
