ALTER TABLE [users] ALTER COLUMN [name] nvarchar(max) NOT NULL;
