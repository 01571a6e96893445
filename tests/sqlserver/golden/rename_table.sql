EXEC sp_rename N'[orders]', N'purchases';
