ALTER TABLE [users] ALTER COLUMN [name] nvarchar(500) NULL;
