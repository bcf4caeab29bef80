-- qty int as {"kind":"integer","neverNull":true}
CONVERT(VARCHAR(20), [qty])
-- amount decimal(12,2) as {"kind":"decimal","scale":2}
CONVERT(VARCHAR(50), CAST([amount] AS DECIMAL(38, 2)))
-- price money as {"kind":"decimal","scale":4}
CONVERT(VARCHAR(50), CAST([price] AS DECIMAL(38, 4)))
-- ratio float as {"kind":"float","floatDigits":6}
CASE WHEN ABS(CAST([ratio] AS FLOAT)) >= 1e32 THEN CONVERT(VARCHAR(30), CAST([ratio] AS FLOAT), 3) ELSE CONVERT(VARCHAR(50), CAST(CAST([ratio] AS FLOAT) AS DECIMAL(38, 6))) END
-- paid bit as {"kind":"boolean"}
CONVERT(VARCHAR(20), [paid])
-- created datetime2(3) as {"kind":"timestamp","timestampDigits":3}
LEFT(CONVERT(VARCHAR(27), CAST([created] AS DATETIME2(7)), 121), 23)
-- hashed as
LEFT(LEFT(CONVERT(VARCHAR(27), CAST([created] AS DATETIME2(7)), 121), 23), 19) + COALESCE('.' + NULLIF(REPLACE(RTRIM(REPLACE(SUBSTRING(LEFT(CONVERT(VARCHAR(27), CAST([created] AS DATETIME2(7)), 121), 23), 21, 3), '0', ' ')), ' ', '0'), ''), '')
-- at datetimeoffset(7) as {"kind":"timestamp","timestampDigits":6}
LEFT(CONVERT(VARCHAR(27), CAST(SWITCHOFFSET([at], '+00:00') AS DATETIME2(7)), 121), 26)
-- hashed as
LEFT(LEFT(CONVERT(VARCHAR(27), CAST(SWITCHOFFSET([at], '+00:00') AS DATETIME2(7)), 121), 26), 19) + COALESCE('.' + NULLIF(REPLACE(RTRIM(REPLACE(SUBSTRING(LEFT(CONVERT(VARCHAR(27), CAST(SWITCHOFFSET([at], '+00:00') AS DATETIME2(7)), 121), 26), 21, 6), '0', ' ')), ' ', '0'), ''), '')
-- legacy datetime as {"kind":"timestamp","timestampDigits":3}
LEFT(CONVERT(VARCHAR(23), [legacy], 121), 23)
-- hashed as
LEFT(LEFT(CONVERT(VARCHAR(23), [legacy], 121), 23), 19) + COALESCE('.' + NULLIF(REPLACE(RTRIM(REPLACE(SUBSTRING(LEFT(CONVERT(VARCHAR(23), [legacy], 121), 23), 21, 3), '0', ' ')), ' ', '0'), ''), '')
-- day date as {"kind":"date"}
CONVERT(VARCHAR(10), [day], 23)
-- ref uniqueidentifier as {"kind":"uuid"}
LOWER(CONVERT(VARCHAR(36), [ref]))
-- code nchar(5) as {"kind":"char"}
RTRIM(CAST([code] AS NVARCHAR(MAX)) COLLATE Latin1_General_100_BIN2_UTF8)
-- note nvarchar(max) as {"kind":"text"}
CAST([note] AS NVARCHAR(MAX)) COLLATE Latin1_General_100_BIN2_UTF8
-- blob varbinary(max) as {"kind":"binary"}
LOWER(CONVERT(VARCHAR(MAX), [blob], 2))
-- tiny tinyint as {"kind":"integer"}
CONVERT(VARCHAR(20), [tiny])
-- small smalldatetime as {"kind":"timestamp","timestampDigits":0}
CONVERT(VARCHAR(19), [small], 120)
-- created datetime2(7) as {"kind":"timestamp","timestampDigits":0}
LEFT(CONVERT(VARCHAR(27), CAST([created] AS DATETIME2(7)), 121), 19)
-- real4 real as {"kind":"float","floatDigits":3}
CASE WHEN ABS(CAST([real4] AS FLOAT)) >= 1e35 THEN CONVERT(VARCHAR(30), CAST([real4] AS FLOAT), 3) ELSE CONVERT(VARCHAR(50), CAST(CAST([real4] AS FLOAT) AS DECIMAL(38, 3))) END
-- img image as {"kind":"binary"}
LOWER(CONVERT(VARCHAR(MAX), CAST([img] AS VARBINARY(MAX)), 2))
-- uid_text varchar(36) as {"kind":"uuid"}
LOWER(CAST([uid_text] AS NVARCHAR(MAX)) COLLATE Latin1_General_100_BIN2_UTF8)
-- legacy_text text as {"kind":"text"}
CAST([legacy_text] AS NVARCHAR(MAX)) COLLATE Latin1_General_100_BIN2_UTF8
-- flag_as_int bit as {"kind":"integer"}
CONVERT(VARCHAR(20), [flag_as_int])
-- qty_as_decimal int as {"kind":"decimal","scale":0}
CONVERT(VARCHAR(50), CAST([qty_as_decimal] AS DECIMAL(38, 0)))
-- code_as_text char(5) as {"kind":"text"}
RTRIM(CAST([code_as_text] AS NVARCHAR(MAX)) COLLATE Latin1_General_100_BIN2_UTF8)
