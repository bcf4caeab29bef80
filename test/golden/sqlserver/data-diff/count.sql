SELECT COUNT(*) AS n FROM [sales].[orders] WHERE [qty] > 0
