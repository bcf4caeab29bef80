CREATE TABLE [dbo].[log]]book] (
    [line] nvarchar(max) NULL
)
GO
