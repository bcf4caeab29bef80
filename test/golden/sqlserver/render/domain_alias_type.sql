CREATE TYPE [dbo].[Phone] FROM nvarchar(20) NOT NULL
GO
