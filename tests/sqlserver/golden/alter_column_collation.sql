ALTER TABLE [users] ALTER COLUMN [name] nvarchar(max) COLLATE C NULL;
