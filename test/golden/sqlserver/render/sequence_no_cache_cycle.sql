CREATE SEQUENCE [sales].[ticket_no] AS int START WITH 100 INCREMENT BY 10 MINVALUE 100 MAXVALUE 100000 CYCLE NO CACHE
GO

EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Support tickets', @level0type = N'SCHEMA', @level0name = N'sales', @level1type = N'SEQUENCE', @level1name = N'ticket_no'
GO
