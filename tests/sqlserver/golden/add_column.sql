ALTER TABLE [users] ADD [nickname] nvarchar(50) NOT NULL DEFAULT N'n/a';
