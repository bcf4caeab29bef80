CREATE SCHEMA [Reporting Tools]
GO
