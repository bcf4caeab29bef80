CREATE TABLE [sales].[orders] (
    [id] bigint IDENTITY(1000,1) NOT FOR REPLICATION NOT NULL,
    [customer_id] int NOT NULL,
    [status] varchar(20) NOT NULL CONSTRAINT [DF_orders_status] DEFAULT ('new'),
    [total] decimal(12,2) NOT NULL DEFAULT (0),
    [total_with_tax] AS ([total]*(1.2)) PERSISTED,
    [note] nvarchar(100) COLLATE Latin1_General_CS_AS NULL,
    [is_rush] bit NOT NULL DEFAULT (0),
    [placed_on] date NULL,
    CONSTRAINT [PK_orders] PRIMARY KEY CLUSTERED ([id]),
    CONSTRAINT [CK_orders_total] CHECK ([total]>=(0))
)
GO

ALTER TABLE [sales].[orders] WITH NOCHECK ADD CONSTRAINT [CK_orders_status] CHECK ([status]='done' OR [status]='new')
GO

CREATE NONCLUSTERED INDEX [IX_orders_customer] ON [sales].[orders] ([customer_id])
GO

CREATE NONCLUSTERED INDEX [IX_orders_status] ON [sales].[orders] ([status], [placed_on] DESC) INCLUDE ([total]) WHERE [status]<>'done'
GO

ALTER TABLE [sales].[orders] ADD CONSTRAINT [FK_orders_customers] FOREIGN KEY ([customer_id]) REFERENCES [sales].[customers] ([id]) ON DELETE CASCADE NOT FOR REPLICATION
GO

CREATE TRIGGER sales.TR_orders_audit ON sales.orders
AFTER INSERT, UPDATE
AS
BEGIN
    SET NOCOUNT ON;
END
GO

DISABLE TRIGGER [sales].[TR_orders_audit] ON [sales].[orders]
GO

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Open orders by status', @level0type = N'SCHEMA', @level0name = N'sales', @level1type = N'TABLE', @level1name = N'orders', @level2type = N'INDEX', @level2name = N'IX_orders_status'
GO
