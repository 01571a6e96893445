EXEC sp_rename N'[users].[ix_users_name]', N'ix_users_full_name', N'INDEX';
