CREATE TABLE [sales].[order_lines] (
    [order_id] bigint NOT NULL,
    [line_no] smallint NOT NULL,
    [sku] char(12) NOT NULL,
    [price] money NOT NULL,
    [weight] float NULL,
    [payload] varbinary(max) NULL,
    CONSTRAINT [PK_order_lines] PRIMARY KEY NONCLUSTERED ([order_id], [line_no])
)
GO

CREATE CLUSTERED INDEX [CX_order_lines_sku] ON [sales].[order_lines] ([sku])
GO

CREATE UNIQUE NONCLUSTERED INDEX [UX_order_lines_sku_old] ON [sales].[order_lines] ([sku])
GO

ALTER INDEX [UX_order_lines_sku_old] ON [sales].[order_lines] DISABLE
GO

ALTER TABLE [sales].[order_lines] WITH NOCHECK ADD CONSTRAINT [FK_order_lines_orders] FOREIGN KEY ([order_id]) REFERENCES [sales].[orders] ([id])
GO

ALTER TABLE [sales].[order_lines] NOCHECK CONSTRAINT [FK_order_lines_orders]
GO
