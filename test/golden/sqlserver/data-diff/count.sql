SELECT COUNT_BIG(*) AS n FROM [sales].[orders] WHERE [qty] > 0
