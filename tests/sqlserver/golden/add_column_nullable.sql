ALTER TABLE [users] ADD [bio] nvarchar(max) NULL;
