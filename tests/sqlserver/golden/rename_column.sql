EXEC sp_rename N'[users].[name]', N'full_name', N'COLUMN';
